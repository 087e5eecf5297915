"""The header row of a table: which column is which, found by meaning, per table.

A header cell names a column by its label, an alias (:data:`.match.HEADER_ALIASES`) or, loosely, a label inside
its text. A header names the touchpoint column and one more of the register's. Every other column is kept too: a
cell merged over several columns (the same text in each) reads them all, and a column no key names (or a second
column of a key already named) is an *extra* column whose cells' text goes to the entry's ``notes``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...render.register_columns import COLUMNS
from .match import HEADER_ALIASES, norm

#: words of a header's second row under a merged cell: «наименование» names the merged cell's own column; «тип» and
#: «вид» under «Точка взаимодействия» name its form ("" = the merged cell's key)
GROUP_WORDS = {"наименование": "", "название": "", "name": "", "тип": "form", "вид": "form", "type": "form"}

#: columns named word for word only: «Способ направления ответа» is no direction column
EXACT_ONLY = ("n", "pid", "direction")

#: what a № column is headed with when its text has no letters
NUMBER_MARKS = ("№", "#", "№№", "N")


def _header_names() -> dict[str, set[str]]:
    names = {col.key: {norm(col.ru), norm(col.en), norm(col.key)} for col in COLUMNS}
    names["pid"] = set()
    for key, aliases in HEADER_ALIASES.items():
        names.setdefault(key, set()).update(aliases)
    return names


LABELS = _header_names()


def exact_key(cell: Any) -> str | None:
    """The column a header cell names by its label or an alias, word for word (case and punctuation aside)."""
    text = norm(cell)
    if not text:
        return "n" if str(cell or "").strip() in NUMBER_MARKS else None
    return next((key for key, names in LABELS.items() if text in names), None)


def _header_key(cell: Any, text: str, found: dict[str, int]) -> str | None:
    """The column a header cell names: its exact label or alias, else a label inside the text."""
    for key, names in LABELS.items():
        if key not in found and text in names:
            return key
    for key, names in LABELS.items():
        if key in found or key in EXACT_ONLY:
            continue
        if any(len(n) >= 5 and (n in text or text in n) for n in names):
            return key
    if str(cell).strip() in NUMBER_MARKS:
        return "n"
    return None


def match_header(cells: list[Any]) -> dict[str, int]:
    """Column key -> index for a header row (loosely: exact label, alias, or a label inside the text)."""
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        text = norm(cell)
        if not text:
            if str(cell or "").strip() in NUMBER_MARKS and "n" not in found:
                found["n"] = i
            continue
        best = _header_key(cell, text, found)
        if best is not None and best not in found:
            found[best] = i
    return found


def is_header(found: dict[str, int]) -> bool:
    """A header names the touchpoint column and one more of the register's columns."""
    return "touchpoint" in found and bool({"process", "needs", "form", "features"} & set(found))


