"""One page per object: process, touchpoint, procedure, act, official. Each links to its relations both ways."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from types import SimpleNamespace as NS
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..registry.enums import ACT_KINDS, ASSESSMENT_CRITERIA, DIRECTIONS
from ..russian import count
from .context import Site, channel_label, form_label, procedure_draft
from .env import a, join, phone_links, render, thin, web_link
from .names import rel
from .page import Part, figure, findings, h2, h3, items, markup, page, para, props, table
from .svg import JourneyRow, assessment, journey

if TYPE_CHECKING:
    from ..registry import models as m

#: the rules whose finding on a process means a need is missing from its journey, and that need's column
GAP_RULES: dict[str, tuple[str, ...]] = {
    "TP101": ("info", "consultation"),
    "TP102": ("info",),
    "TP103": ("consultation",),
    "TP109": ("status",),
    "TP110": ("feedback",),
}
NONE = Markup('<span class="none">нет</span>')
DRAFT_PROCEDURE = "Проект: порядок не утвержден"


@dataclass
class Relations:
    """Who points at whom, gathered once: the reverse side of every reference."""

    act_touchpoints: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    act_processes: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    act_entries: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    act_procedures: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    official_touchpoints: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    official_entries: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    official_procedures: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def relations(site: Site) -> Relations:
    reg, out = site.reg, Relations()
    for tid, tp in reg.touchpoints.items():
        for b in tp.basis:
            out.act_touchpoints[b].append(tid)
        if tp.responsible:
            out.official_touchpoints[tp.responsible].append(tid)
    for pid, p in reg.processes.items():
        for b in p.basis:
            out.act_processes[b].append(pid)
        if p.joint_procedure and p.joint_procedure in reg.acts:
            out.act_processes[p.joint_procedure].append(pid)
        for entry in p.touchpoints:
            for b in entry.basis:
                out.act_entries[b].append((pid, entry.touchpoint))
            if entry.responsible:
                out.official_entries[entry.responsible].append((pid, entry.touchpoint))
    for qid, q in reg.procedures.items():
        if q.embedded_in:
            out.act_procedures[q.embedded_in].append(qid)
        people = {q.responsible} | {c.responsible for c in q.sections.control or []}
        for who in sorted(x for x in people if x):
            out.official_procedures[who].append(qid)
    return out


def _findings(site: Site, here: str, obj: str) -> list[Part]:
    return [h2("Замечания"), findings(site.findings(site.by_object.get(obj, []), here))]


def _links(site: Site, here: str, heading: str, kind: str, idents: Iterable[str]) -> list[Part]:
    """A heading and the list of links to the objects of ``kind`` named ``idents``."""
    return [h2(heading), items(site.link(here, kind, ident) for ident in idents)]


def _entry_links(site: Site, here: str, heading: str, entries: Iterable[tuple[str, str]]) -> list[Part]:
    """A heading and the list of process touchpoint entries, each «the process — the touchpoint»."""
    return [
        h2(heading),
        items(
            Markup("{} — {}").format(site.link(here, "process", pid), site.link(here, "touchpoint", t))
            for pid, t in entries
        ),
    ]


def _page(site: Site, here: str, title: str, body: list[Part], draft: str = "") -> str:
    """An object's whole page, under the overview."""
    return page(here, title, body, agency=site.agency_name, crumbs=[("index.html", "Обзор")], draft=draft)


def demand_text(d: int | str | None) -> str:
    if d is None:
        return ""
    if isinstance(d, int):
        return thin(d)
    return {"low": "маловостребована", "unknown": "учет не велся"}.get(d, str(d))


# --- process ----------------------------------------------------------------------------


