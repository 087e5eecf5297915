"""Where the cursor stands in a registry file, read line by line (a buffer being typed is rarely valid YAML).

The scanner keeps a stack of the keys above each line by their columns, so it knows that ``- epgu`` under
``touchpoints:`` of a feature is a touchpoint id and that ``needs: [info, st`` is half a list of need codes.
It understands block mappings and lists, one-line flow lists and scalars; that is how registry files are
written. What it cannot place it leaves alone: no completion is better than a wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

_KEY = re.compile(r"^(?P<indent> *)(?P<dash>-\s+)?(?P<key>[A-Za-z_][\w-]*)\s*:(?=\s|$)(?P<rest>.*)$")
_ITEM = re.compile(r"^(?P<indent> *)-(?:\s+(?P<rest>.*))?$")
_TOKEN = re.compile(r"[^\s,\[\]{}#'\"]+")
_SAME_KIND_KEYS = {
    "touchpoint": "touchpoint",
    "channels": "touchpoint",
    "needs": "need",
    "basis": "act",
    "responsible": "official",
    "units": "unit",
    "unit": "unit",
    "feature": "feature",
    "embedded_in": "act",
    "joint_procedure": "act|procedure",
}
_DECLARED = {
    ("agency", ("units", "id")): "unit",
    ("agency", ("officials", "id")): "official",
    ("agency", ("needs", "id")): "need",
    ("acts", ("acts", "id")): "act",
    ("touchpoints", ("touchpoints", "id")): "touchpoint",
    ("process", ("id",)): "process",
    ("process", ("features", "id")): "feature",
    ("procedure", ("id",)): "procedure",
}


@dataclass(frozen=True, slots=True)
class Token:
    """An id written on a line: 0-based columns, end exclusive."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class LineInfo:
    """A line's keys path (``("touchpoints", "needs")``) and the scalar values written on it."""

    line: int
    path: tuple[str, ...]
    tokens: list[Token] = field(default_factory=list)
    #: the line opens a key (``key:`` with nothing after it), the cursor may be at a new key below
    opens: bool = False


def ref_kind(file_kind: str, path: tuple[str, ...]) -> str | None:
    """The kind of id a value under ``path`` names (``act|procedure`` for either), or ``None``."""
    if not path:
        return None
    key = path[-1]
    if key == "id":
        return _DECLARED.get((file_kind, path))
    if key == "touchpoints":
        if file_kind == "process" and path == ("features", "touchpoints"):
            return "touchpoint"
        if file_kind == "procedure" and path == ("touchpoints",):
            return "touchpoint"
        return None
    if key in ("needs", "units", "unit") and file_kind == "agency" and path != ("officials", "unit"):
        return None
    return _SAME_KIND_KEYS.get(key)


def _strip_comment(rest: str) -> str:
    out = re.split(r"(?:^|\s)#", rest, maxsplit=1)[0]
    return out


def _tokens(rest: str, offset: int) -> list[Token]:
    body = _strip_comment(rest)
    return [Token(offset + m.start(), offset + m.end(), m.group()) for m in _TOKEN.finditer(body)]


class Scanner:
    """Feed lines in order; each :meth:`feed` returns the line's :class:`LineInfo` (``None``: not placed)."""

    def __init__(self) -> None:
        self.stack: list[tuple[int, str]] = []
        self._block_scalar: int | None = None

    def path(self) -> tuple[str, ...]:
        return tuple(k for _, k in self.stack)

    def feed(self, n: int, line: str) -> LineInfo | None:
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" "))
        if self._block_scalar is not None:
            if not stripped or indent > self._block_scalar:
                return None
            self._block_scalar = None
        if not stripped or stripped.startswith("#") or stripped in ("---", "..."):
            return None
        m = _KEY.match(line)
        if m is not None:
            col = len(m.group("indent")) + len(m.group("dash") or "")
            if m.group("dash"):
                self.stack = [e for e in self.stack if e[0] <= len(m.group("indent"))]
            else:
                self.stack = [e for e in self.stack if e[0] < col]
            self.stack.append((col, m.group("key")))
            rest = m.group("rest")
            value = _strip_comment(rest).strip()
            if value[:1] in ("|", ">"):
                self._block_scalar = col
                return LineInfo(n, self.path())
            info = LineInfo(n, self.path(), _tokens(rest, m.start("rest")), opens=not value)
            return info
        m = _ITEM.match(line)
        if m is not None:
            self.stack = [e for e in self.stack if e[0] <= len(m.group("indent"))]
            rest = m.group("rest") or ""
            return LineInfo(n, self.path(), _tokens(rest, m.start("rest") if m.group("rest") is not None else 0))
        return None


def scan(lines: Sequence[str]) -> Iterator[LineInfo]:
    sc = Scanner()
    for n, line in enumerate(lines):
        info = sc.feed(n, line)
        if info is not None:
            yield info


@dataclass(frozen=True, slots=True)
class Context:
    """What the cursor is writing: an id of ``kind`` (or a key under ``path``), from ``start`` to the cursor."""

    kind: str
    path: tuple[str, ...]
    start: int
    prefix: str
    #: to write before the id (a space right after ``key:``)
    lead: str = ""


def context_at(file_kind: str, lines: Sequence[str], line: int, column: int) -> Context | None:
    """The completion context at a 0-based position (column in code points)."""
    if not 0 <= line < len(lines):
        return None
    sc = Scanner()
    for n in range(line):
        sc.feed(n, lines[n])
    current = lines[line][:column]
    if "#" in current and _strip_comment(current) != current:
        return None
    bare = re.fullmatch(r"(?P<indent> *)(?P<word>[A-Za-z_]*)", current)
    if bare is not None:  # a new key: procedure sections under ``sections:``
        indent = len(bare.group("indent"))
        parents = [k for c, k in sc.stack if c < indent]
        if file_kind == "procedure" and parents == ["sections"]:
            return Context("section", ("sections",), indent, bare.group("word"))
        return None
    info = sc.feed(line, current)
    if info is None:
        return None
    kind = ref_kind(file_kind, info.path)
    if kind is None or kind in ("process", "procedure") or info.path[-1] == "id":
        return None
    if info.tokens and info.tokens[-1].end == len(current):
        tok = info.tokens[-1]
        return Context(kind, info.path, tok.start, tok.text)
    lead = " " if current.endswith(":") else ""
    return Context(kind, info.path, len(current), "", lead)


def token_at(file_kind: str, lines: Sequence[str], line: int, column: int) -> tuple[str, Token] | None:
    """The id under a 0-based position and its kind (``act|procedure`` for either)."""
    if not 0 <= line < len(lines):
        return None
    sc = Scanner()
    for n in range(line):
        sc.feed(n, lines[n])
    info = sc.feed(line, lines[line])
    if info is None:
        return None
    kind = ref_kind(file_kind, info.path)
    if kind is None:
        return None
    for tok in info.tokens:
        if tok.start <= column <= tok.end:
            return kind, tok
    return None
