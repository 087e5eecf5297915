"""Documents a director signs without sending them back (issue 26): the register table fit to print, draft marks,
registration numbers that never break, fonts with the widths of Times New Roman.

The table's properties are read in the DOCX XML; what LibreOffice makes of them is read with pdftotext and
pdffonts, from one LibreOffice start for every PDF of this file (skipped, saying why, where soffice or poppler is
absent). Every reproduction of the issue is a test here that fails on 0.2.0.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import EXAMPLE, edit, run_cli
from lxml import etree

from tpkit.config import load_config
from tpkit.registry import load_registry
from tpkit.render import office
from tpkit.render.api import render_procedure, render_register
from tpkit.render.docx_table import TableStyle, table_xml
from tpkit.render.register_columns import COLUMNS
from tpkit.render.view import Block

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: the size of the register's table text: 14 pt less three for a table of nine columns
TABLE_PT = 11
#: Times New Roman's digits are half an em wide; a cell's margins are 0.19 cm each side
DIGIT_MM = TABLE_PT * 0.3528 * 0.5
MARGINS_MM = 2 * 1.905
NEEDS_PDF = pytest.mark.skipif(
    office.find_soffice() is None or shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="LibreOffice (soffice) and poppler-utils (pdftotext, pdffonts) are not installed",
)


def _document(docx: bytes) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))


def _text(el: etree._Element) -> str:
    """A cell's or paragraph's text as a reader sees it: a no-break hyphen is a hyphen."""
    return "".join("-" if e.tag == f"{W}noBreakHyphen" else e.text or "" for e in el.iter(f"{W}t", f"{W}noBreakHyphen"))


def _paragraphs(docx: bytes) -> list[etree._Element]:
    return list(_document(docx).find(f"{W}body").iterchildren(f"{W}p"))


def _style(p: etree._Element) -> str:
    st = p.find(f"{W}pPr/{W}pStyle")
    return "" if st is None else str(st.get(f"{W}val"))


def _register(root: Path, fmt: str = "docx") -> bytes:
    return render_register(load_registry(root), load_config(root), None, fmt)


def _without_approval(root: Path) -> Path:
    text = (root / "agency.yaml").read_text(encoding="utf-8")
    (root / "agency.yaml").write_text(text[: text.index("  approval:")], encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def registries(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The worked example as it is, and a copy whose register has no approval (a draft)."""
    draft = tmp_path_factory.mktemp("draft") / "reg"
    shutil.copytree(EXAMPLE, draft)
    return {"example": EXAMPLE, "draft": _without_approval(draft)}


@pytest.fixture(scope="module")
def register_docx() -> bytes:
    return _register(EXAMPLE)


def _tables(docx: bytes) -> list[etree._Element]:
    return list(_document(docx).iter(f"{W}tbl"))


def _rows(tbl: etree._Element) -> list[etree._Element]:
    return list(tbl.iterchildren(f"{W}tr"))


# --- the register table in the DOCX ---------------------------------------------------------------


def test_the_number_column_fits_the_widest_number(register_docx: bytes) -> None:
    """0.2.0 gave «№» 5.8 mm: 10 and above wrapped as «1/0»."""
    for tbl in _tables(register_docx):
        width_mm = int(tbl.find(f"{W}tblGrid/{W}gridCol").get(f"{W}w")) / 56.7
        digits = max(len(_text(tr.find(f"{W}tc"))) for tr in _rows(tbl)[1:])
        assert width_mm >= max(digits, 2) * DIGIT_MM + MARGINS_MM, (digits, width_mm)
        assert width_mm < 12  # and takes no more than it needs from the other columns


def test_the_number_column_grows_with_the_register() -> None:
    def first_mm(rows: int) -> float:
        b = Block("table", headers=["№", "процесс"], rows=[[str(i), "x"] for i in range(1, rows + 1)], widths=[5, 95])
        b.number_column = True
        xml = etree.fromstring(table_xml(b, TableStyle(267, 170, 14, None, None, None)).replace(b"w:", b"w_"))
        return int(xml.find("w_tblGrid/w_gridCol").get("w_w")) / 56.7

    # 14 pt text in a two-column table: digits of 7 pt … 0.56 em wide
    assert first_mm(9) == first_mm(99) < first_mm(100) < first_mm(1_000) < first_mm(10_000)  # «№» is two digits wide
    assert first_mm(10_000) >= 5 * 14 * 0.3528 * 0.5 + MARGINS_MM