@dataclass
class Columns:
    """A table's column map: key -> the cells it reads, and the header's text of every other column."""

    keys: dict[str, list[int]]
    #: index -> the header's text of a column no key names (its cells go to ``notes``)
    extra: dict[int, str] = field(default_factory=dict)
    #: the header row, normalised: a row equal to it is the header again
    cells: tuple[str, ...] = ()
    #: the header row as written, for the report
    raw: tuple[str, ...] = ()

    @property
    def start(self) -> int:
        """The table's first column: where its header starts (a sheet's table may start in column B)."""
        return min([i for idx in self.keys.values() for i in idx] + list(self.extra))

    def value(self, cells: list[str], key: str) -> str:
        """The text of ``key`` in a row: its cells, each once (a merged cell repeats its text), by lines."""
        parts = [cells[i] for i in self.keys.get(key, ()) if i < len(cells) and cells[i]]
        return "\n".join(dict.fromkeys(parts))

    def extras(self, cells: list[str]) -> list[tuple[str, str]]:
        """(the column's header, the text) of each non-empty cell no key reads, in order."""
        keyed = {i for idx in self.keys.values() for i in idx}
        out: list[tuple[str, str]] = []
        for i, text in enumerate(cells):
            if text and i not in keyed:
                name = self.extra.get(i) or f"столбец {i + 1}"
                if (name, text) not in out:
                    out.append((name, text))
        return out

    def sub_header(self, cells: list[str]) -> Columns | None:
        """The column map refined by ``cells`` when they are the header's second row, else ``None``.

        A header cell merged over several columns («Точка взаимодействия» over «наименование | форма») has its
        columns named in the row below: each cell there under the merged one that names another column («форма»)
        gives that column; the rest stay the merged cell's. Each of the row's texts stands under a merged header cell
        or repeats the header cell above it (merged down), and one does repeat, or those under the merged cells name
        columns word for word or are numbers alone (years: «Востребованность» over «2022 | 2023»): a data row does
        neither.
        """
        groups = {key: idx for key, idx in self.keys.items() if len(idx) > 1}
        if not groups:
            return None
        under = {i: key for key, idx in groups.items() for i in idx}
        repeated = False
        for i, text in enumerate(cells):
            above = self.raw[i] if i < len(self.raw) else ""
            if text and i not in under:
                if norm(text) != norm(above):
                    return None
                repeated = True

        def names(i: int) -> str | None:
            text = cells[i] if i < len(cells) else ""
            word = GROUP_WORDS.get(norm(text))
            if word == "" or (word == "form" and under[i] == "touchpoint"):
                return word or under[i]
            return exact_key(text)

        below = [i for i in under if i < len(cells) and cells[i]]
        if not below:
            return None
        years = all(cells[i].replace(".", "").isdigit() for i in below)  # «Востребованность» over «2022 | 2023»
        if not repeated and not years and not all(names(i) for i in below):
            return None  # a header's own second row: it repeats a cell merged down, or names columns word for word
        keys = {key: list(idx) for key, idx in self.keys.items()}
        for i, key in under.items():
            text = cells[i] if i < len(cells) else ""
            named = names(i) if text else None
            if named is None and text:
                named = next(iter(match_header([text])), None)
            if named is not None and named != key and named not in keys and len(keys[key]) > 1:
                keys[key].remove(i)
                keys[named] = [i]
        # the row is the header's even when it changes no column («наименование» under «Точка взаимодействия»)
        return Columns(keys, self.extra, self.cells, self.raw)

    def repeats(self, cells: list[str]) -> bool:
        """Whether ``cells`` are the header row again (a header repeated on a new page, by hand)."""
        return _trimmed(cells) == self.cells


def _trimmed(cells: list[str]) -> tuple[str, ...]:
    out = [norm(c) for c in cells]
    while out and not out[-1]:
        out.pop()
    return tuple(out)


def read_header(cells: list[str]) -> Columns | None:
    """The column map a header row gives, or ``None`` when the row is no header: it names the touchpoint column and
    one more, more than half of its texts name columns, and no cell is a number.

    A cell with the text of the cell before it (a header cell merged over several columns) reads with it; a second
    cell naming a key already named, and a cell naming none, are extra columns.
    """
    found = match_header(cells)
    if not is_header(found) or any(c.replace(".", "").isdigit() for c in cells if c):
        return None  # a header holds no number: a row with one is data («4 | Платформа … | … | цифровая точка»)
    texts = {norm(c) for c in cells} - {""}
    if 2 * len({norm(cells[i]) for i in found.values()} - {""}) <= len(texts):
        return None  # most of a header's cells name columns; a data row's words name one only by chance
    keys: dict[str, list[int]] = {key: [i] for key, i in found.items()}
    owner = {i: key for key, i in found.items()}
    extra: dict[int, str] = {}
    for i, cell in enumerate(cells):
        if i in owner:
            continue
        before = owner.get(i - 1)
        if before is not None and cell and norm(cell) == norm(cells[i - 1]):
            keys[before].append(i)
            owner[i] = before
        elif cell:
            extra[i] = " ".join(cell.split())
    return Columns(keys, extra, _trimmed(cells), tuple(" ".join(c.split()) for c in cells))


def is_new_header(cells: list[str]) -> bool:
    """Whether a row under a table's header is the header of another table: at least three cells name columns
    word for word, and no cell is a number. A data row's words name a column only by chance and loosely
    («Платформа обратной связи» holds «форма»), so a row below the header is data unless it is this, the header
    again, or column numbers."""
    if any(c.replace(".", "").isdigit() for c in cells if c):
        return False
    exact = {key for key in map(exact_key, cells) if key is not None}
    return len(exact) >= 3 and "touchpoint" in exact
