"""The baseline: today's findings recorded by fingerprint, so that only new ones are reported.

An agency adopting tpkit on an existing register runs ``tpkit lint --write-baseline FILE`` once and commits
FILE; ``tpkit lint --baseline FILE`` then reports (and fails on) only findings whose fingerprints are not in
it. Fingerprints do not depend on line numbers, so editing around an old finding does not resurface it. The
file is JSON in a fixed order, with the rule, path and message beside each fingerprint for the human reading
the diff of the baseline in review.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from .. import __version__
from .engine import LintResult
from .finding import Finding

FORMAT_VERSION = 1


class BaselineError(Exception):
    """The baseline file cannot be used; the message is one line for the user."""


def dumps(findings: Iterable[Finding]) -> str:
    """The baseline document for these findings (deterministic: sorted, no timestamps)."""
    entries = sorted(
        (
            {
                "fingerprint": f.fingerprint,
                "rule": f.rule,
                "path": f.path,
                "yaml_path": f.yaml_path,
                "object": f.object,
                "message": f.message,
            }
            for f in findings
        ),
        key=lambda e: (e["path"], e["rule"], e["yaml_path"], e["object"], e["fingerprint"]),
    )
    doc: dict[str, Any] = {
        "tool": "tpkit",
        "version": FORMAT_VERSION,
        "comment": "tpkit lint --baseline: findings recorded here are not reported; regenerate with "
        f"tpkit lint --write-baseline (tpkit {__version__})",
        "findings": entries,
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def load(path: Path) -> set[str]:
    """The fingerprints recorded in a baseline file; :class:`BaselineError` if it cannot be read."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BaselineError(
            f"{path}: базовой линии нет (создайте: tpkit lint --write-baseline {path}) / no such baseline file"
        ) from None
    except OSError as exc:
        raise BaselineError(f"{path}: не читается / cannot be read: {exc.strerror or exc}") from None
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise BaselineError(f"{path}: не UTF-8 / not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}:{exc.lineno}:{exc.colno}: не JSON / not JSON: {exc.msg}") from None
    if not isinstance(doc, dict) or doc.get("tool") != "tpkit" or not isinstance(doc.get("findings"), list):
        raise BaselineError(
            f'{path}: это не базовая линия tpkit (ожидается объект с "tool": "tpkit" и списком "findings") '
            "/ not a tpkit baseline"
        )
    if doc.get("version") != FORMAT_VERSION:
        raise BaselineError(
            f"{path}: неизвестная версия базовой линии {doc.get('version')!r} / unsupported baseline version"
        )
    out: set[str] = set()
    for i, entry in enumerate(doc["findings"]):
        fp = entry.get("fingerprint") if isinstance(entry, dict) else None
        if not isinstance(fp, str) or not fp:
            raise BaselineError(f'{path}: findings[{i}]: нет строки "fingerprint" / no "fingerprint" string')
        out.add(fp)
    return out


def apply(result: LintResult, fingerprints: set[str]) -> tuple[LintResult, int]:
    """The result without the findings recorded in the baseline, and how many were left out."""
    kept = [f for f in result.findings if f.fingerprint not in fingerprints]
    return replace(result, findings=kept), len(result.findings) - len(kept)
