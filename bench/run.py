"""``make bench``: tpkit lint against check-jsonschema, side by side, on generated registries.

For each size (100, 1,000 and 10,000 processes of ten touchpoint entries
each) it generates a registry into ``bench/out/`` (once; the generator is
deterministic), then runs, interleaved so that a busy machine slows both
alike:

- ``tpkit lint --format json`` on the registry (all rules, every file);
- ``check-jsonschema --schemafile process.schema.json processes/*.yaml``
  with tpkit's own process schema, i.e. a schema-only check of the process
  files alone;

and prints the median wall time and CPU time (user + system of the child),
the ratio, and the child's peak memory (``ru_maxrss`` from ``wait4``).
Then small runs: ``tpkit --version`` against ``yamllint --version``, and
``tpkit lint`` on the worked example (``examples/registry``) against
``yamllint -d relaxed`` on the same files; and the time of ``tpkit render
procedure --all`` on the worked example.

``--src OTHER/src`` times another checkout's code (``python -m tpkit`` with
that folder first on ``PYTHONPATH``): the before/after tables of a change
come from one run of each, on the same machine.

Usage: ``python bench/run.py [--sizes 100,1000,10000] [--runs N] [--quick] [--src DIR]``
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))

from gen import generate  # noqa: E402


@dataclass
class Sample:
    wall: float
    cpu: float
    rss_mb: float
    code: int


@dataclass
class Stat:
    wall: float
    cpu: float
    rss_mb: float
    runs: int

    @classmethod
    def of(cls, samples: list[Sample]) -> Stat:
        return cls(
            statistics.median(s.wall for s in samples),
            statistics.median(s.cpu for s in samples),
            max(s.rss_mb for s in samples),
            len(samples),
        )


def _tool(name: str) -> list[str] | None:
    """A console script next to this interpreter, else on PATH."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return [str(here)]
    found = shutil.which(name)
    return [found] if found else None


