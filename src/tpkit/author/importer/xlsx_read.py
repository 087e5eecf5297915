"""Read an Excel workbook: every sheet's rows, through :class:`.read.TableReader`, streaming (openpyxl's read-only
mode). A sheet may hold several tables, each with its own header (the reader switches the column map).

Merged cells read as Word's do: every cell of a merged range holds the range's text (openpyxl's read-only mode
gives it only to the first), so a heading merged across the table reads as one text in every cell, and a process
or a touchpoint merged down over several rows belongs to each of them. The ranges (``<mergeCell>`` at the end of
the sheet's XML) are read first, in one pass that keeps nothing else.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import AuthoringError
from .limits import MAX_COLUMNS, MAX_ROWS, RowBudget, check_zip
from .match import only_direction
from .read import Reading, TableReader, Unmapped, direction_of

#: (first row, first column, last row, last column), 1-based
Range = tuple[int, int, int, int]

#: merged cells filled in at most this many (row, range) pairs a sheet; beyond, the rest read as openpyxl gives them
MAX_MERGE_ROWS = MAX_ROWS


def _open_workbook(path: Path) -> Any:
    check_zip(path, "книгу Excel (.xlsx)", "an Excel workbook (.xlsx)")
    try:
        from openpyxl import load_workbook

        return load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise AuthoringError(f"{path}: нет такого файла / no such file") from None
    except Exception as exc:  # openpyxl raises many kinds for a bad file
        raise AuthoringError(f"{path}: не удалось открыть как книгу Excel (.xlsx): {type(exc).__name__}") from None


#: a merged range in a sheet's XML: ``<mergeCell ref="A5:D5"/>`` (with any namespace prefix)
_MERGE = re.compile(
    rb'<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref="([A-Za-z]{1,3}[0-9]{1,7}:[A-Za-z]{1,3}[0-9]{1,7})"'
)
#: the sheet's XML is scanned for its ranges in pieces this large
_CHUNK = 1 << 20


def _ranges_in(data: bytes, end: int, out: list[Range]) -> None:
    from openpyxl.utils.cell import range_boundaries

    for mt in _MERGE.finditer(data, 0, end):
        try:
            min_col, min_row, max_col, max_row = range_boundaries(mt.group(1).decode("ascii"))
        except ValueError:
            continue
        if min_col is not None and min_row is not None and max_col is not None and max_row is not None:
            out.append((min_row, min_col, max_row, min(max_col, MAX_COLUMNS)))


def merged_ranges(path: Path, part: str | None) -> list[Range]:
    """The merged ranges of the sheet stored at ``part`` in the workbook (none when it cannot be told).

    The ranges stand after the rows (``<mergeCells>`` at the end of the sheet): the part is scanned for them as
    bytes, without parsing the rows a second time."""
    if not part:
        return []
    out: list[Range] = []
    tail = b""
    with zipfile.ZipFile(path) as zf, zf.open(part.lstrip("/")) as fh:
        while chunk := fh.read(_CHUNK):
            data = tail + chunk
            end = data.rfind(b"<")  # a tag cut at the chunk's end is read with the next chunk
            end = len(data) if end < 0 else end
            _ranges_in(data, end, out)
            tail = data[end:]
    _ranges_in(tail, len(tail), out)
    return out


def _by_row(ranges: list[Range]) -> dict[int, list[Range]]:
    """Row -> the ranges covering it (at most :data:`MAX_MERGE_ROWS` pairs)."""
    out: dict[int, list[Range]] = {}
    budget = MAX_MERGE_ROWS
    for rng in ranges:
        first, _, last, _ = rng
        for r in range(first, min(last, first + budget - 1) + 1):
            out.setdefault(r, []).append(rng)
        budget -= last - first + 1
        if budget <= 0:
            break
    return out


def filled_rows(ws: Any, ranges: list[Range]) -> Iterator[tuple[int, list[Any]]]:
    """(row number, values) of a sheet, every cell of a merged range holding the range's value."""
    covering = _by_row(ranges)
    anchors: dict[tuple[int, int], Any] = {}
    for number, values in enumerate(ws.iter_rows(values_only=True, max_col=MAX_COLUMNS), 1):
        row = list(values)
        for first, col, _, last_col in covering.get(number, ()):
            if number == first:
                anchors[(first, col)] = row[col - 1] if col - 1 < len(row) else None
            value = anchors.get((first, col))
            if value is None or value == "":
                continue
            if len(row) < last_col:
                row += [None] * (last_col - len(row))
            for c in range(col, last_col + 1):
                if (number, c) != (first, col) and row[c - 1] in (None, ""):
                    row[c - 1] = value
        yield number, row


def read_rows(path: Path, default_direction: str | None, report: list[Unmapped]) -> Reading:
    """The rows of every sheet of an .xlsx workbook, read streaming."""
    from .limits import ImportLimitError

    wb = _open_workbook(path)
    reading = Reading()
    budget = RowBudget(path.name)
    try:
        readers: list[TableReader] = []
        for n, ws in enumerate(wb.worksheets, 1):
            # the sheet's name as tpkit writes it («Услуги (сервисы)») or as people do («Гос. услуги», «КНД»)
            direction = direction_of(ws.title) or only_direction(ws.title)
            reader = TableReader(ws.title, direction, default_direction or "services", reading, report, budget, table=n)
            # openpyxl keeps where a sheet is stored only as a private attribute: without it, no ranges are filled
            for number, values in filled_rows(ws, merged_ranges(path, getattr(ws, "_worksheet_path", None))):
                reader.feed(number, values)
            readers.append(reader)
        # several registers in a book: rows of none of them may be put in the default direction; an empty sheet or
        # one with no header («Лист2», a reference sheet) is no register
        registers = sum(reader.columns is not None for reader in readers)
        for reader in readers:
            reader.finish(registers > 1, default_direction is not None)
    except (AuthoringError, ImportLimitError):
        raise
    except Exception as exc:  # a part that does not parse as the XML it claims to be
        raise AuthoringError(f"{path}: не удалось прочитать книгу Excel: {type(exc).__name__}") from None
    finally:
        wb.close()
    return reading
