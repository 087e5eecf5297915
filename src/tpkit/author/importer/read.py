"""Read: tables (sheets of a workbook, tables of a Word document) become rows of cells by column key.

The header row is found by meaning (:data:`.match.HEADER_ALIASES`, a title above
it is skipped); below it, a row whose only text is in its first cell (a row merged
across the table reads so too) names a direction of activity. A process cell left
empty (merged cells) continues the process above. Every cell is text in NFC.
:class:`TableReader` is fed rows one at a time, so a workbook is read streaming
(openpyxl's read-only mode) and nothing but the rows kept stays in memory.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...render.register_columns import COLUMNS
from .. import AuthoringError
from .limits import MAX_COLUMNS, RowBudget, check_zip
from .match import HEADER_ALIASES, heading_direction, norm

#: a header row is looked for in the first rows of a sheet only
HEADER_SEARCH_ROWS = 20


@dataclass(frozen=True, slots=True)
class Unmapped:
    """A cell the import could not map (the row is left out, or the value is, or it went to ``notes``)."""

    sheet: str
    row: int
    column: str
    value: str
    reason: str

    def line(self) -> str:
        where = f"{self.sheet}!{self.row}" + (f" ({self.column})" if self.column else "")
        return f"{where}: {self.reason}" + (f": «{self.value}»" if self.value else "")


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

    @property
    def where(self) -> str:
        return f"{self.sheet}!{self.number}"

    def unmapped(self, column: str, value: str, reason: str) -> Unmapped:
        return Unmapped(self.sheet, self.number, column, value, reason)


def cell_text(value: Any) -> str:
    """A cell as text in NFC: ``None`` is empty, a whole float is an integer."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFC", str(value)).strip()


def _header_names() -> dict[str, set[str]]:
    names = {col.key: {norm(col.ru), norm(col.en), norm(col.key)} for col in COLUMNS}
    names["pid"] = set()
    for key, aliases in HEADER_ALIASES.items():
        names.setdefault(key, set()).update(aliases)
    return names


def _header_key(cell: Any, text: str, labels: dict[str, set[str]], found: dict[str, int]) -> str | None:
    """The column a header cell names: its exact label or alias, else a label inside the text."""
    for key, names in labels.items():
        if key not in found and text in names:
            return key
    for key, names in labels.items():
        if key in found or key in ("n", "pid"):
            continue
        if any(len(n) >= 5 and (n in text or text in n) for n in names):
            return key
    if str(cell).strip() in ("№", "#", "N"):
        return "n"
    return None


def match_header(cells: list[Any]) -> dict[str, int]:
    """Column key -> index for a header row (loosely: exact label, alias, or a label inside the text)."""
    labels = _header_names()
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        text = norm(cell)
        if not text:
            if str(cell or "").strip() in ("№", "#", "№№") and "n" not in found:
                found["n"] = i
            continue
        best = _header_key(cell, text, labels, found)
        if best is not None and best not in found:
            found[best] = i
    return found


def is_header(found: dict[str, int]) -> bool:
    """A header names the touchpoint column and one more of the register's columns."""
    return "touchpoint" in found and bool({"process", "needs", "form", "features"} & set(found))


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


def _heading_text(cells: list[str]) -> str | None:
    """The text of a direction heading row: only the first cell holds text (merged cells repeat it)."""
    if not cells or not cells[0] or cells[0].replace(".", "").isdigit():
        return None
    return cells[0] if all(c in ("", cells[0]) for c in cells[1:]) else None


