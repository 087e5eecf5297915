"""DOCX page, styles and the WordprocessingML details beneath them (ГОСТ Р 7.0.97-2025 defaults).

Used by :mod:`tpkit.render.docx_writer`, which writes the content.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LANG = "ru-RU"

# the order of w:rPr children (ECMA-376); python-docx does not declare w:szCs and w:lang
RPR_SEQ = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
    "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
    "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em",
    "lang", "eastAsianLayout", "specVanish", "oMath",
)  # fmt: skip

PPR_SEQ = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr", "suppressLineNumbers",
    "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct",
    "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
    "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl",
    "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
)  # fmt: skip

STYLE_STAMP = "tpkit Stamp"
STYLE_DRAFT = "tpkit Draft Mark"
STYLE_TITLE = "tpkit Title"
STYLE_CELL = "tpkit Table Text"
STYLE_CELL_HEAD = "tpkit Table Header"


@dataclass(frozen=True, slots=True)
class Layout:
    font: str = "Times New Roman"
    font_size: float = 14


# --- low-level XML helpers ----------------------------------------------------------------


def q(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def child(parent: Any, tag: str, seq: tuple[str, ...] = RPR_SEQ) -> Any:
    """The ``w:tag`` child of ``parent``, created at its schema position if absent."""
    from docx.oxml import OxmlElement

    found = parent.find(q(tag))
    if found is not None:
        return found
    el = OxmlElement(f"w:{tag}")
    later = set(seq[seq.index(tag) + 1 :])
    for i, existing in enumerate(parent):
        local = existing.tag.rsplit("}", 1)[-1]
        if local in later:
            parent.insert(i, el)
            return el
    parent.append(el)
    return el


def set_rpr(rpr: Any, layout: Layout | None, size: float | None = None, lang: bool = True) -> None:
    """Font (all four scripts, no theme fonts), size (also complex-script) and ru-RU on a w:rPr."""
    if layout is not None:
        fonts = child(rpr, "rFonts")
        for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(q(attr), None)
        for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
            fonts.set(q(attr), layout.font)
    if size is not None:
        half = str(round(size * 2))
        child(rpr, "sz").set(q("val"), half)
        child(rpr, "szCs").set(q("val"), half)
    if lang:
        el = child(rpr, "lang")
        el.set(q("val"), LANG)
        el.set(q("eastAsia"), LANG)


def style_rpr(style: Any) -> Any:
    return style.element.get_or_add_rPr()


def hyphenate(style: Any, on: bool) -> None:
    """Automatic hyphenation per style: off for running text (as official documents print it),
    on in narrow table cells, where a long Russian word would otherwise break anywhere."""
    ppr = style.element.get_or_add_pPr()
    el = child(ppr, "suppressAutoHyphens", PPR_SEQ)
    el.set(q("val"), "0" if on else "1")


# --- styles ---------------------------------------------------------------------------------


def has_style(doc: Any, name: str) -> bool:
    try:
        doc.styles[name]
    except KeyError:
        return False
    return True


def para_style(doc: Any, name: str, force: bool) -> Any | None:
    """The paragraph style ``name``: created when missing; ``None`` when it exists and must stay as is."""
    from docx.enum.style import WD_STYLE_TYPE

    if has_style(doc, name):
        return doc.styles[name] if force else None
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    return style


def _restyle_builtin(doc: Any, layout: Layout) -> None:
    """The built-in document: defaults, Normal, Heading 1/2 and Header in the ГОСТ layout, every style in Russian."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Cm, Pt, RGBColor

    size = layout.font_size
    # document defaults: font, size, language
    defaults = doc.styles.element.find(q("docDefaults"))
    if defaults is not None:
        rpr_default = defaults.find(q("rPrDefault"))
        if rpr_default is not None:
            rpr = rpr_default.find(q("rPr"))
            if rpr is not None:
                set_rpr(rpr, layout, size)
    # every style speaks Russian (spell-checking, hyphenation)
    for st in doc.styles:
        if st.type in (1, 2):  # paragraph, character
            set_rpr(style_rpr(st), None, None, lang=True)
    normal = doc.styles["Normal"]
    set_rpr(style_rpr(normal), layout, size)
    pf = normal.paragraph_format
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    pf.first_line_indent = Cm(1.25)
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    pf.widow_control = True
    hyphenate(normal, False)
    for level, before, align in ((1, 12, WD_ALIGN_PARAGRAPH.CENTER), (2, 6, WD_ALIGN_PARAGRAPH.LEFT)):
        h = doc.styles[f"Heading {level}"]
        set_rpr(style_rpr(h), layout, size)
        h.font.bold = True
        h.font.italic = False
        h.font.color.rgb = RGBColor(0, 0, 0)
        hf = h.paragraph_format
        hf.alignment = align
        hf.first_line_indent = Cm(0) if level == 1 else Cm(1.25)
        hf.left_indent = Cm(0)
        hf.space_before = Pt(before)
        hf.space_after = Pt(6)
        hf.line_spacing_rule = WD_LINE_SPACING.SINGLE
        hf.keep_with_next = True
    header = doc.styles["Header"]
    set_rpr(style_rpr(header), layout, max(size - 2, 8))
    header.paragraph_format.first_line_indent = Cm(0)
    header.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _paragraph_style(
    doc: Any, name: str, force: bool, layout: Layout, size: float, bold: bool | None, **fmt: Any
) -> Any:
    """The paragraph style ``name`` set up with its font, size, weight and paragraph format; None when it exists
    and must stay as the agency made it."""
    style = para_style(doc, name, force)
    if style is None:
        return None
    set_rpr(style_rpr(style), layout, size)
    if bold is not None:
        style.font.bold = bold
    for key, value in fmt.items():
        setattr(style.paragraph_format, key, value)
    return style


