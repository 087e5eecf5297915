"""The pages over the whole register: the index, a page per direction, the coverage matrix, the findings."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..registry.enums import APPROVAL_KINDS, CHANNELS, DIRECTIONS
from ..render.register_columns import COLUMNS
from ..render.register_table import register_tables
from ..russian import agree, count
from .context import SEVERITY_LABELS, Figures, Site, channel_label, form_label, percent, register_draft
from .env import a, join
from .page import Part, cards, figure, findings, h2, items, page, para, props, spanned_table, table
from .svg import Bar, bars, line_chart

if TYPE_CHECKING:
    from ..registry import Registry
    from .history import Point

STRUCTURE = "TP0"  # structure rules: the file could not be read or resolved
DRAFT_REGISTER = "Проект: перечень точек взаимодействия не утвержден"
CRUMBS = [("index.html", "Обзор")]


def approval_text(reg: Registry) -> str:
    """«утвержден приказом «…» от 10.02.2026 № 45-од», or that it is not (a draft)."""
    ag = reg.agency
    info = ag.register if ag else None
    if register_draft(reg) or info is None or info.approval is None:
        return "не утвержден (проект)"
    ap = info.approval
    parts = [
        f"утвержден: {ap.title}" if ap.title else f"утвержден {APPROVAL_KINDS.get(ap.kind, {}).get('ru', '')}",
        f"от {ap.date:%d.%m.%Y}" if ap.date else "",
        f"№ {ap.number}" if ap.number else "",
    ]
    return " ".join(x for x in parts if x)


def _draft(site: Site) -> str:
    return DRAFT_REGISTER if register_draft(site.reg) else ""


def index_page(site: Site, figs: Figures, history: bool, need_codes: list[str]) -> tuple[str, str]:
    reg, here = site.reg, "index.html"
    ag = reg.agency
    info = ag.register if ag else None
    resp = info.responsible if info else None
    head = f"{ag.head.position} {ag.head.name}" if ag and ag.head else ""
    total_tp = sum(figs.touchpoints.values())
    n_proc = len(reg.processes)
    body: list[Part] = [
        props(
            [
                ("Ведомство", ag.name if ag else "—"),
                ("Руководитель", head),
                ("Перечень", approval_text(reg)),
                (
                    "Ответственный за перечень",
                    site.link(here, "official", resp) if resp else Markup('<span class="sev-error">не назначен</span>'),
                ),
            ]
        ),
        cards(
            [
                (str(n_proc), agree(n_proc, "процесс")),
                (
                    str(total_tp),
                    f"{agree(total_tp, 'точка')} взаимодействия: цифровых — {figs.touchpoints['digital']}, "
                    f"оффлайн — {figs.touchpoints['offline']}",
                ),
                (
                    percent(figs.digital_pairs, figs.pairs),
                    f"цифровая доля: пар «процесс — потребность» — {figs.pairs}, из них в цифровой форме — "
                    f"{figs.digital_pairs}",
                ),
                *((str(figs.findings[s]), agree(figs.findings[s], noun)) for s, noun in SEVERITY_LABELS.items()),
            ]
        ),
        h2("Направления деятельности"),
        table(
            ["направление", "процессы", "цифровая доля"],
            [
                [
                    site.link(here, "direction", d),
                    Markup('<span class="num">{}</span>').format(figs.processes[d]),
                    percent(*figs.share_by_direction.get(d, (0, 0))),
                ]
                for d in DIRECTIONS
            ],
            "Направления деятельности",
        ),
    ]
    shares = [
        Bar(DIRECTIONS[d]["ru"], dig / whole if whole else 0.0, percent(dig, whole))
        for d, (dig, whole) in figs.share_by_direction.items()
        if d in DIRECTIONS and whole
    ]
    desc = "; ".join(f"{b.label}: {b.text}" for b in shares) or "в реестре нет процессов"
    body.append(
        figure(
            bars(shares, title="Цифровая доля по направлениям", desc=desc, ident="share", scale=1.0),
            "Доля пар «процесс — потребность», удовлетворяемых хотя бы в одной цифровой точке.",
        )
    )
    by_channel = Counter(t.channel for t in reg.touchpoints.values())
    chan = [
        Bar(channel_label(c), n, str(n), CHANNELS[c]["form"])
        for c, n in sorted(by_channel.items(), key=lambda x: (-x[1], x[0]))
    ]
    body += [
        h2("Точки по каналам"),
        figure(
            bars(
                chan,
                title="Точки взаимодействия по каналам",
                desc="; ".join(f"{b.label}: {b.text}" for b in chan) or "точек нет",
                ident="channels",
            )
        ),
        h2(f"Перечень точек ({len(reg.touchpoints)})"),
        items(
            Markup('{} <span class="none">— {}</span>').format(
                site.link(here, "touchpoint", t), channel_label(tp.channel)
            )
            for t, tp in reg.touchpoints.items()
        ),
        h2("Потребности клиента"),
        items(site.link(here, "need", code) for code in need_codes),
        h2(f"Порядки взаимодействия ({len(reg.procedures)})"),
        items(site.link(here, "procedure", q) for q in reg.procedures),
        h2(f"Акты ({len(reg.acts)})"),
        items(site.link(here, "act", x) for x in reg.acts),
        h2(f"Должностные лица ({len(reg.officials)})"),
        items(site.link(here, "official", x) for x in reg.officials),
    ]
    if history:
        body.append(para(a("history.html", "История показателей по коммитам")))
    title = "Перечень точек взаимодействия"
    return here, page(here, title, body, agency=site.agency_name, draft=_draft(site))


def direction_page(site: Site, direction: str) -> tuple[str, str]:
    here = site.names.add("direction", direction)
    rows = []
    for t in register_tables(site.reg, direction):
        for r in t.rows:
            cells: list[str | Markup] = list(r.cells())
            cells[0] = str(r.n)
            cells[1] = site.link(here, "process", r.process_id)
            cells[2] = site.link(here, "touchpoint", r.touchpoint_id)
            cells[5] = join(site.link(here, "act", b) for b in r.basis_ids) if r.basis_ids else ""
            if r.responsible_id:
                cells[7] = site.link(here, "official", r.responsible_id, r.responsible)
            rows.append(cells)
    procs = [p.id for p in site.reg.processes.values() if p.direction == direction]
    title = DIRECTIONS[direction]["ru"]
    body = [
        h2(f"Процессы ({len(procs)})"),
        items(site.link(here, "process", pid) for pid in procs),
        h2("Перечень точек взаимодействия"),
        spanned_table([c.ru for c in COLUMNS], rows, f"Перечень точек: {title}", (1,), "register"),
    ]
    return here, page(here, title, body, agency=site.agency_name, crumbs=CRUMBS, draft=_draft(site))


def coverage_page(site: Site) -> tuple[str, str]:
    reg, here = site.reg, "coverage.html"
    procs = list(reg.procedures)
    head = ["точка", "процессы", *(reg.procedures[q].title for q in procs)]
    rows = []
    for tid in reg.touchpoints:
        used = len(reg.usages.get(tid, []))
        covering = {q.id for q in reg.coverage.get(tid, [])}
        first = site.link(here, "touchpoint", tid)
        if used and not covering:
            first += Markup(' <b class="sev-warning">не покрыта порядком</b>')
        cells: list[str | Markup] = [first, Markup('<span class="num">{}</span>').format(used)]
        cells += [Markup('<span title="покрыта">✓</span>') if q in covering else "" for q in procs]
        rows.append(cells)
    body = [
        para(
            "Строки — точки перечня, столбцы — порядки взаимодействия; ✓ — порядок покрывает точку. "
            "Используемая в процессах точка без порядка отмечена."
        ),
        table(head, rows, "Покрытие точек порядками", "matrix"),
    ]
    return here, page(here, "Покрытие точек порядками", body, agency=site.agency_name, crumbs=CRUMBS)


def findings_page(site: Site) -> tuple[str, str]:
    here = "findings.html"
    result = site.result
    counts = result.counts()
    broken: dict[str, list[str]] = defaultdict(list)
    for f in result.findings:
        if f.rule.startswith(STRUCTURE):
            broken[f.path].append(f.rule)
    body = [
        cards((str(counts[s]), agree(counts[s], noun)) for s, noun in SEVERITY_LABELS.items()),
        h2("Файлы с ошибками структуры"),
        items(
            Markup("<code>{}</code> — {}").format(path, ", ".join(sorted(set(codes))))
            for path, codes in sorted(broken.items())
        ),
    ]
    by_file: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(result.findings):
        by_file[f.path].append(i)
    for path in sorted(by_file):
        found = [result.findings[i] for i in by_file[path]]
        target = site.file_pages.get(path)
        body.append(h2(a(target, path) if target else path))
        body.append(para(count(len(found), "замечание"), "none"))
        body.append(findings(site.findings(found, here, with_object=True)))
    return here, page(here, "Замечания", body, agency=site.agency_name, crumbs=CRUMBS)


def need_page(site: Site, code: str) -> tuple[str, str]:
    """Where one need is met: each process and the touchpoints that meet it, with their form."""
    reg = site.reg
    here = site.names.add("need", code)
    rows = []
    missing = []
    for p in reg.processes.values():
        at = [entry.touchpoint for entry in p.touchpoints if code in entry.needs]
        if not at:
            if any(entry.needs for entry in p.touchpoints):
                missing.append(p.id)
            continue
        forms = {form_label(tp.channel) for t in at if (tp := reg.touchpoints.get(t)) is not None}
        rows.append(
            [
                site.link(here, "process", p.id),
                join(site.link(here, "touchpoint", t) for t in at),
                ", ".join(sorted(f for f in forms if f)),
            ]
        )
    body = [
        h2(f"Процессы, где потребность удовлетворяется ({len(rows)})"),
        table(["процесс", "точки", "форма"], rows, "Процессы, где потребность удовлетворяется"),
        h2(f"Процессы без этой потребности ({len(missing)})"),
        items(site.link(here, "process", pid) for pid in missing),
    ]
    title = f"Потребность: {reg.need_label(code)}"
    return here, page(here, title, body, agency=site.agency_name, crumbs=CRUMBS)


def history_page(site: Site, points: list[Point]) -> tuple[str, str]:
    here = "history.html"
    labels = [f"{p.date} {p.commit[:7]}" if len(points) < 8 else p.commit[:7] for p in points]
    counts = [
        ("точек взаимодействия", [float(sum(p.figures.touchpoints.values())) for p in points]),
        ("ошибок", [float(p.figures.findings["error"]) for p in points]),
        ("предупреждений", [float(p.figures.findings["warning"]) for p in points]),
        ("советов", [float(p.figures.findings["info"]) for p in points]),
    ]
    share = [("цифровая доля, %", [round(100 * p.figures.digital_share, 1) for p in points])]
    rows = [
        [
            Markup("<code>{}</code>").format(p.commit),
            p.date,
            p.subject,
            Markup('<span class="num">{}</span>').format(sum(p.figures.touchpoints.values())),
            percent(p.figures.digital_pairs, p.figures.pairs),
            *(Markup('<span class="num">{}</span>').format(p.figures.findings[s]) for s in SEVERITY_LABELS),
        ]
        for p in points
    ]
    body = [
        para(f"Последние коммиты реестра, от старых к новым: {len(points)}."),
        figure(
            line_chart(labels, counts, title="Точки и замечания по коммитам", ident="hist-counts"),
            frame="Точки и замечания по коммитам",
            cls="wide-pic",
        ),
        figure(
            line_chart(labels, share, title="Цифровая доля по коммитам", ident="hist-share", unit="%"),
            frame="Цифровая доля по коммитам",
            cls="wide-pic",
        ),
        table(
            ["коммит", "дата", "сообщение", "точки", "цифровая доля", *SEVERITY_LABELS.values()],
            rows,
            "Показатели по коммитам",
        ),
    ]
    return here, page(here, "История показателей", body, agency=site.agency_name, crumbs=CRUMBS)
