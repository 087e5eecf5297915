"""tpkit import, reviewed with tables as agencies keep them (issue 28's red team): each test a table built here that
lost or misread a value before its fix."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

from tpkit.author.importer.cells import demand_value
from tpkit.registry.yaml import parse


@pytest.fixture
def initialised(tmp_path: Path) -> Path:
    root = tmp_path / "reg"
    r = run_cli("init", "--empty", str(root))
    assert r.code == 0, r.stdout + r.stderr
    return root


def _data(root: Path, rel: str) -> Any:
    return parse((root / rel).read_text(encoding="utf-8")).data


def _book(path: Path, rows: list[list[Any]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Услуги"
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize(
    "cell",
    [
        datetime.datetime(2024, 1, 15),
        datetime.date(2024, 1, 15),
        "15.01.2024",
        "12,5",
        12.5,
        "10-20",
        "1.200.000",
    ],
)
def test_a_demand_that_is_no_count_is_reported_not_turned_into_a_number(cell: Any) -> None:
    """0.2.0 took the digits of any cell: a date 15.01.2024 was demand 15012024, a range «10-20» 1020, «12,5» 125."""
    assert demand_value(cell) == (None, False)


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        (1200, 1200),
        (1200.0, 1200),
        ("1200", 1200),
        ("1 200", 1200),
        ("1\u00a0200", 1200),
        ("1 200 обращений в год", 1200),
    ],
)
def test_a_count_of_requests_is_read_with_its_thousands_spaced(cell: Any, value: int) -> None:
    assert demand_value(cell) == (value, True)


def test_a_date_in_the_demand_column_stays_in_the_plan(initialised: Path, tmp_path: Path) -> None:
    book = _book(
        tmp_path / "dates.xlsx",
        [
            ["Процесс", "Точка взаимодействия", "Потребности", "Востребованность"],
            ["Выдача справки", "Официальный сайт", "информирование", datetime.date(2024, 1, 15)],
        ],
    )
    r = run_cli("import", "xlsx", str(book), cwd=initialised)
    assert r.code == 0, r.stdout + r.stderr
    entry = _data(initialised, "processes/vydacha-spravki.yaml")["touchpoints"][0]
    assert "demand" not in entry
    assert "2024-01-15" in r.stdout + r.stderr or "2024-01-15" in str(entry.get("notes"))


def test_a_title_written_with_a_no_break_space_is_the_same_process(initialised: Path, tmp_path: Path) -> None:
    """Word and Excel put no-break spaces where a person typed Ctrl+Shift+Space: 0.2.0 made two processes
    «Выдача справки» (vydacha-spravki and vydacha-spravki-2) of one."""
    book = _book(
        tmp_path / "nbsp.xlsx",
        [
            ["Процесс", "Точка взаимодействия", "Потребности"],
            ["Выдача\u00a0справки", "Официальный сайт", "информирование"],
            ["Выдача справки", "Приемная", "прием заявлений; выдача результатов"],
        ],
    )
    r = run_cli("import", "xlsx", str(book), cwd=initialised)
    assert r.code == 0, r.stdout + r.stderr
    assert sorted(p.name for p in (initialised / "processes").glob("*.yaml")) == ["vydacha-spravki.yaml"]
    assert len(_data(initialised, "processes/vydacha-spravki.yaml")["touchpoints"]) == 2


@pytest.mark.parametrize("merged_down", [True, False], ids=["others-merged-down", "others-empty"])
def test_a_grouped_header_names_the_touchpoint_and_its_type(
    initialised: Path, tmp_path: Path, merged_down: bool
) -> None:
    """«Точка взаимодействия» merged over «наименование | тип»: 0.2.0 read the second header row as a process
    «Процесс» at a touchpoint «наименование тип», and every touchpoint as «ЕПГУ⏎цифровая»."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Услуги"
    ws.append(["№", "Процесс", "Точка взаимодействия", None, "Потребности"])
    ws.append([None, None, "наименование", "тип", None])
    ws.append([1, "Выдача справки", "Официальный сайт", "цифровая", "информирование"])
    ws.append([2, None, "Приемная", "оффлайн", "прием заявлений; выдача результатов"])
    ws.merge_cells("C1:D1")
    if merged_down:
        for col in "ABE":
            ws.merge_cells(f"{col}1:{col}2")
    book = tmp_path / "grouped.xlsx"
    wb.save(book)
    r = run_cli("import", "xlsx", str(book), "--dry-run", cwd=initialised)
    assert r.code == 0, r.stdout + r.stderr
    assert "Строк: 4 — записано 2, объединено 0, служебных 2, не понято 0" in r.stdout
    r = run_cli("import", "xlsx", str(book), cwd=initialised)
    catalogue = {t["name"]: t for t in _data(initialised, "touchpoints.yaml")["touchpoints"]}
    assert set(catalogue) == {"Официальный сайт", "Приемная"}
    assert catalogue["Приемная"]["channel"] == "reception"
    assert [p.name for p in (initialised / "processes").glob("*.yaml")] == ["vydacha-spravki.yaml"]


