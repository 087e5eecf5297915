"""One page per object: process, touchpoint, procedure, act, official. Each links to its relations both ways."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..registry.enums import ACT_KINDS, ASSESSMENT_CRITERIA, DIRECTIONS
from .context import Site, channel_label, form_label
from .html import a, e, page, table, ul
from .names import rel
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

_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S | re.I)


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


def _props(rows: list[tuple[str, str]]) -> str:
    items = "".join(f"<dt>{e(k)}</dt><dd>{v}</dd>\n" for k, v in rows if v)
    return f'<dl class="props">\n{items}</dl>\n' if items else ""


def _findings(site: Site, here: str, obj: str) -> str:
    return "<h2>Замечания</h2>\n" + site.findings_list(site.by_object.get(obj, []), here)


def _demand(d: int | str | None) -> str:
    if d is None:
        return ""
    if isinstance(d, int):
        return f"{d:,}".replace(",", "\u2009")
    return {"low": "маловостребована", "unknown": "учет не велся"}.get(d, str(d))


# --- process ----------------------------------------------------------------------------


def process_page(site: Site, p: m.Process) -> tuple[str, str]:
    reg = site.reg
    here = site.names.add("process", p.id)
    link: Callable[..., str] = lambda kind, ident, text=None: site.link(here, kind, ident, text)  # noqa: E731
    units = {u.id: u.name for u in reg.units.values()}
    props = _props(
        [
            ("Направление", link("direction", p.direction)),
            ("Подразделения", ", ".join(e(units.get(u, u)) for u in p.units)),
            ("Основание", "; ".join(link("act", b) for b in p.basis)),
            ("Партнеры", "; ".join(e(x.name) for x in p.partners)),
            (
                "Совместный порядок",
                link("procedure" if p.joint_procedure in reg.procedures else "act", p.joint_procedure)
                if p.joint_procedure
                else "",
            ),
            ("Описание", e(p.description or "")),
        ]
    )
    # the journey picture
    findings = site.by_object.get(f"process:{p.id}", [])
    gaps: dict[str, list[str]] = {}
    for f in findings:
        for need in GAP_RULES.get(f.rule, ()):
            gaps.setdefault(need, []).append(f"{f.rule}: {f.message}")
    extra = [n for entry in p.touchpoints for n in entry.needs]
    columns = site.need_columns(list(dict.fromkeys(extra)))
    rows = []
    for entry in p.touchpoints:
        tp = reg.touchpoints.get(entry.touchpoint)
        features = [f.title for f in p.features if not f.touchpoints or entry.touchpoint in f.touchpoints]
        notes = [n.event for n in p.notifications if n.touchpoint == entry.touchpoint]
        rows.append(
            JourneyRow(
                label=tp.name if tp else entry.touchpoint,
                form="digital" if tp is None or form_label(tp.channel) == "цифровая" else "offline",
                needs=list(entry.needs),
                demand=entry.demand,
                features=features,
                notifications=notes,
            )
        )
    picture = journey(rows, columns, gaps, title=f"Путь клиента: {p.title}", ident="journey")
    # the register rows of this process
    trs = []
    for entry in p.touchpoints:
        tp = reg.touchpoints.get(entry.touchpoint)
        resp = reg.effective_responsible(entry)
        procs = [q.id for q in reg.coverage.get(entry.touchpoint, [])]
        trs.append(
            [
                link("touchpoint", entry.touchpoint),
                e(form_label(tp.channel)) if tp else "",
                "; ".join(link("need", n) for n in entry.needs),
                "; ".join(link("act", b) for b in reg.effective_basis(entry)),
                link("official", resp) if resp else '<span class="none">не назначен</span>',
                e(_demand(entry.demand)),
                "; ".join(link("procedure", q) for q in procs) or '<span class="none">нет</span>',
            ]
        )
    body = [
        props,
        f"<figure>\n{picture}\n<figcaption>Потребности клиента — в порядке методики; строки — точки процесса. "
        "Пробелы, отмеченные правилами, — в нижней строке.</figcaption>\n</figure>\n",
        "<h2>Точки взаимодействия</h2>\n",
        table(
            ["точка", "форма", "потребности", "основание", "ответственный", "востребованность", "порядок"],
            trs,
            "register",
        ),
    ]
    if p.features:
        body.append("<h2>Особенности</h2>\n")
        body.append(
            ul(
                f"{e(f.title)}"
                + (
                    " — " + ", ".join(link("touchpoint", t) for t in f.touchpoints)
                    if f.touchpoints
                    else " — во всех точках"
                )
                + (f'<br><span class="none">{e(f.description)}</span>' if f.description else "")
                for f in p.features
            )
        )
    if p.notifications:
        body.append("<h2>Уведомления</h2>\n")
        body.append(
            table(
                ["событие", "точка", "автоматически", "следующий этап"],
                [
                    [
                        e(n.event),
                        link("touchpoint", n.touchpoint),
                        "да" if n.automatic else "нет",
                        e(n.next_step or "—"),
                    ]
                    for n in p.notifications
                ],
            )
        )
    if p.partners:
        body.append("<h2>Партнеры</h2>\n")
        body.append(ul(e(x.name) + (": " + e(", ".join(x.touchpoints)) if x.touchpoints else "") for x in p.partners))
    body.append(_findings(site, here, f"process:{p.id}"))
    crumbs = [
        ("index.html", "Обзор"),
        (
            site.names.get("direction", p.direction) or "index.html",
            DIRECTIONS.get(p.direction, {}).get("ru", p.direction),
        ),
    ]
    return here, page(here, p.title, "".join(body), agency=site.agency_name, crumbs=crumbs)


# --- touchpoint -------------------------------------------------------------------------


def touchpoint_page(site: Site, tp: m.Touchpoint) -> tuple[str, str]:
    reg = site.reg
    here = site.names.add("touchpoint", tp.id)
    link: Callable[..., str] = lambda kind, ident, text=None: site.link(here, kind, ident, text)  # noqa: E731
    props = _props(
        [
            ("Канал", e(channel_label(tp.channel))),
            (
                "Форма",
                f'<span class="form-{"digital" if form_label(tp.channel) == "цифровая" else "offline"}">{e(form_label(tp.channel))}</span>',
            ),
            ("Оператор", e(tp.operator or "")),
            ("Адрес в сети", e(tp.url or "")),
            ("Адрес", e(tp.address or "")),
            ("Режим работы", e(tp.schedule or "")),
            ("Равный доступ", e("; ".join(tp.accessibility))),
            ("Основание", "; ".join(link("act", b) for b in tp.basis)),
            ("Ответственный", link("official", tp.responsible) if tp.responsible else ""),
            ("Описание", e(tp.description or "")),
        ]
    )
    uses = [
        [
            link("process", u.process.id),
            e("; ".join(reg.need_label(n) for n in u.entry.needs)),
            e(_demand(u.entry.demand)),
        ]
        for u in reg.usages.get(tp.id, [])
    ]
    procs = reg.coverage.get(tp.id, [])
    body = [props, "<h2>Процессы</h2>\n", table(["процесс", "потребности", "востребованность"], uses)]
    body += ["<h2>Порядки взаимодействия</h2>\n", ul(link("procedure", q.id) for q in procs)]
    body.append("<h2>Оценка</h2>\n")
    found = False
    for q in reg.procedures.values():
        for k, item in enumerate(q.assessment):
            if item.touchpoint != tp.id:
                continue
            found = True
            crit: list[tuple[str, str | None, str]] = []
            gaps = []
            for code, labels in ASSESSMENT_CRITERIA.items():
                c: m.Criterion | None = getattr(item, code)
                text = " ".join(x for x in (c.finding, c.mitigation and f"мера: {c.mitigation}") if x) if c else ""
                crit.append((labels["ru"], c.status if c else None, text))
                if c is not None and c.status == "gap":
                    gaps.append(
                        [
                            e(labels["ru"]),
                            e(c.finding or "—"),
                            e(c.mitigation) if c.mitigation else '<b class="sev-error">не указана</b>',
                        ]
                    )
            body.append(f"<h3>По порядку {link('procedure', q.id)}</h3>\n")
            svg = assessment(crit, title=f"Оценка точки «{tp.name}»", ident=f"assess-{k}-{len(body)}")
            body.append(f"<figure>\n{svg}\n</figure>\n")
            if gaps:
                body.append(table(["критерий", "расхождение", "мера по минимизации"], gaps))
    if not found:
        body.append('<p class="none">Точка не оценена ни в одном порядке.</p>\n')
    body.append(_findings(site, here, f"touchpoint:{tp.id}"))
    return here, page(here, tp.name, "".join(body), agency=site.agency_name, crumbs=[("index.html", "Обзор")])


# --- procedure --------------------------------------------------------------------------


def procedure_page(
    site: Site, q: m.Procedure, document_html: str | None, downloads: list[tuple[str, str]]
) -> tuple[str, str]:
    here = site.names.add("procedure", q.id)
    link: Callable[..., str] = lambda kind, ident, text=None: site.link(here, kind, ident, text)  # noqa: E731
    covered = site.reg.covered(q)
    props = _props(
        [
            (
                "Точки",
                "все точки перечня" if q.touchpoints == "all" else "; ".join(link("touchpoint", t) for t in covered),
            ),
            ("Ответственный", link("official", q.responsible) if q.responsible else ""),
            ("Часть акта", link("act", q.embedded_in) if q.embedded_in else ""),
            ("Скачать", " · ".join(a(rel(here, path), label) for path, label in downloads)),
        ]
    )
    joint = [p.id for p in site.reg.processes.values() if p.joint_procedure == q.id]
    body = [props]
    if joint:
        body += ["<h2>Совместный порядок процессов</h2>\n", ul(link("process", pid) for pid in joint)]
    body.append(_findings(site, here, f"procedure:{q.id}"))
    body.append("<h2>Текст порядка</h2>\n")
    if document_html is None:
        body.append('<p class="none">Текст не сформирован: в реестре есть ошибки структуры (см. замечания).</p>\n')
    else:
        found = _BODY.search(document_html)
        inner = found.group(1) if found else e(document_html)
        body.append(f'<div class="doc">\n{inner}\n</div>\n')
    return here, page(here, q.title, "".join(body), agency=site.agency_name, crumbs=[("index.html", "Обзор")])


# --- act and official -----------------------------------------------------------------


def act_page(site: Site, act: m.Act, rels: Relations) -> tuple[str, str]:
    here = site.names.add("act", act.id)
    link: Callable[..., str] = lambda kind, ident, text=None: site.link(here, kind, ident, text)  # noqa: E731
    props = _props(
        [
            ("Вид", e(ACT_KINDS.get(act.kind, {}).get("ru", act.kind))),
            ("Номер", e(act.number or "")),
            ("Дата", e(act.date.strftime("%d.%m.%Y") if act.date else "")),
            ("Адрес в сети", e(act.url or "")),
        ]
    )
    entries = rels.act_entries.get(act.id, [])
    body = [
        props,
        "<h2>Точки, для которых акт — основание</h2>\n",
        ul(link("touchpoint", t) for t in rels.act_touchpoints.get(act.id, [])),
        "<h2>Процессы</h2>\n",
        ul(link("process", pid) for pid in rels.act_processes.get(act.id, [])),
        "<h2>Точки процессов</h2>\n",
        ul(f"{link('process', pid)} — {link('touchpoint', t)}" for pid, t in entries),
        "<h2>Порядки в составе акта</h2>\n",
        ul(link("procedure", q) for q in rels.act_procedures.get(act.id, [])),
    ]
    return here, page(here, act.title, "".join(body), agency=site.agency_name, crumbs=[("index.html", "Обзор")])


def official_page(site: Site, o: m.Official, rels: Relations) -> tuple[str, str]:
    reg = site.reg
    here = site.names.add("official", o.id)
    link: Callable[..., str] = lambda kind, ident, text=None: site.link(here, kind, ident, text)  # noqa: E731
    unit = reg.units.get(o.unit) if o.unit else None
    register = reg.agency.register if reg.agency else None
    props = _props(
        [
            ("Должность", e(o.position)),
            ("Подразделение", e(unit.name if unit else o.unit or "")),
            ("Линейный руководитель", "да" if o.line_manager else "нет"),
            ("Контакт", e(o.contact or "")),
            ("Перечень", "ответственный за формирование перечня" if register and register.responsible == o.id else ""),
        ]
    )
    entries = rels.official_entries.get(o.id, [])
    body = [
        props,
        "<h2>Отвечает за точки</h2>\n",
        ul(link("touchpoint", t) for t in rels.official_touchpoints.get(o.id, [])),
        "<h2>Отвечает за точки в процессах</h2>\n",
        ul(f"{link('process', pid)} — {link('touchpoint', t)}" for pid, t in entries),
        "<h2>Порядки (ответственный, контроль)</h2>\n",
        ul(link("procedure", q) for q in rels.official_procedures.get(o.id, [])),
    ]
    return here, page(here, o.name, "".join(body), agency=site.agency_name, crumbs=[("index.html", "Обзор")])
