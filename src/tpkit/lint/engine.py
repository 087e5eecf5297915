"""The lint engine: rules -> hits -> findings, with selection, severities and suppressions."""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..registry.model import Registry
from ..registry.problem import Problem
from ..util import gc_paused
from .finding import SEVERITY_RANK, Bi, Finding, Hit, fingerprint, pointer, printable, stable_path
from .rule import Rule, catalogue, matches

if TYPE_CHECKING:
    from ..registry.models import Config

_SUPPRESS = re.compile(r"#\s*tpkit:\s*(ignore|ignore-file)\[([A-Za-z0-9_,\s]*)\](?:\s*--\s*(.*))?")


#: the structure rule that reports each kind of problem the reader finds
PROBLEM_RULES = {
    "syntax": "TP001",
    "schema": "TP002",
    "reference": "TP003",
    "duplicate-id": "TP004",
    "unreadable": "TP005",
    "missing-file": "TP006",
    "id-mismatch": "TP007",
}


def problem_code(kind: str) -> str:
    """The code of the structure rule that reports problems of ``kind``."""
    return PROBLEM_RULES[kind]


def problem_hit(p: Problem) -> Hit:
    return Hit(
        problem_code(p.kind),
        p.file,
        p.yaml_path,
        p.object,
        key=p.key,
        line=p.line,
        column=p.column,
        end_line=p.end_line,
        end_column=p.end_column,
        ru=p.ru,
        en=p.en,
    )


@dataclass(slots=True)
class Suppression:
    file: str
    line: int
    column: int
    codes: tuple[str, ...]
    whole_file: bool
    used: set[str] = field(default_factory=set)


@dataclass
class LintResult:
    findings: list[Finding]
    files: int
    #: internal errors of rules (a bug in tpkit, not in the registry)
    internal_errors: list[str] = field(default_factory=list)
    #: the files reported on (relative POSIX paths, sorted): all, or the ones named on the command line
    paths: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            out[f.severity] += 1
        return out

    def fails(self, fail_on: str) -> bool:
        if fail_on == "never":
            return False
        rank = SEVERITY_RANK[fail_on]
        return any(SEVERITY_RANK[f.severity] >= rank for f in self.findings)


@dataclass
class Selection:
    select: list[str]
    ignore: list[str]
    severity: dict[str, str]
    per_file_ignores: dict[str, list[str]]

    @classmethod
    def from_config(cls, config: Config, select: list[str] | None = None, ignore: list[str] | None = None) -> Selection:
        return cls(
            select=select if select else list(config.lint.select),
            ignore=list(config.lint.ignore) + list(ignore or []),
            severity={k.upper(): v for k, v in config.lint.severity.items()},
            per_file_ignores=dict(config.lint.per_file_ignores),
        )

    def enabled(self, rule: type[Rule]) -> bool:
        if rule.always_on:
            return True
        return matches(rule.code, self.select) and not matches(rule.code, self.ignore)

    def ignored_in(self, rule: type[Rule], path: str) -> bool:
        if rule.always_on:
            return False
        for pattern, codes in self.per_file_ignores.items():
            if fnmatch.fnmatchcase(path, pattern) and matches(rule.code, codes):
                return True
        return False


