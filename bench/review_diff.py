"""Time ``tpkit diff A B`` against ``tpkit lint`` on a generated 1,000-process registry in a git repository.

    PYTHONPATH=src python bench/review_diff.py [--processes 1000] [--changed 0.1] [--runs 3] [--keep DIR]

Revision A is the generated registry; revision B changes a share of its
processes (needs added and removed, entries added and removed, a low-demand
entry dropped, titles edited, files renamed) and one procedure section. The
goal (issue 6): ``tpkit diff A B`` takes under twice the time of
``tpkit lint``. Prints the median wall time of each command.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BASE = REPO / "tests" / "fixtures" / "base"

CHANNELS = ["website", "portal", "call_center", "chatbot", "email", "reception", "one_stop_center", "mail", "messenger"]
NEEDS = ["info", "consultation", "forms", "submit", "status", "result", "inspection", "feedback", "feedback_result"]
DIRECTIONS = ["services", "functions", "support", "control", "appeals"]


def _touchpoints(n: int) -> str:
    out = ["touchpoints:"]
    for i in range(n):
        ch = CHANNELS[i % len(CHANNELS)]
        out += [f"  - id: tp{i:02}", f"    name: Точка взаимодействия № {i}", f"    channel: {ch}"]
        if ch in ("reception", "one_stop_center", "mail"):
            out += ["    address: г. Энск, ул. Ленина, д. 1", "    accessibility: [Пандус у входа]"]
        out += ["    basis: [ar-benefit]", "    responsible: petrova"]
    return "\n".join(out) + "\n"


def _process(i: int, rng: random.Random, n_tp: int) -> dict:
    tps = rng.sample(range(n_tp), rng.randint(4, 8))
    entries = []
    for j, t in enumerate(tps):
        needs = sorted(rng.sample(NEEDS, rng.randint(1, 4)))
        if j == 0:
            needs = sorted(set(needs) | {"info", "consultation", "feedback", "feedback_result", "status"})
        demand = rng.choice([None, 120, 5000, "low", "unknown"])
        entries.append({"tp": f"tp{t:02}", "needs": needs, "demand": demand})
    return {
        "id": f"proc-{i:04}",
        "title": f"Процесс № {i} — назначение меры поддержки",
        "dir": DIRECTIONS[i % 5],
        "entries": entries,
    }


def _dump(p: dict) -> str:
    out = [
        f"id: {p['id']}",
        f"title: {p['title']}",
        f"direction: {p['dir']}",
        "units: [benefits]",
        "basis: [ar-benefit]",
        "touchpoints:",
    ]
    for e in p["entries"]:
        out += [f"  - touchpoint: {e['tp']}", f"    needs: [{', '.join(e['needs'])}]"]
        if e["demand"] is not None:
            out.append(f"    demand: {e['demand']}")
    out += [
        "notifications:",
        "  - event: Заявление принято к рассмотрению",
        f"    touchpoint: {p['entries'][0]['tp']}",
        "    automatic: true",
        "    next_step: Решение принимается в течение 10 рабочих дней",
    ]
    return "\n".join(out) + "\n"


def generate(root: Path, n: int, n_tp: int, seed: int = 1) -> list[dict]:
    shutil.copytree(BASE, root)
    shutil.rmtree(root / "processes")
    (root / "processes").mkdir()
    (root / "touchpoints.yaml").write_text(_touchpoints(n_tp), encoding="utf-8")
    rng = random.Random(seed)
    procs = [_process(i, rng, n_tp) for i in range(n)]
    for p in procs:
        (root / "processes" / f"{p['id']}.yaml").write_text(_dump(p), encoding="utf-8")
    return procs


def mutate(root: Path, procs: list[dict], share: float, n_tp: int, seed: int = 2) -> None:
    rng = random.Random(seed)
    picked = rng.sample(procs, int(len(procs) * share))
    for k, p in enumerate(picked):
        kind = k % 5
        if kind == 0:
            e = p["entries"][-1]
            e["needs"] = sorted(set(e["needs"]) ^ {rng.choice(NEEDS)}) or ["info"]
        elif kind == 1:
            used = {e["tp"] for e in p["entries"]}
            free = [f"tp{t:02}" for t in range(n_tp) if f"tp{t:02}" not in used]
            p["entries"].append({"tp": rng.choice(free), "needs": ["info"], "demand": None})
        elif kind == 2 and len(p["entries"]) > 2:
            p["entries"].pop()
        elif kind == 3:
            p["title"] += " (ред.)"
        else:
            p["entries"].reverse()  # reordering: no change in meaning
        (root / "processes" / f"{p['id']}.yaml").write_text(_dump(p), encoding="utf-8")
    # two renames with the id kept, one removal, one addition
    os.replace(root / "processes" / "proc-0001.yaml", root / "processes" / "proc-0001-renamed.yaml")
    (root / "processes" / "proc-0002.yaml").unlink()
    extra = _process(len(procs), rng, n_tp)
    (root / "processes" / f"{extra['id']}.yaml").write_text(_dump(extra), encoding="utf-8")
    proc = root / "procedures" / "all.yaml"
    proc.write_text(proc.read_text(encoding="utf-8").replace("ежемесячно", "еженедельно"), encoding="utf-8")


def git(top: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "b",
        "GIT_AUTHOR_EMAIL": "b@b",
        "GIT_COMMITTER_NAME": "b",
        "GIT_COMMITTER_EMAIL": "b@b",
    }
    return subprocess.run(["git", *args], cwd=top, env=env, check=True, capture_output=True, text=True).stdout.strip()


def timed_once(cmd: list[str], cwd: Path) -> tuple[float, float, int]:
    """Wall time and CPU time (user + system of the child and its git calls) of one run."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True)
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode not in (0, 1):
        sys.stderr.write(p.stderr.decode())
    return wall, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime), p.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--processes", type=int, default=1000)
    ap.add_argument("--touchpoints", type=int, default=40)
    ap.add_argument("--changed", type=float, default=0.1)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="Build the repository here and keep it.")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="tpkit-bench-")) if args.keep is None else args.keep
    top = tmp / "repo"
    top.mkdir(parents=True)
    git(top, "init", "-q")
    root = top / "registry"
    procs = generate(root, args.processes, args.touchpoints)
    git(top, "add", "-A")
    git(top, "commit", "-qm", "A")
    a = git(top, "rev-parse", "HEAD")
    mutate(root, procs, args.changed, args.touchpoints)
    git(top, "add", "-A")
    git(top, "commit", "-qm", "B")
    b = git(top, "rev-parse", "HEAD")
    py = sys.executable
    print(
        f"registry: {args.processes} processes, {args.touchpoints} touchpoints; B changes {args.changed:.0%}; {args.runs} runs, median"
    )
    rows = [
        ("tpkit lint", [py, "-m", "tpkit", "lint", "--format", "json"]),
        ("tpkit diff A B", [py, "-m", "tpkit", "diff", a, b, "--format", "json"]),
        ("tpkit diff A B --format md", [py, "-m", "tpkit", "diff", a, b, "--format", "md"]),
        ("tpkit diff A (working tree)", [py, "-m", "tpkit", "diff", a, "--format", "json"]),
        ("tpkit lint --since A", [py, "-m", "tpkit", "lint", "--since", a, "--format", "json"]),
    ]
    # the commands take turns, round after round, so that a change in the machine's load hits them all alike
    samples: dict[str, list[tuple[float, float, int]]] = {name: [] for name, _ in rows}
    for _ in range(args.runs):
        for name, cmd in rows:
            samples[name].append(timed_once(cmd, root))
    print(f"  {'command':<30} {'wall':>7} {'cpu':>7}   vs tpkit lint")
    lint_wall = statistics.median(s[0] for s in samples[rows[0][0]])
    lint_cpu = statistics.median(s[1] for s in samples[rows[0][0]])
    for name, _ in rows:
        wall = statistics.median(s[0] for s in samples[name])
        cpu = statistics.median(s[1] for s in samples[name])
        code = samples[name][-1][2]
        print(
            f"  {name:<30} {wall:6.2f}s {cpu:6.2f}s   wall {wall / lint_wall:4.2f}x, cpu {cpu / lint_cpu:4.2f}x  (exit {code})"
        )
    if args.keep is None:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
