"""TP005 bad-encoding: a file is not UTF-8 text."""

from __future__ import annotations

from ....registry import problem
from ...rule import ProblemRule, register
from ..examples import ACTS
from ..words import WHY_STRUCTURE


@register
class BadEncoding(ProblemRule):
    """A file is not UTF-8 text."""

    code = "TP005"
    name = "bad-encoding"
    severity = "error"
    problem_kind = problem.UNREADABLE
    summary = {
        "ru": "файл не в UTF-8 (например, Windows-1251 или UTF-16) или содержит нулевые байты",
        "en": "a file is not UTF-8 (Windows-1251 or UTF-16, say) or holds NUL bytes",
    }
    rationale = WHY_STRUCTURE
    anti_pattern = {"acts.yaml": "acts:\n  - id: ar\n    kind: npa\n    title: Регламент\n".encode("cp1251")}
    best_practice = {"acts.yaml": ACTS}
