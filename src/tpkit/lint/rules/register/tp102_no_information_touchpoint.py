"""TP102 no-information-touchpoint: help is given, but no touchpoint informs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...rule import register
from ..coverage import NeedsRule
from ..examples import PROCESS, sub
from ..words import needs

if TYPE_CHECKING:
    from ....registry import Registry
    from ....registry import models as m


@register
class NoInformationTouchpoint(NeedsRule):
    """Summary:
        ru: есть точка консультации, но ни одна точка процесса не дает информации (info)
        en: a touchpoint gives consultation but none gives information (info)

    Message:
        ru: у процесса «{title}» нет точки, где клиент получает информацию ({need}): укажите ее (например,
            официальный сайт с описанием порядка) — точка с одной потребностью тоже точка
        en: the process «{title}» has no touchpoint where the client gets information ({need}): add one (the
            official website describing the procedure, say) — a touchpoint with one need is a touchpoint too

    Rationale:
        ru: Потребность в получении информации есть у клиента любого процесса. Точка может удовлетворять только одну
            потребность — например, сайт, где размещена только информация о порядке, — и все равно включается в
            перечень (разд. «Формирование перечня точек взаимодействия»).
        en: Every process's client needs information. A touchpoint may satisfy one need only — a website that only
            describes the procedure, say — and still belongs in the register (section «Формирование перечня точек
            взаимодействия» (forming the register)).
    """

    severity = "warning"

    def lacks(self, reg: Registry, proc: m.Process, got: set[str]) -> dict[str, Any] | None:
        if "consultation" in got and "info" not in got:
            return {"need": needs(reg, ["info"])}
        return None

    anti_pattern = {
        "processes/child-benefit.yaml": sub(PROCESS, "  - touchpoint: site\n    needs: [info, forms]\n", "")
    }
    best_practice = {"processes/child-benefit.yaml": sub(PROCESS, "needs: [info, forms]", "needs: [info]")}
