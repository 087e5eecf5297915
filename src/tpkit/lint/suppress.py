"""Inline suppressions: ``# tpkit: ignore[TP110] -- why`` on a finding's line (or on a line of a key that
contains it), ``# tpkit: ignore-file[TP108]`` anywhere in the file.

The engine asks :meth:`Suppressions.covers` for each finding; what a comment names and never suppressed
comes out of :func:`unused` (rule TP901 reports it). An unused suppression is keyed by the comment's line
as written, not by its number: its fingerprint (and a baseline) survives lines inserted above, and the same
line written twice is told apart by its count.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..registry.span import Span
from .finding import Finding

if TYPE_CHECKING:
    from ..registry import Registry

_SUPPRESS = re.compile(r"#\s*tpkit:\s*(ignore|ignore-file)\[([A-Za-z0-9_,\s]*)\](?:\s*--\s*(.*))?")


@dataclass(slots=True)
class Suppression:
    """One comment: where it stands, the line as written, the codes it names and those it suppressed."""

    file: str
    line: int
    column: int
    codes: tuple[str, ...]
    whole_file: bool
    written: str
    used: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class Unused:
    """A code a suppression comment names that suppressed nothing; ``key`` tells it apart in its file."""

    file: str
    #: where the comment names the code
    span: Span
    code: str
    key: str


def parse(reg: Registry) -> dict[str, list[Suppression]]:
    """Every suppression comment of the registry's files, by file."""
    out: dict[str, list[Suppression]] = {}
    for rel, src in reg.files.items():
        text = src.text
        if not text or "tpkit:" not in text:
            continue
        for lineno, line in enumerate(text.splitlines(), 1):
            if "tpkit:" not in line:
                continue
            for mt in _SUPPRESS.finditer(line):
                codes = tuple(c.strip().upper() for c in mt.group(2).split(",") if c.strip())
                out.setdefault(rel, []).append(
                    Suppression(rel, lineno, mt.start() + 1, codes, mt.group(1) == "ignore-file", line.strip())
                )
    return out


def covers_files(code: str, about: Iterable[str], by_file: dict[str, list[Suppression]]) -> bool:
    """Whether a file-wide comment for ``code`` stands in every one of the files a finding is about (the processes
    using a catalogue entry, :attr:`~tpkit.lint.finding.Hit.about`). Each such comment records the rule as used
    even when another file has none: it took its file out of the finding, and deleting it would put the file back."""
    found = [[s for s in by_file.get(file, ()) if s.whole_file and code in s.codes] for file in dict.fromkeys(about)]
    for supps in found:
        for s in supps:
            s.used.add(code)
    return bool(found) and all(found)


def covers(f: Finding, supps: Iterable[Suppression]) -> bool:
    """Whether a comment suppresses the finding (on one of its anchor lines, or for the whole file);
    every such comment records the rule as used."""
    hit = False
    for s in supps:
        if f.rule not in s.codes:
            continue
        if s.whole_file or s.line in f.span.anchors:
            s.used.add(f.rule)
            hit = True
    return hit


def unused(
    by_file: dict[str, list[Suppression]], live: Callable[[str, str], bool], only_files: set[str] | None = None
) -> Iterator[Unused]:
    """The codes that comments name and never used, in file and comment order.

    ``live(code, file)`` says whether the code's rule ran on the file: a comment for a rule that is off in
    this run or file may well be needed, and is not reported.
    """
    for file, supps in by_file.items():
        if only_files is not None and file not in only_files:
            continue
        counts: dict[str, int] = {}
        for s in supps:
            for code in s.codes:
                if code in s.used or not live(code, file):
                    continue
                key = f"{code}:{s.written}"
                counts[key] = counts.get(key, 0) + 1
                yield Unused(file, Span.at(s.line, s.column), code, f"{key}#{counts[key]}")
