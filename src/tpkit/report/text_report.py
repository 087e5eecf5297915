"""``--format text``: grouped by file, ``path:line:col CODE name message``, then a summary line."""

from __future__ import annotations

from itertools import groupby

from ..lint.engine import LintResult
from ..lint.finding import printable

_COLORS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"

#: the nouns a count is made of (a Russian noun agrees with its number: 1 ошибка, 2 ошибки, 5 ошибок;
#: «к сведению» cannot, so info findings are «советы», as in the guide)
_NOUNS = {
    "ru": {"error": "ошибка", "warning": "предупреждение", "info": "совет", "files": "файл"},
    "en": {"error": "error", "warning": "warning", "info": "info", "files": "file"},
}
_CLEAN = {"ru": "Замечаний нет", "en": "No findings"}


def counted(number: int, key: str, lang: str) -> str:
    """«2 ошибки», «1 warning»: a number and the word for ``key`` (a severity or ``files``) that agrees with it."""
    if lang == "ru":
        from ..russian import count

        return count(number, _NOUNS["ru"][key])
    word = _NOUNS["en"][key]
    return f"{number} {word if number == 1 else word + 's'}"


def counts_text(result: LintResult, lang: str, severities: tuple[str, ...] = ("error", "warning", "info")) -> str:
    """«2 ошибки, 19 предупреждений, 3 совета»: the findings counted by severity."""
    c = result.counts()
    lang = "ru" if lang == "ru" else "en"
    return ", ".join(counted(c[s], s, lang) for s in severities)


def summary_line(result: LintResult, lang: str) -> str:
    """The last line of a text report: «0 ошибок, 19 предупреждений, 3 совета (12 файлов)»."""
    lang = "ru" if lang == "ru" else "en"
    files = counted(result.files, "files", lang)
    if not result.findings:
        return f"{_CLEAN[lang]} ({files})"
    return f"{counts_text(result, lang)} ({files})"


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
