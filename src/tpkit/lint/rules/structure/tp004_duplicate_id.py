"""TP004 duplicate-id: two objects of one kind share an id."""

from __future__ import annotations

from ....registry import problem
from ...rule import ProblemRule, register
from ..words import WHY_STRUCTURE


@register
class DuplicateId(ProblemRule):
    """Two objects of one kind share an id."""

    code = "TP004"
    name = "duplicate-id"
    severity = "error"
    problem_kind = problem.DUPLICATE_ID
    summary = {
        "ru": "два объекта одного вида с одинаковым идентификатором",
        "en": "two objects of one kind share an id",
    }
    rationale = WHY_STRUCTURE
    anti_pattern = {
        "acts.yaml": (
            "acts:\n"
            "  - id: ar-benefit\n"
            "    kind: npa\n"
            "    title: Административный регламент\n"
            "  - id: ar-benefit\n"
            "    kind: internal\n"
            "    title: Положение о контактном центре\n"
        )
    }
    best_practice = {
        "acts.yaml": (
            "acts:\n"
            "  - id: ar-benefit\n"
            "    kind: npa\n"
            "    title: Административный регламент\n"
            "  - id: cc-statute\n"
            "    kind: internal\n"
            "    title: Положение о контактном центре\n"
        )
    }
