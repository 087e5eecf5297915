"""tpkit import keeps every row (issue 28): the reproductions of the issue, each a table built here, each failing on
0.2.0 — rows that vanished, values kept silently, Word structures skipped, outputs written before they were checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli, write
from import_books import grid_before, vmerge, w_tag, word_doc, wrap

from tpkit.registry.yaml import parse

#: the published layout: a 4-column table per direction, interactions as free text (an order's appendix)
PUBLISHED = ["N", "Точки контакта с клиентом", "Порядок взаимодействия с клиентом", "Особенности взаимодействия"]
PER_SERVICE = ["Наименование услуги", "Точка взаимодействия", "Форма", "Виды взаимодействия"]


def _data(root: Path, rel: str) -> Any:
    return parse((root / rel).read_text(encoding="utf-8")).data


def _catalogue(root: Path) -> dict[str, dict[str, Any]]:
    return {t["id"]: t for t in _data(root, "touchpoints.yaml")["touchpoints"]}


def _entries(root: Path, rel: str) -> dict[str, dict[str, Any]]:
    return {e["touchpoint"]: e for e in _data(root, rel)["touchpoints"]}


def _import(root: Path, kind: str, book: Path, *extra: str) -> str:
    r = run_cli("import", kind, str(book), *extra, cwd=root)
    assert r.code == 0, r.stdout + r.stderr
    return r.stdout + r.stderr


def _plan(root: Path, kind: str, book: Path) -> str:
    r = run_cli("import", kind, str(book), "--dry-run", cwd=root)
    assert r.code == 0, r.stdout + r.stderr
    return r.stdout


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


APPEALS_ROWS: list[list[str] | str] = [
    PUBLISHED,
    ["1", "2", "3", "4"],
    "Рассмотрение обращений граждан",
    ["1", "Официальный сайт комитета", "прием обращений; информирование о порядке", "цифровая точка"],
    [
        "2",
        "Платформа обратной связи ЕПГУ",
        "прием обращений; направление ответа; оценка качества ответа",
        "цифровая точка",
    ],
]


# --- rows that vanished ------------------------------------------------------------------------------------------


def test_a_feedback_platform_row_is_data_not_a_repeated_header(base: Path, tmp_path: Path) -> None:
    """«Платформа» holds «форма», «цифровая точка» holds «точка»: read by words alone the row was a header again."""
    book = tmp_path / "order.docx"
    word_doc(book, APPEALS_ROWS)
    plan = _plan(base, "docx", book)
    assert "Таблица 1!5" in plan and "«Платформа обратной связи ЕПГУ»" in plan, plan
    _import(base, "docx", book)
    entries = _entries(base, "processes/rassmotrenie-obrashcheniy-grazhdan.yaml")
    assert {t: e["needs"] for t, e in entries.items()} == {
        "website": ["submit", "info"],
        "pos": ["submit", "result", "feedback"],
    }
    assert _catalogue(base)["pos"]["channel"] == "portal"


def test_a_reading_room_where_applications_are_received_is_a_reception(base: Path, tmp_path: Path) -> None:
    book = tmp_path / "order.docx"
    word_doc(
        book,
        [
            PUBLISHED,
            "Предоставление государственных услуг",
            ["1", "Читальный зал комитета", "прием заявлений; выдача результатов", "оффлайн точка"],
            ["2", "Архивохранилище комитета", "консультирование", "оффлайн точка"],
        ],
    )
    plan = _plan(base, "docx", book)
    _import(base, "docx", book)
    catalogue = _catalogue(base)
    room = next(t for t in catalogue.values() if t["name"] == "Читальный зал комитета")
    store = next(t for t in catalogue.values() if t["name"] == "Архивохранилище комитета")
    assert (room["channel"], store["channel"]) == ("reception", "other_offline")
    assert "принимают заявления и выдают результаты" in plan  # the plan says why
    assert "ни название, ни потребности не называют канал" in plan


def test_a_place_named_by_its_address_stays_other_offline_and_the_plan_says_why(base: Path, tmp_path: Path) -> None:
    book = tmp_path / "order.docx"
    word_doc(
        book,
        [
            PUBLISHED,
            "Предоставление государственных услуг",
            ["1", "г. Энск, ул. Садовая, д. 12", "прием заявлений; выдача результатов", "оффлайн точка"],
        ],
    )
    plan = _plan(base, "docx", book)
    assert "названа только адресом" in plan, plan
    _import(base, "docx", book)
    (new,) = [t for t in _catalogue(base).values() if "Садовая" in t["name"]]
    assert new["channel"] == "other_offline" and new["address"] == "г. Энск, ул. Садовая, д. 12"


def test_a_phone_number_in_a_name_fills_the_catalogues_phone(base: Path, tmp_path: Path) -> None:
    book = tmp_path / "order.docx"
    word_doc(
        book,
        [
            PER_SERVICE,
            ["Выдача справки о составе семьи", "Телефон отдела 8 (4872) 24-51-00", "цифровая", "консультирование"],
        ],
    )
    plan = _plan(base, "docx", book)
    assert "phone: 8 (4872) 24-51-00 (из названия)" in plan, plan
    _import(base, "docx", book)
    (new,) = [t for t in _catalogue(base).values() if t["name"].startswith("Телефон отдела")]
    assert (new["channel"], new["phone"]) == ("phone", "8 (4872) 24-51-00")


def test_a_process_title_row_in_a_table_without_a_number_column_is_a_process(base: Path, tmp_path: Path) -> None:
    """«…по запросу…» names the appeals direction by its words: read as a direction heading, the service went there
    and its touchpoints were lost."""
    book = tmp_path / "services.docx"
    doc = word_doc(
        book,
        [
            PER_SERVICE,
            ["Выдача архивной справки по запросу гражданина", "", "", ""],
            ["", "ЕПГУ", "цифровая", "подача заявления; получение результата"],
            ["", "Приемная министерства", "оффлайн", "консультирование"],
        ],
    )
    doc.save(str(book))
    _import(base, "docx", book, "--direction", "services")
    proc = _data(base, "processes/vydacha-arkhivnoy-spravki-po-zaprosu.yaml")
    assert proc["direction"] == "services" and proc["title"] == "Выдача архивной справки по запросу гражданина"
    assert {e["touchpoint"]: e["needs"] for e in proc["touchpoints"]} == {
        "epgu": ["submit", "result"],
        "reception": ["consultation"],
    }


def test_a_merged_heading_that_names_a_direction_stays_a_heading(base: Path, tmp_path: Path) -> None:
    book = tmp_path / "services.docx"
    word_doc(
        book,
        [
            PER_SERVICE,
            "Рассмотрение обращений граждан",
            ["Прием обращений", "Приемная министерства", "оффлайн", "подача обращения"],
        ],
    )
    _import(base, "docx", book)
    assert _data(base, "processes/priem-obrashcheniy.yaml")["direction"] == "appeals"


# --- Word's structures -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("tag", ["sdt", "customXml"])
def test_a_table_inside_a_content_control_or_custom_xml_is_read(base: Path, tmp_path: Path, tag: str) -> None:
    book = tmp_path / "controls.docx"
    doc = word_doc(book, APPEALS_ROWS)
    tbl = doc.element.body.find(w_tag("tbl"))
    wrap(tbl, tag)
    wrap(tbl.findall(w_tag("tr"))[3], tag)  # a repeating section: a row inside a control
    wrap(tbl.findall(w_tag("tr"))[2].find(w_tag("tc")), tag)  # a cell inside one
    doc.save(str(book))
    _import(base, "docx", book)
    entries = _entries(base, "processes/rassmotrenie-obrashcheniy-grazhdan.yaml")
    assert [e["needs"] for e in entries.values()] == [["submit", "info"], ["submit", "result", "feedback"]]


def test_grid_before_keeps_the_cells_in_their_columns(base: Path, tmp_path: Path) -> None:
    """A row that starts one column later (no № cell): «оффлайн» became the touchpoint."""
    book = tmp_path / "grid.docx"
    doc = word_doc(
        book,
        [
            ["№", *PER_SERVICE],
            ["1", "Выдача справки", "ЕПГУ", "цифровая", "подача заявления"],
            ["2", "Выдача справки", "Приемная министерства", "оффлайн", "консультирование"],
        ],
    )
    grid_before(doc.element.body.find(w_tag("tbl")).findall(w_tag("tr"))[2], 1)
    doc.save(str(book))
    _import(base, "docx", book)
    assert {e["touchpoint"]: e["needs"] for e in _data(base, "processes/vydacha-spravki.yaml")["touchpoints"]} == {
        "epgu": ["submit"],
        "reception": ["consultation"],
    }


def test_a_register_nested_in_a_layout_table_is_read(base: Path, tmp_path: Path) -> None:
    import docx
    from import_books import add_word_table
    from lxml import etree

    book = tmp_path / "layout.docx"
    doc = docx.Document()
    frame = doc.add_table(rows=1, cols=1)
    cell = frame.rows[0].cells[0]
    cell.paragraphs[0].text = "Приложение к приказу"
    inner = add_word_table(doc, APPEALS_ROWS)
    cell._tc.append(inner._tbl)  # moved into the frame's cell
    etree.SubElement(cell._tc, w_tag("p"))  # a cell ends with a paragraph
    doc.save(str(book))
    plan = _plan(base, "docx", book)
    assert "Таблица 1.1!5" in plan, plan
    _import(base, "docx", book)
    assert len(_entries(base, "processes/rassmotrenie-obrashcheniy-grazhdan.yaml")) == 2


def test_a_vertically_merged_touchpoint_applies_to_every_row_it_spans(base: Path, tmp_path: Path) -> None:
    book = tmp_path / "vmerge.docx"
    doc = word_doc(
        book,
        [
            ["№", *PER_SERVICE],
            ["1", "Выдача справки", "ЕПГУ", "цифровая", "подача заявления"],
            ["2", "Выдача удостоверения", "ЕПГУ", "цифровая", "получение результата"],
        ],
    )
    rows = doc.element.body.find(w_tag("tbl")).findall(w_tag("tr"))
    vmerge(rows[1].findall(w_tag("tc"))[2], restart=True)
    vmerge(rows[2].findall(w_tag("tc"))[2], restart=False)
    doc.save(str(book))
    _import(base, "docx", book)
    assert [e["touchpoint"] for e in _data(base, "processes/vydacha-udostovereniya.yaml")["touchpoints"]] == ["epgu"]


def test_a_row_continued_on_the_next_page_is_one_row(base: Path, tmp_path: Path) -> None:
    """The table broken by hand at a page: its second part has no header, and its first row ends the last row."""
    book = tmp_path / "pages.docx"
    word_doc(
        book,
        [
            ["№", *PER_SERVICE],
            ["1", "Выдача справки", "ЕПГУ", "цифровая", "подача заявления;"],
        ],
        [
            ["", "", "", "", "получение результата"],
            ["2", "Выдача справки", "Приемная министерства", "оффлайн", "консультирование"],
        ],
    )
    plan = _plan(base, "docx", book)
    assert "Таблица 2!1" in plan and "продолжение строки Таблица 1!2" in plan, plan
    _import(base, "docx", book)
    assert {e["touchpoint"]: e["needs"] for e in _data(base, "processes/vydacha-spravki.yaml")["touchpoints"]} == {
        "epgu": ["submit", "result"],
        "reception": ["consultation"],
    }


def test_a_line_break_in_a_word_cell_separates_items(base: Path, tmp_path: Path) -> None:
    """«консультирование⏎запись к психологу» (Shift+Enter) read as one word lost the item that names no need."""
    from lxml import etree

    book = tmp_path / "breaks.docx"
    doc = word_doc(book, [["№", *PER_SERVICE], ["1", "Выдача справки", "ЕПГУ", "цифровая", "консультирование"]])
    run = doc.element.body.find(w_tag("tbl")).findall(w_tag("tr"))[1].findall(w_tag("tc"))[4].find(".//" + w_tag("r"))
    etree.SubElement(run, w_tag("br"))
    etree.SubElement(run, w_tag("t")).text = "запись к психологу"
    doc.save(str(book))
    _import(base, "docx", book)
    (entry,) = _data(base, "processes/vydacha-spravki.yaml")["touchpoints"]
    assert (entry["needs"], entry["notes"]) == (["consultation"], "запись к психологу")


# --- Excel: a map per table, unknown columns, conflicts -----------------------------------------------------------


def _sheet(path: Path, rows: list[list[Any]], title: str = "Услуги (сервисы)") -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_a_second_table_on_a_sheet_is_read_with_its_own_header(base: Path, tmp_path: Path) -> None:
    book = _sheet(
        tmp_path / "two.xlsx",
        [
            ["№", "Процесс", "Точка взаимодействия", "Форма", "Удовлетворяемые потребности"],
            [1, "Выдача справки", "ЕПГУ", "цифровая", "подача заявления"],
            [],
            ["Удовлетворяемые потребности", "Точка взаимодействия", "Процесс", "№", "Форма"],
            ["консультирование", "Приемная министерства", "Выдача удостоверения", 1, "оффлайн"],
        ],
    )
    _import(base, "xlsx", book)
    assert [e["touchpoint"] for e in _data(base, "processes/vydacha-udostovereniya.yaml")["touchpoints"]] == [
        "reception"
    ]


def test_an_unknown_column_goes_to_notes_and_the_plan_names_it(base: Path, tmp_path: Path) -> None:
    book = _sheet(
        tmp_path / "notes.xlsx",
        [
            ["№", "Процесс", "Точка взаимодействия", "Удовлетворяемые потребности", "Примечание"],
            [1, "Выдача справки", "ЕПГУ", "подача заявления", "ВАЖНО: только для жителей области"],
        ],
    )
    plan = _plan(base, "xlsx", book)
    assert "«Примечание»" in plan, plan
    _import(base, "xlsx", book)
    (entry,) = _data(base, "processes/vydacha-spravki.yaml")["touchpoints"]
    assert entry["notes"] == "Примечание: ВАЖНО: только для жителей области"


def test_merged_stage_rows_that_disagree_keep_the_first_and_show_the_others(base: Path, tmp_path: Path) -> None:
    """Demand 999 was dropped; the catalogue's official (the first row's) was replaced by the second row's."""
    agency = (base / "agency.yaml").read_text(encoding="utf-8")
    official = "  - id: sidorov\n    name: Сидоров Петр Петрович\n    position: Специалист\n    unit: benefits\n"
    write(base, "agency.yaml", agency.replace("register:", official + "register:"))
    header = [
        "№",
        "Процесс",
        "Точка взаимодействия",
        "Удовлетворяемые потребности",
        "Ответственный",
        "Востребованность",
    ]
    book = _sheet(
        tmp_path / "stages.xlsx",
        [
            header,
            [1, "Выдача справки", "ЕПГУ (подача заявления)", "подача заявления", "Петрова Мария Ивановна", 100],
            [2, "Выдача справки", "ЕПГУ (получение результата)", "получение результата", "Сидоров Петр Петрович", 999],
        ],
    )
    plan = _plan(base, "xlsx", book)
    assert "## Расхождения" in plan and "999" in plan and "Сидоров" in plan, plan
    _import(base, "xlsx", book)
    (entry,) = _data(base, "processes/vydacha-spravki.yaml")["touchpoints"]
    assert entry["demand"] == 100 and "responsible" not in entry  # the first row's: the catalogue's petrova
    assert "999" in entry["notes"] and "Сидоров Петр Петрович" in entry["notes"]