def test_a_dash_or_none_is_no_touchpoint_and_no_process(initialised: Path, tmp_path: Path) -> None:
    """A cell with only «—» or «-» says «nothing here»: 0.2.0 made a catalogue touchpoint named «—» and a process
    «—» (id ``item``). A dash is an empty cell (a process left so continues the one above); «нет» in the touchpoint's
    column is a row not understood, its text in the plan — not a touchpoint named «нет»."""
    book = _book(
        tmp_path / "dashes.xlsx",
        [
            ["№", "Процесс", "Точка взаимодействия", "Потребности", "Ответственный"],
            [1, "Выдача справки", "Официальный сайт", "информирование", "—"],
            [2, "—", "Приемная", "прием заявлений; выдача результатов", "-"],
            [3, "Выдача справки", "—", "консультирование", ""],
            [4, "Выдача справки", "нет", "подача жалобы", ""],
        ],
    )
    r = run_cli("import", "xlsx", str(book), "--dry-run", cwd=initialised)
    assert r.code == 0, r.stdout + r.stderr
    assert "Строк: 5 — записано 2, объединено 0, служебных 1, не понято 2" in r.stdout
    assert "«—»" not in r.stdout and "«-»" not in r.stdout  # no «official not found: —»
    assert "нет | подача жалобы" in r.stdout
    r = run_cli("import", "xlsx", str(book), cwd=initialised)
    assert [p.name for p in (initialised / "processes").glob("*.yaml")] == ["vydacha-spravki.yaml"]
    names = {t["name"] for t in _data(initialised, "touchpoints.yaml")["touchpoints"]}
    assert names == {"Официальный сайт", "Приемная"}


def test_a_direction_column_gives_each_row_its_direction(initialised: Path, tmp_path: Path) -> None:
    """One flat table for the whole agency with a column «Направление деятельности» (or tpkit's CSV saved as a
    workbook, «направление»): 0.2.0 put every process in services and the direction's name in notes."""
    book = _book(
        tmp_path / "flat.xlsx",
        [
            ["№ п/п", "Направление деятельности", "Наименование услуги", "Точка взаимодействия", "Потребности"],
            [1, "Предоставление государственных услуг", "Выдача лицензии", "ЕПГУ", "подача заявления"],
            [2, "Контроль (надзор)", "Проверка лицензиатов", "Официальный сайт", "информирование"],
            [3, "Рассмотрение обращений граждан", "Обращения граждан", "Приемная", "прием обращений"],
            [4, "Прочее", "Выдача справки", "Официальный сайт", "информирование"],
        ],
    )
    r = run_cli("import", "xlsx", str(book), cwd=initialised)
    assert r.code == 0, r.stdout + r.stderr
    directions = {
        d["title"]: (d["direction"], d["touchpoints"][0].get("notes"))
        for d in (_data(initialised, f"processes/{p.name}") for p in (initialised / "processes").glob("*.yaml"))
    }
    assert directions == {
        "Выдача лицензии": ("services", None),
        "Проверка лицензиатов": ("control", None),
        "Обращения граждан": ("appeals", None),
        "Выдача справки": ("services", None),  # the sheet's; «Прочее» is in the plan
    }
    plan = run_cli("import", "xlsx", str(book), "--dry-run", "--force", cwd=initialised).stdout
    assert "Услуги!5 (направление)" in plan and "«Прочее»" in plan


