"""TP204 no-register-responsible: no one is responsible for forming the register."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...finding import Hit
from ...rule import register
from ..examples import AGENCY, sub
from ..words import AgencyRule

if TYPE_CHECKING:
    from ....registry import models as m


@register
class NoRegisterResponsible(AgencyRule):
    """Summary:
        ru: не назначен единый ответственный за формирование перечня (register.responsible)
        en: no one is responsible for forming the register (register.responsible)

    Message:
        ru: не назначен ответственный за формирование перечня точек взаимодействия: укажите register.responsible в
            agency.yaml
        en: no one is responsible for forming the register of touchpoints: set register.responsible in agency.yaml

    Rationale:
        ru: Когда с клиентами работают несколько структурных подразделений, целесообразно определить единого
            ответственного за формирование перечня точек взаимодействия; он утверждается вместе с перечнем (разд.
            «Формирование перечня точек взаимодействия», об ответственных и утверждении перечня).
        en: When several units work with clients, one official should be responsible for forming the register; they
            are approved together with it (section «Формирование перечня точек взаимодействия» (forming the
            register), on the responsible and approval).
    """

    severity = "warning"

    def check_agency(self, file: str, obj: str, agency: m.Agency) -> Iterator[Hit]:
        if agency.register is None or not agency.register.responsible:
            yield self.hit(file, ("register", "responsible"), obj)

    anti_pattern = {"agency.yaml": sub(AGENCY, "  responsible: petrova\n", "")}
