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
    (``headers``, ``rows``, relative ``widths``).

    A table's column ``group`` is printed once per run of rows that share it (a vertically merged cell: the
    register's process, a touchpoint in a procedure); the runs are those of equal ``group_keys`` (one per row:
    ids, since two processes may share a title), else of equal texts. ``number_column``: the first column holds
    row numbers and is as wide as its widest number, which never wraps («1/0»).
    """

    kind: str
    text: str = ""
    number: str = ""
    items: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    widths: list[int] = field(default_factory=list)
    group: int | None = None
    group_keys: list[str] = field(default_factory=list)
    number_column: bool = False

    def spans(self) -> list[list[int]]:
        """Row spans per cell: 0 = covered by the cell above (the merged ``group`` column)."""
        out = [[1] * len(r) for r in self.rows]
        col = self.group
        if col is None:
            return out
        keys = self.group_keys or [r[col] if col < len(r) else "" for r in self.rows]
        start = 0
        for i in range(1, len(self.rows) + 1):
            if i == len(self.rows) or keys[i] != keys[start]:
                if col < len(self.rows[start]):
                    out[start][col] = i - start
                for j in range(start + 1, i):
                    if col < len(self.rows[j]):
                        out[j][col] = 0
                start = i
        return out

    def number_chars(self) -> int:
        """The width of the number column in digits: its widest number, and at least two (the sign «№»)."""
        return max([2, *(len(r[0]) for r in self.rows if r)]) if self.number_column else 0


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
    """Гриф утверждения: printed top right, one line per item.

    ``mark`` is «ПРОЕКТ» on a draft (:func:`tpkit.lint.rules.approval.is_draft`), printed above the stamp,
    whose values are then blanks to fill in by hand; "" on an approved document.
    """

    lines: list[str]
    kind: str = "order"
    number: str = ""
    date: str = ""
    mark: str = ""


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

    def table(
        self, headers: list[str], rows: list[list[str]], widths: list[int], group_keys: list[str] | None = None
    ) -> None:
        """A table; ``group_keys``: the first column is merged over the rows of equal keys."""
        self.section.blocks.append(
            Block(
                "table",
                headers=headers,
                rows=[[c or EMPTY for c in r] for r in rows],
                widths=widths,
                group=0 if group_keys is not None else None,
                group_keys=group_keys or [],
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


def agency_genitive(agency: m.Agency | None) -> str:
    """«приказом Министерства …»: the agency's name in the genitive case.

    ``name_genitive`` when the agency wrote it; otherwise the name declined as a phrase
    (:func:`tpkit.russian.genitive`: the leading adjectives and the head word, the rest as written).
    """
    if agency is None:
        return ""
    if agency.name_genitive:
        return agency.name_genitive
    from ..russian import genitive

    return genitive(agency.name)


def fmt_date(d: _dt.date | None) -> str:
    # not ``%Y``: the C library prints year 1 as "1" here and "0001" elsewhere
    return f"{d.day:02d}.{d.month:02d}.{d.year:04d}" if d is not None else ""


#: the mark of a draft, top right of the first page, above the blank stamp
DRAFT_MARK = "ПРОЕКТ"
_BLANK_DATE = "____________"
_BLANK_NUMBER = "______"


def make_stamp(approval: m.Approval | None, agency: m.Agency | None, *, part_of_act: bool = False) -> Stamp:
    """Гриф утверждения (ГОСТ Р 7.0.97-2025, реквизит 16).

    ``order``: УТВЕРЖДЕН / приказом <agency> / от <date> № <number>;
    ``resolution``: УТВЕРЖДАЮ / <head's position> / signature and name / date;
    ``other``: УТВЕРЖДЕН / <title> / от … (№ …).

    A draft — no approval, or one that lacks what its form needs (what TP203 and TP311 call unapproved) — is
    marked «ПРОЕКТ», and its stamp has blanks for every value: a date or a number recorded before the document is
    signed is not printed as if it had been. ``part_of_act``: a procedure that is part of an internal act
    (``embedded_in``) is approved with it; without an approval of its own it has no stamp and no mark.
    """
    from ..lint.rules.approval import is_draft

    who = agency_genitive(agency)
    kind = approval.kind if approval is not None else "order"
    if part_of_act and is_draft(approval):
        return Stamp([], kind=kind)
    if is_draft(approval):
        date, number, when = _BLANK_DATE, _BLANK_NUMBER, "«___» ____________ 20__ г."
        mark = DRAFT_MARK
    else:
        assert approval is not None
        date, number, when = fmt_date(approval.date), approval.number or "", fmt_date(approval.date)
        mark = ""
    if kind == "resolution":
        head = agency.head if agency is not None else None
        lines = ["УТВЕРЖДАЮ"]
        if head is not None:
            lines += [head.position, f"____________ {head.name}"]
        lines.append(when)
    else:
        title = approval.title if approval is not None else None
        second = f"{APPROVAL_KINDS['order']['ru']} {who}".strip() if kind == "order" else (title or "")
        lines = ["УТВЕРЖДЕН"] + ([second] if second else []) + [f"от {date}" + (f" № {number}" if number else "")]
    return Stamp(lines, kind=kind, number="" if mark else number, date="" if mark else date, mark=mark)


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

    Tables gain ``spans`` (row spans of each cell, 0 = merged into the cell above) and ``number_chars`` (the
    width of a number column in digits, 0 without one).
    """
    if isinstance(obj, Block):
        d = {f.name: to_plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        d["spans"] = obj.spans()
        d["number_chars"] = obj.number_chars()
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
