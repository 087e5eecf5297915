"""Changes to an approved register (изменения, которые вносятся в перечень…) as a view.

A register approved by an order changes by another order («О внесении изменений в перечень…»). Its appendix
lists, per direction of activity and per process, the register rows to exclude, to include and to restate, in
the register's own columns (:data:`register_columns.COLUMNS`). Rows are the register's rows at the approved
revision and now (:mod:`.register_table`); a row is identified by its process, its touchpoint and, for a
touchpoint listed twice, its occurrence, so a row whose printed cells differ is "restated".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..registry import Registry
from ..registry.enums import DIRECTIONS
from .register_columns import COLUMNS
from .register_table import RegisterRow, register_tables
from .register_view import register_block
from .view import DRAFT_MARK, DocumentView, Numbered, Section, Stamp, agency_genitive, fmt_date

#: the columns compared (all but the row number, which shifts with every row included above)
_COMPARED = tuple(c for c in COLUMNS if c.key != "n")
RowKey = tuple[str, str, str, int]  # direction, process id, touchpoint id, occurrence


@dataclass(slots=True)
class ProcessChanges:
    """The changed rows of one process in one direction."""

    process_id: str
    title: str
    excluded: list[RegisterRow] = field(default_factory=list)
    included: list[RegisterRow] = field(default_factory=list)
    restated: list[tuple[RegisterRow, RegisterRow]] = field(default_factory=list)  # (before, after)


def _rows(reg: Registry) -> dict[RowKey, RegisterRow]:
    out: dict[RowKey, RegisterRow] = {}
    for table in register_tables(reg):
        seen: dict[tuple[str, str], int] = {}
        for row in table.rows:
            k = seen[(row.process_id, row.touchpoint_id)] = seen.get((row.process_id, row.touchpoint_id), 0) + 1
            out[(table.direction, row.process_id, row.touchpoint_id, k)] = row
    return out


def register_changes(old: Registry, new: Registry) -> dict[str, list[ProcessChanges]]:
    """Per direction (in the fixed order), the processes whose register rows changed, each with its rows."""
    before, after = _rows(old), _rows(new)
    by: dict[tuple[str, str], ProcessChanges] = {}

    def changes(key: RowKey, row: RegisterRow) -> ProcessChanges:
        return by.setdefault((key[0], key[1]), ProcessChanges(key[1], row.process))

    for key, row in before.items():
        if key not in after:
            changes(key, row).excluded.append(row)
    for key, row in after.items():
        was = before.get(key)
        if was is None:
            changes(key, row).included.append(row)
        elif [getattr(was, c.key) for c in _COMPARED] != [getattr(row, c.key) for c in _COMPARED]:
            changes(key, row).restated.append((was, row))
    order = {pid: i for i, pid in enumerate([*new.processes, *(p for p in old.processes if p not in new.processes)])}
    out: dict[str, list[ProcessChanges]] = {}
    for direction in DIRECTIONS:
        found = [pc for (d, _), pc in by.items() if d == direction]
        if found:
            out[direction] = sorted(found, key=lambda pc: order.get(pc.process_id, len(order)))
    return out


def changes_view(old: Registry, new: Registry, base: str) -> DocumentView:
    """The appendix to an amending order: the changes of the register since revision ``base``."""
    agency = new.agency
    who = agency_genitive(agency)
    # the approval of what was approved: now's, when it names this revision (recorded after tagging), else then's
    now = new.agency.register.approval if new.agency is not None and new.agency.register is not None else None
    then = old.agency.register.approval if old.agency is not None and old.agency.register is not None else None
    approval = now if now is not None and now.revision == base else then
    title = "Изменения, которые вносятся в перечень точек взаимодействия с клиентом"
    if who:
        title += f" {who}"
    if approval is not None and (approval.date is not None or approval.number):
        title += ", утвержденный"
        title += f" приказом {who}" if approval.kind == "order" and who else ""
        title += f" от {fmt_date(approval.date)}" if approval.date is not None else ""
        title += f" № {approval.number}" if approval.number else ""
    sections: list[Section] = []
    for i, (direction, processes) in enumerate(register_changes(old, new).items(), 1):
        sec = Section(direction, str(i), DIRECTIONS[direction]["ru"])
        out = Numbered(sec)
        for pc in processes:
            out.sub(pc.title)
            if pc.excluded:
                out.para("Исключить строки (точки взаимодействия):")
                sec.blocks.append(register_block(pc.excluded))
            if pc.included:
                out.para("Включить строки (точки взаимодействия):")
                sec.blocks.append(register_block(pc.included))
            if pc.restated:
                changed = [
                    c.ru for c in _COMPARED if any(getattr(a, c.key) != getattr(b, c.key) for a, b in pc.restated)
                ]
                out.para(f"Изложить строки в следующей редакции (изменены графы: {', '.join(changed)}):")
                sec.blocks.append(register_block([b for _, b in pc.restated]))
        sections.append(sec)
    closing = [] if sections else [f"Изменений в перечне с ревизии {base} нет."]
    return DocumentView(
        kind="changes",
        id="changes",
        title=title,
        # the amending order is not signed yet: always a draft (the format records no approval of it)
        stamp=Stamp(["УТВЕРЖДЕНЫ", f"приказом {who}".strip(), "от ____________ № ______"], mark=DRAFT_MARK),
        sections=sections,
        agency=agency.name if agency is not None else "",
        date=None,
        closing=closing,
        landscape=True,
        extra={"base": base, "columns": [c.heading for c in COLUMNS]},
    )
