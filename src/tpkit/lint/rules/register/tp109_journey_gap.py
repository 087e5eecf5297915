"""TP109 journey-gap: the client submits but cannot follow the application or collect the result."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...rule import register
from ..coverage import NeedsRule
from ..examples import PROCESS, sub
from ..words import WHY_REGISTER, needs

if TYPE_CHECKING:
    from ....registry import Registry
    from ....registry import models as m


@register
class JourneyGap(NeedsRule):
    """The client submits but cannot follow the application or collect the result."""

    code = "TP109"
    name = "journey-gap"
    severity = "warning"
    summary = {
        "ru": "клиент подает документы, но ни одна точка не дает информации о ходе рассмотрения или результата",
        "en": "the client submits, but no touchpoint gives the status, or none gives the result",
    }
    message = {
        "ru": "в процессе «{title}» клиент подает документы, но ни одна точка не удовлетворяет потребность "
        "{missing}: укажите, в какой точке клиент это получает",
        "en": "in the process «{title}» the client submits documents, but no touchpoint satisfies the need "
        "{missing}: say at which touchpoint the client gets it",
    }
    rationale = {
        "ru": "Взаимодействие идет в несколько этапов: прием заявления, рассмотрение, уведомления по каждому "
        "этапу, получение результата; у каждого этапа есть точка (" + WHY_REGISTER["ru"] + ").",
        "en": "Interaction goes in stages: the application, its review, notices at each stage, the result; each "
        "stage has its touchpoint (" + WHY_REGISTER["en"] + ").",
    }
    anti_pattern = {
        "processes/child-benefit.yaml": sub(
            sub(PROCESS, "needs: [consultation, status]", "needs: [consultation]"),
            "needs: [submit, status, result, feedback]",
            "needs: [submit, result, feedback]",
        )
    }
    best_practice = {"processes/child-benefit.yaml": PROCESS}

    def lacks(self, reg: Registry, proc: m.Process, got: set[str]) -> dict[str, Any] | None:
        if "submit" not in got:
            return None
        missing = [n for n in ("status", "result") if n not in got]
        return {"missing": needs(reg, missing)} if missing else None
