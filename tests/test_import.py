"""tpkit import xlsx: a register kept in Excel becomes YAML; export -> import -> export is stable."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLE, codes, lint_json, run_cli, write

from tpkit.author.importer import guess_channel, match_header, norm, slug
from tpkit.registry.yaml import parse


def _content(path: Path) -> list[tuple[str, list[list[object]]]]:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    return [(ws.title, [list(r) for r in ws.iter_rows(values_only=True)]) for ws in wb.worksheets]


def _export(root: Path, out: Path) -> None:
    r = run_cli("render", "register", "--format", "xlsx", "--output", str(out), cwd=root)
    assert r.code == 0, r.stdout + r.stderr


@pytest.fixture
def example(tmp_path: Path) -> Path:
    if not (EXAMPLE / "tpkit.yaml").is_file():
        pytest.skip("examples/registry is not there")
    dst = tmp_path / "example"
    shutil.copytree(EXAMPLE, dst)
    return dst


def test_round_trip_into_a_registry_without_touchpoints_and_processes(example: Path, tmp_path: Path) -> None:
    first = tmp_path / "first.xlsx"
    _export(example, first)
    shutil.rmtree(example / "processes")
    shutil.rmtree(example / "procedures")
    (example / "touchpoints.yaml").unlink()
    r = run_cli("import", "xlsx", str(first), cwd=example)
    assert r.code == 0, r.stdout + r.stderr
    assert "не сопоставлено: 0" in r.stderr
    second = tmp_path / "second.xlsx"
    _export(example, second)
    assert _content(second) == _content(first)
    assert not [c for c in codes(lint_json(example)) if c.startswith("TP0")]


def test_round_trip_in_place_keeps_ids_and_everything_else(example: Path, tmp_path: Path) -> None:
    first = tmp_path / "first.xlsx"
    _export(example, first)
    before = {p.name: parse(p.read_text(encoding="utf-8")).data for p in (example / "processes").glob("*.yaml")}
    catalogue = (example / "touchpoints.yaml").read_bytes()
    r = run_cli("import", "xlsx", str(first), "--force", cwd=example)
    assert r.code == 0, r.stdout + r.stderr
    after = {p.name: parse(p.read_text(encoding="utf-8")).data for p in (example / "processes").glob("*.yaml")}
    assert sorted(after) == sorted(before)
    for name, data in before.items():
        # what the table does not show stays; the ids of touchpoints are the catalogue's
        for key in ("id", "title", "direction", "units", "basis", "partners", "notifications"):
            assert after[name].get(key) == data.get(key), (name, key)
        assert [e["touchpoint"] for e in after[name]["touchpoints"]] == [e["touchpoint"] for e in data["touchpoints"]]
        assert [e["needs"] for e in after[name]["touchpoints"]] == [e["needs"] for e in data["touchpoints"]]
    assert (example / "touchpoints.yaml").read_bytes() == catalogue  # nothing new: the catalogue is not touched
    second = tmp_path / "second.xlsx"
    _export(example, second)
    assert _content(second) == _content(first)


def test_import_refuses_to_overwrite_without_force(example: Path, tmp_path: Path) -> None:
    book = tmp_path / "r.xlsx"
    _export(example, book)
    snapshot = {p: p.read_bytes() for p in (example / "processes").glob("*.yaml")}
    r = run_cli("import", "xlsx", str(book), cwd=example)
    assert r.code == 2 and "--force" in r.stderr and "Traceback" not in r.stderr
    assert {p: p.read_bytes() for p in (example / "processes").glob("*.yaml")} == snapshot


def _hand_made(path: Path) -> None:
    """A register as an agency keeps it: a title row, its own header words, merged process cells."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Услуги (сервисы)"
    ws.append(["Перечень точек взаимодействия министерства"])
    ws.append(
        [
            "№ п/п",
            "Наименование процесса",
            "Точка взаимодействия",
            "Форма точки",
            "Удовлетворяемые потребности клиента",
            "Основание",
            "Особенности",
            "Ответственное должностное лицо",
            "Востребованность (обращений в год)",
        ]
    )
    ws.append(
        [
            1,
            "Выдача справки о составе семьи",
            "Официальный сайт министерства",
            "цифровая",
            "получение информации; получение форм документов",
            "",
            "",
            "Петрова Мария Ивановна",
            "1 200",
        ]
    )
    ws.append(
        [
            2,
            None,
            "Приемная министерства",
            "оффлайн",
            "получение консультации; предоставление заявления, обращения, запроса, документов; "
            "получение результата, ответа, разъяснения; телепатия",
            "Административный регламент неизвестный",
            "Сверка оригиналов",
            "Сидоров",
            "маловостребована",
        ]
    )
    ws.append([3, "Выдача справки о составе семьи", "Чат-бот в Telegram", "цифровая", "инф, конс", "", "", "", ""])
    ws.append([4, "Выдача справки о составе семьи", None, None, "получение информации", None, None, None, None])
    wb.save(path)


