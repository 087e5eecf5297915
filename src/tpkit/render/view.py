"""View models: what a document says, built from the Registry, before any format is chosen.

A document is a stamp (гриф утверждения), a title and numbered sections of
*blocks*: numbered paragraphs, dash lists, sub-headings and tables. Every
writer (DOCX, Markdown, HTML) walks the same blocks, so the documents cannot
disagree; an agency's own template gets the same data as plain dicts and
lists (:func:`to_plain`).

The documents themselves are built in :mod:`tpkit.render.procedure_view` and
:mod:`tpkit.render.register_view`.

Documents are always in Russian (the contract: ``language`` changes findings,
not documents). Labels come from :mod:`tpkit.registry.enums`.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..registry import Registry
from ..registry.enums import APPROVAL_KINDS
from .register_columns import official_text

if TYPE_CHECKING:
    from ..registry import models as m

DASH = "\u2013"  # en dash: list items in Russian official documents
EMPTY = "\u2014"  # em dash: an empty table cell


# --- blocks ---------------------------------------------------------------------------


@dataclass(slots=True)
class Block:
    """One element of a section.

    ``kind``: ``para`` (``number`` like ``1.2.`` may be empty), ``list``
    (``items``, printed as dash items), ``subheading`` (``text``), ``table``
    (``headers``, ``rows``, relative ``widths``; ``group_first`` merges equal
    consecutive cells of the first column).
    """

    kind: str
    text: str = ""
    number: str = ""
    items: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    widths: list[int] = field(default_factory=list)
    group_first: bool = False

    def spans(self) -> list[list[int]]:
        """Row spans per cell: 0 = covered by the cell above (grouped first column)."""
        out = [[1] * len(r) for r in self.rows]
        if not self.group_first:
            return out
        start = 0
        for i in range(1, len(self.rows) + 1):
            if i == len(self.rows) or self.rows[i][0] != self.rows[start][0]:
                out[start][0] = i - start
                for j in range(start + 1, i):
                    out[j][0] = 0
                start = i
        return out


@dataclass(slots=True)
class Section:
    key: str
    number: str  # "1" … "7"; "" for an appendix
    title: str
    blocks: list[Block] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title


@dataclass(slots=True)
class Stamp:
    """Гриф утверждения: printed top right, one line per item."""

    lines: list[str]
    kind: str = "order"
    number: str = ""
    date: str = ""


@dataclass(slots=True)
class DocumentView:
    kind: str  # "procedure" | "register"
    id: str
    title: str
    stamp: Stamp
    sections: list[Section]
    agency: str
    #: the date of the document's properties when SOURCE_DATE_EPOCH is unset
    date: _dt.date | None = None
    closing: list[str] = field(default_factory=list)
    #: landscape pages (the register's wide table)
    landscape: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


class Numbered:
    """Numbers paragraphs «N.k.» inside a section."""

    def __init__(self, section: Section) -> None:
        self.section = section
        self.k = 0

    def para(self, text: str) -> None:
        self.k += 1
        self.section.blocks.append(Block("para", text=text, number=f"{self.section.number}.{self.k}."))

    def plain(self, text: str) -> None:
        self.section.blocks.append(Block("para", text=text))

    def items(self, items: Iterable[str]) -> None:
        lst = [i for i in items if i]
        if lst:
            self.section.blocks.append(Block("list", items=punctuate(lst)))

    def sub(self, text: str) -> None:
        self.section.blocks.append(Block("subheading", text=text))

    def table(self, headers: list[str], rows: list[list[str]], widths: list[int], group_first: bool = False) -> None:
        self.section.blocks.append(
            Block(
                "table",
                headers=headers,
                rows=[[c or EMPTY for c in r] for r in rows],
                widths=widths,
                group_first=group_first,
            )
        )


def punctuate(items: list[str]) -> list[str]:
    """Dash items end with «;», the last with «.» (the Russian convention)."""
    out = []
    for i, it in enumerate(items):
        it = it.rstrip().rstrip(";.")
        out.append(it + ("." if i == len(items) - 1 else ";"))
    return out


def sentence(text: str) -> str:
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", "»", ":")) else text + "."


def lower_start(text: str) -> str:
    """«Используется …» after a colon becomes «используется …» (abbreviations stay)."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def quote(text: str) -> str:
    """«text» — unless the text already holds quotes (a name like МФЦ «Мои документы»)."""
    return text if "«" in text else f"«{text}»"


# --- shared pieces -------------------------------------------------------------------------

