"""The import's conservation law, as a property (issue 28): over generated Word documents and Excel workbooks, every
source row ends in exactly one outcome that the plan shows, the outcomes add up to the rows read, each row is
what the generator made it (a data row is written or merged, never structural), and no cell's text is lost — it
becomes a code, or stands word for word in a written field, in ``notes`` or in the plan.

The tables hold what Word and Excel really produce: titles above the header, header-like data rows («Платформа
обратной связи», «цифровая точка»), empty rows, rows of column numbers, the header again, direction headings
merged across, process titles, process cells merged down, rows broken at a page, unknown columns, several tables
(and several on one sheet), and in Word content controls, ``customXml``, ``gridBefore``, frames around a table
and a table broken in two. Bounded in ``make test`` (``TPKIT_FUZZ_EXAMPLES``, default 40, derandomized), many
more under ``make fuzz``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import BASE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from import_books import add_word_table, grid_before, vmerge, w_tag, wrap
from lxml import etree

from tpkit.author.importer import import_file
from tpkit.author.importer.header import exact_key
from tpkit.author.importer.ledger import counts
from tpkit.author.importer.needs import split_items
from tpkit.registry.synonyms import needs_in

EXAMPLES = int(os.environ.get("TPKIT_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize="TPKIT_FUZZ_EXAMPLES" not in os.environ,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)

#: header labels by column: the register's own and the aliases agencies use (all name their column word for word)
LABELS: dict[str, list[str]] = {
    "n": ["№", "№ п/п", "N"],
    "process": ["Процесс", "Наименование услуги", "Наименование процесса"],
    "touchpoint": ["Точка взаимодействия", "Точки контакта с клиентом", "Наименование точки взаимодействия"],
    "form": ["Форма", "Форма точки"],
    "needs": ["Удовлетворяемые потребности", "Порядок взаимодействия с клиентом", "Виды взаимодействия"],
    "basis": ["Основание"],
    "features": ["Особенности", "Особенности взаимодействия"],
    "responsible": ["Ответственный", "Ответственное должностное лицо"],
    "demand": ["Востребованность"],
    "extra": ["Примечание", "Комментарий отдела"],
}
#: touchpoint names, header-like words included
NAMES = [
    "Платформа обратной связи ЕПГУ",
    "Официальный сайт министерства",
    "ЕПГУ (подача заявления)",
    "ЕПГУ (получение результата)",
    "Приемная министерства",
    "Читальный зал комитета",
    "Телефон отдела 8 (4872) 24-51-00",
    "г. Энск, ул. Садовая, д. 12",
    "Форма обратной связи на сайте",
    "Точка выдачи справок",
]
PROCESSES = ["Выдача справки", "Выдача удостоверения", "Прием обращений", "Компенсация проезда"]
HEADINGS = [
    "Предоставление государственных услуг",
    "Рассмотрение обращений граждан",
    "Контрольно-надзорная деятельность",
]
NEED_PHRASES = [
    "подача заявления",
    "получение результата",
    "консультирование",
    "информирование о ходе рассмотрения",
    "прием заявлений",
    "оценка качества ответа",
]
FORMS = ["цифровая", "оффлайн", "смешанная"]
FEATURES = ["цифровая точка", "оффлайн точка", "пандус", "по предварительной записи"]
OFFICIALS = ["Петрова Мария Ивановна", "Сидоров С. С."]
DEMANDS = ["120", "маловостребована", "много"]

word = st.text(st.sampled_from("абвгдежзиклмнопрстуфхцчшэюя"), min_size=3, max_size=8)


@dataclass
class GenRow:
    kind: str  # title | header | header-again | empty | numbers | heading | process-title | data | continued
    cells: list[str]
    #: Word: the row starts one column later (its № cell empty and dropped)
    grid_before: bool = False
    #: the process cell merged down from the row above (its text only in the first row of the run)
    process_merged: bool = False
    #: Word: the row inside a content control / custom XML element
    wrap: str | None = None


@dataclass
class GenTable:
    keys: list[str]
    rows: list[GenRow]
    wrap: str | None = None
    frame: bool = False
    #: Word: the table broken by hand after this many rows (the rest a headerless table after it)
    broken_at: int | None = None
    #: Excel: on the sheet of the table before, after an empty row
    same_sheet: bool = False


@st.composite
def _data_row(draw: st.DrawFn, keys: list[str], n: int, process: str) -> GenRow:
    cells: list[str] = []
    for key in keys:
        if key == "n":
            cells.append(str(n))
        elif key == "process":
            cells.append(process)
        elif key == "touchpoint":
            cells.append(draw(st.sampled_from(NAMES)) + draw(st.sampled_from(["", f" {draw(word)}"])))
        elif key == "needs":
            known = draw(st.lists(st.sampled_from(NEED_PHRASES), max_size=3, unique=True))
            unknown = [f"особое требование {w}" for w in draw(st.lists(word, max_size=2, unique=True))]
            cells.append("; ".join(known + unknown) or "консультирование")
        elif key == "form":
            cells.append(draw(st.sampled_from(FORMS)))
        elif key == "features":
            cells.append("; ".join(draw(st.lists(st.sampled_from(FEATURES), max_size=2, unique=True))))
        elif key == "basis":
            cells.append(draw(st.sampled_from(["", "Административный регламент", f"Приказ {draw(word)}"])))
        elif key == "responsible":
            cells.append(draw(st.sampled_from(["", *OFFICIALS])))
        elif key == "demand":
            cells.append(draw(st.sampled_from(["", *DEMANDS])))
        else:
            cells.append(draw(st.sampled_from(["", f"ВАЖНО: {draw(word)}"])))
    return GenRow("data", cells)


@st.composite
def tables(draw: st.DrawFn, word_doc: bool) -> GenTable:
    optional = draw(
        st.lists(
            st.sampled_from(["n", "process", "form", "features", "basis", "responsible", "demand", "extra"]),
            unique=True,
        )
    )
    if "n" not in optional and "process" not in optional:
        optional.append("n")  # three columns named word for word at least: a table of its own on a sheet
    keys = draw(st.permutations(["touchpoint", "needs", *optional]))
    width = len(keys)
    header = [draw(st.sampled_from(LABELS[k])) for k in keys]
    same_sheet = not word_doc and draw(st.booleans())
    titles = 0 if same_sheet else draw(st.integers(0, 2))
    rows = [GenRow("title", [f"Перечень {draw(word)}"] + [""] * (width - 1)) for _ in range(titles)]
    rows.append(GenRow("header", header))
    has_process = "process" in keys
    last_kind = "header"
    n = 0
    process = draw(st.sampled_from(PROCESSES))
    for _ in range(draw(st.integers(1, 9))):
        kinds = ["data", "data", "data", "empty", "numbers", "header-again", "heading"]
        if has_process:
            kinds += ["process-title", "merged"]
        if last_kind == "data":
            kinds.append("continued")
        kind = draw(st.sampled_from(kinds))
        if kind in ("data", "merged"):
            n += 1
            if kind == "data" and has_process:
                process = draw(st.sampled_from(PROCESSES))
            row = draw(_data_row(keys, n, process))
            row.process_merged = kind == "merged" and last_kind == "data"
            if word_doc and "n" in keys and keys[0] == "n" and draw(st.booleans()):
                row.cells[0] = ""
                row.grid_before = True
            rows.append(row)
            kind = "data"
        elif kind == "empty":
            rows.append(GenRow("empty", [""] * width))
        elif kind == "numbers":
            rows.append(GenRow("numbers", [str(i) for i in range(1, width + 1)]))
        elif kind == "header-again":
            rows.append(GenRow("header-again", list(header)))
        elif kind == "heading":
            rows.append(GenRow("heading", [draw(st.sampled_from(HEADINGS))] * width))
        elif kind == "process-title":
            process = f"{draw(st.sampled_from(PROCESSES))} {draw(word)}"
            rows.append(GenRow("process-title", [process if k == "process" else "" for k in keys]))
            kind = "title-of-process"
        else:
            rows.append(GenRow("continued", [f"особое требование {draw(word)}" if k == "needs" else "" for k in keys]))
        last_kind = kind
    for row in rows:
        if word_doc and row.kind in ("data", "empty") and draw(st.integers(0, 5)) == 0:
            row.wrap = draw(st.sampled_from(["sdt", "customXml"]))
    data_rows = [i for i, r in enumerate(rows) if r.kind == "data"]
    broken = None
    if word_doc and data_rows and draw(st.integers(0, 3)) == 0:
        broken = data_rows[0] + 1  # the rest, from the row after the first data row, on the next page
        if broken < len(rows) and rows[broken].kind in ("header-again", "title"):
            broken = None
    return GenTable(
        keys,
        rows,
        wrap=draw(st.sampled_from([None, None, "sdt", "customXml"])) if word_doc else None,
        frame=word_doc and draw(st.integers(0, 4)) == 0,
        broken_at=broken,
        same_sheet=same_sheet,
    )


# --- the files -------------------------------------------------------------------------------------------------


def _word(path: Path, spec: list[GenTable]) -> dict[str, int]:
    """The document; table name -> its number of rows."""
    import docx

    doc = docx.Document()
    doc.add_paragraph("Приложение к приказу")
    names: dict[str, int] = {}
    k = 0
    for table in spec:
        parts = [table.rows]
        if table.broken_at is not None and table.broken_at < len(table.rows):
            parts = [table.rows[: table.broken_at], table.rows[table.broken_at :]]
        for part_no, part in enumerate(parts):
            doc.add_paragraph("" if part_no else "Таблица")
            t = add_word_table(doc, [r.cells for r in part])
            trs = t._tbl.findall(w_tag("tr"))
            p_col = table.keys.index("process") if "process" in table.keys else None
            for row, tr in zip(part, trs, strict=True):
                if row.kind == "heading":
                    tcs = tr.findall(w_tag("tc"))
                    first = tcs[0]
                    for tc in tcs[1:]:
                        tr.remove(tc)
                    props = first.find(w_tag("tcPr"))
                    etree.SubElement(props, w_tag("gridSpan")).set(w_tag("val"), str(len(table.keys)))
            for i, (row, tr) in enumerate(zip(part, trs, strict=True)):
                if p_col is not None and row.process_merged and i > 0:
                    if not part[i - 1].process_merged:
                        vmerge(trs[i - 1].findall(w_tag("tc"))[p_col], restart=True)
                    vmerge(tr.findall(w_tag("tc"))[p_col], restart=False)
            for row, tr in zip(part, trs, strict=True):
                if row.grid_before:
                    grid_before(tr, 1)
                if row.wrap:
                    wrap(tr, row.wrap)
            k += 1
            name = f"Таблица {k}"
            if table.frame and part_no == 0:
                frame = doc.add_table(rows=1, cols=1)
                cell = frame.rows[0].cells[0]
                cell.paragraphs[0].text = "Рамка"
                cell._tc.append(t._tbl)
                etree.SubElement(cell._tc, w_tag("p"))  # a cell ends with a paragraph
                names[name] = 1
                name = f"{name}.1"
                outer = frame._tbl
            else:
                outer = t._tbl
            if table.wrap and part_no == 0:
                wrap(outer, table.wrap)
            names[name] = len(part)
    doc.save(str(path))
    return names


def _starts(spec: list[GenTable]) -> list[tuple[str, int]]:
    """Excel: the sheet and the first row of each table (a table on the sheet before starts after an empty row)."""
    out: list[tuple[str, int]] = []
    sheet, end = 0, 0
    for n, table in enumerate(spec):
        if n and table.same_sheet:
            out.append((f"Лист{sheet}", end + 2))
        else:
            sheet += 1
            out.append((f"Лист{sheet}", 1))
        end = out[-1][1] + len(table.rows) - 1
    return out


def _excel(path: Path, spec: list[GenTable]) -> dict[str, int]:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Лист1"
    names: dict[str, int] = {}
    for table, (title, start) in zip(spec, _starts(spec), strict=True):
        ws = wb[title] if title in wb.sheetnames else wb.create_sheet(title)
        p_col = table.keys.index("process") + 1 if "process" in table.keys else None
        run_start: int | None = None
        for i, row in enumerate(table.rows):
            r = start + i
            cells: list[Any] = list(row.cells)
            if row.kind == "heading":
                cells = [row.cells[0]] + [None] * (len(cells) - 1)
            if p_col is not None and row.process_merged:
                cells[p_col - 1] = None
            for c, value in enumerate(cells, 1):
                ws.cell(r, c, value if value != "" else None)
            if row.kind == "heading":
                ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(table.keys))
            if p_col is not None:
                if row.process_merged and run_start is None:
                    run_start = r - 1
                if run_start is not None and not row.process_merged:
                    ws.merge_cells(start_row=run_start, start_column=p_col, end_row=r - 1, end_column=p_col)
                    run_start = None
        last = start + len(table.rows) - 1
        if p_col is not None and run_start is not None:
            ws.merge_cells(start_row=run_start, start_column=p_col, end_row=last, end_column=p_col)
        names[title] = last
    wb.save(path)
    return names


# --- the property ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def registry() -> Any:
    folder = Path(tempfile.mkdtemp(prefix="tpkit-import-fuzz-"))
    shutil.copytree(BASE, folder / "reg")
    yield folder / "reg"
    shutil.rmtree(folder, ignore_errors=True)


def _expected_kinds(spec: list[GenTable], word_doc: bool) -> dict[tuple[str, int], str]:
    """(table or sheet, row) -> the outcome the generator meant, for the rows it made."""
    out: dict[tuple[str, int], str] = {}
    kinds = {"data": "written", "continued": "merged"}
    k = 0
    starts = _starts(spec) if not word_doc else []
    for n, table in enumerate(spec):
        if word_doc:
            cut = table.broken_at if table.broken_at is not None and table.broken_at < len(table.rows) else None
            parts = [table.rows] if cut is None else [table.rows[:cut], table.rows[cut:]]
            for part_no, part in enumerate(parts):
                k += 1
                name = f"Таблица {k}" + (".1" if table.frame and part_no == 0 else "")
                for i, row in enumerate(part, 1):
                    out[(name, i)] = kinds.get(row.kind, "structural")
        else:
            sheet, start = starts[n]
            if start > 1:
                out[(sheet, start - 1)] = "structural"  # the empty row between two tables
            for i, row in enumerate(table.rows):
                out[(sheet, start + i)] = kinds.get(row.kind, "structural")
    return out


def _texts(spec: list[GenTable]) -> list[tuple[str, str]]:
    """(column key, text) of every non-empty cell the generator wrote."""
    out = []
    for table in spec:
        for row in table.rows:
            for key, text in zip(table.keys, row.cells, strict=True):
                if text:
                    out.append((key if row.kind in ("data", "continued") else row.kind, text))
    return out


def _lost(key: str, text: str, haystack: str, own_labels: set[str]) -> list[str]:
    """The pieces of a cell's text that end nowhere: not a code, not in a field, not in notes, not in the plan."""
    if key == "header" or key == "header-again":
        return [] if text in haystack or (exact_key(text) is not None and text.casefold() in own_labels) else [text]
    if key == "needs":
        return [p for p in split_items(text) if not needs_in(p) and p not in haystack]
    if key in ("features", "basis"):
        return [p for p in split_items(text) if p not in haystack and p not in ("цифровая точка", "оффлайн точка")]
    if key == "form":
        return [] if text in ("цифровая", "оффлайн") or text in haystack else [text]
    if key == "demand":
        return [] if text in ("120", "маловостребована") or text in haystack else [text]
    if key == "responsible":
        return [] if text == OFFICIALS[0] or text in haystack else [text]
    if key == "numbers":
        return []
    return [] if text in haystack else [text]


