"""Map: parsed rows become a plan — new touchpoints for the catalogue and one document per process.

A row's touchpoint is the catalogue's when its name is, or when it is the same
channel reached the same way (:mod:`tpkit.registry.sameness`: «ЕПГУ (подача
заявления)» is ``epgu``); else a new one, with a channel guessed from the name and
the form, and the basis and responsible official every row that uses it agrees
on. Rows of one process at one touchpoint (a register listing stages) become one
entry, their needs joined. A process is found by the «id процесса» column, else
by its title; an existing one keeps everything the register table does not show
(units, basis, partners, features, notifications) and gets its touchpoints
replaced. A table with no process column gives one process per direction
(``scope: direction``), titled from the direction's heading.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...registry import Registry
from ...registry import models as m
from ...registry.enums import CHANNELS
from ...registry.sameness import SamenessIndex, strip_stage_words, touchpoint_keys, touchpoint_keys_of
from .cells import Lookup, ParsedRow, parse_row
from .match import guess_channel, norm, slug, touchpoint_id, unique_id, well_known_id
from .read import Row, Unmapped

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
class RowOutcome:
    """What one row became: for the plan."""

    where: str
    touchpoint_name: str
    process: str = ""
    touchpoint: str = ""
    #: new | catalogue | same (the same channel as a catalogue entry or an earlier row) | merged (stage rows)
    how: str = ""
    needs: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class ImportPlan:
    #: new touchpoints by id, in the order the rows first name them
    touchpoints: dict[str, dict[str, Any]] = field(default_factory=dict)
    processes: list[ProcessDocument] = field(default_factory=list)
    rows: list[RowOutcome] = field(default_factory=list)
    unmapped: list[Unmapped] = field(default_factory=list)
    source: str = ""


def _row_key(p: ParsedRow) -> tuple[str, int]:
    return (p.row.sheet, p.row.number)


class _Touchpoints:
    """Touchpoint names of the rows -> ids: the catalogue's, or new ones."""

    def __init__(self, reg: Registry) -> None:
        self.reg = reg
        self.of: dict[tuple[str, int], str] = {}
        self.how: dict[tuple[str, int], str] = {}
        self.new: dict[str, dict[str, Any]] = {}
        self.same = SamenessIndex()
        for tp in reg.touchpoints.values():
            self.same.add(tp.id, touchpoint_keys_of(tp))

    def id_of(self, p: ParsedRow) -> str:
        return self.of[_row_key(p)]

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


def _resolve(tps: _Touchpoints, look: Lookup, p: ParsedRow, taken: set[str], report: list[Unmapped]) -> None:
    """Give the row its touchpoint id: by name in the catalogue, by sameness, or a new entry."""
    key = _row_key(p)
    existing = look.touchpoints.get(norm(p.tp_name))
    channel = guess_channel(strip_stage_words(p.tp_name), p.form)
    if existing is None:
        existing = tps.same.find(touchpoint_keys(p.tp_name, channel))
    if existing is None:  # «МФЦ» is the catalogue's ``mfc`` of the same channel, whatever its full name
        known = well_known_id(p.tp_name)
        if known is not None and known in tps.reg.touchpoints and tps.reg.touchpoints[known].channel == channel:
            existing = known
    tps.how[key] = "new" if existing is None else "same" if existing in tps.new else "catalogue"
    if existing is not None:
        tps.of[key] = existing
        if existing in tps.reg.touchpoints:
            if p.form is not None and CHANNELS[tps.reg.touchpoints[existing].channel]["form"] != p.form:
                reason = "форма расходится с каталогом — оставлена из каталога"
                report.append(p.row.unmapped("форма", p.tp_name, reason))
            missing = [a for a in p.accessibility if a not in tps.reg.touchpoints[existing].accessibility]
            for a in missing:
                reason = "доступность точки каталога не изменена — добавьте в touchpoints.yaml сами"
                report.append(p.row.unmapped("особенности", a, reason))
        return
    name = strip_stage_words(p.tp_name)
    ident = touchpoint_id(name, channel, taken)
    tps.of[key] = ident
    tps.new[ident] = {"id": ident, "name": name, "channel": channel}
    tps.same.add(ident, touchpoint_keys(p.tp_name, channel))
    look.touchpoints.setdefault(norm(p.tp_name), ident)


def _plan_touchpoints(reg: Registry, look: Lookup, parsed: list[ParsedRow], report: list[Unmapped]) -> _Touchpoints:
    tps = _Touchpoints(reg)
    taken = set(reg.touchpoints) | set(reg.raw_ids.get("touchpoint", set()))
    for p in parsed:
        _resolve(tps, look, p, taken, report)
    for ident, tp in tps.new.items():
        uses = [p for p in parsed if tps.id_of(p) == ident]
        common = [b for b in uses[0].basis if all(b in u.basis for u in uses)]
        if common:
            tp["basis"] = common
        resps = {u.responsible for u in uses}
        if len(resps) == 1 and None not in resps:
            tp["responsible"] = uses[0].responsible
        access = list(dict.fromkeys(a for u in uses for a in u.accessibility))
        if access:
            tp["accessibility"] = access
    return tps


