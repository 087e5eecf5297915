"""The lint engine: rules -> hits -> findings, with selection, severities and suppressions.

Every finding comes from a rule of the catalogue: the structure rules report the reader's problems, the
review rules compare with an earlier revision (``base``), TP901 reports the suppressions left unused.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import docs, suppress
from .finding import SEVERITY_RANK, Bi, Finding, Hit, fingerprint, pointer, printable, stable_path
from .rule import ProblemRule, Rule, catalogue, matches
from .rule import problem_code as problem_code  # public: render reports a problem by its rule's code

if TYPE_CHECKING:
    from ..registry import Registry
    from ..registry.models import Config


@dataclass
class LintResult:
    findings: list[Finding]
    files: int
    #: internal errors of rules (a bug in tpkit, not in the registry)
    internal_errors: list[str] = field(default_factory=list)
    #: the files reported on (relative POSIX paths, sorted): all, or the ones named on the command line
    paths: list[str] = field(default_factory=list)
    #: where each rule is documented (:func:`tpkit.lint.docs.docs_url`), for reports that link to it
    docs_url: str | None = None

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


def run_rules(
    rules: Iterable[type[Rule]], run: Callable[[Rule], Iterable[Hit]], errors: list[str], debug: bool = False
) -> list[Hit]:
    """The hits of ``run(rule)`` for every rule; a rule that fails is an internal error, not a crash."""
    hits: list[Hit] = []
    for rule_cls in rules:
        try:
            hits.extend(run(rule_cls()))
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
    base: Registry | None = None,
    only_files: set[str] | None = None,
    debug: bool = False,
) -> LintResult:
    """The findings in ``reg``; with ``base`` (the registry at an earlier revision) the review rules'
    findings too."""
    cat = catalogue()
    sel = Selection.from_config(config, select, ignore)
    enabled = [r for r in cat.values() if sel.enabled(r)]
    active = [r for r in enabled if not r.review_only]
    errors: list[str] = []
    hits = run_rules(active, lambda rule: rule.check(reg), errors, debug)
    if base is not None:
        hits.extend(run_rules(enabled, lambda rule: rule.compare(base, reg), errors, debug))
    supps = suppress.parse(reg)
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
        if hit.about and all(sel.ignored_in(rule, f) for f in hit.about):
            continue
        if only_files is not None and hit.file not in only_files:
            continue
        f = _to_finding(reg, rule, hit, sel, lang)
        if f.fingerprint in seen:
            continue
        seen.add(f.fingerprint)
        if not rule.always_on and suppress.covers(f, supps.get(f.path, ())):
            continue
        if hit.about and not rule.always_on and suppress.covers_files(f.rule, hit.about, supps):
            continue
        findings.append(f)
    findings.extend(_unused_findings(reg, cat, sel, supps, only_files, lang, errors, debug, compared=base is not None))
    for src in reg.files.values():
        src.release()
    findings.sort(key=lambda f: f.sort_key)
    paths = sorted(p for p in reg.files if only_files is None or p in only_files)
    return LintResult(findings, len(reg.files), errors, paths, docs.docs_url(config))


def structure_errors(reg: Registry, cat: dict[str, type[Rule]]) -> bool:
    """Whether the reader or the loader found an error (a TP0 rule of severity error: a file unread, a schema
    broken, a reference to nothing): what the methodology rules see is then part of the registry, and whether a
    suppression is needed cannot be told anywhere."""
    kinds = {p.kind for p in reg.problems}
    return any(issubclass(r, ProblemRule) and r.problem_kind in kinds and r.severity == "error" for r in cat.values())


def _unused_findings(
    reg: Registry,
    cat: dict[str, type[Rule]],
    sel: Selection,
    supps: dict[str, list[suppress.Suppression]],
    only_files: set[str] | None,
    lang: str,
    errors: list[str],
    debug: bool,
    *,
    compared: bool,
) -> Iterator[Finding]:
    """Findings for the suppressions that suppressed nothing (once every other finding is matched). ``compared``:
    the run compared the registry with an earlier revision, so the review rules (TP113) ran too; without it a
    comment for one of them cannot be judged."""

    # while the registry is not read whole, whether a rule would fire is unknown: only a comment naming a rule that
    # can never be suppressed (a structure rule) or no rule at all is certainly unused (issue 25)
    judged = not structure_errors(reg, cat)

    def live(code: str, file: str) -> bool:
        r = cat.get(code)
        if r is None or r.always_on:
            return True
        return judged and sel.enabled(r) and not sel.ignored_in(r, file) and (compared or not r.review_only)

    unused = list(suppress.unused(supps, live, only_files))
    if not unused:
        return
    rules = [r for r in cat.values() if sel.enabled(r) and not r.review_only]
    for hit in run_rules(rules, lambda rule: rule.check_unused(unused), errors, debug):
        rule = cat[hit.code]
        if not sel.ignored_in(rule, hit.file):
            yield _to_finding(reg, rule, hit, sel, lang)


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
    span = hit.span if hit.span is not None else reg.locate(hit.file, hit.path)
    stable = stable_path(src.data if src is not None else None, hit.path)
    severity = sel.severity.get(rule.code, rule.severity)
    return Finding(
        rule=rule.code,
        name=rule.name,
        severity=severity,
        message=message,
        path=hit.file,
        span=span,
        yaml_path=pointer(hit.path),
        object=hit.object,
        fingerprint=fingerprint(rule.code, hit.file, stable, hit.object, hit.key),
        stable_path=stable,
        key=hit.key,
    )