def _journey(site: Site, p: m.Process) -> list[Part]:
    """The journey as a picture (a wide screen) and as a list (a phone), from the same rows."""
    reg = site.reg
    gaps: dict[str, list[str]] = {}
    for f in site.by_object.get(f"process:{p.id}", []):
        for need in GAP_RULES.get(f.rule, ()):
            gaps.setdefault(need, []).append(f"{f.rule}: {f.message}")
    columns = site.need_columns(list(dict.fromkeys(n for entry in p.touchpoints for n in entry.needs)))
    rows = []
    for entry in p.touchpoints:
        tp = reg.touchpoints.get(entry.touchpoint)
        rows.append(
            JourneyRow(
                label=tp.name if tp else entry.touchpoint,
                form="digital" if tp is None or form_label(tp.channel) == "цифровая" else "offline",
                needs=list(entry.needs),
                demand=entry.demand,
                features=[f.title for f in p.features if not f.touchpoints or entry.touchpoint in f.touchpoints],
                notifications=[n.event for n in p.notifications if n.touchpoint == entry.touchpoint],
            )
        )
    title = f"Путь клиента: {p.title}"
    labels = {code: full for code, _s, full in columns}
    listed = render(
        "journey_list.html.j2",
        title=title,
        rows=[
            NS(
                label=r.label,
                form=r.form,
                needs=[labels.get(n, n) for n in r.needs],
                demand=demand_text(r.demand) + (" в год" if isinstance(r.demand, int) else ""),
                features=r.features,
                notifications=r.notifications,
            )
            for r in rows
        ],
        gaps=[(full, gaps[code]) for code, _s, full in columns if code in gaps],
    )
    caption = (
        "Потребности клиента — в порядке методики; строки — точки процесса. Пробелы, отмеченные правилами, — в "
        "нижней строке."
    )
    return [
        figure(journey(rows, columns, gaps, title=title, ident="journey"), caption, "journey-pic", title),
        markup(Markup(listed)),
    ]


def process_page(site: Site, p: m.Process) -> tuple[str, str]:
    reg = site.reg
    here = site.names.add("process", p.id)

    def link(kind: str, ident: str, text: str | None = None) -> Markup:
        return site.link(here, kind, ident, text)

    units = {u.id: u.name for u in reg.units.values()}
    joint = p.joint_procedure
    body = [
        props(
            [
                ("Направление", link("direction", p.direction)),
                ("Подразделения", ", ".join(units.get(u, u) for u in p.units)),
                ("Основание", join(link("act", b) for b in p.basis)),
                ("Партнеры", "; ".join(x.name for x in p.partners)),
                ("Совместный порядок", link("procedure" if joint in reg.procedures else "act", joint) if joint else ""),
                ("Описание", p.description or ""),
            ]
        ),
        *_journey(site, p),
        h2("Точки взаимодействия"),
    ]
    rows = []
    for entry in p.touchpoints:
        tp = reg.touchpoints.get(entry.touchpoint)
        resp = reg.effective_responsible(entry)
        procs = [q.id for q in reg.coverage.get(entry.touchpoint, [])]
        rows.append(
            [
                link("touchpoint", entry.touchpoint),
                form_label(tp.channel) if tp else "",
                join(link("need", n) for n in entry.needs),
                join(link("act", b) for b in reg.effective_basis(entry)),
                link("official", resp) if resp else Markup('<span class="none">не назначен</span>'),
                demand_text(entry.demand),
                join(link("procedure", q) for q in procs) or NONE,
            ]
        )
    headers = ["точка", "форма", "потребности", "основание", "ответственный", "востребованность", "порядок"]
    body.append(table(headers, rows, "Точки взаимодействия процесса", "register"))
    if p.features:
        body.append(h2("Особенности"))
        body.append(
            items(
                Markup("{}{}{}").format(
                    f.title,
                    Markup(" — ") + join((link("touchpoint", t) for t in f.touchpoints), ", ")
                    if f.touchpoints
                    else " — во всех точках",
                    Markup('<br><span class="none">{}</span>').format(f.description) if f.description else "",
                )
                for f in p.features
            )
        )
    if p.notifications:
        body.append(h2("Уведомления"))
        body.append(
            table(
                ["событие", "точка", "автоматически", "следующий этап"],
                [
                    [n.event, link("touchpoint", n.touchpoint), "да" if n.automatic else "нет", n.next_step or "—"]
                    for n in p.notifications
                ],
                "Уведомления",
            )
        )
    if p.partners:
        body.append(h2("Партнеры"))
        body.append(items(x.name + (": " + ", ".join(x.touchpoints) if x.touchpoints else "") for x in p.partners))
    body += _findings(site, here, f"process:{p.id}")
    crumbs = [
        ("index.html", "Обзор"),
        (
            site.names.get("direction", p.direction) or "index.html",
            DIRECTIONS.get(p.direction, {}).get("ru", p.direction),
        ),
    ]
    return here, page(here, p.title, body, agency=site.agency_name, crumbs=crumbs)