def _entry(
    it: ParsedRow, tps: _Touchpoints, features: dict[str, Any], feature_at: dict[str, list[str]], report: list[Unmapped]
) -> dict[str, Any]:
    """The process's touchpoint entry for one row; features named in the row are noted in ``feature_at``."""
    tid = tps.id_of(it)
    cat_basis, cat_resp = tps.catalogue(tid)
    entry: dict[str, Any] = {"touchpoint": tid, "needs": list(it.needs)}
    eb = entry_basis(it.basis, cat_basis) if "basis" in it.row.cells else []
    if eb is None:
        eb = it.basis
        report.append(it.row.unmapped("основание", "", "в строке нет основания, указанного для точки в каталоге"))
    if eb:
        entry["basis"] = eb
    if it.responsible is not None and it.responsible != cat_resp:
        entry["responsible"] = it.responsible
    elif it.responsible is None and cat_resp is not None and it.row.cells.get("responsible") == "":
        reason = "пусто, но в каталоге ответственный указан — он и останется"
        report.append(it.row.unmapped("ответственный", "", reason))
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


def merge_entry(into: dict[str, Any], other: dict[str, Any]) -> None:
    """Rows of one process at one touchpoint (stages) make one entry: needs, basis and notes joined.

    The responsible official and the demand of the first row that gives them are kept (the stages of one
    process count the same requests).
    """
    into["needs"] = list(dict.fromkeys([*into["needs"], *other["needs"]]))
    basis = list(dict.fromkeys([*into.get("basis", []), *other.get("basis", [])]))
    if basis:
        into["basis"] = basis
    for key in ("responsible", "demand"):
        if key not in into and key in other:
            into[key] = other[key]
    notes = [n for n in (into.get("notes"), other.get("notes")) if n]
    if notes:
        into["notes"] = "; ".join(dict.fromkeys(notes))


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
    tps: _Touchpoints,
    outcomes: dict[tuple[str, int], RowOutcome],
    report: list[Unmapped],
) -> list[ProcessDocument]:
    by_title: dict[tuple[str, str], m.Process] = {}
    for proc in reg.processes.values():
        by_title.setdefault((proc.direction, norm(proc.title)), proc)
        by_title.setdefault(("", norm(proc.title)), proc)
    taken = set(reg.processes) | set(reg.raw_ids.get("process", set()))
    groups: dict[tuple[str, str, str | None], list[ParsedRow]] = {}
    for p in parsed:
        groups.setdefault((p.direction, p.process if p.pid is None else "", p.pid), []).append(p)
    documents: list[ProcessDocument] = []
    for key, items in groups.items():
        existing = _find_process(reg, by_title, key)
        pid, data = _start_document(reg, existing, key[0], items[0].process, taken)
        if existing is None and key[2] is not None:
            taken.discard(pid)
            pid = data["id"] = key[2]
            taken.add(pid)
        if existing is not None and norm(existing.title) != norm(items[0].process):
            reason = f"наименование расходится с процессом {existing.id} — оставлено из реестра"
            report.append(items[0].row.unmapped("процесс", items[0].process, reason))
        if existing is None and items[0].row.per_direction:
            data["scope"] = "direction"
            data["description"] = DIRECTION_NOTE
        features = {norm(f.get("title", "")): f for f in data.get("features", []) or [] if isinstance(f, dict)}
        feature_at: dict[str, list[str]] = {}
        entries: dict[str, dict[str, Any]] = {}
        first_row: dict[str, str] = {}
        for it in items:
            entry = _entry(it, tps, features, feature_at, report)
            out = outcomes[_row_key(it)]
            out.process, out.touchpoint = pid, entry["touchpoint"]
            if entry["touchpoint"] in entries:
                merge_entry(entries[entry["touchpoint"]], entry)
                out.how = f"merged:{first_row[entry['touchpoint']]}"
            else:
                entries[entry["touchpoint"]] = entry
                first_row[entry["touchpoint"]] = it.row.where
        for tid, entry in entries.items():
            if not entry["needs"]:
                where = first_row[tid]
                report.append(
                    Unmapped(
                        where.split("!")[0],
                        int(where.rsplit("!", 1)[1]),
                        "удовлетворяемые потребности",
                        "",
                        "нет ни одной потребности (TP105)",
                    )
                )
        _place_features(data, feature_at, list(entries.values()))
        data["touchpoints"] = list(entries.values())
        documents.append(ProcessDocument(pid, data, existing))
    return documents


def plan_import(reg: Registry, rows: list[Row], report: list[Unmapped], source: str = "") -> ImportPlan:
    """What the rows add to ``reg``; what cannot be mapped goes to ``report``, row by row."""
    look = Lookup(reg)
    parsed = [p for p in (parse_row(look, row, report) for row in rows) if p is not None]
    tps = _plan_touchpoints(reg, look, parsed, report)
    outcomes = {
        _row_key(p): RowOutcome(p.row.where, p.tp_name, how=tps.how[_row_key(p)], needs=p.needs, notes=p.notes)
        for p in parsed
    }
    documents = _plan_processes(reg, parsed, tps, outcomes, report)
    return ImportPlan(tps.new, documents, list(outcomes.values()), report, source)
