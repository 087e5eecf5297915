"""One small module per output format: findings in, text out. Nothing here prints."""

from __future__ import annotations

from importlib import import_module
from typing import Protocol

from ..lint.engine import LintResult

FORMATS = ("text", "json", "sarif", "github", "gitlab", "junit")


class Reporter(Protocol):
    def __call__(self, result: LintResult, *, root: str, lang: str, color: bool = False) -> str: ...


def get_reporter(fmt: str) -> Reporter:
    """The render function of a format (imported lazily: start-up stays cheap)."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    module = import_module(f"{__name__}.{fmt}_report")
    return module.render  # type: ignore[no-any-return]
