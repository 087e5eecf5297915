"""TP103 no-assistance-touchpoint: the client submits, but no touchpoint helps."""

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
class NoAssistanceTouchpoint(NeedsRule):
    """Summary:
        ru: клиент подает документы и получает информацию, но ни одна точка не дает консультации
        en: the client submits and gets information, but no touchpoint gives consultation

    Message:
        ru: у процесса «{title}» клиент подает документы, но нет точки, где ему помогают ({need}): укажите
            контактный центр, телефон, чат-бот или службу технической поддержки
        en: in the process «{title}» the client submits documents, but no touchpoint helps them ({need}): add the
            contact centre, phone, chatbot or technical support

    Rationale:
        ru: Кто подает заявление, нуждается в помощи при подаче документов: он может обратиться в контактный центр,
            чат-бот, службу технической поддержки — это тоже точки взаимодействия (разд. «Формирование перечня точек
            взаимодействия»).
        en: Whoever submits an application needs help submitting: they may turn to the contact centre, a chatbot,
            technical support — these are touchpoints too (section «Формирование перечня точек взаимодействия»
            (forming the register)).
    """

    severity = "warning"

    def lacks(self, reg: Registry, proc: m.Process, got: set[str]) -> dict[str, Any] | None:
        if "submit" in got and "info" in got and "consultation" not in got:
            return {"need": needs(reg, ["consultation"])}
        return None

    anti_pattern = {
        "processes/child-benefit.yaml": sub(
            PROCESS,
            "  - touchpoint: phone\n    needs: [consultation, status]\n",
            "  - touchpoint: phone\n    needs: [status]\n",
        )
    }
    best_practice = {"processes/child-benefit.yaml": PROCESS}
