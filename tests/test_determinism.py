"""Every lint format gives the same bytes in two interpreters (different hash seeds): no set order leaks out.

The documents are checked the same way in ``test_render_exports.py``.
"""

from __future__ import annotations

import pytest
from conftest import EXAMPLE, run_proc

REGISTRY = EXAMPLE.parent / "antipatterns" / "TP304-feature-without-instruction"  # findings in several files


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "gitlab", "junit"])
def test_every_lint_format_is_byte_identical_across_processes(fmt: str) -> None:
    outs = []
    for seed in ("1", "2"):
        r = run_proc("lint", str(REGISTRY), "--format", fmt, "--fail-on", "never", env={"PYTHONHASHSEED": seed})
        assert r.code == 0, r.stderr
        outs.append(r.stdout)
    assert outs[0] == outs[1] and "TP304" in outs[0]
