"""The converter's marks locate every path exactly where a composed node tree does.

Findings get their line and column from the marks the converter records beside
the data (:func:`locate_marks`); files with merge keys are composed again and
walked (:func:`locate`). The two must agree on every path of every file: the
registry's own files, the hostile corpus, hand-made texts with every YAML
style, and random data dumped in random styles.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import BASE, EXAMPLE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tpkit.registry.yaml import compose_for_locate, line_starts, locate, locate_marks, parse

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

TRICKY = [
    "a: Привет 😀 мир\r\nb:\r\n  - 'x😀y'\n  - \"é\"\nc: |\n  строка\n\n  ещё\nd: {e: [1, 2], f: ёж}\n",
    "a: 1\rb: 2\rc:\r  - x\r",
    "a: 'x\u2028y'\nb: \"p\u2029q\"\nc: [1,\x85 2]\nd: 3\n",
    "- - a\n  - b\n- - c\n-\n  - d: 1\n    e: [x, {y: z}]\n",
    "key: >\n  folded\n  text\n\n# a comment\nnext: 'quoted\n  on two lines'\nlast: \"esc\\\n  aped\"\n",
    "1: int key\ntrue: bool key\n~: null key\n2.5: float\n'x': y\n",
    "base: &b {a: 1, b: [2, 3]}\nuse: *b\nlist: [*b, *b]\nscalar: &s text\nagain: *s\n",
    "{a: 1, b: 2}",
    "[1, [2, [3, {x: y}]]]",
    "just a scalar",
    "",
    "# only a comment\n",
    "a:\n  -\n  - \n  - x\nb:\nc: ~\n",
    "a:\n    deep:\n        deeper:\n            - 1\n            - two: 2\n              three: 3\n\n\n",
    "\u0430: \u0431\n\u0432:\n  \u0433: [\u0434, \u0435]\n",
    "z: 1\ny: 2\nx: 3\nw: 4\nv: 5\nu: 6\nt: 7\ns: 8\nr: 9\nq: 10\np: 11\no: 12\nn: 13\nm: 14\nl: 15\nk: 16\nj: 17\n",
    "touchpoints:\n" + "".join(f"  - id: t{i}\n    needs: [submit, status]\n" for i in range(40)),
]


def _paths(data: Any, prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """Every path into ``data``, and paths a finding may name that go past it (a missing key, an index too far)."""
    yield prefix
    if isinstance(data, dict):
        yield (*prefix, "no-such-key")
        for k, v in data.items():
            yield from _paths(v, (*prefix, k if isinstance(k, str | int) else str(k)))
    elif isinstance(data, list):
        yield (*prefix, len(data))
        yield (*prefix, "name")
        for i, v in enumerate(data):
            yield from _paths(v, (*prefix, i))


def _agree(text: str) -> int:
    """Compare both ways of locating on every path of ``text``; the number of paths compared."""
    parsed = parse(text)
    if parsed.marks is None:
        return 0
    root = compose_for_locate(text)
    lines = text.splitlines()
    starts = line_starts(text)
    index: dict[Any, Any] = {}
    n = 0
    for path in _paths(parsed.data):
        want = locate(root, path, lines, {})
        got = locate_marks(parsed.data, parsed.marks, path, text, lines, starts, index)
        assert got == want, (text[:200], path)
        n += 1
    return n


def _corpus() -> list[Path]:
    files = [*EXAMPLE.rglob("*.yaml"), *BASE.rglob("*.yaml"), *(HERE / "corpus").rglob("*.yaml")]
    files += (ROOT / "examples").rglob("*.yaml")
    return sorted(set(files))


def test_every_path_of_the_corpus() -> None:
    compared = 0
    for path in _corpus():
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        compared += _agree(text)
    assert compared > 2000  # the corpus really was walked


@pytest.mark.parametrize("text", TRICKY)
def test_every_path_of_tricky_texts(text: str) -> None:
    assert _agree(text) > 0 or parse(text).data is None


def test_a_large_file_locates_through_its_table_of_lines() -> None:
    text = "touchpoints:\n" + "".join(f"  - id: t{i}\n    name: Точка {i}\n    needs: [submit]\n" for i in range(2000))
    assert line_starts(text) is not None  # past the size where newlines are counted per finding
    assert _agree(text) > 8000


def test_a_merge_key_falls_back_to_composing() -> None:
    text = "base: &b {a: 1}\nuse:\n  <<: *b\n  c: 2\n"
    parsed = parse(text)
    assert parsed.marks is None  # the data does not mirror the nodes: lint composes the text again
    assert parse("a: 1\nb: [2]\n").marks is not None


def test_a_byte_order_mark_falls_back() -> None:
    assert parse("\ufeffa: 1\n").marks is None


scalars = st.one_of(
    st.text(st.characters(categories=("L", "N", "P", "S", "Zs"), codec="utf-8"), max_size=12),
    st.integers(-1000, 1000),
    st.booleans(),
    st.none(),
)
keys = st.text(st.characters(categories=("L", "N"), codec="utf-8"), min_size=1, max_size=8)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5),
    max_leaves=25,
)


@settings(
    max_examples=int(os.environ.get("TPKIT_FUZZ_EXAMPLES", "60")),
    deadline=None,
    derandomize="TPKIT_FUZZ_EXAMPLES" not in os.environ,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=values, flow=st.sampled_from([False, True, None]), width=st.sampled_from([20, 80]))
def test_random_data_in_random_styles(data: Any, flow: bool | None, width: int) -> None:
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True, width=width, sort_keys=False)
    _agree(text)
