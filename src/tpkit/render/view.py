"""View models: what a document says, built from the Registry, before any format is chosen.

A document is a stamp (гриф утверждения), a title and numbered sections of
*blocks*: numbered paragraphs, dash lists, sub-headings and tables. Every
writer (DOCX, Markdown, HTML) walks the same blocks, so the documents cannot
disagree; an agency's own template gets the same data as plain dicts and
lists (:func:`to_plain`).

Documents are always in Russian (the contract: ``language`` changes findings,
not documents). Labels come from :mod:`tpkit.registry.enums`.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..registry.enums import (
    APPROVAL_KINDS,
    ASSESSMENT_CRITERIA,
    DIRECTIONS,
    SECTIONS,
    TOOL_KINDS,
    form_of,
)
from ..registry.model import Registry
from .register_table import (
    COLUMNS,
    DirectionTable,
    act_text,
    channel_label,
    features_at,
    official_text,
    register_tables,
    touchpoint_form,
)

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


class _Numbered:
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
            self.section.blocks.append(Block("list", items=_punctuate(lst)))

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


def _punctuate(items: list[str]) -> list[str]:
    """Dash items end with «;», the last with «.» (the Russian convention)."""
    out = []
    for i, it in enumerate(items):
        it = it.rstrip().rstrip(";.")
        out.append(it + ("." if i == len(items) - 1 else ";"))
    return out


def _sentence(text: str) -> str:
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", "»", ":")) else text + "."


def _lower_start(text: str) -> str:
    """«Используется …» after a colon becomes «используется …» (abbreviations stay)."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _quote(text: str) -> str:
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


def tp_name(reg: Registry, tid: str) -> str:
    tp = reg.touchpoints.get(tid)
    return tp.name if tp is not None else tid


def official(reg: Registry, oid: str | None) -> str:
    if not oid:
        return ""
    o = reg.officials.get(oid)
    return official_text(o) if o is not None else oid


def _group(items: list[Any], covered: list[str], multi: bool) -> list[tuple[str | None, list[Any]]]:
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


def _group_heading(reg: Registry, tid: str | None, groups: list[tuple[str | None, list[Any]]]) -> str | None:
    if tid is None:
        # a heading for the common part only when touchpoint parts follow
        return "Для всех точек взаимодействия" if len(groups) > 1 else None
    return f"Точка взаимодействия {_quote(tp_name(reg, tid))}"


# --- the procedure -----------------------------------------------------------------------


def procedure_view(reg: Registry, proc: m.Procedure) -> DocumentView:
    """The interaction procedure (порядок взаимодействия): stamp, title, sections 1–7, assessment appendix."""
    agency = reg.agency
    covered = reg.covered(proc)
    multi = len(covered) > 1
    sections = {key: Section(key, str(i + 1), SECTIONS[key]["ru"]) for i, key in enumerate(SECTIONS)}
    ctx = _Ctx(reg, proc, covered, multi)
    _general(ctx, sections["general"])
    _infrastructure(ctx, sections["infrastructure"])
    _requirements(ctx, sections["requirements"])
    _tools(ctx, sections["tools"])
    _specifics(ctx, sections["specifics"])
    _feedback(ctx, sections["feedback"])
    _control(ctx, sections["control"])
    out = list(sections.values())
    appendix = _assessment(ctx)
    if appendix is not None:
        out.append(appendix)
    for s in out:
        if not s.blocks:
            s.blocks.append(Block("para", text="Положения раздела не установлены."))
    return DocumentView(
        kind="procedure",
        id=proc.id,
        title=proc.title,
        stamp=make_stamp(proc.approval, agency),
        sections=out,
        agency=agency.name if agency is not None else "",
        date=proc.approval.date if proc.approval is not None else None,
        extra={
            "touchpoints": [_touchpoint_info(reg, t) for t in covered],
            "responsible": official(reg, proc.responsible),
            "embedded_in": act_text(reg.acts[proc.embedded_in]) if proc.embedded_in in reg.acts else "",
        },
    )


@dataclass(slots=True)
class _Ctx:
    reg: Registry
    proc: m.Procedure
    covered: list[str]
    multi: bool


def _touchpoint_info(reg: Registry, tid: str) -> dict[str, Any]:
    tp = reg.touchpoints[tid]
    return {
        "id": tp.id,
        "name": tp.name,
        "form": touchpoint_form(tp),
        "channel": channel_label(tp),
        "address": tp.address or "",
        "url": tp.url or "",
        "schedule": tp.schedule or "",
        "operator": tp.operator or "",
        "accessibility": list(tp.accessibility),
        "responsible": official(reg, tp.responsible),
        "processes": [
            {"title": u.process.title, "needs": [reg.need_label(n) for n in u.entry.needs]}
            for u in reg.usages.get(tid, [])
        ],
    }


