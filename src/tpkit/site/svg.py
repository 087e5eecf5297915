"""Pictures drawn by tpkit as inline SVG: the journey grid, bars, the assessment, a line chart.

This module lays each picture out (coordinates, labels, what a cell means); its template in ``templates/svg/``
draws it, escaping every text. No script and nothing fetched. Each picture has ``<title>`` and ``<desc>`` and
``role="img"``; the two forms differ by more than colour (digital: solid blue; offline: orange with diagonal
hatching; a gap: a red «!»), and the palette (Okabe–Ito blue and vermilion) stays apart for colour-blind readers
and in greyscale print.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from types import SimpleNamespace as NS
from typing import Any

from markupsafe import Markup

from .env import picture, thin

#: a journey cell (the template draws the filled square 6 smaller, and the demand bar 16 lower)
CELL_W, CELL_H = 62, 30
DIGITAL, OFFLINE, GAP, OK, GRID, MUTED = "#0b5ea8", "#d55e00", "#b00020", "#1b7f3b", "#c8ccd0", "#5f6368"
#: the palette as the templates read it (``c.GAP``); rows and boxes are namespaces too, whose attributes jinja reads
#: directly (a dict's keys cost it a failed attribute lookup each)
COLOURS = NS(DIGITAL=DIGITAL, OFFLINE=OFFLINE, GAP=GAP, OK=OK, GRID=GRID, MUTED=MUTED)


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _fill(form: str, ident: str) -> str:
    return DIGITAL if form == "digital" else f"url(#{ident}-off)"


def _draw(name: str, ident: str, **context: Any) -> Markup:
    return picture(f"svg/{name}.svg.j2", c=COLOURS, ident=ident, defs=_defs(ident), **context)


@cache
def _defs(ident: str) -> Markup:
    """The hatchings a picture's cells refer to, by the picture's id (the same on every page: drawn once)."""
    return picture("svg/defs.svg.j2", c=COLOURS, ident=ident)


@cache
def _legend(x: float, ident: str, extra: bool) -> Markup:
    """The legend, its items left to right from ``x``, at y 0 (drawn once per picture kind)."""
    kinds = [("digital", "цифровая форма"), ("offline", "оффлайн-форма")]
    if extra:
        kinds += [("gap", "пробел, отмеченный правилом"), ("feature", "особенность"), ("note", "уведомление")]
    items, dx = [], x
    for kind, label in kinds:
        items.append((f"{dx:.0f}", kind, label))
        dx += 34 + 7.5 * len(label)
    return picture("svg/legend.svg.j2", c=COLOURS, ident=ident, items=items)


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
) -> Markup:
    """Needs across (``columns``: code, short label, full label), touchpoints down, met needs filled by form.

    ``gaps`` maps a need code to the rule messages that say the process lacks it: the column gets a hatched red
    cell with «!» in the gap row. Beside each touchpoint: its features (◆), notifications (✉) and demand bar.
    """
    label_w, cell_w, cell_h, top = 290, CELL_W, CELL_H, 58
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
        f"закрашено пересечений: {met}; синим — цифровая форма, оранжевым со штриховкой — оффлайн. "
    )
    if gaps:
        desc += "Пробелы: " + "; ".join(f"{lab}: {' '.join(gaps[c])}" for c, _s, lab in columns if c in gaps) + ". "
    grid_w, grid_h = cell_w * len(columns), cell_h * len(rows)
    lines = [f"M{grid_x + i * cell_w} {top}v{grid_h}" for i in range(len(columns) + 1)]
    lines += [f"M{grid_x} {top + j * cell_h}h{grid_w}" for j in range(len(rows) + 1)]
    numeric = [r.demand for r in rows if isinstance(r.demand, int) and not isinstance(r.demand, bool)]
    peak = max(numeric, default=0) or 1
    out_rows = []
    for j, r in enumerate(rows):
        y = top + j * cell_h
        cells = [(code, grid_x + i * cell_w + 3) for i, (code, _s, _f) in enumerate(columns) if code in r.needs]
        marks = "◆" * min(len(r.features), 3) + ("✉" if r.notifications else "")
        tip = "; ".join([f"особенность: {f}" for f in r.features] + [f"уведомление: {n}" for n in r.notifications])
        bar: tuple[str, str, str] | None = None
        word = ""
        if isinstance(r.demand, int) and not isinstance(r.demand, bool):
            w = max(1.0, bar_w * r.demand / peak)
            bar = (f"{w:.1f}", f"{bar_x + w + 4:.1f}", thin(r.demand))
        elif r.demand is not None:
            word = "мало" if r.demand == "low" else "не учитывалась"
        out_rows.append(
            NS(
                y=y,
                text_y=f"{y + cell_h / 2 + 4:.0f}",
                mark_y=f"{y + cell_h / 2 + 5:.0f}",
                label=_short(r.label, 34),
                full=r.label,
                form=r.form,
                fill=_fill(r.form, ident),
                cells=cells,
                marks=marks,
                tip=tip,
                bar=bar,
                word=word,
            )
        )
    gap_cells = [
        (code, grid_x + i * cell_w, f"{grid_x + i * cell_w + cell_w / 2:.0f}", f"{full}: {' '.join(gaps[code])}")
        for i, (code, _s, full) in enumerate(columns)
        if code in gaps
    ]
    gy = top + len(rows) * cell_h
    return _draw(
        "journey",
        ident=ident,
        width=width,
        height=height,
        title=title,
        desc=desc,
        top=top,
        label_x=label_w - 8,
        heads=_heads(tuple(columns), grid_x, top),
        marks_x=f"{marks_x + marks_w / 2:.0f}",
        bar_x=bar_x,
        grid="".join(lines),
        rows=out_rows,
        gaps=gap_cells,
        gap_y=gy,
        gap_text_y=f"{gy + cell_h / 2 + 4:.0f}",
        gap_mark_y=f"{gy + cell_h / 2 + 5:.0f}",
        gap_w=cell_w - 2,
        gap_h=cell_h - 2,
        legend=_legend(grid_x, ident, True),
    )


@cache
def _heads(columns: tuple[tuple[str, str, str], ...], grid_x: int, top: int) -> Markup:
    """The column heads of a journey over ``columns`` (code, short label, full label)."""
    cell_w, marks_w = CELL_W, 60
    marks_x = grid_x + cell_w * len(columns) + 10
    heads = [(f"{grid_x + i * cell_w + cell_w / 2:.0f}", short, full) for i, (_c, short, full) in enumerate(columns)]
    return picture(
        "svg/heads.svg.j2",
        c=COLOURS,
        heads=heads,
        top=top,
        marks_head=f"{marks_x + marks_w / 2:.0f}",
        bar_x=marks_x + marks_w,
    )


# --- bars -----------------------------------------------------------------------------------


@dataclass
class Bar:
    label: str
    value: float
    text: str
    form: str = ""  # digital | offline | "" (a neutral bar)


def bars(items: list[Bar], *, title: str, desc: str, ident: str, scale: float | None = None) -> Markup:
    """Horizontal bars, one per item, each under its label (so the picture stays narrow enough for a phone);
    ``scale`` is the value of a full bar (default: the largest)."""
    bar_w, row_h = 330, 44
    width = bar_w + 90
    legend = any(b.form for b in items)
    height = 8 + row_h * max(len(items), 1) + (30 if legend else 4)
    peak = scale or max((b.value for b in items), default=0) or 1
    rows = []
    for j, b in enumerate(items):
        y = 8 + j * row_h
        rows.append(
            NS(
                label_y=y + 13,
                bar_y=y + 20,
                text_y=y + 34,
                w=f"{max(0.0, bar_w * b.value / peak):.1f}",
                fill=_fill(b.form, ident) if b.form else DIGITAL,
                label=_short(b.label, 56),
                full=b.label,
                text=b.text,
            )
        )
    return _draw(
        "bars",
        ident=ident,
        width=width,
        height=height,
        title=title,
        desc=desc,
        rows=rows,
        bar_w=bar_w,
        bar_h=18,
        text_x=bar_w + 6,
        legend=_legend(0, ident, False) if legend else "",
    )


# --- the assessment ----------------------------------------------------------------------------


def assessment(criteria: list[tuple[str, str | None, str]], *, title: str, ident: str) -> Markup:
    """Four boxes, two by two (label, ``ok``/``gap``/None, the text of the finding and mitigation)."""
    box_w, box_h, per_row = 180, 64, 2
    rows_n = (len(criteria) + per_row - 1) // per_row
    width, height = box_w * per_row + 10, rows_n * (box_h + 8) + 8
    said = {"ok": "соответствует", "gap": "расхождение", None: "не оценено"}
    desc = "; ".join(f"{lab}: {said[st]}" + (f" — {txt}" if txt else "") for lab, st, txt in criteria)
    boxes = []
    for i, (label, status, text) in enumerate(criteria):
        x = 5 + (i % per_row) * box_w
        y = 6 + (i // per_row) * (box_h + 8)
        boxes.append(
            NS(
                x=x + 4,
                y=y,
                cx=f"{x + box_w / 2:.0f}",
                label_y=y + 26,
                mark_y=y + 50,
                status=status or "none",
                label=label,
                said=said[status],
                mark={"ok": "✓", "gap": "✗"}.get(status or "", "—"),
                tip=f"{label}: {said[status]}" + (f" — {text}" if text else ""),
            )
        )
    return _draw(
        "assessment", ident=ident, width=width, height=height, title=title, desc=desc, boxes=boxes,
        box_w=box_w - 8, box_h=box_h,
    )  # fmt: skip


# --- a line chart -------------------------------------------------------------------------------

_DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2")
_SERIES_COLOURS = (DIGITAL, OFFLINE, GAP, OK, "#6a3d9a")
_MARKS = ("circle", "square", "triangle", "diamond", "cross")


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
) -> Markup:
    """Lines over commits (oldest left); each series differs by colour, dash and marker shape."""
    left, right, top, plot_h = 60, 80, 20, 220
    step = 110 if len(x_labels) < 12 else 50
    plot_w = max(step * max(len(x_labels) - 1, 1), 480)
    width, height = left + plot_w + right, top + plot_h + 60 + 20 * len(series)
    peak = _nice(max((v for _l, vs in series for v in vs), default=0), percent=unit == "%")
    desc = "; ".join(
        f"{lab}: " + ", ".join(f"{x} — {v:g}{unit}" for x, v in zip(x_labels, vs, strict=True)) for lab, vs in series
    )

    def px(i: int) -> float:
        return left + (plot_w * i / (len(x_labels) - 1) if len(x_labels) > 1 else plot_w / 2)

    def py(v: float) -> float:
        return top + plot_h - plot_h * v / peak

    ticks = [(f"{py(peak * k / 4):.1f}", f"{py(peak * k / 4) + 4:.1f}", f"{peak * k / 4:g}{unit}") for k in range(5)]
    xs = [(f"{px(i):.1f}", lab) for i, lab in enumerate(x_labels)]
    lines = []
    for n, (lab, vs) in enumerate(series):
        ly = top + plot_h + 40 + 20 * n
        lines.append(
            NS(
                label=lab,
                colour=_SERIES_COLOURS[n % 5],
                dash=_DASHES[n % 5],
                mark=_MARKS[n % 5],
                points=" ".join(f"{px(i):.1f},{py(v):.1f}" for i, v in enumerate(vs)),
                dots=[(px(i), py(v)) for i, v in enumerate(vs)],
                ly=ly,
            )
        )
    return _draw(
        "line",
        ident=ident,
        width=width,
        height=height,
        title=title,
        desc=desc,
        left=left,
        right_x=left + plot_w,
        label_y=top + plot_h + 16,
        ticks=ticks,
        xs=xs,
        lines=lines,
    )
