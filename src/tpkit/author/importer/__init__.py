"""``tpkit import xlsx FILE``: a register kept in Excel becomes touchpoints.yaml and processes/*.yaml.

Three steps, one module each:

* :mod:`.read` — the workbook -> rows of cells by column key, a sheet per direction of activity;
* :mod:`.cells` and :mod:`.map` — rows -> a plan: new touchpoints, one document per process,
  and every cell that could not be mapped (reported row by row, never guessed silently);
* :mod:`.write` — the plan -> files, refusing to replace a process file without ``--force``.

:mod:`.match` holds the loose matching of header names and labels and the ids made from names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .map import Merge, plan_import
from .match import guess_channel, norm, slug
from .read import Unmapped, match_header, read_rows
from .write import write_plan

__all__ = ["ImportResult", "Merge", "Unmapped", "guess_channel", "import_xlsx", "match_header", "norm", "slug"]


@dataclass
class ImportResult:
    rows: int = 0
    processes: list[str] = field(default_factory=list)
    touchpoints_added: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    unmapped: list[Unmapped] = field(default_factory=list)
    #: rows joined into one touchpoint entry (stages of one touchpoint), each reported
    merged: list[Merge] = field(default_factory=list)


def import_xlsx(root: Path, file: Path, *, force: bool = False, default_direction: str | None = None) -> ImportResult:
    """Import the workbook ``file`` into the registry at ``root``."""
    from ...registry import load_registry

    result = ImportResult()
    reg = load_registry(root)
    rows = read_rows(file, default_direction, result.unmapped)
    result.rows = len(rows)
    plan = plan_import(reg, rows, result.unmapped)
    result.touchpoints_added = list(plan.touchpoints)
    result.processes = [doc.pid for doc in plan.processes]
    result.merged = plan.merged
    result.written = write_plan(root, reg, plan, force=force)
    return result
