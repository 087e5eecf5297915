"""TP204 no-register-responsible: no one is responsible for forming the register."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...finding import Hit
from ...rule import Rule, register
from ..examples import AGENCY, sub
from ..words import WHY_RESPONSIBILITY, agency_place

if TYPE_CHECKING:
    from ....registry import Registry


@register
class NoRegisterResponsible(Rule):
    """No one is responsible for forming the register."""

    code = "TP204"
    name = "no-register-responsible"
    severity = "warning"
    summary = {
        "ru": "не назначен единый ответственный за формирование перечня (register.responsible)",
        "en": "no one is responsible for forming the register (register.responsible)",
    }
    message = {
        "ru": "не назначен ответственный за формирование перечня точек взаимодействия: укажите "
        "register.responsible в agency.yaml",
        "en": "no one is responsible for forming the register of touchpoints: set register.responsible in agency.yaml",
    }
    rationale = {
        "ru": "Когда с клиентами работают несколько структурных подразделений, целесообразно определить единого "
        "ответственного за формирование перечня точек взаимодействия; он утверждается вместе с перечнем "
        "(" + WHY_RESPONSIBILITY["ru"] + ").",
        "en": "When several units work with clients, one official should be responsible for forming the register; "
        "they are approved together with it (" + WHY_RESPONSIBILITY["en"] + ").",
    }
    anti_pattern = {"agency.yaml": sub(AGENCY, "  responsible: petrova\n", "")}
    best_practice = {"agency.yaml": AGENCY}

    def check(self, reg: Registry) -> Iterator[Hit]:
        place = agency_place(reg)
        if place is None:
            return
        file, obj, agency = place
        if agency.register is None or not agency.register.responsible:
            yield self.hit(file, ("register", "responsible"), obj)
