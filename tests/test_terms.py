"""TP307's term grammar (tpkit.lint.rules.terms) on a corpus of next-step wordings (tests/data/terms.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tpkit.lint.rules.terms import FORMS, term_form

CORPUS = yaml.safe_load((Path(__file__).parent / "data" / "terms.yaml").read_text(encoding="utf-8"))


def test_the_corpus_is_large_and_sourced() -> None:
    assert len(CORPUS) >= 100
    assert sum(1 for c in CORPUS if c["term"]) >= 50 and sum(1 for c in CORPUS if not c["term"]) >= 40
    assert all(c.get("source") for c in CORPUS)
    assert len({c["phrase"] for c in CORPUS}) == len(CORPUS)
    assert sum(1 for c in CORPUS if str(c["source"]).startswith(("http", "59-ФЗ"))) >= 25


@pytest.mark.parametrize("case", CORPUS, ids=lambda c: c["phrase"][:60])
def test_a_phrase_states_a_term_or_not(case: dict[str, object]) -> None:
    found = term_form(str(case["phrase"]))
    assert (found is not None) is case["term"], (case["phrase"], found)


def test_every_form_is_used_by_the_corpus() -> None:
    used = {term_form(str(c["phrase"])) for c in CORPUS if c["term"]}
    assert {name for name, _ in FORMS} <= used
