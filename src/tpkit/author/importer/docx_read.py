"""Read a Word document: every table becomes rows, through the same :class:`.read.TableReader` as a workbook.

Published registers are appendices to an order: a table per register, a row merged across it per direction of
activity, often no process column. The table XML is read directly, linear in its size, with what Word really
writes:

* tables, rows and cells inside content controls (``w:sdt``) and ``w:customXml`` are read where they stand; a
  control still showing its placeholder («Место для ввода текста») holds no text;
* a cell spanning columns (``w:gridSpan``, or the old ``w:hMerge``) repeats its text in each, so a merged heading
  row reads as one text; a cell continuing a vertical merge (``w:vMerge``) holds the text of the cell that starts
  it; a row that starts or ends short of the grid (``w:gridBefore``/``w:gridAfter``) keeps its cells in their
  columns;
* a line break or a tab in a cell (``w:br``, ``w:cr``, ``w:tab``) separates its words; a no-break hyphen
  (``w:noBreakHyphen``, what ``tpkit render`` writes in «№ 12-од») reads as a hyphen;
* a table nested in a register's cell is part of that cell's text; a table with no header that holds tables (a
  frame for the layout) has its nested tables read as tables («Таблица 1.1»);
* a paragraph above a table that names a direction («2. Выполнение функций», as ``tpkit render register`` and an
  order's appendix head each table) gives the table's rows their direction, unless a heading row in it says another;
* a footnote's or an endnote's text (in a part of its own) goes to the ``notes`` of the row that refers to it, or
  to the plan when that row is not written;
* a table with no header right after a register's table, with the same columns and nothing but empty paragraphs
  between them, is the rest of that table (broken by hand at a page): read with its column map.

The zip is checked first (:func:`.limits.check_zip`); python-docx parses with entities unresolved.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import AuthoringError
from .header import read_header
from .ledger import RowOutcome, joined
from .limits import MAX_COLUMNS, RowBudget, check_zip
from .match import only_direction
from .read import HEADER_SEARCH_ROWS, Reading, TableReader, Unmapped, direction_of

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


TBL, TR, TC, P, T = _w("tbl"), _w("tr"), _w("tc"), _w("p"), _w("t")
SDT, SDT_CONTENT, CUSTOM_XML = _w("sdt"), _w("sdtContent"), _w("customXml")
VAL = _w("val")
#: what a cell's text is made of: text, and what separates it
TEXT_TAGS = (T, _w("noBreakHyphen"), _w("br"), _w("cr"), _w("tab"))
SEPARATORS = {_w("noBreakHyphen"): "-", _w("br"): "\n", _w("cr"): "\n", _w("tab"): " "}


def _children(parent: Any, tag: str) -> Iterator[Any]:
    """The ``tag`` children of ``parent``, those inside content controls and custom XML included, in order."""
    for child in parent.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == CUSTOM_XML:
            yield from _children(child, tag)


def _placeholders(tbl: Any) -> set[Any]:
    """The text elements that are not the table's text as Word shows it: content controls still showing their
    placeholder, and text moved away with changes tracked (``w:moveFrom``: it stands where it went, too)."""
    skip: set[Any] = set()
    for moved in tbl.iter(_w("moveFrom")):
        skip.update(moved.iter(T))
    for sdt in tbl.iter(SDT):
        props = sdt.find(_w("sdtPr"))
        if props is not None and props.find(_w("showingPlcHdr")) is not None:
            skip.update(sdt.iter(T))
    return skip


def _cell_text(tc: Any, skip: set[Any]) -> str:
    """The text of a cell, paragraphs (and those of tables nested in it) joined by line breaks."""
    paras = []
    for p in tc.iter(P):
        parts = []
        for el in p.iter(*TEXT_TAGS):
            if el.tag == T:
                if el not in skip:
                    parts.append(el.text or "")
            else:
                parts.append(SEPARATORS[el.tag])
        paras.append("".join(parts))
    return "\n".join(paras)


def _int(el: Any, default: int) -> int:
    try:
        return max(0, min(int(el.get(VAL, str(default))), MAX_COLUMNS))
    except ValueError:
        return default


@dataclass
class _Grid:
    """A table's columns as its rows are read: the text of each vertical merge that has started."""

    above: dict[int, str] = field(default_factory=dict)
    skip: set[Any] = field(default_factory=set)

    def row(self, tr: Any) -> list[str]:
        cells: list[str] = []
        props = tr.find(_w("trPr"))
        before = props.find(_w("gridBefore")) if props is not None else None
        if before is not None:
            cells.extend([""] * _int(before, 0))
        for tc in _children(tr, TC):
            tc_props = tc.find(_w("tcPr"))
            span, vmerge, hmerge = 1, None, None
            if tc_props is not None:
                grid = tc_props.find(_w("gridSpan"))
                span = max(1, _int(grid, 1)) if grid is not None else 1
                vmerge = tc_props.find(_w("vMerge"))
                hmerge = tc_props.find(_w("hMerge"))
            column = len(cells)
            if vmerge is not None and vmerge.get(VAL, "continue") != "restart":
                text = self.above.get(column, "")
            elif hmerge is not None and hmerge.get(VAL, "continue") != "restart" and cells:
                text = cells[-1]
            else:
                text = _cell_text(tc, self.skip)
                if vmerge is not None:
                    self.above[column] = text
            cells.extend([text] * span)
            if len(cells) >= MAX_COLUMNS:
                break
        return cells[:MAX_COLUMNS]