def test_rows_are_kept_whole_and_the_header_repeats(register_docx: bytes) -> None:
    """0.2.0 let every row taller than a quarter page split across pages."""
    for tbl in _tables(register_docx):
        head, *data = _rows(tbl)
        assert head.find(f"{W}trPr/{W}tblHeader") is not None and head.find(f"{W}trPr/{W}cantSplit") is not None
        for tr in data:
            assert tr.find(f"{W}trPr/{W}cantSplit") is not None, _text(tr)[:80]


def test_a_row_taller_than_a_page_may_continue_on_the_next(tmp_path: Path) -> None:
    root = tmp_path / "reg"
    shutil.copytree(EXAMPLE, root)
    long = "Сотрудник уточняет сведения о доходах семьи и сообщает заявителю, какие документы нужны. " * 60
    edit(root, "processes/child-benefit.yaml", "    demand: 9500\n", f"    demand: 9500\n    notes: {long}\n")
    rows = [tr for tbl in _tables(_register(root)) for tr in _rows(tbl)[1:]]
    tall = [tr for tr in rows if "уточняет сведения о доходах семьи" in _text(tr)]
    assert len(tall) == 1 and tall[0].find(f"{W}trPr/{W}cantSplit") is None  # Word would cut it off
    assert all(tr.find(f"{W}trPr/{W}cantSplit") is not None for tr in rows if tr is not tall[0])


def test_the_process_title_is_printed_once_per_process(register_docx: bytes) -> None:
    """0.2.0 repeated the title of a process on every row of it."""
    reg = load_registry(EXAMPLE)
    col = [c.key for c in COLUMNS].index("process")
    titles: list[str] = []
    for tbl in _tables(register_docx):
        for tr in _rows(tbl)[1:]:
            tc = list(tr.iterchildren(f"{W}tc"))[col]
            merge = tc.find(f"{W}tcPr/{W}vMerge")
            if merge is not None and merge.get(f"{W}val") != "restart":
                assert _text(tc) == ""  # a continuation of the merged cell above
            else:
                titles.append(_text(tc))
    # each process once, in the order of the register, though most have several rows
    assert sorted(titles) == sorted(p.title for p in reg.processes.values())
    assert sum(len(p.touchpoints) for p in reg.processes.values()) > len(titles)


def test_column_headers_start_with_a_capital_in_documents_only(register_docx: bytes) -> None:
    """0.2.0 printed «процесс», «точка взаимодействия»; the workbook and the CSV keep the labels an importer reads."""
    expected = ["№", "Процесс", "Точка взаимодействия", "Форма", "Удовлетворяемые потребности", "Основание"]
    for tbl in _tables(register_docx):
        head = [_text(tc) for tc in _rows(tbl)[0].iterchildren(f"{W}tc")]
        assert head[:6] == expected and head[-1] == "Востребованность"
    html = _register(EXAMPLE, "html").decode()
    assert "<th>Точка взаимодействия</th>" in html and "<th>точка взаимодействия</th>" not in html
    header = next(csv.reader(io.StringIO(_register(EXAMPLE, "csv").decode("utf-8-sig")), delimiter=";"))
    assert header[1:] == [c.ru for c in COLUMNS]


