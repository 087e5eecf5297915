"""tpkit render: XLSX, CSV, Markdown, HTML, the agency's own templates and the template sandbox."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import openpyxl
import pytest
from conftest import run_cli, write

from tpkit.registry.enums import DIRECTIONS, NEEDS, SECTIONS
from tpkit.render.register_columns import COLUMNS


def _appeals(base: Path) -> None:
    write(
        base,
        "processes/appeals.yaml",
        "id: appeals\ntitle: Рассмотрение обращений граждан\ndirection: appeals\n"
        "touchpoints:\n  - touchpoint: reception\n    needs: [submit, result]\n    demand: 350\n",
    )


def test_xlsx_one_sheet_per_direction_frozen_header_and_filters(base: Path, tmp_path: Path) -> None:
    _appeals(base)
    out = tmp_path / "register.xlsx"
    r = run_cli("render", "register", "--format", "xlsx", "--output", str(out), cwd=base)
    assert r.code == 0, r.stderr
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [DIRECTIONS["services"]["short"], DIRECTIONS["appeals"]["short"]]
    ws = wb[DIRECTIONS["services"]["short"]]
    assert [c.value for c in ws[1]] == [*(c.ru for c in COLUMNS), "id процесса"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:J5"
    assert ws.max_row == 5
    row = [c.value for c in ws[2]]
    assert row[0] == 1 and row[1] == "Назначение ежемесячной выплаты на ребенка"
    assert NEEDS["info"]["ru"] in row[4]
    appeals = wb[DIRECTIONS["appeals"]["short"]]
    assert appeals["I2"].value == 350  # a number, as Excel users filter it


def test_xlsx_is_byte_identical(base: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for out in (a, b):
        assert run_cli("render", "register", "-f", "xlsx", "-o", str(out), cwd=base).code == 0
    assert a.read_bytes() == b.read_bytes()


def test_csv_has_the_direction_then_the_register_columns(base: Path) -> None:
    r = run_cli("render", "register", "--format", "csv", "--output", "-", cwd=base)
    assert r.code == 0, r.stderr
    lines = r.stdout.lstrip("\ufeff").splitlines()
    assert lines[0].split(";") == ["направление", *(c.ru for c in COLUMNS)]
    assert lines[1].startswith(DIRECTIONS["services"]["ru"] + ";1;")
    assert len(lines) == 5


def test_markdown_procedure(base: Path) -> None:
    r = run_cli("render", "procedure", "all", "--format", "md", "--output", "-", cwd=base)
    assert r.code == 0, r.stderr
    md = r.stdout
    assert "> **УТВЕРЖДЕН**" in md and "46-од" in md
    headings = [line[3:] for line in md.splitlines() if line.startswith("## ")]
    assert headings[:7] == [f"{i}. {SECTIONS[k]['ru']}" for i, k in enumerate(SECTIONS, 1)]
    assert "| Точка взаимодействия | Процесс | Удовлетворяемые потребности |" in md


def test_html_is_escaped(base: Path, tmp_path: Path) -> None:
    proc = base / "procedures" / "all.yaml"
    proc.write_text(
        proc.read_text(encoding="utf-8").replace(
            "title: Порядок взаимодействия с клиентами министерства",
            "title: Порядок <script>alert(1)</script> & Co",
        ),
        encoding="utf-8",
    )
    out = tmp_path / "all.html"
    r = run_cli("render", "procedure", "all", "--format", "html", "--output", str(out), cwd=base)
    assert r.code == 0, r.stderr
    html = out.read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "Порядок &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
    assert '<h2 id="section-general">1. Общие положения</h2>' in html
    assert 'rowspan="4"' in html  # the assessment of each touchpoint grouped


def test_html_register(base: Path) -> None:
    r = run_cli("render", "register", "--format", "html", "--output", "-", cwd=base)
    assert r.code == 0, r.stderr
    assert "<th>Удовлетворяемые потребности</th>" in r.stdout


# --- the agency's templates and the sandbox -------------------------------------------------

ESCAPES = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ title.__class__ }}",
    "{{ stamp.lines.append('x') }}",
]


@pytest.mark.parametrize("attempt", ESCAPES)
def test_sandbox_escape_in_an_agency_markdown_template_is_refused(base: Path, attempt: str) -> None:
    write(base, "templates/procedure.md.j2", f"# {{{{ title }}}}\n{attempt}\n")
    r = run_cli("render", "procedure", "all", "--format", "md", "--output", "-", cwd=base)
    assert r.code == 2
    assert "procedure.md.j2" in r.stderr and "песочниц" in r.stderr
    assert "Traceback" not in r.stderr and r.stderr.strip().count("\n") == 0
    assert r.stdout == ""


def test_classic_ssti_cannot_run_a_command(base: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    write(
        base,
        "templates/procedure.html.j2",
        "{% for c in [].__class__.__base__.__subclasses__() %}{% if c.__name__ == 'Popen' %}"
        f"{{{{ c(['touch', '{marker}']) }}}}{{% endif %}}{{% endfor %}}",
    )
    r = run_cli("render", "procedure", "all", "--format", "html", "--output", "-", cwd=base)
    assert r.code == 2 and not marker.exists()


def test_undefined_name_in_an_agency_template_is_a_clear_error(base: Path) -> None:
    write(base, "templates/procedure.md.j2", "{{ titel }}\n")
    r = run_cli("render", "procedure", "all", "--format", "md", "--output", "-", cwd=base)
    assert r.code == 2 and "titel" in r.stderr and "procedure.md.j2" in r.stderr


def test_agency_markdown_template_replaces_the_builtin(base: Path) -> None:
    write(base, "templates/procedure.md.j2", "Бланк: {{ title }}\n{% for s in sections %}{{ s.heading }}\n{% endfor %}")
    r = run_cli("render", "procedure", "all", "--format", "md", "--output", "-", cwd=base)
    assert r.code == 0, r.stderr
    assert r.stdout.startswith("Бланк: Порядок взаимодействия с клиентами министерства\n1. Общие положения\n")


def _agency_docx(path: Path, body: list[str]) -> None:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Министерство социальной защиты — бланк"
    for text in body:
        d.add_paragraph(text)
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(path))


def test_agency_docx_template_keeps_its_letterhead_and_gets_the_sections(base: Path, tmp_path: Path) -> None:
    _agency_docx(
        base / "templates" / "procedure.docx",
        [
            "ГЕРБ И БЛАНК ВЕДОМСТВА",
            "{% for line in stamp.lines %}{{ line }} {% endfor %}",
            "{{ title }}",
            "{{p body }}",
        ],
    )
    out = tmp_path / "all.docx"
    r = run_cli("render", "procedure", "all", "--output", str(out), cwd=base)
    assert r.code == 0, r.stderr
    doc = docx.Document(str(out))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "ГЕРБ И БЛАНК ВЕДОМСТВА"
    assert "46-од" in texts[1] and texts[2] == "Порядок взаимодействия с клиентами министерства"
    assert "1. Общие положения" in texts and "7. Формы и сроки контроля" in texts
    assert doc.sections[0].header.paragraphs[0].text == "Министерство социальной защиты — бланк"
    assert len(doc.tables) >= 3
    # deterministic with a template too
    again = tmp_path / "again.docx"
    assert run_cli("render", "procedure", "all", "--output", str(again), cwd=base).code == 0
    assert again.read_bytes() == out.read_bytes()


def test_sandbox_escape_in_an_agency_docx_template_is_refused(base: Path) -> None:
    _agency_docx(base / "templates" / "procedure.docx", ["{{ title.__class__.__mro__ }}"])
    r = run_cli("render", "procedure", "all", cwd=base)
    assert r.code == 2
    assert "procedure.docx" in r.stderr and "песочниц" in r.stderr and "Traceback" not in r.stderr
    assert not (base / "all.docx").exists()


def test_a_broken_agency_docx_is_a_one_line_error(base: Path) -> None:
    write(base, "templates/register.docx", b"not a zip")
    r = run_cli("render", "register", cwd=base)
    assert r.code == 2 and "register.docx" in r.stderr and "Traceback" not in r.stderr


def test_templates_folder_outside_the_registry_is_refused(base: Path) -> None:
    write(base, "tpkit.yaml", "version: 1\nrender:\n  templates: ../elsewhere\n")
    r = run_cli("render", "register", "--format", "md", "--output", "-", cwd=base)
    assert r.code == 2 and "render.templates" in r.stderr


# --- a real reader: LibreOffice -------------------------------------------------------------


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and pdftotext are not installed",
)
def test_libreoffice_opens_the_procedure(base: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.docx"
    assert run_cli("render", "procedure", "all", "--output", str(out), cwd=base).code == 0
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{profile}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "all.pdf"
    assert pdf.exists()
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    pages = text.split("\f")
    assert "УТВЕРЖДЕН" in pages[0] and "46-од" in pages[0]
    for i, key in enumerate(SECTIONS, 1):
        assert f"{i}. {SECTIONS[key]['ru']}" in text
    assert "Приемная министерства" in text
    assert len([p for p in pages if p.strip()]) >= 2
    # the page number sits at the top of page 2, none on page 1
    assert pages[1].strip().splitlines()[0].strip() == "2"
    assert pages[0].strip().splitlines()[0].strip() != "1"


@pytest.mark.parametrize("doc", ["docs/guide.ru.md", "README.md"])
def test_the_documented_stamp_tags_give_each_line_of_the_stamp_its_own_line(
    base: Path, tmp_path: Path, doc: str
) -> None:
    # the guide and the README said `{% for line in stamp.lines %}{{ line }}{% endfor %}`: a user who typed it into
    # their template got «УТВЕРЖДЕНприказом …от … № …», one run-together line above the title
    import re

    text = " ".join((Path(__file__).resolve().parents[1] / doc).read_text(encoding="utf-8").split())
    assert "{% for line in stamp.lines %}{{ line }}{% endfor %}" not in text
    tags = re.search(r"`(\{%p for line in stamp\.lines %\})`, `(\{\{ line \}\})`, `(\{%p endfor %\})`", text)
    assert tags is not None, "the documented stamp tags"
    _agency_docx(base / "templates" / "procedure.docx", [*tags.groups(), "{{ title }}", "{{p body }}"])
    out = tmp_path / "p.docx"
    r = run_cli("render", "procedure", "all", "--output", str(out), cwd=base)
    assert r.code == 0, r.stderr
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[0] == "УТВЕРЖДЕН" and texts[1].startswith("приказом ") and texts[2].startswith("от "), texts[:4]


@pytest.mark.parametrize("tag", ["{{ body }}", "{{r body }}", "Разделы: {{ body }}"])
def test_an_agency_template_with_body_inside_a_paragraph_is_one_line_and_no_broken_document(
    base: Path, tmp_path: Path, tag: str
) -> None:
    # «{{ body }}» (the «p» left out) put the sections' paragraphs and tables inside a run of text: tpkit wrote a
    # DOCX Word cannot open, and said «записано»
    _agency_docx(base / "templates" / "procedure.docx", ["{{ title }}", tag])
    out = tmp_path / "p.docx"
    r = run_cli("render", "procedure", "all", "--output", str(out), cwd=base)
    assert r.code == 2 and r.stderr.count("\n") == 1, r.stderr
    assert "procedure.docx" in r.stderr and "{{p body }}" in r.stderr
    assert not out.exists()


def test_a_syntax_error_in_an_agency_docx_template_names_no_line(base: Path, tmp_path: Path) -> None:
    # «procedure.docx:2: ошибка синтаксиса шаблона»: 2 was a line of the document's XML, not anything Word shows
    _agency_docx(base / "templates" / "procedure.docx", ["{{ title }}", "{% for x in %}", "{{p body }}"])
    r = run_cli("render", "procedure", "all", "--output", str(tmp_path / "p.docx"), cwd=base)
    assert r.code == 2 and "procedure.docx: ошибка синтаксиса шаблона" in r.stderr, r.stderr


def test_the_documented_extra_responsible_is_in_a_register_template_too(base: Path, tmp_path: Path) -> None:
    # the README names {{ extra.responsible }} among an agency template's tags: a register.docx that used it failed
    # with «в шаблоне неизвестное имя: 'dict object' has no attribute 'responsible'»
    _agency_docx(base / "templates" / "register.docx", ["{{ extra.responsible }}", "{{p body }}"])
    out = tmp_path / "r.docx"
    r = run_cli("render", "register", "--output", str(out), cwd=base)
    assert r.code == 0, r.stderr
    assert docx.Document(str(out)).paragraphs[0].text.startswith("Петрова Мария Ивановна, начальник отдела")