# --- touchpoint -------------------------------------------------------------------------


def contacts(tp: m.Touchpoint) -> list[tuple[str, str | Markup]]:
    """Where and how to reach a touchpoint, for the analyst's page and the public one alike."""
    return [
        ("Адрес", tp.address or ""),
        ("Телефон", phone_links(tp.phone) if tp.phone else ""),
        ("Адрес в сети", web_link(tp.url) if tp.url else ""),
        ("Режим работы", tp.schedule or ""),
        ("Равный доступ", Markup("<br>").join(tp.accessibility)),  # one way a line, as the documents list them
    ]


def touchpoint_page(site: Site, tp: m.Touchpoint) -> tuple[str, str]:
    reg = site.reg
    here = site.names.add("touchpoint", tp.id)

    def link(kind: str, ident: str) -> Markup:
        return site.link(here, kind, ident)

    form = "digital" if form_label(tp.channel) == "цифровая" else "offline"
    body: list[Part] = [
        props(
            [
                ("Канал", channel_label(tp.channel)),
                ("Форма", Markup('<span class="form-{}">{}</span>').format(form, form_label(tp.channel))),
                ("Оператор", tp.operator or ""),
                *contacts(tp),
                ("Основание", join(link("act", b) for b in tp.basis)),
                ("Ответственный", link("official", tp.responsible) if tp.responsible else ""),
                ("Описание", tp.description or ""),
            ]
        ),
        h2("Процессы"),
        table(
            ["процесс", "потребности", "востребованность"],
            [
                [
                    link("process", u.process.id),
                    "; ".join(reg.need_label(n) for n in u.entry.needs),
                    demand_text(u.entry.demand),
                ]
                for u in reg.usages.get(tp.id, [])
            ],
            "Процессы точки",
        ),
        *_links(site, here, "Порядки взаимодействия", "procedure", (q.id for q in reg.coverage.get(tp.id, []))),
        h2("Оценка"),
    ]
    found = 0
    for q in reg.procedures.values():
        for item in q.assessment:
            if item.touchpoint != tp.id:
                continue
            found += 1
            crit: list[tuple[str, str | None, str]] = []
            gaps = []
            for code, labels in ASSESSMENT_CRITERIA.items():
                c: m.Criterion | None = getattr(item, code)
                text = " ".join(x for x in (c.finding, c.mitigation and f"мера: {c.mitigation}") if x) if c else ""
                crit.append((labels["ru"], c.status if c else None, text))
                if c is not None and c.status == "gap":
                    gaps.append(
                        [
                            labels["ru"],
                            c.finding or "—",
                            c.mitigation or Markup('<b class="sev-error">не указана</b>'),
                        ]
                    )
            body.append(h3(Markup("По порядку {}").format(link("procedure", q.id))))
            svg = assessment(crit, title=f"Оценка точки «{tp.name}»", ident=f"assess-{found}")
            body.append(figure(svg))
            if gaps:
                body.append(table(["критерий", "расхождение", "мера по минимизации"], gaps, "Расхождения оценки"))
    if not found:
        body.append(para("Точка не оценена ни в одном порядке.", "none"))
    body += _findings(site, here, f"touchpoint:{tp.id}")
    return here, _page(site, here, tp.name, body)


