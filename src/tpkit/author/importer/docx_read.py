"""Read a Word document: every table becomes rows, through the same :class:`.read.TableReader` as a workbook.

Published registers are appendices to an order: a table per register, a row merged
across it per direction of activity, often no process column. The table XML is read
directly (``w:tr``/``w:tc``): a cell spanning columns (``w:gridSpan``) repeats its
text in each, so a merged heading row reads as one text; a cell continuing a vertical
merge (``w:vMerge`` without ``restart``) reads as empty, which continues the process
above. Reading the grid this way is linear in the table's size. The zip is checked
first (:func:`.limits.check_zip`); python-docx parses with entities unresolved.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import AuthoringError
from .limits import MAX_COLUMNS, RowBudget, check_zip
from .read import Row, TableReader, Unmapped, finish_table


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))


def _cell_text(tc: Any, t_tag: str, p_tag: str, hyphen_tag: str) -> str:
    """The text of a cell, paragraphs joined by line breaks; a no-break hyphen (``w:noBreakHyphen``, what
    ``tpkit render`` writes inside registration numbers: «№ 12-од») reads as a hyphen."""
    paras = []
    for p in tc.iter(p_tag):
        paras.append("".join(("-" if el.tag == hyphen_tag else el.text or "") for el in p.iter(t_tag, hyphen_tag)))
    return "\n".join(paras)


def _row_cells(tr: Any, tags: dict[str, str]) -> list[str]:
    cells: list[str] = []
    for tc in tr.iterchildren(tags["tc"]):
        props = tc.find(tags["tcPr"])
        span = 1
        continued = False
        if props is not None:
            grid = props.find(tags["gridSpan"])
            if grid is not None:
                try:
                    span = max(1, min(int(grid.get(tags["val"], "1")), MAX_COLUMNS))
                except ValueError:
                    span = 1
            vmerge = props.find(tags["vMerge"])
            continued = vmerge is not None and vmerge.get(tags["val"], "continue") != "restart"
        text = "" if continued else _cell_text(tc, tags["t"], tags["p"], tags["noBreakHyphen"])
        cells.extend([text] * span)
        if len(cells) >= MAX_COLUMNS:
            break
    return cells[:MAX_COLUMNS]


def read_docx_rows(path: Path, default_direction: str | None, report: list[Unmapped]) -> list[Row]:
    """The data rows of every table of a .docx document (nested tables are not read as tables)."""
    check_zip(path, "документ Word (.docx)", "a Word document (.docx)")
    try:
        import docx

        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds for a bad file
        raise AuthoringError(f"{path}: не удалось открыть как документ Word (.docx): {type(exc).__name__}") from None
    tags = {k: _qn(f"w:{k}") for k in ("tbl", "tr", "tc", "tcPr", "gridSpan", "vMerge", "t", "p", "noBreakHyphen")}
    tags["val"] = _qn("w:val")
    tables = [el for el in document.element.body.iterchildren(tags["tbl"])]
    rows: list[Row] = []
    budget = RowBudget(path.name)
    for n, tbl in enumerate(tables, 1):
        reader = TableReader(f"Таблица {n}", None, default_direction or "services", rows, report, budget)
        for number, tr in enumerate(tbl.iterchildren(tags["tr"]), 1):
            if not reader.feed(number, _row_cells(tr, tags)):
                break
        finish_table(reader, len(tables) > 1, True)
    if not tables:
        report.append(Unmapped(path.name, 0, "", "", "в документе нет таблиц"))
    return rows
