"""``tpkit import xlsx|docx FILE``: a register kept in Excel or published in Word becomes YAML files.

Four steps, one module each:

* :mod:`.xlsx_read` (workbooks) and :mod:`.docx_read` (Word tables) — tables -> rows, through :mod:`.read`'s
  :class:`.read.TableReader` (the header by meaning, :mod:`.header`; everything else by its place): data rows by
  column key, and the outcome of every other row; :mod:`.limits` bounds what is read;
* :mod:`.cells`, :mod:`.needs`, :mod:`.catalogue`, :mod:`.channel` and :mod:`.map` — rows -> an :class:`ImportPlan`:
  new touchpoints, one document per process, what every row became (:mod:`.ledger`: written, merged, structural
  or not understood — they add up to the rows read), every cell that could not be mapped and every conflict
  between rows (never guessed silently);
* :mod:`.plan_text` — the plan as Markdown (``--dry-run`` prints it, ``--report`` writes it), in the words of
  :mod:`.texts`;
* :mod:`.write` — the plan -> files, all or nothing (the report with them), refusing to replace a process file
  without ``--force``.

:mod:`.match` holds the loose matching of header names and labels and the ids made from names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .header import match_header
from .ledger import Kind, RowOutcome, Unmapped, counts
from .map import ImportPlan, plan_import
from .match import guess_channel, norm, slug
from .read import Reading
from .xlsx_read import read_rows

__all__ = [
    "KINDS",
    "ImportPlan",
    "ImportResult",
    "RowOutcome",
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
    #: the rows read (every table's, structural ones included)
    rows: int = 0
    #: the rows by outcome: they add up to ``rows``
    outcomes: dict[Kind, int] = field(default_factory=dict)
    processes: list[str] = field(default_factory=list)
    touchpoints_added: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    #: cells not taken as they stood (their rows are written)
    unmapped: list[Unmapped] = field(default_factory=list)
    #: rows that disagree on one value (the first kept, the others in notes)
    conflicts: list[Unmapped] = field(default_factory=list)
    #: rows not understood: nothing of them written, their text in the plan
    unread: list[RowOutcome] = field(default_factory=list)
    #: rows joined to an earlier row's entry (stages of one touchpoint, the rest of a row): each is reported
    merged: list[RowOutcome] = field(default_factory=list)
    #: the plan as Markdown (see :mod:`.plan_text`)
    plan: str = ""
    #: the plan itself
    data: ImportPlan | None = None


def merge_line(row: RowOutcome, lang: str = "ru") -> str:
    """One line saying which row was joined to which entry."""
    if row.what == "continued":
        if lang == "ru":
            return f"{row.where}: продолжение строки {row.into} (перенос на новую страницу): текст добавлен к ней"
        return f"{row.where}: the rest of row {row.into} (broken at a page): its text is added to that row"
    if lang == "ru":
        return (
            f"{row.where}: «{row.touchpoint_name}» — та же точка взаимодействия, что в строке {row.into}: объединена "
            f"в одну запись {row.touchpoint} процесса {row.process}, потребности сложены"
        )
    return (
        f"{row.where}: «{row.touchpoint_name}» is the touchpoint of row {row.into}: merged into one entry "
        f"{row.touchpoint} of process {row.process}, the needs joined"
    )


def _docx_rows(path: Path, default_direction: str | None, report: list[Unmapped], lang: str) -> Reading:
    from .docx_read import read_docx_rows

    return read_docx_rows(path, default_direction, report, lang)


def _xlsx_rows(path: Path, default_direction: str | None, report: list[Unmapped], lang: str) -> Reading:
    return read_rows(path, default_direction, report)


#: import kind -> reader of its rows (``lang``: what a Word table is called where the report names it)
KINDS: dict[str, Callable[[Path, str | None, list[Unmapped], str], Reading]] = {
    "xlsx": _xlsx_rows,
    "docx": _docx_rows,
}


def import_file(
    root: Path,
    file: Path,
    kind: str,
    *,
    force: bool = False,
    default_direction: str | None = None,
    dry_run: bool = False,
    report: Path | None = None,
    lang: str = "ru",
) -> ImportResult:
    """Import ``file`` (an .xlsx workbook or a .docx document) into the registry at ``root``.

    The plan is made first; with ``dry_run`` nothing is written but the plan to ``report``, else every file (and
    the plan to ``report``) is written or none.
    """
    from ...registry import load_registry
    from .plan_text import plan_markdown
    from .write import commit_files, plan_texts, process_targets

    result = ImportResult()
    reg = load_registry(root)
    reading = KINDS[kind](file, default_direction, result.unmapped, lang)
    plan = plan_import(reg, reading, result.unmapped, str(file))
    result.data = plan
    result.rows = plan.total
    result.outcomes = counts(plan.outcomes)
    result.touchpoints_added = list(plan.touchpoints)
    result.processes = [doc.pid for doc in plan.processes]
    result.conflicts = plan.conflicts
    result.merged = [row for row in plan.outcomes if row.kind == "merged"]
    result.unread = [row for row in plan.outcomes if row.kind == "unread"]
    result.plan = plan_markdown(plan, process_targets(root, reg, plan), dry_run=dry_run, lang=lang)
    texts = {} if dry_run else plan_texts(root, reg, plan, force=force)
    outputs = {report: result.plan.encode("utf-8")} if report is not None else {}
    result.written = commit_files(root, texts, outputs)
    return result


def import_xlsx(root: Path, file: Path, *, force: bool = False, default_direction: str | None = None) -> ImportResult:
    """Import the workbook ``file`` into the registry at ``root``."""
    return import_file(root, file, "xlsx", force=force, default_direction=default_direction)
