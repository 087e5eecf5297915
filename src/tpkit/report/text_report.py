"""``--format text``: grouped by file, ``path:line:col CODE name message``, then a summary line."""

from __future__ import annotations

from itertools import groupby

from ..lint.engine import LintResult
from ..lint.finding import printable

_COLORS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"

_WORDS = {
    "ru": {
        "error": "ошибок",
        "warning": "предупреждений",
        "info": "советов",
        "files": "файлов",
        "clean": "Замечаний нет",
    },
    "en": {"error": "errors", "warning": "warnings", "info": "infos", "files": "files", "clean": "No findings"},
}


def summary_line(result: LintResult, lang: str) -> str:
    w = _WORDS["ru" if lang == "ru" else "en"]
    c = result.counts()
    if not result.findings:
        return f"{w['clean']} ({w['files']}: {result.files})"
    parts = [f"{w[s]}: {c[s]}" for s in ("error", "warning", "info")]
    return ", ".join(parts) + f" ({w['files']}: {result.files})"


def render(result: LintResult, *, root: str, lang: str, color: bool = False) -> str:
    out: list[str] = []
    for raw_path, group in groupby(result.findings, key=lambda f: f.path):
        path = printable(raw_path)  # a file name may hold a newline or an escape sequence
        out.append(f"{_BOLD}{path}{_RESET}" if color else path)
        for f in group:
            loc = f"{path}:{f.line}:{f.column}"
            if color:
                sev = _COLORS[f.severity]
                out.append(f"  {_DIM}{loc}{_RESET} {sev}{f.rule}{_RESET} {f.name} {f.message}")
            else:
                out.append(f"  {loc} {f.rule} {f.name} {f.message}")
        out.append("")
    line = summary_line(result, lang)
    if color:
        bad = result.counts()["error"]
        line = f"{_BOLD}{_COLORS['error'] if bad else ''}{line}{_RESET}"
    out.append(line)
    return "\n".join(out) + "\n"
