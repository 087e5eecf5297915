"""The rule base class and the catalogue.

A rule is one class: its code, name, default severity, bilingual summary and
message, the methodology section it enforces, and an anti-pattern and a best
practice (registry files, by path). ``tpkit rules``, ``tpkit explain`` and
``docs/rules.md`` are generated from these fields, and a test lints every
rule's own anti-pattern (it must fire) and best practice (it must not).

``check`` is a generator over the whole :class:`~tpkit.registry.Registry`;
it yields :class:`~tpkit.lint.finding.Hit` objects through :meth:`Rule.hit`.
Rules read the registry's shared indexes rather than scanning all processes
per process.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from .finding import Hit, YamlPath

if TYPE_CHECKING:
    from ..registry.model import Registry

Msg = dict[str, str]


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[str]
    #: one line: what the rule checks
    summary: ClassVar[Msg]
    #: the finding's message, a format string over the hit's args
    message: ClassVar[Msg]
    #: why: the methodology's point, paraphrased, with its section named
    rationale: ClassVar[Msg]
    #: files (path relative to the root -> YAML) laid over a clean registry
    #: (bytes stand for a file that is not UTF-8 text; None for a file removed)
    anti_pattern: ClassVar[dict[str, str | bytes | None]] = {}
    best_practice: ClassVar[dict[str, str | bytes | None]] = {}
    #: structural rules cannot be switched off (TP0 but TP007)
    always_on: ClassVar[bool] = False
    #: reported only by review (tpkit diff / lint --since)
    review_only: ClassVar[bool] = False

    def check(self, reg: Registry) -> Iterator[Hit]:
        return iter(())

    def hit(self, file: str, path: YamlPath, obj: str = "", key: str = "", **args: Any) -> Hit:
        return Hit(self.code, file, path, obj, args, key)

    @classmethod
    def group(cls) -> str:
        return cls.code[:3]


_CATALOGUE: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: add a rule to the catalogue."""
    if cls.code in _CATALOGUE:  # pragma: no cover - programming error
        raise ValueError(f"duplicate rule code {cls.code}")
    _CATALOGUE[cls.code] = cls
    return cls


def catalogue() -> dict[str, type[Rule]]:
    """Every rule, by code, in code order."""
    from . import rules  # noqa: F401  (importing registers the rule modules)

    return dict(sorted(_CATALOGUE.items()))


def matches(code: str, patterns: list[str] | tuple[str, ...]) -> bool:
    """``TP1`` matches TP101..TP199; ``ALL`` matches everything."""
    for p in patterns:
        p = p.strip().upper()
        if p == "ALL" or code.startswith(p):
            return True
    return False


def unknown_patterns(patterns: list[str] | tuple[str, ...]) -> list[str]:
    """The patterns that name no rule: neither ``ALL``, nor a code, nor a prefix of one."""
    codes = list(catalogue())
    out: list[str] = []
    for p in patterns:
        q = p.strip().upper()
        if q == "ALL" or (q.startswith("TP") and any(c.startswith(q) for c in codes)):
            continue
        out.append(p)
    return out