def test_registration_numbers_never_break_in_word_documents_only(register_docx: bytes) -> None:
    """0.2.0 let «№ 12-од» end a line with «12-»: in Word a no-break space and a no-break hyphen hold it together;
    the HTML, the CSV and the workbook keep plain characters."""
    xml = zipfile.ZipFile(io.BytesIO(register_docx)).read("word/document.xml").decode()
    assert "№\u00a012</w:t><w:noBreakHyphen/><w:t>од" in xml  # the basis column
    assert "№\u00a0112</w:t><w:noBreakHyphen/><w:t>од" in xml  # the stamp
    assert not re.search(r"№ ", xml) and not re.search(r"№\u00a0\d+-", xml)
    for fmt in ("html", "csv", "md"):
        text = _register(EXAMPLE, fmt).decode("utf-8-sig")
        assert "№ 12-од" in text and "\u2011" not in text and "№\u00a0" not in text, fmt
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(_register(EXAMPLE, "xlsx")))
    cells = [str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row if c]
    assert any("№ 12-од" in c for c in cells) and not any("\u2011" in c or "№\u00a0" in c for c in cells)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("от 01.02.2024 № 12-од", "от 01.02.2024 №\u00a012\u2011од"),
        ("Закон № 59-ФЗ.", "Закон №\u00a059\u2011ФЗ."),
        ("(№ 5-р); Чат-бот", "(№\u00a05\u2011р); Чат-бот"),  # hyphens outside a number stay breakable
        ("№12-од", "№12\u2011од"),  # no space is added where there was none
        ("№№ 1-2", "№№\u00a01\u20112"),
        ("№", "№"),
        ("без номера", "без номера"),
    ],
)
def test_keep_numbers(text: str, kept: str) -> None:
    from tpkit.render.docx_table import keep_numbers

    assert keep_numbers(text) == kept


def test_html_register_merges_the_process_and_sizes_the_number_column() -> None:
    html = _register(EXAMPLE, "html").decode()
    reg = load_registry(EXAMPLE)
    for p in reg.processes.values():
        assert html.count(f">{p.title}</td>") == 1, p.title
    assert 'rowspan="' in html and '<col style="width: calc(2ch + 10px)">' in html


# --- drafts ------------------------------------------------------------------------------------------


def test_a_register_without_approval_is_marked_draft_with_a_blank_stamp(registries: dict[str, Path]) -> None:
    """0.2.0 printed a draft like an approved register (and `tpkit init` writes an invented approval)."""
    paras = _paragraphs(_register(registries["draft"]))
    assert _text(paras[0]) == "ПРОЕКТ" and _style(paras[0]) == "tpkitDraftMark"
    stamp = [_text(p) for p in paras[1:4]]
    assert stamp[0] == "УТВЕРЖДЕН" and stamp[2] == "от ____________ №\u00a0______"
    for fmt in ("md", "html"):
        text = _register(registries["draft"], fmt).decode()
        assert text.index("ПРОЕКТ") < text.index("УТВЕРЖДЕН"), fmt
    approved = _paragraphs(_register(EXAMPLE))
    assert _text(approved[0]) == "УТВЕРЖДЕН" and "ПРОЕКТ" not in _register(EXAMPLE, "md").decode()


def test_an_incomplete_approval_is_a_draft_and_prints_none_of_its_values(tmp_path: Path) -> None:
    root = tmp_path / "reg"
    shutil.copytree(EXAMPLE, root)
    edit(root, "agency.yaml", "    number: 112-од\n", "")  # an order without its number: what TP203 calls unapproved
    paras = [_text(p) for p in _paragraphs(_register(root))[:4]]
    assert paras[0] == "ПРОЕКТ" and paras[3] == "от ____________ №\u00a0______"  # not the date recorded ahead
    assert "16.03.2026" not in _register(root, "md").decode()


def test_a_procedure_without_approval_is_a_draft_unless_an_internal_act_holds_it(tmp_path: Path) -> None:
    root = tmp_path / "reg"
    shutil.copytree(EXAMPLE, root)
    reg, config = load_registry(root), load_config(root)
    assert _text(_paragraphs(render_procedure(reg, config, "digital", "docx"))[0]) == "УТВЕРЖДЕН"
    text = (root / "procedures" / "digital.yaml").read_text(encoding="utf-8")
    start = text.index("approval:")
    end = text.index("\n", text.index("date:", start))
    (root / "procedures" / "digital.yaml").write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    paras = [_text(p) for p in _paragraphs(render_procedure(load_registry(root), config, "digital", "docx"))]
    assert paras[0] == "ПРОЕКТ" and paras[1] == "УТВЕРЖДЕН"
    # part of an internal act (TP311 is quiet): approved with it, so neither a mark nor a stamp of its own
    acts = (root / "acts.yaml").read_text(encoding="utf-8")
    internal = re.search(r"- id: (\S+)\n\s+kind: internal\n", acts)
    assert internal is not None
    text = (root / "procedures" / "digital.yaml").read_text(encoding="utf-8")
    (root / "procedures" / "digital.yaml").write_text(text + f"embedded_in: {internal.group(1)}\n", encoding="utf-8")
    paras = [_text(p) for p in _paragraphs(render_procedure(load_registry(root), config, "digital", "docx"))]
    assert "ПРОЕКТ" not in paras and "УТВЕРЖДЕН" not in paras
    assert any("является составной частью документа" in p for p in paras)