def _general(c: _Ctx, s: Section) -> None:
    reg, proc = c.reg, c.proc
    n = _Numbered(s)
    who = agency_genitive(reg.agency)
    where = (
        f"в точке взаимодействия {_quote(tp_name(reg, c.covered[0]))}"
        if len(c.covered) == 1
        else "в точках взаимодействия, указанных в настоящем разделе"
    )
    n.para(f"Настоящий Порядок устанавливает правила взаимодействия с клиентами {who} {where}.".replace("  ", " "))
    g = proc.sections.general
    if g is not None and g.scope:
        n.para(_sentence(g.scope))
    if proc.embedded_in:
        act = reg.acts.get(proc.embedded_in)
        n.para(
            f"Настоящий Порядок является составной частью документа {_quote(act_text(act)) if act else proc.embedded_in}."
        )
    if c.covered:
        n.para("Порядок применяется в следующих точках взаимодействия:")
        rows = []
        for tid in c.covered:
            tp = reg.touchpoints[tid]
            name = tp.name + (f" (оператор: {tp.operator})" if tp.operator else "")
            place = "\n".join(x for x in (tp.address, tp.url) if x)
            rows.append([name, f"{touchpoint_form(tp)}, {channel_label(tp)}", place, tp.schedule or ""])
        n.table(["Точка взаимодействия", "Форма, канал", "Адрес, сайт", "Режим работы"], rows, [34, 20, 28, 18])
        n.para(
            "В точках взаимодействия удовлетворяются следующие потребности клиентов "
            "(по процессам, в которых используются эти точки):"
        )
        rows = []
        for tid in c.covered:
            for u in reg.usages.get(tid, []):
                needs = "; ".join(reg.need_label(x) for x in u.entry.needs)
                rows.append([tp_name(reg, tid), u.process.title, needs])
        if rows:
            if c.multi:
                n.table(["Точка взаимодействия", "Процесс", "Удовлетворяемые потребности"], rows, [26, 34, 40], True)
            else:
                n.table(["Процесс", "Удовлетворяемые потребности"], [r[1:] for r in rows], [45, 55])
        else:
            n.plain("Процессы, использующие эти точки взаимодействия, в перечне не указаны.")
    if g is not None:
        if g.goals:
            n.para("Цели взаимодействия с клиентами:")
            n.items(g.goals)
        if g.principles:
            n.para("Взаимодействие с клиентами основывается на следующих принципах:")
            n.items(g.principles)
        if g.touchpoint:
            n.plain(f"Положения раздела относятся к точке взаимодействия {_quote(tp_name(reg, g.touchpoint))}.")


def _infrastructure(c: _Ctx, s: Section) -> None:
    reg = c.reg
    n = _Numbered(s)
    items = c.proc.sections.infrastructure or []
    groups = _group(items, c.covered, c.multi)
    for tid, its in groups:
        head = _group_heading(reg, tid, groups)
        if head:
            n.sub(head)
        for it in its:
            text = it.equipment
            if it.purpose:
                text += f" {DASH} {_lower_start(it.purpose)}"
            text = _sentence(text)
            if it.usage:
                text += f" Применение: {_lower_start(_sentence(it.usage))}"
            n.para(text)
    for tid in c.covered:
        tp = reg.touchpoints[tid]
        if form_of(tp.channel) == "offline" and tp.accessibility:
            n.para(
                f"Для обеспечения равного доступа клиентов, в том числе маломобильных, в точке взаимодействия "
                f"{_quote(tp.name)} предусмотрено:"
            )
            n.items(tp.accessibility)


def _requirements(c: _Ctx, s: Section) -> None:
    reg = c.reg
    n = _Numbered(s)
    r = c.proc.sections.requirements
    if r is not None:
        for label, text in (
            ("Вежливость", r.politeness),
            ("Доступность", r.accessibility),
            ("Нацеленность на результат", r.result_orientation),
        ):
            if text:
                n.para(f"{label}. {_sentence(text)}")
        if r.methods:
            n.para("При взаимодействии с клиентами применяются следующие алгоритмы и методики:")
            n.items(r.methods)
        for text in r.other:
            n.para(_sentence(text))
    rows = []
    for tid in c.covered:
        for proc in reg.processes.values():
            for note in proc.notifications:
                if note.touchpoint == tid:
                    how = "автоматически" if note.automatic else "сотрудником"
                    rows.append([tp_name(reg, tid), proc.title, note.event, how, note.next_step or ""])
    if (r is not None and r.notifications) or rows:
        n.para(
            "Взаимодействие по инициативе ведомства (направление уведомлений клиенту)."
            + (f" {_sentence(r.notifications)}" if r is not None and r.notifications else "")
        )
    if rows:
        n.plain("Через точки взаимодействия, на которые распространяется Порядок, направляются уведомления:")
        if c.multi:
            n.table(
                ["Точка взаимодействия", "Процесс", "Событие", "Способ направления", "Следующий этап, срок"],
                rows,
                [20, 22, 20, 15, 23],
                True,
            )
        else:
            n.table(
                ["Процесс", "Событие", "Способ направления", "Следующий этап, срок"],
                [x[1:] for x in rows],
                [27, 25, 17, 31],
            )


