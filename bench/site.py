"""`tpkit site` against `tpkit lint` on a generated 1,000-process registry without structure errors.

    python bench/site.py [--processes 1000] [--runs 3]

Both run as a user runs them (``python -m tpkit`` in a child process); the figure is the ratio of the median
wall times. The issue's bound: the site (without ``--documents``) in at most 5 × the time of the lint.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen import generate  # noqa: E402


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, check=False)
    took = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)}: exit {proc.returncode}\n{proc.stderr.decode()[-2000:]}")
    return took


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--processes", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    env = dict(os.environ)
    env["PYTHONPATH"] = str(HERE.parent / "src") + os.pathsep + env.get("PYTHONPATH", "")
    with tempfile.TemporaryDirectory(prefix="tpkit-bench-site-") as tmp:
        reg = generate(Path(tmp) / "registry", args.processes, structure_errors=False)
        out = Path(tmp) / "site"
        tpkit = [sys.executable, "-m", "tpkit"]
        lint_times, site_times = [], []
        for _ in range(args.runs):  # interleaved: a busy machine slows both alike
            lint_times.append(timed([*tpkit, "lint", str(reg), "--format", "json", "--output", os.devnull], env))
            site_times.append(timed([*tpkit, "site", "--registry", str(reg), "--output", str(out)], env))
        pages = sum(1 for _ in out.rglob("*.html"))
        size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) / 1e6
    lint_s, site_s = statistics.median(lint_times), statistics.median(site_times)
    print(f"{args.processes} processes, {args.runs} runs (median wall time)")
    print(f"  tpkit lint: {lint_s:.2f} s")
    print(f"  tpkit site: {site_s:.2f} s ({pages} pages, {size:.1f} MB)")
    print(f"  ratio: {site_s / lint_s:.2f}× (bound: 5×)")


if __name__ == "__main__":
    main()
