"""DOCX: the procedure and the register as Word documents (ГОСТ Р 7.0.97-2025 defaults).

Built in code with python-docx — no binary template to hand-edit:

* A4; margins left 20, right 10, top 20, bottom 20 mm (the register: A4 landscape,
  the same margins);
* ``render.font`` / ``render.font_size`` (Times New Roman 14) for the text, two
  points less in tables; single line spacing, first-line indent 1.25 cm,
  justified text (see docs/decisions.md);
* page numbers centred in the top margin from page 2 (a different first page
  and a PAGE field);
* ru-RU set as the language of the document defaults and of every style;
* real Heading 1/2 styles (the navigation pane shows the sections) and real tables
  with a repeated header row.

The page and the styles are set up in :mod:`tpkit.render.docx_styles`; this module
writes the content (stamp, title, sections, tables) and the two entry points.

An agency's own ``procedure.docx`` / ``register.docx`` (see :func:`render_agency_docx`)
is filled through docxtpl in the jinja sandbox; its letterhead, styles and
header/footer stay the agency's.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from .budget import DEFAULT_TIME_LIMIT, Budget
from .docx_styles import (
    LANG,
    STYLE_CELL,
    STYLE_CELL_HEAD,
    STYLE_DRAFT,
    STYLE_STAMP,
    STYLE_TITLE,
    Layout,
    document_settings,
    page_numbers,
    page_setup,
    q,
    setup_styles,
    strip_template_leftovers,
)
from .docx_table import NO_BREAK_HYPHEN, TableStyle, fill_placeholders, keep_numbers, table_xml
from .errors import RenderError
from .package import fixed_moment, normalize
from .view import DASH, Block, DocumentView, to_plain

# --- content --------------------------------------------------------------------------------


class _Writer:
    """Writes a view's blocks into a python-docx document or a docxtpl sub-document."""

    def __init__(
        self, target: Any, styles_doc: Any, text_width_mm: float, layout: Layout, text_height_mm: float = 257
    ) -> None:
        self.t = target
        self.styles_doc = styles_doc
        self.width = text_width_mm
        self.height = text_height_mm
        self.layout = layout

        self._ids: dict[str, str | None] = {}
        self.tables: list[bytes] = []  # the tables' XML, in placeholder order

    def style(self, name: str) -> str | None:
        """The style id of a paragraph style by name, or None when the document lacks it (cached:
        python-docx looks names up by scanning every style)."""
        if name not in self._ids:
            try:
                st = self.styles_doc.styles[name]
            except KeyError:
                self._ids[name] = None
            else:
                self._ids[name] = None if st.builtin and st.name == "Normal" else st.style_id
        return self._ids[name]

    def has(self, name: str) -> bool:
        return name == "Normal" or self.style(name) is not None

    def new_para(self, style: str | None, container: Any = None) -> Any:
        p = (container or self.t).add_paragraph()
        sid = self.style(style) if style else None
        if sid:
            p._p.style = sid
        return p

    def para(self, text: str, style: str | None = None, keep_with_next: bool = False) -> Any:
        p = self.new_para(style)
        lines = text.split("\n")
        for i, line in enumerate(lines):
            run = _run(p, line)
            if i < len(lines) - 1:
                run.add_break()
        if keep_with_next:
            p.paragraph_format.keep_with_next = True
        return p

    def heading(self, text: str, level: int) -> None:
        name = f"Heading {level}"
        p = self.new_para(name)
        run = _run(p, text)
        if self.style(name) is None:
            run.bold = True

    def stamp(self, lines: list[str]) -> None:
        for line in lines:
            self.para(line, STYLE_STAMP)

    def title(self, text: str) -> None:
        self.para(text, STYLE_TITLE)

    def blocks(self, blocks: list[Block]) -> None:
        from docx.shared import Pt

        for i, b in enumerate(blocks):
            nxt = blocks[i + 1].kind if i + 1 < len(blocks) else None
            after_table = i > 0 and blocks[i - 1].kind == "table"
            if b.kind == "para":
                text = f"{b.number} {b.text}" if b.number else b.text
                p = self.para(text, "Normal", keep_with_next=nxt in ("table", "list"))
                if after_table:
                    p.paragraph_format.space_before = Pt(6)
            elif b.kind == "list":
                for j, item in enumerate(b.items):
                    self.para(f"{DASH} {item}", "Normal", keep_with_next=j < len(b.items) - 1 and len(b.items) < 6)
            elif b.kind == "subheading":
                self.heading(b.text, 2)
            elif b.kind == "table":
                self.table(b)

    def table(self, b: Block) -> None:
        """A placeholder for the table, written as XML in one pass (:mod:`.docx_table`)."""
        from lxml import etree

        st = TableStyle(
            self.width,
            self.height,
            self.layout.font_size,
            self.style(STYLE_CELL),
            self.style(STYLE_CELL_HEAD),
            self.style("Table Grid") if self.has("Table Grid") else None,
        )
        p = self.t.add_paragraph()._p
        p.addprevious(etree.ProcessingInstruction("tpkit-table", str(len(self.tables))))
        p.getparent().remove(p)
        self.tables.append(table_xml(b, st))


