"""TP004 duplicate-id: two objects of one kind share an id."""

from __future__ import annotations

from ....registry import problem
from ...rule import ProblemRule, register


@register
class DuplicateId(ProblemRule):
    """Summary:
    ru: два объекта одного вида с одинаковым идентификатором
    en: two objects of one kind share an id
    """

    problem_kind = problem.DUPLICATE_ID
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
