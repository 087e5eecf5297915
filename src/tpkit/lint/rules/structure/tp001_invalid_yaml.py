"""TP001 invalid-yaml: a file is not valid YAML."""

from __future__ import annotations

from ....registry import problem
from ...rule import ProblemRule, register
from ..examples import PROCESS


@register
class InvalidYaml(ProblemRule):
    """Summary:
    ru: файл не является корректным YAML: синтаксис, табуляция, повторяющийся ключ, чужой тег, YAML-бомба
    en: a file is not valid YAML: syntax, tab indentation, duplicate key, unsupported tag, YAML bomb
    """

    problem_kind = problem.SYNTAX
    anti_pattern = {
        "processes/child-benefit.yaml": (
            "id: child-benefit\n"
            "title: Назначение выплаты\n"
            "title: Назначение ежемесячной выплаты   # тот же ключ дважды\n"
        )
    }
    best_practice = {"processes/child-benefit.yaml": PROCESS}
