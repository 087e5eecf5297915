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
    """The table as python-docx built it (tpkit 0.1's ``_Writer.table``)."""
    import re

    from docx import Document
    from docx.oxml import OxmlElement, parse_xml
    from docx.shared import Mm, Pt
    from lxml import etree

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
    total = sum(b.widths) or ncols
    widths = [Mm(st.width_mm * w / total) for w in (b.widths or [1] * ncols)]
    for gc, w in zip(tbl.tblGrid.findall(q("gridCol")), widths, strict=False):
        gc.set(q("w"), str(int(w.twips)))
    spans = b.spans()
    size = st.font_size - 3 if ncols >= 6 else None
    if st.table_style:
        tblPr.style = st.table_style
    rows = table.rows
    rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
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
            for k, piece in enumerate(pieces(line)):
                if k:
                    run._r.append(OxmlElement("w:softHyphen"))
                run._r.add_t(piece)
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
    widths_mm = [st.width_mm * w / total for w in (b.widths or [1] * ncols)]
    for i in range(len(b.rows) + 1):
        for j in range(ncols):
            grid[i * ncols + j].width = widths[j]
        if i:
            texts = b.rows[i - 1]
            char_mm = (size or st.font_size) * 0.3528 * 0.5
            lines = 1
            for text, width in zip(texts, widths_mm, strict=False):
                per_line = max(1, int((width - 2) / char_mm))
                lines = max(lines, sum(max(1, -(-len(line) // per_line)) for line in text.split("\n")))
            if lines * (size or st.font_size) * 0.3528 * 1.15 + 1 <= st.height_mm / 4:
                rows[i]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for i in range(len(b.rows)):
        if spans[i][0] > 1:
            grid[(i + 1) * ncols].merge(grid[(i + spans[i][0]) * ncols])
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
        group_first=True,
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