@dataclass
class TableReader:
    """Rows of one table in, :class:`Row` objects out (into ``rows``); what is not understood into ``report``."""

    sheet: str
    direction: str | None
    default_direction: str
    rows: list[Row]
    report: list[Unmapped]
    budget: RowBudget
    header: dict[str, int] | None = None
    heading: str = ""
    heading_dir: str | None = None
    last_process: str = ""
    kept: int = 0
    orphans: list[int] = field(default_factory=list)

    def feed(self, number: int, values: list[Any] | tuple[Any, ...]) -> bool:
        """Take one row; ``False`` when the table has shown no header in its first rows (stop reading it)."""
        cells = [cell_text(v) for v in values[:MAX_COLUMNS]]
        self.budget.row(f"{self.sheet}!{number}", cells)
        if self.header is None:
            candidate = match_header(cells)
            if is_header(candidate):
                self.header = candidate
            return number < HEADER_SEARCH_ROWS or self.header is not None
        if not any(cells) or all(c.isdigit() for c in cells if c) or is_header(match_header(cells)):
            return True  # empty, a row of column numbers, a header repeated on a new page
        heading = _heading_text(cells)
        if heading is not None:
            self._heading(number, heading)
            return True
        row = {key: (cells[i] if i < len(cells) else "") for key, i in self.header.items()}
        per_direction = "process" not in self.header
        if per_direction:
            row["process"] = self.heading
        else:
            row["process"] = row.get("process") or self.last_process
            self.last_process = row["process"]
        direction = self.direction or self.heading_dir
        if direction is None:
            self.orphans.append(number)
            direction = self.default_direction
        self.rows.append(Row(self.sheet, number, direction, row, self.heading, per_direction))
        self.kept += 1
        return True

    def _heading(self, number: int, text: str) -> None:
        self.heading = text
        self.last_process = ""
        found = heading_direction(text)
        if found is None:
            reason = "заголовок не назван направлением деятельности — строки ниже отнесены к прежнему"
            self.report.append(Unmapped(self.sheet, number, "направление", text, reason))
        else:
            self.heading_dir = found


def _open_workbook(path: Path) -> Any:
    check_zip(path, "книгу Excel (.xlsx)", "an Excel workbook (.xlsx)")
    try:
        from openpyxl import load_workbook

        return load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise AuthoringError(f"{path}: нет такого файла / no such file") from None
    except Exception as exc:  # openpyxl raises many kinds for a bad file
        raise AuthoringError(f"{path}: не удалось открыть как книгу Excel (.xlsx): {type(exc).__name__}") from None


def finish_table(reader: TableReader, several: bool, explicit_default: bool) -> None:
    """Report a table without a header; drop rows with no direction in a book of several tables."""
    if reader.header is None:
        reason = "не найдена строка заголовков (точка взаимодействия, потребности…) — пропущено"
        reader.report.append(Unmapped(reader.sheet, 0, "", "", reason))
    elif reader.orphans and several and not explicit_default and reader.direction is None:
        drop = set(reader.orphans)
        reader.rows[:] = [r for r in reader.rows if not (r.sheet == reader.sheet and r.number in drop)]
        reason = "ни лист, ни заголовок над строками не названы направлением — строки пропущены (--direction)"
        reader.report.append(Unmapped(reader.sheet, reader.orphans[0], "", reader.sheet, reason))


def read_rows(path: Path, default_direction: str | None, report: list[Unmapped]) -> list[Row]:
    """The data rows of every sheet of an .xlsx workbook, read streaming."""
    from .limits import ImportLimitError

    wb = _open_workbook(path)
    rows: list[Row] = []
    budget = RowBudget(path.name)
    try:
        sheets = list(wb.worksheets)
        for ws in sheets:
            reader = TableReader(
                ws.title, direction_of(ws.title), default_direction or "services", rows, report, budget
            )
            for number, values in enumerate(ws.iter_rows(values_only=True, max_col=MAX_COLUMNS), 1):
                if not reader.feed(number, values):
                    break
            finish_table(reader, len(sheets) > 1, default_direction is not None)
    except (AuthoringError, ImportLimitError):
        raise
    except Exception as exc:  # a part that does not parse as the XML it claims to be
        raise AuthoringError(f"{path}: не удалось прочитать книгу Excel: {type(exc).__name__}") from None
    finally:
        wb.close()
    return rows