def _fmt_args(args: dict[str, Any], lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in args.items():
        if isinstance(v, Bi):
            out[k] = v.get(lang)
        elif isinstance(v, (list, tuple)):
            out[k] = ", ".join(x.get(lang) if isinstance(x, Bi) else str(x) for x in v)
        else:
            out[k] = v
    return out


def _suppressions(reg: Registry) -> dict[str, list[Suppression]]:
    out: dict[str, list[Suppression]] = {}
    for rel, src in reg.files.items():
        text = src.text
        if not text or "tpkit:" not in text:
            continue
        for lineno, line in enumerate(text.splitlines(), 1):
            if "tpkit:" not in line:
                continue
            for mt in _SUPPRESS.finditer(line):
                codes = tuple(c.strip().upper() for c in mt.group(2).split(",") if c.strip())
                out.setdefault(rel, []).append(
                    Suppression(rel, lineno, mt.start() + 1, codes, mt.group(1) == "ignore-file")
                )
    return out


def run_rules(reg: Registry, rules: Iterable[type[Rule]], errors: list[str], debug: bool = False) -> list[Hit]:
    hits: list[Hit] = []
    for rule_cls in rules:
        rule = rule_cls()
        try:
            hits.extend(rule.check(reg))
        except Exception as exc:  # a bug in a rule must not hide the other rules' findings
            if debug:
                raise
            errors.append(f"{rule_cls.code}: {type(exc).__name__}: {exc}")
    return hits


def lint(
    reg: Registry,
    config: Config,
    *,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    lang: str = "ru",
    extra_hits: Iterable[Hit] = (),
    only_files: set[str] | None = None,
    debug: bool = False,
) -> LintResult:
    with gc_paused():
        return _lint(reg, config, select, ignore, lang, extra_hits, only_files, debug)


def _lint(
    reg: Registry,
    config: Config,
    select: list[str] | None,
    ignore: list[str] | None,
    lang: str,
    extra_hits: Iterable[Hit],
    only_files: set[str] | None,
    debug: bool,
) -> LintResult:
    cat = catalogue()
    sel = Selection.from_config(config, select, ignore)
    active = [r for r in cat.values() if sel.enabled(r) and not r.review_only]
    errors: list[str] = []
    hits = [problem_hit(p) for p in reg.problems]
    hits.extend(run_rules(reg, active, errors, debug))
    hits.extend(extra_hits)
    supp = _suppressions(reg)
    findings: list[Finding] = []
    seen: set[str] = set()
    # file by file (a stable sort keeps each file's order): a file's node tree is
    # composed for its first finding and dropped after its last
    hits.sort(key=lambda h: h.file)
    current: str | None = None
    for hit in hits:
        if hit.file != current:
            done = reg.files.get(current) if current is not None else None
            if done is not None:
                done.release()
            current = hit.file
        rule = cat.get(hit.code)
        if rule is None:  # pragma: no cover - programming error
            errors.append(f"unknown rule code {hit.code}")
            continue
        if not sel.enabled(rule) or sel.ignored_in(rule, hit.file):
            continue
        if only_files is not None and hit.file not in only_files:
            continue
        f = _to_finding(reg, rule, hit, sel, lang)
        if f.fingerprint in seen:
            continue
        seen.add(f.fingerprint)
        if not rule.always_on and _suppressed(f, supp.get(f.path, ())):
            continue
        findings.append(f)
    tp901 = cat.get("TP901")
    if tp901 is not None and sel.enabled(tp901):
        for file_supps in supp.values():
            if only_files is not None and file_supps and file_supps[0].file not in only_files:
                continue
            # keyed by the comment's line as written, not its number: the fingerprint (and a baseline)
            # survives lines inserted above; the same line written twice is told apart by its count
            text = reg.files[file_supps[0].file].text if file_supps and file_supps[0].file in reg.files else None
            lines = text.splitlines() if text else []
            seen_keys: dict[str, int] = {}
            for s in file_supps:
                written = lines[s.line - 1].strip() if 0 < s.line <= len(lines) else str(s.line)
                for code in s.codes:
                    r = cat.get(code)
                    if code in s.used or code == "TP901":
                        continue
                    if r is not None and (not sel.enabled(r) or sel.ignored_in(r, s.file)):
                        continue  # the rule is off in this run or file: the comment may well be needed
                    key = f"{code}:{written}"
                    seen_keys[key] = seen_keys.get(key, 0) + 1
                    hit = Hit(
                        "TP901",
                        s.file,
                        (),
                        f"suppression:{code}",
                        args={"code": code},
                        key=f"{key}#{seen_keys[key]}",
                        line=s.line,
                        column=s.column,
                    )
                    if not sel.ignored_in(tp901, s.file):
                        findings.append(_to_finding(reg, tp901, hit, sel, lang))
    for src in reg.files.values():
        src.release()
    findings.sort(key=lambda f: f.sort_key)
    paths = sorted(p for p in reg.files if only_files is None or p in only_files)
    return LintResult(findings, len(reg.files), errors, paths)


def _to_finding(reg: Registry, rule: type[Rule], hit: Hit, sel: Selection, lang: str) -> Finding:
    if hit.ru is not None:
        message = hit.ru if lang == "ru" else (hit.en or hit.ru)
    else:
        template = rule.message.get(lang) or rule.message["ru"]
        try:
            message = template.format(**_fmt_args(hit.args, lang))
        except (KeyError, IndexError):  # pragma: no cover - programming error in a rule
            message = template
    message = printable(message)
    src = reg.files.get(hit.file)
    if hit.line is not None:
        line, col = hit.line, hit.column or 1
        end_line, end_col = hit.end_line or line, hit.end_column or col
        anchors: tuple[int, ...] = (line,)
    elif src is not None:
        span = src.span(hit.path)
        line, col, end_line, end_col, anchors = (
            span.line,
            span.column,
            span.end_line,
            span.end_column,
            span.anchor_lines,
        )
    else:
        line = col = end_line = end_col = 1
        anchors = (1,)
    stable = stable_path(src.data if src is not None else None, hit.path)
    severity = sel.severity.get(rule.code, rule.severity)
    return Finding(
        rule=rule.code,
        name=rule.name,
        severity=severity,
        message=message,
        path=hit.file,
        line=line,
        column=col,
        end_line=end_line,
        end_column=end_col,
        yaml_path=pointer(hit.path),
        object=hit.object,
        fingerprint=fingerprint(rule.code, hit.file, stable, hit.object, hit.key),
        anchor_lines=anchors,
        stable_path=stable,
        key=hit.key,
    )


def _suppressed(f: Finding, supps: Iterable[Suppression]) -> bool:
    hit = False
    for s in supps:
        if f.rule not in s.codes:
            continue
        if s.whole_file or s.line in f.anchor_lines:
            s.used.add(f.rule)
            hit = True
    return hit
