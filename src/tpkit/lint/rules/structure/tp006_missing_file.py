"""TP006 missing-file: a required file is absent."""

from __future__ import annotations

from ....registry import problem
from ...rule import ProblemRule, register


@register
class MissingFile(ProblemRule):
    """Summary:
        ru: нет обязательного файла agency.yaml или touchpoints.yaml
        en: agency.yaml or touchpoints.yaml is absent

    Rationale:
        ru: Перечень формируется ведомством и содержит его точки взаимодействия: без описания ведомства и перечня точек
            реестр неполон.
        en: The register is the agency's and lists its touchpoints: without the agency and the catalogue it is
            incomplete.
    """

    problem_kind = problem.MISSING_FILE
    anti_pattern = {"touchpoints.yaml": None}
    best_practice = {}
