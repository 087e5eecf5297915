"""Map: parsed rows become a plan — new touchpoints for the catalogue and one document per process.

New touchpoints get a channel guessed from the name and the form, and the
basis and responsible official every row that uses them agrees on. A process
whose title is already in the registry keeps its id and everything the
register table does not show (units, basis, partners, features,
notifications) and gets its touchpoints replaced; where its features are met
follows the rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...registry import Registry
from ...registry import models as m
from ...registry.enums import CHANNELS
from .cells import Lookup, ParsedRow, cell_text, parse_row
from .match import guess_channel, norm, slug, touchpoint_id, unique_id
from .read import Row, Unmapped


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


class _Touchpoints:
    """Touchpoint names of the rows -> ids: the catalogue's, or new ones."""

    def __init__(self, reg: Registry) -> None:
        self.reg = reg
        self.ids: dict[str, str] = {}
        self.new: dict[str, dict[str, Any]] = {}

    def id_of(self, p: ParsedRow) -> str:
        return self.ids[norm(p.tp_name)]

    def catalogue(self, tid: str) -> tuple[list[str], str | None]:
        """The basis and the responsible official the catalogue gives a touchpoint."""
        if tid in self.new:
            return list(self.new[tid].get("basis", [])), self.new[tid].get("responsible")
        tp = self.reg.touchpoints[tid]
        return list(tp.basis), tp.responsible


def entry_basis(row_basis: list[str], catalogue: list[str]) -> list[str] | None:
    """The shortest entry ``basis`` whose effective basis (entry + catalogue) prints as ``row_basis``."""
    for k in range(len(row_basis) + 1):
        head = row_basis[:k]
        if head + [b for b in catalogue if b not in head] == row_basis:
            return head
    return None


def _plan_touchpoints(reg: Registry, look: Lookup, parsed: list[ParsedRow], report: list[Unmapped]) -> _Touchpoints:
    tps = _Touchpoints(reg)
    taken = set(reg.touchpoints) | set(reg.raw_ids.get("touchpoint", set()))
    for p in parsed:
        key = norm(p.tp_name)
        if key in tps.ids:
            continue
        existing = look.touchpoints.get(key)
        if existing is not None:
            tps.ids[key] = existing
            if p.form is not None and CHANNELS[reg.touchpoints[existing].channel]["form"] != p.form:
                report.append(
                    p.row.unmapped("форма", p.tp_name, "форма расходится с каталогом — оставлена из каталога")
                )
            continue
        channel = guess_channel(p.tp_name, p.form)
        ident = touchpoint_id(p.tp_name, channel, taken)
        tps.ids[key] = ident
        tps.new[ident] = {"id": ident, "name": p.tp_name, "channel": channel}
    for ident, tp in tps.new.items():
        uses = [p for p in parsed if tps.id_of(p) == ident]
        common = [b for b in uses[0].basis if all(b in u.basis for u in uses)]
        if common:
            tp["basis"] = common
        resps = {u.responsible for u in uses}
        if len(resps) == 1 and None not in resps:
            tp["responsible"] = uses[0].responsible
    return tps


def _entry(
    it: ParsedRow, tps: _Touchpoints, features: dict[str, Any], feature_at: dict[str, list[str]], report: list[Unmapped]
) -> dict[str, Any]:
    """The process's touchpoint entry for one row; features named in the row are noted in ``feature_at``."""
    tid = tps.id_of(it)
    cat_basis, cat_resp = tps.catalogue(tid)
    entry: dict[str, Any] = {"touchpoint": tid, "needs": it.needs}
    if not it.needs:
        report.append(it.row.unmapped("удовлетворяемые потребности", "", "нет ни одной потребности (TP105)"))
    eb = entry_basis(it.basis, cat_basis)
    if eb is None:
        eb = it.basis
        report.append(it.row.unmapped("основание", "", "в строке нет основания, указанного для точки в каталоге"))
    if eb:
        entry["basis"] = eb
    if it.responsible is not None and it.responsible != cat_resp:
        entry["responsible"] = it.responsible
    elif it.responsible is None and cat_resp is not None and cell_text(it.row.cells.get("responsible")) == "":
        reason = "пусто, но в каталоге ответственный указан — он и останется"
        report.append(it.row.unmapped("ответственный", "", reason))
    if it.demand is not None:
        entry["demand"] = it.demand
    notes = []
    for f in it.features:
        feat = features.get(norm(f))
        if feat is not None:
            feature_at.setdefault(str(feat.get("id")), []).append(tid)
        else:
            notes.append(f)
    if notes:
        entry["notes"] = "; ".join(notes)
    return entry


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


def _plan_processes(
    reg: Registry, parsed: list[ParsedRow], tps: _Touchpoints, report: list[Unmapped]
) -> list[ProcessDocument]:
    by_title: dict[tuple[str, str], m.Process] = {}
    for proc in reg.processes.values():
        by_title.setdefault((proc.direction, norm(proc.title)), proc)
        by_title.setdefault(("", norm(proc.title)), proc)
    taken = set(reg.processes) | set(reg.raw_ids.get("process", set()))
    groups: dict[tuple[str, str], list[ParsedRow]] = {}
    for p in parsed:
        groups.setdefault((p.direction, p.process), []).append(p)
    documents: list[ProcessDocument] = []
    for (direction, title), items in groups.items():
        existing = by_title.get((direction, norm(title))) or by_title.get(("", norm(title)))
        pid, data = _start_document(reg, existing, direction, title, taken)
        features = {norm(f.get("title", "")): f for f in data.get("features", []) or [] if isinstance(f, dict)}
        feature_at: dict[str, list[str]] = {}
        entries = [_entry(it, tps, features, feature_at, report) for it in items]
        _place_features(data, feature_at, entries)
        data["touchpoints"] = entries
        documents.append(ProcessDocument(pid, data, existing))
    return documents


def plan_import(reg: Registry, rows: list[Row], report: list[Unmapped]) -> ImportPlan:
    """What the rows add to ``reg``; what cannot be mapped goes to ``report``, row by row."""
    look = Lookup(reg)
    parsed = [p for p in (parse_row(look, row, report) for row in rows) if p is not None]
    tps = _plan_touchpoints(reg, look, parsed, report)
    return ImportPlan(tps.new, _plan_processes(reg, parsed, tps, report))
