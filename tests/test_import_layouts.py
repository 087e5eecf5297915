"""tpkit import docx|xlsx: registers in the layouts agencies publish (issue 20), the plan, the id column (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import codes, lint_json, run_cli
from import_books import other_order_xlsx, per_direction_docx, per_service_docx

from tpkit.registry.yaml import parse


@pytest.fixture
def initialised(tmp_path: Path) -> Path:
    root = tmp_path / "reg"
    r = run_cli("init", str(root))
    assert r.code == 0, r.stdout + r.stderr
    return root


def _data(root: Path, rel: str) -> dict:
    return parse((root / rel).read_text(encoding="utf-8")).data


def _catalogue(root: Path) -> dict[str, dict]:
    return {t["id"]: t for t in _data(root, "touchpoints.yaml")["touchpoints"]}


def _import(root: Path, kind: str, book: Path, *extra: str) -> str:
    r = run_cli("import", kind, str(book), *extra, cwd=root)
    assert r.code == 0, r.stdout + r.stderr
    return r.stdout + r.stderr


#: what a fresh registry asks of the agency itself (its placeholders, TP009, and the approvals): not the import's
FRESH = ("--ignore", "TP009,TP203,TP311")


def _findings(root: Path) -> set[tuple[str, str]]:
    report = lint_json(root, *FRESH)
    assert not [c for c in codes(report) if c.startswith("TP0")]
    return {(f["rule"], f["path"]) for f in report["findings"]}


def test_per_direction_word_table_makes_a_process_per_direction(initialised: Path, tmp_path: Path) -> None:
    book = tmp_path / "order.docx"
    per_direction_docx(book)
    out = _import(initialised, "docx", book)
    services = _data(initialised, "processes/predostavlenie-gosudarstvennykh-uslug.yaml")
    appeals = _data(initialised, "processes/rassmotrenie-obrashcheniy-grazhdan.yaml")
    assert (services["direction"], services["scope"]) == ("services", "direction")
    assert (appeals["direction"], appeals["scope"]) == ("appeals", "direction")
    assert "для всего направления" in services["description"]
    entries = {e["touchpoint"]: e for e in services["touchpoints"]}
    # «ЕПГУ» is the init's sample ЕПГУ, not a second one; the site is new, shared by both directions
    assert entries["epgu"]["needs"] == ["submit", "status", "result"]
    assert entries["website"]["needs"] == ["info", "forms"]
    reception = next(t for t in entries if t.startswith("reception-"))
    assert entries[reception]["needs"] == ["consultation", "submit", "result"]
    assert entries[reception]["notes"] == "запись к психологу"  # not understood, kept, never dropped
    assert {e["touchpoint"]: e["needs"] for e in appeals["touchpoints"]} == {
        "website": ["submit", "result"],
        "pos": ["submit", "feedback"],
    }
    catalogue = _catalogue(initialised)
    assert [t for t in catalogue if t.startswith("epgu")] == ["epgu"]
    assert catalogue["website"]["channel"] == "website"
    assert catalogue[reception]["accessibility"] == ["пандус", "кнопка вызова"]
    assert catalogue["pos"]["channel"] == "portal"
    assert "Прочая деятельность департамента" in out  # a heading that names no direction is reported
    # no responsible and no basis in the order's table; the services listed for the whole direction (TP117)
    found = _findings(initialised)
    for expected in [
        ("TP117", "processes/predostavlenie-gosudarstvennykh-uslug.yaml"),
        ("TP106", "touchpoints.yaml"),  # once per catalogue entry, naming the processes (issue 25)
        ("TP201", "touchpoints.yaml"),
    ]:
        assert expected in found
    assert ("TP117", "processes/rassmotrenie-obrashcheniy-grazhdan.yaml") not in found  # appeals may be uniform


def test_per_service_word_table_merges_the_stages_of_one_touchpoint(initialised: Path, tmp_path: Path) -> None:
    book = tmp_path / "stages.docx"
    per_service_docx(book)
    _import(initialised, "docx", book)
    proc = _data(initialised, "processes/vydacha-udostovereniya-mnogodetnoy-semi.yaml")
    assert proc["direction"] == "services" and "scope" not in proc
    assert {e["touchpoint"]: e["needs"] for e in proc["touchpoints"]} == {
        "epgu": ["submit", "status", "result"],
        "mfc": ["submit", "result"],
        "phone": ["consultation"],
    }
    catalogue = _catalogue(initialised)
    assert [t for t in catalogue if t.startswith(("epgu", "mfc"))] == ["epgu", "mfc"]
    assert catalogue["phone"]["channel"] == "phone"
    found = _findings(initialised)
    assert ("TP106", "touchpoints.yaml") in found  # the phone has no basis
    assert ("TP201", "touchpoints.yaml") in found  # nor a responsible


def test_excel_sheet_with_a_title_and_columns_in_another_order(initialised: Path, tmp_path: Path) -> None:
    book = tmp_path / "other.xlsx"
    other_order_xlsx(book)
    _import(initialised, "xlsx", book)
    health = _data(initialised, "processes/vyplata-na-ozdorovlenie.yaml")
    travel = _data(initialised, "processes/kompensatsiya-proezda.yaml")
    assert health["direction"] == travel["direction"] == "support"  # from the heading row under the header
    assert {e["touchpoint"]: e["needs"] for e in health["touchpoints"]} == {
        "site": ["info"],
        "epgu": ["submit", "result"],
    }
    assert [e["touchpoint"] for e in travel["touchpoints"]] == ["call-center"]
    found = _findings(initialised)
    assert ("TP201", "touchpoints.yaml") in found
    assert ("TP110", "processes/vyplata-na-ozdorovlenie.yaml") in found  # no feedback touchpoint


def test_the_id_column_gives_the_process_id(initialised: Path, tmp_path: Path) -> None:
    book = tmp_path / "ids.xlsx"
    other_order_xlsx(book, with_ids=True)
    _import(initialised, "xlsx", book)
    assert _data(initialised, "processes/health-payment.yaml")["title"] == "Выплата на оздоровление"
    assert _data(initialised, "processes/travel-refund.yaml")["title"] == "Компенсация проезда"
    assert not (initialised / "processes" / "vyplata-na-ozdorovlenie.yaml").exists()


def test_the_id_column_finds_a_renamed_process(initialised: Path, tmp_path: Path) -> None:
    book = tmp_path / "ids.xlsx"
    other_order_xlsx(book, with_ids=True)
    _import(initialised, "xlsx", book)
    from openpyxl import load_workbook

    wb = load_workbook(book)
    wb.active["E5"] = "Выплата на оздоровление детей"
    wb.save(book)
    _import(initialised, "xlsx", book, "--force")
    assert not list((initialised / "processes").glob("vyplata*"))
    assert [e["touchpoint"] for e in _data(initialised, "processes/health-payment.yaml")["touchpoints"]] == [
        "site",
        "epgu",
    ]


def test_dry_run_prints_the_plan_and_writes_nothing(initialised: Path, tmp_path: Path) -> None:
    book = tmp_path / "order.docx"
    per_direction_docx(book)
    before = {p: p.read_bytes() for p in initialised.rglob("*") if p.is_file()}
    report = tmp_path / "plan.md"
    r = run_cli("import", "docx", str(book), "--dry-run", "--report", str(report), cwd=initialised)
    assert r.code == 0, r.stdout + r.stderr
    assert {p: p.read_bytes() for p in initialised.rglob("*") if p.is_file()} == before
    plan = r.stdout
    assert plan == report.read_text(encoding="utf-8")
    assert plan.startswith("# План импорта: order.docx\n")
    assert "Ничего не записано (--dry-run)" in plan
    assert "- создать `processes/predostavlenie-gosudarstvennykh-uslug.yaml`" in plan
    assert "scope: direction" in plan
    assert "«ЕПГУ» → `predostavlenie-gosudarstvennykh-uslug` / `epgu` (точка каталога)" in plan
    assert "## Не понято" in plan and "запись к психологу" in plan


def test_report_is_written_with_the_import(initialised: Path, tmp_path: Path) -> None:
    book = tmp_path / "stages.docx"
    per_service_docx(book)
    report = tmp_path / "plan.md"
    _import(initialised, "docx", book, "--report", str(report))
    text = report.read_text(encoding="utf-8")
    assert "объединена со строкой Таблица 1!2" in text and "Ничего не записано" not in text
    assert (initialised / "processes" / "vydacha-udostovereniya-mnogodetnoy-semi.yaml").is_file()


def test_init_empty_is_the_start_for_an_import(tmp_path: Path) -> None:
    root = tmp_path / "empty"
    assert run_cli("init", "--empty", str(root)).code == 0
    assert not (root / "processes").exists() and not (root / "procedures").exists()
    assert _data(root, "touchpoints.yaml") == {"touchpoints": []}
    assert _data(root, "acts.yaml") == {"acts": []}
    assert (root / "touchpoints.yaml").read_text(encoding="utf-8").startswith("#")
    assert set(codes(lint_json(root))) == {"TP009", "TP203"}  # the agency's own data: placeholders, approval
    assert lint_json(root, *FRESH)["findings"] == []
    book = tmp_path / "stages.docx"
    per_service_docx(book)
    _import(root, "docx", book)
    assert sorted(_catalogue(root)) == ["epgu", "mfc", "phone"]
    assert not [c for c in codes(lint_json(root, *FRESH)) if c.startswith("TP0")]


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("- информирование о порядке предоставления услуги", ["info"]),
        ("Подача заявления в электронной форме", ["submit"]),
        ("информирование о ходе рассмотрения заявления", ["status"]),
        ("ПОЛУЧЕНИЕ РЕЗУЛЬТАТА", ["result"]),
        ("получение бланков заявлений", ["forms"]),
        ("осмотр объекта", ["inspection"]),
        ("оценка качества; ответ на отзыв", ["feedback", "feedback_result"]),
        ("консультирование граждан", ["consultation"]),
    ],
)
def test_needs_from_free_text(text: str, needs: list[str]) -> None:
    from tpkit.author.importer.needs import split_items
    from tpkit.registry.synonyms import needs_in

    assert [n for item in split_items(text) for n in needs_in(item)] == needs


def test_a_heading_above_a_word_table_gives_its_direction(initialised: Path, tmp_path: Path) -> None:
    """A register in Word as an order's appendix: a numbered heading paragraph above each table names its direction
    (a caption may stand between); the document's long title naming the agency «… социальной поддержки» does not."""
    import docx

    doc = docx.Document()
    doc.add_paragraph("Перечень точек взаимодействия с клиентом Министерства труда и социальной поддержки населения")
    for heading, process, touchpoint in (
        (None, "Выдача справки о составе семьи", "Официальный сайт"),
        ("2. Рассмотрение обращений граждан", "Обращения граждан", "Приемная министерства"),
        ("Раздел 3. Осуществление контроля (надзора)", "Надзор за учреждениями", "Электронная почта"),
        ("Перечень услуг и функций", "Выдача копий", "Почта России"),  # names two: no direction of its own
    ):
        if heading:
            doc.add_paragraph(heading)
            doc.add_paragraph("Таблица")
        table = doc.add_table(rows=2, cols=3)
        for cell, text in zip(table.rows[0].cells, ["Процесс", "Точка взаимодействия", "Потребности"], strict=True):
            cell.text = text
        for cell, text in zip(table.rows[1].cells, [process, touchpoint, "консультирование"], strict=True):
            cell.text = text
    book = tmp_path / "headings.docx"
    doc.save(str(book))
    _import(initialised, "docx", book)
    directions = {
        d["title"]: d["direction"]
        for d in (_data(initialised, f"processes/{p.name}") for p in (initialised / "processes").glob("*.yaml"))
    }
    assert {
        k: v
        for k, v in directions.items()
        if k in ("Выдача справки о составе семьи", "Обращения граждан", "Надзор за учреждениями", "Выдача копий")
    } == {
        "Выдача справки о составе семьи": "services",
        "Обращения граждан": "appeals",
        "Надзор за учреждениями": "control",
        "Выдача копий": "services",
    }
