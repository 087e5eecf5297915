"""Review entry points: a registry at a revision, ``tpkit diff`` and ``tpkit lint --since``.

Both sides are linted with the same configuration (the working tree's
``tpkit.yaml``) so that a finding means the same thing on both; a rule
switched on in this merge request does not report the whole registry as new.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..lint.engine import LintResult, lint
from ..lint.rules.review import LowDemandRemoved
from ..registry import Registry, load_registry
from ..registry.models import Config
from . import gitrev
from .diff import Diff, compare_findings, diff_registries, renamed_files
from .gitrev import WORKTREE, GitError

__all__ = ["GitError", "Side", "WORKTREE", "load_side", "lint_since", "run_diff"]


@dataclass
class Side:
    """One side of a review: a label for reports, the commit (None: the working tree), the registry."""

    label: str
    commit: str | None
    registry: Registry


def load_side(root: Path, rev: str | None, repo: gitrev.Repo | None = None) -> Side:
    """The registry at ``rev``, or in the working tree when ``rev`` is None (uncommitted changes included)."""
    if rev is None:
        return Side(WORKTREE, None, load_registry(root))
    gitrev.check_revision(rev)
    repo = repo or gitrev.open_repo(root)
    sha = gitrev.resolve(repo, rev)
    sources = gitrev.read_sources(repo, sha)
    return Side(rev, sha, load_registry(root, sources=sources))


def _lint_pair(
    old: Registry,
    new: Registry,
    config: Config,
    *,
    lang: str,
    select: list[str] | None,
    ignore: list[str] | None,
    only_files: set[str] | None = None,
    debug: bool = False,
) -> tuple[LintResult, LintResult]:
    tp113 = list(LowDemandRemoved.compare(old, new))
    before = lint(old, config, select=select, ignore=ignore, lang=lang, debug=debug)
    after = lint(new, config, select=select, ignore=ignore, lang=lang, extra_hits=tp113, only_files=only_files, debug=debug)
    return before, after


def lint_since(
    root: Path,
    rev: str,
    config: Config,
    *,
    lang: str = "ru",
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    only_files: set[str] | None = None,
    debug: bool = False,
) -> LintResult:
    """Findings of the working tree whose fingerprints are absent at ``rev``, plus TP113."""
    gitrev.check_revision(rev)
    repo = gitrev.open_repo(root)
    base = load_side(root, rev, repo)
    head = load_side(root, None)
    before, after = _lint_pair(
        base.registry, head.registry, config, lang=lang, select=select, ignore=ignore, only_files=only_files, debug=debug
    )
    introduced, _ = compare_findings(before.findings, after.findings, renamed_files(base.registry, head.registry))
    return LintResult(introduced, after.files, before.internal_errors + after.internal_errors)


def run_diff(
    root: Path,
    base_rev: str,
    head_rev: str | None,
    config: Config,
    *,
    lang: str = "ru",
    debug: bool = False,
) -> tuple[Diff, list[str]]:
    """The semantic diff between ``base_rev`` and ``head_rev`` (None: the working tree), and internal errors."""
    gitrev.check_revision(base_rev)
    if head_rev is not None:
        gitrev.check_revision(head_rev)
    repo = gitrev.open_repo(root)
    base = load_side(root, base_rev, repo)
    head = load_side(root, head_rev, repo)
    before, after = _lint_pair(base.registry, head.registry, config, lang=lang, select=None, ignore=None, debug=debug)
    d = diff_registries(
        base.registry,
        head.registry,
        base=base.label,
        head=head.label,
        base_findings=before.findings,
        head_findings=after.findings,
        lang=lang,
    )
    return d, before.internal_errors + after.internal_errors
