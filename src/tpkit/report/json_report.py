"""``--format json``: the contracted report (see the CLI reference)."""

from __future__ import annotations

import json

from .. import __version__
from ..lint.engine import LintResult


def render(result: LintResult, *, root: str, lang: str, color: bool = False) -> str:
    counts = result.counts()
    doc = {
        "tool": {"name": "tpkit", "version": __version__},
        "root": root,
        "summary": {"files": result.files, **counts},
        "findings": [f.to_dict() for f in result.findings],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
