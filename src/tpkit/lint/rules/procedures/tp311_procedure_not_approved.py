"""TP311 procedure-not-approved: a procedure has neither its own approval nor a place in an internal act."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...finding import Bi, Hit
from ...rule import Rule, register
from ..approval import approval_lacks, lacks_words, part_of_internal_act
from ..examples import ACTS, RECEPTION, RECEPTION_PROCEDURE, sub
from ..words import procedure_place

if TYPE_CHECKING:
    from ....registry import Registry

_APPROVAL = "approval:\n  kind: order\n  number: 46-од\n  date: 2026-02-10\n"

_INSTRUCTION = (
    "  - id: instr-reception\n"
    "    kind: internal\n"
    "    title: Инструкция о порядке личного приема граждан в министерстве\n"
    "    number: 90-од\n"
    "    date: 2025-10-10\n"
)


@register
class ProcedureNotApproved(Rule):
    """Summary:
        ru: порядок взаимодействия не утвержден: нет ни approval, ни embedded_in (внутренний акт)
        en: a procedure is not approved: neither approval nor embedded_in (an internal act)

    Message:
        ru: порядок «{title}» не утвержден: {missing} — укажите утверждающий документ (approval: приказ — с номером
            и датой, резолюция — с датой) или внутренний акт, в который порядок включен (embedded_in)
        en: the procedure «{title}» is not approved: {missing} — record the approving document (approval: an order
            with its number and date, a resolution with its date) or the internal act it is part of (embedded_in)

    Rationale:
        ru: «По решению ведомства может быть утвержден единый порядок взаимодействия с клиентами … или отдельные
            порядки по каждой точке. Форма утверждения определяется ведомством самостоятельно. При наличии в
            ведомстве ненормативных правовых актов (инструкций, порядков), регулирующих отдельные направления …
            порядок взаимодействия с клиентом может быть включен в данный документ». Порядок утверждается сам или
            входит во внутренний акт (разд. «Общие требования к разработке порядков по взаимодействию с клиентом»).
        en: The agency approves one procedure or one per touchpoint, in the form it chooses; where it has internal
            acts (instructions, procedures) for a direction of work, the procedure may be part of such an act. A
            procedure is approved itself or is part of an internal act (section «Общие требования к разработке
            порядков по взаимодействию с клиентом» (developing the procedures)).
    """

    severity = "warning"

    def check(self, reg: Registry) -> Iterator[Hit]:
        for pr in reg.procedures.values():
            if part_of_internal_act(reg, pr):
                continue
            if pr.approval is None:
                missing = Bi("нет approval", "no approval")
                if pr.embedded_in:
                    missing = Bi(
                        "нет approval, а embedded_in — не внутренний акт",
                        "no approval, and embedded_in is no internal act",
                    )
                yield self.hit(*procedure_place(reg, pr, "approval"), title=pr.title, missing=missing)
                continue
            lacks = approval_lacks(pr.approval)
            if lacks:
                yield self.hit(*procedure_place(reg, pr, "approval"), title=pr.title, missing=lacks_words(lacks))

    anti_pattern = {RECEPTION: sub(RECEPTION_PROCEDURE, _APPROVAL, "")}
    best_practice = {
        "acts.yaml": ACTS + _INSTRUCTION,
        RECEPTION: sub(
            RECEPTION_PROCEDURE, _APPROVAL, "embedded_in: instr-reception   # порядок — часть инструкции о приеме\n"
        ),
    }
