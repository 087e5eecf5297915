"""Outputs never replace what the registry is made of (issue: hostile outputs, item 1).

A render, a report, a baseline or a matrix refuses, before writing anything, a registry file, a new YAML file in
the data folders, anything under the agency's templates folder or under .git: exit 2, one line naming the file.
Overwriting an earlier output stays allowed, and ``--output -`` means stdout everywhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli, write


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    "args",
    [
        ("render", "register", "--format", "md", "--output", "processes/x.yaml"),
        ("render", "register", "--format", "md", "--output", "procedures/new.yml"),
        ("render", "register", "--format", "md", "--output", "agency.yaml"),
        ("render", "procedure", "all", "--format", "md", "--output", "tpkit.yaml"),
        ("lint", "--output", "touchpoints.yaml"),
        ("lint", "--format", "json", "--output", "processes/report.yaml"),
        ("lint", "--write-baseline", "acts.yaml"),
        ("matrix", "--format", "csv", "--output", "processes/m.yaml"),
        ("render", "register", "--format", "docx", "--output", "templates/register.docx"),
        ("render", "register", "--format", "md", "--output", ".git/config.md"),
        ("site", "--output", "processes"),
        ("site", "--output", "procedures/site"),
        ("site", "--output", "."),
        ("site", "--output", "templates/site"),
    ],
)
def test_an_output_over_the_registry_is_refused_and_nothing_changes(base: Path, args: tuple[str, ...]) -> None:
    (base / "templates").mkdir()
    (base / "templates" / "register.docx").write_bytes(b"the agency's own template")
    (base / ".git").mkdir()
    before = _snapshot(base)
    r = run_cli(*args, cwd=base)
    assert r.code == 2, r.stdout + r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in r.stderr
    assert args[-1].split("/")[-1] in lines[0]
    assert _snapshot(base) == before


def test_render_inside_the_templates_folder_keeps_the_agency_template(base: Path) -> None:
    folder = base / "templates"
    folder.mkdir()
    (folder / "register.docx").write_bytes(b"the agency's own template")
    r = run_cli("render", "register", cwd=folder)
    assert r.code == 2 and "templates" in r.stderr
    assert (folder / "register.docx").read_bytes() == b"the agency's own template"


def test_a_templates_folder_named_in_config_is_protected(base: Path) -> None:
    write(base, "tpkit.yaml", "version: 1\nrender:\n  templates: blanks/\n")
    r = run_cli("render", "register", "--format", "md", "--output", "blanks/register.md", cwd=base)
    assert r.code == 2 and "blanks" in r.stderr
    assert not (base / "blanks").exists()


def test_an_earlier_output_is_overwritten(base: Path) -> None:
    out = base / "build" / "register.md"
    assert run_cli("render", "register", "--format", "md", "--output", str(out), cwd=base).code == 0
    out.write_text("stale", encoding="utf-8")
    assert run_cli("render", "register", "--format", "md", "--output", str(out), cwd=base).code == 0
    assert out.read_text(encoding="utf-8") != "stale"


def test_output_dash_is_stdout_for_matrix_lint_and_diff(base: Path) -> None:
    r = run_cli("matrix", "--format", "csv", "--output", "-", cwd=base)
    assert r.code == 0 and r.stdout and not (base / "-").exists()
    r = run_cli("lint", "--format", "json", "--output", "-", cwd=base)
    assert r.code == 0 and r.stdout.lstrip().startswith("{") and not (base / "-").exists()


def test_outputs_outside_the_registry_are_free(base: Path, tmp_path: Path) -> None:
    out = tmp_path / "elsewhere" / "report.yaml"
    out.parent.mkdir()
    r = run_cli("lint", "--format", "json", "--output", str(out), cwd=base)
    assert r.code == 0 and out.exists()


@pytest.mark.parametrize("args", [("lint", "--format", "json"), ("matrix",), ("lint", "--write-baseline")])
def test_an_output_that_is_a_folder_is_named_so(base: Path, tmp_path: Path, args: tuple[str, ...]) -> None:
    # 0.3 review: «out: ошибка файловой системы / file system error: Is a directory», the system's English in a
    # Russian line
    folder = tmp_path / "out"
    folder.mkdir()
    option = () if args[-1] == "--write-baseline" else ("--output",)
    r = run_cli(*args, *option, str(folder), cwd=base)
    assert r.code == 2 and "это папка, а нужен файл" in r.stderr and "Is a directory" not in r.stderr, r.stderr
    assert list(folder.iterdir()) == []