def test_an_agency_template_gets_the_mark(tmp_path: Path) -> None:
    from test_sandbox_docx import docx_template

    root = _without_approval(shutil.copytree(EXAMPLE, tmp_path / "reg"))
    docx_template(root / "templates" / "register.docx", "{{ stamp.mark }}|{{ stamp.lines[-1] }}")
    texts = [_text(p) for p in _paragraphs(_register(root))]
    assert "ПРОЕКТ|от ____________ № ______" in texts


# --- the lint summary and --strict ---------------------------------------------------------------------------


@pytest.fixture
def formal(tmp_path: Path) -> Path:
    """A registry with one error and three warnings (the methodology's formal approach)."""
    root = tmp_path / "formal"
    shutil.copytree(EXAMPLE.parent / "antipatterns" / "TP101-formal-approach", root)
    return root


def test_render_says_how_many_errors_and_warnings_the_registry_has(formal: Path, tmp_path: Path) -> None:
    """0.2.0 rendered a registry with methodology errors without a word."""
    out = tmp_path / "r.docx"
    r = run_cli("render", "register", "-C", str(formal), "-o", str(out))
    assert r.code == 0 and out.is_file()
    assert "в реестре 1 ошибка, 3 предупреждения" in r.stderr and "tpkit lint" in r.stderr
    r = run_cli("--lang", "en", "render", "register", "-C", str(formal), "-o", str(out))
    assert "the registry has 1 error, 3 warnings" in r.stderr


