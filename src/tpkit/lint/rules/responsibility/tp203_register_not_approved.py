"""TP203 register-not-approved: the register's approval is not recorded."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...finding import Bi, Hit
from ...rule import register
from ..approval import approval_lacks, lacks_words
from ..examples import AGENCY, sub
from ..words import AgencyRule

if TYPE_CHECKING:
    from ....registry import models as m


@register
class RegisterNotApproved(AgencyRule):
    """Summary:
        ru: перечень точек взаимодействия не утвержден: нет register.approval с датой (и номером — для приказа)
        en: the register is not approved: no register.approval with a date (and a number, for an order)

    Message:
        ru: перечень точек взаимодействия не утвержден: {missing} — укажите утверждающий документ в
            register.approval (приказ ведомства или подразделения — с номером и датой, резолюция — с датой)
        en: the register of touchpoints is not approved: {missing} — record the approving document in
            register.approval (an order of the agency or a unit — with its number and date, a resolution — with its
            date)

    Rationale:
        ru: «Перечень точек взаимодействия и ответственные за формирование перечня точек взаимодействия с клиентом
            должны быть утверждены ведомством. Форма утверждающего документа определяется ведомством самостоятельно
            (приказ ведомства, структурного подразделения, утверждение резолюцией и др.)». Номер требуется только у
            приказа: у резолюции его часто нет (разд. «Формирование перечня точек взаимодействия», об ответственных
            и утверждении перечня).
        en: The register and those responsible for forming it must be approved by the agency; the agency chooses the
            form — an order of the agency or a unit, a resolution (section «Формирование перечня точек
            взаимодействия» (forming the register), on the responsible and approval).
    """

    severity = "warning"

    def check_agency(self, file: str, obj: str, agency: m.Agency) -> Iterator[Hit]:
        info = agency.register
        approval = info.approval if info is not None else None
        if approval is None:
            path: tuple[str, ...] = ("register", "approval")
            missing = Bi("нет register.approval", "no register.approval")
        else:
            lacks = approval_lacks(approval)
            if not lacks:
                return
            path = ("register", "approval")
            missing = lacks_words(lacks)
        yield self.hit(file, path, obj, missing=missing)

    anti_pattern = {
        "agency.yaml": sub(
            AGENCY,
            "    number: 45-од\n    date: 2026-02-10\n",
            "    # приказ еще готовится: нет номера и даты\n",
        )
    }