def test_import_reads_a_hand_made_register_loosely(base: Path, tmp_path: Path) -> None:
    book = tmp_path / "hand.xlsx"
    _hand_made(book)
    r = run_cli("import", "xlsx", str(book), cwd=base)
    assert r.code == 0, r.stdout + r.stderr
    proc = parse((base / "processes" / "vydacha-spravki-o-sostave-semi.yaml").read_text(encoding="utf-8")).data
    assert proc["direction"] == "services"
    entries = {e["touchpoint"]: e for e in proc["touchpoints"]}
    assert entries["site"]["needs"] == ["info", "forms"]
    assert entries["site"]["demand"] == 1200
    assert entries["reception"]["needs"] == ["consultation", "submit", "result"]
    assert entries["reception"]["demand"] == "low"
    # a needs item that names no need is kept in notes, never dropped (issue 20 item 3)
    assert entries["reception"]["notes"] == "телепатия; Сверка оригиналов"
    new_tp = next(t for t in proc["touchpoints"] if t["touchpoint"] not in ("site", "reception"))
    assert new_tp["needs"] == ["info", "consultation"]
    catalogue = parse((base / "touchpoints.yaml").read_text(encoding="utf-8")).data["touchpoints"]
    added = next(t for t in catalogue if t["id"] == new_tp["touchpoint"])
    assert added["channel"] == "chatbot"
    # the report names each row and cell it could not map
    assert "телепатия" in r.stderr
    assert "Административный регламент неизвестный" in r.stderr
    assert "Сидоров" in r.stderr
    assert "нет точки взаимодействия" in r.stderr
    assert "!4" in r.stderr and "!6" in r.stderr  # sheet!row of the rows concerned
    assert not [c for c in codes(lint_json(base)) if c.startswith("TP0")]


def test_import_keeps_the_catalogue_comments(base: Path, tmp_path: Path) -> None:
    write(base, "touchpoints.yaml", "# мой каталог\n" + (base / "touchpoints.yaml").read_text(encoding="utf-8"))
    book = tmp_path / "hand.xlsx"
    _hand_made(book)
    assert run_cli("import", "xlsx", str(book), cwd=base).code == 0
    assert (base / "touchpoints.yaml").read_text(encoding="utf-8").startswith("# мой каталог\n")


