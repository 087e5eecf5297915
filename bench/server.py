"""How fast tpkit server answers an edit: start it, open a process, change the buffer, time the diagnostics.

    PYTHONPATH=src python bench/server.py [--processes 1000] [--runs 10]

The worked example (examples/registry) and a generated registry of N processes. Each run types a duplicate
touchpoint entry into the unsaved buffer (TP104 must appear) or takes it out again (it must disappear) and
times from sending ``didChange`` to the ``publishDiagnostics`` that shows it, debounce included. The goals:
300 ms on the example, 1 s at 1,000 processes.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "tests"))

from gen import generate  # noqa: E402
from lsp_client import LspClient  # noqa: E402

DUPLICATE = "  - touchpoint: {tp}\n    needs: [info]\n"


def measure(root: Path, rel: str, runs: int) -> tuple[float, list[float]]:
    """(seconds to the first diagnostics after opening, seconds per change)."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    first_tp = next(ln.split(":", 1)[1].strip() for ln in lines if ln.startswith("  - touchpoint:"))
    # the duplicate goes at the end of the touchpoints list: before the next top-level key after it
    start = next(i for i, ln in enumerate(lines) if ln.startswith("touchpoints:"))
    end = next((i for i in range(start + 1, len(lines)) if lines[i][:1] not in (" ", "-", "\n")), len(lines))
    dup = "".join(lines[:end]) + DUPLICATE.format(tp=first_tp) + "".join(lines[end:])
    client = LspClient(cwd=root)
    try:
        client.initialize(root)
        t0 = time.perf_counter()
        uri = client.open(path)
        client.diagnostics(uri, timeout=120)
        opened = time.perf_counter() - t0
        times: list[float] = []
        for i in range(runs):
            bad = i % 2 == 0
            t0 = time.perf_counter()
            client.change(uri, dup if bad else text, i + 2)
            client.diagnostics(uri, lambda d, bad=bad: any(x["code"] == "TP104" for x in d) == bad)
            times.append(time.perf_counter() - t0)
        client.close()
        return opened, times
    finally:
        if client.proc.poll() is None:
            client.proc.kill()


def report(name: str, opened: float, times: list[float], goal: float) -> bool:
    med, worst = statistics.median(times), max(times)
    ok = med <= goal
    print(
        f"| {name} | {opened * 1000:.0f} ms | {med * 1000:.0f} ms | {worst * 1000:.0f} ms | "
        f"{goal * 1000:.0f} ms: {'met' if ok else 'NOT met'} |"
    )
    return ok


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--processes", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()
    print("\n| tpkit server: change -> diagnostics | open (cold) | median | worst | goal |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        example = Path(tmp) / "example"
        shutil.copytree(REPO / "examples" / "registry", example)
        opened, times = measure(example, "processes/child-benefit.yaml", args.runs)
        report("worked example", opened, times, 0.3)
        big = Path(tmp) / "big"
        generate(big, args.processes)
        rel = sorted(p.relative_to(big).as_posix() for p in (big / "processes").glob("*.yaml"))[0]
        opened, times = measure(big, rel, args.runs)
        report(f"{args.processes:,} processes", opened, times, 1.0)


if __name__ == "__main__":
    main()
