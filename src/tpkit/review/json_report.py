"""``tpkit diff --format json``: the contracted document (see the CLI reference); extra keys only add."""

from __future__ import annotations

import json

from .diff import Diff


def render(d: Diff, *, lang: str = "ru", color: bool = False) -> str:
    return json.dumps(d.to_dict(), ensure_ascii=False, indent=2, default=str) + "\n"