def _width(tbl: Any) -> int:
    grid = tbl.find(_w("tblGrid"))
    return len(grid.findall(_w("gridCol"))) if grid is not None else 0


def _has_text(el: Any) -> bool:
    return any((t.text or "").strip() for t in el.iter(T))


def _blocks(parent: Any) -> Iterator[Any]:
    """``parent``'s children, those inside content controls and custom XML in their place."""
    for child in parent.iterchildren():
        if child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _blocks(content)
        elif child.tag == CUSTOM_XML:
            yield from _blocks(child)
        else:
            yield child


#: «2.», «Раздел 3.», «II.», «1)» before a heading's words
_NUMBERING = re.compile(r"^\s*(?:(?:раздел|часть|глава)\s+)?(?:\d+(?:\.\d+)*|[IVXLC]+)[.)]?\s+", re.IGNORECASE)
#: a paragraph naming a direction by its stems is its heading only when it is this short (a document's title that
#: names the agency, «… Министерства … социальной поддержки населения», is longer)
HEADING_WORDS = 8


def paragraph_direction(text: str) -> str | None:
    """The direction a paragraph above a table names as its heading («2. Выполнение функций», «Рассмотрение
    обращений граждан»): its label, or a direction's stems in a short paragraph; ``None`` for any other text."""
    words = _NUMBERING.sub("", text).strip()
    if not words:
        return None
    found = direction_of(words)
    if found is None and len(words.split()) <= HEADING_WORDS:
        found = only_direction(words)  # free text: it must name one direction only
    return found


def _tables(parent: Any) -> Iterator[tuple[Any, bool, str | None]]:
    """The tables among ``parent``'s blocks, in order, each with whether nothing but empty paragraphs (a page
    break) stands between it and the table before it, and the direction a heading paragraph above it names (the
    last one since the table before: tpkit's register and an order's appendix put one above each table)."""
    adjacent = False
    heading: str | None = None
    for block in _blocks(parent):
        if block.tag == TBL:
            yield block, adjacent, heading
            adjacent = True
            heading = None
        elif _has_text(block):
            adjacent = False
            if block.tag == P:
                found = paragraph_direction("".join(t.text or "" for t in block.iter(T)))
                heading = found or heading


#: a footnote's (an endnote's) reference in a run, and the note in its own part
NOTE_REFS = {_w("footnoteReference"): "footnote", _w("endnoteReference"): "endnote"}


def _notes(document: Any) -> dict[tuple[str, str], str]:
    """(footnote or endnote, id) -> the note's text, from the document's notes parts (parsed as python-docx parses)."""
    from docx.oxml import parse_xml

    out: dict[tuple[str, str], str] = {}
    for rel in document.part.rels.values():
        kind = rel.reltype.rsplit("/", 1)[-1]
        if rel.is_external or kind not in ("footnotes", "endnotes"):
            continue
        root = parse_xml(rel.target_part.blob)
        for note in root.iter(_w(kind[:-1])):
            text = " ".join(" ".join("".join(t.text or "" for t in p.iter(T)).split()) for p in note.iter(P)).strip()
            if text:
                out[(kind[:-1], note.get(_w("id"), ""))] = text
    return out


