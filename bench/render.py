"""``make bench``, last section: the register DOCX of a large registry against ``tpkit lint`` on it.

Generates a registry of ``--processes`` processes (ten touchpoint entries each: 1,000 processes are
10,000 register rows) with ``gen.py``, mends its deliberate typos (a registry with structure errors is not
rendered), then times, interleaved, ``tpkit lint --format json`` and ``tpkit render register --format docx``
and prints the median wall and CPU time, the ratio and the peak memory. Goal (issue 18): at 10,000 rows the
register takes at most 6 × the lint time and under 400 MB, and grows linearly.

Usage: ``python bench/render.py [--processes 1000,2000] [--runs N] [--src DIR]``
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))

from gen import generate  # noqa: E402

_ENTRY = re.compile(r"^(  - touchpoint: )(\S+)$", re.M)


def clean_registry(root: Path, processes: int) -> Path:
    """A generated registry whose misspelt touchpoint references (TP003, ``gen.py``) are spelt right."""
    generate(root, processes)
    catalogue = re.findall(r"^  - id: (\S+)$", (root / "touchpoints.yaml").read_text(encoding="utf-8"), re.M)
    known = set(catalogue)
    # gen.py misspells by replacing the last letter with «x» (or appending one to a short id)
    fix = {c[:-1] + "x" if len(c) > 3 else c + "x": c for c in catalogue}

    def mend(m: re.Match[str]) -> str:
        ident = m.group(2)
        return m.group(1) + (ident if ident in known else fix.get(ident, ident))

    for f in (root / "processes").glob("*.yaml"):
        text = f.read_text(encoding="utf-8")
        new = _ENTRY.sub(mend, text)
        if new != text:
            f.write_text(new, encoding="utf-8")
    return root


def _measure(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds of the child and its peak memory in MB."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)}: exit {code}\n{err.decode(errors='replace')[-2000:]}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--processes", default="1000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--src", type=Path, default=None, help="time another checkout's src/")
    args = ap.parse_args(argv)
    env = dict(os.environ)
    src = (args.src or REPO / "src").resolve()
    env["PYTHONPATH"] = str(src) + os.pathsep + env.get("PYTHONPATH", "")
    tpkit = [sys.executable, "-m", "tpkit"]
    print("\n| register DOCX | rows | lint wall (cpu) | render wall (cpu) | render / lint | render peak |")
    print("|---|---|---|---|---|---|")
    for n in (int(x) for x in args.processes.split(",")):
        root = clean_registry(OUT / f"render-{n}", n)
        out = root.parent / f"render-{n}.docx"
        lint_cmd = [*tpkit, "lint", "--format", "json", "--fail-on", "never", "."]
        render_cmd = [*tpkit, "render", "register", "--format", "docx", "--output", str(out)]
        lint, render = [], []
        for _ in range(args.runs):
            lint.append(_measure(lint_cmd, root, env))
            render.append(_measure(render_cmd, root, env))
        lw, lc = statistics.median(s[0] for s in lint), statistics.median(s[1] for s in lint)
        rw, rc = statistics.median(s[0] for s in render), statistics.median(s[1] for s in render)
        peak = max(s[2] for s in render)
        verdict = "met" if rc / lc <= 6 and peak < 400 else "NOT met"
        print(
            f"| {n:,} processes | {n * 10:,} | {lw:.2f} s ({lc:.2f} s) | {rw:.2f} s ({rc:.2f} s) "
            f"| {rw / lw:.1f}× wall, {rc / lc:.1f}× cpu | {peak:.0f} MB |"
        )
        print(f"  goal ≤ 6 × lint (cpu) and < 400 MB: {verdict}")


if __name__ == "__main__":
    main()
