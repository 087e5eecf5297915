"""A registry with an error, a warning and an info, for the report-format and CI tests."""

from __future__ import annotations

from pathlib import Path

from conftest import write


def break_registry(root: Path) -> Path:
    """Lay TP002 (error), TP007 (warning) and TP901 (info) over a clean registry.

    Rules written later may add findings; tests compare every format with the JSON report
    rather than with a fixed list.
    """
    write(root, "processes/bad.yaml", "id: bad\ntitle: Плохой\ndirection: nope\n")
    cb = (root / "processes/child-benefit.yaml").read_text(encoding="utf-8")
    write(root, "processes/renamed.yaml", cb.replace("id: child-benefit", "id: child-benefit-2", 1))
    write(root, "processes/child-benefit.yaml", cb + "# tpkit: ignore[TP106] -- nothing to suppress here\n")
    return root
