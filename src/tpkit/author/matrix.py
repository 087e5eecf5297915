"""``tpkit matrix``: processes × touchpoints, the needs satisfied in the cells.

The matrix is built once (:func:`build_matrix`) and written as CSV or as a
self-contained HTML heatmap (inline CSS, no scripts, no external assets,
every text escaped); the command line draws the terminal table from the same
data. A cell holds the short labels of the needs (``enums.NEEDS[...]["short"]``);
an empty cell is a touchpoint the process does not use, and the last column
names the needs of the client's journey that no touchpoint of the process
satisfies (information, consultation, status and result after a submission,
feedback) — the gaps the methodology asks to close.
"""

from __future__ import annotations

import csv
import html
import io
from dataclasses import dataclass, field

from ..registry import Registry
from ..registry.enums import DIRECTIONS, FORM_LABELS, NEEDS, form_of


@dataclass(frozen=True, slots=True)
class Row:
    id: str
    title: str
    direction: str


@dataclass(frozen=True, slots=True)
class Column:
    id: str
    name: str
    form: str  # digital | offline | "" (not in the catalogue)


@dataclass
class Matrix:
    rows: list[Row] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    #: (process id, touchpoint id) -> need codes, in the order of the process file
    cells: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    #: process id -> journey needs no touchpoint satisfies
    gaps: dict[str, list[str]] = field(default_factory=dict)
    #: need code -> short label
    short: dict[str, str] = field(default_factory=dict)
    #: need code -> full label
    labels: dict[str, str] = field(default_factory=dict)
    title: str = ""

    def cell_text(self, process: str, touchpoint: str) -> str:
        return ", ".join(self.short.get(c, c) for c in self.cells.get((process, touchpoint), []))

    def gap_text(self, process: str) -> str:
        return ", ".join(self.short.get(c, c) for c in self.gaps.get(process, []))


def journey_gaps(needs: set[str]) -> list[str]:
    """The journey needs missing from a process (in the order of the standard needs)."""
    wanted = ["info", "consultation", "feedback"]
    if "submit" in needs:
        wanted += ["status", "result"]
    return [c for c in NEEDS if c in wanted and c not in needs]


def build_matrix(reg: Registry, direction: str | None = None) -> Matrix:
    mx = Matrix()
    mx.title = reg.agency.name if reg.agency is not None else ""
    for code, v in NEEDS.items():
        mx.short[code] = v["short"]
        mx.labels[code] = v["ru"]
    if reg.agency is not None:
        for need in reg.agency.needs:
            mx.short.setdefault(need.id, need.short or need.name)
            mx.labels.setdefault(need.id, need.name)
    order = {code: i for i, code in enumerate(DIRECTIONS)}
    processes = [p for p in reg.processes.values() if direction is None or p.direction == direction]
    processes.sort(key=lambda p: order.get(p.direction, len(order)))
    columns: dict[str, Column] = {tp.id: Column(tp.id, tp.name, form_of(tp.channel)) for tp in reg.touchpoints.values()}
    for p in processes:
        mx.rows.append(Row(p.id, p.title, p.direction))
        seen: set[str] = set()
        for entry in p.touchpoints:
            if entry.touchpoint not in columns:
                columns[entry.touchpoint] = Column(entry.touchpoint, entry.touchpoint, "")
            cell = mx.cells.setdefault((p.id, entry.touchpoint), [])
            cell.extend(c for c in entry.needs if c not in cell)
            seen.update(entry.needs)
        mx.gaps[p.id] = journey_gaps(seen)
    mx.columns = list(columns.values())
    return mx


# --- CSV ------------------------------------------------------------------------------------

GAPS_RU = "не хватает"


def render_csv(mx: Matrix) -> str:
    """Semicolon-separated (Excel in a Russian locale), like the register's CSV."""
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\r\n")
    w.writerow(["направление", "процесс", *(c.name for c in mx.columns), GAPS_RU])
    for r in mx.rows:
        w.writerow(
            [
                DIRECTIONS.get(r.direction, {}).get("ru", r.direction),
                r.title,
                *(mx.cell_text(r.id, c.id) for c in mx.columns),
                mx.gap_text(r.id),
            ]
        )
    return out.getvalue()


# --- HTML -------------------------------------------------------------------------------------

