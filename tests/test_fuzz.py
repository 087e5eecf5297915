"""Property-based and fuzz tests: random valid registries and byte-level mutations of valid files.

Bounded by default (``TPKIT_FUZZ_EXAMPLES``, default 10 examples a property, 4x that for the cheap mutations, derandomized so a CI run is
repeatable); ``make fuzz`` runs them with 5000 examples and a fresh random seed.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from conftest import BASE, EXAMPLE, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tpkit.lint.engine import lint
from tpkit.registry import load_registry
from tpkit.registry.enums import ACT_KINDS, APPROVAL_KINDS, CHANNELS, DIRECTIONS, NEEDS, TOOL_KINDS
from tpkit.registry.models import Config
from tpkit.report import FORMATS, get_reporter

EXAMPLES = int(os.environ.get("TPKIT_FUZZ_EXAMPLES", "10"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize="TPKIT_FUZZ_EXAMPLES" not in os.environ,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
STRUCTURE = {"TP001", "TP002", "TP003", "TP004", "TP005", "TP006"}
JSON_KEYS = {
    "rule",
    "name",
    "severity",
    "message",
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "yaml_path",
    "object",
    "fingerprint",
}

# --- strategies built from the models' vocabularies ------------------------------------------

ids = st.from_regex(r"[a-z][a-z0-9_-]{0,10}", fullmatch=True)
# letters, digits, punctuation, symbols and spaces of any script: what people type (no control characters)
texts = st.text(st.characters(categories=("L", "N", "P", "S", "Zs"), codec="utf-8"), min_size=1, max_size=30)


def _unique(draw: st.DrawFn, n_min: int, n_max: int, avoid: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    return draw(st.lists(ids.filter(lambda x: x not in avoid), min_size=n_min, max_size=n_max, unique=True))


def _some(draw: st.DrawFn, items: list[str], max_size: int = 3) -> list[str]:
    if not items:
        return []
    return draw(st.lists(st.sampled_from(items), max_size=max_size, unique=True))


@st.composite
def registries(draw: st.DrawFn) -> dict[str, Any]:
    """A registry valid by construction: every reference names something that exists."""
    units = _unique(draw, 1, 3)
    officials = _unique(draw, 1, 3)
    own_needs = _unique(draw, 0, 2, avoid=set(NEEDS))
    acts = _unique(draw, 0, 3)
    tps = _unique(draw, 1, 5)
    processes = _unique(draw, 0, 3)
    procedures = _unique(draw, 0, 2)
    needs = list(NEEDS) + own_needs
    files: dict[str, Any] = {"tpkit.yaml": {"version": 1}}
    agency: dict[str, Any] = {
        "id": draw(ids),
        "name": draw(texts),
        "units": [{"id": u, "name": draw(texts)} for u in units],
        "officials": [
            {
                "id": o,
                "name": draw(texts),
                "position": draw(texts),
                "unit": draw(st.sampled_from(units)),
                "line_manager": draw(st.booleans()),
            }
            for o in officials
        ],
        "needs": [{"id": n, "name": draw(texts)} for n in own_needs],
    }
    if draw(st.booleans()):
        agency["register"] = {
            "responsible": draw(st.sampled_from(officials)),
            "approval": {
                "kind": draw(st.sampled_from(list(APPROVAL_KINDS))),
                "number": draw(texts),
                "date": draw(st.dates()).isoformat(),
            },
        }
    files["agency.yaml"] = agency
    files["acts.yaml"] = {
        "acts": [{"id": a, "kind": draw(st.sampled_from(list(ACT_KINDS))), "title": draw(texts)} for a in acts]
    }
    files["touchpoints.yaml"] = {
        "touchpoints": [
            {
                "id": t,
                "name": draw(texts),
                "channel": draw(st.sampled_from(list(CHANNELS))),
                "basis": _some(draw, acts),
                "responsible": draw(st.sampled_from(officials)),
            }
            for t in tps
        ]
    }
    features: list[str] = []
    for p in processes:
        feats = _unique(draw, 0, 2)
        features.extend(feats)
        entries = []
        for t in draw(st.lists(st.sampled_from(tps), max_size=4, unique=True)):
            entry: dict[str, Any] = {"touchpoint": t, "needs": _some(draw, needs, 4)}
            demand = draw(st.one_of(st.none(), st.integers(0, 10**6), st.sampled_from(["low", "unknown"])))
            if demand is not None:
                entry["demand"] = demand
            entries.append(entry)
        files[f"processes/{p}.yaml"] = {
            "id": p,
            "title": draw(texts),
            "direction": draw(st.sampled_from(list(DIRECTIONS))),
            "units": _some(draw, units),
            "basis": _some(draw, acts),
            "touchpoints": entries,
            "features": [{"id": f, "title": draw(texts), "touchpoints": _some(draw, tps)} for f in feats],
            "notifications": [
                {"event": draw(texts), "touchpoint": draw(st.sampled_from(tps)), "automatic": draw(st.booleans())}
                for _ in range(draw(st.integers(0, 2)))
            ],
        }
    for pr in procedures:
        sections: dict[str, Any] = {}
        if draw(st.booleans()):
            sections["general"] = {"goals": [draw(texts)], "principles": [draw(texts)]}
        if draw(st.booleans()):
            sections["infrastructure"] = [{"equipment": draw(texts), "touchpoint": draw(st.sampled_from(tps))}]
        if draw(st.booleans()):
            sections["requirements"] = {"politeness": draw(texts), "methods": [draw(texts)]}
        if draw(st.booleans()):
            sections["tools"] = [{"kind": draw(st.sampled_from(list(TOOL_KINDS))), "name": draw(texts)}]
        if draw(st.booleans()):
            item: dict[str, Any] = {"instruction": draw(texts), "clients": draw(texts)}
            if features:
                item["feature"] = draw(st.sampled_from(features))
            sections["specifics"] = [item]
        if draw(st.booleans()):
            sections["feedback"] = {"rating_each_stage": draw(st.booleans()), "channels": _some(draw, tps)}
        if draw(st.booleans()):
            sections["control"] = [{"subject": draw(texts), "responsible": draw(st.sampled_from(officials))}]
        status = st.sampled_from(["ok", "gap"])
        files[f"procedures/{pr}.yaml"] = {
            "id": pr,
            "title": draw(texts),
            "touchpoints": draw(st.one_of(st.just("all"), st.just(_some(draw, tps, 5)))),
            "responsible": draw(st.sampled_from(officials)),
            "sections": sections,
            "assessment": [
                {"touchpoint": t, "simplicity": {"status": draw(status)}, "promptness": {"status": draw(status)}}
                for t in _some(draw, tps)
            ],
        }
    return files


@contextmanager
def _folder() -> Iterator[Path]:
    d = Path(tempfile.mkdtemp(prefix="tpkit-fuzz-"))
    try:
        yield d
    finally:
        shutil.rmtree(d, ignore_errors=True)


def _write(root: Path, files: dict[str, Any]) -> None:
    for rel, data in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _check_reports(result: Any) -> None:
    """Every reporter runs; the JSON report is valid JSON with the contracted keys."""
    for fmt in FORMATS:
        out = get_reporter(fmt)(result, root=".", lang="ru", color=False)
        assert isinstance(out, str)
    doc = json.loads(get_reporter("json")(result, root=".", lang="en", color=False))
    assert set(doc) == {"tool", "root", "summary", "findings"}
    assert set(doc["summary"]) == {"files", "error", "warning", "info"}
    for f in doc["findings"]:
        assert set(f) == JSON_KEYS
        assert f["line"] >= 1 and f["column"] >= 1 and f["end_line"] >= f["line"]


@FUZZ
@given(
    files=registries(),
    fmt=st.sampled_from(["md", "html", "docx"]),
    reg_fmt=st.sampled_from(["md", "html", "csv", "xlsx", "docx"]),
)
def test_fuzz_valid_registries_lint_and_render(files: dict[str, Any], fmt: str, reg_fmt: str) -> None:
    from tpkit.render.api import check_registry, render_procedure, render_register

    with _folder() as root:
        _write(root, files)
        reg = load_registry(root)
        result = lint(reg, Config(), debug=True)  # a rule that raises fails the test with its traceback
        assert result.internal_errors == []
        structural = [(f.rule, f.path, f.message) for f in result.findings if f.rule in STRUCTURE]
        assert structural == [], structural
        _check_reports(result)
        check_registry(reg)
        for ident in reg.procedures:
            assert render_procedure(reg, Config(), ident, fmt)
        assert render_register(reg, Config(), None, reg_fmt)


# --- byte-level mutations of valid files --------------------------------------------------------

_TOKENS = [
    b"\t",
    b"&a ",
    b"*a",
    b"!!python/object/apply:os.system [id]",
    b"{",
    b"}",
    b"[",
    b"]",
    b": ",
    b"- ",
    b"\x00",
    b"\xff",
    b"\xd0",
    "\u202e".encode(),
    "\u2028".encode(),
    b"<<: *a",
    b"---\n",
    b"%YAML 1.1\n",
    b"? ",
    b"|",
    b">",
    b"'",
    b'"',
    b"\\x",
    b"#",
    b"\r",
    b"\n  ",
    b"9" * 5000,
    b"~",
    b"\xef\xbb\xbf",
    b"\x1b[2J",
]
_SOURCES = sorted(
    [p for p in BASE.rglob("*.yaml") if p.name != "tpkit.yaml"]
    + ([p for p in EXAMPLE.rglob("*.yaml") if p.name != "tpkit.yaml"] if EXAMPLE.is_dir() else [])
)


def _mutate(data: bytes, ops: list[tuple[int, int, int, int]]) -> bytes:
    buf = bytearray(data)
    for kind, pos, arg, tok in ops:
        at = pos % (len(buf) + 1)
        if kind == 0:  # insert a token
            buf[at:at] = _TOKENS[tok % len(_TOKENS)]
        elif kind == 1:  # delete a run
            del buf[at : at + arg % 40]
        elif kind == 2:  # flip a byte
            if buf:
                buf[at % len(buf)] = arg % 256
        elif kind == 3:  # duplicate a line
            start = buf.rfind(b"\n", 0, at) + 1
            end = buf.find(b"\n", at)
            end = len(buf) if end < 0 else end + 1
            buf[end:end] = buf[start:end]
        else:  # truncate
            del buf[at:]
    return bytes(buf)


mutations = st.lists(
    st.tuples(st.integers(0, 4), st.integers(0, 1 << 20), st.integers(0, 255), st.integers(0, 1000)),
    min_size=1,
    max_size=6,
)


@settings(FUZZ, max_examples=EXAMPLES * 4)
@given(source=st.sampled_from(_SOURCES), ops=mutations)
def test_fuzz_mutated_file_never_raises(source: Path, ops: list[tuple[int, int, int, int]]) -> None:
    origin = EXAMPLE if EXAMPLE in source.parents else BASE
    with _folder() as tmp:
        root = tmp / "reg"
        shutil.copytree(origin, root)
        rel = source.relative_to(origin)
        (root / rel).write_bytes(_mutate(source.read_bytes(), ops))
        reg = load_registry(root)
        result = lint(reg, Config(), debug=True)
        assert result.internal_errors == []
        _check_reports(result)


def test_fuzz_mutations_through_the_shell(tmp_path: Path) -> None:
    """A few mutated registries as a user's shell runs tpkit: exit 0 or 1, never a traceback."""
    rnd = random.Random(8)
    for i in range(2):
        root = tmp_path / f"reg{i}"
        shutil.copytree(BASE, root)
        for source in rnd.sample([p for p in _SOURCES if BASE in p.parents], 2):
            ops = [
                (rnd.randint(0, 4), rnd.randint(0, 4000), rnd.randint(0, 255), rnd.randint(0, 99))
                for _ in range(rnd.randint(1, 5))
            ]
            (root / source.relative_to(BASE)).write_bytes(_mutate(source.read_bytes(), ops))
        r = run_cli("lint", str(root), "--format", "json")
        assert r.code in (0, 1) and "Traceback" not in r.stderr, r.stderr
        assert set(json.loads(r.stdout)) == {"tool", "root", "summary", "findings"}
    t = run_cli("lint", str(root), "--format", "github")
    assert t.code in (0, 1) and "Traceback" not in t.stderr