# --- outputs checked before anything is written --------------------------------------------------------------------


@pytest.fixture
def stages_book(tmp_path: Path) -> Path:
    from import_books import per_service_docx

    book = tmp_path / "stages.docx"
    per_service_docx(book)
    return book


def _refused(root: Path, book: Path, report: Path, *words: str) -> None:
    before = _snapshot(root)
    source = book.read_bytes()
    r = run_cli("import", "docx", str(book), "--report", str(report), cwd=root)
    assert r.code == 2, r.stdout + r.stderr
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr, r.stderr
    for word in words:
        assert word in r.stderr, r.stderr
    assert _snapshot(root) == before and book.read_bytes() == source


def test_a_report_over_the_source_is_refused(base: Path, stages_book: Path) -> None:
    _refused(base, stages_book, stages_book, "источник")
    _refused(base, stages_book, stages_book.parent / "." / stages_book.name, "источник")


def test_a_report_inside_the_data_folders_is_refused(base: Path, stages_book: Path) -> None:
    _refused(base, stages_book, base / "processes" / "plan.md", "processes/")
    _refused(base, stages_book, base / "procedures" / "plan.md", "procedures/")


def test_a_report_that_cannot_be_written_is_refused_before_the_import(base: Path, stages_book: Path) -> None:
    """0.2.0 wrote the process files, then failed on the report with exit 2."""
    _refused(base, stages_book, stages_book / "plan.md", "не папка")  # a path through a file
    _refused(base, stages_book, base.parent, "папка")  # a folder


