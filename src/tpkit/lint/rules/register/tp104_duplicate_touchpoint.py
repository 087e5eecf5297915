"""TP104 duplicate-touchpoint: one catalogue touchpoint listed twice in one process."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...finding import Bi, Hit
from ...rule import Rule, register
from ..examples import PROCESS, sub
from ..words import WHY_REGISTER, needs, process_obj, tp_name

if TYPE_CHECKING:
    from ....registry import Registry


@register
class DuplicateTouchpoint(Rule):
    """One catalogue touchpoint listed twice in one process."""

    code = "TP104"
    name = "duplicate-touchpoint"
    severity = "error"
    summary = {
        "ru": "одна точка взаимодействия указана в процессе дважды: этапы — это потребности одной записи",
        "en": "one touchpoint is listed twice in a process: stages are needs of one entry",
    }
    message = {
        "ru": "точка «{name}» уже указана в процессе «{title}» (строка {first_line}): точки в рамках одного "
        "процесса не дублируются — перенесите потребности {needs} в первую запись и удалите эту",
        "en": "the touchpoint «{name}» is already listed in the process «{title}» (line {first_line}): a process "
        "does not repeat touchpoints — move the needs {needs} into the first entry and remove this one",
    }
    rationale = {
        "ru": "Если взаимодействие идет в несколько этапов (прием заявления, уведомления о ходе рассмотрения), "
        "точки в рамках одного процесса не дублируются: указывается одна точка и раскрываются удовлетворяемые в "
        "ней потребности. Например: ЕПГУ — подача заявления и уведомления о ходе рассмотрения; МФЦ — подача; "
        "телефон — информация о ходе рассмотрения (" + WHY_REGISTER["ru"] + ").",
        "en": "When interaction goes in stages (the application, notices on its progress), a process does not "
        "repeat touchpoints: one touchpoint is listed with the needs it satisfies. E.g. the portal — submitting "
        "and progress notices; the one-stop centre — submitting; the phone — progress (" + WHY_REGISTER["en"] + ").",
    }
    anti_pattern = {
        "processes/child-benefit.yaml": sub(
            PROCESS,
            "    needs: [submit, status, result, feedback]\n",
            "    needs: [submit, result, feedback]\n  - touchpoint: epgu          # тот же портал, другой этап\n"
            "    needs: [status]\n",
        )
    }
    best_practice = {
        "processes/child-benefit.yaml": sub(
            PROCESS,
            "    needs: [submit, status, result, feedback]\n",
            "    needs: [submit, status, result, feedback]   # все этапы на портале — в одной записи\n",
        )
    }

    def check(self, reg: Registry) -> Iterator[Hit]:
        for proc in reg.iter_processes():
            first: dict[str, int] = {}
            repeats: dict[str, int] = defaultdict(int)
            for i, entry in enumerate(proc.touchpoints):
                j = first.setdefault(entry.touchpoint, i)
                if j == i:
                    continue
                repeats[entry.touchpoint] += 1
                file = reg.process_file(proc)
                src = reg.files.get(file)
                line = src.span(("touchpoints", j)).line if src is not None else j + 1
                # repeated entries share a stable path (/touchpoints/[touchpoint=epgu]): the count tells them apart
                yield self.hit(
                    file,
                    ("touchpoints", i),
                    process_obj(proc),
                    key=f"repeat{repeats[entry.touchpoint]}",
                    name=tp_name(reg, entry.touchpoint),
                    title=proc.title,
                    first_line=line,
                    needs=needs(reg, entry.needs) or [Bi("—")],
                )
