"""The interaction procedure (порядок взаимодействия) as a view: stamp, title, sections 1–7, the assessment appendix."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..lint.rules.approval import part_of_internal_act
from ..registry import Registry
from ..registry.enums import ASSESSMENT_CRITERIA, SECTIONS, TOOL_KINDS, form_of
from .register_columns import act_text
from .register_table import channel_label, features_at, touchpoint_form
from .view import (
    DASH,
    Block,
    DocumentView,
    Numbered,
    Section,
    agency_genitive,
    group_heading,
    group_items,
    lower_start,
    make_stamp,
    official,
    quote,
    sentence,
)

if TYPE_CHECKING:
    from ..registry import models as m


def _grouped(c: _Ctx, n: Numbered, items: list[Any]) -> Iterator[Any]:
    """The items touchpoint by touchpoint, each group under its sub-heading (written as the items are)."""
    groups = group_items(items, c.covered, c.multi)
    for tid, its in groups:
        head = group_heading(c.reg, tid, groups)
        if head:
            n.sub(head)
        yield from its


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
        stamp=make_stamp(proc.approval, agency, part_of_act=part_of_internal_act(reg, proc)),
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


def _responsible_of(reg: Registry, tid: str) -> list[str]:
    """The officials responsible for work with clients at a touchpoint: the catalogue's, then those a process
    names for its own entry (the methodology: «ответственное должностное лицо … в точке взаимодействия»)."""
    tp = reg.touchpoints[tid]
    out = [tp.responsible] if tp.responsible else []
    for u in reg.usages.get(tid, []):
        if u.entry.responsible and u.entry.responsible not in out:
            out.append(u.entry.responsible)
    return out


def _general(c: _Ctx, s: Section) -> None:
    reg, proc = c.reg, c.proc
    n = Numbered(s)
    who = agency_genitive(reg.agency)
    where = (
        f"в точке взаимодействия {quote(reg.tp_name(c.covered[0]))}"
        if len(c.covered) == 1
        else "в точках взаимодействия, указанных в настоящем разделе"
    )
    n.para(f"Настоящий Порядок устанавливает правила взаимодействия с клиентами {who} {where}.".replace("  ", " "))
    g = proc.sections.general
    if g is not None and g.scope:
        n.para(sentence(g.scope))
    if proc.embedded_in:
        act = reg.acts.get(proc.embedded_in)
        n.para(
            f"Настоящий Порядок является составной частью документа {quote(act_text(act)) if act else proc.embedded_in}."
        )
    if c.covered:
        n.para("Порядок применяется в следующих точках взаимодействия:")
        rows = []
        for tid in c.covered:
            tp = reg.touchpoints[tid]
            name = tp.name + (f" (оператор: {tp.operator})" if tp.operator else "")
            place = "\n".join(x for x in (tp.address, tp.phone, tp.url) if x)
            who = "\n".join(official(reg, o) for o in _responsible_of(reg, tid))
            rows.append([name, f"{touchpoint_form(tp)}, {channel_label(tp)}", place, tp.schedule or "", who])
        n.table(
            [
                "Точка взаимодействия",
                "Форма, канал",
                "Адрес, телефон, сайт",
                "Режим работы",
                "Ответственное должностное лицо",
            ],
            rows,
            [26, 16, 22, 14, 22],
        )
        n.para(
            "В точках взаимодействия удовлетворяются следующие потребности клиентов "
            "(по процессам, в которых используются эти точки):"
        )
        rows, keys = [], []
        for tid in c.covered:
            for u in reg.usages.get(tid, []):
                needs = "; ".join(reg.need_label(x) for x in u.entry.needs)
                rows.append([reg.tp_name(tid), u.process.title, needs])
                keys.append(tid)
        if rows:
            if c.multi:
                n.table(["Точка взаимодействия", "Процесс", "Удовлетворяемые потребности"], rows, [26, 34, 40], keys)
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
            n.plain(f"Положения раздела относятся к точке взаимодействия {quote(reg.tp_name(g.touchpoint))}.")


def _infrastructure(c: _Ctx, s: Section) -> None:
    reg = c.reg
    n = Numbered(s)
    items = c.proc.sections.infrastructure or []
    for it in _grouped(c, n, items):
        text = it.equipment
        if it.purpose:
            text += f" {DASH} {lower_start(it.purpose)}"
        text = sentence(text)
        if it.usage:
            text += f" Применение: {lower_start(sentence(it.usage))}"
        n.para(text)
    for tid in c.covered:
        tp = reg.touchpoints[tid]
        if form_of(tp.channel) == "offline" and tp.accessibility:
            n.para(
                f"Для обеспечения равного доступа клиентов, в том числе маломобильных, в точке взаимодействия "
                f"{quote(tp.name)} предусмотрено:"
            )
            n.items(tp.accessibility)


def _requirements(c: _Ctx, s: Section) -> None:
    reg = c.reg
    n = Numbered(s)
    r = c.proc.sections.requirements
    if r is not None:
        for label, text in (
            ("Вежливость", r.politeness),
            ("Доступность", r.accessibility),
            ("Нацеленность на результат", r.result_orientation),
        ):
            if text:
                n.para(f"{label}. {sentence(text)}")
        if r.methods:
            n.para("При взаимодействии с клиентами применяются следующие алгоритмы и методики:")
            n.items(r.methods)
        for text in r.other:
            n.para(sentence(text))
    rows, keys = [], []
    for tid in c.covered:
        for proc in reg.processes.values():
            for note in proc.notifications:
                if note.touchpoint == tid:
                    how = "автоматически" if note.automatic else "сотрудником"
                    rows.append([reg.tp_name(tid), proc.title, note.event, how, note.next_step or ""])
                    keys.append(tid)
    if (r is not None and r.notifications) or rows:
        n.para(
            "Взаимодействие по инициативе ведомства (направление уведомлений клиенту)."
            + (f" {sentence(r.notifications)}" if r is not None and r.notifications else "")
        )
    if rows:
        n.plain("Через точки взаимодействия, на которые распространяется Порядок, направляются уведомления:")
        if c.multi:
            n.table(
                ["Точка взаимодействия", "Процесс", "Событие", "Способ направления", "Следующий этап, срок"],
                rows,
                [20, 22, 20, 15, 23],
                keys,
            )
        else:
            n.table(
                ["Процесс", "Событие", "Способ направления", "Следующий этап, срок"],
                [x[1:] for x in rows],
                [27, 25, 17, 31],
            )


def _tools(c: _Ctx, s: Section) -> None:
    n = Numbered(s)
    items = c.proc.sections.tools or []
    for it in _grouped(c, n, items):
        kind = TOOL_KINDS[it.kind]["ru"]
        text = f"{kind[0].upper()}{kind[1:]}: {quote(it.name)}."
        if it.description:
            text += f" {sentence(it.description)}"
        n.para(text)


def _where_met(c: _Ctx, fid: str) -> tuple[list[str], list[str]]:
    """The processes (titles) and the covered touchpoints (ids) where the feature ``fid`` is met."""
    covered = set(c.covered)
    procs: list[str] = []
    tps: list[str] = []
    for p, f in c.reg.features.get(fid, []):
        at = [t for t in (f.touchpoints or [e.touchpoint for e in p.touchpoints]) if t in covered]
        if at:
            procs.append(p.title)
            tps.extend(t for t in at if t not in tps)
    return procs, tps


def _feature_text(c: _Ctx, fid: str) -> str:
    """«Особенность «title» (процесс …; точка взаимодействия …). Description.»"""
    reg = c.reg
    title, desc = fid, ""
    found = reg.features.get(fid, [])
    if found:
        title, desc = found[0][1].title, found[0][1].description or ""
    procs, tps = _where_met(c, fid)
    text = f"Особенность {quote(title)}"
    where = []
    if procs:
        where.append(("процесс " if len(procs) == 1 else "процессы ") + ", ".join(quote(p) for p in procs))
    if tps and c.multi:
        where.append(
            ("точка взаимодействия " if len(tps) == 1 else "точки взаимодействия ")
            + ", ".join(quote(reg.tp_name(t)) for t in tps)
        )
    if where:
        text += f" ({'; '.join(where)})"
    text += "."
    if desc:
        text += f" {sentence(desc)}"
    return text


def _specifics(c: _Ctx, s: Section) -> None:
    reg = c.reg
    n = Numbered(s)
    items = c.proc.sections.specifics or []
    for it in _grouped(c, n, items):
        if it.feature:
            n.para(_feature_text(c, it.feature))
            n.plain(f"Инструкция: {lower_start(sentence(it.instruction))}")
        else:
            who = []
            if it.clients:
                who.append(f"с клиентами категории {quote(it.clients)}")
            if it.service:
                who.append(f"при предоставлении {quote(it.service)}")
            lead = "При взаимодействии " + " ".join(who) if who else "Особые случаи"
            n.para(f"{lead}: {lower_start(sentence(it.instruction))}")
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
        n.items([f"{quote(t)} (процесс {quote(pt)})" for _, _, t, pt in missing])


def _feedback(c: _Ctx, s: Section) -> None:
    reg = c.reg
    n = Numbered(s)
    f = c.proc.sections.feedback
    if f is not None:
        if f.rating_each_stage:
            n.para("Клиенту предлагается оценить качество взаимодействия на каждом этапе взаимодействия.")
        if f.pretrial_appeal:
            n.para(sentence(f.pretrial_appeal))
        if f.channels:
            n.para(
                "Обратная связь от клиентов принимается в точках взаимодействия: "
                + ", ".join(quote(reg.tp_name(t)) for t in f.channels)
                + "."
            )
        if f.description:
            n.para(sentence(f.description))
    rows, keys = [], []
    for tid in c.covered:
        for u in reg.usages.get(tid, []):
            fb = [reg.need_label(x) for x in u.entry.needs if x in ("feedback", "feedback_result")]
            if fb:
                rows.append([reg.tp_name(tid), u.process.title, "; ".join(fb)])
                keys.append(tid)
    if rows:
        n.para("Потребности клиентов в обратной связи удовлетворяются в точках взаимодействия:")
        n.table(["Точка взаимодействия", "Процесс", "Потребность"], rows, [30, 40, 30], keys if c.multi else None)


_CONTROL_HEADERS = (
    "Предмет контроля",
    "Периодичность",
    "Инструмент контроля",
    "Корректирующие мероприятия",
    "Ответственный",
)


def _control(c: _Ctx, s: Section) -> None:
    reg, proc = c.reg, c.proc
    n = Numbered(s)
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
                row.insert(0, reg.tp_name(it.touchpoint) if it.touchpoint else "все точки взаимодействия")
            rows.append(row)
        if c.multi:
            order: dict[str | None, int] = {None: -1, **{t: i for i, t in enumerate(c.covered)}}
            keyed = sorted(zip(items, rows, strict=True), key=lambda p: order.get(p[0].touchpoint, len(order)))
            rows = [r for _, r in keyed]
            keys = [it.touchpoint or "" for it, _ in keyed]
            n.table(["Точка взаимодействия", *_CONTROL_HEADERS], rows, [17, 17, 15, 17, 17, 17], keys)
        else:
            n.table(list(_CONTROL_HEADERS), rows, [21, 16, 19, 23, 21])
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
    n = Numbered(s)
    n.plain(
        "Оценка проведена до реинжиниринга точек взаимодействия по критериям простоты, удобства, "
        "оперативности и доступности."
    )
    rows, keys = [], []
    for a in c.proc.assessment:
        for key, labels in ASSESSMENT_CRITERIA.items():
            crit: m.Criterion | None = getattr(a, key)
            keys.append(a.touchpoint)
            if crit is None:
                rows.append([reg.tp_name(a.touchpoint), labels["ru"], "не оценивалась", "", ""])
                continue
            rows.append(
                [
                    reg.tp_name(a.touchpoint),
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
        keys,
    )
    return s
