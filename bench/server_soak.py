"""A soak test of tpkit server: hundreds of edits on a big registry, each answered in time, memory flat.

    PYTHONPATH=src python bench/server_soak.py [--processes 1000] [--edits 300] [--strict]

Generates a registry of N processes (bench/gen.py), starts ``tpkit server`` as an editor does (a child
speaking JSON-RPC over stdio), opens one process file and edits its unsaved buffer E times: an even edit
types a duplicate touchpoint entry (a different one each time, so TP104 appears at another place), an odd
edit takes it out. After each edit it waits for the ``publishDiagnostics`` of that edit's version (TP104
present or gone) and times it from sending ``didChange``, debounce included. The server's resident memory
(``VmRSS`` from ``/proc``, Linux) is read after every edit.

Goals: every edit's diagnostics within 2 s; memory flat: the last RSS at most 10 % above the RSS after the
first tenth of the edits (the warm-up: caches filled). ``--strict``: exit 1 when a goal is not met (``make
bench`` reports and goes on).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
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

LATENCY_GOAL = 2.0
RSS_GROWTH_GOAL = 0.10


def rss_mb(pid: int) -> float | None:
    """The resident memory of a process in MB (``None`` where /proc is absent)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return None
    kb = next((int(ln.split()[1]) for ln in status.splitlines() if ln.startswith("VmRSS:")), None)
    return None if kb is None else kb / 1024


def cpu_s(pid: int) -> float | None:
    """CPU seconds (user + system) a process has used (``None`` where /proc is absent)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def edits_of(text: str, count: int) -> list[tuple[str, bool]]:
    """``count`` buffer texts: a duplicate of the k-th entry typed at the end of the list, then taken out."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, ln in enumerate(lines) if ln.startswith("touchpoints:"))
    end = next((i for i in range(start + 1, len(lines)) if lines[i][:1] not in (" ", "-", "\n")), len(lines))
    entries = [ln.split(":", 1)[1].strip() for ln in lines[start:end] if ln.startswith("  - touchpoint:")]
    out: list[tuple[str, bool]] = []
    for i in range(count):
        if i % 2:
            out.append((text, False))
            continue
        tp = entries[(i // 2) % len(entries)]
        dup = f"  - touchpoint: {tp}   # правка {i}\n    needs: [info]\n"
        out.append(("".join(lines[:end]) + dup + "".join(lines[end:]), True))
    return out


def soak(root: Path, rel: str, edits: int) -> tuple[list[float], list[float], list[float]]:
    """Seconds from each didChange to its diagnostics, the server's CPU seconds for it, its RSS in MB after it."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    client = LspClient(cwd=root)
    try:
        client.initialize(root)
        uri = client.open(path)
        client.diagnostics(uri, timeout=120)
        latencies: list[float] = []
        cpu: list[float] = []
        rss: list[float] = []
        for i, (body, bad) in enumerate(edits_of(text, edits)):
            version = i + 2
            c0 = cpu_s(client.proc.pid)
            t0 = time.perf_counter()
            client.change(uri, body, version)
            params = client.wait_note(
                "textDocument/publishDiagnostics", lambda p, v=version: p["uri"] == uri and p.get("version") == v, 60
            )
            latencies.append(time.perf_counter() - t0)
            c1 = cpu_s(client.proc.pid)
            if c0 is not None and c1 is not None:
                cpu.append(c1 - c0)
            found = any(d["code"] == "TP104" for d in params["diagnostics"])
            assert found == bad, f"edit {i}: TP104 {'missing' if bad else 'still there'}"
            client.drop_notes()
            mb = rss_mb(client.proc.pid)
            if mb is not None:
                rss.append(mb)
        assert client.close() == 0, "the server did not exit 0 after shutdown"
        return latencies, cpu, rss
    finally:
        if client.proc.poll() is None:
            client.proc.kill()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--processes", type=int, default=1000)
    ap.add_argument("--edits", type=int, default=300)
    ap.add_argument("--strict", action="store_true", help="exit 1 when a goal is not met")
    args = ap.parse_args()
    if importlib.util.find_spec("pygls") is None:
        print("tpkit server soak: skipped (pygls is not installed: pip install 'tpkit[server]')")
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = generate(Path(tmp) / "big", args.processes)
        rel = sorted(p.relative_to(root).as_posix() for p in (root / "processes").glob("*.yaml"))[0]
        t0 = time.perf_counter()
        latencies, cpu, rss = soak(root, rel, args.edits)
        wall = time.perf_counter() - t0
    worst = max(latencies)
    p95 = sorted(latencies)[int(0.95 * (len(latencies) - 1))]
    ok_latency = worst <= LATENCY_GOAL
    load = f", load average {os.getloadavg()[1]:.1f} on {os.cpu_count()} cores" if hasattr(os, "getloadavg") else ""
    print(f"\n## tpkit server soak: {args.edits} edits on {args.processes:,} processes ({wall:.0f} s{load})\n")
    print(
        f"- change -> diagnostics: median {statistics.median(latencies) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
        f"worst {worst * 1000:.0f} ms (goal {LATENCY_GOAL:.0f} s: {'met' if ok_latency else 'NOT met'})"
    )
    if cpu:
        slowest = sorted(range(len(latencies)), key=latencies.__getitem__)[-3:][::-1]
        print(
            f"- server CPU per edit: median {statistics.median(cpu) * 1000:.0f} ms, worst {max(cpu) * 1000:.0f} ms; "
            "the slowest edits (wall / CPU): "
            + ", ".join(f"#{i + 1} {latencies[i] * 1000:.0f} / {cpu[i] * 1000:.0f} ms" for i in slowest)
        )
    ok_rss = True
    if rss:
        warm = rss[max(0, len(rss) // 10 - 1)]
        growth = (rss[-1] - warm) / warm
        ok_rss = growth <= RSS_GROWTH_GOAL
        print(
            f"- server RSS: first {rss[0]:.0f} MB, after warm-up ({len(rss) // 10} edits) {warm:.0f} MB, "
            f"last {rss[-1]:.0f} MB, peak {max(rss):.0f} MB: {growth:+.1%} after warm-up "
            f"(goal ≤ {RSS_GROWTH_GOAL:.0%}: {'met' if ok_rss else 'NOT met'})"
        )
    else:
        print("- server RSS: not measured (no /proc)")
    if args.strict and not (ok_latency and ok_rss):
        sys.exit(1)


if __name__ == "__main__":
    main()
