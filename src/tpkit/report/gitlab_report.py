"""``--format gitlab``: a GitLab Code Quality report (a JSON array), for ``artifacts:reports:codequality``.

Each finding is one issue: ``description`` (code, name and message), ``check_name`` (the rule code),
``fingerprint`` (the finding's: unique in the report, stable when lines move), ``severity`` (error→major,
warning→minor, info→info), ``location.path`` (relative to the checkout) and ``location.lines.begin``.
"""

from __future__ import annotations

import json
from typing import Any

from ..lint.engine import LintResult
from . import repo_path

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(result: LintResult, *, root: str, lang: str, color: bool = False) -> str:
    issues: list[dict[str, Any]] = []
    for f in result.findings:
        issues.append(
            {
                "type": "issue",
                "engine_name": "tpkit",
                "check_name": f.rule,
                "description": f"{f.rule} {f.name}: {f.message}",
                "categories": ["Style"],
                "fingerprint": f.fingerprint,
                "severity": SEVERITIES[f.severity],
                "location": {
                    "path": repo_path(root, f.path),
                    "lines": {"begin": f.line, "end": max(f.end_line, f.line)},
                },
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