HEADER = ["№", "Процесс", "Точка взаимодействия", "Потребности"]


def test_a_register_on_the_first_of_excels_default_sheets_is_read(initialised: Path, tmp_path: Path) -> None:
    """A workbook made in Excel has «Лист1», «Лист2», «Лист3»: 0.2.0 took the two empty sheets for other tables and
    left every row of the register out as having no direction."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Лист1"
    for row in (HEADER, [1, "Выдача справки", "ЕПГУ", "подача заявления"]):
        ws.append(row)
    wb.create_sheet("Лист2")
    wb.create_sheet("Лист3").append(["Справочник потребностей"])
    book = tmp_path / "default.xlsx"
    wb.save(book)
    r = run_cli("import", "xlsx", str(book), cwd=initialised)
    assert r.code == 0, r.stdout + r.stderr
    assert _data(initialised, "processes/vydacha-spravki.yaml")["direction"] == "services"


def test_sheets_named_as_agencies_name_them_give_the_direction(initialised: Path, tmp_path: Path) -> None:
    """A sheet per direction, named as people name them («Гос. услуги», «Обращения граждан», «КНД»): 0.2.0 knew only
    tpkit's own sheet names and left every row out."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for sheet, process in (("Гос. услуги", "Выдача справки"), ("Обращения граждан", "Обращения"), ("КНД", "Надзор")):
        ws = wb.create_sheet(sheet)
        for row in (HEADER, [1, process, "Официальный сайт", "информирование"]):
            ws.append(row)
    book = tmp_path / "sheets.xlsx"
    wb.save(book)
    r = run_cli("import", "xlsx", str(book), cwd=initialised)
    assert r.code == 0, r.stdout + r.stderr
    directions = {
        d["title"]: d["direction"]
        for d in (_data(initialised, f"processes/{p.name}") for p in (initialised / "processes").glob("*.yaml"))
    }
    assert directions == {"Выдача справки": "services", "Обращения": "appeals", "Надзор": "control"}


