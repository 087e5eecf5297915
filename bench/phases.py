"""Where the time of ``tpkit lint`` goes, phase by phase and rule by rule (CPU time, in-process).

Usage: ``python bench/phases.py REGISTRY [--cprofile N] [--no-gc-pause]``

Phases: imports, read + parse (YAML to data), validate + build the Registry
(models, indexes, references), each rule, the engine's findings (positions,
fingerprints, suppressions), the JSON report. ``--cprofile N`` also prints
the N functions with the most own time over the whole run.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if "--src" in sys.argv:  # another checkout's code, e.g. the code before a change
    sys.path.insert(0, sys.argv[sys.argv.index("--src") + 1])
else:
    sys.path.insert(0, str(REPO / "src"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("root", type=Path)
    ap.add_argument("--cprofile", type=int, default=0, metavar="N")
    ap.add_argument("--no-gc-pause", action="store_true", help="leave the garbage collector on (as before)")
    ap.add_argument("--src", help="import tpkit from this folder instead of the checkout's src/")
    args = ap.parse_args()

    prof = None
    if args.cprofile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    clock = time.process_time
    marks: list[tuple[str, float]] = []
    t = clock()

    def mark(name: str) -> None:
        nonlocal t
        now = clock()
        marks.append((name, now - t))
        t = now

    from tpkit import cli  # noqa: F401  (what the command imports)
    from tpkit.config import load_config
    from tpkit.lint import engine
    from tpkit.lint.rule import catalogue
    from tpkit.registry import find_root
    from tpkit.registry.load import discover, load_registry
    from tpkit.registry.source import read_source
    from tpkit.report import get_reporter

    mark("import")
    paused = not args.no_gc_pause
    if paused:  # as the command line does for a one-shot command (tpkit.cli.app.pause_collector)
        gc.disable()
    root = find_root(args.root)
    config = load_config(root)
    sources = [read_source(root, p, kind) for p, kind in discover(root)]
    mark("read + parse")
    reg = load_registry(root, sources)
    mark("validate + registry")
    cat = catalogue()
    for code, rule in cat.items():
        list(rule().check(reg))
        mark(f"rule {code}")
    result = engine.lint(reg, config)
    now = clock()
    rules_again = sum(v for k, v in marks if k.startswith("rule "))
    marks.append(("engine (rules again + findings)", now - t))
    t = now
    get_reporter("json")(result, root=".", lang="ru", color=False)
    mark("json report")
    if prof is not None:
        prof.disable()

    total = sum(v for _, v in marks)
    print(f"{root}: {len(reg.files)} files, {len(result.findings)} findings, gc {'paused' if paused else 'on'}")
    rules = [(k, v) for k, v in marks if k.startswith("rule ")]
    for name, v in marks:
        if name.startswith("rule "):
            continue
        print(f"  {name:<34} {v * 1000:8.0f} ms")
    print(f"  {'rules, each once (sum)':<34} {rules_again * 1000:8.0f} ms")
    for name, v in sorted(rules, key=lambda kv: -kv[1])[:8]:
        print(f"    {name:<32} {v * 1000:8.1f} ms")
    print(f"  {'total (rules counted once more)':<34} {total * 1000:8.0f} ms")
    if prof is not None:
        import pstats

        pstats.Stats(prof).sort_stats("tottime").print_stats(args.cprofile)
    gc.enable()
    gc.collect()


if __name__ == "__main__":
    main()
