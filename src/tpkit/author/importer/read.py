"""Read: a table's rows, one at a time, become data rows by column key — or a structural row, each with its outcome.

The header is found by meaning (:mod:`.header`) in a table's first rows; what stands above it is text above the
table. Below the header a row is data unless it is, by its place and its cells (never by its words alone):

* empty; the header again (a new page); a row of column numbers («1 2 3 4»); a total («Итого …»); the header of another table (its cells
  name at least three columns word for word: a new column map);
* a row with one text: a direction heading when it is merged across the table and names a direction, or stands in
  the first column of a table whose first column is not the process; else, in a table with a process column, the
  title of the process of the rows below it;
* the rest of the row above, broken at a page: no №, no process, no touchpoint, only more text (it is added to the
  row above).

A process cell left empty continues the process above. Every cell is text in NFC. :class:`TableReader` is fed rows
one at a time, so a workbook is read streaming and nothing but the rows kept stays in memory.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

from .header import Columns, is_new_header, read_header
from .ledger import Kind, RowOutcome, Unmapped, joined
from .limits import MAX_COLUMNS, RowBudget
from .match import guess_channel, heading_direction, norm, only_direction

#: a header row is looked for in the first rows of a table only
HEADER_SEARCH_ROWS = 20

__all__ = ["HEADER_SEARCH_ROWS", "Reading", "Row", "TableReader", "Unmapped", "cell_text", "direction_of"]


@dataclass
class Row:
    """One data row of a table: cells by column key (``process`` filled in from above)."""

    sheet: str
    number: int
    direction: str
    cells: dict[str, str]
    #: the direction heading the row stands under ("" when none)
    heading: str = ""
    #: the table has no process column: its touchpoints serve the whole direction
    per_direction: bool = False
    #: the table's place in the file
    table: int = 0
    #: (header, text) of the row's cells in columns the register has not: they go to ``notes``
    extra: list[tuple[str, str]] = field(default_factory=list)
    #: the row's own text as read (with the rest of it from the next page), for the report of a row not written
    source: str = ""

    @property
    def where(self) -> str:
        return f"{self.sheet}!{self.number}"

    def unmapped(self, column: str, value: str, reason: str, *args: str) -> Unmapped:
        return Unmapped(self.sheet, self.number, column, value, reason, args)

    def text(self) -> str:
        """The row's own text, for the report of a row not understood."""
        return self.source


@dataclass
class Reading:
    """What a reader gives the plan: the data rows, the outcomes of every other row, and how many rows it read."""

    rows: list[Row] = field(default_factory=list)
    outcomes: list[RowOutcome] = field(default_factory=list)
    total: int = 0


def cell_text(value: Any) -> str:
    """A cell as text in NFC: ``None`` is empty, a whole float is an integer."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFC", str(value)).translate(INVISIBLE).strip()
    return "" if text and not text.strip(DASHES) else text  # «—» alone says «nothing here»


#: characters pasted from web pages and PDFs that show nothing (a soft hyphen, zero-width spaces, a byte order mark):
#: left in, «Вы­дача справки» was another process and «консуль­тирование» no need
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


#: a cell of only these says «nothing here» and reads empty (0.2.0 made a touchpoint and a process named «—»)
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212 \u00a0\n"


def direction_of(sheet: str) -> str | None:
    """The direction of activity a sheet's name stands for (its short or full label, or its code)."""
    from ...registry.enums import DIRECTIONS

    s = norm(sheet)
    for code, labels in DIRECTIONS.items():
        if s in {norm(labels.get("short", "")), norm(labels["ru"]), norm(labels["en"]), code}:
            return code
    for code, labels in DIRECTIONS.items():
        short = norm(labels.get("short", ""))
        if short and (short in s or s in norm(labels["ru"])) and len(s) >= 4:
            return code
    return None


def _column_numbers(cells: list[str]) -> bool:
    """«1 2 3 4» (a merged cell repeats its number): the numbers of the columns, from 1, one by one."""
    numbers = list(dict.fromkeys(c.strip("().") for c in cells if c))  # «1.», «(1)» too
    return len(numbers) >= 2 and numbers == [str(i) for i in range(1, len(numbers) + 1)]


def _numbering(text: str) -> bool:
    """«1», «1.», «1.2», «II.»: a row's number (a heading typed in the № column is no number)."""
    return bool(text) and (text.replace(".", "").isdigit() or not text.rstrip(".").strip("IVXLC"))


#: the words a total row starts with («Итого», «Итого по услуге», «Всего:»)
TOTAL_WORDS = ("итого", "всего", "total")


def _total(cells: list[str], columns: Columns) -> bool:
    """A total row («Итого по услуге | … | 1500»): it starts with a total's word and names no touchpoint of its own
    (not the next process's title, nor a row not understood)."""
    first = next((c for c in cells if c), "")
    words = norm(first).split()
    if not words or words[0] not in TOTAL_WORDS:
        return False
    touchpoint = columns.value(cells, "touchpoint")
    return not touchpoint or touchpoint == first


