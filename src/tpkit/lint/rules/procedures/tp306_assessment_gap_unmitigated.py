"""TP306 assessment-gap-unmitigated: an assessment found a gap and the procedure does not say how it is mitigated."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ....registry.enums import ASSESSMENT_CRITERIA
from ...finding import Bi, Hit
from ...rule import Rule, register
from ..examples import RECEPTION, RECEPTION_PROCEDURE, sub
from ..words import procedure_place

if TYPE_CHECKING:
    from ....registry import Registry


@register
class AssessmentGapUnmitigated(Rule):
    """Summary:
        ru: оценка точки выявила расхождение (status: gap), а мероприятие по его минимизации не указано
        en: an assessment criterion has status: gap and no mitigation

    Message:
        ru: в порядке «{title}» оценка точки «{name}» по критерию «{criterion}» выявила расхождение, но не указано
            мероприятие по его минимизации (mitigation)
        en: in the procedure «{title}» the assessment of «{name}» found a gap in {criterion}, but no mitigation is
            given

    Rationale:
        ru: Точку рекомендуется оценить на простоту, удобство, оперативность и доступность; результаты оценки до
            реинжиниринга отражаются в порядке в части действий по минимизации выявленных расхождений — например,
            при невозможности доступа маломобильному гражданину — обслуживание по месту его нахождения (разд. «Общие
            требования к разработке порядков по взаимодействию с клиентом»).
        en: Each touchpoint should be assessed for simplicity, convenience, promptness and accessibility; the
            results before re-engineering go into the procedure as actions that mitigate the gaps found — e.g.
            service at home where a person with limited mobility cannot get in (section «Общие требования к
            разработке порядков по взаимодействию с клиентом» (developing the procedures)).
    """

    severity = "warning"

    def check(self, reg: Registry) -> Iterator[Hit]:
        for pr in reg.procedures.values():
            for i, a in enumerate(pr.assessment):
                for crit, labels in ASSESSMENT_CRITERIA.items():
                    c = getattr(a, crit)
                    if c is not None and c.status == "gap" and not c.mitigation:
                        yield self.hit(
                            *procedure_place(reg, pr, "assessment", i, crit),
                            title=pr.title,
                            name=reg.tp_name(a.touchpoint),
                            criterion=Bi(labels["ru"], labels["en"]),
                        )

    anti_pattern = {
        RECEPTION: sub(
            RECEPTION_PROCEDURE,
            "{status: gap, finding: Ожидание до 40 минут, mitigation: Предварительная запись через ЕПГУ}",
            "{status: gap, finding: Ожидание до 40 минут}",
        )
    }
    best_practice = {RECEPTION: RECEPTION_PROCEDURE}
