"""TP301 procedure-section-missing: a procedure lacks one of its seven sections."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ....registry.enums import SECTION_KEYS
from ...finding import Bi, Hit
from ...rule import Rule, register
from ..coverage import is_empty
from ..examples import RECEPTION, RECEPTION_PROCEDURE, sub
from ..words import procedure_place, section

if TYPE_CHECKING:
    from ....registry import Registry


@register
class ProcedureSectionMissing(Rule):
    """Summary:
        ru: в порядке взаимодействия нет одного из семи разделов или он пуст
        en: a procedure lacks one of the seven sections, or it is empty

    Message:
        ru: в порядке «{title}» {state} {section} (sections.{field})
        en: in the procedure «{title}» the section {section} (sections.{field}) is {state}

    Rationale:
        ru: Рекомендуемая структура порядка: общие положения; техническо-организационное обеспечение и
            инфраструктура; общие требования к взаимодействию; инструменты; специфика взаимодействия с отдельными
            клиентами и услугами; обратная связь; формы и сроки контроля (разд. «Общие требования к разработке
            порядков по взаимодействию с клиентом»).
        en: The recommended structure of a procedure: general provisions; technical and organisational support and
            infrastructure; general requirements; tools; specifics for particular clients and services; feedback;
            forms and terms of control (section «Общие требования к разработке порядков по взаимодействию с
            клиентом» (developing the procedures)).
    """

    severity = "error"

    def check(self, reg: Registry) -> Iterator[Hit]:
        for pr in reg.procedures.values():
            for key in SECTION_KEYS:
                value = getattr(pr.sections, key)
                if not is_empty(value):
                    continue
                state = Bi("пуст раздел", "empty") if value is not None else Bi("нет раздела", "missing")
                yield self.hit(
                    *procedure_place(reg, pr, "sections", key),
                    key=key,
                    title=pr.title,
                    section=section(key),
                    state=state,
                    field=key,
                )

    anti_pattern = {
        RECEPTION: sub(
            RECEPTION_PROCEDURE,
            "  control:\n"
            "    - subject: Соблюдение сроков ожидания в очереди\n"
            "      periodicity: ежемесячно\n"
            "      tool: Выгрузка из системы электронной очереди\n"
            "      corrective_measures: [Перераспределение сотрудников в часы пик]\n",
            "  tools: []                   # (а раздела контроля нет вовсе)\n",
        ).replace("  tools:\n    - kind: script\n      name: Скрипт приветствия и выяснения цели визита\n", "", 1)
    }
    best_practice = {RECEPTION: RECEPTION_PROCEDURE}
