"""The rule base class and the catalogue.

A rule is one module, ``tpNNN_<name>.py`` (its code and name), holding one class: its
default severity, bilingual summary and message, the methodology section it enforces,
and an anti-pattern and a best practice (registry files, by path). ``tpkit rules``,
``tpkit explain`` and ``docs/rules.md`` are generated from these fields, and a test
lints every rule's own anti-pattern (it must fire) and best practice (it must not).

``check`` is a generator over the whole :class:`~tpkit.registry.Registry`;
it yields :class:`~tpkit.lint.finding.Hit` objects through :meth:`Rule.hit`.
Rules read the registry's shared indexes rather than scanning all processes
per process. Two more hooks, empty by default: ``compare(old, new)`` for a
review rule (the registry against itself at an earlier revision) and
``check_unused`` for the suppressions that suppressed nothing. A
:class:`ProblemRule` reports the problems of one kind that the reader found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from .finding import Hit, YamlPath

if TYPE_CHECKING:
    from ..registry import Registry
    from .suppress import Unused

Msg = dict[str, str]

_SECTION = re.compile(r"^(Summary|Message|Rationale):$")
_ENTRY = re.compile(r"^(ru|en): (.*)$")


def texts_from_docstring(doc: str) -> dict[str, Msg]:
    """The rule's texts written in its docstring, as sqlfluff keeps a rule's documentation with its code::

    Summary:
        ru: одна строка: что проверяет правило
        en: one line: what the rule checks
    Message:
        ru: сообщение замечания, с {полями}
            продолжение — с отступом; строки соединяются пробелом
        en: ...
    Rationale:
        ru: ...
        en: ...
    """
    out: dict[str, Msg] = {}
    section: str | None = None
    current: tuple[str, str] | None = None
    for raw in doc.splitlines():
        line = raw.strip()
        head = _SECTION.match(line)
        entry = _ENTRY.match(line) if section is not None else None
        if head:
            section, current = head.group(1).lower(), None
        elif entry and section is not None:
            current = (section, entry.group(1))
            out.setdefault(section, {})[entry.group(1)] = entry.group(2)
        elif current is not None and line:
            sec, lang = current
            out[sec][lang] += " " + line
        else:
            current = None
    return out


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

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Texts written in the class docstring (see :func:`texts_from_docstring`) become its attributes."""
        super().__init_subclass__(**kwargs)
        doc = cls.__dict__.get("__doc__")
        if doc and "Summary:" in doc:
            for attr, texts in texts_from_docstring(doc).items():
                if attr not in cls.__dict__:
                    setattr(cls, attr, texts)

    def check(self, reg: Registry) -> Iterator[Hit]:
        """Hits in ``reg``."""
        return iter(())

    def compare(self, old: Registry, new: Registry) -> Iterator[Hit]:
        """Hits in ``new`` for what changed since ``old`` (run by ``tpkit diff`` and ``lint --since``)."""
        return iter(())

    def check_unused(self, unused: Iterable[Unused]) -> Iterator[Hit]:
        """Hits for the suppression comments that suppressed nothing (run after every other rule)."""
        return iter(())

    def hit(self, file: str, path: YamlPath, obj: str = "", key: str = "", **args: Any) -> Hit:
        return Hit(self.code, file, path, obj, args, key)

    @classmethod
    def group(cls) -> str:
        return cls.code[:3]


class ProblemRule(Rule):
    """A structure rule (TP0): it reports the problems of one kind that the reader and the loader found
    (:mod:`tpkit.registry.problem`), with their own positions and messages."""

    #: the kind of :class:`~tpkit.registry.problem.Problem` the rule reports
    problem_kind: ClassVar[str]
    severity = "error"
    message: ClassVar[Msg] = {"ru": "{detail}", "en": "{detail}"}
    #: unless the rule's docstring gives its own
    rationale: ClassVar[Msg] = {
        "ru": "Перечень и порядки — официальные документы ведомства: tpkit должен прочитать каждый файл целиком, "
        "иначе правила методики проверяют неполные данные.",
        "en": "The register and the procedures are the agency's official documents: every file must be read "
        "whole, or the methodology rules would check partial data.",
    }
    always_on = True

    def check(self, reg: Registry) -> Iterator[Hit]:
        for p in reg.problems:
            if p.kind != self.problem_kind:
                continue
            yield Hit(self.code, p.file, p.yaml_path, p.object, key=p.key, span=p.span, ru=p.ru, en=p.en)


_CATALOGUE: dict[str, type[Rule]] = {}


_MODULE = re.compile(r"^tp(\d{3})_(\w+)$")


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: add a rule to the catalogue.

    The rule's code and name are its module's file name (``tp108_unused_touchpoint.py`` is TP108
    ``unused-touchpoint``), so ``tpkit explain TP108`` and the file a maintainer opens cannot disagree.
    """
    found = _MODULE.match(cls.__module__.rpartition(".")[2])
    if found is None:
        raise ValueError(f"{cls.__module__}: a rule module is named tpNNN_<name>.py")
    cls.code = f"TP{found.group(1)}"
    cls.name = found.group(2).replace("_", "-")
    if cls.code in _CATALOGUE:  # pragma: no cover - programming error
        raise ValueError(f"duplicate rule code {cls.code}")
    _CATALOGUE[cls.code] = cls
    return cls


def catalogue() -> dict[str, type[Rule]]:
    """Every rule, by code, in code order."""
    from . import rules  # noqa: F401  (importing registers the rule modules)

    return dict(sorted(_CATALOGUE.items()))


def problem_code(kind: str) -> str:
    """The code of the structure rule that reports problems of ``kind``."""
    for rule in catalogue().values():
        if issubclass(rule, ProblemRule) and rule.problem_kind == kind:
            return rule.code
    raise KeyError(kind)


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
