"""Pictures drawn by tpkit as inline SVG: the journey grid, bars, the assessment, a line chart.

No script and nothing fetched. Each picture has ``<title>`` and ``<desc>`` and ``role="img"``; the two forms
differ by more than colour (digital: solid blue; offline: orange with diagonal hatching; a gap: a red «!»),
and the palette (Okabe–Ito blue and vermilion) stays apart for colour-blind readers and in greyscale print.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .html import e

DIGITAL, OFFLINE, GAP, OK, GRID, MUTED = "#0b5ea8", "#d55e00", "#b00020", "#1b7f3b", "#c8ccd0", "#5f6368"


def _open(width: float, height: float, title: str, desc: str, ident: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {ident}" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img">\n'
        f"<title>{e(title)}</title>\n<desc>{e(desc)}</desc>\n"
    )


def _defs(ident: str) -> str:
    """The hatching of offline cells and of gaps (ids prefixed by the picture's own id)."""
    return (
        f'<defs><pattern id="{ident}-off" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="6" height="6" fill="{OFFLINE}"/><rect width="2" height="6" fill="#fff" fill-opacity=".55"/></pattern>'
        f'<pattern id="{ident}-gap" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">'
        f'<rect width="6" height="6" fill="#fff"/><rect width="2" height="6" fill="{GAP}" fill-opacity=".35"/></pattern></defs>\n'
    )


def _fill(form: str, ident: str) -> str:
    return DIGITAL if form == "digital" else f"url(#{ident}-off)"


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _legend(x: float, y: float, ident: str, extra: bool) -> str:
    items = [
        (f'<rect x="0" y="-10" width="14" height="14" fill="{DIGITAL}"/>', "цифровая форма"),
        (f'<rect x="0" y="-10" width="14" height="14" fill="url(#{ident}-off)"/>', "оффлайн-форма"),
    ]
    if extra:
        items += [
            (
                f'<rect x="0" y="-10" width="14" height="14" fill="url(#{ident}-gap)" stroke="{GAP}"/>'
                f'<text x="7" y="1" text-anchor="middle" fill="{GAP}" font-weight="bold">!</text>',
                "пробел, отмеченный правилом",
            ),
            ('<text x="7" y="1" text-anchor="middle" font-size="13">◆</text>', "особенность"),
            ('<text x="7" y="1" text-anchor="middle" font-size="13">✉</text>', "уведомление"),
        ]
    out, dx = [], x
    for mark, label in items:
        out.append(f'<g transform="translate({dx:.0f},{y:.0f})">{mark}<text x="20" y="1">{e(label)}</text></g>')
        dx += 34 + 7.5 * len(label)
    return "".join(out) + "\n"


# --- the journey --------------------------------------------------------------------------


@dataclass
class JourneyRow:
    """One touchpoint of a process: its label, form, needs met, demand, features, notifications."""

    label: str
    form: str
    needs: list[str]
    demand: int | str | None = None
    features: list[str] = field(default_factory=list)
    notifications: list[str] = field(default_factory=list)


def journey(
    rows: list[JourneyRow],
    columns: list[tuple[str, str, str]],
    gaps: dict[str, list[str]],
    *,
    title: str,
    ident: str = "journey",
) -> str:
    """Needs across (``columns``: code, short label, full label), touchpoints down, met needs filled by form.

    ``gaps`` maps a need code to the rule messages that say the process lacks it: the column gets a hatched red
    cell with «!» in the gap row. Beside each touchpoint: its features (◆), notifications (✉) and demand bar.
    """
    label_w, cell_w, cell_h, top = 250, 62, 30, 58
    marks_w, bar_w = 60, 130
    grid_x = label_w
    marks_x = grid_x + cell_w * len(columns) + 10
    bar_x = marks_x + marks_w
    n_rows = len(rows) + (1 if gaps else 0)
    width = bar_x + bar_w + 70
    height = top + cell_h * max(n_rows, 1) + 52
    met = sum(1 for r in rows for c in columns if c[0] in r.needs)
    desc = (
        f"Потребности клиента по порядку методики слева направо, точки взаимодействия сверху вниз; "
        f"закрашено {met} пересечений: синим — цифровая форма, оранжевым со штриховкой — оффлайн. "
    )
    if gaps:
        desc += "Пробелы: " + "; ".join(f"{lab}: {' '.join(gaps[c])}" for c, _s, lab in columns if c in gaps) + ". "
    out = [_open(width, height, title, desc, ident), _defs(ident)]
    for i, (_code, short, full) in enumerate(columns):
        x = grid_x + i * cell_w + cell_w / 2
        out.append(
            f'<text x="{x:.0f}" y="{top - 10}" text-anchor="middle" font-weight="bold">{e(short)}<title>{e(full)}</title></text>\n'
        )
    out.append(f'<text x="{marks_x + marks_w / 2:.0f}" y="{top - 10}" text-anchor="middle" fill="{MUTED}">особ.</text>')
    out.append(f'<text x="{bar_x}" y="{top - 10}" fill="{MUTED}">востребованность</text>\n')
    # the grid: one path of lines, not a rectangle per cell
    grid_w, grid_h = cell_w * len(columns), cell_h * len(rows)
    lines = [f"M{grid_x + i * cell_w} {top}v{grid_h}" for i in range(len(columns) + 1)]
    lines += [f"M{grid_x} {top + j * cell_h}h{grid_w}" for j in range(len(rows) + 1)]
    out.append(f'<path d="{"".join(lines)}" fill="none" stroke="{GRID}"/>\n')
    numeric = [r.demand for r in rows if isinstance(r.demand, int) and not isinstance(r.demand, bool)]
    peak = max(numeric, default=0) or 1
    for j, r in enumerate(rows):
        y = top + j * cell_h
        out.append(
            f'<text x="{label_w - 8}" y="{y + cell_h / 2 + 4:.0f}" text-anchor="end">'
            f"{e(_short(r.label, 36))}<title>{e(r.label)}</title></text>\n"
        )
        for i, (code, _short_label, full) in enumerate(columns):
            x = grid_x + i * cell_w
            if code in r.needs:
                form_ru = "цифровая" if r.form == "digital" else "оффлайн"
                out.append(
                    f'<rect class="met {e(r.form)}" data-need="{e(code)}" x="{x + 3}" y="{y + 3}" width="{cell_w - 6}" '
                    f'height="{cell_h - 6}" rx="3" fill="{_fill(r.form, ident)}"><title>{e(r.label)}: {e(full)} '
                    f"({form_ru})</title></rect>"
                )
        out.append("\n")
        marks = "◆" * min(len(r.features), 3) + ("✉" if r.notifications else "")
        if marks:
            tip = "; ".join([f"особенность: {f}" for f in r.features] + [f"уведомление: {n}" for n in r.notifications])
            out.append(
                f'<text x="{marks_x + marks_w / 2:.0f}" y="{y + cell_h / 2 + 5:.0f}" text-anchor="middle" font-size="14">'
                f"{marks}<title>{e(tip)}</title></text>"
            )
        if isinstance(r.demand, int) and not isinstance(r.demand, bool):
            w = max(1.0, bar_w * r.demand / peak)
            out.append(
                f'<rect x="{bar_x}" y="{y + 8}" width="{w:.1f}" height="{cell_h - 16}" fill="{MUTED}"/>'
                f'<text x="{bar_x + w + 4:.1f}" y="{y + cell_h / 2 + 4:.0f}">{r.demand:,}</text>\n'.replace(
                    ",", "\u2009"
                )
            )
        elif r.demand is not None:
            word = "мало" if r.demand == "low" else "не учитывалась"
            out.append(f'<text x="{bar_x}" y="{y + cell_h / 2 + 4:.0f}" fill="{MUTED}">{word}</text>\n')
    if gaps:
        y = top + len(rows) * cell_h
        out.append(
            f'<text x="{label_w - 8}" y="{y + cell_h / 2 + 4:.0f}" text-anchor="end" fill="{GAP}" font-weight="bold">'
            "пробелы по правилам</text>\n"
        )
        for i, (code, _s, full) in enumerate(columns):
            if code not in gaps:
                continue
            x = grid_x + i * cell_w
            out.append(
                f'<g class="gap" data-need="{e(code)}"><rect x="{x + 1}" y="{y + 1}" width="{cell_w - 2}" height="{cell_h - 2}" '
                f'fill="url(#{ident}-gap)" stroke="{GAP}" stroke-width="2"/><text x="{x + cell_w / 2:.0f}" '
                f'y="{y + cell_h / 2 + 5:.0f}" text-anchor="middle" fill="{GAP}" font-weight="bold" font-size="15">!</text>'
                f"<title>{e(full)}: {e(' '.join(gaps[code]))}</title></g>\n"
            )
    out.append(_legend(grid_x, height - 14, ident, True))
    out.append("</svg>")
    return "".join(out)


# --- bars -----------------------------------------------------------------------------------


@dataclass
class Bar:
    label: str
    value: float
    text: str
    form: str = ""  # digital | offline | "" (a neutral bar)


def bars(items: list[Bar], *, title: str, desc: str, ident: str, scale: float | None = None) -> str:
    """Horizontal bars, one per item; ``scale`` is the value of a full bar (default: the largest)."""
    label_w, bar_w, row_h = 300, 360, 24
    height = 16 + row_h * max(len(items), 1) + 34
    width = label_w + bar_w + 90
    peak = scale or max((b.value for b in items), default=0) or 1
    out = [_open(width, height, title, desc, ident), _defs(ident)]
    for j, b in enumerate(items):
        y = 12 + j * row_h
        w = max(0.0, bar_w * b.value / peak)
        fill = _fill(b.form, ident) if b.form else DIGITAL
        out.append(
            f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end">{e(_short(b.label, 44))}<title>{e(b.label)}</title></text>'
            f'<rect x="{label_w}" y="{y + 2}" width="{bar_w}" height="{row_h - 6}" fill="#f3f5f7"/>'
            f'<rect x="{label_w}" y="{y + 2}" width="{w:.1f}" height="{row_h - 6}" fill="{fill}"/>'
            f'<text x="{label_w + bar_w + 6}" y="{y + 15}">{e(b.text)}</text>\n'
        )
    if any(b.form for b in items):
        out.append(_legend(label_w, height - 12, ident, False))
    out.append("</svg>")
    return "".join(out)


# --- the assessment ----------------------------------------------------------------------------


def assessment(criteria: list[tuple[str, str | None, str]], *, title: str, ident: str) -> str:
    """Four boxes, one per criterion (label, ``ok``/``gap``/None, the text of the finding and mitigation)."""
    box_w, box_h = 170, 64
    width, height = 10 + box_w * len(criteria) + 10, box_h + 24
    said = {"ok": "соответствует", "gap": "расхождение", None: "не оценено"}
    desc = "; ".join(f"{lab}: {said[st]}" + (f" — {txt}" if txt else "") for lab, st, txt in criteria)
    out = [_open(width, height, title, desc, ident), _defs(ident)]
    for i, (label, status, text) in enumerate(criteria):
        x = 10 + i * box_w
        if status == "ok":
            box = f'fill="#fff" stroke="{OK}" stroke-width="2"'
            mark, colour = "✓", OK
        elif status == "gap":
            box = f'fill="url(#{ident}-gap)" stroke="{GAP}" stroke-width="3" stroke-dasharray="6 3"'
            mark, colour = "✗", GAP
        else:
            box = f'fill="#f3f5f7" stroke="{GRID}"'
            mark, colour = "—", MUTED
        out.append(
            f'<g class="criterion {status or "none"}"><rect x="{x + 4}" y="6" width="{box_w - 8}" height="{box_h}" rx="6" {box}/>'
            f'<text x="{x + box_w / 2:.0f}" y="32" text-anchor="middle" font-weight="bold">{e(label)}</text>'
            f'<text x="{x + box_w / 2:.0f}" y="56" text-anchor="middle" fill="{colour}" font-size="14">{mark} {said[status]}</text>'
            f"<title>{e(label)}: {said[status]}{' — ' + e(text) if text else ''}</title></g>\n"
        )
    out.append("</svg>")
    return "".join(out)


# --- a line chart -------------------------------------------------------------------------------

_DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2")
_COLOURS = (DIGITAL, OFFLINE, GAP, OK, "#6a3d9a")
_MARKS = ("circle", "square", "triangle", "diamond", "cross")


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>'
    if kind == "square":
        return f'<rect x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" fill="{colour}"/>'
    if kind == "triangle":
        return f'<path d="M{x:.1f} {y - 4.5:.1f}L{x + 4.5:.1f} {y + 3.5:.1f}L{x - 4.5:.1f} {y + 3.5:.1f}Z" fill="{colour}"/>'
    if kind == "diamond":
        return f'<path d="M{x:.1f} {y - 5:.1f}L{x + 5:.1f} {y:.1f}L{x:.1f} {y + 5:.1f}L{x - 5:.1f} {y:.1f}Z" fill="{colour}"/>'
    return f'<path d="M{x - 4:.1f} {y - 4:.1f}L{x + 4:.1f} {y + 4:.1f}M{x - 4:.1f} {y + 4:.1f}L{x + 4:.1f} {y - 4:.1f}" stroke="{colour}" stroke-width="2"/>'


def _nice(value: float, *, percent: bool) -> float:
    """The top of the axis: 100 for a share, else the first of 1, 2, 5 × 10^k × 4 ticks at or above the value."""
    if percent:
        return 100.0
    if value <= 0:
        return 4.0
    magnitude = 1.0
    while magnitude * 10 <= value:
        magnitude *= 10
    while magnitude > value and magnitude > 1:
        magnitude /= 10
    for m in (0.25, 0.5, 1, 2, 2.5, 5, 10):
        if 4 * m * magnitude >= value:
            return max(4 * m * magnitude, 4.0)
    return 40 * magnitude


def line_chart(
    x_labels: list[str], series: list[tuple[str, list[float]]], *, title: str, ident: str, unit: str = ""
) -> str:
    """Lines over commits (oldest left); each series differs by colour, dash and marker shape."""
    left, right, top, plot_h = 60, 80, 20, 220
    step = 110 if len(x_labels) < 12 else 50
    plot_w = max(step * max(len(x_labels) - 1, 1), 480)
    width, height = left + plot_w + right, top + plot_h + 60 + 20 * len(series)
    peak = _nice(max((v for _l, vs in series for v in vs), default=0), percent=unit == "%")
    desc = "; ".join(
        f"{lab}: " + ", ".join(f"{x} — {v:g}{unit}" for x, v in zip(x_labels, vs, strict=True)) for lab, vs in series
    )
    out = [_open(width, height, title, desc, ident)]

    def px(i: int) -> float:
        return left + (plot_w * i / (len(x_labels) - 1) if len(x_labels) > 1 else plot_w / 2)

    def py(v: float) -> float:
        return top + plot_h - plot_h * v / peak

    for k in range(5):
        v = peak * k / 4
        out.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{py(v):.1f}" y2="{py(v):.1f}" stroke="{GRID}"/>'
            f'<text x="{left - 6}" y="{py(v) + 4:.1f}" text-anchor="end" fill="{MUTED}">{v:g}{e(unit)}</text>\n'
        )
    for i, lab in enumerate(x_labels):
        out.append(f'<text x="{px(i):.1f}" y="{top + plot_h + 16}" text-anchor="middle" fill="{MUTED}">{e(lab)}</text>')
    for n, (lab, vs) in enumerate(series):
        colour, dash, mark = _COLOURS[n % 5], _DASHES[n % 5], _MARKS[n % 5]
        pts = " ".join(f"{px(i):.1f},{py(v):.1f}" for i, v in enumerate(vs))
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<polyline class="series" points="{pts}" fill="none" stroke="{colour}" stroke-width="2"{dashed}/>')
        out.extend(_marker(mark, px(i), py(v), colour) for i, v in enumerate(vs))
        ly = top + plot_h + 40 + 20 * n
        out.append(
            f'<line x1="{left}" x2="{left + 30}" y1="{ly - 4}" y2="{ly - 4}" stroke="{colour}" stroke-width="2"{dashed}/>'
            f'{_marker(mark, left + 15, ly - 4, colour)}<text x="{left + 38}" y="{ly}">{e(lab)}</text>\n'
        )
    out.append("</svg>")
    return "".join(out)
