"""The register DOCX at scale: tables written as XML in one pass, byte for byte what python-docx wrote.

The reference below is the python-docx table builder tpkit used before (row and cell objects); the one-pass
writer (``render/docx_table.py``) must give the same ``w:tbl`` for every kind of table: the register's nine
columns, a grouped first column, a table without styles (bold header), text needing escapes and spaces kept.
"""

from __future__ import annotations

import sys
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from tpkit.render.docx_table import TableStyle, fill_placeholders, table_xml
from tpkit.render.view import Block

HERE = Path(__file__).resolve().parent
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def q(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def reference_tbl(b: Block, st: TableStyle) -> bytes:
    """The table as python-docx builds it from row and cell objects (tpkit 0.1's ``_Writer.table``, with what issue
    26 added: the header row never split, a number column as wide as its widest number, rows kept whole unless
    taller than a page, the ``group`` column merged, registration numbers with no-break hyphens)."""
    import re

    from docx import Document
    from docx.oxml import OxmlElement, parse_xml
    from docx.shared import Mm, Pt
    from lxml import etree

    from tpkit.render.docx_table import keep_numbers
    from tpkit.render.hyphen import pieces

    doc = Document()
    ncols = len(b.headers)
    table = doc.add_table(rows=1 + len(b.rows), cols=ncols)
    tbl = table._tbl
    tblPr = tbl.tblPr
    borders = parse_xml(
        f'<w:tblBorders xmlns:w="{W_NS}">'
        + "".join(
            f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
            for s in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + "</w:tblBorders>"
    )
    tblPr.find(q("tblLook")).addprevious(borders)
    tblPr.find(q("tblLook")).addprevious(parse_xml(f'<w:tblLayout xmlns:w="{W_NS}" w:type="fixed"/>'))
    size = st.font_size - 3 if ncols >= 6 else None
    pt = size or st.font_size
    weights = b.widths or [1] * ncols
    if b.number_column:
        digits = max([2, *(len(r[0]) for r in b.rows)])
        first = digits * pt * 0.3528 * 0.56 + 2 * 1.905 + 1  # digits of 0.56 em, the cell's margins, 1 mm
        widths_mm = [first, *((st.width_mm - first) * w / sum(weights[1:]) for w in weights[1:])]
    else:
        widths_mm = [st.width_mm * w / (sum(weights) or ncols) for w in weights]
    widths = [Mm(w) for w in widths_mm]
    for gc, w in zip(tbl.tblGrid.findall(q("gridCol")), widths, strict=False):
        gc.set(q("w"), str(int(w.twips)))
    spans = b.spans()
    if st.table_style:
        tblPr.style = st.table_style
    rows = table.rows
    head_pr = rows[0]._tr.get_or_add_trPr()
    head_pr.append(OxmlElement("w:cantSplit"))
    head_pr.append(OxmlElement("w:tblHeader"))
    grid = table._cells

    def fill(cell: Any, style_id: str | None, text: str, bold: bool = False) -> None:
        p = cell.paragraphs[0]
        if style_id:
            p._p.style = style_id
        for i, line in enumerate(text.split("\n")):
            if i:
                p = cell.add_paragraph()
                if style_id:
                    p._p.style = style_id
            run = p.add_run()
            for k, piece in enumerate(pieces(keep_numbers(line))):
                if k:
                    run._r.append(OxmlElement("w:softHyphen"))
                for m, part in enumerate(piece.split("\u2011")):
                    if m:
                        run._r.append(OxmlElement("w:noBreakHyphen"))
                    if part or "\u2011" not in piece:
                        run._r.add_t(part)
            if bold:
                run.bold = True
            if size is not None:
                run.font.size = Pt(size)

    for j, text in enumerate(b.headers):
        fill(grid[j], st.head_style, text, bold=st.head_style is None)
    for i, row in enumerate(b.rows):
        for j, text in enumerate(row):
            if spans[i][j] != 0:
                fill(grid[(i + 1) * ncols + j], st.cell_style, text)

    def lines(texts: list[str]) -> int:
        per = [max(1, int((w - 2) / (pt * 0.3528 * 0.5))) for w in widths_mm]
        return max(
            [1, *(sum(max(1, -(-len(x) // n)) for x in t.split("\n")) for t, n in zip(texts, per, strict=False))]
        )

    limit = st.height_mm - (lines(b.headers) * pt * 0.3528 * 1.15 + 1)
    for i in range(len(b.rows) + 1):
        for j in range(ncols):
            grid[i * ncols + j].width = widths[j]
        if i and lines(b.rows[i - 1]) * pt * 0.3528 * 1.15 + 1 <= limit:
            rows[i]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    col = b.group
    if col is not None:
        for i in range(len(b.rows)):
            if spans[i][col] > 1:
                grid[(i + 1) * ncols + col].merge(grid[(i + spans[i][col]) * ncols + col])
    xml = etree.tostring(tbl, encoding="UTF-8")
    return re.sub(rb' xmlns:\w+="[^"]*"', b"", xml)


LONG = "Перераспределение ответственности " * 30  # a row taller than a quarter page: may split
TABLES = [
    Block(
        "table",
        headers=["№", "процесс", "точка взаимодействия", "форма", "потребности", "основание", "особенности", "x", "y"],
        rows=[
            ["1", "Назначение выплаты", "Сайт", "цифровая", "информирование", "Приказ «О сайте» & <b>", "—", "a", "b"],
            ["2", " пробел в начале", "конец пробелом ", "", "строка\nвторая строка", LONG, "\t", "c", "d"],
        ],
        widths=[2, 12, 11, 7, 14, 13, 9, 12, 9],
    ),
    Block(
        "table",
        headers=["процесс", "точка", "мера"],
        rows=[
            ["А", "сайт", "1"],
            ["А", "МФЦ", "2"],
            ["А", "чат", "3"],
            ["Б", "сайт", "4"],
            ["В", "x", "5"],
            ["В", "y", ""],
        ],
        group=0,
    ),
    # the register's shape: a number column, the process merged by id (two processes may share a title)
    Block(
        "table",
        headers=["№", "Процесс", "Точка", "Основание", "a", "b"],
        rows=[
            ["9", "Выплата", "ЕПГУ", "Приказ от 01.02.2024 № 12-од; Закон № 59-ФЗ", "", "x"],
            ["10", "Выплата", "МФЦ", "№ 1-2-3", "y", ""],
            ["11", "Выплата", "Сайт", LONG * 12, "", ""],  # taller than a page: may split
            ["1234", "Пособие", "ЕПГУ", "№", "", ""],
        ],
        widths=[5, 30, 28, 34, 10, 10],
        group=1,
        group_keys=["a", "b", "b", "c"],
        number_column=True,
    ),
]
STYLES = [
    TableStyle(277, 170, 14, "tpkitTableText", "tpkitTableHeader", "TableGrid"),
    TableStyle(170, 257, 12.5, None, None, None),  # an agency template without tpkit's styles
    TableStyle(180, 257, 14, 'a"b&c', "h", "Grid"),
]


@pytest.mark.parametrize("b", TABLES)
@pytest.mark.parametrize("st", STYLES)
def test_one_pass_table_is_byte_identical_to_python_docx(b: Block, st: TableStyle) -> None:
    assert table_xml(b, st) == reference_tbl(b, st)


def test_placeholders_are_filled_in_order() -> None:
    xml = b"<w:body><?tpkit-table 1?><w:p/><?tpkit-table 0?></w:body>"
    assert fill_placeholders(xml, [b"<A/>", b"<B/>"]) == b"<w:body><B/><w:p/><A/></w:body>"


def _peak_mb(root: Path) -> float:
    from tpkit.config import load_config
    from tpkit.registry import load_registry
    from tpkit.render.api import render_register

    reg = load_registry(root)
    config = load_config(root)
    tracemalloc.start()
    try:
        render_register(reg, config, None, "docx")
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def _clean_registry(root: Path, processes: int) -> Path:
    sys.path.insert(0, str(HERE.parent / "bench"))
    try:
        from render import clean_registry  # bench/render.py
    finally:
        sys.path.pop(0)
    return clean_registry(root, processes)


def test_register_docx_memory_grows_linearly(tmp_path: Path) -> None:
    """1,000 and 3,000 rows: the peak grows about threefold, and stays small (python-docx: ~70 KB a row)."""
    small = _peak_mb(_clean_registry(tmp_path / "s", 100))
    large = _peak_mb(_clean_registry(tmp_path / "l", 300))
    assert large < 3.6 * small, (small, large)
    assert large < 3000 * 0.02, large  # under 20 KB a row
