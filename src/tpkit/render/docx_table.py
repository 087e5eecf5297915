"""A DOCX table written as WordprocessingML text in one pass.

python-docx builds a table as a tree of row and cell objects and recomputes
the cell grid as it goes: a 10,000-row register took half a minute and
700 MB. This module writes the same XML as text, row by row, as UTF-8 bytes
(what python-docx serialises, byte for byte: a test builds every kind of table
both ways). The document holds a placeholder where a table goes (a
``<?tpkit-table N?>`` processing instruction); :func:`fill_placeholders` puts
the tables in when the document part has been serialised.

What a records clerk expects of a printed table (issue 26) is decided here: the
header row repeats and never splits, a row is kept on one page unless it is taller
than a page, a number column is as wide as its widest number, the ``group``
column is one merged cell per run of rows, and registration numbers never break
(:func:`keep_numbers`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .hyphen import pieces
from .view import Block

_BORDERS = (
    "<w:tblBorders>"
    + "".join(
        f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for s in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + "</w:tblBorders>"
)
_LOOK = (
    '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" '
    'w:noVBand="1" w:val="04A0"/>'
)
#: a processing instruction cannot occur in text taken from the registry (``<`` is escaped there)
_PLACEHOLDER = re.compile(rb"<\?tpkit-table (\d+)\?>")
_EMU_PER_MM = 36000
_EMU_PER_TWIP = 635
#: a cell's left and right margins together (Word's default, 0.19 cm each side) and a little air
_CELL_SIDES_MM = 2 * 1.905 + 1
#: a digit's width in em: 0.5 in Times New Roman and its metric twins, 0.556 in Arial; the wider, to be safe
_DIGIT_EM = 0.56
_PT_MM = 0.3528

#: a registration number: «№», any spaces, and the number up to a space or a punctuation mark that ends it
_REG_NUMBER = re.compile(r"№([ \u00a0]*)([^\s,;:()«»№]+)")
NO_BREAK_HYPHEN = "\u2011"


def keep_numbers(text: str) -> str:
    """Registration numbers that never break across lines: «№» and the number joined by a no-break space, the
    hyphens inside the number no-break hyphens («№ 12-од» would otherwise end a line with «12-»). For Word
    documents only (and so PDF and ODT): the text formats and the data exports keep plain characters."""
    if "№" not in text:
        return text
    return _REG_NUMBER.sub(
        lambda m: "№" + ("\u00a0" if m.group(1) else "") + m.group(2).replace("-", NO_BREAK_HYPHEN), text
    )


@dataclass(frozen=True, slots=True)
class TableStyle:
    """What a table takes from its document: the text width and height, font size and style ids."""

    width_mm: float
    height_mm: float
    font_size: float
    cell_style: str | None
    head_style: str | None
    table_style: str | None


def fill_placeholders(xml: bytes, tables: list[bytes]) -> bytes:
    """The serialised document part with each ``<?tpkit-table N?>`` replaced by table N."""
    if not tables:
        return xml
    return _PLACEHOLDER.sub(lambda m: tables[int(m.group(1))], xml)


def _text(s: str) -> str:
    """Escaped as lxml escapes element text."""
    if "&" in s:
        s = s.replace("&", "&amp;")
    if "<" in s:
        s = s.replace("<", "&lt;")
    if ">" in s:
        s = s.replace(">", "&gt;")
    if "\r" in s:
        s = s.replace("\r", "&#13;")
    return s


def _attr(s: str) -> str:
    """Escaped as lxml escapes an attribute value."""
    s = _text(s).replace('"', "&quot;")
    return s.replace("\n", "&#10;").replace("\t", "&#9;")


def _twips(mm: float) -> int:
    emu = int(mm * _EMU_PER_MM)  # docx.shared.Mm
    return round(emu / float(_EMU_PER_TWIP))


def _half_points(size: float) -> int:
    emu = int(size * 12700)  # docx.shared.Pt
    return int(emu / 12700.0 * 2)


def cell_lines(text: str, width_mm: float, size_pt: float) -> int:
    """A generous estimate of the lines a cell's text takes, at about half an em a character."""
    char_mm = size_pt * 0.3528 * 0.5
    per_line = max(1, int((width_mm - 2) / char_mm))  # less the cell's margins
    return sum(max(1, -(-len(line) // per_line)) for line in text.split("\n"))


def _t(piece: str) -> str:
    """``w:t`` elements of a piece of text, a ``w:noBreakHyphen`` for each no-break hyphen."""
    if NO_BREAK_HYPHEN in piece:
        return "<w:noBreakHyphen/>".join(_t(part) if part else "" for part in piece.split(NO_BREAK_HYPHEN))
    if not piece:
        return "<w:t></w:t>"  # python-docx sets the text "", which lxml closes apart
    if len(piece.strip()) < len(piece):
        return f'<w:t xml:space="preserve">{_text(piece)}</w:t>'
    return f"<w:t>{_text(piece)}</w:t>"


def _paragraphs(text: str, ppr: str, rpr: str, cache: dict[str, str]) -> str:
    """A cell's text: one paragraph a line, optional hyphens in long words (:mod:`.hyphen`), registration numbers
    unbroken (:func:`keep_numbers`).

    ``cache`` holds the cells already written (a register repeats its touchpoints, acts and officials).
    """
    done = cache.get(text)
    if done is not None:
        return done
    out = []
    for line in text.split("\n"):
        parts = [_t(piece) for piece in pieces(keep_numbers(line))]
        out.append(f"<w:p>{ppr}<w:r>{rpr}{'<w:softHyphen/>'.join(parts)}</w:r></w:p>")
    done = cache[text] = "".join(out)
    return done


def column_widths(b: Block, width_mm: float, size_pt: float) -> list[float]:
    """The columns' widths in mm: by the relative ``widths``, except a number column, which is as wide as its widest
    number (at least the sign «№») and gives the rest to the others."""
    ncols = len(b.headers)
    weights = b.widths or [1] * ncols
    if not b.number_column or ncols < 2:
        total = sum(weights) or ncols
        return [width_mm * w / total for w in weights]
    first = b.number_chars() * size_pt * _PT_MM * _DIGIT_EM + _CELL_SIDES_MM
    rest = sum(weights[1:]) or ncols - 1
    return [first, *((width_mm - first) * w / rest for w in weights[1:])]


def table_xml(b: Block, st: TableStyle) -> bytes:
    """The ``w:tbl`` element of a table block: a repeated header row, fixed column widths, the ``group`` column
    merged over its runs of rows, rows kept whole on a page unless one is taller than a page."""
    ncols = len(b.headers)
    # wide tables (the register, control with a touchpoint column) three points smaller
    size = st.font_size - 3 if ncols >= 6 else None
    size_pt = size or st.font_size
    widths_mm = column_widths(b, st.width_mm, size_pt)
    twips = [_twips(w) for w in widths_mm]
    sz = f'<w:sz w:val="{_half_points(size)}"/>' if size is not None else ""
    style = f'<w:tblStyle w:val="{_attr(st.table_style)}"/>' if st.table_style else ""
    head: list[str] = [
        f'<w:tbl><w:tblPr>{style}<w:tblW w:type="auto" w:w="0"/>{_BORDERS}<w:tblLayout w:type="fixed"/>{_LOOK}'
        "</w:tblPr><w:tblGrid>",
        *(f'<w:gridCol w:w="{t}"/>' for t in twips),
        "</w:tblGrid>",
    ]
    tcpr = [f'<w:tcW w:type="dxa" w:w="{t}"/>' for t in twips]

    def ppr(style_id: str | None) -> str:
        return f'<w:pPr><w:pStyle w:val="{_attr(style_id)}"/></w:pPr>' if style_id else ""

    cell_ppr = ppr(st.cell_style)
    rpr = f"<w:rPr>{sz}</w:rPr>" if sz else ""
    head_rpr = f"<w:rPr>{'<w:b/>' if st.head_style is None else ''}{sz}</w:rPr>"
    if head_rpr == "<w:rPr></w:rPr>":
        head_rpr = ""
    # the header row repeats on every page and is never split
    head.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
    head_ppr = ppr(st.head_style)
    for j, text in enumerate(b.headers):
        head.append(f"<w:tc><w:tcPr>{tcpr[j]}</w:tcPr>{_paragraphs(text, head_ppr, head_rpr, {})}</w:tc>")
    head.append("</w:tr>")
    chunks = ["".join(head).encode("utf-8")]
    spans = b.spans()
    cells: dict[str, str] = {}
    counted: list[dict[str, int]] = [{} for _ in range(ncols)]
    line_mm = size_pt * _PT_MM * 1.15

    def max_lines(row: list[str]) -> int:
        """The tallest cell's lines (each column's texts counted once)."""
        most = 1
        for j, text in enumerate(row[:ncols]):
            n = counted[j].get(text)
            if n is None:
                n = counted[j][text] = cell_lines(text, widths_mm[j], size_pt)
            most = max(most, n)
        return most

    # a row is kept on one page unless it is taller than a page under the repeated header: such a row cannot
    # be kept whole, and Word would cut it off at the bottom of the page
    limit = st.height_mm - (max_lines(b.headers) * line_mm + 1)
    for i, row in enumerate(b.rows):
        keep = max_lines(row) * line_mm + 1 <= limit  # the row's estimated height
        parts = ["<w:tr><w:trPr><w:cantSplit/></w:trPr>" if keep else "<w:tr>"]
        for j, text in enumerate(row):
            span = spans[i][j]
            merge = ""
            if j == b.group and span != 1:
                merge = '<w:vMerge w:val="restart"/>' if span > 1 else "<w:vMerge/>"
            body = _paragraphs(text, cell_ppr, rpr, cells) if span else "<w:p/>"
            parts.append(f"<w:tc><w:tcPr>{tcpr[j]}{merge}</w:tcPr>{body}</w:tc>")
        parts.append("</w:tr>")
        chunks.append("".join(parts).encode("utf-8"))
    chunks.append(b"</w:tbl>")
    return b"".join(chunks)
