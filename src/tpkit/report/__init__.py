"""One small module per output format: findings in, text out. Nothing here prints."""

from __future__ import annotations

from typing import Protocol

from ..lint.engine import LintResult

FORMATS = ("text", "json", "sarif", "github", "gitlab", "junit")


class Reporter(Protocol):
    def __call__(self, result: LintResult, *, root: str, lang: str, color: bool = False) -> str: ...


def repo_path(root: str, path: str) -> str:
    """A finding's path as CI systems resolve it: the registry root (relative to the working folder) joined on.

    ``root`` is ``"."`` when tpkit runs in the registry root, or e.g. ``"registry"`` when the registry is a
    sub-folder of the checked-out repository; GitHub and GitLab resolve paths against the checkout.
    """
    if not root or root == ".":
        return path
    return f"{root.rstrip('/')}/{path}"


def get_reporter(fmt: str) -> Reporter:
    """The render function of a format (imported lazily: start-up stays cheap)."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    from importlib import import_module

    module = import_module(f"{__name__}.{fmt}_report")
    return module.render  # type: ignore[no-any-return]
