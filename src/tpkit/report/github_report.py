"""``--format github``: GitHub Actions workflow commands, one a finding, then the summary line.

``::error file=processes/x.yaml,line=12,col=5,endLine=12,endColumn=9,title=TP101 formal-approach::message``
(``::warning``, and ``::notice`` for info). The message is escaped as GitHub's toolkit escapes command data
(``%`` ``\\r`` ``\\n``), property values also ``:`` and ``,``. GitHub takes columns only within one line, so
``endColumn`` is given only when the finding starts and ends on the same line.
"""

from __future__ import annotations

from ..lint.engine import LintResult
from ..lint.finding import Finding, printable
from . import repo_path

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(f: Finding, root: str) -> str:
    props: list[tuple[str, str]] = [
        # a file name may hold an escape sequence: the log must not run it (the annotation then links nowhere)
        ("file", printable(repo_path(root, f.path))),
        ("line", str(f.line)),
        ("col", str(f.column)),
    ]
    if f.end_line > f.line:
        props.append(("endLine", str(f.end_line)))
    elif f.end_line == f.line and f.end_column > f.column:
        props += [("endLine", str(f.end_line)), ("endColumn", str(f.end_column))]
    props.append(("title", f"{f.rule} {f.name}"))
    joined = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{COMMANDS[f.severity]} {joined}::{escape_data(f.message)}"


def render(result: LintResult, *, root: str, lang: str, color: bool = False) -> str:
    from .text_report import summary_line

    lines = [command(f, root) for f in result.findings]
    lines.append(f"tpkit: {summary_line(result, lang)}")
    return "\n".join(lines) + "\n"
