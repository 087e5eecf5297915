"""Regions of findings end at the end of the object's own last line, not on the next entry's line.

A block mapping in a list ends, for the YAML parser, at the «- » of the next item (``- id: reception``,
column 3): SARIF and GitHub annotations would highlight the neighbour too.
"""

from __future__ import annotations

import json

import pytest
from conftest import EXAMPLE, run_cli

from tpkit.registry.yaml import compose_for_locate, locate

CATALOGUE = """touchpoints:
  - id: site
    name: Сайт
    channel: website   # a comment

  # the next entry
  - id: reception
    name: Приемная
  - id: last
    name: Последняя
"""


def _span(text: str, path: tuple[str | int, ...]) -> tuple[int, int, int, int]:
    s = locate(compose_for_locate(text), path, text.splitlines())
    return s.line, s.column, s.end_line, s.end_column


def test_a_list_entry_ends_on_its_last_line_not_at_the_next_dash() -> None:
    lines = CATALOGUE.splitlines()
    assert _span(CATALOGUE, ("touchpoints", 0)) == (2, 5, 4, len(lines[3]) + 1)
    assert _span(CATALOGUE, ("touchpoints", 1)) == (7, 5, 8, len(lines[7]) + 1)
    assert _span(CATALOGUE, ("touchpoints", 2)) == (9, 5, 10, len(lines[9]) + 1)  # the end of the file


def test_a_one_line_value_keeps_its_own_columns() -> None:
    assert _span(CATALOGUE, ("touchpoints", 1, "name")) == (8, 5, 8, len("    name: Приемная") + 1)


@pytest.mark.parametrize(
    "name",
    [
        "TP106-touchpoint-without-basis",
        "TP305-offline-without-accessibility",
        "TP304-feature-without-instruction",
        "TP108-unused-touchpoint",
    ],
)
def test_multi_line_sarif_regions_end_at_the_end_of_their_last_line(name: str) -> None:
    """End to end, on the anti-pattern registries: a multi-line region never ends at the next item's «- »."""
    root = EXAMPLE.parent / "antipatterns" / name
    r = run_cli("lint", str(root), "--format", "sarif", "--fail-on", "never")
    sarif = json.loads(r.stdout)
    checked = 0
    for res in sarif["runs"][0]["results"]:
        loc = res["locations"][0]["physicalLocation"]
        region = loc["region"]
        if region.get("endLine", region["startLine"]) == region["startLine"]:
            continue
        uri = loc["artifactLocation"]["uri"]
        text = (root / uri[uri.index(name) + len(name) + 1 :] if name in uri else root / uri).read_text(
            encoding="utf-8"
        )
        last = text.splitlines()[region["endLine"] - 1]
        assert last.strip() and not last.lstrip().startswith("#"), (res["ruleId"], region)
        assert region["endColumn"] == len(last.rstrip()) + 1, (res["ruleId"], region, last)
        checked += 1
    return None if checked else pytest.skip(f"{name}: no multi-line region")
