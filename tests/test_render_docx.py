"""tpkit render: the procedure and the register as Word documents, read back with python-docx."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import run_cli, write
from docx.shared import Mm, Pt

from tpkit.registry.enums import DIRECTIONS, NEEDS, SECTIONS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def render(root: Path, *args: str) -> Path:
    r = run_cli("render", *args, cwd=root)
    assert r.code == 0, r.stdout + r.stderr
    return root


def procedure_docx(root: Path, ident: str = "all") -> docx.Document:
    out = root.parent / f"{ident}.docx"
    render(root, "procedure", ident, "--output", str(out))
    return docx.Document(str(out))


def blocks(doc: docx.Document) -> list[tuple[str, str]]:
    """The body in order: ("h1"|"h2"|"p"|"table", text)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out = []
    for el in doc.element.body.iterchildren():
        if el.tag == f"{W}p":
            p = Paragraph(el, doc)
            style = p.style.name if p.style is not None else ""
            kind = {"Heading 1": "h1", "Heading 2": "h2"}.get(style, "p")
            out.append((kind, p.text))
        elif el.tag == f"{W}tbl":
            t = Table(el, doc)
            out.append(("table", "\n".join(" | ".join(c.text for c in row.cells) for row in t.rows)))
    return out


def section_text(doc: docx.Document, number: int) -> str:
    """All the text (paragraphs and tables) under the heading «N. …» up to the next Heading 1."""
    out: list[str] = []
    inside = False
    for kind, text in blocks(doc):
        if kind == "h1":
            inside = text.startswith(f"{number}. ")
            continue
        if inside:
            out.append(text)
    assert out, f"section {number} not found"
    return "\n".join(out)


def test_seven_numbered_headings_in_the_fixed_order(base: Path) -> None:
    doc = procedure_docx(base)
    h1 = [t for k, t in blocks(doc) if k == "h1"]
    expected = [f"{i}. {SECTIONS[key]['ru']}" for i, key in enumerate(SECTIONS, 1)]
    assert h1[:7] == expected
    # the assessment comes after section 7, unnumbered
    assert h1[7].startswith("Приложение")


def test_stamp_top_right_with_the_approval_number(base: Path) -> None:
    doc = procedure_docx(base)
    first = doc.paragraphs[:3]
    assert [p.text for p in first] == [
        "УТВЕРЖДЕН",
        "приказом Министерства социальной защиты населения Энской области",
        "от 10.02.2026 №\u00a046-од",  # the number never leaves its sign: a no-break space and hyphen
    ]
    indent = first[0].style.paragraph_format.left_indent
    assert indent is not None and indent > Mm(80)  # the right half of the page
    assert doc.paragraphs[3].text == "Порядок взаимодействия с клиентами министерства"


def test_register_data_fill_the_sections(base: Path) -> None:
    p = base / "processes" / "child-benefit.yaml"
    p.write_text(
        p.read_text(encoding="utf-8")
        + "features:\n  - id: home-visit\n    title: Обследование жилищных условий\n    touchpoints: [reception]\n",
        encoding="utf-8",
    )
    proc = base / "procedures" / "all.yaml"
    proc.write_text(
        proc.read_text(encoding="utf-8").replace(
            "  specifics:\n",
            "  specifics:\n    - feature: home-visit\n      instruction: Сотрудник согласует с заявителем время визита\n",
        ),
        encoding="utf-8",
    )
    doc = procedure_docx(base)
    s1 = section_text(doc, 1)
    assert "Приемная министерства" in s1 and "г. Энск, ул. Ленина, д. 1" in s1
    assert NEEDS["forms"]["ru"] in s1  # labels, not codes
    assert "Назначение ежемесячной выплаты на ребенка" in s1
    s2 = section_text(doc, 2)
    assert "Пандус и кнопка вызова у входа" in s2
    s3 = section_text(doc, 3)
    assert "Заявление принято к рассмотрению" in s3 and "Решение принимается в течение 10 рабочих дней" in s3
    s5 = section_text(doc, 5)
    assert "Обследование жилищных условий" in s5 and "согласует с заявителем время визита" in s5
    s7 = section_text(doc, 7)
    assert "Перераспределение сотрудников в часы пик" in s7 and "Петрова Мария Ивановна" in s7
    appendix = "\n".join(
        t
        for _, t in blocks(doc)[
            [t for _, t in blocks(doc)].index(
                next(t for k, t in blocks(doc) if k == "h1" and t.startswith("Приложение"))
            ) :
        ]
    )
    assert "Ожидание до 40 минут" in appendix and "Предварительная запись через ЕПГУ" in appendix


