"""Read: an Excel workbook becomes rows of cells by column key, one direction of activity per sheet.

The layout is the one tpkit's own XLSX export writes (the columns of
:data:`tpkit.render.register_columns.COLUMNS`), with header names matched
loosely. A header row may stand below a title; a process cell left empty
(merged cells in Excel) continues the process above.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...render.register_columns import COLUMNS
from .. import AuthoringError
from .match import HEADER_ALIASES, norm

#: a header row is looked for in the first rows of a sheet only
HEADER_SEARCH_ROWS = 20


@dataclass(frozen=True, slots=True)
class Unmapped:
    """A cell the import could not map (the row is left out, or the value is)."""

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
    """One data row of a sheet: cells by column key (``process`` filled in from above)."""

    sheet: str
    number: int
    direction: str
    cells: dict[str, Any]

    def unmapped(self, column: str, value: str, reason: str) -> Unmapped:
        return Unmapped(self.sheet, self.number, column, value, reason)


def _header_names() -> dict[str, set[str]]:
    return {col.key: {norm(col.ru), norm(col.en), norm(col.key), *HEADER_ALIASES.get(col.key, ())} for col in COLUMNS}


def _header_key(cell: Any, text: str, labels: dict[str, set[str]], found: dict[str, int]) -> str | None:
    """The column a header cell names: its exact label or alias, else a label inside the text."""
    for key, names in labels.items():
        if key not in found and text in names:
            return key
    for key, names in labels.items():
        if key in found or key == "n":
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


def _open_workbook(path: Path) -> Any:
    try:
        from openpyxl import load_workbook

        return load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise AuthoringError(f"{path}: нет такого файла / no such file") from None
    except Exception as exc:  # openpyxl raises many kinds for a bad file
        raise AuthoringError(f"{path}: не удалось открыть как книгу Excel (.xlsx): {type(exc).__name__}") from None


def _read_sheet(ws: Any, direction: str, rows: list[Row]) -> bool:
    """Append the sheet's data rows to ``rows``; ``False`` when it has no header row."""
    header: dict[str, int] | None = None
    last_process = ""
    for number, values in enumerate(ws.iter_rows(values_only=True), 1):
        cells = list(values)
        if header is None:
            candidate = match_header(cells)
            if "process" in candidate and "touchpoint" in candidate:
                header = candidate
            elif number >= HEADER_SEARCH_ROWS:
                break
            continue
        if all(v is None or str(v).strip() == "" for v in cells):
            continue
        row = {key: (cells[i] if i < len(cells) else None) for key, i in header.items()}
        process = str(row.get("process") or "").strip() or last_process
        last_process = process
        row["process"] = process
        rows.append(Row(ws.title, number, direction, row))
    return header is not None


def read_rows(path: Path, default_direction: str | None, report: list[Unmapped]) -> list[Row]:
    """The data rows of every sheet that stands for a direction of activity; skipped sheets go to ``report``."""
    wb = _open_workbook(path)
    rows: list[Row] = []
    try:
        for ws in wb.worksheets:
            direction = direction_of(ws.title)
            if direction is None:
                if default_direction is None and len(wb.worksheets) > 1:
                    report.append(
                        Unmapped(ws.title, 0, "", ws.title, "лист не соответствует направлению деятельности — пропущен")
                    )
                    continue
                direction = default_direction or "services"
            if not _read_sheet(ws, direction, rows):
                report.append(
                    Unmapped(
                        ws.title,
                        0,
                        "",
                        "",
                        "не найдена строка заголовков (процесс, точка взаимодействия) — лист пропущен",
                    )
                )
    finally:
        wb.close()
    return rows