def test_a_registry_without_errors_and_warnings_renders_quietly(tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    r = run_cli("render", "register", "-C", str(EXAMPLE), "-o", str(out))
    assert r.code == 0 and "tpkit lint" not in r.stderr and "ошиб" not in r.stderr


def test_strict_refuses_and_writes_nothing_when_lint_would_fail(formal: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    for args in (("register",), ("procedure", "--all")):
        r = run_cli("render", *args, "--strict", "-C", str(formal), "-o", str(out))
        assert r.code == 1 and not out.exists(), r.stderr
        assert "--strict" in r.stderr and "fail_on: error" in r.stderr and "1 ошибка" in r.stderr
    # fail_on decides, as for tpkit lint
    (formal / "tpkit.yaml").write_text("version: 1\nlint:\n  fail_on: never\n", encoding="utf-8")
    assert run_cli("render", "register", "--strict", "-C", str(formal), "-o", str(out)).code == 0 and out.is_file()


def test_the_lint_line_speaks_of_documents_when_there_are_several(formal: Path, tmp_path: Path) -> None:
    # 0.3 review: `render procedure --all --strict` said «документ не записан», and without --strict «документ
    # сделан …», of a folder of documents
    out = tmp_path / "docs"
    r = run_cli("render", "procedure", "--all", "-C", str(formal), "-o", str(out))
    assert r.code == 0 and "документы сделаны из реестра с замечаниями" in r.stderr, r.stderr
    r = run_cli("render", "procedure", "--all", "--strict", "-C", str(formal), "-o", str(tmp_path / "none"))
    assert r.code == 1 and "документы не записаны" in r.stderr, r.stderr
    r = run_cli("render", "register", "--strict", "-C", str(formal), "-o", str(tmp_path / "r.docx"))
    assert r.code == 1 and "документ не записан" in r.stderr, r.stderr


def test_the_lint_line_never_tells_of_a_document_that_was_not_made(formal: Path, tmp_path: Path) -> None:
    # 0.3 review: «в реестре 1 ошибка, 3 предупреждения — документ сделан из реестра с замечаниями», then the
    # command's own error (a registry file as the output, an unknown procedure, no approved revision) and exit 2
    for args in (
        ("register", "--output", str(formal / "tpkit.yaml")),
        ("procedure", "nope", "--output", str(tmp_path / "p.docx")),
        ("procedure", "--all", "--format", "docx", "--output", "-"),
        ("changes", "--output", str(tmp_path / "c.docx")),
    ):
        r = run_cli("render", *args, "-C", str(formal))
        assert r.code == 2 and "сделан" not in r.stderr, (args, r.stderr)
    r = run_cli("render", "register", "-C", str(formal), "-o", str(tmp_path / "r.docx"))
    lines = r.stderr.strip().splitlines()
    assert r.code == 0 and lines[0].startswith("записано") and "документ сделан" in lines[-1], lines


def test_the_baseline_counts_as_it_does_for_lint(formal: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    assert run_cli("lint", str(formal), "--write-baseline", str(baseline)).code == 0
    out = tmp_path / "r.docx"
    r = run_cli("render", "register", "--strict", "--baseline", str(baseline), "-C", str(formal), "-o", str(out))
    assert r.code == 0 and out.is_file() and "ошиб" not in r.stderr
    r = run_cli("render", "register", "--baseline", str(tmp_path / "none.json"), "-C", str(formal), "-o", str(out))
    assert r.code == 2 and "none.json" in r.stderr


# --- fonts -----------------------------------------------------------------------------------------


def test_an_absent_times_new_roman_is_replaced_by_an_installed_twin() -> None:
    subst = office.font_substitutes
    assert subst(frozenset({"Liberation Serif", "DejaVu Serif"}))["Times New Roman"] == "Liberation Serif"
    assert subst(frozenset({"PT Astra Serif", "DejaVu Serif"}))["Times New Roman"] == "PT Astra Serif"
    assert "Times New Roman" not in subst(frozenset({"Times New Roman", "Liberation Serif"}))
    assert subst(frozenset({"DejaVu Serif"})) == {} and subst(None) == {}


def test_the_replacement_table_is_in_libreoffices_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = tmp_path / "soffice"
    script.write_text(
        "#!/bin/sh\n"
        'for a in "$@"; do case "$a" in -env:UserInstallation=file://*) p="${a#-env:UserInstallation=file://}";; '
        '--outdir) o=1;; *) [ "$o" = 1 ] && out="$a" && o=;; esac; done\n'
        f'cp "$p/user/registrymodifications.xcu" "{tmp_path}/seen.xcu"\n'
        'mkdir -p "$out"; for a in "$@"; do case "$a" in *.docx) cp "$a" "$out/$(basename "$a" .docx).pdf";; esac; done\n'
    )
    script.chmod(0o755)
    monkeypatch.setattr(office, "find_soffice", lambda: str(script))
    monkeypatch.setattr(office, "installed_families", lambda: frozenset({"PT Astra Serif"}))
    office.convert({"x": b"docx"}, "pdf")
    seen = (tmp_path / "seen.xcu").read_text(encoding="utf-8")
    assert '<prop oor:name="ReplaceFont" oor:op="fuse"><value>Times New Roman</value></prop>' in seen
    assert '<prop oor:name="SubstituteFont" oor:op="fuse"><value>PT Astra Serif</value></prop>' in seen


# --- what LibreOffice makes of it ---------------------------------------------------------------


@pytest.fixture(scope="module")
def pdfs(registries: dict[str, Path]) -> dict[str, bytes]:
    """The worked example's register and procedure, and the draft register, as PDF (one LibreOffice start)."""
    if office.find_soffice() is None or shutil.which("pdftotext") is None or shutil.which("pdffonts") is None:
        pytest.skip("LibreOffice (soffice) and poppler-utils (pdftotext, pdffonts) are not installed")
    reg, config = load_registry(EXAMPLE), load_config(EXAMPLE)
    docs = {
        "register": _register(EXAMPLE),
        "procedure": render_procedure(reg, config, "digital", "docx"),
        "draft": _register(registries["draft"]),
    }
    return office.convert(docs, "pdf")


def _pdftotext(pdf: bytes, *args: str) -> str:
    text = subprocess.run(
        ["pdftotext", *args, "-", "-"], input=pdf, capture_output=True, check=True, timeout=60
    ).stdout.decode()
    return text.replace("\u00a0", " ").replace("\u2011", "-").replace("\u00ad", "")


def _pdffonts(pdf: bytes) -> Iterator[list[str]]:
    out = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True, timeout=60).stdout.decode()
    for line in out.splitlines()[2:]:
        yield line.split()


@NEEDS_PDF
def test_every_font_is_embedded_and_has_the_widths_of_times_new_roman(pdfs: dict[str, bytes]) -> None:
    for name, pdf in pdfs.items():
        fonts = list(_pdffonts(pdf))
        assert fonts, name
        for row in fonts:
            family = row[0].split("+")[-1]
            assert re.match(r"(TimesNewRoman|LiberationSerif|PTAstraSerif|Tinos)", family), (name, row)
            emb, _sub, uni = row[-5:-2]
            assert emb == "yes" and uni == "yes", (name, row)
        # Cyrillic comes out of those fonts (no other font in the file holds it)
        assert "Перечень" in _pdftotext(pdf) or "Порядок" in _pdftotext(pdf)


@NEEDS_PDF
def test_the_register_pdf_reads_as_a_records_clerk_expects(pdfs: dict[str, bytes]) -> None:
    layout = _pdftotext(pdfs["register"], "-layout").split("\f")
    pages = [p for p in layout if p.strip()]
    assert len(pages) > 2
    for i, page in enumerate(pages):
        lines = page.splitlines()
        head = next(k for k, line in enumerate(lines) if re.match(r"\s*№\s+Процесс\s+Точка взаимо", line))
        assert "Востребо" in lines[head] and "ванность" in lines[head + 1], i  # the header, on every page
        if i:
            first = next(line for line in lines[head + 2 :] if line.strip())
            assert re.match(r"\s*\d+\s", first), (i, first)  # each page begins with a new row: none was split
    numbers = [int(m.group(1)) for p in pages for m in re.finditer(r"(?m)^\s{0,8}(\d{1,3})\s{2,}", p)]
    assert 10 in numbers and 11 in numbers  # two digits in the № column, not «1/0»
    text = re.sub(r"\s+", " ", _pdftotext(pdfs["register"]))
    for number in ("12-од", "77-од", "15-од", "59-ФЗ", "112-од"):
        assert f"№ {number}" in text, number
    raw = _pdftotext(pdfs["register"])
    assert not re.search(r"\S[ \t]*№[ \t]*$|№ \d+-$", raw, re.M)  # no line ends inside a registration number
    for p in load_registry(EXAMPLE).processes.values():
        assert text.count(p.title) == 1, p.title


@NEEDS_PDF
def test_the_draft_pdf_says_so_at_the_top(pdfs: dict[str, bytes]) -> None:
    first = _pdftotext(pdfs["draft"], "-layout").split("\f")[0]
    lines = [line for line in first.splitlines() if line.strip()]
    assert lines[0].strip() == "ПРОЕКТ" and lines[1].strip() == "УТВЕРЖДЕН"
    assert len(lines[0]) - len(lines[0].lstrip()) > 100  # at the right of the landscape page
    assert "____" in first and "112-од" not in first


@NEEDS_PDF
def test_a_replacement_reaches_libreoffice(monkeypatch: pytest.MonkeyPatch) -> None:
    """The profile's table is applied: told that DejaVu Serif is Times New Roman's only twin here, LibreOffice sets
    the document in it (with a non-«always» pair it would keep fontconfig's choice)."""
    monkeypatch.setattr(office, "METRIC_TWINS", (("Times New Roman", "DejaVu Serif"),))
    monkeypatch.setattr(office, "installed_families", lambda: frozenset({"DejaVu Serif"}))
    reg, config = load_registry(EXAMPLE), load_config(EXAMPLE)
    pdf = office.convert({"p": render_procedure(reg, config, "offline", "docx")}, "pdf")["p"]
    assert {row[0].split("+")[-1].split("-")[0] for row in _pdffonts(pdf)} == {"DejaVuSerif"}