def test_a_procedure_for_several_touchpoints_groups_items_per_touchpoint(base: Path) -> None:
    proc = base / "procedures" / "all.yaml"
    proc.write_text(
        proc.read_text(encoding="utf-8").replace(
            "  tools:\n    - kind: script\n      name: Скрипт приветствия\n",
            "  tools:\n    - kind: script\n      name: Скрипт приветствия\n"
            "    - kind: faq\n      name: Ответы на частые вопросы о выплате\n      touchpoint: phone\n",
        ),
        encoding="utf-8",
    )
    doc = procedure_docx(base)
    b = blocks(doc)
    start = b.index(("h1", f"4. {SECTIONS['tools']['ru']}"))
    end = b.index(("h1", f"5. {SECTIONS['specifics']['ru']}"))
    part = b[start + 1 : end]
    assert ("h2", "Для всех точек взаимодействия") in part
    assert ("h2", "Точка взаимодействия «Контактный центр министерства»") in part
    faq = next(i for i, (_, t) in enumerate(part) if "Ответы на частые вопросы" in t)
    assert part.index(("h2", "Точка взаимодействия «Контактный центр министерства»")) < faq


def test_page_layout_follows_the_gost(base: Path) -> None:
    doc = procedure_docx(base)
    sec = doc.sections[0]

    def mm(v: object) -> float:
        return round(v.mm, 1)  # type: ignore[attr-defined]

    assert (mm(sec.page_width), mm(sec.page_height)) == (210, 297)
    assert [mm(x) for x in (sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin)] == [20, 10, 20, 20]
    normal = doc.styles["Normal"]
    assert normal.font.size == Pt(14)
    assert normal.font.name == "Times New Roman"
    assert round(normal.paragraph_format.first_line_indent.cm, 2) == 1.25


def test_font_and_size_come_from_tpkit_yaml(base: Path) -> None:
    write(base, "tpkit.yaml", "version: 1\nrender:\n  font: PT Astra Serif\n  font_size: 12\n")
    doc = procedure_docx(base)
    assert doc.styles["Normal"].font.size == Pt(12)
    assert doc.styles["Normal"].font.name == "PT Astra Serif"
    assert doc.styles["Heading 1"].font.name == "PT Astra Serif"


def test_page_numbers_in_the_header_from_page_two(base: Path) -> None:
    doc = procedure_docx(base)
    sec = doc.sections[0]
    assert sec.different_first_page_header_footer
    header_xml = sec.header._element.xml
    assert "PAGE" in header_xml and 'w:fldCharType="begin"' in header_xml
    assert sec.header.paragraphs[0].alignment == 1  # centred
    assert "PAGE" not in sec.first_page_header._element.xml


def test_russian_language_on_styles(base: Path) -> None:
    doc = procedure_docx(base)
    defaults = doc.styles.element.find(f"{W}docDefaults")
    assert defaults.find(f"{W}rPrDefault/{W}rPr/{W}lang").get(f"{W}val") == "ru-RU"
    for name in ("Normal", "Heading 1", "Heading 2"):
        lang = doc.styles[name].element.find(f"{W}rPr/{W}lang")
        assert lang is not None and lang.get(f"{W}val") == "ru-RU", name


