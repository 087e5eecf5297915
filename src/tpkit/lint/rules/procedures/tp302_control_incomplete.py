"""TP302 control-incomplete: control lacks its subject, periodicity, tool or corrective measures."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...finding import Bi, Hit
from ...rule import Rule, register
from ..coverage import said
from ..examples import RECEPTION, RECEPTION_PROCEDURE, sub
from ..words import procedure_place

if TYPE_CHECKING:
    from ....registry import Registry


@register
class ControlIncomplete(Rule):
    """Summary:
        ru: в разделе контроля нет предмета, периодичности или инструмента либо корректирующих мероприятий
        en: control lacks a subject, periodicity or tool, or corrective measures

    Message:
        ru: порядок «{title}», раздел «7. Формы и сроки контроля»: {problem}
        en: the procedure «{title}», section '7. Forms and terms of control': {problem}

    Rationale:
        ru: Раздел форм и сроков контроля должен определять периодичность, предмет контроля (например, соблюдение
            сроков ответа технической поддержки) и эффективные инструменты контроля (например, прослушивание
            аудиозаписей разговоров); его рекомендуется дополнить корректирующими мероприятиями на случай
            негативного результата контроля (разд. «Общие требования к разработке порядков по взаимодействию с
            клиентом»).
        en: The control section must set the periodicity, the subject (the support desk's response times, say) and
            effective tools (listening to call recordings, say); corrective measures for a negative result should be
            added (section «Общие требования к разработке порядков по взаимодействию с клиентом» (developing the
            procedures)).
    """

    severity = "warning"

    _KEYS = {
        "subject": ("предмета", "subject"),
        "periodicity": ("периодичности", "periodicity"),
        "tool": ("инструмента", "tool"),
    }

    def check(self, reg: Registry) -> Iterator[Hit]:
        for pr in reg.procedures.values():
            items = pr.sections.control
            if not items:
                continue  # TP301
            for i, item in enumerate(items):
                lacks = [k for k in self._KEYS if not said(getattr(item, k))]
                if lacks:
                    problem = Bi(
                        f"у пункта контроля {i + 1} нет "
                        + ", ".join(self._KEYS[k][0] for k in lacks)
                        + " ("
                        + ", ".join(lacks)
                        + ")",
                        f"control item {i + 1} has no " + ", ".join(self._KEYS[k][1] for k in lacks),
                    )
                    yield self.hit(*procedure_place(reg, pr, "sections", "control", i), title=pr.title, problem=problem)
            if not any(said(item.corrective_measures) for item in items):
                problem = Bi(
                    "ни у одного пункта нет корректирующих мероприятий (corrective_measures) на случай негативного "
                    "результата контроля",
                    "no item has corrective measures (corrective_measures) for a negative result",
                )
                yield self.hit(
                    *procedure_place(reg, pr, "sections", "control"), key="corrective", title=pr.title, problem=problem
                )

    anti_pattern = {
        RECEPTION: sub(
            RECEPTION_PROCEDURE,
            "      tool: Выгрузка из системы электронной очереди\n"
            "      corrective_measures: [Перераспределение сотрудников в часы пик]\n",
            "",
        )
    }
    best_practice = {RECEPTION: RECEPTION_PROCEDURE}