def _check(root: Path, path: Path, kind: str, spec: list[GenTable], names: dict[str, int]) -> None:
    result = import_file(root, path, kind, dry_run=True, default_direction="services")
    plan = result.data
    assert plan is not None
    # the outcomes add up to the rows read, and every row has exactly one
    assert result.rows == plan.total == sum(names.values()), (result.rows, names)
    assert sum(counts(plan.outcomes).values()) == plan.total
    seen: dict[tuple[str, int], str] = {}
    for o in plan.outcomes:
        for number in range(o.number, o.number + o.rows):
            assert (o.sheet, number) not in seen, f"{o.sheet}!{number}: two outcomes"
            seen[(o.sheet, number)] = o.kind
    assert sorted(seen) == sorted((s, i) for s, count in names.items() for i in range(1, count + 1))
    # each row is what it was made to be: a data row is never structural, nothing the generator made is unread
    expected = _expected_kinds(spec, kind == "docx")
    wrong = {where: (seen.get(where), want) for where, want in expected.items() if seen.get(where) != want}
    wrong = {w: v for w, v in wrong.items() if not (v == ("merged", "written") or v == ("written", "merged"))}
    assert not wrong, f"{wrong}\n{result.plan}"
    # the plan shows every outcome, and its summary adds up
    for o in plan.outcomes:
        assert o.where in result.plan, f"{o.where} not in the plan\n{result.plan}"
    m = re.search(r"Строк: (\d+) — записано (\d+), объединено (\d+), служебных (\d+), не понято (\d+)", result.plan)
    assert m is not None and int(m[1]) == sum(int(x) for x in m.groups()[1:]) == plan.total
    # no text lost
    data = {"processes": [d.data for d in plan.processes], "touchpoints": plan.touchpoints}
    haystack = result.plan + json.dumps(data, ensure_ascii=False)
    own = {lab.casefold() for labels in LABELS.values() for lab in labels} | {"№"}
    lost = [(k, p) for k, t in _texts(spec) for p in _lost(k, t, haystack, own)]
    assert not lost, f"{lost}\n{result.plan}"


@FUZZ
@given(spec=st.lists(tables(word_doc=True), min_size=1, max_size=3))
def test_fuzz_word_tables_keep_every_row(registry: Path, spec: list[GenTable]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "register.docx"
        names = _word(path, spec)
        _check(registry, path, "docx", spec, names)


@FUZZ
@given(spec=st.lists(tables(word_doc=False), min_size=1, max_size=3))
def test_fuzz_excel_tables_keep_every_row(registry: Path, spec: list[GenTable]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "register.xlsx"
        names = _excel(path, spec)
        _check(registry, path, "xlsx", spec, names)