def _run(p: Any, text: str) -> Any:
    """A run of ``text`` with its registration numbers unbroken (``w:noBreakHyphen``: :func:`.docx_table.keep_numbers`)."""
    text = keep_numbers(text)
    if NO_BREAK_HYPHEN not in text:
        return p.add_run(text)
    from docx.oxml import OxmlElement

    run = p.add_run()
    for k, part in enumerate(text.split(NO_BREAK_HYPHEN)):
        if k:
            run._r.append(OxmlElement("w:noBreakHyphen"))
        if part:
            run._r.add_t(part)
    return run


def write_document(w: _Writer, view: DocumentView) -> None:
    """Everything below the stamp and the title: the sections and the closing lines."""
    for s in view.sections:
        w.heading(s.heading, 1)
        w.blocks(s.blocks)
    if view.closing:
        w.para("", "Normal")
        for line in view.closing:
            w.para(line, "Normal")


def _core(doc: Any, view: DocumentView) -> None:
    cp = doc.core_properties
    # a core property holds at most 255 characters (python-docx refuses more); the document keeps the whole title
    cp.title = view.title[:255]
    cp.author = (view.agency or "tpkit")[:255]
    cp.last_modified_by = "tpkit"
    cp.comments = ""
    cp.subject = ""
    cp.keywords = ""
    cp.category = ""
    cp.identifier = view.id[:255]
    cp.language = LANG
    cp.revision = 1
    when = fixed_moment(view.date).replace(tzinfo=None)
    cp.created = when
    cp.modified = when


# --- entry points ----------------------------------------------------------------------------


def render_docx(view: DocumentView, layout: Layout) -> bytes:
    """The built-in document."""
    from docx import Document

    doc = Document()
    strip_template_leftovers(doc)
    width = page_setup(doc.sections[0], view.landscape)
    setup_styles(doc, layout, width, force=True)
    document_settings(doc)
    page_numbers(doc.sections[0])
    # the template's body holds one empty paragraph: reuse nothing, start clean
    body = doc.element.body
    for p in list(body.iterchildren(q("p"))):
        body.remove(p)
    w = _Writer(doc, doc, width, layout, (210 if view.landscape else 297) - 40)
    if view.stamp.mark:
        w.para(view.stamp.mark, STYLE_DRAFT)
    w.stamp(view.stamp.lines)
    w.title(view.title)
    write_document(w, view)
    _core(doc, view)
    buf = io.BytesIO()
    doc.save(buf)
    return normalize(buf.getvalue(), fixed_moment(view.date), lambda xml: fill_placeholders(xml, w.tables))


