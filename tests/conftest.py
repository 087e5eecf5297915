"""Shared fixtures: a clean registry to break, and the command line run as a user runs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BASE = HERE / "fixtures" / "base"
EXAMPLE = REPO / "examples" / "registry"


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


def run_cli(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, input: str | bytes | None = None
) -> Run:
    """Run ``tpkit`` in-process, through the console script's own entry point (``tpkit.cli.main``): the same
    option parsing, one-line errors and exit codes a user's shell sees, without starting an interpreter.

    ``env`` sets (or, with an empty value, keeps) variables for the run only; ``input`` is standard input.
    Tests about the process boundary itself (signals, the interpreter's encoding, ``python -m``) use
    :func:`run_proc`.
    """
    import os

    from tpkit import cli

    runner = CliRunner()
    old = Path.cwd()
    code = 0
    with runner.isolation(input=input, env=env) as streams:
        try:
            if cwd is not None:
                os.chdir(cwd)
            cli.main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        finally:
            os.chdir(old)
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except (OSError, ValueError):  # a closed pipe the command already reported
                    pass
        stdout = streams[0].getvalue().decode("utf-8", "replace")
        stderr = streams[1].getvalue().decode("utf-8", "replace")
    return Run(code, stdout, stderr)


def run_proc(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run ``python -m tpkit`` in a subprocess: what a user's shell sees, exit codes and all."""
    import os

    e = dict(os.environ)
    e["PYTHONPATH"] = str(REPO / "src") + os.pathsep + e.get("PYTHONPATH", "")
    if env:
        e.update(env)
    p = subprocess.run(
        [sys.executable, "-m", "tpkit", *args], cwd=cwd, env=e, capture_output=True, text=True, timeout=120
    )
    return Run(p.returncode, p.stdout, p.stderr)


_FRESH = """
import json, sys
sys.path.insert(0, sys.argv[1])
from conftest import run_cli
runs = [run_cli(*args) for args in json.load(sys.stdin)]
json.dump([[r.code, r.stdout, r.stderr] for r in runs], sys.stdout)
"""


def run_fresh(commands: list[list[str]], env: dict[str, str] | None = None) -> list[Run]:
    """Run several ``tpkit`` commands in one new interpreter (``env`` set, e.g. a ``PYTHONHASHSEED``), each as
    :func:`run_cli` runs it: what differs between interpreters (hash order) shows, for one start-up."""
    import json
    import os

    e = dict(os.environ)
    e["PYTHONPATH"] = str(REPO / "src") + os.pathsep + e.get("PYTHONPATH", "")
    e.update(env or {})
    p = subprocess.run(
        [sys.executable, "-c", _FRESH, str(HERE)],
        input=json.dumps(commands),
        env=e,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert p.returncode == 0, p.stderr[-3000:]
    return [Run(*r) for r in json.loads(p.stdout)]


#: the system chromium (never a downloaded one), and how the tests start it
CHROMIUM = os.environ.get("TPKIT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless chromium per test module, driven by playwright."""
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[dev]')")
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """A copy of a small registry that lints clean; tests break it."""
    dst = tmp_path / "reg"
    shutil.copytree(BASE, dst)
    return dst


def write(root: Path, rel: str, content: str | bytes | None) -> Path:
    p = root / rel
    if content is None:
        p.unlink(missing_ok=True)
        return p
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    return p


def lint_json(root: Path, *extra: str) -> dict:
    import json

    r = run_cli("lint", str(root), "--format", "json", "--fail-on", "never", *extra)
    assert r.code == 0, r.stdout + r.stderr
    return json.loads(r.stdout)


def edit(root: Path, rel: str, old: str, new: str) -> Path:
    """Replace ``old`` once in a registry file; ``old`` must be there (a test must not pass by editing nothing)."""
    p = root / rel
    text = p.read_text(encoding="utf-8")
    assert old in text, f"{rel} lacks {old!r}"
    p.write_text(text.replace(old, new, 1), encoding="utf-8")
    return p


def only(report: dict, code: str) -> list[dict]:
    """The findings of one rule in a JSON report."""
    return [f for f in report["findings"] if f["rule"] == code]


def codes(report: dict) -> list[str]:
    return [f["rule"] for f in report["findings"]]


#: modules whose tests wait on other programs (a browser, LibreOffice, pip, a shell running the guide, a language
#: server): started first, so that pytest-xdist's workers share out the quick tests around them instead of one
#: worker ending the run alone on a long test
SLOW_FIRST = (
    "test_guide.py",
    "test_wheelhouse.py",
    "test_ci_integrations.py",
    "test_site_browser.py",
    "test_render_office.py",
    "test_html_print.py",
    "test_server.py",
    "test_schema_editor.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: item.path.name not in SLOW_FIRST)  # a stable sort: the rest keep their order
