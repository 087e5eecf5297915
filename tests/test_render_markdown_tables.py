"""Markdown documents a Markdown parser reads as they are meant: every table of the view model is a table, with
all its rows (issue 13: a blank line between rows ended every table after its header)."""

from __future__ import annotations

import pytest
from conftest import EXAMPLE, run_cli

from tpkit.registry import load_registry
from tpkit.render.procedure_view import procedure_view
from tpkit.render.register_view import register_view


def _tables(markdown: str) -> list[int]:
    """The tables a Markdown parser finds, each as its number of rows (the header row included)."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    out: list[int] = []
    for t in tokens:
        if t.type == "table_open":
            out.append(0)
        elif t.type == "tr_open":
            out[-1] += 1
    return out


def _render(*args: str) -> str:
    r = run_cli("render", *args, "--format", "md", "--registry", str(EXAMPLE), "--output", "-")
    assert r.code == 0, r.stdout + r.stderr
    return r.stdout


@pytest.mark.parametrize("pid", ["digital", "offline"])
def test_every_procedure_table_is_a_markdown_table(pid: str) -> None:
    reg = load_registry(EXAMPLE)
    view = procedure_view(reg, reg.procedures[pid])
    expected = [len(b.rows) + 1 for s in view.sections for b in s.blocks if b.kind == "table"]
    assert len(expected) >= 3
    assert _tables(_render("procedure", pid)) == expected


def test_every_register_table_is_a_markdown_table() -> None:
    view = register_view(load_registry(EXAMPLE))
    expected = [len(b.rows) + 1 for s in view.sections for b in s.blocks if b.kind == "table"]
    assert len(expected) == 5  # one per direction of activity
    assert _tables(_render("register")) == expected


def test_the_procedure_names_each_touchpoints_responsible_official() -> None:
    reg = load_registry(EXAMPLE)
    for pid in ("digital", "offline"):
        text = _render("procedure", pid)
        section1 = text.split("\n## 2.")[0]
        assert "Ответственное должностное лицо" in section1
        for tid in reg.covered(reg.procedures[pid]):
            official = reg.officials[reg.touchpoints[tid].responsible or ""]
            row = next(line for line in section1.splitlines() if line.startswith(f"| {reg.touchpoints[tid].name}"))
            assert official.name in row, (tid, row)