_GENITIVE = {
    "Министерство": "Министерства",
    "Комитет": "Комитета",
    "Департамент": "Департамента",
    "Управление": "Управления",
    "Агентство": "Агентства",
    "Служба": "Службы",
    "Инспекция": "Инспекции",
    "Администрация": "Администрации",
    "Правительство": "Правительства",
    "Федеральная": "Федеральной",
    "Государственная": "Государственной",
}


def agency_genitive(agency: m.Agency | None) -> str:
    """«приказом Министерства …»: the first word of the name in the genitive case.

    Names of Russian agencies put only their first word in the nominative
    («Министерство социальной защиты населения …»); the rest is already
    genitive. An unknown first word falls back to the short name (an
    abbreviation does not decline), else the name as written.
    """
    if agency is None:
        return ""
    first, _, rest = agency.name.partition(" ")
    if first in _GENITIVE:
        return f"{_GENITIVE[first]} {rest}".strip()
    return agency.short_name or agency.name


def fmt_date(d: _dt.date | None) -> str:
    # not ``%Y``: the C library prints year 1 as "1" here and "0001" elsewhere
    return f"{d.day:02d}.{d.month:02d}.{d.year:04d}" if d is not None else ""


def make_stamp(approval: m.Approval | None, agency: m.Agency | None) -> Stamp:
    """Гриф утверждения (ГОСТ Р 7.0.97-2025, реквизит 16).

    ``order``: УТВЕРЖДЕН / приказом <agency> / от <date> № <number>;
    ``resolution``: УТВЕРЖДАЮ / <head's position> / signature and name / date;
    ``other``: УТВЕРЖДЕН / <title> / от … № ….  Without an approval the
    stamp is printed with blanks to fill in by hand.
    """
    who = agency_genitive(agency)
    if approval is None:
        return Stamp(["УТВЕРЖДЕН", f"приказом {who}".strip(), "от ____________ № ______"], kind="draft")
    date = fmt_date(approval.date) or "____________"
    number = approval.number or "______"
    if approval.kind == "resolution":
        head = agency.head if agency is not None else None
        lines = ["УТВЕРЖДАЮ"]
        if head is not None:
            lines += [head.position, f"____________ {head.name}"]
        lines.append(fmt_date(approval.date) or "«___» ____________ 20__ г.")
        return Stamp(lines, kind="resolution", number=approval.number or "", date=fmt_date(approval.date))
    if approval.kind == "order":
        second = f"{APPROVAL_KINDS['order']['ru']} {who}".strip()
    else:
        second = approval.title or ""
    lines = ["УТВЕРЖДЕН"] + ([second] if second else []) + [f"от {date} № {number}"]
    return Stamp(lines, kind=approval.kind, number=approval.number or "", date=fmt_date(approval.date))


def official(reg: Registry, oid: str | None) -> str:
    if not oid:
        return ""
    o = reg.officials.get(oid)
    return official_text(o) if o is not None else oid


def group_items(items: list[Any], covered: list[str], multi: bool) -> list[tuple[str | None, list[Any]]]:
    """Items grouped per touchpoint: the common ones (no ``touchpoint``) first, then in coverage order."""
    if not multi:
        return [(None, items)] if items else []
    common = [it for it in items if getattr(it, "touchpoint", None) is None]
    out: list[tuple[str | None, list[Any]]] = [(None, common)] if common else []
    order = covered + sorted({it.touchpoint for it in items if it.touchpoint and it.touchpoint not in covered})
    for tid in order:
        its = [it for it in items if getattr(it, "touchpoint", None) == tid]
        if its:
            out.append((tid, its))
    return out


def group_heading(reg: Registry, tid: str | None, groups: list[tuple[str | None, list[Any]]]) -> str | None:
    if tid is None:
        # a heading for the common part only when touchpoint parts follow
        return "Для всех точек взаимодействия" if len(groups) > 1 else None
    return f"Точка взаимодействия {quote(reg.tp_name(tid))}"


# --- plain data for templates -------------------------------------------------------------


def to_plain(obj: Any) -> Any:
    """Dataclasses, lists and dicts as plain dicts, lists and strings: what a sandboxed template may see.

    Tables gain ``spans`` (row spans of each cell, 0 = merged into the cell above).
    """
    if isinstance(obj, Block):
        d = {f.name: to_plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        d["spans"] = obj.spans()
        return d
    if isinstance(obj, Section):
        d = {f.name: to_plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        d["heading"] = obj.heading
        return d
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {str(k): to_plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_plain(v) for v in obj]
    if isinstance(obj, _dt.date):
        return fmt_date(obj)
    return obj