_CSS = """
body{font-family:"PT Sans","Segoe UI",Arial,sans-serif;margin:1.5em;color:#1a1a1a}
h1{font-size:1.3em;margin:0 0 .3em}
p.note{color:#555;margin:.2em 0 1em}
table.matrix{border-collapse:collapse;font-size:.85em}
.matrix th,.matrix td{border:1px solid #c8c8c8;padding:.3em .45em;vertical-align:top}
.matrix thead th{background:#f2f2f2;font-weight:600;min-width:6em}
.matrix thead th small{display:block;font-weight:400;color:#666}
.matrix th.process{text-align:left;max-width:28em;font-weight:400;background:#fafafa}
.matrix td.cell{text-align:center;white-space:nowrap}
.matrix td.empty{background:#fff;color:#bbb}
.matrix td.n1{background:#e3eefa}.matrix td.n2{background:#c6dcf5}.matrix td.n3{background:#9fc3ec}
.matrix td.n4{background:#78a9e2;color:#fff}.matrix td.n5{background:#4f8bd6;color:#fff}
.matrix td.gaps{background:#fde8e6;color:#a3261b;font-weight:600}
.matrix td.nogaps{background:#e8f6ea;color:#2e7d32}
.matrix tr.direction th{background:#e9e9e9;text-align:left}
h2{font-size:1em}
dl.legend{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1em;font-size:.85em}
dl.legend dt{font-weight:600}
@media print{
@page{size:A4 landscape;margin:10mm}
body{margin:0;font-size:7pt}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
table.matrix{width:100%;table-layout:fixed;font-size:1em}
.matrix th,.matrix td{padding:.15em .2em;overflow-wrap:anywhere;hyphens:auto}
.matrix thead th{min-width:0}
.matrix thead th.process{width:16%}
.matrix td.cell{white-space:normal}
.matrix td.n4,.matrix td.n5{color:#000;font-weight:600}
.matrix thead{display:table-header-group}
.matrix tr{break-inside:avoid}
}
"""


def render_html(mx: Matrix) -> str:
    e = html.escape
    out: list[str] = []
    title = "Матрица «процессы × точки взаимодействия»"
    out.append("<!DOCTYPE html>")
    out.append('<html lang="ru">')
    out.append('<head><meta charset="utf-8">')
    out.append('<meta name="viewport" content="width=device-width, initial-scale=1">')
    out.append(f"<title>{e(title)}{' — ' + e(mx.title) if mx.title else ''}</title>")
    out.append(f"<style>{_CSS}</style></head>")
    out.append("<body>")
    out.append(f"<h1>{e(title)}</h1>")
    if mx.title:
        out.append(f'<p class="note">{e(mx.title)}</p>')
    out.append(
        '<p class="note">В ячейке — удовлетворяемые потребности; чем больше потребностей, тем темнее ячейка. '
        "Пустая ячейка — точка не используется в процессе. Последний столбец — потребности пути клиента, "
        "которые не удовлетворяет ни одна точка процесса.</p>"
    )
    out.append('<table class="matrix">')
    out.append('<thead><tr><th class="process">Процесс</th>')
    for c in mx.columns:
        form = FORM_LABELS.get(c.form, {}).get("ru", "нет в каталоге")
        out.append(f'<th scope="col" data-touchpoint="{e(c.id)}">{e(c.name)}<small>{e(form)}</small></th>')
    out.append(f'<th scope="col">{e(GAPS_RU.capitalize())}</th></tr></thead>')
    out.append("<tbody>")
    current = None
    width = len(mx.columns) + 2
    for r in mx.rows:
        if r.direction != current:
            current = r.direction
            label = DIRECTIONS.get(r.direction, {}).get("ru", r.direction)
            out.append(f'<tr class="direction"><th colspan="{width}">{e(label)}</th></tr>')
        out.append(f'<tr data-process="{e(r.id)}"><th scope="row" class="process">{e(r.title)}</th>')
        for c in mx.columns:
            needs = mx.cells.get((r.id, c.id), [])
            if not needs:
                out.append('<td class="cell empty">·</td>')
                continue
            tip = "; ".join(mx.labels.get(n, n) for n in needs)
            level = min(len(needs), 5)
            out.append(f'<td class="cell n{level}" title="{e(tip)}">{e(mx.cell_text(r.id, c.id))}</td>')
        gaps = mx.gaps.get(r.id, [])
        if gaps:
            tip = "; ".join(mx.labels.get(n, n) for n in gaps)
            out.append(f'<td class="gaps" title="{e(tip)}">{e(mx.gap_text(r.id))}</td>')
        else:
            out.append('<td class="nogaps">—</td>')
        out.append("</tr>")
    out.append("</tbody></table>")
    out.append('<h2>Обозначения</h2><dl class="legend">')
    for code, short in mx.short.items():
        out.append(f"<dt>{e(short)}</dt><dd>{e(mx.labels.get(code, code))}</dd>")
    out.append("</dl></body></html>")
    return "\n".join(out) + "\n"