def _tpkit_styles(doc: Any, layout: Layout, text_width_mm: float, force: bool) -> None:
    """tpkit's own paragraph styles: the stamp, the draft mark, the title, table text and table headers."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Cm, Mm, Pt

    size = layout.font_size
    single = WD_LINE_SPACING.SINGLE
    _paragraph_style(
        doc, STYLE_STAMP, force, layout, size, None, alignment=WD_ALIGN_PARAGRAPH.LEFT, first_line_indent=Cm(0),
        left_indent=Mm(max(text_width_mm - 80, 0)), space_after=Pt(0), line_spacing_rule=single,
    )  # fmt: skip
    # «ПРОЕКТ», top right of the first page, above the stamp
    _paragraph_style(
        doc, STYLE_DRAFT, force, layout, size, True, alignment=WD_ALIGN_PARAGRAPH.RIGHT, first_line_indent=Cm(0),
        space_after=Pt(12), line_spacing_rule=single,
    )  # fmt: skip
    _paragraph_style(
        doc, STYLE_TITLE, force, layout, size, True, alignment=WD_ALIGN_PARAGRAPH.CENTER, first_line_indent=Cm(0),
        space_before=Pt(24), space_after=Pt(12), keep_with_next=True,
    )  # fmt: skip
    for name, bold, align in (
        (STYLE_CELL, False, WD_ALIGN_PARAGRAPH.LEFT),
        (STYLE_CELL_HEAD, True, WD_ALIGN_PARAGRAPH.CENTER),
    ):
        cell = _paragraph_style(
            doc, name, force, layout, max(size - 2, 8), bold, alignment=align, first_line_indent=Cm(0),
            left_indent=Cm(0), space_before=Pt(0), space_after=Pt(0), line_spacing_rule=single,
        )  # fmt: skip
        if cell is not None:
            hyphenate(cell, True)


def setup_styles(doc: Any, layout: Layout, text_width_mm: float, *, force: bool) -> None:
    """Style the document. ``force``: the built-in document (restyle everything);
    otherwise an agency's template: only add the styles it lacks, keep its own.
    """
    if force:
        _restyle_builtin(doc, layout)
    elif not has_style(doc, "Heading 1"):
        for level in (1, 2):
            h = para_style(doc, f"Heading {level}", False)
            if h is not None:
                h.font.bold = True
                h.paragraph_format.keep_with_next = True
    _tpkit_styles(doc, layout, text_width_mm, force)


def document_settings(doc: Any) -> None:
    """ru-RU as the theme font language; automatic hyphenation allowed (the styles decide where)."""
    from docx.oxml import OxmlElement

    settings = doc.settings.element
    el = settings.find(q("themeFontLang"))
    if el is not None:
        el.set(q("val"), LANG)
        el.set(q("eastAsia"), LANG)
    if settings.find(q("autoHyphenation")) is None:
        tab = settings.find(q("defaultTabStop"))
        hyph = OxmlElement("w:autoHyphenation")
        if tab is not None:
            tab.addnext(hyph)
        else:
            settings.insert(0, hyph)


def strip_template_leftovers(doc: Any) -> None:
    """python-docx's default template carries a thumbnail of its sample text and a
    second copy of the styles (stylesWithEffects); neither belongs in an agency's document."""
    pkg = doc.part.package
    for rid, rel in list(pkg.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del pkg.rels[rid]
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            del doc.part.rels[rid]


# --- page -----------------------------------------------------------------------------------


def page_setup(section: Any, landscape: bool) -> float:
    """A4 with the ГОСТ margins; returns the text width in mm."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    w, h = (297, 210) if landscape else (210, 297)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width = Mm(w)
    section.page_height = Mm(h)
    section.left_margin = Mm(20)
    section.right_margin = Mm(10)
    section.top_margin = Mm(20)
    section.bottom_margin = Mm(20)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    section.gutter = Mm(0)
    return w - 30


def page_numbers(section: Any) -> None:
    """Page numbers centred in the top margin, from page 2: a different first page and a PAGE field."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement

    section.different_first_page_header_footer = True
    para = section.header.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def fld(kind: str) -> None:
        run = para.add_run()
        el = OxmlElement("w:fldChar")
        el.set(q("fldCharType"), kind)
        run._r.append(el)

    fld("begin")
    run = para.add_run()
    instr = OxmlElement("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = " PAGE "
    run._r.append(instr)
    fld("separate")
    para.add_run("2")
    fld("end")
    # the first page's header stays empty
    section.first_page_header.paragraphs[0].text = ""
