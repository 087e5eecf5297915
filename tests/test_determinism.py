"""Every lint format gives the same bytes in two interpreters (different hash seeds): no set order leaks out.

The documents are checked the same way in ``test_render_exports.py``.
"""

from __future__ import annotations

import pytest
from conftest import EXAMPLE, Run, run_fresh

REGISTRY = EXAMPLE.parent / "antipatterns" / "TP304-feature-without-instruction"  # findings in several files
FORMATS = ["text", "json", "sarif", "github", "gitlab", "junit"]


@pytest.fixture(scope="module")
def by_seed() -> dict[str, list[Run]]:
    """Every format's report from one interpreter per hash seed."""
    commands = [["lint", str(REGISTRY), "--format", fmt, "--fail-on", "never"] for fmt in FORMATS]
    return {seed: run_fresh(commands, env={"PYTHONHASHSEED": seed}) for seed in ("1", "2")}


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_lint_format_is_byte_identical_across_processes(by_seed: dict[str, list[Run]], fmt: str) -> None:
    first, second = (by_seed[seed][FORMATS.index(fmt)] for seed in ("1", "2"))
    assert first.code == second.code == 0, first.stderr + second.stderr
    assert first.stdout == second.stdout and "TP304" in first.stdout