def tpkit_cmd(src: Path | None = None) -> tuple[list[str], dict[str, str]]:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src.resolve()) + os.pathsep + env.get("PYTHONPATH", "")
        return [sys.executable, "-m", "tpkit"], env
    script = Path(sys.executable).parent / "tpkit"
    if script.exists():
        return [str(script)], env
    env["PYTHONPATH"] = str(REPO / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return [sys.executable, "-m", "tpkit"], env


def _compile_bytecode(env: dict[str, str]) -> None:
    """Time tpkit as installed (pip writes .pyc files), not recompiling its sources on every run.

    An editable install with PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module each time, which
    doubles the start-up time; yamllint and check-jsonschema, installed from wheels, have their .pyc files.
    """
    where = subprocess.run(
        [sys.executable, "-c", "import tpkit, os; print(os.path.dirname(tpkit.__file__))"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    subprocess.run([sys.executable, "-m", "compileall", "-q", where], env=env, check=True, capture_output=True)


def measure(cmd: list[str], cwd: Path, env: dict[str, str] | None = None, ok: tuple[int, ...] = (0, 1)) -> Sample:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in ok:
        raise SystemExit(f"{' '.join(cmd[:4])}…: exit {proc.returncode}\n{err.decode(errors='replace')[-2000:]}")
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode)


def registry(n: int) -> Path:
    root = OUT / f"registry-{n}"
    stamp = root / ".bench-stamp"
    gen_mtime = str((HERE / "gen.py").stat().st_mtime_ns)
    if not (stamp.is_file() and stamp.read_text() == gen_mtime):
        print(f"generating {n} processes into {root.relative_to(REPO)} …", flush=True)
        generate(root, n)
        stamp.write_text(gen_mtime)
    return root


def dir_size(root: Path, pattern: str) -> tuple[int, int]:
    files = list(root.glob(pattern))
    return len(files), sum(f.stat().st_size for f in files)


def fmt_s(x: float) -> str:
    return f"{x:.2f} s" if x >= 1 else f"{x * 1000:.0f} ms"


def main() -> None:
    ap = argparse.ArgumentParser(description="tpkit lint vs check-jsonschema")
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--runs", type=int, default=5, help="runs per measurement up to 1,000 processes")
    ap.add_argument("--big-runs", type=int, default=3, help="tpkit runs at 10,000 processes")
    ap.add_argument("--big-cj-runs", type=int, default=1, help="check-jsonschema runs at 10,000 processes")
    ap.add_argument("--startup-runs", type=int, default=15)
    ap.add_argument("--quick", action="store_true", help="100 and 1,000 only, 3 runs")
    ap.add_argument("--json", type=Path, default=OUT / "results.json", help="also write the figures here")
    ap.add_argument("--src", type=Path, help="time the tpkit package in this src folder (another checkout)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.quick:
        sizes = [s for s in sizes if s <= 1000]
        args.runs = 3
    OUT.mkdir(parents=True, exist_ok=True)
    tpkit, env = tpkit_cmd(args.src)
    cj = _tool("check-jsonschema")
    yamllint = _tool("yamllint")
    results: dict[str, object] = {"machine": {"cpus": os.cpu_count(), "load": os.getloadavg()}}

    _compile_bytecode(env)
    version = subprocess.run([*tpkit, "--version"], env=env, capture_output=True, text=True).stdout.strip()
    schemas = OUT / "schemas"
    subprocess.run([*tpkit, "schema", "--output", str(schemas)], env=env, check=True, capture_output=True)
    schema = schemas / "process.schema.json"
    print(f"{version}; {os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f}; cmd: {' '.join(tpkit)}")
    print("median of N runs; cpu = user+sys of the child; peak = the child's max RSS\n")

    rows = []
    tp_stats: dict[int, Stat] = {}
    for n in sizes:
        root = registry(n)
        nproc, pbytes = dir_size(root, "processes/*.yaml")
        nall, abytes = dir_size(root, "**/*.yaml")
        big = n > 1000
        tp_runs = args.big_runs if big else args.runs
        cj_runs = args.big_cj_runs if big else args.runs
        lint_cmd = [*tpkit, "lint", "--format", "json"]
        files = sorted(str(p.relative_to(root)) for p in root.glob("processes/*.yaml"))
        cj_cmd = [*cj, "--schemafile", str(schema), *files] if cj else None
        measure(lint_cmd, root, env)  # warm the page cache and the bytecode
        tp_s: list[Sample] = []
        cj_s: list[Sample] = []
        for i in range(max(tp_runs, cj_runs)):
            if i < tp_runs:
                tp_s.append(measure(lint_cmd, root, env))
            if cj_cmd and i < cj_runs:
                cj_s.append(measure(cj_cmd, root))
        t = Stat.of(tp_s)
        tp_stats[n] = t
        c = Stat.of(cj_s) if cj_s else None
        rows.append((n, nall, abytes, nproc, pbytes, t, c))
        print(
            f"  {n:>6} processes: tpkit {fmt_s(t.wall)} (cpu {fmt_s(t.cpu)}, {t.runs} runs)"
            + (f"; check-jsonschema {fmt_s(c.wall)} (cpu {fmt_s(c.cpu)}, {c.runs} runs)" if c else ""),
            flush=True,
        )

    print()
    head = (
        "| processes | tpkit lint: files, MB | tpkit wall (cpu) | check-jsonschema: files, MB | "
        "check-jsonschema wall (cpu) | ratio wall (cpu) | tpkit peak | check-jsonschema peak | runs |"
    )
    table = [head, "|---:|---|---|---|---|---|---|---|---|"]
    for n, nall, abytes, nproc, pbytes, t, c in rows:
        ratio = f"{t.wall / c.wall:.2f}× ({t.cpu / c.cpu:.2f}×)" if c else "–"
        table.append(
            f"| {n:,} | {nall}, {abytes / 1e6:.1f} | {fmt_s(t.wall)} ({fmt_s(t.cpu)}) | {nproc}, {pbytes / 1e6:.1f} | "
            + (f"{fmt_s(c.wall)} ({fmt_s(c.cpu)})" if c else "–")
            + f" | {ratio} | {t.rss_mb:.0f} MB | "
            + (f"{c.rss_mb:.0f} MB" if c else "–")
            + f" | {t.runs}/{c.runs if c else 0} |"
        )
    print("\n".join(table))
    results["lint"] = [
        {"processes": n, "files": nall, "bytes": abytes, "tpkit": vars(t), "check_jsonschema": vars(c) if c else None}
        for n, nall, abytes, nproc, pbytes, t, c in rows
    ]

    # --- small runs ------------------------------------------------------------------
    example = REPO / "examples" / "registry"
    example_files = sorted(str(p.relative_to(example)) for p in example.rglob("*.yaml"))
    startup: list[tuple[str, Stat]] = []
    cmds: list[tuple[str, list[str], dict[str, str] | None]] = []
    if yamllint:
        cmds.append(("yamllint --version", [*yamllint, "--version"], None))
        cmds.append(
            (
                f"yamllint -d relaxed (example, {len(example_files)} files)",
                [*yamllint, "-d", "relaxed", *example_files],
                None,
            )
        )
    cmds.append(("tpkit --version", [*tpkit, "--version"], env))
    cmds.append((f"tpkit lint (example, {len(example_files)} files)", [*tpkit, "lint"], env))
    samples: dict[str, list[Sample]] = {name: [] for name, _, _ in cmds}
    for _name, cmd, e in cmds:
        measure(cmd, example, e)  # warm-up
    for _ in range(args.startup_runs):
        for name, cmd, e in cmds:
            samples[name].append(measure(cmd, example, e))
    stats = {name: Stat.of(samples[name]) for name, _, _ in cmds}
    print(f"\n| small runs ({args.startup_runs} runs) | wall (cpu) | peak |")
    print("|---|---|---|")
    for name, s in stats.items():
        startup.append((name, s))
        print(f"| {name} | {fmt_s(s.wall)} ({fmt_s(s.cpu)}) | {s.rss_mb:.0f} MB |")
    results["startup"] = [{"name": name, **vars(s)} for name, s in startup]

    # --- render ------------------------------------------------------------------------
    has_render = subprocess.run([*tpkit, "render", "--help"], env=env, capture_output=True).returncode == 0
    if example.is_dir() and has_render:
        with tempfile.TemporaryDirectory() as tmp:
            cmd = [*tpkit, "render", "procedure", "--all", "--output", tmp + "/"]
            rs = [measure(cmd, example, env, ok=(0,)) for _ in range(3)]
        s = Stat.of(rs)
        print(
            f"\ntpkit render procedure --all (example, docx, 3 runs): {fmt_s(s.wall)} (cpu {fmt_s(s.cpu)}), "
            f"peak {s.rss_mb:.0f} MB"
        )
        results["render"] = vars(s)
    else:
        print("\ntpkit render procedure --all: not measured (no render command or no example registry yet)")

    # --- goals --------------------------------------------------------------------------
    print("\ngoals:")
    by_n = {r[0]: r for r in rows}
    if 1000 in by_n and by_n[1000][6] is not None:
        t, c = by_n[1000][5], by_n[1000][6]
        print(
            f"  lint 1,000 ≤ 0.33 × check-jsonschema: {t.wall / c.wall:.2f}× wall, {t.cpu / c.cpu:.2f}× cpu "
            f"-> {'met' if t.wall / c.wall <= 0.33 else 'NOT met'}"
        )
    if 1000 in tp_stats and 10000 in tp_stats:
        g_w = tp_stats[10000].wall / tp_stats[1000].wall
        g_c = tp_stats[10000].cpu / tp_stats[1000].cpu
        print(f"  10,000 ≤ 11 × 1,000: {g_w:.1f}× wall, {g_c:.1f}× cpu -> {'met' if g_w <= 11 else 'NOT met'}")
        mem = tp_stats[10000].rss_mb
        print(f"  peak memory at 10,000 < 1 GB: {mem:.0f} MB -> {'met' if mem < 1024 else 'NOT met'}")
    if yamllint:
        names = [name for name, _ in startup]
        pairs = [(names[2], names[0], 1.5), (names[3], names[1], 2.0)]
        for mine, theirs, limit in pairs:
            a, b = stats[mine], stats[theirs]
            print(
                f"  {mine} ≤ {limit} × {theirs}: {a.wall / b.wall:.2f}× wall, {a.cpu / b.cpu:.2f}× cpu "
                f"-> {'met' if a.wall / b.wall <= limit else 'NOT met'}"
            )
    args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    # --- tpkit server (optional: the server extra) ----------------------------------------
    if subprocess.run([*tpkit, "server", "--help"], env=env, capture_output=True).returncode == 0:
        subprocess.run([sys.executable, str(HERE / "server.py")], env=env, check=False)

    # --- the register DOCX at 10,000 rows against lint (bench/render.py) ------------------
    if has_render and not args.quick:
        subprocess.run([sys.executable, str(HERE / "render.py"), *(["--src", str(args.src)] if args.src else [])])


if __name__ == "__main__":
    main()
