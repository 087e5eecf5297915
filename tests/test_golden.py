"""Golden findings: the lint JSON of the worked example, every anti-pattern registry and a generated
1,000-process registry, compared byte for byte with committed expectations.

A refactoring must leave these unchanged. A change that alters findings on purpose regenerates them with
``make golden`` (``TPKIT_UPDATE_GOLDEN=1 pytest tests/test_golden.py``) and explains the difference in its
commit message.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE, REPO, run_cli

GOLDEN = Path(__file__).resolve().parent / "golden"
ANTIPATTERNS = REPO / "examples" / "antipatterns"
UPDATE = os.environ.get("TPKIT_UPDATE_GOLDEN") == "1"


def _lint(root: Path, *extra: str) -> str:
    old = Path.cwd()
    try:
        os.chdir(root)  # the report names paths relative to the working folder
        r = run_cli("lint", "--format", "json", "--fail-on", "never", *extra)
    finally:
        os.chdir(old)
    assert r.code == 0, r.stdout + r.stderr
    return r.stdout


def _check(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"{path} is missing: run `make golden`"
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        # a readable failure: the first finding that differs
        a, e = json.loads(actual), json.loads(expected)
        assert a.get("summary") == e.get("summary")
        for fa, fe in zip(a["findings"], e["findings"], strict=False):
            assert fa == fe
        assert actual == expected


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_worked_example_findings_unchanged(lang: str) -> None:
    _check(f"example.{lang}.json", _lint(EXAMPLE, "--lang", lang))


@pytest.mark.parametrize("name", sorted(p.name for p in ANTIPATTERNS.iterdir() if p.is_dir()))
def test_antipattern_findings_unchanged(name: str) -> None:
    _check(f"antipatterns/{name}.json", _lint(ANTIPATTERNS / name))


def test_generated_registry_findings_unchanged(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from gen import generate
    finally:
        sys.path.pop(0)
    root = generate(tmp_path / "g1000", processes=1000)
    _check("generated-1000.json", _lint(root))