def _tools(c: _Ctx, s: Section) -> None:
    n = _Numbered(s)
    items = c.proc.sections.tools or []
    groups = _group(items, c.covered, c.multi)
    for tid, its in groups:
        head = _group_heading(c.reg, tid, groups)
        if head:
            n.sub(head)
        for it in its:
            kind = TOOL_KINDS[it.kind]["ru"]
            text = f"{kind[0].upper()}{kind[1:]}: {_quote(it.name)}."
            if it.description:
                text += f" {_sentence(it.description)}"
            n.para(text)


def _specifics(c: _Ctx, s: Section) -> None:
    reg, proc = c.reg, c.proc
    n = _Numbered(s)
    items = proc.sections.specifics or []
    covered = set(c.covered)

    def where_met(fid: str) -> tuple[list[str], list[str]]:
        procs: list[str] = []
        tps: list[str] = []
        for p, f in reg.features.get(fid, []):
            at = [t for t in (f.touchpoints or [e.touchpoint for e in p.touchpoints]) if t in covered]
            if at:
                procs.append(p.title)
                tps.extend(t for t in at if t not in tps)
        return procs, tps

    groups = _group(items, c.covered, c.multi)
    for tid, its in groups:
        head = _group_heading(reg, tid, groups)
        if head:
            n.sub(head)
        for it in its:
            if it.feature:
                title, desc = it.feature, ""
                found = reg.features.get(it.feature, [])
                if found:
                    title, desc = found[0][1].title, found[0][1].description or ""
                procs, tps = where_met(it.feature)
                text = f"Особенность {_quote(title)}"
                where = []
                if procs:
                    where.append(("процесс " if len(procs) == 1 else "процессы ") + ", ".join(_quote(p) for p in procs))
                if tps and c.multi:
                    where.append(
                        ("точка взаимодействия " if len(tps) == 1 else "точки взаимодействия ")
                        + ", ".join(_quote(tp_name(reg, t)) for t in tps)
                    )
                if where:
                    text += f" ({'; '.join(where)})"
                text += "."
                if desc:
                    text += f" {_sentence(desc)}"
                n.para(text)
                n.plain(f"Инструкция: {_lower_start(_sentence(it.instruction))}")
            else:
                who = []
                if it.clients:
                    who.append(f"с клиентами категории {_quote(it.clients)}")
                if it.service:
                    who.append(f"при предоставлении {_quote(it.service)}")
                lead = "При взаимодействии " + " ".join(who) if who else "Особые случаи"
                n.para(f"{lead}: {_lower_start(_sentence(it.instruction))}")
    # features met at the covered touchpoints that have no instruction yet (TP304)
    described = {it.feature for it in items if it.feature}
    missing: list[tuple[str, str, str, str]] = []
    for tid in c.covered:
        for u in reg.usages.get(tid, []):
            for f in features_at(u.process, tid):
                if f.id not in described and (f.id, u.process.id) not in [(x[0], x[1]) for x in missing]:
                    missing.append((f.id, u.process.id, f.title, u.process.title))
    if missing:
        n.para(
            "В точках взаимодействия встречаются также следующие особенности процессов; инструкции по ним "
            "подлежат разработке:"
        )
        n.items([f"{_quote(t)} (процесс {_quote(pt)})" for _, _, t, pt in missing])


def _feedback(c: _Ctx, s: Section) -> None:
    reg = c.reg
    n = _Numbered(s)
    f = c.proc.sections.feedback
    if f is not None:
        if f.rating_each_stage:
            n.para("Клиенту предлагается оценить качество взаимодействия на каждом этапе взаимодействия.")
        if f.pretrial_appeal:
            n.para(_sentence(f.pretrial_appeal))
        if f.channels:
            n.para(
                "Обратная связь от клиентов принимается в точках взаимодействия: "
                + ", ".join(_quote(tp_name(reg, t)) for t in f.channels)
                + "."
            )
        if f.description:
            n.para(_sentence(f.description))
    rows = []
    for tid in c.covered:
        for u in reg.usages.get(tid, []):
            fb = [reg.need_label(x) for x in u.entry.needs if x in ("feedback", "feedback_result")]
            if fb:
                rows.append([tp_name(reg, tid), u.process.title, "; ".join(fb)])
    if rows:
        n.para("Потребности клиентов в обратной связи удовлетворяются в точках взаимодействия:")
        n.table(["Точка взаимодействия", "Процесс", "Потребность"], rows, [30, 40, 30], c.multi)


