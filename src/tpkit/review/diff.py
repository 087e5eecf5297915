"""The semantic diff: two registries compared by meaning, not by lines.

Pure functions over two :class:`~tpkit.registry.Registry` objects (and, for
findings, two lint results). Objects are matched by id, touchpoint entries by
their touchpoint, features by id, notifications by event, assessments by
touchpoint — never by list position, so reordering a list is not a change,
and a process file renamed with its id kept is a change (of file), not a
removal and an addition. Values are compared in a canonical form: defaults
left out, lists sorted.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from ..lint.finding import Finding
from ..registry import Registry
from ..registry import models as m
from ..registry.enums import NEEDS, SECTION_KEYS

Pair = tuple[Any, Any]


@dataclass
class EntryChange:
    """A process touchpoint entry present on both sides, changed."""

    touchpoint: str
    needs_added: list[str] = field(default_factory=list)
    needs_removed: list[str] = field(default_factory=list)
    #: responsible, basis, demand, notes: [old, new]
    fields: dict[str, Pair] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "touchpoint": self.touchpoint,
            "needs_added": self.needs_added,
            "needs_removed": self.needs_removed,
            "fields": {k: list(v) for k, v in self.fields.items()},
        }


@dataclass
class Keyed:
    """Items of a sub-list matched by a key: added, removed, changed keys."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    #: per changed key, its changed fields: [old, new]
    details: dict[str, dict[str, Pair]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "removed": self.removed,
            "changed": self.changed,
            "details": {k: {f: list(v) for f, v in d.items()} for k, d in self.details.items()},
        }


@dataclass
class ProcessChange:
    id: str
    title: str
    #: [old file, new file] when the file was renamed
    file: Pair | None = None
    tp_added: list[str] = field(default_factory=list)
    tp_removed: list[str] = field(default_factory=list)
    tp_changed: list[EntryChange] = field(default_factory=list)
    fields: dict[str, Pair] = field(default_factory=dict)
    features: Keyed = field(default_factory=Keyed)
    notifications: Keyed = field(default_factory=Keyed)
    #: the entries themselves, for reports: touchpoint -> needs (added: new side, removed: old side)
    added_needs: dict[str, list[str]] = field(default_factory=dict)
    removed_needs: dict[str, list[str]] = field(default_factory=dict)
    removed_demand: dict[str, Any] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(
            self.file
            or self.tp_added
            or self.tp_removed
            or self.tp_changed
            or self.fields
            or self.features
            or self.notifications
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "touchpoints": {
                "added": self.tp_added,
                "removed": self.tp_removed,
                "changed": [c.to_dict() for c in self.tp_changed],
            },
            "fields": {k: list(v) for k, v in self.fields.items()},
            "title": self.title,
        }
        if self.file is not None:
            out["file"] = list(self.file)
        out["features"] = self.features.to_dict()
        out["notifications"] = self.notifications.to_dict()
        return out


@dataclass
class ObjectChange:
    """A catalogue touchpoint, act, official, unit or agency need: changed fields."""

    id: str
    fields: dict[str, Pair] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "fields": {k: list(v) for k, v in self.fields.items()}}


@dataclass
class ProcedureChange:
    id: str
    title: str
    #: the changed sections, in the order of the seven sections
    sections: list[str] = field(default_factory=list)
    fields: dict[str, Pair] = field(default_factory=dict)
    assessment: Keyed = field(default_factory=Keyed)
    file: Pair | None = None
    #: the sections whose text the register's changes rewrite (:mod:`.affected`), in section order
    register_sections: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.sections or self.fields or self.assessment or self.file or self.register_sections)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "sections": self.sections,
            "register_sections": self.register_sections,
            "fields": {k: list(v) for k, v in self.fields.items()},
            "assessment": self.assessment.to_dict(),
            "title": self.title,
        }
        if self.file is not None:
            out["file"] = list(self.file)
        return out


@dataclass
class KindDiff:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[Any] = field(default_factory=list)
    #: ids present in files on one side that could not be read (broken file): not added or removed
    invalid: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.invalid)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "added": self.added,
            "removed": self.removed,
            "changed": [c.to_dict() for c in self.changed],
        }
        if self.invalid:
            out["invalid"] = self.invalid
        return out


