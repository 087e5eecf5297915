"""TP309 procedure-without-responsible: no one controls compliance with the procedure."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...finding import Hit
from ...rule import Rule, register
from ..examples import RECEPTION, RECEPTION_PROCEDURE, sub
from ..words import procedure_place

if TYPE_CHECKING:
    from ....registry import Registry


@register
class ProcedureWithoutResponsible(Rule):
    """Summary:
        ru: у порядка взаимодействия нет ответственного за контроль его соблюдения
        en: a procedure has no official responsible for compliance

    Message:
        ru: у порядка «{title}» нет ответственного (responsible): укажите должностное лицо, уполномоченное
            контролировать соблюдение порядка
        en: the procedure «{title}» has no responsible: name the official who controls compliance with it

    Rationale:
        ru: При утверждении порядков целесообразно определить ответственное должностное лицо, уполномоченное на
            осуществление контроля за соблюдением требований порядка (разд. «Общие требования к разработке порядков
            по взаимодействию с клиентом»).
        en: When procedures are approved, an official should be named to control compliance with them (section
            «Общие требования к разработке порядков по взаимодействию с клиентом» (developing the procedures)).
    """

    severity = "warning"

    def check(self, reg: Registry) -> Iterator[Hit]:
        for pr in reg.procedures.values():
            if not pr.responsible:
                yield self.hit(*procedure_place(reg, pr, "responsible"), title=pr.title)

    anti_pattern = {RECEPTION: sub(RECEPTION_PROCEDURE, "responsible: petrova\n", "")}
    best_practice = {RECEPTION: RECEPTION_PROCEDURE}