def test_a_numbered_title_row_is_the_process_of_the_rows_below(initialised: Path, tmp_path: Path) -> None:
    """«1. | Выдача архивной справки» merged across the row, then «1.1 | ЕПГУ | …»: the number did not let the row
    read as a title, so 0.2.0 made the service a touchpoint «Выдача архивной справки» (other_digital, need result)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Услуги"
    for row in (
        ["№ п/п", "Процесс", "Точка взаимодействия", "Форма", "Потребности"],
        ["1.", "Выдача архивной справки", None, None, None],
        ["1.1", None, "ЕПГУ", "цифровая", "подача заявления; получение результата"],
        ["1.2", None, "Читальный зал", "оффлайн", "прием заявлений; выдача результатов"],
        ["2.", "Выдача копий документов", None, None, None],
        ["2.1", None, "Официальный сайт", "цифровая", "информирование"],
    ):
        ws.append(row)
    ws.merge_cells("B2:E2")
    ws.merge_cells("B5:E5")
    book = tmp_path / "numbered.xlsx"
    wb.save(book)
    r = run_cli("import", "xlsx", str(book), cwd=initialised)
    assert r.code == 0, r.stdout + r.stderr
    assert "записано 3, объединено 0, служебных 3, не понято 0" in r.stderr
    names = {t["name"] for t in _data(initialised, "touchpoints.yaml")["touchpoints"]}
    assert names == {"ЕПГУ", "Читальный зал", "Официальный сайт"}  # not the services
    entries = {
        d["title"]: [e["touchpoint"] for e in d["touchpoints"]]
        for d in (_data(initialised, f"processes/{p.name}") for p in (initialised / "processes").glob("*.yaml"))
    }
    assert entries == {
        "Выдача архивной справки": ["epgu", "reception"],
        "Выдача копий документов": ["website"],
    }


def test_a_numbered_title_row_in_word_is_the_process_of_the_rows_below(initialised: Path, tmp_path: Path) -> None:
    import docx

    doc = docx.Document()
    rows = [
        ["№ п/п", "Наименование услуги", "Точка взаимодействия", "Виды взаимодействия"],
        ["1.", "Выдача архивной справки", "", ""],
        ["1.1", "", "ЕПГУ", "подача заявления; получение результата"],
        ["1.2", "", "Читальный зал", "консультирование"],
    ]
    table = doc.add_table(rows=len(rows), cols=4)
    for tr, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(tr.cells, texts, strict=True):
            cell.text = text
    table.cell(1, 1).merge(table.cell(1, 3))  # gridSpan: the title repeats in every cell it spans
    book = tmp_path / "numbered.docx"
    doc.save(str(book))
    r = run_cli("import", "docx", str(book), cwd=initialised)
    assert r.code == 0, r.stdout + r.stderr
    assert "записано 2, объединено 0, служебных 2, не понято 0" in r.stderr
    process = _data(initialised, "processes/vydacha-arkhivnoy-spravki.yaml")
    assert len(process["touchpoints"]) == 2


def _with_footnotes(path: Path, notes: dict[str, str]) -> None:
    """Add a footnotes part to a .docx and turn each «[n]» in its text into a reference to footnote n (python-docx
    makes no footnotes)."""
    import re
    import zipfile

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = "".join(
        f'<w:footnote w:id="{n}"><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:footnote>'
        for n, text in notes.items()
    )
    parts = dict((i.filename, zipfile.ZipFile(path).read(i)) for i in zipfile.ZipFile(path).infolist())
    parts["word/footnotes.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes {w}>{body}</w:footnotes>'.encode()
    )
    doc = parts["word/document.xml"].decode()
    parts["word/document.xml"] = re.sub(
        r"\[(\d+)\]", r'</w:t></w:r><w:r><w:footnoteReference w:id="\1"/></w:r><w:r><w:t>', doc
    ).encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    parts["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'footnotes" Target="footnotes.xml"/></Relationships>',
    ).encode()
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = types.replace(
        "</Types>",
        '<Override PartName="/word/footnotes.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
    ).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def test_a_footnote_in_a_word_table_goes_to_notes_or_the_plan(initialised: Path, tmp_path: Path) -> None:
    """A footnote's text stands in another part of the document than the table: 0.2.0 lost it. A footnote to a data
    row goes to its entry's notes, one to the header to the plan."""
    import docx

    doc = docx.Document()
    doc.add_paragraph("Таблица 1 — Перечень точек взаимодействия")
    rows = [
        ["Процесс", "Точка взаимодействия", "Потребности[1]"],
        ["Выдача справки", "ЕПГУ[2]", "подача заявления"],
    ]
    table = doc.add_table(rows=2, cols=3)
    for tr, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(tr.cells, texts, strict=True):
            cell.text = text
    book = tmp_path / "footnotes.docx"
    doc.save(str(book))
    _with_footnotes(
        book, {"1": "Перечислены по методическим рекомендациям", "2": "При наличии технической возможности"}
    )
    r = run_cli("import", "docx", str(book), cwd=initialised)
    assert r.code == 0, r.stdout + r.stderr
    entry = _data(initialised, "processes/vydacha-spravki.yaml")["touchpoints"][0]
    assert entry["needs"] == ["submit"]
    assert entry["notes"] == "сноска: При наличии технической возможности"
    assert "Перечислены по методическим рекомендациям" in r.stderr


