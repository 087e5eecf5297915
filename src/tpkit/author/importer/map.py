"""Map: parsed rows become a plan — new touchpoints for the catalogue and one document per process.

New touchpoints get a channel guessed from the name and the form, and the
basis and responsible official every row that uses them agrees on. A process
whose title is already in the registry keeps its id and everything the
register table does not show (units, basis, partners, features,
notifications) and gets its touchpoints replaced; where its features are met
follows the rows.

Excel registers keep one row per stage: «ЕПГУ (подача заявления)», «ЕПГУ (получение результата)». A name
is matched without its stage words (and by the abbreviation the catalogue gives in parentheses), the way
TP114 decides that two catalogue entries are one touchpoint; rows of one process at one touchpoint
become one entry with the needs joined, and every such merge is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...lint.rules.channels import name_keys, strip_stage
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
class Merge:
    """A row joined to an earlier row of the same process: one touchpoint, the needs added."""

    sheet: str
    row: int
    name: str
    first_row: int
    first_name: str
    process: str
    touchpoint: str

    def line(self) -> str:
        return (
            f"{self.sheet}!{self.row}: «{self.name}» — та же точка взаимодействия, что «{self.first_name}» "
            f"(строка {self.first_row}) процесса «{self.process}»: объединена в одну запись {self.touchpoint}, "
            "потребности сложены"
        )


@dataclass
class ImportPlan:
    #: new touchpoints by id, in the order the rows first name them
    touchpoints: dict[str, dict[str, Any]] = field(default_factory=dict)
    processes: list[ProcessDocument] = field(default_factory=list)
    #: rows joined to an earlier row of their process (one touchpoint under several stage names)
    merged: list[Merge] = field(default_factory=list)


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
    # a channel's names without stage words (and its abbreviation), for the catalogue and the new touchpoints
    by_stageless: dict[tuple[str, str], str] = {}
    for known in reg.touchpoints.values():
        for k in name_keys(known.name):
            by_stageless.setdefault((known.channel, k), known.id)
    for p in parsed:
        key = norm(p.tp_name)
        if key in tps.ids:
            continue
        bare = strip_stage(p.tp_name)
        existing = look.touchpoints.get(key) or look.touchpoints.get(norm(bare))
        if existing is None:
            channel = guess_channel(bare, p.form)
            existing = next(
                (by_stageless[(channel, k)] for k in name_keys(p.tp_name) if (channel, k) in by_stageless), None
            )
            if existing is not None and existing in tps.new:
                tps.ids[key] = existing
                continue
        if existing is not None:
            tps.ids[key] = existing
            if p.form is not None and CHANNELS[reg.touchpoints[existing].channel]["form"] != p.form:
                report.append(
                    p.row.unmapped("форма", p.tp_name, "форма расходится с каталогом — оставлена из каталога")
                )
            continue
        channel = guess_channel(bare, p.form)
        ident = touchpoint_id(bare, channel, taken)
        tps.ids[key] = ident
        tps.new[ident] = {"id": ident, "name": bare, "channel": channel}
        for k in name_keys(bare):
            by_stageless.setdefault((channel, k), ident)
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


def _join_stages(
    items: list[ParsedRow], entries: list[dict[str, Any]], title: str, merged: list[Merge]
) -> list[dict[str, Any]]:
    """One entry per touchpoint: a later row at the same touchpoint adds its needs, basis and notes to the first
    (a stage of the same touchpoint: «в рамках одного процесса не подлежат дублированию»), and is reported."""
    first: dict[str, tuple[ParsedRow, dict[str, Any]]] = {}
    out: list[dict[str, Any]] = []
    for it, entry in zip(items, entries, strict=True):
        tid = entry["touchpoint"]
        if tid not in first:
            first[tid] = (it, entry)
            out.append(entry)
            continue
        row0, kept = first[tid]
        kept["needs"] = list(dict.fromkeys([*kept["needs"], *entry["needs"]]))
        if entry.get("basis"):
            kept["basis"] = list(dict.fromkeys([*kept.get("basis", []), *entry["basis"]]))
        if entry.get("notes"):
            kept["notes"] = "; ".join(x for x in (kept.get("notes"), entry["notes"]) if x)
        if isinstance(entry.get("demand"), int) and isinstance(kept.get("demand"), int):
            kept["demand"] = max(kept["demand"], entry["demand"])  # the same clients at another stage
        merged.append(Merge(it.row.sheet, it.row.number, it.tp_name, row0.row.number, row0.tp_name, title, str(tid)))
    return out


def _plan_processes(
    reg: Registry, parsed: list[ParsedRow], tps: _Touchpoints, report: list[Unmapped], merged: list[Merge]
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
        entries = _join_stages(items, [_entry(it, tps, features, feature_at, report) for it in items], title, merged)
        _place_features(data, feature_at, entries)
        data["touchpoints"] = entries
        documents.append(ProcessDocument(pid, data, existing))
    return documents


def plan_import(reg: Registry, rows: list[Row], report: list[Unmapped]) -> ImportPlan:
    """What the rows add to ``reg``; what cannot be mapped goes to ``report``, row by row."""
    look = Lookup(reg)
    parsed = [p for p in (parse_row(look, row, report) for row in rows) if p is not None]
    tps = _plan_touchpoints(reg, look, parsed, report)
    merged: list[Merge] = []
    processes = _plan_processes(reg, parsed, tps, report, merged)
    return ImportPlan(tps.new, processes, merged)