def _control(c: _Ctx, s: Section) -> None:
    reg, proc = c.reg, c.proc
    n = _Numbered(s)
    if proc.responsible:
        n.para(f"Контроль за соблюдением настоящего Порядка осуществляет {official(reg, proc.responsible)}.")
    items = proc.sections.control or []
    if items:
        n.para("Контроль соблюдения Порядка осуществляется в следующих формах и в сроки:")
        rows = []
        for it in items:
            measures = "; ".join(it.corrective_measures)
            resp = official(reg, it.responsible or proc.responsible)
            row = [it.subject or "", it.periodicity or "", it.tool or "", measures, resp]
            if c.multi:
                row.insert(0, tp_name(reg, it.touchpoint) if it.touchpoint else "все точки взаимодействия")
            rows.append(row)
        if c.multi:
            order: dict[str | None, int] = {None: -1, **{t: i for i, t in enumerate(c.covered)}}
            keyed = sorted(zip(items, rows, strict=True), key=lambda p: order.get(p[0].touchpoint, len(order)))
            rows = [r for _, r in keyed]
            n.table(
                [
                    "Точка взаимодействия",
                    "Предмет контроля",
                    "Периодичность",
                    "Инструмент контроля",
                    "Корректирующие мероприятия",
                    "Ответственный",
                ],
                rows,
                [17, 17, 15, 17, 17, 17],
                True,
            )
        else:
            n.table(
                [
                    "Предмет контроля",
                    "Периодичность",
                    "Инструмент контроля",
                    "Корректирующие мероприятия",
                    "Ответственный",
                ],
                rows,
                [21, 16, 19, 23, 21],
            )
        n.para(
            "При отрицательном результате контроля проводятся корректирующие мероприятия, указанные в таблице, "
            "в целях предотвращения подобных ситуаций."
        )


_STATUS = {"ok": "соответствует", "gap": "выявлено расхождение"}


def _assessment(c: _Ctx) -> Section | None:
    reg = c.reg
    if not c.proc.assessment:
        return None
    s = Section(
        "assessment",
        "",
        "Приложение. Результаты оценки точек взаимодействия и мероприятия по минимизации выявленных расхождений",
    )
    n = _Numbered(s)
    n.plain(
        "Оценка проведена до реинжиниринга точек взаимодействия по критериям простоты, удобства, "
        "оперативности и доступности."
    )
    rows = []
    for a in c.proc.assessment:
        for key, labels in ASSESSMENT_CRITERIA.items():
            crit: m.Criterion | None = getattr(a, key)
            if crit is None:
                rows.append([tp_name(reg, a.touchpoint), labels["ru"], "не оценивалась", "", ""])
                continue
            rows.append(
                [
                    tp_name(reg, a.touchpoint),
                    labels["ru"],
                    _STATUS[crit.status],
                    crit.finding or "",
                    crit.mitigation or ("мероприятия не определены" if crit.status == "gap" else ""),
                ]
            )
    n.table(
        ["Точка взаимодействия", "Критерий", "Результат", "Выявленное расхождение", "Мероприятия по минимизации"],
        rows,
        [22, 17, 18, 19, 24],
        True,
    )
    return s


# --- the register -------------------------------------------------------------------------


def register_view(reg: Registry, direction: str | None = None) -> DocumentView:
    """The register (перечень точек взаимодействия): stamp, title, a table per direction, the responsible."""
    agency = reg.agency
    info = agency.register if agency is not None else None
    tables = register_tables(reg, direction)
    sections = []
    for i, t in enumerate(tables, 1):
        sec = Section(t.direction, str(i), t.title)
        sec.blocks.append(_register_block(t))
        sections.append(sec)
    closing = []
    if info is not None and info.responsible:
        closing.append(
            f"Ответственный за формирование перечня точек взаимодействия: {official(reg, info.responsible)}."
        )
    title = "Перечень точек взаимодействия с клиентом"
    who = agency_genitive(agency)
    if who:
        title += f" {who}"
    if direction is not None:
        title += f" ({DIRECTIONS[direction]['ru'][0].lower()}{DIRECTIONS[direction]['ru'][1:]})"
    approval = info.approval if info is not None else None
    return DocumentView(
        kind="register",
        id="register" if direction is None else f"register-{direction}",
        title=title,
        stamp=make_stamp(approval, agency),
        sections=sections,
        agency=agency.name if agency is not None else "",
        date=approval.date if approval is not None else None,
        closing=closing,
        landscape=True,
        extra={"tables": tables, "columns": [c.ru for c in COLUMNS]},
    )


def _register_block(t: DirectionTable) -> Block:
    rows = [[c or EMPTY for c in r.cells()] for r in t.rows]
    return Block("table", headers=[c.ru for c in COLUMNS], rows=rows, widths=[c.width for c in COLUMNS])


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
