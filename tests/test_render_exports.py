"""The register's spreadsheets carry what an import needs; every format is the same bytes in a new process."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from conftest import EXAMPLE, run_cli, run_fresh

from tpkit.render.register_columns import COLUMNS, PROCESS_ID_COLUMN


def _xlsx(tmp_path: Path) -> Path:
    out = tmp_path / "register.xlsx"
    r = run_cli("render", "register", "--format", "xlsx", "-C", str(EXAMPLE), "--output", str(out))
    assert r.code == 0, r.stderr
    return out


def test_xlsx_last_hidden_column_holds_each_rows_process_id(tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    from tpkit.registry import load_registry

    reg = load_registry(EXAMPLE)
    wb = load_workbook(_xlsx(tmp_path))
    seen = set()
    for ws in wb.worksheets:
        header = [c.value for c in ws[1]]
        assert header == [*(c.ru for c in COLUMNS), PROCESS_ID_COLUMN] == [*header[:-1], "id процесса"]
        letter = get_column_letter(len(header))
        assert ws.column_dimensions[letter].hidden
        assert ws.auto_filter.ref.endswith(f"{letter}{ws.max_row}")  # sorting moves the ids with their rows
        for row in ws.iter_rows(min_row=2, values_only=True):
            pid = row[-1]
            assert pid in reg.processes and reg.processes[pid].title == row[1]
            seen.add(pid)
    assert seen == set(reg.processes)


def test_csv_demand_is_a_number_as_in_the_workbook() -> None:
    r = run_cli("render", "register", "--format", "csv", "-C", str(EXAMPLE), "--output", "-")
    assert r.code == 0
    rows = list(csv.reader(io.StringIO(r.stdout.lstrip("\ufeff")), delimiter=";"))
    demand = [row[-1] for row in rows[1:]]
    assert "48000" in demand
    assert not [d for d in demand if "\u00a0" in d or "обращений" in d]
    assert all(d.isdigit() or d == "" or not d[0].isdigit() for d in demand)


FORMATS = [
    ("procedure", "digital", "docx"),
    ("procedure", "digital", "md"),
    ("procedure", "digital", "html"),
    ("register", None, "docx"),
    ("register", None, "xlsx"),
    ("register", None, "md"),
    ("register", None, "html"),
    ("register", None, "csv"),
]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[bytes]]:
    """Every format of :data:`FORMATS`, rendered in one interpreter per hash seed."""
    folder = tmp_path_factory.mktemp("seeds")
    out: dict[str, list[bytes]] = {}
    for seed in ("1", "2"):
        commands = []
        for kind, ident, fmt in FORMATS:
            target = folder / f"{seed}-{kind}.{fmt}"
            commands.append(
                ["render", kind, *([ident] if ident else []), "--format", fmt, "-C", str(EXAMPLE), "-o", str(target)]
            )
        for (kind, _, fmt), r in zip(FORMATS, run_fresh(commands, env={"PYTHONHASHSEED": seed}), strict=True):
            assert r.code == 0, r.stderr
            out.setdefault(f"{kind}.{fmt}", []).append((folder / f"{seed}-{kind}.{fmt}").read_bytes())
    return out


@pytest.mark.parametrize(("kind", "ident", "fmt"), FORMATS)
def test_every_format_is_byte_identical_across_processes(
    rendered: dict[str, list[bytes]], kind: str, ident: str | None, fmt: str
) -> None:
    """Two interpreters (different hash seeds) give the same bytes: no set or dict order leaks into a document."""
    first, second = rendered[f"{kind}.{fmt}"]
    assert first == second
    assert first


def test_markdown_tables_are_tables_to_a_commonmark_reader() -> None:
    """No blank line between a table's rows: GitHub and GitLab end a table at a blank line."""
    from markdown_it import MarkdownIt

    from tpkit.registry import load_registry
    from tpkit.render.register_table import register_tables

    r = run_cli("render", "register", "--format", "md", "-C", str(EXAMPLE), "--output", "-")
    assert r.code == 0
    tokens = MarkdownIt("commonmark").enable("table").parse(r.stdout)
    body_rows = sum(1 for t in tokens if t.type == "tr_open") - sum(1 for t in tokens if t.type == "thead_open")
    tables = register_tables(load_registry(EXAMPLE))
    assert sum(1 for t in tokens if t.type == "table_open") == len(tables)
    assert body_rows == sum(len(t.rows) for t in tables)