def test_a_broken_footnotes_part_is_one_line_and_exit_2(initialised: Path, tmp_path: Path) -> None:
    import zipfile

    import docx

    doc = docx.Document()
    table = doc.add_table(rows=2, cols=2)
    for tr, texts in zip(table.rows, [["Процесс", "Точка взаимодействия"], ["Выдача справки", "ЕПГУ[1]"]], strict=True):
        for cell, text in zip(tr.cells, texts, strict=True):
            cell.text = text
    book = tmp_path / "broken.docx"
    doc.save(str(book))
    _with_footnotes(book, {"1": "сноска"})
    parts = {i.filename: zipfile.ZipFile(book).read(i) for i in zipfile.ZipFile(book).infolist()}
    parts["word/footnotes.xml"] = b"<w:footnotes><unclosed>"
    with zipfile.ZipFile(book, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    r = run_cli("import", "docx", str(book), cwd=initialised)
    assert r.code == 2 and "сноски" in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert not (initialised / "processes").exists() or not list((initialised / "processes").glob("*.yaml"))


@pytest.mark.parametrize("years", [["2022 год", "2023 год"], [2022, 2023]], ids=["words", "numbers"])
def test_a_header_over_years_is_the_header(initialised: Path, tmp_path: Path, years: list[Any]) -> None:
    """«Востребованность» merged over «2022 | 2023», the other header cells merged down: with the years as numbers
    0.2.0 read the second header row as data — a process «Процесс» at a new touchpoint «Точка взаимодействия»."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Услуги"
    for row in (
        ["№", "Процесс", "Точка взаимодействия", "Потребности", "Востребованность", None],
        [None, None, None, None, *years],
        [1, "Выдача справки", "ЕПГУ", "подача заявления", 1200, 1300],
    ):
        ws.append(row)
    ws.merge_cells("E1:F1")
    for col in "ABCD":
        ws.merge_cells(f"{col}1:{col}2")
    book = tmp_path / "years.xlsx"
    wb.save(book)
    r = run_cli("import", "xlsx", str(book), "--dry-run", cwd=initialised)
    assert r.code == 0, r.stdout + r.stderr
    assert "Строк: 3 — записано 1, объединено 0, служебных 2, не понято 0" in r.stdout
    assert "«Процесс»" not in r.stdout
    assert "1200\n1300" in r.stdout  # two years' demand is no one count: in the plan


def _import_responsible_cell(tmp_path: Path, cell: str) -> tuple[Any, dict[str, dict[str, Any]]]:
    """Import one row whose «Ответственный» is ``cell`` into a copy of the worked example: the command's result and
    the catalogue by name."""
    import shutil

    from conftest import EXAMPLE

    root = tmp_path / "reg"
    shutil.copytree(EXAMPLE, root)
    book = _book(
        tmp_path / "officials.xlsx",
        [
            ["Процесс", "Точка взаимодействия", "Потребности", "Ответственный"],
            ["Выдача справки о доходах", "Кабинет приема граждан", "консультирование", cell],
        ],
    )
    r = run_cli("import", "xlsx", str(book), cwd=root)
    assert r.code == 0, r.stdout + r.stderr
    return r, {t["name"]: t for t in _data(root, "touchpoints.yaml")["touchpoints"]}


@pytest.mark.parametrize(
    "cell",
    [
        "Петрова Мария Ивановна, тел. 8 (4852) 40-00-01",
        "Петрова М. И., начальник отдела",
        "начальник отдела М.И. Петрова",
        "Начальник отдела назначения мер социальной поддержки Петрова Мария Ивановна",
    ],
)
def test_a_responsible_official_with_a_phone_or_initials_is_found(tmp_path: Path, cell: str) -> None:
    """A register names the official as people write it: with a phone, by initials, after the position. 0.2.0 found
    only the exact name (or «name, position»), so the official agency.yaml has was left out. One official whose full
    name or surname and initials stand in the cell is found; the cell's text stays in the plan."""
    r, catalogue = _import_responsible_cell(tmp_path, cell)
    assert catalogue["Кабинет приема граждан"]["responsible"] == "petrova"
    assert cell in r.stderr  # what else the cell says (the phone) is in the plan


@pytest.mark.parametrize("cell", ["Петрова, Смирнов", "Иванова М. И.", "П. М. И."])
def test_an_official_the_cell_does_not_name_alone_is_not_guessed(tmp_path: Path, cell: str) -> None:
    _, catalogue = _import_responsible_cell(tmp_path, cell)
    assert "responsible" not in catalogue["Кабинет приема граждан"]


@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("Официальный сайт https://archive71.ru", "https://archive71.ru"),
        ("Официальный сайт архива (www.archive71.ru)", "www.archive71.ru"),
        ("Страница архива в сети «ВКонтакте» https://vk.com/archive71.", "https://vk.com/archive71"),
    ],
)
def test_a_web_address_in_a_name_fills_the_catalogues_url(
    initialised: Path, tmp_path: Path, name: str, url: str
) -> None:
    """A touchpoint named with its address: the phone in a name filled `phone` (issue 28), the address stayed in the
    name only, where sameness (TP114, a second import) does not look for it."""
    book = _book(
        tmp_path / "url.xlsx",
        [["Процесс", "Точка взаимодействия", "Потребности"], ["Выдача справки", name, "информирование"]],
    )
    r = run_cli("import", "xlsx", str(book), "--dry-run", cwd=initialised)
    assert f"url: {url} (из названия)" in r.stdout, r.stdout
    run_cli("import", "xlsx", str(book), cwd=initialised)
    (entry,) = _data(initialised, "touchpoints.yaml")["touchpoints"]
    assert (entry["name"], entry["url"]) == (name, url)


