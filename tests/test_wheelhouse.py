"""The offline install: `make wheelhouse` (here for this interpreter only, to stay fast), then
install-offline.sh into a fresh virtual environment with every package index switched off, then lint the
worked example with the installed tpkit and start its language server's import.

Needs a package index to download from; where pip cannot reach one the test skips (a network error only: any
other failure fails). `pytest -m "not network"` leaves it out.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE, REPO

pytestmark = pytest.mark.network

_NETWORK = (
    "Could not find a version",
    "No matching distribution",
    "ConnectionError",
    "NewConnectionError",
    "Temporary failure in name resolution",
    "Network is unreachable",
    "ReadTimeoutError",
    "Max retries exceeded",
)


def _offline_env() -> dict[str, str]:
    env = dict(os.environ)
    for var in ("PIP_FIND_LINKS", "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_NO_INDEX", "PIP_CONSTRAINT"):
        env.pop(var, None)
    env["PIP_CONFIG_FILE"] = os.devnull  # this machine's pip.conf adds local indexes and find-links
    env.pop("PYTHONPATH", None)  # the installed tpkit, not this checkout
    return env


def test_wheelhouse_installs_with_no_index_and_lints_the_example(tmp_path: Path) -> None:
    house = tmp_path / "wheelhouse"
    env = dict(os.environ, PYTHON=sys.executable, WHEELHOUSE_DIR=str(house), WHEELHOUSE_TARGETS="current")
    built = subprocess.run(
        ["bash", str(REPO / "scripts" / "wheelhouse.sh")], env=env, capture_output=True, text=True, timeout=900
    )
    if built.returncode != 0:
        if any(s in built.stdout + built.stderr for s in _NETWORK):
            pytest.skip("pip cannot download the dependencies here (no package index)")
        pytest.fail(built.stdout[-2000:] + built.stderr[-3000:])
    wheels = sorted(p.name for p in house.glob("*.whl"))
    assert any(w.startswith("tpkit-") for w in wheels)
    for dist in ("pydantic_core", "typer", "python_docx", "openpyxl", "pygls", "lsprotocol", "cattrs", "attrs"):
        assert any(w.lower().startswith(dist.lower() + "-") for w in wheels), (dist, wheels)
    assert (house / "install-offline.sh").is_file() and (house / "SHA256SUMS").is_file()
    covers = (house / "README.txt").read_text(encoding="utf-8")
    assert f"CPython {sys.version_info.major}.{sys.version_info.minor} " in covers, covers

    venv = tmp_path / "venv"
    # carried as a folder: the script finds the wheels next to itself
    inst = subprocess.run(
        ["sh", str(house / "install-offline.sh"), str(venv)],
        env=dict(_offline_env(), PYTHON=sys.executable),
        capture_output=True,
        text=True,
        timeout=900,
        cwd=tmp_path,
    )
    assert inst.returncode == 0, inst.stdout + inst.stderr
    import tpkit

    assert f"tpkit {tpkit.__version__}" in inst.stdout

    tpkit_bin = venv / "bin" / "tpkit"
    lint = subprocess.run(
        [str(tpkit_bin), "lint", str(EXAMPLE), "--format", "json", "--fail-on", "never"],
        env=_offline_env(),
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert lint.returncode == 0, lint.stderr
    assert f'"version": "{tpkit.__version__}"' in lint.stdout
    # the site's templates, style sheet and script are in the wheel
    site = subprocess.run(
        [str(tpkit_bin), "site", "-C", str(EXAMPLE), "--public", "-o", str(tmp_path / "public")],
        env=_offline_env(),
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert site.returncode == 0, site.stderr
    assert (tmp_path / "public/style.css").is_file() and (tmp_path / "public/process/child-benefit.html").is_file()
    server = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import pygls, lsprotocol, tpkit.server.protocol"],
        env=_offline_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert server.returncode == 0, server.stderr
