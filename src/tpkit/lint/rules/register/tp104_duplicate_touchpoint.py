"""TP104 duplicate-touchpoint: one touchpoint listed twice in one process (under one id, or under two ids of
one channel: see TP114)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ....registry.sameness import channel_of
from ...finding import Bi, Hit
from ...rule import Rule, register
from ..examples import PROCESS, sub
from ..words import line_of, needs, process_obj

if TYPE_CHECKING:
    from ....registry import Registry


@register
class DuplicateTouchpoint(Rule):
    """Summary:
        ru: одна точка взаимодействия указана в процессе дважды: этапы — это потребности одной записи
        en: one touchpoint is listed twice in a process: stages are needs of one entry

    Message:
        ru: точка «{name}» {already} в процессе «{title}» (строка {first_line}): точки в рамках одного процесса не
            дублируются — перенесите потребности {needs} в первую запись и удалите эту
        en: the touchpoint «{name}» {already} in the process «{title}» (line {first_line}): a process does not
            repeat touchpoints — move the needs {needs} into the first entry and remove this one

    Rationale:
        ru: Если взаимодействие идет в несколько этапов (прием заявления, уведомления о ходе рассмотрения), точки в
            рамках одного процесса не дублируются: указывается одна точка и раскрываются удовлетворяемые в ней
            потребности. Например: ЕПГУ — подача заявления и уведомления о ходе рассмотрения; МФЦ — подача; телефон
            — информация о ходе рассмотрения (разд. «Формирование перечня точек взаимодействия»).
        en: When interaction goes in stages (the application, notices on its progress), a process does not repeat
            touchpoints: one touchpoint is listed with the needs it satisfies. E.g. the portal — submitting and
            progress notices; the one-stop centre — submitting; the phone — progress (section «Формирование перечня
            точек взаимодействия» (forming the register)).
    """

    severity = "error"

    def check(self, reg: Registry) -> Iterator[Hit]:
        for proc in reg.iter_processes():
            first: dict[str, int] = {}
            repeats: dict[str, int] = defaultdict(int)
            for i, entry in enumerate(proc.touchpoints):
                # two catalogue ids of one channel (TP114) are one touchpoint here too
                channel = channel_of(reg, entry.touchpoint)
                j = first.setdefault(channel, i)
                if j == i:
                    continue
                repeats[entry.touchpoint] += 1
                file = reg.process_file(proc)
                other = proc.touchpoints[j].touchpoint
                if other == entry.touchpoint:
                    already = Bi("уже указана", "is already listed")
                else:
                    name = reg.tp_name(other)
                    already = Bi(
                        f"— та же точка, что «{name}» (перечень, TP114), уже указанная",
                        f"is the same touchpoint as «{name}» (catalogue, TP114), already listed",
                    )
                # repeated entries share a stable path (/touchpoints/[touchpoint=epgu]): the count tells them apart
                yield self.hit(
                    file,
                    ("touchpoints", i),
                    process_obj(proc),
                    key=f"repeat{repeats[entry.touchpoint]}",
                    name=reg.tp_name(entry.touchpoint),
                    already=already,
                    title=proc.title,
                    first_line=line_of(reg, file, ("touchpoints", j)),
                    needs=needs(reg, entry.needs) or [Bi("—")],
                )

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