@dataclass
class _Document:
    path: Path
    default_direction: str | None
    report: list[Unmapped]
    reading: Reading = field(default_factory=Reading)
    budget: RowBudget | None = None
    #: the reader of the last table read as a register, and that table's width: a headerless table after it
    last: tuple[TableReader, int] | None = None
    count: int = 0
    #: the document's footnotes and endnotes: their text stands outside the table
    notes: dict[tuple[str, str], str] = field(default_factory=dict)
    #: what a footnote is called in notes («сноска: …»)
    note_name: str = "сноска"

    def read(self, tbl: Any, name: str, adjacent: bool, heading: str | None = None) -> bool:
        """Read one table (and, for a frame with no header, the tables in it); whether it was a register. ``heading``:
        the direction a paragraph above the table names (a heading row in the table overrides it)."""
        assert self.budget is not None
        self.count += 1
        order = self.count
        grid = _Grid(skip=_placeholders(tbl))
        rows = [(n, tr, grid.row(tr)) for n, tr in enumerate(_children(tbl, TR), 1)]
        before = self.last[0].columns if self.last is not None else None
        headed = any(
            read_header(cells) is not None and not (before is not None and before.repeats(cells))
            for _, _, cells in rows[:HEADER_SEARCH_ROWS]
        )  # the header of the table before, repeated on the next page, does not make a table of its own
        if not headed and adjacent and self.last is not None and self.last[1] == _width(tbl):
            reader = self.last[0]
            reader.sheet, reader.table = name, order  # the rest of the table before, broken at a page
        else:
            reader = TableReader(
                name, None, self.default_direction or "services", self.reading, self.report, self.budget, table=order
            )
            reader.heading_dir = heading
            if not headed and self._frame(tbl, name, rows, order):
                return False
        for n, _, cells in rows:
            reader.feed(n, cells)
        reader.finish(True, True)
        if self.notes:
            self._footnotes(name, order, rows)
        if reader.columns is not None:
            self.last = (reader, _width(tbl))
        return reader.columns is not None

    def _footnotes(self, name: str, order: int, rows: list[tuple[int, Any, list[str]]]) -> None:
        """The text of each note referred to in a row: to the entry's ``notes`` for a data row, else to the plan."""
        data = {r.number: r for r in self.reading.rows if r.table == order and r.sheet == name}
        for n, tr, _ in rows:
            for ref in tr.iter(*NOTE_REFS):
                text = self.notes.get((NOTE_REFS[ref.tag], ref.get(_w("id"), "")))
                if not text:
                    continue
                row = data.get(n)
                if row is not None and (self.note_name, text) not in row.extra:
                    row.extra.append((self.note_name, text))
                elif row is None:
                    self.report.append(Unmapped(name, n, self.note_name, text, "footnote"))

    def _frame(self, tbl: Any, name: str, rows: list[tuple[int, Any, list[str]]], order: int) -> bool:
        """A table with no header holding tables (a frame for the layout): its rows are structural, each with its
        own text, and the tables in its cells are read, each as a table of its own."""
        if not any(True for _ in tbl.iter(TBL) if _ is not tbl):
            return False
        for n, tr, _ in rows:
            own = [_own_text(tc) for tc in _children(tr, TC)]
            self.reading.outcomes.append(RowOutcome(name, n, "structural", table=order, what="frame", text=joined(own)))
        self.reading.total += len(rows)
        k = 0
        for _, tr, _ in rows:
            for tc in _children(tr, TC):
                for inner in _children(tc, TBL):
                    k += 1
                    self.read(inner, f"{name}.{k}", False)
        return True


def _own_text(tc: Any) -> str:
    """A cell's text outside the tables nested in it, paragraphs joined by line breaks."""
    nested = {p for tbl in tc.iter(TBL) for p in tbl.iter(P)}
    paras = ("".join(t.text or "" for t in p.iter(T)) for p in tc.iter(P) if p not in nested)
    return "\n".join(text for text in paras if text.strip())


def read_docx_rows(path: Path, default_direction: str | None, report: list[Unmapped], lang: str = "ru") -> Reading:
    """The rows of every table of a .docx document; the report names them «Таблица 1», «Таблица 1.1» (a table in a
    frame), or «Table 1» in English."""
    check_zip(path, "документ Word (.docx)", "a Word document (.docx)")
    try:
        import docx

        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds for a bad file
        raise AuthoringError(f"{path}: не удалось открыть как документ Word (.docx): {type(exc).__name__}") from None
    doc = _Document(path, default_direction, report, budget=RowBudget(path.name))
    try:
        doc.notes, doc.note_name = _notes(document), "сноска" if lang == "ru" else "footnote"
    except Exception as exc:  # a notes part that does not parse as the XML it claims to be
        raise AuthoringError(f"{path}: не удалось прочитать сноски документа Word: {type(exc).__name__}") from None
    for k, (tbl, adjacent, heading) in enumerate(_tables(document.element.body), 1):
        doc.read(tbl, f"{'Таблица' if lang == 'ru' else 'Table'} {k}", adjacent, heading)
    if doc.count == 0:
        report.append(Unmapped(path.name, 0, "", "", "no-tables"))
    return doc.reading
