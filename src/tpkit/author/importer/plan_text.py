"""The import plan as Markdown: what ``--dry-run`` prints and ``--report FILE.md`` writes for the merge request.

Four parts, always in this order: a summary line; the files (new, replaced, the
catalogue); every row and what it became; what was not understood, row by row.
The text is deterministic (rows in the order of the file) so two runs compare.
"""

from __future__ import annotations

from pathlib import Path

from ...registry.enums import DIRECTIONS
from .map import ImportPlan, ProcessDocument, RowOutcome

HOW_RU = {
    "new": "новая точка каталога",
    "catalogue": "точка каталога",
    "same": "та же точка, что выше",
}


def _process_line(doc: ProcessDocument, file: str) -> str:
    data = doc.data
    verb = "заменить" if doc.existing is not None else "создать"
    direction = DIRECTIONS.get(str(data.get("direction")), {}).get("short", str(data.get("direction")))
    scope = ", scope: direction" if data.get("scope") == "direction" else ""
    n = len(data.get("touchpoints", []))
    return f"- {verb} `{file}` — «{data.get('title')}» ({direction}{scope}; точек: {n})"


def _row_line(out: RowOutcome) -> str:
    if out.how.startswith("merged:"):
        how = f"этап той же точки, объединена со строкой {out.how.split(':', 1)[1]}"
    else:
        how = HOW_RU.get(out.how, out.how)
    needs = ", ".join(out.needs) if out.needs else "—"
    line = f"- {out.where}: «{out.touchpoint_name}» → `{out.process}` / `{out.touchpoint}` ({how}); needs: {needs}"
    if out.notes:
        line += "; в notes: " + "; ".join(f"«{n}»" for n in out.notes)
    return line


def plan_markdown(plan: ImportPlan, files: dict[str, ProcessDocument], *, dry_run: bool) -> str:
    """The plan; ``files`` maps each process file (relative POSIX path) to its document."""
    new = sum(1 for d in plan.processes if d.existing is None)
    source = Path(plan.source).name if plan.source else "—"
    out = [
        f"# План импорта: {source}",
        "",
        (
            f"Строк: {len(plan.rows)}; процессов: {len(plan.processes)} (новых {new}, заменяемых "
            f"{len(plan.processes) - new}); новых точек в каталоге: {len(plan.touchpoints)}; "
            f"не понято: {len(plan.unmapped)}." + (" Ничего не записано (--dry-run)." if dry_run else "")
        ),
        "",
        "## Файлы",
        "",
    ]
    out += [_process_line(doc, rel) for rel, doc in files.items()]
    if plan.touchpoints:
        ids = ", ".join(f"`{t}`" for t in plan.touchpoints)
        out.append(f"- дополнить `touchpoints.yaml`: {ids}")
        out += [
            f"  - `{t['id']}`: «{t['name']}», channel: {t['channel']}"
            + (f", accessibility: {'; '.join(t['accessibility'])}" if t.get("accessibility") else "")
            for t in plan.touchpoints.values()
        ]
    if not files and not plan.touchpoints:
        out.append("- нет")
    out += ["", "## Строки", ""]
    out += [_row_line(r) for r in plan.rows] or ["- нет"]
    out += ["", "## Не понято", ""]
    out += [f"- {u.line()}" for u in plan.unmapped] or ["- нет"]
    return "\n".join(out) + "\n"
