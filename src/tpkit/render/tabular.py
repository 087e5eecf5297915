"""The register as a spreadsheet: XLSX (one sheet per direction) and CSV.

XLSX layout, which the Excel import reads back: one sheet per direction of
activity, named by ``enums.DIRECTIONS[code]["short"]``, in the fixed order of
the directions; row 1 holds the column labels of :data:`register_columns.COLUMNS`
(frozen, with filters), one row per process touchpoint entry below; ``№`` and a
numeric demand are numbers. A last, hidden column titled
:data:`register_columns.PROCESS_ID_COLUMN` holds each row's process id.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from ..registry.enums import DIRECTIONS
from .package import fixed_moment, normalize
from .register_columns import COLUMNS, PROCESS_ID_COLUMN
from .register_table import DirectionTable, RegisterRow


def _cell_value(row: RegisterRow, key: str) -> Any:
    if key == "n":
        return row.n
    if key == "demand" and isinstance(row.demand_value, int):
        return row.demand_value
    return getattr(row, key)


def sheet_name(direction: str) -> str:
    return DIRECTIONS[direction]["short"][:31]


def render_xlsx(tables: list[DirectionTable], *, title: str, author: str, date: Any = None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    when = fixed_moment(date).replace(tzinfo=None)
    wb = Workbook()
    blank = wb.active  # a new workbook's empty sheet; each direction gets its own
    if isinstance(blank, Worksheet):
        wb.remove(blank)
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_font = Font(name="Times New Roman", bold=True, size=11)
    body_font = Font(name="Times New Roman", size=11)
    fill = PatternFill("solid", fgColor="D9D9D9")
    wrap = Alignment(wrap_text=True, vertical="top")
    for t in tables:
        ws = wb.create_sheet(sheet_name(t.direction))
        ws.append([*(c.ru for c in COLUMNS), PROCESS_ID_COLUMN])
        for row in t.rows:
            ws.append([*(_cell_value(row, c.key) for c in COLUMNS), row.process_id])
        for j, col in enumerate(COLUMNS, 1):
            ws.column_dimensions[get_column_letter(j)].width = col.width
        ws.column_dimensions[get_column_letter(len(COLUMNS) + 1)].hidden = True
        for cell in ws[1]:
            cell.font = head_font
            cell.fill = fill
            cell.border = border
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        for r in ws.iter_rows(min_row=2):
            for cell in r:
                cell.font = body_font
                cell.border = border
                cell.alignment = wrap
        ws.freeze_panes = "A2"
        last = get_column_letter(len(COLUMNS) + 1)  # the ids too, so that sorting keeps them with their rows
        ws.auto_filter.ref = f"A1:{last}{max(ws.max_row, 1)}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.print_title_rows = "1:1"
    if not wb.worksheets:
        wb.create_sheet("Перечень").append([*(c.ru for c in COLUMNS), PROCESS_ID_COLUMN])
    props = wb.properties
    props.title = title
    props.creator = author or "tpkit"
    props.lastModifiedBy = "tpkit"
    props.created = when
    props.modified = when
    props.language = "ru-RU"
    buf = io.BytesIO()
    wb.save(buf)
    return normalize(buf.getvalue(), fixed_moment(date))


def render_csv(tables: list[DirectionTable]) -> str:
    """One CSV for all directions: «направление» first, then the register columns.

    Semicolon-separated, as Excel expects in a Russian locale; the writer adds a BOM. A numeric demand is a
    number (``48000``), as in the workbook, not the printed «48 000 обращений в год».
    """
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\r\n")
    w.writerow(["направление", *(c.ru for c in COLUMNS)])
    for t in tables:
        for row in t.rows:
            w.writerow([t.title, *(_cell_value(row, c.key) for c in COLUMNS)])
    return out.getvalue()
