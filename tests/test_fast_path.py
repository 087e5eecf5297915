"""The fast YAML path gives exactly what the plain reference path gives.

The reference path is PyYAML's pure-Python SafeLoader and the converter
that builds a YAML path for every node; the fast path is libyaml with cheap
scalar resolution and a converter that falls back to the reference one on
anything that may be a problem (see tpkit.registry.yamlread).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import REPO, run_cli, write

from tpkit.registry import yamlread

sys.path.insert(0, str(REPO / "bench"))
from gen import generate


def _lint_json(root: Path) -> str:
    r = run_cli("lint", str(root), "--format", "json", "--fail-on", "never")
    assert r.code == 0, r.stdout + r.stderr
    return r.stdout


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("gen") / "reg", processes=50)


def test_generated_registry_has_findings_of_every_group(generated: Path) -> None:
    import json

    report = json.loads(_lint_json(generated))
    groups = {f["rule"][:3] for f in report["findings"]}
    assert {"TP0", "TP1", "TP2", "TP3"} <= groups


def test_fast_and_reference_paths_give_byte_identical_json(generated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _lint_json(generated)
    monkeypatch.setattr(yamlread, "FAST", False)

    reference = _lint_json(generated)
    assert fast == reference


# files that send the fast converter back to the reference one, or that it must get right on its own
_TRICKY = {
    "merge": "base: &b {x: 1, y: 2}\nother:\n  <<: *b\n  y: 3\n",
    "duplicate": "id: a\nid: b\n",
    "tag": "id: !!python/object:os.system x\n",
    "escape": 'id: x\ntitle: "bad \\x01 char"\n',
    "scalars": "a: 0o17\nb: 0x1F\nc: yes\nd: ~\ne: .inf\nf: 2026-02-10\ng: '12'\nh: !!str 5\ni: ! 7\nj: =\nk: <<\n",
    "complex-key": "? [a, b]\n: c\n",
    "bomb": "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n",
    "deep": "a:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(70)) + "  " * 71 + "v: 1\n",
}


@pytest.mark.parametrize("name", sorted(_TRICKY))
def test_fast_converter_matches_reference_converter(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = _TRICKY[name]

    def dump(parsed: yamlread.Parsed) -> tuple[str, list[tuple[object, ...]]]:
        return repr(parsed.data), [
            (p.kind, p.ru, p.line, p.column, p.end_line, p.end_column, p.yaml_path) for p in parsed.problems
        ]

    fast = dump(yamlread.parse(text))
    # the reference converter over the same libyaml node tree
    monkeypatch.setattr(yamlread, "FAST", False)
    monkeypatch.setattr(yamlread, "compose", lambda t: yamlread.yaml.compose(t, Loader=yamlread._Loader))
    assert fast == dump(yamlread.parse(text))


def test_fast_path_reports_a_control_character_with_its_place(base: Path) -> None:
    import json

    write(
        base,
        "processes/child-benefit.yaml",
        (base / "processes/child-benefit.yaml")
        .read_text(encoding="utf-8")
        .replace("title: Назначение ежемесячной выплаты на ребенка", 'title: "Назначение\\x07 выплаты"'),
    )
    report = json.loads(_lint_json(base))
    hits = [f for f in report["findings"] if f["rule"] == "TP002"]
    assert hits and hits[0]["yaml_path"] == "/title" and hits[0]["line"] == 2
