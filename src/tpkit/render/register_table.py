"""The register table (перечень точек взаимодействия): its rows, per direction of activity.

One source for every writer of the register (DOCX, XLSX, CSV, Markdown,
HTML); the columns are :data:`tpkit.render.register_columns.COLUMNS`.

A row is one process touchpoint entry (``processes/ID.yaml: touchpoints[]``).
Rows carry the printed text of every cell *and* the registry codes they came
from, so an importer or a test need not parse labels back.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..registry import Registry
from ..registry.enums import CHANNELS, DEMAND_WORDS, DIRECTIONS, FORM_LABELS, form_of
from .register_columns import COLUMN_KEYS, LIST_SEP, act_text, official_text

if TYPE_CHECKING:
    from ..registry import models as m


@dataclass(slots=True)
class RegisterRow:
    """One row: the printed cells plus the codes they were built from."""

    n: int
    process: str
    touchpoint: str
    form: str
    needs: str
    basis: str
    features: str
    responsible: str
    demand: str
    # codes, for importers and tests
    direction: str = ""
    process_id: str = ""
    touchpoint_id: str = ""
    need_codes: tuple[str, ...] = ()
    basis_ids: tuple[str, ...] = ()
    feature_ids: tuple[str, ...] = ()
    responsible_id: str | None = None
    demand_value: int | str | None = None

    def cells(self) -> list[str]:
        """The printed cells in column order (``№`` as text)."""
        return [str(self.n) if k == "n" else str(getattr(self, k)) for k in COLUMN_KEYS]


@dataclass(slots=True)
class DirectionTable:
    """The register of one direction of activity."""

    direction: str
    title: str
    rows: list[RegisterRow] = field(default_factory=list)


# --- cell texts ---------------------------------------------------------------------


def demand_text(demand: int | str | None) -> str:
    if demand is None:
        return ""
    if isinstance(demand, int):
        from ..russian import agree

        # thousands grouped by a no-break space, as Russian documents print numbers; the noun agrees with the number
        return f"{demand:,}".replace(",", "\u00a0") + " " + agree(demand, "обращение в год")
    return DEMAND_WORDS.get(demand, {}).get("ru", str(demand))


def touchpoint_form(tp: m.Touchpoint) -> str:
    return FORM_LABELS[form_of(tp.channel)]["ru"]


def channel_label(tp: m.Touchpoint) -> str:
    return CHANNELS[tp.channel]["ru"]


def features_at(process: m.Process, touchpoint_id: str) -> list[m.Feature]:
    """The process features met at a touchpoint.

    A feature that lists no touchpoints concerns the whole process, so it is
    met at each of the process's touchpoints.
    """
    return [f for f in process.features if not f.touchpoints or touchpoint_id in f.touchpoints]


def build_row(reg: Registry, process: m.Process, entry: m.ProcessTouchpoint, n: int) -> RegisterRow:
    tp = reg.touchpoints.get(entry.touchpoint)
    basis_ids = tuple(reg.effective_basis(entry))
    acts = [act_text(reg.acts[a]) if a in reg.acts else a for a in basis_ids]
    feats = features_at(process, entry.touchpoint)
    feature_texts = [f.title for f in feats]
    if entry.notes:
        feature_texts.append(entry.notes)
    resp_id = reg.effective_responsible(entry)
    resp = reg.officials.get(resp_id) if resp_id else None
    return RegisterRow(
        n=n,
        process=process.title,
        touchpoint=tp.name if tp is not None else entry.touchpoint,
        form=touchpoint_form(tp) if tp is not None else "",
        needs=LIST_SEP.join(reg.need_label(c) for c in entry.needs),
        basis=LIST_SEP.join(acts),
        features=LIST_SEP.join(feature_texts),
        responsible=official_text(resp) if resp is not None else (resp_id or ""),
        demand=demand_text(entry.demand),
        direction=process.direction,
        process_id=process.id,
        touchpoint_id=entry.touchpoint,
        need_codes=tuple(entry.needs),
        basis_ids=basis_ids,
        feature_ids=tuple(f.id for f in feats),
        responsible_id=resp_id,
        demand_value=entry.demand,
    )


def iter_rows(reg: Registry, direction: str) -> Iterator[RegisterRow]:
    """The rows of one direction: processes in registry order, entries in file order, numbered from 1."""
    n = 0
    for process in reg.processes.values():
        if process.direction != direction:
            continue
        for entry in process.touchpoints:
            n += 1
            yield build_row(reg, process, entry, n)


def register_tables(reg: Registry, direction: str | None = None, *, keep_empty: bool = False) -> list[DirectionTable]:
    """One table per direction of activity, in the fixed order of ``enums.DIRECTIONS``.

    Directions without processes are left out unless ``keep_empty``;
    ``direction`` keeps only that one (its table is returned even when empty).
    """
    out: list[DirectionTable] = []
    for code, labels in DIRECTIONS.items():
        if direction is not None and code != direction:
            continue
        table = DirectionTable(code, labels["ru"], list(iter_rows(reg, code)))
        if table.rows or keep_empty or direction is not None:
            out.append(table)
    return out
