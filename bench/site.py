"""`tpkit site` against `tpkit lint` on a generated 1,000-process registry without structure errors.

    python bench/site.py [--processes 1000] [--runs 5] [--public] [--rebuild] [--src OTHER/src]

Both run as a user runs them (``python -m tpkit`` in a child process), runs interleaved so that a busy machine
slows both alike. The registry carries the methodology's mistakes the generator puts in (about 1,850 findings at
1,000 processes, every page kind with findings on it). Printed: each run's times, the ratio of the medians, the
least ratio of one run's pair and the spread of the pairs' ratios, and the ratio of the median CPU times. The issue's bound: the site (without
``--documents``) in at most 5 × the time of the lint. Each run builds into a fresh folder, as CI does
(``--rebuild``: into the previous run's, which tpkit then checks file by file). ``--public`` also times
``tpkit site --public``; ``--src`` times another checkout's site (git archive REV src templates | tar -x -C DIR)
against this checkout's lint.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen import generate  # noqa: E402

CPU: dict[str, list[float]] = {"lint": [], "site": [], "public": []}


def timed(cmd: list[str], env: dict[str, str], what: str) -> float:
    """The wall time of one child; its CPU time (user + system) goes to ``CPU[what]``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, check=False)
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU[what].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)}: exit {proc.returncode}\n{proc.stderr.decode()[-2000:]}")
    return took


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--processes", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--public", action="store_true", help="also time tpkit site --public")
    ap.add_argument(
        "--rebuild", action="store_true", help="build into the previous run's folder (default: a fresh folder, as CI)"
    )
    ap.add_argument("--src", type=Path, help="time another checkout's tpkit (its src folder) for the site")
    args = ap.parse_args()
    env = dict(os.environ)
    env["PYTHONPATH"] = str(HERE.parent / "src") + os.pathsep + env.get("PYTHONPATH", "")
    site_env = dict(env)
    if args.src is not None:  # the lint stays this checkout's: the yardstick does not move
        site_env["PYTHONPATH"] = str(args.src.resolve()) + os.pathsep + os.environ.get("PYTHONPATH", "")
    with tempfile.TemporaryDirectory(prefix="tpkit-bench-site-") as tmp:
        reg = generate(Path(tmp) / "registry", args.processes, structure_errors=False)
        out, public = Path(tmp) / "site", Path(tmp) / "public"
        tpkit = [sys.executable, "-m", "tpkit"]
        report = Path(tmp) / "lint.json"
        lint_cmd = [*tpkit, "lint", str(reg), "--format", "json", "--fail-on", "never", "--output", str(report)]
        lint_times, site_times, public_times = [], [], []
        for _ in range(args.runs):  # interleaved: a busy machine slows both alike
            if not args.rebuild:
                shutil.rmtree(out, ignore_errors=True)
                shutil.rmtree(public, ignore_errors=True)
            lint_times.append(timed(lint_cmd, env, "lint"))
            site_times.append(timed([*tpkit, "site", "--registry", str(reg), "--output", str(out)], site_env, "site"))
            if args.public:
                public_times.append(
                    timed([*tpkit, "site", "--public", "--registry", str(reg), "--output", str(public)], env, "public")
                )
        findings = len(json.loads(report.read_text(encoding="utf-8"))["findings"])
        pages = sum(1 for _ in out.rglob("*.html"))
        size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) / 1e6
        public_pages = sum(1 for _ in public.rglob("*.html")) if args.public else 0
    lint_s, site_s = statistics.median(lint_times), statistics.median(site_times)
    ratios = [s / lint for s, lint in zip(site_times, lint_times, strict=True)]
    print(f"{args.processes} processes, {findings} findings, {args.runs} runs")
    print("  lint: " + " ".join(f"{t:.2f}" for t in lint_times) + f" s (median {lint_s:.2f} s)")
    print("  site: " + " ".join(f"{t:.2f}" for t in site_times) + f" s (median {site_s:.2f} s)")
    print(f"  site: {pages} pages, {size:.1f} MB")
    print(
        f"  ratio of the medians: {site_s / lint_s:.2f}×; per run: least {min(ratios):.2f}×, "
        f"most {max(ratios):.2f}× (bound: 5×)"
    )
    cpu_lint, cpu_site = statistics.median(CPU["lint"]), statistics.median(CPU["site"])
    print(
        f"  CPU (user + system, which a busy machine moves less): lint {cpu_lint:.2f} s, site {cpu_site:.2f} s, "
        f"{cpu_site / cpu_lint:.2f}× (medians)"
    )
    if public_times:
        pub_s = statistics.median(public_times)
        print(f"  site --public: median {pub_s:.2f} s ({public_pages} pages), {pub_s / lint_s:.2f}× lint")


if __name__ == "__main__":
    main()
