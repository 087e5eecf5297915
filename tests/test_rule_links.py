"""A rule's link goes where its documentation is (TPKIT_DOCS_URL, else docs_url in tpkit.yaml), or nowhere: then
the rule's text travels in the report itself."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import HERE, run_cli, write

SARIF_SCHEMA = HERE / "data" / "sarif-schema-2.1.0.json"
SITE = "https://tpkit.agency.example/rules/{lower}.html"


def _sarif(root: Path) -> dict:
    r = run_cli("lint", str(root), "--format", "sarif", "--fail-on", "never")
    assert r.code == 0, r.stdout + r.stderr
    doc = json.loads(r.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(doc), key=str)
    assert not errors, [e.message for e in errors[:5]]
    return doc


def test_without_documentation_a_rule_has_no_link_and_carries_its_text(
    base: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TPKIT_DOCS_URL", raising=False)
    rules = {r["id"]: r for r in _sarif(base)["runs"][0]["tool"]["driver"]["rules"]}
    assert not any("helpUri" in r for r in rules.values())
    tp101 = rules["TP101"]
    from tpkit.lint.rule import catalogue

    rule = catalogue()["TP101"]
    for text in (tp101["help"]["text"], tp101["help"]["markdown"]):
        assert rule.summary["ru"] in text and rule.rationale["ru"] in text
        assert "Антипаттерн" in text and "Как правильно" in text


def test_docs_url_in_tpkit_yaml_links_every_rule_and_the_variable_wins(
    base: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TPKIT_DOCS_URL", raising=False)
    write(base, "tpkit.yaml", f"version: 1\ndocs_url: {SITE}\n")
    rules = _sarif(base)["runs"][0]["tool"]["driver"]["rules"]
    assert {r["id"]: r["helpUri"] for r in rules}["TP104"] == "https://tpkit.agency.example/rules/tp104.html"
    assert all(r["helpUri"] == SITE.replace("{lower}", r["id"].lower()) for r in rules)
    monkeypatch.setenv("TPKIT_DOCS_URL", "https://wiki.example.ru/tpkit/{code}")
    rules = _sarif(base)["runs"][0]["tool"]["driver"]["rules"]
    assert rules[0]["helpUri"] == f"https://wiki.example.ru/tpkit/{rules[0]['id']}"


@pytest.mark.parametrize("value", ["ftp://example.ru/{code}", "rules/{lower}.html", "file:///srv/rules.html"])
def test_a_docs_url_that_is_not_http_is_a_config_error(base: Path, value: str) -> None:
    write(base, "tpkit.yaml", f"version: 1\nlanguage: ru\ndocs_url: {value}\n")
    r = run_cli("lint", str(base))
    assert r.code == 2 and "tpkit.yaml:3:" in r.stderr and "http" in r.stderr, r.stderr


@pytest.mark.parametrize("value", ["javascript:alert(1)//{code}", " JaVaScRiPt:x", "rules/{lower}.html", "not a url"])
def test_a_docs_url_variable_that_is_not_http_is_refused_too(
    base: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    # 0.3 review: TPKIT_DOCS_URL went into SARIF's helpUri and the editor's link as it was («javascript:…», «not a
    # url», which is not even a URI), where docs_url in tpkit.yaml with the same value is a configuration error
    monkeypatch.setenv("TPKIT_DOCS_URL", value)
    r = run_cli("lint", str(base), "--format", "sarif")
    assert r.code == 2 and "TPKIT_DOCS_URL" in r.stderr and "http" in r.stderr and r.stdout == "", r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    # what reads the setting without the command line (the language server) never links to it either
    from tpkit.lint.docs import docs_url
    from tpkit.registry.models import Config

    assert docs_url(Config()) is None
