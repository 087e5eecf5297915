"""Reading YAML into data: what a registry file must not hold is reported with its place and path.

One path (tpkit.registry.yaml.convert): libyaml composes, one converter turns the node tree into data and
reports tags, complex and duplicate keys, merges, recursive aliases, alias bombs, nesting and characters.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import REPO, run_cli, write

from tpkit.registry.span import Span
from tpkit.registry.yaml import parse

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


def _at(span: Span | None) -> tuple[int | None, ...]:
    return (None,) * 4 if span is None else (span.line, span.column, span.end_line, span.end_column)


def _problems(text: str) -> list[tuple[object, ...]]:
    return [(p.kind, p.en, *_at(p.span), p.yaml_path) for p in parse(text).problems]


def test_core_schema_scalars() -> None:
    text = (
        "a: 0o17\nb: 0x1F\nc: yes\nd: ~\ne: .inf\nf: 2026-02-10\ng: '12'\nh: !!str 5\ni: ! 7\nj: =\nl: [1, '2', 3.5]\n"
    )
    parsed = parse(text)
    assert not parsed.problems
    assert parsed.data == {
        "a": "0o17",  # YAML 1.1 resolution decides what is a number: 0o is not an octal there
        "b": 31,
        "c": "yes",
        "d": None,
        "e": float("inf"),
        "f": "2026-02-10",
        "g": "12",
        "h": "5",
        "i": 7,
        "j": "=",
        "l": [1, "2", 3.5],
    }


def test_merge_keys_fill_in_what_the_mapping_lacks() -> None:
    parsed = parse("base: &b {x: 1, y: 2}\nother:\n  <<: *b\n  y: 3\n")
    assert not parsed.problems
    assert parsed.data == {"base": {"x": 1, "y": 2}, "other": {"y": 3, "x": 1}}


_FATAL = {
    "duplicate": ("id: a\nid: b\n", "duplicate key 'id' in a mapping", (2, 1, 2, 3), ("id",)),
    "tag": (
        "id: !!python/object:os.system x\n",
        "unsupported YAML tag '!!python/object:os.system': a registry holds plain values only",
        (1, 5, 1, 32),
        ("id",),
    ),
    "merge-as-value": (
        "j: =\nk: <<\n",
        "unsupported YAML tag '!!merge': a registry holds plain values only",
        (2, 4, 2, 6),
        ("k",),
    ),
    "complex-key": ("? [a, b]\n: c\n", "a key must be a plain string, not a list or mapping", (1, 3, 1, 9), ()),
    "merge-of-a-list": (
        "a: &a [1]\nc:\n  <<: *a\n",
        "a merge key '<<' takes mappings only",
        (1, 8, 1, 9),
        ("c",),
    ),
    "bomb": (
        "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n",
        "anchors and aliases expand past a safe bound (a YAML bomb?)",
        (1, 14, 1, 15),
        ("d", 5, 4, 7, 3),
    ),
    "recursive": (
        "a: &a [1, *a]\n",
        "an anchor refers to itself (a recursive *alias inside its &anchor)",
        (1, 4, 1, 14),
        ("a", 1),
    ),
    "deep": (
        "a:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(70)) + "  " * 71 + "v: 1\n",
        "nesting deeper than 64 levels",
        (65, 129, 65, 132),
        ("a", *(f"k{i}" for i in range(63))),
    ),
}


@pytest.mark.parametrize("name", sorted(_FATAL))
def test_a_fatal_problem_leaves_no_data_and_names_its_place(name: str) -> None:
    text, en, (line, col, end_line, end_col), path = _FATAL[name]
    parsed = parse(text)
    assert parsed.data is None and parsed.fatal
    assert _problems(text) == [("syntax", en, line, col, end_line, end_col, path)]


def test_an_escaped_control_character_is_reported_and_the_data_kept() -> None:
    text = 'id: x\ntitle: "bad \\x01 char"\n'
    assert parse(text).data == {"id": "x", "title": "bad \x01 char"}
    assert _problems(text) == [
        ("schema", "the text holds control character U+0001, which a document cannot hold", 2, 8, 2, 23, ("title",))
    ]


def test_an_invisible_character_in_a_list_item_names_the_item() -> None:
    text = 'l:\n  - ok\n  - "x\\u200by"\n'
    assert parse(text).data == {"l": ["ok", "x\u200by"]}
    assert _problems(text) == [
        (
            "schema",
            "the text holds the invisible character U+200B (text direction or zero width): remove it",
            3,
            5,
            3,
            15,
            ("l", 1),
        )
    ]


def test_a_control_character_is_reported_at_its_scalar(base: Path) -> None:
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