def test_import_of_a_file_that_is_not_a_workbook_is_a_usage_error(base: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_text("это не Excel", encoding="utf-8")
    r = run_cli("import", "xlsx", str(bad), cwd=base)
    assert r.code == 2 and "Traceback" not in r.stderr and r.stderr.count("\n") == 1
    assert run_cli("import", "xlsx", str(tmp_path / "missing.xlsx"), cwd=base).code == 2


def test_header_matching_is_loose() -> None:
    found = match_header(
        [
            "№",
            "ПРОЦЕСС",
            "Точка  взаимодействия",
            "форма",
            "Удовлетворяемые потребности",
            "Основание:",
            "особенности",
            "Ответственный",
            "Востребованность",
        ]
    )
    assert found == {
        "n": 0,
        "process": 1,
        "touchpoint": 2,
        "form": 3,
        "needs": 4,
        "basis": 5,
        "features": 6,
        "responsible": 7,
        "demand": 8,
    }


def test_norm_slug_and_channel_guess() -> None:
    assert norm("  «Ёлка»:  Приемная ") == "елка приемная"
    assert slug("Назначение ежемесячной выплаты на ребенка") == "naznachenie-ezhemesyachnoy-vyplaty"
    assert guess_channel("Единый портал государственных услуг (ЕПГУ)", "digital") == "portal"
    assert guess_channel("МФЦ «Мои документы»", "offline") == "one_stop_center"
    assert guess_channel("Что-то непонятное", "offline") == "other_offline"


def test_reimport_keeps_comments_outside_the_touchpoints(example: Path, tmp_path: Path) -> None:
    book = tmp_path / "r.xlsx"
    _export(example, book)
    path = next(iter(sorted((example / "processes").glob("*.yaml"))))
    text = path.read_text(encoding="utf-8")
    marked = text.replace("\ntitle:", "\n# комментарий перед title\ntitle:", 1)
    assert marked != text
    path.write_text(marked, encoding="utf-8")
    assert run_cli("import", "xlsx", str(book), "--force", cwd=example).code == 0
    assert "# комментарий перед title\ntitle:" in path.read_text(encoding="utf-8")


def test_a_word_register_tpkit_rendered_imports_back(example: Path, tmp_path: Path) -> None:
    """The register's Word table (merged process cells, no-break hyphens in «№ 12-од») reads back row by row."""
    doc = tmp_path / "register.docx"
    r = run_cli("render", "register", "--output", str(doc), cwd=example)
    assert r.code == 0, r.stderr
    assert b"noBreakHyphen" in zipfile.ZipFile(doc).read("word/document.xml")
    shutil.rmtree(example / "processes")
    shutil.rmtree(example / "procedures")
    (example / "touchpoints.yaml").unlink()
    r = run_cli("import", "docx", str(doc), cwd=example)
    assert r.code == 0, r.stdout + r.stderr
    assert (
        "записано 30," in r.stderr and "не понято 0" in r.stderr and "не сопоставлено: 0" in r.stderr
    )  # every act found: «№ 12-од», not «12од»


def test_a_word_register_tpkit_rendered_gives_back_each_process_its_direction(example: Path, tmp_path: Path) -> None:
    """tpkit's Word register names each direction in a heading above its table («2. Выполнение функций»), not in a
    row: 0.2.0 read every process of it into services."""
    doc = tmp_path / "register.docx"
    assert run_cli("render", "register", "--output", str(doc), cwd=example).code == 0
    first = tmp_path / "first.xlsx"
    _export(example, first)
    before = {
        (d["title"], d["direction"])
        for d in (parse(p.read_text(encoding="utf-8")).data for p in (example / "processes").glob("*.yaml"))
    }
    shutil.rmtree(example / "processes")
    shutil.rmtree(example / "procedures")
    (example / "touchpoints.yaml").unlink()
    r = run_cli("import", "docx", str(doc), cwd=example)
    assert r.code == 0, r.stdout + r.stderr
    after = {
        (d["title"], d["direction"])
        for d in (parse(p.read_text(encoding="utf-8")).data for p in (example / "processes").glob("*.yaml"))
    }
    assert after == before
    second = tmp_path / "second.xlsx"
    _export(example, second)

    def table(path: Path) -> list[tuple[str, list[list[object]]]]:
        return [(sheet, [row[:-1] for row in rows]) for sheet, rows in _content(path)]  # a document has no ids

    assert table(second) == table(first)