def test_a_report_that_fails_while_written_leaves_the_registry_as_it_was(
    base: Path, stages_book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plan is staged with the registry's files, first: when it cannot be written, nothing is."""
    from tpkit import util

    real = util.stage_bytes

    def stage(path: Path, data: bytes) -> Path:
        if path.name == "plan.md":
            raise OSError(28, "No space left on device", str(path))
        return real(path, data)

    monkeypatch.setattr(util, "stage_bytes", stage)
    before = _snapshot(base)
    r = run_cli("import", "docx", str(stages_book), "--report", str(base.parent / "plan.md"), cwd=base)
    assert r.code == 2 and "No space left on device" in r.stderr, r.stderr
    assert _snapshot(base) == before and not (base.parent / "plan.md").exists()


# --- the plan shows every row ----------------------------------------------------------------------------------------


def test_the_plan_lists_every_row_and_adds_them_up(base: Path, tmp_path: Path) -> None:
    book = tmp_path / "order.docx"
    word_doc(
        book,
        [
            "Перечень точек взаимодействия департамента",
            PUBLISHED,
            ["1", "2", "3", "4"],
            "Рассмотрение обращений граждан",
            ["1", "Официальный сайт комитета", "прием обращений", "цифровая точка"],
            ["", "", "", ""],
            PUBLISHED,
            ["2", "", "прием обращений", ""],
        ],
    )
    plan = _plan(base, "docx", book)
    assert "Строк: 8 — записано 1, объединено 0, служебных 6, не понято 1." in plan, plan
    structural = plan.split("## Служебные строки")[1].split("## Не понято")[0]
    for line in (
        "- Таблица 1!1: текст над таблицей: «Перечень точек взаимодействия департамента»",
        "- Таблица 1!2: строка заголовков (столбцы: 4): «N» → №, «Точки контакта с клиентом» → точка взаимодействия",
        "- Таблица 1!3: номера столбцов: «1 | 2 | 3 | 4»",
        "- Таблица 1!4: заголовок направления: «Рассмотрение обращений граждан»",
        "- Таблица 1!6: пустые",
        "- Таблица 1!7: заголовки повторены (новая страница)",
    ):
        assert line in structural, (line, structural)
    assert "- Таблица 1!8: нет точки взаимодействия — строка пропущена: «2 | прием обращений»" in plan


def test_the_plan_in_english(base: Path, tmp_path: Path) -> None:
    book = tmp_path / "order.docx"
    word_doc(book, APPEALS_ROWS)
    r = run_cli("import", "docx", str(book), "--dry-run", "--lang", "en", cwd=base)
    assert r.code == 0, r.stderr
    assert r.stdout.startswith(
        "# Import plan: order.docx\n\nRows: 5 — written 2, merged 0, structural 3, not understood 0."
    )
    assert "## Structural rows" in r.stdout and "- Table 1!2: column numbers: «1 | 2 | 3 | 4»" in r.stdout
    assert "Строк" not in r.stdout and "Служебные" not in r.stdout


def test_excel_merged_cells_read_as_their_text_in_every_cell(base: Path, tmp_path: Path) -> None:
    """A needs cell merged down over two touchpoints applies to both; a heading merged across a table whose first
    column is the process names the direction (openpyxl's read-only mode gave the text to the first cell only)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Лист1"
    ws.append(["Процесс", "Точка взаимодействия", "Форма", "Удовлетворяемые потребности"])
    ws.append(["Рассмотрение обращений граждан"])
    ws.merge_cells("A2:D2")
    ws.append(["Прием обращений", "ЕПГУ", "цифровая", "подача обращения; получение ответа"])
    ws.append([None, "Приемная министерства", "оффлайн", None])
    ws.merge_cells("D3:D4")
    book = tmp_path / "merged.xlsx"
    wb.save(book)
    _import(base, "xlsx", book)
    proc = _data(base, "processes/priem-obrashcheniy.yaml")
    assert proc["direction"] == "appeals"
    assert {e["touchpoint"]: e["needs"] for e in proc["touchpoints"]} == {
        "epgu": ["submit", "result"],
        "reception": ["submit", "result"],
    }


def test_a_two_row_header_names_the_columns_under_a_merged_cell(base: Path, tmp_path: Path) -> None:
    """«Точка взаимодействия» merged over «наименование | форма», the other headers merged down: the second row is
    the header's, not a touchpoint «наименование»."""
    import docx

    book = tmp_path / "two-rows.docx"
    doc = docx.Document()
    table = doc.add_table(rows=3, cols=4)
    top, sub, data = table.rows
    for cell, text in zip(top.cells, ["Процесс", "Точка взаимодействия", "", "Потребности"], strict=True):
        cell.text = text
    top.cells[1].merge(top.cells[2]).text = "Точка взаимодействия"
    for cell, text in zip(sub.cells, ["", "наименование", "форма", ""], strict=True):
        cell.text = text
    for text, cell in zip(["Выдача справки", "ЕПГУ", "цифровая", "подача заявления"], data.cells, strict=True):
        cell.text = text
    trs = table._tbl.findall(w_tag("tr"))
    for col in (0, -1):  # «Процесс» and «Потребности» merged down over the second row
        vmerge(trs[0].findall(w_tag("tc"))[col], restart=True)
        vmerge(trs[1].findall(w_tag("tc"))[col], restart=False)
    doc.save(str(book))
    plan = _plan(base, "docx", book)
    assert "- Таблица 1!2: вторая строка заголовков" in plan, plan
    _import(base, "docx", book)
    (entry,) = _data(base, "processes/vydacha-spravki.yaml")["touchpoints"]
    assert (entry["touchpoint"], entry["needs"]) == ("epgu", ["submit"])
    assert "наименование" not in (base / "touchpoints.yaml").read_text(encoding="utf-8")


def test_an_excel_table_may_start_in_column_b(base: Path, tmp_path: Path) -> None:
    book = _sheet(
        tmp_path / "b.xlsx",
        [
            [],
            [None, "Точка взаимодействия", "Форма", "Удовлетворяемые потребности"],
            [None, "Рассмотрение обращений граждан"],
            [None, "Приемная министерства", "оффлайн", "подача обращения"],
        ],
        title="Лист1",
    )
    _import(base, "xlsx", book)
    proc = _data(base, "processes/rassmotrenie-obrashcheniy-grazhdan.yaml")
    assert proc["direction"] == "appeals" and [e["touchpoint"] for e in proc["touchpoints"]] == ["reception"]


def test_a_heading_typed_in_the_touchpoint_column_is_a_heading(base: Path, tmp_path: Path) -> None:
    """The № cell left empty, the heading typed (not merged) over the touchpoints: a direction, not a touchpoint."""
    book = tmp_path / "typed.docx"
    word_doc(
        book,
        [
            PUBLISHED,
            ["", "Рассмотрение обращений граждан", "", ""],
            ["1", "Приемная министерства", "подача обращения", "оффлайн точка"],
            ["2", "Портал госуслуг", "", ""],  # a touchpoint without needs stays one: its name names a channel
        ],
    )
    plan = _plan(base, "docx", book)
    assert "- Таблица 1!2: заголовок направления: «Рассмотрение обращений граждан»" in plan, plan
    assert "«Портал госуслуг» → `rassmotrenie-obrashcheniy-grazhdan`" in plan


def test_merged_ranges_are_found_across_the_pieces_a_sheet_is_read_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import Workbook, load_workbook

    from tpkit.author.importer import xlsx_read

    wb = Workbook()
    ws = wb.active
    for r in range(1, 30):
        ws.append([f"текст {r}", None, None])
        if r % 3 == 0:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=3)
    book = tmp_path / "ranges.xlsx"
    wb.save(book)
    part = load_workbook(book, read_only=True).active._worksheet_path
    whole = xlsx_read.merged_ranges(book, part)
    assert len(whole) == 9 and (3, 1, 3, 3) in whole
    for size in (5, 7, 64):
        monkeypatch.setattr(xlsx_read, "_CHUNK", size)
        assert xlsx_read.merged_ranges(book, part) == whole, size