def _body_xml(doc: Any, view: DocumentView, layout: Layout, width: float) -> str:
    """The sections as WordprocessingML paragraphs and tables in the agency document's own styles.

    What docxtpl's Subdoc does without a file (without its docxcompose dependency):
    a scratch document whose part is the template's, so style names resolve there.
    """
    import re

    from docx import Document
    from lxml import etree

    scratch = Document()
    scratch._part = doc.part
    body = scratch.element.body
    for el in list(body):
        if not el.tag.endswith("}sectPr"):  # python-docx sizes new tables from the section
            body.remove(el)
    section = doc.sections[0]
    height = (
        (section.page_height - section.top_margin - section.bottom_margin) / 36000
        if section.page_height and section.top_margin is not None and section.bottom_margin is not None
        else 257
    )
    w = _Writer(scratch, doc, width, layout, float(height))
    write_document(w, view)
    xml = "".join(
        etree.tostring(el, encoding="unicode") for el in body if not str(el.tag).endswith("}sectPr")
    )  # a table's placeholder is a processing instruction, whose tag is not a string
    xml = fill_placeholders(xml.encode("utf-8"), w.tables).decode("utf-8")
    # the namespace declarations lxml repeats on each top element are declared by the template's root
    return re.sub(r' xmlns:\w+="[^"]*"', "", xml)


def render_agency_docx(view: DocumentView, layout: Layout, template: Path, budget: Budget | None = None) -> bytes:
    """An agency's own .docx template, filled by docxtpl in the jinja sandbox under ``budget``.

    The template gets the view as plain data (``title``, ``stamp.lines``, ``stamp.mark`` — «ПРОЕКТ» on a draft,
    ``sections[].heading`` and ``.blocks``, ``extra``…) and ``body``: the
    sections ready-made in the template's own styles, to place with
    ``{{p body }}`` on a paragraph of its own. The file is checked first
    (:mod:`tpkit.render.docx_template`); its failures are reported as a text
    template's are.
    """
    from docxtpl import DocxTemplate
    from markupsafe import Markup

    from .docx_template import check_docx_template
    from .sandbox import make_env, running

    check_docx_template(template)
    name = template.name
    try:
        tpl = DocxTemplate(str(template))
        tpl.init_docx()
        doc = tpl.get_docx()
    except Exception as exc:  # a broken or non-Word file
        raise RenderError(f"{template}: не удалось открыть шаблон Word: {type(exc).__name__}: {exc}") from None
    section = doc.sections[0]
    width = (section.page_width - section.left_margin - section.right_margin) / 36000 if section.page_width else 180
    setup_styles(doc, layout, float(width), force=False)
    context = to_plain(view)
    context["body"] = Markup(_body_xml(doc, view, layout, float(width)))
    budget = budget if budget is not None else Budget(DEFAULT_TIME_LIMIT)
    env = make_env(autoescape=True, budget=budget)
    with running(name, budget):
        tpl.render(context, jinja_env=env, autoescape=True)
    _check_body_placed(tpl.docx.element, template)  # get_docx() would load the template again
    _core(doc, view)
    buf = io.BytesIO()
    tpl.save(buf)
    return normalize(buf.getvalue(), fixed_moment(view.date))


#: elements Word never nests so: a paragraph or table inside a run or a paragraph, text with elements inside
_MISPLACED = "//w:t[*] | //w:r/w:p | //w:r/w:tbl | //w:p/w:p | //w:p/w:tbl"


def _check_body_placed(root: Any, template: Path) -> None:
    """``body`` is paragraphs and tables: placed inside a paragraph (``{{ body }}``, ``{{r body }}``, words beside
    it) it makes a file Word refuses to open, so the template is refused instead."""
    if root.xpath(_MISPLACED):  # python-docx's elements know the w: prefix
        raise RenderError(
            f"{template.name}: разделы (body) вставлены внутрь абзаца — поставьте {{{{p body }}}} отдельным "
            f"абзацем, без другого текста (иначе Word не откроет документ) / put {{{{p body }}}} on a paragraph "
            f"of its own"
        )
