"""tpkit import on hostile and careless files (issue 14 item 3): bounded, refused in one line, nothing written."""

from __future__ import annotations

import re
import shutil
import unicodedata
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLE, run_cli
from import_books import per_service_docx

from tpkit.author.importer import limits
from tpkit.registry.yaml import parse


def _snapshot(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _refused(root: Path, kind: str, book: Path, *words: str) -> None:
    before = _snapshot(root)
    r = run_cli("import", kind, str(book), cwd=root)
    assert r.code == 2, r.stdout + r.stderr
    assert "\n" not in r.stderr.strip() and "Traceback" not in r.stderr, r.stderr
    for w in words:
        assert w in r.stderr, r.stderr
    assert _snapshot(root) == before


def _sheet(path: Path, rows: list[list[object]]) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Услуги (сервисы)"
    ws.append(["№", "Процесс", "Точка взаимодействия", "Форма", "Удовлетворяемые потребности"])
    for row in rows:
        ws.append(row)
    wb.save(path)


def _rezip(src: Path, dst: Path, part: str, data: bytes) -> None:
    """A copy of the zip ``src`` with ``part`` replaced by ``data``."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, data if info.filename == part else zin.read(info.filename))


def test_a_cell_longer_than_excel_allows_is_refused(base: Path, tmp_path: Path) -> None:
    # openpyxl writes at most 32,767 characters a cell: the hostile part is written by hand
    made = tmp_path / "made.xlsx"
    _sheet(made, [[1, "Выдача справки", "Приемная министерства", "оффлайн", "x" * 100]])
    sheet = zipfile.ZipFile(made).read("xl/worksheets/sheet1.xml")
    assert b"x" * 100 in sheet
    book = tmp_path / "long.xlsx"
    _rezip(made, book, "xl/worksheets/sheet1.xml", sheet.replace(b"x" * 100, b"x" * (limits.MAX_CELL_CHARS + 1)))
    _refused(base, "xlsx", book, "32767", "!2")


def test_a_zip_bomb_workbook_is_refused_before_it_is_opened(base: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.xlsx"
    _sheet(good, [[1, "Выдача справки", "Приемная министерства", "оффлайн", "получение информации"]])
    bomb = tmp_path / "bomb.xlsx"
    sheet = zipfile.ZipFile(good).read("xl/worksheets/sheet1.xml")
    _rezip(good, bomb, "xl/worksheets/sheet1.xml", sheet.replace(b"<sheetData>", b"<sheetData>" + b" " * (8 << 20)))
    assert bomb.stat().st_size < 200_000
    _refused(base, "xlsx", bomb, "zip", "xl/worksheets/sheet1.xml")


def test_a_part_and_a_workbook_over_the_size_limits_are_refused(
    base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = tmp_path / "big.xlsx"
    _sheet(book, [[i, "Выдача справки", f"Точка {i}", "цифровая", "получение информации"] for i in range(200)])
    monkeypatch.setattr(limits, "MAX_PART_BYTES", 4096)
    _refused(base, "xlsx", book, "zip part over the import limit")
    monkeypatch.setattr(limits, "MAX_PART_BYTES", 48 * limits.MB)
    monkeypatch.setattr(limits, "MAX_TOTAL_BYTES", 8192)
    _refused(base, "xlsx", book, "unpacked size over the import limit")


def test_too_many_rows_are_refused_and_nothing_is_written(
    base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = tmp_path / "rows.xlsx"
    _sheet(book, [[i, f"Процесс {i}", "Приемная министерства", "оффлайн", "получение информации"] for i in range(60)])
    monkeypatch.setattr(limits, "MAX_ROWS", 50)
    _refused(base, "xlsx", book, "50")
    assert not list((base / "processes").glob("protsess-*"))


def test_a_word_zip_bomb_and_a_long_word_cell_are_refused(base: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.docx"
    per_service_docx(good)
    bomb = tmp_path / "bomb.docx"
    body = zipfile.ZipFile(good).read("word/document.xml")
    _rezip(good, bomb, "word/document.xml", body.replace(b"<w:body>", b"<w:body>" + b" " * (8 << 20)))
    _refused(base, "docx", bomb, "word/document.xml")
    import docx

    doc = docx.Document()
    table = doc.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Услуга", "Точка взаимодействия", "Виды взаимодействия"], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["Выдача", "ЕПГУ", "y" * 40_000], strict=True):
        cell.text = text
    long = tmp_path / "long.docx"
    doc.save(str(long))
    _refused(base, "docx", long, "32767")


def test_a_file_that_is_not_a_zip_is_a_one_line_error(base: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really")
    r = run_cli("import", "docx", str(bad), cwd=base)
    assert r.code == 2 and "\n" not in r.stderr.strip() and "Traceback" not in r.stderr


@pytest.mark.parametrize(
    ("kind", "ru", "en"), [("xlsx", "книгу Excel", "Excel workbook"), ("docx", "документ Word", "Word document")]
)
def test_a_file_that_is_not_a_zip_is_named_in_each_language_once(
    base: Path, tmp_path: Path, kind: str, ru: str, en: str
) -> None:
    # 0.3 review: «не удалось открыть как книгу Excel (.xlsx) / workbook / not a книгу Excel (.xlsx) / workbook file»
    bad = tmp_path / f"notes.{kind}"
    bad.write_text("id: agency\n", encoding="utf-8")
    r = run_cli("import", kind, str(bad), cwd=base)
    ru_part, en_part = r.stderr.strip().split(" / ")
    assert r.code == 2 and ru in ru_part and en in en_part, r.stderr
    assert not re.search("[а-яё]", en_part) and en not in ru_part


def test_a_workbook_in_nfd_imports_as_in_nfc(base: Path, tmp_path: Path) -> None:
    nfd = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731
    book = tmp_path / "nfd.xlsx"
    _sheet(
        book,
        [
            [
                1,
                nfd("Выдача справки о составе семьи"),
                nfd("Официальный сайт министерства"),
                "цифровая",
                nfd("получение информации"),
            ],
            [
                2,
                "Выдача справки о составе семьи",
                "Официальный сайт министерства",
                "цифровая",
                "получение форм документов",
            ],
            [
                3,
                nfd("Выдача справки о составе семьи"),
                nfd("Приёмная министерства"),
                nfd("оффлайн"),
                nfd("подача заявления"),
            ],
        ],
    )
    assert nfd("й") != "й"
    r = run_cli("import", "xlsx", str(book), cwd=base)
    assert r.code == 0, r.stdout + r.stderr
    assert "не сопоставлено: 0" in r.stderr
    files = sorted(p.name for p in (base / "processes").glob("vydacha-*"))
    assert files == ["vydacha-spravki-o-sostave-semi.yaml"]
    text = (base / "processes" / files[0]).read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)
    proc = parse(text).data
    assert {e["touchpoint"]: e["needs"] for e in proc["touchpoints"]} == {
        "site": ["info", "forms"],
        "reception": ["submit"],
    }


def test_force_keeps_the_comments_on_touchpoint_entries(tmp_path: Path) -> None:
    if not (EXAMPLE / "tpkit.yaml").is_file():
        pytest.skip("examples/registry is not there")
    root = tmp_path / "example"
    shutil.copytree(EXAMPLE, root)
    book = tmp_path / "r.xlsx"
    assert run_cli("render", "register", "--format", "xlsx", "--output", str(book), cwd=root).code == 0
    path = next(p for p in sorted((root / "processes").glob("*.yaml")) if "  - touchpoint: " in p.read_text("utf-8"))
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = [i for i, ln in enumerate(lines) if ln.startswith("  - touchpoint: ")]
    lines[at[0]] = lines[at[0]].rstrip("\n") + "  # первая точка: проверено\n"
    lines.insert(at[-1], "  # комментарий перед последней точкой\n")
    path.write_text("".join(lines), encoding="utf-8")
    marked = path.read_text(encoding="utf-8")
    r = run_cli("import", "xlsx", str(book), "--force", cwd=root)
    assert r.code == 0, r.stdout + r.stderr
    after = path.read_text(encoding="utf-8")
    assert "# первая точка: проверено" in after
    assert "  # комментарий перед последней точкой\n" in after
    assert after == marked


def test_a_failure_while_staging_leaves_the_registry_as_it_was(
    base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tpkit import util
    from tpkit.author.importer import write

    real = util.stage_bytes
    calls: list[Path] = []

    def failing(path: Path, data: bytes) -> Path:
        calls.append(path)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(path, data)

    monkeypatch.setattr(util, "stage_bytes", failing)
    before = _snapshot(base)
    with pytest.raises(OSError):
        write.commit_files(base, {"processes/a.yaml": "a", "processes/b.yaml": "b", "touchpoints.yaml": "c"})
    assert _snapshot(base) == before  # no file moved in, no temporary file left
    assert len(calls) == 3