# --- procedure --------------------------------------------------------------------------


def procedure_page(site: Site, q: m.Procedure, text: Markup | str, downloads: list[tuple[str, str]]) -> tuple[str, str]:
    """``text``: the procedure's text (the site's template, or the agency's run in the sandbox), or, as plain text,
    why there is none (structure errors, a failed agency template)."""
    here = site.names.add("procedure", q.id)
    draft = procedure_draft(site.reg, q)
    covered = site.reg.covered(q)
    body = [
        props(
            [
                (
                    "Точки",
                    "все точки перечня"
                    if q.touchpoints == "all"
                    else join(site.link(here, "touchpoint", t) for t in covered),
                ),
                ("Ответственный", site.link(here, "official", q.responsible) if q.responsible else ""),
                ("Часть акта", site.link(here, "act", q.embedded_in) if q.embedded_in else ""),
                ("Утверждение", "не утвержден (проект)" if draft else "утвержден"),
                ("Скачать", join((a(rel(here, path), label) for path, label in downloads), " · ")),
            ]
        )
    ]
    joint = [p.id for p in site.reg.processes.values() if p.joint_procedure == q.id]
    if joint:
        body += _links(site, here, "Совместный порядок процессов", "process", joint)
    body += _findings(site, here, f"procedure:{q.id}")
    body.append(h2("Текст порядка"))
    if not isinstance(text, Markup):
        body.append(para(text, "none"))
    else:
        body.append(markup(Markup('<div class="doc">\n{}\n</div>\n').format(text)))
    return here, _page(site, here, q.title, body, DRAFT_PROCEDURE if draft else "")


# --- act and official -----------------------------------------------------------------


def act_page(site: Site, act: m.Act, rels: Relations) -> tuple[str, str]:
    here = site.names.add("act", act.id)
    body = [
        props(
            [
                ("Вид", ACT_KINDS.get(act.kind, {}).get("ru", act.kind)),
                ("Номер", act.number or ""),
                ("Дата", act.date.strftime("%d.%m.%Y") if act.date else ""),
                ("Адрес в сети", web_link(act.url) if act.url else ""),
            ]
        ),
        *_links(site, here, "Точки, для которых акт — основание", "touchpoint", rels.act_touchpoints.get(act.id, [])),
        *_links(site, here, "Процессы", "process", rels.act_processes.get(act.id, [])),
        *_entry_links(site, here, "Точки процессов", rels.act_entries.get(act.id, [])),
        *_links(site, here, "Порядки в составе акта", "procedure", rels.act_procedures.get(act.id, [])),
    ]
    return here, _page(site, here, act.title, body)


def official_page(site: Site, o: m.Official, rels: Relations) -> tuple[str, str]:
    reg = site.reg
    here = site.names.add("official", o.id)
    unit = reg.units.get(o.unit) if o.unit else None
    register = reg.agency.register if reg.agency else None
    touchpoints = rels.official_touchpoints.get(o.id, [])
    body = [
        props(
            [
                ("Должность", o.position),
                ("Подразделение", unit.name if unit else o.unit or ""),
                ("Линейный руководитель", "да" if o.line_manager else "нет"),
                ("Контакт", o.contact or ""),
                (
                    "Перечень",
                    "ответственный за формирование перечня" if register and register.responsible == o.id else "",
                ),
                ("Отвечает за", count(len(touchpoints), "точка") if touchpoints else ""),
            ]
        ),
        *_links(site, here, "Отвечает за точки", "touchpoint", touchpoints),
        *_entry_links(site, here, "Отвечает за точки в процессах", rels.official_entries.get(o.id, [])),
        *_links(site, here, "Порядки (ответственный, контроль)", "procedure", rels.official_procedures.get(o.id, [])),
    ]
    return here, _page(site, here, o.name, body)
