"""TP005 bad-encoding: a file is not UTF-8 text."""

from __future__ import annotations

from ....registry import problem
from ...rule import ProblemRule, register
from ..examples import ACTS


@register
class BadEncoding(ProblemRule):
    """Summary:
    ru: файл не в UTF-8 (например, Windows-1251 или UTF-16) или содержит нулевые байты
    en: a file is not UTF-8 (Windows-1251 or UTF-16, say) or holds NUL bytes
    """

    problem_kind = problem.UNREADABLE
    anti_pattern = {"acts.yaml": "acts:\n  - id: ar\n    kind: npa\n    title: Регламент\n".encode("cp1251")}
    best_practice = {"acts.yaml": ACTS}