def test_two_renders_are_byte_identical(base: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    render(base, "procedure", "all", "--output", str(a))
    render(base, "procedure", "all", "--output", str(b))
    assert a.read_bytes() == b.read_bytes()
    # and in another process, as CI would run it
    c = tmp_path / "c.docx"
    r = run_cli("render", "procedure", "all", "--output", str(c), cwd=base)
    assert r.code == 0, r.stderr
    assert c.read_bytes() == a.read_bytes()


def test_source_date_epoch_sets_the_package_dates(base: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.docx"
    r = run_cli("render", "procedure", "all", "--output", str(out), cwd=base, env={"SOURCE_DATE_EPOCH": "1767225600"})
    assert r.code == 0, r.stderr
    z = zipfile.ZipFile(io.BytesIO(out.read_bytes()))
    assert {i.date_time for i in z.infolist()} == {(2026, 1, 1, 0, 0, 0)}
    core = z.read("docProps/core.xml").decode()
    assert "2026-01-01T00:00:00Z" in core
    assert z.namelist()[0] == "[Content_Types].xml"
    # without it, the approval date
    r = run_cli("render", "procedure", "all", "--output", str(out), cwd=base, env={"SOURCE_DATE_EPOCH": ""})
    core = zipfile.ZipFile(out).read("docProps/core.xml").decode()
    assert "2026-02-10T00:00:00Z" in core


def test_register_document_has_a_table_per_direction(base: Path, tmp_path: Path) -> None:
    write(
        base,
        "processes/appeals.yaml",
        "id: appeals\ntitle: Рассмотрение обращений граждан\ndirection: appeals\n"
        "touchpoints:\n  - touchpoint: reception\n    needs: [submit, result]\n    demand: low\n",
    )
    out = tmp_path / "register.docx"
    render(base, "register", "--output", str(out))
    doc = docx.Document(str(out))
    assert doc.paragraphs[0].text == "УТВЕРЖДЕН" and "45-од" in doc.paragraphs[2].text
    h1 = [t for k, t in blocks(doc) if k == "h1"]
    assert h1 == [f"1. {DIRECTIONS['services']['ru']}", f"2. {DIRECTIONS['appeals']['ru']}"]
    assert len(doc.tables) == 2
    header = [c.text for c in doc.tables[0].rows[0].cells]
    assert header[:3] == ["№", "Процесс", "Точка взаимодействия"] and header[-1] == "Востребованность"
    appeals = doc.tables[1].rows[1].cells
    assert appeals[1].text == "Рассмотрение обращений граждан" and appeals[8].text == "маловостребована"
    assert "Ответственный за формирование перечня" in doc.paragraphs[-1].text
    sec = doc.sections[0]
    assert round(sec.page_width.mm) == 297  # landscape for the wide table


def test_direction_filter(base: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    render(base, "register", "--direction", "services", "--output", str(out))
    assert len(docx.Document(str(out)).tables) == 1
    r = run_cli("render", "register", "--direction", "nope", cwd=base)
    assert r.code == 2 and "services" in r.stderr


@pytest.mark.parametrize("bad", ["procedure", "procedure all --all", "procedure all --format xlsx"])
def test_usage_errors_exit_2(base: Path, bad: str) -> None:
    r = run_cli("render", *bad.split(), cwd=base)
    assert r.code == 2
    assert "Traceback" not in r.stderr and r.stderr.strip().count("\n") == 0


def test_unknown_procedure_is_a_one_line_error(base: Path) -> None:
    r = run_cli("render", "procedure", "al", cwd=base)
    assert r.code == 2 and "«al»" in r.stderr and "all" in r.stderr and "Traceback" not in r.stderr


def test_a_broken_registry_is_not_rendered(base: Path) -> None:
    write(
        base, "touchpoints.yaml", (base / "touchpoints.yaml").read_text(encoding="utf-8") + "  - id: x\n    nmae: X\n"
    )
    r = run_cli("render", "procedure", "all", cwd=base)
    assert r.code == 2
    assert "touchpoints.yaml:" in r.stderr and "TP002" in r.stderr
    assert not (base / "all.docx").exists()


def test_render_replaces_only_its_own_outputs(base: Path, tmp_path: Path) -> None:
    before = (base / "agency.yaml").read_bytes()
    r = run_cli("render", "procedure", "all", "--output", "agency.yaml", cwd=base)
    assert r.code == 2 and (base / "agency.yaml").read_bytes() == before
    notes = tmp_path / "notes.txt"
    notes.write_text("mine", encoding="utf-8")
    r = run_cli("render", "procedure", "all", "--output", str(notes), cwd=base)
    assert r.code == 2 and notes.read_text(encoding="utf-8") == "mine"


def test_all_writes_one_file_per_procedure_into_a_folder(base: Path, tmp_path: Path) -> None:
    other = (base / "procedures" / "all.yaml").read_text(encoding="utf-8").replace("id: all", "id: second")
    write(base, "procedures/second.yaml", other)
    out = tmp_path / "build"
    r = run_cli("render", "procedure", "--all", "--output", str(out), cwd=base)
    assert r.code == 0, r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["all.docx", "second.docx"]
    # not a terminal: no progress bar drawing in the output
    assert "\x1b[" not in r.stderr


def test_text_word_cannot_hold_never_reaches_the_writer(base: Path) -> None:
    proc = base / "procedures" / "all.yaml"
    proc.write_text(
        proc.read_text(encoding="utf-8").replace(
            "title: Порядок взаимодействия с клиентами министерства", 'title: "Порядок\\x01 взаимодействия"'
        ),
        encoding="utf-8",
    )
    r = run_cli("render", "procedure", "all", cwd=base)
    assert r.code == 2
    assert "procedures/all.yaml:" in r.stderr and "TP002" in r.stderr and "Traceback" not in r.stderr
    assert not (base / "all.docx").exists()
