"""TP203 register-not-approved: the register's approval is not recorded."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...finding import Bi, Hit
from ...rule import Rule, register
from ..examples import AGENCY, sub
from ..words import WHY_RESPONSIBILITY, agency_place

if TYPE_CHECKING:
    from ....registry import Registry


@register
class RegisterNotApproved(Rule):
    """The register's approval is not recorded."""

    code = "TP203"
    name = "register-not-approved"
    severity = "warning"
    summary = {
        "ru": "перечень точек взаимодействия не утвержден: нет register.approval с номером и датой",
        "en": "the register is not approved: no register.approval with a number and a date",
    }
    message = {
        "ru": "перечень точек взаимодействия не утвержден: {missing} — укажите утверждающий документ "
        "(приказ, резолюция) в register.approval",
        "en": "the register of touchpoints is not approved: {missing} — record the approving document (order, "
        "resolution) in register.approval",
    }
    rationale = {
        "ru": "Перечень точек взаимодействия и ответственные за его формирование должны быть утверждены "
        "ведомством; форму утверждающего документа ведомство определяет само — приказ ведомства или "
        "подразделения, резолюция (" + WHY_RESPONSIBILITY["ru"] + ").",
        "en": "The register and those responsible for forming it must be approved by the agency; the agency "
        "chooses the form — an order of the agency or a unit, a resolution (" + WHY_RESPONSIBILITY["en"] + ").",
    }
    anti_pattern = {
        "agency.yaml": sub(
            AGENCY,
            "    number: 45-од\n    date: 2026-02-10\n",
            "    # приказ еще готовится: нет номера и даты\n",
        )
    }
    best_practice = {"agency.yaml": AGENCY}

    def check(self, reg: Registry) -> Iterator[Hit]:
        place = agency_place(reg)
        if place is None:
            return
        file, obj, agency = place
        info = agency.register
        approval = info.approval if info is not None else None
        if approval is None:
            path: tuple[str, ...] = ("register", "approval")
            missing = Bi("нет register.approval", "no register.approval")
        else:
            lacks = [k for k in ("number", "date") if not getattr(approval, k)]
            if not lacks:
                return
            path = ("register", "approval")
            missing = Bi(
                "нет " + " и ".join({"number": "номера", "date": "даты"}[k] for k in lacks),
                "no " + " and ".join(lacks),
            )
        yield self.hit(file, path, obj, missing=missing)
