"""``tpkit import xlsx|docx FILE``: a register kept in Excel or published in Word becomes YAML files.

Four steps, one module each:

* :mod:`.read` (workbooks) and :mod:`.docx_read` (Word tables) — tables -> rows of cells by column key, under the
  direction of activity a sheet's name or a heading row gives; :mod:`.limits` bounds what is read;
* :mod:`.cells`, :mod:`.needs` and :mod:`.map` — rows -> an :class:`ImportPlan`: new touchpoints, one document
  per process, what every row became, and every cell that could not be mapped (never guessed silently);
* :mod:`.plan_text` — the plan as Markdown (``--dry-run`` prints it, ``--report`` writes it);
* :mod:`.write` — the plan -> files, all or nothing, refusing to replace a process file without ``--force``.

:mod:`.match` holds the loose matching of header names and labels and the ids made from names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .map import ImportPlan, RowOutcome, plan_import
from .match import guess_channel, norm, slug
from .read import Row, Unmapped, match_header, read_rows

__all__ = [
    "KINDS",
    "ImportPlan",
    "ImportResult",
    "Unmapped",
    "guess_channel",
    "import_file",
    "import_xlsx",
    "match_header",
    "merge_line",
    "norm",
    "slug",
]


@dataclass
class ImportResult:
    rows: int = 0
    processes: list[str] = field(default_factory=list)
    touchpoints_added: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    unmapped: list[Unmapped] = field(default_factory=list)
    #: the plan as Markdown (see :mod:`.plan_text`)
    plan: str = ""
    #: rows joined to an earlier row's entry (stages of one touchpoint): each is reported, never silent
    merged: list[RowOutcome] = field(default_factory=list)


def merge_line(row: RowOutcome) -> str:
    """One line saying which row was joined to which entry."""
    first = row.how.partition(":")[2]
    return (
        f"{row.where}: «{row.touchpoint_name}» — та же точка взаимодействия, что в строке {first}: объединена в одну "
        f"запись {row.touchpoint} процесса {row.process}, потребности сложены"
    )


def _docx_rows(path: Path, default_direction: str | None, report: list[Unmapped]) -> list[Row]:
    from .docx_read import read_docx_rows

    return read_docx_rows(path, default_direction, report)


#: import kind -> reader of its rows
KINDS: dict[str, Callable[[Path, str | None, list[Unmapped]], list[Row]]] = {"xlsx": read_rows, "docx": _docx_rows}


def import_file(
    root: Path,
    file: Path,
    kind: str,
    *,
    force: bool = False,
    default_direction: str | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Import ``file`` (an .xlsx workbook or a .docx document) into the registry at ``root``.

    The plan is made first; with ``dry_run`` nothing is written, else every file is written or none.
    """
    from ...registry import load_registry
    from .plan_text import plan_markdown
    from .write import commit_files, plan_texts, process_targets

    result = ImportResult()
    reg = load_registry(root)
    rows = KINDS[kind](file, default_direction, result.unmapped)
    plan = plan_import(reg, rows, result.unmapped, str(file))
    result.rows = len(plan.rows)
    result.touchpoints_added = list(plan.touchpoints)
    result.processes = [doc.pid for doc in plan.processes]
    result.merged = [row for row in plan.rows if row.how.startswith("merged")]
    result.plan = plan_markdown(plan, process_targets(root, reg, plan), dry_run=dry_run)
    if not dry_run:
        result.written = commit_files(root, plan_texts(root, reg, plan, force=force))
    return result


def import_xlsx(root: Path, file: Path, *, force: bool = False, default_direction: str | None = None) -> ImportResult:
    """Import the workbook ``file`` into the registry at ``root``."""
    return import_file(root, file, "xlsx", force=force, default_direction=default_direction)
