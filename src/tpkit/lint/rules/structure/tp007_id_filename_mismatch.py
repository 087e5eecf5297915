"""TP007 id-filename-mismatch: a process or procedure id differs from its file name."""

from __future__ import annotations

from ....registry import problem
from ...rule import ProblemRule, register
from ..examples import PORTAL_PROCESS


@register
class IdFilenameMismatch(ProblemRule):
    """Summary:
        ru: идентификатор процесса или порядка не совпадает с именем файла
        en: a process or procedure id differs from its file name

    Rationale:
        ru: Имя файла — первое, что видит рецензент в запросе на слияние: оно должно называть тот же объект.
        en: The file name is what a reviewer sees first in a merge request: it must name the same object.
    """

    severity = "warning"
    problem_kind = problem.ID_MISMATCH
    always_on = False
    anti_pattern = {"processes/benefit.yaml": PORTAL_PROCESS}
    best_practice = {"processes/child-benefit.yaml": PORTAL_PROCESS}
