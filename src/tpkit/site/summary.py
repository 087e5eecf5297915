"""The pages over the whole register: the index, a page per direction, the coverage matrix, the findings."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from ..registry.enums import APPROVAL_KINDS, CHANNELS, DIRECTIONS
from ..render.register_columns import COLUMNS
from ..render.register_table import register_tables
from .context import SEVERITY_LABELS, Figures, Site, channel_label, form_label, percent
from .html import e, page, table, ul
from .svg import Bar, bars, line_chart

if TYPE_CHECKING:
    from .history import Point

STRUCTURE = "TP0"  # structure rules: the file could not be read or resolved


def _approval(site: Site) -> str:
    ag = site.reg.agency
    info = ag.register if ag else None
    if info is None or info.approval is None:
        return '<span class="sev-error">не утвержден</span>'
    ap = info.approval
    parts = [
        "утвержден",
        APPROVAL_KINDS.get(ap.kind, {}).get("ru", ""),
        f"«{ap.title}»" if ap.title else "",
        f"от {ap.date:%d.%m.%Y}" if ap.date else "",
        f"№ {ap.number}" if ap.number else "",
    ]
    return e(" ".join(x for x in parts if x))


def index_page(site: Site, figs: Figures, history: bool, need_codes: list[str]) -> tuple[str, str]:
    reg, here = site.reg, "index.html"
    ag = reg.agency
    info = ag.register if ag else None
    resp = info.responsible if info else None
    head = f"{ag.head.position} {ag.head.name}" if ag and ag.head else ""
    total_tp = sum(figs.touchpoints.values())
    cards = [
        (str(len(reg.processes)), "процессов"),
        (str(total_tp), f"точек: {figs.touchpoints['digital']} цифровых, {figs.touchpoints['offline']} оффлайн"),
        (
            percent(figs.digital_pairs, figs.pairs),
            f"цифровая доля: {figs.digital_pairs} из {figs.pairs} пар «процесс — потребность»",
        ),
        (str(figs.findings["error"]), "ошибок"),
        (str(figs.findings["warning"]), "предупреждений"),
        (str(figs.findings["info"]), "к сведению"),
    ]
    body = [
        '<dl class="props">\n',
        f"<dt>Ведомство</dt><dd>{e(ag.name if ag else '—')}</dd>\n",
        f"<dt>Руководитель</dt><dd>{e(head)}</dd>\n" if head else "",
        f"<dt>Перечень</dt><dd>{_approval(site)}</dd>\n",
        "<dt>Ответственный за перечень</dt><dd>"
        + (site.link(here, "official", resp) if resp else '<span class="sev-error">не назначен</span>')
        + "</dd>\n</dl>\n",
        '<ul class="figures">\n' + "".join(f"<li><b>{e(v)}</b>{e(t)}</li>\n" for v, t in cards) + "</ul>\n",
        "<h2>Направления деятельности</h2>\n",
        table(
            ["направление", "процессов", "цифровая доля"],
            [
                [
                    site.link(here, "direction", d),
                    f'<span class="num">{figs.processes[d]}</span>',
                    percent(*figs.share_by_direction.get(d, (0, 0))),
                ]
                for d in DIRECTIONS
            ],
        ),
    ]
    shares = [
        Bar(DIRECTIONS[d]["ru"], dig / whole if whole else 0.0, percent(dig, whole))
        for d, (dig, whole) in figs.share_by_direction.items()
        if d in DIRECTIONS and whole
    ]
    desc = "; ".join(f"{b.label}: {b.text}" for b in shares) or "в реестре нет процессов"
    body.append(
        "<figure>\n"
        + bars(shares, title="Цифровая доля по направлениям", desc=desc, ident="share", scale=1.0)
        + "\n<figcaption>Доля пар «процесс — потребность», удовлетворяемых хотя бы в одной цифровой точке.</figcaption>\n</figure>\n"
    )
    by_channel = Counter(t.channel for t in reg.touchpoints.values())
    chan = [
        Bar(channel_label(c), n, str(n), CHANNELS[c]["form"])
        for c, n in sorted(by_channel.items(), key=lambda x: (-x[1], x[0]))
    ]
    body.append("<h2>Точки по каналам</h2>\n")
    body.append(
        "<figure>\n"
        + bars(
            chan,
            title="Точки взаимодействия по каналам",
            desc="; ".join(f"{b.label}: {b.text}" for b in chan) or "точек нет",
            ident="channels",
        )
        + "\n</figure>\n"
    )
    body.append(f"<h2>Перечень точек ({len(reg.touchpoints)})</h2>\n")
    body.append(
        ul(
            site.link(here, "touchpoint", t) + f' <span class="none">— {e(channel_label(tp.channel))}</span>'
            for t, tp in reg.touchpoints.items()
        )
    )
    body.append("<h2>Потребности клиента</h2>\n")
    body.append(ul(site.link(here, "need", code) for code in need_codes))
    body.append(f"<h2>Порядки взаимодействия ({len(reg.procedures)})</h2>\n")
    body.append(ul(site.link(here, "procedure", q) for q in reg.procedures))
    body.append(f"<h2>Акты ({len(reg.acts)})</h2>\n")
    body.append(ul(site.link(here, "act", x) for x in reg.acts))
    body.append(f"<h2>Должностные лица ({len(reg.officials)})</h2>\n")
    body.append(ul(site.link(here, "official", x) for x in reg.officials))
    if history:
        body.append('<p><a href="history.html">История показателей по коммитам</a></p>\n')
    title = "Перечень точек взаимодействия"
    return here, page(here, title, "".join(body), agency=site.agency_name)


def direction_page(site: Site, direction: str) -> tuple[str, str]:
    here = site.names.add("direction", direction)
    tables = register_tables(site.reg, direction)
    rows = []
    for t in tables:
        for r in t.rows:
            cells = r.cells()
            cells = [e(c) for c in cells]
            cells[0] = f'<span class="num">{r.n}</span>'
            cells[1] = site.link(here, "process", r.process_id)
            cells[2] = site.link(here, "touchpoint", r.touchpoint_id)
            cells[5] = "; ".join(site.link(here, "act", b) for b in r.basis_ids) if r.basis_ids else ""
            if r.responsible_id:
                cells[7] = site.link(here, "official", r.responsible_id, r.responsible)
            rows.append(cells)
    procs = [p.id for p in site.reg.processes.values() if p.direction == direction]
    body = [
        f"<h2>Процессы ({len(procs)})</h2>\n",
        ul(site.link(here, "process", pid) for pid in procs),
        "<h2>Перечень точек взаимодействия</h2>\n",
        table([c.ru for c in COLUMNS], rows, "register"),
    ]
    title = DIRECTIONS[direction]["ru"]
    return here, page(here, title, "".join(body), agency=site.agency_name, crumbs=[("index.html", "Обзор")])


def coverage_page(site: Site) -> tuple[str, str]:
    reg, here = site.reg, "coverage.html"
    procs = list(reg.procedures)
    head = ["точка", "процессов", *(reg.procedures[q].title for q in procs)]
    rows = []
    for tid in reg.touchpoints:
        used = len(reg.usages.get(tid, []))
        covering = {q.id for q in reg.coverage.get(tid, [])}
        cells = [site.link(here, "touchpoint", tid), f'<span class="num">{used}</span>']
        for q in procs:
            cells.append('<span title="покрыта">✓</span>' if q in covering else "")
        if used and not covering:
            cells[0] += ' <b class="sev-warning">не покрыта порядком</b>'
        rows.append(cells)
    body = [
        "<p>Строки — точки перечня, столбцы — порядки взаимодействия; ✓ — порядок покрывает точку. "
        "Используемая в процессах точка без порядка отмечена.</p>\n",
        table(head, rows, "matrix"),
    ]
    return here, page(
        here, "Покрытие точек порядками", "".join(body), agency=site.agency_name, crumbs=[("index.html", "Обзор")]
    )


def findings_page(site: Site) -> tuple[str, str]:
    here = "findings.html"
    result = site.result
    counts = result.counts()
    broken: dict[str, list[str]] = defaultdict(list)
    for f in result.findings:
        if f.rule.startswith(STRUCTURE):
            broken[f.path].append(f.rule)
    body = [
        '<ul class="figures">\n'
        + "".join(f"<li><b>{counts[s]}</b>{e(label)}</li>\n" for s, label in SEVERITY_LABELS.items())
        + "</ul>\n",
        "<h2>Файлы с ошибками структуры</h2>\n",
        ul(f"<code>{e(path)}</code> — {e(', '.join(sorted(set(codes))))}" for path, codes in sorted(broken.items())),
    ]
    by_file: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(result.findings):
        by_file[f.path].append(i)
    for path in sorted(by_file):
        items = [result.findings[i] for i in by_file[path]]
        target = site.file_pages.get(path)
        heading = e(path)
        if target:
            heading = f'<a href="{e(target)}">{e(path)}</a>'
        body.append(f"<h2>{heading}</h2>\n")
        body.append(site.findings_list(items, here, with_object=True))
    return here, page(here, "Замечания", "".join(body), agency=site.agency_name, crumbs=[("index.html", "Обзор")])


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
        forms = []
        for t in at:
            tp = reg.touchpoints.get(t)
            forms.append(form_label(tp.channel) if tp else "")
        rows.append(
            [
                site.link(here, "process", p.id),
                "; ".join(site.link(here, "touchpoint", t) for t in at),
                e(", ".join(sorted(set(f for f in forms if f)))),
            ]
        )
    body = [
        f"<h2>Процессы, где потребность удовлетворяется ({len(rows)})</h2>\n",
        table(["процесс", "точки", "форма"], rows),
        f"<h2>Процессы без этой потребности ({len(missing)})</h2>\n",
        ul(site.link(here, "process", pid) for pid in missing),
    ]
    title = f"Потребность: {reg.need_label(code)}"
    return here, page(here, title, "".join(body), agency=site.agency_name, crumbs=[("index.html", "Обзор")])


def history_page(site: Site, points: list[Point]) -> tuple[str, str]:
    here = "history.html"
    labels = [f"{p.date} {p.commit[:7]}" if len(points) < 8 else p.commit[:7] for p in points]
    counts = [
        ("точек взаимодействия", [float(sum(p.figures.touchpoints.values())) for p in points]),
        ("ошибок", [float(p.figures.findings["error"]) for p in points]),
        ("предупреждений", [float(p.figures.findings["warning"]) for p in points]),
        ("к сведению", [float(p.figures.findings["info"]) for p in points]),
    ]
    share = [("цифровая доля, %", [round(100 * p.figures.digital_share, 1) for p in points])]
    rows = [
        [
            f"<code>{e(p.commit)}</code>",
            e(p.date),
            e(p.subject),
            f'<span class="num">{sum(p.figures.touchpoints.values())}</span>',
            percent(p.figures.digital_pairs, p.figures.pairs),
            *(f'<span class="num">{p.figures.findings[s]}</span>' for s in SEVERITY_LABELS),
        ]
        for p in points
    ]
    body = [
        f"<p>Последние коммиты реестра: {len(points)}, от старых к новым.</p>\n",
        "<figure>\n"
        + line_chart(labels, counts, title="Точки и замечания по коммитам", ident="hist-counts")
        + "\n</figure>\n",
        "<figure>\n"
        + line_chart(labels, share, title="Цифровая доля по коммитам", ident="hist-share", unit="%")
        + "\n</figure>\n",
        table(["коммит", "дата", "сообщение", "точек", "цифровая доля", *SEVERITY_LABELS.values()], rows),
    ]
    return here, page(
        here, "История показателей", "".join(body), agency=site.agency_name, crumbs=[("index.html", "Обзор")]
    )
