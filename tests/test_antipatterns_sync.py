"""examples/antipatterns/ is what its generator makes from the rules' own anti-patterns, file for file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_antipatterns_are_in_sync_with_their_generator(tmp_path: Path) -> None:
    # the generator writes next to itself: run a copy in a scratch tree laid out like the repository
    (tmp_path / "examples" / "antipatterns").mkdir(parents=True)
    shutil.copy(REPO / "examples" / "antipatterns" / "generate.py", tmp_path / "examples" / "antipatterns")
    shutil.copytree(REPO / "tests" / "fixtures" / "base", tmp_path / "tests" / "fixtures" / "base")
    shutil.copy(REPO / "tests" / "conftest.py", tmp_path / "tests")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    subprocess.run(
        [sys.executable, str(tmp_path / "examples" / "antipatterns" / "generate.py")],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    made = _tree(tmp_path / "examples" / "antipatterns")
    kept = _tree(REPO / "examples" / "antipatterns")
    stale = sorted(k for k in made.keys() | kept.keys() if made.get(k) != kept.get(k) and "__pycache__" not in k)
    assert not stale, f"run: python examples/antipatterns/generate.py ({stale[:5]})"
