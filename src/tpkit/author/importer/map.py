"""Map: data rows become a plan — new touchpoints for the catalogue, one document per process — and every row's
outcome.

A row's touchpoint is found or made by :mod:`.catalogue`. Rows of one process at one touchpoint (a register
listing stages) become one entry: needs, basis and notes joined; where they disagree on the responsible official
or the demand, the first row's value is kept, the others go to the entry's ``notes`` and the plan lists the
conflict. A process is found by the «id процесса» column, else by its title; an existing one keeps everything the
register table does not show (units, basis, partners, features, notifications) and gets its touchpoints replaced. A
table with no process column gives one process per direction (``scope: direction``), titled from the direction's
heading. Every data row ends written, merged or not understood (:mod:`.ledger`); the reader gave every other row
its outcome.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...registry import Registry
from ...registry import models as m
from .catalogue import RowKey, Touchpoints, row_key
from .cells import Lookup, ParsedRow, parse_row, why_unread
from .ledger import RowOutcome, Unmapped
from .match import norm, slug, unique_id
from .read import Reading, cell_text

#: the note a direction-wide process gets (the methodology lists touchpoints per service)
DIRECTION_NOTE = (
    "Один процесс для всего направления: в утвержденном перечне точки взаимодействия указаны по направлению, "
    "а не по каждой услуге (импортировано tpkit import). Если услуги направления различаются, опишите процесс "
    "для каждой; если все обслуживаются одинаково, укажите uniform: true."
)


@dataclass
class ProcessDocument:
    """A process file to write: its data, and the process it replaces (``None``: a new file)."""

    pid: str
    data: dict[str, Any]
    existing: m.Process | None


@dataclass
class ImportPlan:
    #: new touchpoints by id, in the order the rows first name them
    touchpoints: dict[str, dict[str, Any]] = field(default_factory=dict)
    processes: list[ProcessDocument] = field(default_factory=list)
    #: what became of every source row, in the order of the file
    outcomes: list[RowOutcome] = field(default_factory=list)
    #: cells not taken as they stood (their rows are written)
    unmapped: list[Unmapped] = field(default_factory=list)
    #: rows that disagree on one value: the first kept, the others in ``notes``
    conflicts: list[Unmapped] = field(default_factory=list)
    source: str = ""
    #: the rows read: the outcomes add up to it
    total: int = 0
    #: a new touchpoint's id -> why its channel (a key of :data:`.texts.CHANNEL_WHY`)
    channel_why: dict[str, str] = field(default_factory=dict)

    @property
    def rows(self) -> list[RowOutcome]:
        """The rows written, and those merged into another's entry."""
        return [o for o in self.outcomes if o.kind in ("written", "merged")]


def entry_basis(row_basis: list[str], catalogue: list[str]) -> list[str] | None:
    """The shortest entry ``basis`` whose effective basis (entry + catalogue) prints as ``row_basis``."""
    for k in range(len(row_basis) + 1):
        head = row_basis[:k]
        if head + [b for b in catalogue if b not in head] == row_basis:
            return head
    return None


def _entry(
    it: ParsedRow, tps: Touchpoints, features: dict[str, Any], feature_at: dict[str, list[str]], report: list[Unmapped]
) -> dict[str, Any]:
    """The process's touchpoint entry for one row; features named in the row are noted in ``feature_at``."""
    tid = tps.id_of(it)
    cat_basis, cat_resp = tps.catalogue(tid)
    entry: dict[str, Any] = {"touchpoint": tid, "needs": list(it.needs)}
    eb = entry_basis(it.basis, cat_basis) if "basis" in it.row.cells else []
    if eb is None:
        eb = it.basis
        report.append(it.row.unmapped("basis", "", "basis-missing"))
    if eb:
        entry["basis"] = eb
    if it.responsible is not None and it.responsible != cat_resp:
        entry["responsible"] = it.responsible
    elif it.responsible is None and cat_resp is not None and it.row.cells.get("responsible") == "":
        report.append(it.row.unmapped("responsible", "", "responsible-empty"))
    if it.demand is not None:
        entry["demand"] = it.demand
    notes = list(it.notes)
    for f in it.features:
        feat = features.get(norm(f))
        if feat is not None:
            feature_at.setdefault(str(feat.get("id")), []).append(tid)
        else:
            notes.append(f)
    if notes:
        entry["notes"] = "; ".join(notes)
    return entry


@dataclass
class _Entry:
    """A process's touchpoint entry as rows fill it: the first row, and the values it stated."""

    data: dict[str, Any]
    first: ParsedRow
    responsible: str | None
    demand: int | str | None


def merge_entry(held: _Entry, other: dict[str, Any], it: ParsedRow, conflicts: list[Unmapped]) -> list[tuple[str, str]]:
    """Join a row (``it``, its entry ``other``) into the entry of an earlier row of the same touchpoint: needs,
    basis and notes joined; the responsible official and the demand the first row states are kept, a later row's
    other value goes to ``notes`` and to ``conflicts``. What the row added, (column, values), for the plan."""
    into = held.data
    added: list[tuple[str, str]] = []
    for key in ("needs", "basis"):
        new = [v for v in other.get(key, []) if v not in into.get(key, [])]
        if new:
            into[key] = [*into.get(key, []), *new]
            added.append((key, ", ".join(new)))
    more: list[str] = []
    for key, stated, first in (
        ("responsible", it.responsible, held.responsible),
        ("demand", it.demand, held.demand),
    ):
        if stated is None:
            continue
        if first is None:
            setattr(held, key, stated)
            if key in other:
                into[key] = other[key]
        elif stated != first:
            said, kept = cell_text(it.row.cells.get(key)), cell_text(held.first.row.cells.get(key))
            conflicts.append(it.row.unmapped(key, said, "conflict", held.first.row.where, kept))
            more.append(f"{'ответственный' if key == 'responsible' else 'востребованность'}: {said}")
            it.notes.append(more[-1])
    notes = [n for n in (into.get("notes"), other.get("notes"), *more) if n]
    if notes:
        into["notes"] = "; ".join(dict.fromkeys(notes))
    if other.get("notes") or more:
        added.append(("notes", ""))
    return added


