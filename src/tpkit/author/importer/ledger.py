"""What became of every source row, and of every cell that could not be taken as it stood.

The conservation law of the import: each row of each table read ends in exactly one :class:`RowOutcome` —
``written`` (to a process and a touchpoint entry), ``merged`` (into an earlier row's entry, or the rest of a row
broken at a page), ``structural`` (a header, a header again, column numbers, a direction heading, a process title
above its rows, text above the table, an empty row) or ``unread`` (not understood, with the reason and the row's
text). The plan lists them all and its summary adds them up. A cell of a written row that could not be taken as it
stood is an :class:`Unmapped` note; where rows disagree on one value, a conflict (an :class:`Unmapped` too).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .texts import CONFLICT, REASONS, column_name, say

Kind = Literal["written", "merged", "structural", "unread"]
OUTCOMES: tuple[Kind, ...] = ("written", "merged", "structural", "unread")


@dataclass(frozen=True, slots=True)
class Unmapped:
    """A cell the import could not take as it stood: the value is left out, or goes to ``notes`` (the row itself
    is written), or a conflict between rows (``reason`` is ``conflict``)."""

    sheet: str
    row: int
    #: a column key (:data:`.texts.COLUMN_NAMES`) or the header's own text of a column the register has not
    column: str
    value: str
    #: a key of :data:`.texts.REASONS`, or ``conflict``
    reason: str
    #: what the reason's text takes: the process id of «title»; for a conflict the first row and the value kept
    args: tuple[str, ...] = ()

    @property
    def where(self) -> str:
        return f"{self.sheet}!{self.row}"

    def line(self, lang: str = "ru") -> str:
        column = column_name(self.column, lang)
        if self.reason == "conflict":
            return f"{self.where}: " + say({"c": CONFLICT}, "c", lang, column, self.value, *self.args)
        where = self.where + (f" ({column})" if column else "")
        return f"{where}: {say(REASONS, self.reason, lang, *self.args)}" + (f": «{self.value}»" if self.value else "")


@dataclass
class RowOutcome:
    """What one source row (or a run of rows alike: empty ones, a table not read) became."""

    sheet: str
    number: int
    kind: Kind
    #: the table's place in the file: outcomes are listed by (table, number)
    table: int = 0
    #: the last row of a run (``number``..``last``); 0 for one row
    last: int = 0
    #: structural: a key of :data:`.texts.STRUCTURAL`; unread: a key of :data:`.texts.REASONS`
    what: str = ""
    #: structural and unread rows: the row's text, cells joined by « | »
    text: str = ""
    #: written and merged rows: the № cell, the touchpoint as written, where it went
    n: str = ""
    touchpoint_name: str = ""
    process: str = ""
    touchpoint: str = ""
    #: written: new | catalogue | same (the same touchpoint as an earlier row, new to the catalogue)
    how: str = ""
    #: merged: the row whose entry it joined, or (``what`` = ``continued``) the row whose text it ends
    into: str = ""
    #: merged: what it added to the entry, (column key, values): needs, basis, notes
    combined: list[tuple[str, str]] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: a header row: (the header's text, the column key it names, or "" for a column the register has not)
    header: list[tuple[str, str]] = field(default_factory=list)

    @property
    def where(self) -> str:
        end = f"–{self.last}" if self.last and self.last != self.number else ""
        return f"{self.sheet}!{self.number}{end}"

    @property
    def rows(self) -> int:
        """How many source rows this outcome stands for."""
        return max(self.last, self.number) - self.number + 1

    @property
    def order(self) -> tuple[int, int]:
        return (self.table, self.number)

    def unread_line(self, lang: str = "ru") -> str:
        """A row not understood, for the report: where, why, and its text."""
        return f"{self.where}: {say(REASONS, self.what, lang)}" + (f": «{self.text}»" if self.text else "")


def joined(cells: list[str]) -> str:
    """A row's text for the report: its non-empty cells, each once, joined by « | »."""
    return " | ".join(dict.fromkeys(" ".join(c.split()) for c in cells if c.strip()))


def counts(outcomes: list[RowOutcome]) -> dict[Kind, int]:
    """Source rows by outcome."""
    out: dict[Kind, int] = dict.fromkeys(OUTCOMES, 0)
    for o in outcomes:
        out[o.kind] += o.rows
    return out