def _one_text(cells: list[str]) -> tuple[str, list[int]] | None:
    """The text of a row with one text in it (a merged cell repeats it), and the cells holding it."""
    texts = {c for c in cells if c}
    if len(texts) != 1:
        return None
    text = next(iter(texts))
    return None if text.replace(".", "").isdigit() else (text, [i for i, c in enumerate(cells) if c])


@dataclass
class TableReader:
    """Rows of one table in: :class:`Row` objects into ``reading.rows``, every other row's outcome into
    ``reading.outcomes``; what is not understood of a cell into ``report``."""

    sheet: str
    direction: str | None
    default_direction: str
    reading: Reading
    report: list[Unmapped]
    budget: RowBudget
    #: the table's place in the file
    table: int = 0
    columns: Columns | None = None
    #: the map the header row itself gave (a second header row refines ``columns``)
    header_row: Columns | None = None
    #: the row before was the header (or the header again): the next may be its second row
    under_header: bool = False
    heading: str = ""
    #: the heading above is a process's title (a table with no process column: it names no direction)
    heading_process: bool = False
    heading_dir: str | None = None
    last_process: str = ""
    #: the data row the next row may be the rest of (broken at a page)
    last_row: Row | None = None
    orphans: list[int] = field(default_factory=list)
    #: rows above the header, kept until the header is found (text above the table) or not (a table not read)
    pending: list[tuple[int, list[str]]] = field(default_factory=list)
    #: no header in the first rows: the rest is counted, not read
    gave_up: bool = False

    # --- outcomes -------------------------------------------------------------------------------------------------

    def _outcome(
        self,
        number: int,
        kind: Kind,
        what: str,
        text: str = "",
        *,
        header: list[tuple[str, str]] | None = None,
        into: str = "",
    ) -> None:
        last = self.reading.outcomes[-1] if self.reading.outcomes else None
        if (
            what in ("empty", "no-header")
            and last is not None
            and (last.sheet, last.table, last.what) == (self.sheet, self.table, what)
            and max(last.last, last.number) == number - 1
        ):
            last.last = number  # a run of rows alike is one line of the report
            return
        out = RowOutcome(self.sheet, number, kind, table=self.table, what=what, text=text, into=into)
        out.header = header or []
        self.reading.outcomes.append(out)

    def structural(
        self, number: int, what: str, text: str = "", *, header: list[tuple[str, str]] | None = None
    ) -> None:
        self._outcome(number, "structural", what, text, header=header)

    def unread(self, number: int, reason: str, text: str = "") -> None:
        self._outcome(number, "unread", reason, text)

    # --- rows -----------------------------------------------------------------------------------------------------

    def feed(self, number: int, values: list[Any] | tuple[Any, ...]) -> None:
        """Take one row: data, or a structural row, or (no header found) a row of a table not read."""
        self.reading.total += 1
        if self.gave_up:
            self.unread(number, "no-header")
            return
        cells = [cell_text(v) for v in values[:MAX_COLUMNS]]
        self.budget.row(f"{self.sheet}!{number}", cells)
        if self.columns is None:
            self._above_header(number, cells)
            return
        columns = self.columns
        under_header, self.under_header = self.under_header, False
        if not any(cells):
            self.structural(number, "empty")
            self.under_header = under_header
        elif columns.repeats(cells):
            self.structural(number, "header-again")
            self.under_header = True
        elif under_header and self.header_row is not None and (refined := self.header_row.sub_header(cells)):
            self.columns = refined
            self.structural(number, "sub-header", joined(cells))
        elif _column_numbers(cells):
            self.structural(number, "numbers", joined(cells))
        elif _total(cells, columns):
            self.structural(number, "total", joined(cells))
            self.last_row = None  # what follows a total is no rest of the row above it
        elif is_new_header(cells) and (found := read_header(cells)) is not None:
            self._header(number, found, "new-header")
        elif not self._rest_of_row(number, cells, columns) and not self._title(number, cells, columns):
            self._data(number, cells, columns)

    def _above_header(self, number: int, cells: list[str]) -> None:
        found = read_header(cells) if any(cells) else None
        if found is not None:
            for n, above in self.pending:
                if any(above):
                    self.structural(n, "title", joined(above))
                else:
                    self.structural(n, "empty")
            self.pending.clear()
            self._header(number, found, "header")
            return
        self.pending.append((number, cells))
        if len(self.pending) >= HEADER_SEARCH_ROWS:
            self.give_up()

    def give_up(self) -> None:
        """No header in the table's first rows: every row of it is a row not read (one run in the report); a table
        of empty rows is empty rows."""
        if self.columns is not None or self.gave_up:
            return
        first_text = next((joined(c) for _, c in self.pending if any(c)), "")
        self.gave_up = bool(first_text)
        for i, (n, _) in enumerate(self.pending):
            if first_text:
                self._outcome(n, "unread", "no-header", first_text if i == 0 else "")
            else:
                self.structural(n, "empty")
        self.pending.clear()

    def _header(self, number: int, columns: Columns, what: str) -> None:
        self.columns = self.header_row = columns
        self.under_header = True
        self.last_process = ""
        self.last_row = None
        self.structural(number, what, header=_header_map(columns))
        for name in columns.extra.values():
            self.report.append(Unmapped(self.sheet, number, name, "", "extra-column"))

    def _title(self, number: int, cells: list[str], columns: Columns) -> bool:
        """A row with one text: a direction heading, or the title of the process of the rows below. The № cell
        aside: «1. | Выдача архивной справки» merged across the row, then «1.1 | ЕПГУ | …», is a numbered title."""
        numbered = columns.keys.get("n", [])
        found = _one_text([c if i not in numbered or not _numbering(c) else "" for i, c in enumerate(cells)])
        if found is None:
            return False
        text, where = found
        across = len(where) >= 2  # a cell merged across the table repeats its text
        names_direction = heading_direction(text) is not None
        # a heading typed in the table's first column, or in the touchpoint's: there only when it names a direction
        # and no channel («Предоставление государственных услуг», not «Портал госуслуг»: a touchpoint without needs)
        touchpoint = columns.keys.get("touchpoint", [])
        heading_like = names_direction and guess_channel(text, None) == "other_digital"
        start = columns.start
        first_only = (where == [start] and (start not in touchpoint or heading_like)) or (
            set(where) <= set(touchpoint) and heading_like
        )
        process = columns.keys.get("process")
        if process is None:
            if not (across or first_only):
                return False
            self._heading(number, text)
        elif across and names_direction:
            self._heading(number, text)
        elif across or set(where) <= set(process):
            self.last_process = text
            self.last_row = None
            self.structural(number, "process-title", text)
        elif first_only:
            self._heading(number, text)
        else:
            return False
        return True

    def _heading(self, number: int, text: str) -> None:
        self.heading = text
        self.last_process = ""
        self.last_row = None
        found = heading_direction(text)
        # a table with no process column: a title naming no direction is the process of the rows below (a service),
        # not a process for the whole direction
        self.heading_process = found is None and self.columns is not None and "process" not in self.columns.keys
        self.structural(number, "process-title" if self.heading_process else "heading", text)
        if self.heading_process:
            self.report.append(Unmapped(self.sheet, number, "direction", text, "heading-process"))
            return
        if found is None:
            self.report.append(Unmapped(self.sheet, number, "direction", text, "heading"))
        else:
            self.heading_dir = found

    def _rest_of_row(self, number: int, cells: list[str], columns: Columns) -> bool:
        """The rest of the row above, broken at a page: no №, no process, no touchpoint, only more text."""
        row = self.last_row
        if row is None or any(columns.value(cells, key) for key in ("n", "pid", "process", "touchpoint")):
            return False
        for key in columns.keys:
            more = columns.value(cells, key)
            if more:
                row.cells[key] = f"{row.cells[key]}\n{more}" if row.cells.get(key) else more
        row.extra += [e for e in columns.extras(cells) if e not in row.extra]
        row.source = joined([row.source, *cells])
        self._outcome(number, "merged", "continued", joined(cells), into=row.where)
        return True

    def _data(self, number: int, cells: list[str], columns: Columns) -> None:
        row = {key: columns.value(cells, key) for key in columns.keys}
        per_direction = "process" not in columns.keys and not self.heading_process
        if "process" not in columns.keys:
            row["process"] = self.heading
        else:
            row["process"] = row.get("process") or self.last_process
            self.last_process = row["process"]
        said = row.pop("direction", "")  # a direction column: the row's own, before the sheet's and a heading's
        direction = (direction_of(said) or only_direction(said)) if said else None
        if said and direction is None:
            self.report.append(Unmapped(self.sheet, number, "direction", said, "direction"))
        direction = direction or self.direction or self.heading_dir
        if direction is None:
            self.orphans.append(number)
            direction = self.default_direction
        data = Row(
            self.sheet,
            number,
            direction,
            row,
            self.heading,
            per_direction,
            self.table,
            columns.extras(cells),
            joined(cells),
        )
        self.reading.rows.append(data)
        self.last_row = data

    def finish(self, several: bool, explicit_default: bool) -> None:
        """The end of the table: rows above a header never found are a table not read; rows with no direction in a
        book of several tables are left out (each reported)."""
        if self.columns is None:
            self.give_up()
            return
        if self.orphans and several and not explicit_default and self.direction is None:
            drop = set(self.orphans)
            kept: list[Row] = []
            for r in self.reading.rows:
                if r.table == self.table and r.number in drop:
                    self.reading.outcomes.append(
                        RowOutcome(r.sheet, r.number, "unread", table=r.table, what="no-direction", text=r.text())
                    )
                else:
                    kept.append(r)
            self.reading.rows[:] = kept


def _header_map(columns: Columns) -> list[tuple[str, str]]:
    """(the header's text, the column key or "" for an extra column) in the order of the columns."""
    out: list[tuple[int, str, str]] = []
    for key, idx in columns.keys.items():
        out.append((idx[0], columns.raw[idx[0]], key))
    out += [(i, text, "") for i, text in columns.extra.items()]
    return [(text, key) for _, text, key in sorted(out)]
