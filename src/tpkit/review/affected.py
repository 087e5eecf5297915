"""Procedures whose documents the register changes: which of their sections, though their files did not change.

A procedure's document is filled from the register as well as from its own file (``render/procedure_view.py``):
§1 lists the touchpoints it covers with their processes and needs, §3 the notifications sent through them, §5 the
features met there, §6 the feedback needs. A change of a process or of the catalogue at a touchpoint the procedure
covers changes those sections, and the document must be approved again; :func:`mark_affected` records them on the
diff's procedure changes (``register_sections``), adding a change for a procedure whose file is the same.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..registry import Registry
from ..registry import models as m
from ..registry.enums import SECTION_KEYS
from .diff import Diff, ProcedureChange, ProcessChange

FEEDBACK_NEEDS = frozenset({"feedback", "feedback_result"})


def _covered(reg: Registry, ident: str) -> set[str]:
    proc = reg.procedures.get(ident)
    if proc is None:
        return set()
    return set(reg.touchpoints) if proc.touchpoints == "all" else set(proc.touchpoints)


def _whole(p: m.Process, covered: set[str]) -> set[str]:
    """The sections a process added or removed as a whole changes in a procedure covering ``covered``."""
    out: set[str] = set()
    for e in p.touchpoints:
        if e.touchpoint in covered:
            out.add("general")
            if FEEDBACK_NEEDS & set(e.needs):
                out.add("feedback")
    if any(covered & set(f.touchpoints) for f in p.features):
        out.add("specifics")
    if any(n.touchpoint in covered for n in p.notifications):
        out.add("requirements")
    return out


def _changed(pc: ProcessChange, a: m.Process, b: m.Process, covered: set[str]) -> set[str]:
    out: set[str] = set()
    touched = ({*pc.tp_added, *pc.tp_removed} | {c.touchpoint for c in pc.tp_changed}) & covered
    if touched:
        out.add("general")
    if "title" in pc.fields:  # every table that names the process
        out |= _whole(b, covered)
    feedback = [
        *(pc.added_needs.get(t, []) for t in pc.tp_added),
        *(pc.removed_needs.get(t, []) for t in pc.tp_removed),
    ]
    feedback += [[*c.needs_added, *c.needs_removed] for c in pc.tp_changed if c.touchpoint in covered]
    if any(FEEDBACK_NEEDS & set(needs) for needs in feedback):
        out.add("feedback")
    features = {*pc.features.added, *pc.features.removed, *pc.features.changed}
    at = {t for f in (*a.features, *b.features) if f.id in features for t in f.touchpoints}
    if at & covered:
        out.add("specifics")
    events = {*pc.notifications.added, *pc.notifications.removed, *pc.notifications.changed}
    if {n.touchpoint for n in (*a.notifications, *b.notifications) if n.event in events} & covered:
        out.add("requirements")
    return out


def _sections(old: Registry, new: Registry, d: Diff, covered: set[str]) -> list[str]:
    found: set[str] = set()
    for ident in d.processes.added:
        found |= _whole(new.processes[ident], covered)
    for ident in d.processes.removed:
        found |= _whole(old.processes[ident], covered)
    for pc in d.processes.changed:
        found |= _changed(pc, old.processes[pc.id], new.processes[pc.id], covered)
    catalogue: Iterable[str] = [*d.touchpoints.added, *d.touchpoints.removed, *(c.id for c in d.touchpoints.changed)]
    if covered & set(catalogue):
        found.add("general")
    renamed = {c.id for c in d.touchpoints.changed if "name" in c.fields} & covered
    for p in new.processes.values():  # every table that names the touchpoint
        found |= _whole(p, renamed)
    return [s for s in SECTION_KEYS if s in found]


def mark_affected(old: Registry, new: Registry, d: Diff) -> None:
    """Record on ``d.procedures`` the sections of each procedure (on both sides) that the register's changes
    rewrite."""
    changes: dict[str, ProcedureChange] = {c.id: c for c in d.procedures.changed}
    for ident in [k for k in new.procedures if k in old.procedures]:
        sections = _sections(old, new, d, _covered(old, ident) | _covered(new, ident))
        if not sections:
            continue
        change = changes.get(ident)
        if change is None:
            change = changes[ident] = ProcedureChange(ident, new.procedures[ident].title)
        change.register_sections = sections
    listed = {c.id for c in d.procedures.changed}
    d.procedures.changed += [changes[k] for k in new.procedures if k in changes and k not in listed]