def test_a_total_row_is_structural_and_not_the_next_process(initialised: Path, tmp_path: Path) -> None:
    """«Итого по услуге | … | 1500» under a service's rows, the next service's process cells merged (empty below the
    first): 0.2.0 took a lone «Итого по услуге» for the title of the process of the rows below it, and a total with
    its sum for a row not understood."""
    book = _book(
        tmp_path / "totals.xlsx",
        [
            ["№", "Процесс", "Точка взаимодействия", "Потребности", "Востребованность"],
            [1, "Выдача справки", "ЕПГУ", "подача заявления", 1200],
            [2, None, "Приемная", "консультирование", 300],
            [None, "Итого по услуге", None, None, None],
            [3, None, "Официальный сайт", "информирование", 50],
            ["Всего", None, None, None, 1550],
        ],
    )
    r = run_cli("import", "xlsx", str(book), "--dry-run", cwd=initialised)
    assert r.code == 0, r.stdout + r.stderr
    assert "Строк: 6 — записано 3, объединено 0, служебных 3, не понято 0" in r.stdout, r.stdout
    assert "итоговая строка: «Всего | 1550»" in r.stdout
    assert "Итого по услуге" in r.stdout
    assert "vydacha-spravki" in r.stdout and "itogo" not in r.stdout


@pytest.mark.parametrize(
    ("cell", "several"),
    [
        ("ЕПГУ\nМФЦ\nПриемная министерства", True),
        ("ЕПГУ, МФЦ", True),
        ("Телефон; электронная почта", True),
        ("Приемная министерства\nг. Ярославль, ул. Советская, д. 3", False),
        ("Приемная министерства, телефон 8 (4852) 40-00-00", False),
        ("Официальный сайт\nhttps://archive71.ru", False),
        ("ЕПГУ (подача заявления, получение результата)", False),
        ("Многофункциональный центр «Мои документы» (ГАУ ЯО «МФЦ»)", False),
    ],
)
def test_a_cell_naming_several_touchpoints_is_said_in_the_plan(
    initialised: Path, tmp_path: Path, cell: str, several: bool
) -> None:
    """«ЕПГУ⏎МФЦ⏎Приемная» in one cell: 0.2.0 wrote the row to ЕПГУ alone and said nothing of the others. The row is
    still written to one touchpoint (its name as it stands), and the plan says to split it."""
    book = _book(
        tmp_path / "several.xlsx",
        [["Процесс", "Точка взаимодействия", "Потребности"], ["Выдача справки", cell, "подача заявления"]],
    )
    r = run_cli("import", "xlsx", str(book), "--dry-run", cwd=initialised)
    assert r.code == 0, r.stdout + r.stderr
    assert ("несколько точек взаимодействия" in r.stdout) is several, r.stdout


def test_invisible_characters_pasted_into_cells_do_not_split_or_hide_anything(
    initialised: Path, tmp_path: Path
) -> None:
    """Text pasted from a web page or a PDF carries soft hyphens and zero-width spaces: 0.2.0 made two processes of
    «Вы­дача справки» and «Выдача справки», and «консуль­тирование» named no need (it went to notes)."""
    book = _book(
        tmp_path / "invisible.xlsx",
        [
            ["Процесс", "Точка взаимодействия", "Потребности"],
            ["Вы\u00adдача справки", "Официальный\u200b сайт", "консуль\u00adтирование"],
            ["Выдача справки\ufeff", "Приемная", "прием заявлений; выдача результатов"],
        ],
    )
    r = run_cli("import", "xlsx", str(book), cwd=initialised)
    assert r.code == 0, r.stdout + r.stderr
    assert [p.name for p in (initialised / "processes").glob("*.yaml")] == ["vydacha-spravki.yaml"]
    entries = _data(initialised, "processes/vydacha-spravki.yaml")["touchpoints"]
    assert entries[0]["needs"] == ["consultation"] and "notes" not in entries[0]
    names = {t["name"] for t in _data(initialised, "touchpoints.yaml")["touchpoints"]}
    assert names == {"Официальный сайт", "Приемная"}


