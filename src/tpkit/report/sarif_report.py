"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

The run's ``tool.driver.rules`` is the whole rule catalogue (id, name, short
and full description, help, default level); each result names its rule by id
and index, carries the finding's fingerprint in ``partialFingerprints`` and a
1-based region whose ``endColumn`` is exclusive, as SARIF wants. URIs are
relative, against ``%SRCROOT%`` (the folder tpkit ran in: the checkout in CI).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..lint.engine import LintResult
from ..lint.finding import Finding
from . import repo_path

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
#: the tool's page (``tool.driver.informationUri`` is about the tool, not a rule: the package's page is that); a
#: rule's own link is its ``helpUri``, given only where the rule is documented
INFORMATION_URI = "https://pypi.org/project/tpkit/"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "tpkit/v1"

LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _rules(lang: str, docs_url: str | None) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The catalogue, each rule with its whole text (``help``: summary, why, anti-pattern, best practice, as
    ``tpkit explain`` prints them; GitHub and GitLab show it) and ``helpUri`` only where the rule is documented
    (``TPKIT_DOCS_URL`` or ``docs_url`` in tpkit.yaml)."""
    from ..lint import docs
    from ..lint.rule import catalogue

    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for i, (code, r) in enumerate(catalogue().items()):
        index[code] = i
        rule: dict[str, Any] = {
            "id": code,
            "name": r.name,
            "shortDescription": {"text": r.summary[lang]},
            "fullDescription": {"text": r.rationale[lang]},
            "help": {
                "text": docs.explain(code, lang) or r.summary[lang],
                "markdown": docs.rule_markdown(code, lang) or r.summary[lang],
            },
        }
        url = docs.rule_url(docs_url, code)
        if url is not None:
            rule["helpUri"] = url
        rule["defaultConfiguration"] = {"level": LEVELS[r.severity]}
        rule["properties"] = {"tags": ["tpkit", r.group()]}
        rules.append(rule)
    return rules, index


def _region(f: Finding) -> dict[str, int]:
    line, col = max(f.line, 1), max(f.column, 1)
    end_line, end_col = max(f.end_line, 1), max(f.end_column, 1)
    if (end_line, end_col) < (line, col):
        end_line, end_col = line, col
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col}


def _result(f: Finding, root: str, index: dict[str, int]) -> dict[str, Any]:
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": quote(repo_path(root, f.path), safe="/"), "uriBaseId": SRCROOT},
            "region": _region(f),
        }
    }
    if f.object:
        location["logicalLocations"] = [{"fullyQualifiedName": f.object}]
    result: dict[str, Any] = {"ruleId": f.rule}
    if f.rule in index:
        result["ruleIndex"] = index[f.rule]
    result.update(
        {
            "level": LEVELS[f.severity],
            "message": {"text": f.message},
            "locations": [location],
            "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
            "properties": {"yamlPath": f.yaml_path, "severity": f.severity},
        }
    )
    return result


def render(result: LintResult, *, root: str, lang: str, color: bool = False) -> str:
    rules, index = _rules(lang, result.docs_url)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "tpkit",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "language": lang,
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, root, index) for f in result.findings],
        "invocations": [
            {
                "executionSuccessful": not result.internal_errors,
                "toolExecutionNotifications": [
                    {"level": "error", "message": {"text": err}} for err in result.internal_errors
                ],
            }
        ],
    }
    doc = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