def _place_features(data: dict[str, Any], feature_at: dict[str, list[str]], entries: list[dict[str, Any]]) -> None:
    """Features keep their ids; where they are met follows the rows."""
    all_tps = [e["touchpoint"] for e in entries]
    for f in data.get("features", []) or []:
        if not isinstance(f, dict):
            continue
        at = feature_at.get(str(f.get("id")), [])
        if not f.get("touchpoints") and sorted(set(at)) == sorted(set(all_tps)):
            continue  # a feature of the whole process
        f["touchpoints"] = list(dict.fromkeys(at))


def _start_document(
    reg: Registry, existing: m.Process | None, direction: str, title: str, taken: set[str]
) -> tuple[str, dict[str, Any]]:
    """The id and the data a process document starts from: the existing file's, or a new id from the title."""
    if existing is None:
        pid = unique_id(slug(title), taken)
        return pid, {"id": pid, "title": title, "direction": direction}
    src = reg.files[reg.process_file(existing)]
    data: dict[str, Any] = dict(src.data) if isinstance(src.data, dict) else {}
    data["direction"] = direction
    return existing.id, data


def _find_process(
    reg: Registry, by_title: dict[tuple[str, str], m.Process], key: tuple[str, str, str | None]
) -> m.Process | None:
    direction, title, pid = key
    if pid is not None:
        return reg.processes.get(pid)
    return by_title.get((direction, norm(title))) or by_title.get(("", norm(title)))


def _plan_processes(
    reg: Registry,
    parsed: list[ParsedRow],
    tps: Touchpoints,
    outcomes: dict[RowKey, RowOutcome],
    report: list[Unmapped],
    conflicts: list[Unmapped],
) -> list[ProcessDocument]:
    by_title: dict[tuple[str, str], m.Process] = {}
    for proc in reg.processes.values():
        by_title.setdefault((proc.direction, norm(proc.title)), proc)
        by_title.setdefault(("", norm(proc.title)), proc)
    taken = set(reg.processes) | set(reg.raw_ids.get("process", set()))
    groups: dict[tuple[str, str, str | None], list[ParsedRow]] = {}
    for p in parsed:
        # one process however its title is spaced or cased (a no-break space made two in 0.2.0): the first row's
        groups.setdefault((p.direction, norm(p.process) if p.pid is None else "", p.pid), []).append(p)
    documents: list[ProcessDocument] = []
    for key, items in groups.items():
        existing = _find_process(reg, by_title, key)
        pid, data = _start_document(reg, existing, key[0], items[0].process, taken)
        if existing is None and key[2] is not None:
            taken.discard(pid)
            pid = data["id"] = key[2]
            taken.add(pid)
        if existing is not None and norm(existing.title) != norm(items[0].process):
            report.append(items[0].row.unmapped("process", items[0].process, "title", existing.id))
        if existing is None and items[0].row.per_direction:
            data["scope"] = "direction"
            data["description"] = DIRECTION_NOTE
        features = {norm(f.get("title", "")): f for f in data.get("features", []) or [] if isinstance(f, dict)}
        feature_at: dict[str, list[str]] = {}
        entries: dict[str, _Entry] = {}
        for it in items:
            entry = _entry(it, tps, features, feature_at, report)
            out = outcomes[row_key(it)]
            out.process, out.touchpoint = pid, entry["touchpoint"]
            held = entries.get(entry["touchpoint"])
            if held is None:
                entries[entry["touchpoint"]] = _Entry(entry, it, it.responsible, it.demand)
            else:
                out.kind, out.into = "merged", held.first.row.where
                out.combined = merge_entry(held, entry, it, conflicts)
        for held in entries.values():
            if not held.data["needs"]:
                report.append(held.first.row.unmapped("needs", "", "no-needs"))
        _place_features(data, feature_at, [e.data for e in entries.values()])
        data["touchpoints"] = [e.data for e in entries.values()]
        documents.append(ProcessDocument(pid, data, existing))
    return documents


def plan_import(reg: Registry, reading: Reading, report: list[Unmapped], source: str = "") -> ImportPlan:
    """What the rows read add to ``reg``, and what became of every row; what cannot be mapped goes to ``report``."""
    look = Lookup(reg)
    outcomes = list(reading.outcomes)
    parsed: list[ParsedRow] = []
    for row in reading.rows:
        why = why_unread(row)
        if why is None:
            parsed.append(parse_row(look, row, report))
        else:
            outcomes.append(RowOutcome(row.sheet, row.number, "unread", table=row.table, what=why, text=row.text()))
    conflicts: list[Unmapped] = []
    tps = Touchpoints(reg)
    for p in parsed:
        tps.resolve(look, p, report, conflicts)
    tps.finish()
    written = {
        row_key(p): RowOutcome(
            p.row.sheet,
            p.row.number,
            "written",
            table=p.row.table,
            n=cell_text(p.row.cells.get("n")),
            touchpoint_name=p.tp_name,
            how=tps.how[row_key(p)],
            needs=p.needs,
            notes=p.notes,
        )
        for p in parsed
    }
    documents = _plan_processes(reg, parsed, tps, written, report, conflicts)
    outcomes += written.values()
    outcomes.sort(key=lambda o: o.order)
    return ImportPlan(tps.new, documents, outcomes, report, conflicts, source, reading.total, tps.why)
