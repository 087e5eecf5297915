"""``--format junit``: JUnit XML for CI test-report views.

One ``testsuite`` per file; in it one failing ``testcase`` per finding (``failure`` with the rule, severity
and message), or a single passing ``testcase`` when the file is clean. Characters XML 1.0 cannot hold are
replaced, so the report always parses.

GitLab keys a test case by suite, class and name and keeps one of equal keys, so two findings of one rule at
one spot (TP304 for two features of one touchpoint) get `` #2``, `` #3``… after their names. A ``testcase`` has
``classname``, ``name``, ``time`` and ``file`` (GitLab shows and links the file; the ``line`` attribute, which no
reader uses, is left out: the xunit2 schema of pytest and Jenkins refuses it).
"""

from __future__ import annotations

import re
from itertools import groupby
from xml.etree import ElementTree as ET

from ..lint.engine import LintResult
from ..lint.finding import Finding
from . import repo_path

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

_CLEAN = {"ru": "замечаний нет", "en": "no findings"}


def _x(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _case(suite: ET.Element, f: Finding, root: str, seen: dict[str, int]) -> None:
    path = repo_path(root, f.path)
    name = f"{f.rule} {f.name} {f.line}:{f.column}"
    seen[name] = seen.get(name, 0) + 1
    if seen[name] > 1:
        name += f" #{seen[name]}"
    case = ET.SubElement(
        suite,
        "testcase",
        {"classname": _x(path), "name": _x(name), "file": _x(path), "time": "0"},
    )
    failure = ET.SubElement(case, "failure", {"type": f"{f.rule} {f.severity}", "message": _x(f.message)})
    failure.text = _x(f"{path}:{f.line}:{f.column} {f.rule} {f.name} ({f.severity}) {f.message}")


def render(result: LintResult, *, root: str, lang: str, color: bool = False) -> str:
    by_path = {p: list(g) for p, g in groupby(result.findings, key=lambda f: f.path)}
    paths = sorted(set(result.paths) | set(by_path)) or ["."]
    top = ET.Element(
        "testsuites",
        {"name": "tpkit lint", "tests": "0", "failures": str(len(result.findings)), "errors": "0", "time": "0"},
    )
    total = 0
    for p in paths:
        found = by_path.get(p, [])
        tests = max(len(found), 1)
        total += tests
        suite = ET.SubElement(
            top,
            "testsuite",
            {
                "name": _x(repo_path(root, p)),
                "tests": str(tests),
                "failures": str(len(found)),
                "errors": "0",
                "skipped": "0",
                "time": "0",
            },
        )
        if found:
            seen: dict[str, int] = {}
            for f in found:
                _case(suite, f, root, seen)
        else:
            path = repo_path(root, p)
            ET.SubElement(
                suite,
                "testcase",
                {"classname": _x(path), "name": _CLEAN["ru" if lang == "ru" else "en"], "file": _x(path), "time": "0"},
            )
    top.set("tests", str(total))
    ET.indent(top)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(top, encoding="unicode") + "\n"