def test_a_heading_typed_in_the_number_column_is_still_a_heading(initialised: Path, tmp_path: Path) -> None:
    """The № cell is set aside when a row's one text is sought only when it holds a number: a heading typed, unmerged,
    in the № column stays a heading (and a note below the table is not a row without a touchpoint)."""
    book = _book(
        tmp_path / "typed.xlsx",
        [
            ["№", "Процесс", "Точка взаимодействия", "Потребности"],
            ["Рассмотрение обращений граждан", None, None, None],
            [1, "Обращения граждан", "Приемная", "прием обращений"],
            ["II.", "Выдача справки", None, None],
            [2, None, "Официальный сайт", "информирование"],
        ],
    )
    r = run_cli("import", "xlsx", str(book), "--dry-run", cwd=initialised)
    assert r.code == 0, r.stdout + r.stderr
    assert "Строк: 5 — записано 2, объединено 0, служебных 3, не понято 0" in r.stdout, r.stdout
    assert "заголовок направления: «Рассмотрение обращений граждан»" in r.stdout


def test_a_column_only_loosely_named_direction_stays_a_column_of_notes(initialised: Path, tmp_path: Path) -> None:
    book = _book(
        tmp_path / "loose.xlsx",
        [
            ["Процесс", "Точка взаимодействия", "Потребности", "Направление ответа"],
            ["Выдача справки", "Официальный сайт", "информирование", "почтой"],
        ],
    )
    r = run_cli("import", "xlsx", str(book), cwd=initialised)
    assert r.code == 0, r.stdout + r.stderr
    entry = _data(initialised, "processes/vydacha-spravki.yaml")["touchpoints"][0]
    assert entry["notes"] == "Направление ответа: почтой"


@pytest.mark.parametrize("numbers", [["1.", "2.", "3.", "4."], ["(1)", "(2)", "(3)", "(4)"], [1, 2, 3, 4]])
def test_column_numbers_written_with_a_dot_or_brackets(initialised: Path, tmp_path: Path, numbers: list[Any]) -> None:
    """«1. | 2. | 3. | 4.» under the header: 0.2.0 knew only «1 | 2 | 3 | 4», and wrote a touchpoint «3.»."""
    book = _book(
        tmp_path / "numbers.xlsx",
        [
            ["№", "Процесс", "Точка взаимодействия", "Потребности"],
            numbers,
            [1, "Выдача справки", "Официальный сайт", "информирование"],
        ],
    )
    r = run_cli("import", "xlsx", str(book), "--dry-run", cwd=initialised)
    assert r.code == 0, r.stdout + r.stderr
    assert "Строк: 3 — записано 1, объединено 0, служебных 2, не понято 0" in r.stdout, r.stdout


def test_tracked_changes_read_as_word_shows_the_result(initialised: Path, tmp_path: Path) -> None:
    """A register with changes tracked: deleted text is not read (as before); text moved away (``w:moveFrom``)
    was read where it had been as well as where it went, so a touchpoint was named «Телефон горячей линии ЕПГУ»."""
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    doc = docx.Document()
    table = doc.add_table(rows=3, cols=3)
    for tr, texts in zip(
        table.rows,
        [["Процесс", "Точка взаимодействия", "Потребности"], ["Выдача справки", "", "консультирование"], ["", "", ""]],
        strict=True,
    ):
        for cell, text in zip(tr.cells, texts, strict=True):
            cell.text = text
    p = table.cell(1, 1).paragraphs[0]._p
    p.append(parse_xml(f'<w:del {w} w:id="1" w:author="a"><w:r><w:delText>Старый сайт </w:delText></w:r></w:del>'))
    p.append(
        parse_xml(f'<w:moveFrom {w} w:id="2" w:author="a"><w:r><w:t>Телефон горячей линии </w:t></w:r></w:moveFrom>')
    )
    p.append(parse_xml(f'<w:ins {w} w:id="3" w:author="a"><w:r><w:t>ЕПГУ</w:t></w:r></w:ins>'))
    book = tmp_path / "tracked.docx"
    doc.save(str(book))
    r = run_cli("import", "docx", str(book), "--dry-run", cwd=initialised)
    assert r.code == 0, r.stdout + r.stderr
    assert "Таблица 1!2: «ЕПГУ» →" in r.stdout, r.stdout


