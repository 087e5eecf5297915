"""The import plan as Markdown: what ``--dry-run`` prints and ``--report FILE.md`` writes for the merge request.

In this order: a summary line whose row counts add up to the rows read; the files (new, replaced, the catalogue,
with why a new touchpoint's channel is what it is where a person should look); every row written or merged and
what it became; the structural rows; the conflicts between rows (when there are any); what was not understood,
rows first, then cells. Russian, or English for ``lang="en"``. The text is deterministic (rows in the order of the
file) so two runs compare.
"""

from __future__ import annotations

from pathlib import Path

from ...registry.enums import DIRECTIONS
from .ledger import RowOutcome, counts
from .map import ImportPlan, ProcessDocument
from .match import norm
from .texts import CHANNEL_WHY, STRUCTURAL, WORDS, column_name, say

#: the reasons a channel is named beside it in the plan: where a person should look
SHOWN_WHY = ("reception", "address", "phone", "none")


def _w(key: str, lang: str, *args: object, **named: object) -> str:
    return say(WORDS, key, lang, *args, **named)


def _process_line(doc: ProcessDocument, file: str, lang: str) -> str:
    data = doc.data
    verb = _w("replace" if doc.existing is not None else "create", lang)
    labels = DIRECTIONS.get(str(data.get("direction")), {})
    direction = labels.get("short" if lang == "ru" else "en", str(data.get("direction")))
    scope = ", scope: direction" if data.get("scope") == "direction" else ""
    n = len(data.get("touchpoints", []))
    return f"- {verb} `{file}` — «{data.get('title')}» ({direction}{scope}; {_w('points', lang)}: {n})"


def _touchpoint_line(tp: dict[str, object], why: str, lang: str) -> str:
    line = f"  - `{tp['id']}`: «{tp['name']}», channel: {tp['channel']}"
    if why in SHOWN_WHY:
        line += f" ({say(CHANNEL_WHY, why, lang)})"
    if tp.get("url"):
        line += f", url: {tp['url']} ({_w('from-name', lang)})"
    if tp.get("phone"):
        line += f", phone: {tp['phone']} ({_w('from-name', lang)})"
    if tp.get("address"):
        line += f", address: {tp['address']} ({_w('from-name', lang)})"
    access = tp.get("accessibility")
    if isinstance(access, list) and access:
        line += f", accessibility: {'; '.join(str(a) for a in access)}"
    return line


def _row_line(out: RowOutcome, lang: str) -> str:
    number = f" (№ {out.n})" if out.n else ""
    if out.what == "continued":
        return f"- {out.where}: {_w('continued', lang, out.into)}: «{out.text}»"
    if out.kind == "merged":
        how = _w("merged", lang, out.into)
        added = "; ".join(f"+ {column_name(k, lang)}" + (f": {v}" if v else "") for k, v in out.combined)
        how += f": {added}" if added else ""
    else:
        how = _w(out.how, lang)
    needs = ", ".join(out.needs) if out.needs else "—"
    line = (
        f"- {out.where}{number}: «{out.touchpoint_name}» → `{out.process}` / `{out.touchpoint}` ({how}); needs: {needs}"
    )
    if out.notes:
        line += f"; {_w('in-notes', lang)}: " + "; ".join(f"«{n}»" for n in out.notes)
    return line


def _header_map(header: list[tuple[str, str]], lang: str) -> str:
    """How many columns a header names; each cell that is not its column's own label, and where it goes."""
    shown = [
        f"«{text}» → {column_name(key, lang) if key else 'notes'}"
        for text, key in header
        if not key or norm(text) not in (norm(column_name(key, "ru")), norm(column_name(key, "en")))
    ]
    return f" ({_w('columns', lang)}: {len(header)})" + (": " + ", ".join(shown) if shown else "")


def _structural_line(out: RowOutcome, lang: str) -> str:
    line = f"- {out.where}: {say(STRUCTURAL, out.what, lang)}"
    if out.header:
        line += _header_map(out.header, lang)
    elif out.text:
        line += f": «{out.text}»"
    return line


def plan_markdown(plan: ImportPlan, files: dict[str, ProcessDocument], *, dry_run: bool, lang: str = "ru") -> str:
    """The plan; ``files`` maps each process file (relative POSIX path) to its document."""
    new = sum(1 for d in plan.processes if d.existing is None)
    source = Path(plan.source).name if plan.source else "—"
    c = counts(plan.outcomes)
    summary = _w(
        "summary",
        lang,
        rows=plan.total,
        written=c["written"],
        merged=c["merged"],
        structural=c["structural"],
        unread=c["unread"],
        processes=len(plan.processes),
        new=new,
        replaced=len(plan.processes) - new,
        touchpoints=len(plan.touchpoints),
        notes=len(plan.unmapped),
        conflicts=len(plan.conflicts),
    )
    none = f"- {_w('none', lang)}"
    out = [f"# {_w('title', lang)}: {source}", "", summary + (f" {_w('dry', lang)}" if dry_run else ""), ""]
    out += [f"## {_w('files', lang)}", ""]
    out += [_process_line(doc, rel, lang) for rel, doc in files.items()]
    if plan.touchpoints:
        out.append(f"- {_w('append', lang)} `touchpoints.yaml`: " + ", ".join(f"`{t}`" for t in plan.touchpoints))
        out += [_touchpoint_line(tp, plan.channel_why.get(t, ""), lang) for t, tp in plan.touchpoints.items()]
    if not files and not plan.touchpoints:
        out.append(none)
    out += ["", f"## {_w('rows', lang)}", ""]
    out += [_row_line(r, lang) for r in plan.rows] or [none]
    out += ["", f"## {_w('structural', lang)}", ""]
    out += [_structural_line(o, lang) for o in plan.outcomes if o.kind == "structural"] or [none]
    if plan.conflicts:
        out += ["", f"## {_w('conflicts', lang)}", ""]
        out += [f"- {u.line(lang)}" for u in plan.conflicts]
    unread = [f"- {o.unread_line(lang)}" for o in plan.outcomes if o.kind == "unread"]
    out += ["", f"## {_w('unread', lang)}", ""]
    out += unread + [f"- {u.line(lang)}" for u in plan.unmapped] or [none]
    return "\n".join(out) + "\n"
