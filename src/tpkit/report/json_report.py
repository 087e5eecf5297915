"""``--format json``: the contracted report (see the CLI reference)."""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C function when available
from typing import Any

from .. import __version__
from ..lint.engine import LintResult


def render(result: LintResult, *, root: str, lang: str, color: bool = False) -> str:
    counts = result.counts()
    doc = {
        "tool": {"name": "tpkit", "version": __version__},
        "root": root,
        "summary": {"files": result.files, **counts},
        "findings": [],
    }
    head = json.dumps(doc, ensure_ascii=False, indent=2)
    if not result.findings:
        return head + "\n"
    assert head.endswith('"findings": []\n}')
    items = ",\n".join(_finding(f.to_dict()) for f in result.findings)
    return head[: -len("[]\n}")] + "[\n" + items + "\n  ]\n}\n"


def _finding(d: dict[str, Any]) -> str:
    """One finding as ``json.dumps(indent=2)`` writes it at that depth (its values are scalars), without the
    pure-Python encoder that ``indent`` selects: thousands of findings are written in a fraction of the time."""
    return "    {\n" + ",\n".join(f'      "{k}": {_scalar(v)}' for k, v in d.items()) + "\n    }"


def _scalar(v: Any) -> str:
    if v.__class__ is str:
        return str(encode_basestring(v))
    if v is None:
        return "null"
    if v.__class__ is int:
        return repr(v)
    return json.dumps(v, ensure_ascii=False)