def test_a_sheet_naming_two_directions_gives_none(initialised: Path, tmp_path: Path) -> None:
    """«Услуги, контроль» names two directions: its rows take `--direction`, not the first stem found (control)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for sheet, process in (("Функции", "Надзор за учреждениями"), ("Услуги, контроль", "Выдача справки")):
        ws = wb.create_sheet(sheet)
        for row in (HEADER, [1, process, "Официальный сайт", "информирование"]):
            ws.append(row)
    book = tmp_path / "two.xlsx"
    wb.save(book)
    r = run_cli("import", "xlsx", str(book), "--direction", "services", cwd=initialised)
    assert r.code == 0, r.stdout + r.stderr
    assert _data(initialised, "processes/vydacha-spravki.yaml")["direction"] == "services"
    assert _data(initialised, "processes/nadzor-za-uchrezhdeniyami.yaml")["direction"] == "functions"


def test_numbered_direction_headings_in_the_published_layout(initialised: Path, tmp_path: Path) -> None:
    """The published 4-column layout with «I. | Предоставление государственных услуг» (the rest of the row merged):
    the number made the heading a data row, a touchpoint named after the direction."""
    import docx

    doc = docx.Document()
    rows = [
        ["№", "Точки контакта с клиентом", "Порядок взаимодействия с клиентом", "Особенности"],
        ["I.", "Предоставление государственных услуг", "", ""],
        ["1", "ЕПГУ", "подача заявления", "цифровая точка"],
        ["II.", "Рассмотрение обращений граждан", "", ""],
        ["2", "Приемная", "прием обращений; выдача ответа", "оффлайн точка"],
    ]
    table = doc.add_table(rows=len(rows), cols=4)
    for tr, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(tr.cells, texts, strict=True):
            cell.text = text
    table.cell(1, 1).merge(table.cell(1, 3))
    table.cell(3, 1).merge(table.cell(3, 3))
    book = tmp_path / "roman.docx"
    doc.save(str(book))
    r = run_cli("import", "docx", str(book), cwd=initialised)
    assert r.code == 0, r.stdout + r.stderr
    assert "записано 2, объединено 0, служебных 3, не понято 0" in r.stderr
    appeals = _data(initialised, "processes/rassmotrenie-obrashcheniy-grazhdan.yaml")
    assert appeals["direction"] == "appeals"


def test_a_service_title_in_a_table_without_a_process_column_is_a_process(initialised: Path, tmp_path: Path) -> None:
    """«№ | Точка взаимодействия | Потребности» with «1. | Выдача архивной справки» across the row: 0.2.0 made the
    service a process «for the whole direction» (``scope: direction``, its description saying so, TP117) and
    reported its title as a heading naming no direction. A title that names no direction is the process of the rows
    below; one that names a direction stays the direction's."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Услуги"
    for row in (
        ["№ п/п", "Точка взаимодействия", "Форма", "Потребности"],
        ["Предоставление государственных услуг", None, None, None],
        ["1.", "Выдача архивной справки", None, None],
        ["1.1", "ЕПГУ", "цифровая", "подача заявления; получение результата"],
        ["1.2", "Читальный зал", "оффлайн", "прием заявлений; выдача результатов"],
    ):
        ws.append(row)
    ws.merge_cells("A2:D2")
    ws.merge_cells("B3:D3")
    book = tmp_path / "services.xlsx"
    wb.save(book)
    r = run_cli("import", "xlsx", str(book), cwd=initialised)
    assert r.code == 0, r.stdout + r.stderr
    assert "не понято 0" in r.stderr and "прочитан как наименование процесса" in r.stderr, r.stderr
    assert [p.name for p in (initialised / "processes").glob("*.yaml")] == ["vydacha-arkhivnoy-spravki.yaml"]
    process = _data(initialised, "processes/vydacha-arkhivnoy-spravki.yaml")
    assert (process["direction"], process.get("scope"), process.get("description")) == ("services", None, None)
    assert [e["touchpoint"] for e in process["touchpoints"]] == ["epgu", "reception"]