@dataclass
class Diff:
    base: str
    head: str
    processes: KindDiff = field(default_factory=KindDiff)
    touchpoints: KindDiff = field(default_factory=KindDiff)
    procedures: KindDiff = field(default_factory=KindDiff)
    acts: KindDiff = field(default_factory=KindDiff)
    officials: KindDiff = field(default_factory=KindDiff)
    units: KindDiff = field(default_factory=KindDiff)
    needs: KindDiff = field(default_factory=KindDiff)
    #: agency.yaml fields, register.responsible and register.approval among them
    agency: dict[str, Pair] = field(default_factory=dict)
    introduced: list[Finding] = field(default_factory=list)
    resolved: list[Finding] = field(default_factory=list)
    #: for reports: need code -> label, touchpoint / process / procedure id -> name (either side)
    need_labels: dict[str, str] = field(default_factory=dict)
    names: dict[tuple[str, str], str] = field(default_factory=dict)

    KINDS = ("processes", "touchpoints", "procedures", "acts", "officials", "units", "needs")

    def counts(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for kind in self.KINDS:
            d: KindDiff = getattr(self, kind)
            out[kind] = {"added": len(d.added), "removed": len(d.removed), "changed": len(d.changed)}
        entries = {"added": 0, "removed": 0, "changed": 0, "needs_added": 0, "needs_removed": 0}
        for pc in self.processes.changed:
            entries["added"] += len(pc.tp_added)
            entries["removed"] += len(pc.tp_removed)
            entries["changed"] += len(pc.tp_changed)
            for c in pc.tp_changed:
                entries["needs_added"] += len(c.needs_added)
                entries["needs_removed"] += len(c.needs_removed)
        out["process_touchpoints"] = entries
        out["agency"] = len(self.agency)
        out["findings"] = {"introduced": len(self.introduced), "resolved": len(self.resolved)}
        return out

    @property
    def empty(self) -> bool:
        return (
            not any(getattr(self, k) for k in self.KINDS)
            and not self.agency
            and not self.introduced
            and not self.resolved
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "base": self.base,
            "head": self.head,
            "summary": self.counts(),
            "processes": self.processes.to_dict(),
            "touchpoints": self.touchpoints.to_dict(),
            "procedures": self.procedures.to_dict(),
            "acts": self.acts.to_dict(),
            "officials": self.officials.to_dict(),
            "units": self.units.to_dict(),
            "needs": self.needs.to_dict(),
            "agency": {"fields": {k: list(v) for k, v in self.agency.items()}},
            "findings": {
                "introduced": [f.to_dict() for f in self.introduced],
                "resolved": [f.to_dict() for f in self.resolved],
            },
        }


# --- canonical values ----------------------------------------------------------------


def _sort_key(v: Any) -> tuple[int, Any]:
    if isinstance(v, bool) or v is None:
        return (0, str(v))
    if isinstance(v, (int, float)):
        return (1, v)
    if isinstance(v, str):
        return (2, v)
    return (3, json.dumps(v, ensure_ascii=False, sort_keys=True, default=str))


def canon(value: Any, exclude: Iterable[str] = ()) -> Any:
    """A value in a form where equal meaning is equal data: defaults left out, lists sorted."""
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json", exclude_defaults=True, exclude=set(exclude) or None)
    return _canon(value)


def _canon(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _canon(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        if all(isinstance(x, str) for x in v):
            return sorted(v)
        return sorted((_canon(x) for x in v), key=_sort_key)
    return v


def _fields(old: BaseModel | None, new: BaseModel | None, skip: Iterable[str] = ("id",)) -> dict[str, Pair]:
    """The changed fields of two models of one kind: name -> [old, new] (canonical)."""
    if old is not None and new is not None and old == new:
        return {}
    skipped = tuple(skip)
    a = canon(old, skipped) if old is not None else {}
    b = canon(new, skipped) if new is not None else {}
    out: dict[str, Pair] = {}
    for k in _ordered_keys(old if old is not None else new, a, b):
        if k in skipped:
            continue
        if a.get(k) != b.get(k):
            out[k] = (a.get(k), b.get(k))
    return out


def _ordered_keys(model: BaseModel | None, a: Mapping[str, Any], b: Mapping[str, Any]) -> list[str]:
    declared = list(type(model).model_fields) if model is not None else []
    rest = sorted((set(a) | set(b)) - set(declared))
    return [k for k in declared if k in a or k in b] + rest


def _keyed(items: Iterable[Any], key: str) -> dict[str, Any]:
    """Items by a key field; a repeated key gets ``#2``, ``#3`` (lint reports the repetition)."""
    out: dict[str, Any] = {}
    for it in items:
        k = str(getattr(it, key))
        base, n = k, 1
        while k in out:
            n += 1
            k = f"{base}#{n}"
        out[k] = it
    return out


def _keyed_diff(old_items: Iterable[Any], new_items: Iterable[Any], key: str) -> Keyed:
    """Items matched by a key field: added, removed, and the fields changed in each matched pair."""
    old, new = _keyed(old_items, key), _keyed(new_items, key)
    kd = Keyed(added=sorted(set(new) - set(old)), removed=sorted(set(old) - set(new)))
    for k in sorted(set(old) & set(new)):
        f = _fields(old[k], new[k], skip=(key,))
        if f:
            kd.changed.append(k)
            kd.details[k] = f
    return kd


# --- the kinds --------------------------------------------------------------------


def _same_text(old: Registry, new: Registry, kind: str, ident: str) -> bool:
    """True when the object's file has the same text on both sides (a fast path)."""
    fa = old.where.get((kind, ident))
    fb = new.where.get((kind, ident))
    if fa is None or fb is None:
        return False
    sa, sb = old.files.get(fa.file), new.files.get(fb.file)
    return sa is not None and sb is not None and sa.text is not None and sa.text == sb.text


def _file_pair(old: Registry, new: Registry, kind: str, ident: str) -> Pair | None:
    fa = old.where.get((kind, ident))
    fb = new.where.get((kind, ident))
    if fa is None or fb is None or fa.file == fb.file:
        return None
    return (fa.file, fb.file)


def _broken_there(reg: Registry, other: Registry, kind: str, ident: str) -> bool:
    """The object's file (in ``reg``) exists in ``other`` but could not be read or validated there."""
    loc = reg.where.get((kind, ident))
    if loc is None:
        return False
    src = other.files.get(loc.file)
    return src is not None and not src.valid


def _split(
    old: Registry, new: Registry, kind: str, a: Mapping[str, Any], b: Mapping[str, Any]
) -> tuple[list[str], list[str], list[str], list[str]]:
    """Added, removed, common and invalid ids.

    An id that the other side declares in a broken file (or whose file is
    broken on the other side) is neither added nor removed: it is invalid,
    and the findings say why.
    """
    added: list[str] = []
    removed: list[str] = []
    invalid: list[str] = []
    for k in sorted(set(b) - set(a)):
        (invalid if k in old.raw_ids[kind] or _broken_there(new, old, kind, k) else added).append(k)
    for k in sorted(set(a) - set(b)):
        (invalid if k in new.raw_ids[kind] or _broken_there(old, new, kind, k) else removed).append(k)
    common = sorted(set(a) & set(b))
    return added, removed, common, invalid


def diff_entry(a: m.ProcessTouchpoint, b: m.ProcessTouchpoint) -> EntryChange | None:
    change = EntryChange(
        a.touchpoint,
        needs_added=sorted(set(b.needs) - set(a.needs)),
        needs_removed=sorted(set(a.needs) - set(b.needs)),
        fields=_fields(a, b, skip=("touchpoint", "needs")),
    )
    if change.needs_added or change.needs_removed or change.fields:
        return change
    return None


def diff_process(old: Registry, new: Registry, ident: str) -> ProcessChange:
    a, b = old.processes[ident], new.processes[ident]
    pc = ProcessChange(ident, b.title, file=_file_pair(old, new, "process", ident))
    if not _same_text(old, new, "process", ident):
        _process_changes(pc, a, b)
    return pc


def _process_changes(pc: ProcessChange, a: m.Process, b: m.Process) -> None:
    ea, eb = _keyed(a.touchpoints, "touchpoint"), _keyed(b.touchpoints, "touchpoint")
    pc.tp_added = sorted(set(eb) - set(ea))
    pc.tp_removed = sorted(set(ea) - set(eb))
    for k in pc.tp_added:
        pc.added_needs[k] = list(eb[k].needs)
    for k in pc.tp_removed:
        pc.removed_needs[k] = list(ea[k].needs)
        if ea[k].demand is not None:
            pc.removed_demand[k] = ea[k].demand
    for k in sorted(set(ea) & set(eb)):
        c = diff_entry(ea[k], eb[k])
        if c is not None:
            c.touchpoint = k
            pc.tp_changed.append(c)
    pc.fields = _fields(a, b, skip=("id", "touchpoints", "features", "notifications"))
    pc.features = _keyed_diff(a.features, b.features, "id")
    pc.notifications = _keyed_diff(a.notifications, b.notifications, "event")


def diff_procedure(old: Registry, new: Registry, ident: str) -> ProcedureChange:
    a, b = old.procedures[ident], new.procedures[ident]
    pc = ProcedureChange(ident, b.title, file=_file_pair(old, new, "procedure", ident))
    if not _same_text(old, new, "procedure", ident):
        sa, sb = canon(a.sections), canon(b.sections)
        pc.sections = [s for s in SECTION_KEYS if sa.get(s) != sb.get(s)]
        pc.fields = _fields(a, b, skip=("id", "sections", "assessment"))
        pc.assessment = _keyed_diff(a.assessment, b.assessment, "touchpoint")
    return pc


def _kind(
    old: Registry,
    new: Registry,
    kind: str,
    a: Mapping[str, BaseModel],
    b: Mapping[str, BaseModel],
    change: Callable[[str], Any] | None = None,
) -> KindDiff:
    """Added, removed, invalid and changed objects of one kind; ``change(id)`` is the change of an object on both
    sides (a false one when it did not change); by default its changed fields."""
    added, removed, common, invalid = _split(old, new, kind, a, b)
    kd = KindDiff(added, removed, invalid=invalid)
    for k in common:
        if change is not None:
            c = change(k)
        else:
            fields = _fields(a[k], b[k])
            c = ObjectChange(k, fields) if fields else None
        if c:
            kd.changed.append(c)
    return kd


def _agency(old: Registry, new: Registry) -> dict[str, Pair]:
    a, b = old.agency, new.agency
    if a is None or b is None:
        return {}
    out = _fields(a, b, skip=("units", "officials", "needs", "register"))
    ra = a.register or m.RegisterInfo()
    rb = b.register or m.RegisterInfo()
    for k, v in _fields(ra, rb, skip=()).items():
        out[f"register.{k}"] = v
    return out


def _agency_needs(reg: Registry) -> dict[str, m.AgencyNeed]:
    return {n.id: n for n in reg.agency.needs} if reg.agency is not None else {}


def _need_labels(regs: Iterable[Registry], lang: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for reg in regs:
        for code in reg.needs:
            if code in NEEDS:
                out[code] = NEEDS[code]["ru" if lang == "ru" else "en"]
            else:
                out[code] = reg.need_label(code)
    return out


def _names(regs: Iterable[Registry]) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for reg in regs:
        for k, tp in reg.touchpoints.items():
            out[("touchpoint", k)] = tp.name
        for k, p in reg.processes.items():
            out[("process", k)] = p.title
        for k, pr in reg.procedures.items():
            out[("procedure", k)] = pr.title
        for k, act in reg.acts.items():
            out[("act", k)] = act.title
        for k, off in reg.officials.items():
            out[("official", k)] = off.name
        for k, u in reg.units.items():
            out[("unit", k)] = u.name
    return out


def compare_findings(
    base: Iterable[Finding], head: Iterable[Finding], renames: Mapping[str, str] | None = None
) -> tuple[list[Finding], list[Finding]]:
    """Findings introduced (at head only) and resolved (at base only), by fingerprint.

    ``renames`` maps a base file to the head file that holds the same object:
    base findings there are fingerprinted as if they stood in the new file.
    """
    from ..lint.finding import fingerprint

    renames = renames or {}
    base_list = list(base)
    head_list = list(head)

    def base_fp(f: Finding) -> str:
        new_path = renames.get(f.path)
        if new_path is None:
            return f.fingerprint
        return fingerprint(f.rule, new_path, f.stable_path, f.object, f.key)

    base_fps = {base_fp(f) for f in base_list}
    head_fps = {f.fingerprint for f in head_list}
    introduced = [f for f in head_list if f.fingerprint not in base_fps]
    resolved = [f for f in base_list if base_fp(f) not in head_fps]
    return introduced, resolved


def renamed_files(old: Registry, new: Registry) -> dict[str, str]:
    """Base file -> head file, for processes and procedures whose file changed name (same id)."""
    out: dict[str, str] = {}
    for kind, objs in (("process", old.processes), ("procedure", old.procedures)):
        for ident in objs:
            pair = _file_pair(old, new, kind, ident)
            if pair is not None:
                out[pair[0]] = pair[1]
    return out


def diff_registries(
    old: Registry,
    new: Registry,
    *,
    base: str,
    head: str,
    base_findings: Iterable[Finding] = (),
    head_findings: Iterable[Finding] = (),
    lang: str = "ru",
) -> Diff:
    """Compare two registries by meaning."""
    d = Diff(base, head)
    d.processes = _kind(old, new, "process", old.processes, new.processes, lambda k: diff_process(old, new, k))
    d.procedures = _kind(old, new, "procedure", old.procedures, new.procedures, lambda k: diff_procedure(old, new, k))
    d.touchpoints = _kind(old, new, "touchpoint", old.touchpoints, new.touchpoints)
    d.acts = _kind(old, new, "act", old.acts, new.acts)
    d.officials = _kind(old, new, "official", old.officials, new.officials)
    d.units = _kind(old, new, "unit", old.units, new.units)
    d.needs = _kind(old, new, "need", _agency_needs(old), _agency_needs(new))
    d.agency = _agency(old, new)
    from .affected import mark_affected  # it reads this module's changes

    mark_affected(old, new, d)
    d.introduced, d.resolved = compare_findings(base_findings, head_findings, renamed_files(old, new))
    d.need_labels = _need_labels((old, new), lang)
    d.names = _names((old, new))
    return d
