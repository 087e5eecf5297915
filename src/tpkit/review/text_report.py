"""``tpkit diff --format text``: the semantic diff for a terminal or a CI log."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..lint.finding import Finding
from .diff import Diff, KindDiff, ProcedureChange, ProcessChange
from .words import counts_line, fmt_field, name_of, needs_text, section_label, w


def _titled(d: Diff, kind: str, ident: str) -> str:
    name = name_of(d, kind, ident)
    return f"{ident} — {name}" if name else ident


def process_lines(d: Diff, pc: ProcessChange, lang: str) -> list[str]:
    """What changed in one process, one line per change (no indentation)."""
    ww = w(lang)
    out: list[str] = []
    if pc.file is not None:
        out.append(f"{ww['file']}: {pc.file[0]} → {pc.file[1]}")
    out += [fmt_field(k, v, lang) for k, v in pc.fields.items()]
    for tp in pc.tp_added:
        out.append(
            f"+ {ww['touchpoint']} {_titled(d, 'touchpoint', tp)}: {needs_text(d, pc.added_needs.get(tp, [])) or '—'}"
        )
    for tp in pc.tp_removed:
        line = (
            f"− {ww['touchpoint']} {_titled(d, 'touchpoint', tp)}: {needs_text(d, pc.removed_needs.get(tp, [])) or '—'}"
        )
        if tp in pc.removed_demand:
            line += f"; {ww['demand']}: {pc.removed_demand[tp]}"
        out.append(line)
    for c in pc.tp_changed:
        parts = []
        if c.needs_added:
            parts.append(f"{ww['needs_word']} + " + needs_text(d, c.needs_added))
        if c.needs_removed:
            parts.append(f"{ww['needs_word']} − " + needs_text(d, c.needs_removed))
        parts += [fmt_field(k, v, lang) for k, v in c.fields.items()]
        out.append(f"~ {ww['touchpoint']} {_titled(d, 'touchpoint', c.touchpoint)}: {' | '.join(parts)}")
    for key, keyed in ((ww["features"], pc.features), (ww["notifications"], pc.notifications)):
        if keyed:
            out.append(f"{key}: {_keyed_text(keyed.added, keyed.removed, keyed.changed)}")
            out += [_detail(k, keyed.details.get(k, {}), lang) for k in keyed.changed]
    return out


def procedure_lines(pc: ProcedureChange, lang: str) -> list[str]:
    ww = w(lang)
    out: list[str] = []
    if pc.file is not None:
        out.append(f"{ww['file']}: {pc.file[0]} → {pc.file[1]}")
    if pc.sections:
        out.append(f"{ww['sections']}: " + "; ".join(section_label(s, lang) for s in pc.sections))
    if pc.register_sections:
        out.append(f"{ww['register_sections']}: " + "; ".join(section_label(s, lang) for s in pc.register_sections))
    out += [fmt_field(k, v, lang) for k, v in pc.fields.items()]
    if pc.assessment:
        a = pc.assessment
        out.append(f"{ww['assessment']}: {_keyed_text(a.added, a.removed, a.changed)}")
        out += [_detail(k, a.details.get(k, {}), lang) for k in a.changed]
    return out


def _detail(key: str, fields: dict[str, tuple[object, object]], lang: str) -> str:
    return f"  ~ {key}: " + " | ".join(fmt_field(f, v, lang) for f, v in fields.items())


def _keyed_text(added: list[str], removed: list[str], changed: list[str]) -> str:
    parts = [f"+ {x}" for x in added] + [f"− {x}" for x in removed] + [f"~ {x}" for x in changed]
    return "; ".join(parts)


def _finding_line(f: Finding) -> str:
    return f"{f.path}:{f.line}:{f.column} {f.rule} {f.name} {f.message}"


def _objects(
    d: Diff, title: str, kind: str, kd: KindDiff, lang: str, lines: Callable[[Any], list[str]] | None = None
) -> list[str]:
    """One kind's block: added, removed, changed (with ``lines`` of each change: its fields by default), invalid."""
    out = [title]
    out += [f"  + {_titled(d, kind, x)}" for x in kd.added]
    out += [f"  − {_titled(d, kind, x)}" for x in kd.removed]
    for oc in kd.changed:
        out.append(f"  ~ {_titled(d, kind, oc.id)}")
        changes = lines(oc) if lines is not None else [fmt_field(k, v, lang, kind=kind) for k, v in oc.fields.items()]
        out += [f"      {line}" for line in changes]
    out += [f"  ! {x}: {w(lang)['invalid']}" for x in kd.invalid]
    return out


def render(d: Diff, *, lang: str = "ru", color: bool = False) -> str:
    ww = w(lang)
    out = [f"tpkit diff: {d.base} → {d.head}"]
    if d.empty:
        out.append(ww["no_changes"])
        return "\n".join(out) + "\n"
    out += [counts_line(d, lang), ""]
    if d.processes:
        out += [*_objects(d, ww["processes"], "process", d.processes, lang, lambda pc: process_lines(d, pc, lang)), ""]
    if d.touchpoints:
        out += [*_objects(d, ww["touchpoints"], "touchpoint", d.touchpoints, lang), ""]
    if d.procedures:
        out += [
            *_objects(d, ww["procedures"], "procedure", d.procedures, lang, lambda pc: procedure_lines(pc, lang)),
            "",
        ]
    for kind, key in (("act", "acts"), ("official", "officials"), ("unit", "units"), ("need", "needs")):
        kd: KindDiff = getattr(d, key)
        if kd:
            out += [*_objects(d, ww[key], kind, kd, lang), ""]
    if d.agency:
        out.append(ww["agency"])
        out += [f"  {fmt_field(k, v, lang)}" for k, v in d.agency.items()]
        out.append("")
    if d.introduced or d.resolved:
        out.append(ww["findings"])
        if d.introduced:
            out.append(f"  {ww['introduced']} ({len(d.introduced)}):")
            out += [f"    {_finding_line(f)}" for f in d.introduced]
        if d.resolved:
            out.append(f"  {ww['resolved']} ({len(d.resolved)}):")
            out += [f"    {_finding_line(f)}" for f in d.resolved]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
