"""Review entry points: a registry at a revision, ``tpkit diff`` and ``tpkit lint --since``.

Both sides are linted with the same configuration (the working tree's
``tpkit.yaml``) so that a finding means the same thing on both; a rule
switched on in this merge request does not report the whole registry as new.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..lint.engine import LintResult, lint
from ..registry import Registry, load_registry
from ..registry.load import discover
from ..registry.source import SourceFile, read_source
from ..registry.yaml import MAX_FILE_BYTES
from . import gitrev
from .diff import Diff, compare_findings, diff_registries, renamed_files
from .gitrev import WORKTREE, GitError

if TYPE_CHECKING:
    from ..registry.models import Config

__all__ = ["WORKTREE", "GitError", "Side", "approved_revision", "lint_since", "load_side", "run_diff"]


@dataclass
class Side:
    """One side of a review: a label for reports, the commit (None: the working tree), the registry."""

    label: str
    commit: str | None
    registry: Registry


def read_worktree(root: Path, cache: dict[str, SourceFile] | None = None) -> list[SourceFile]:
    """The registry's files on disk, as :func:`load_registry` reads them; files unchanged since the
    other side of the review are not parsed again."""
    out: list[SourceFile] = []
    for path, kind in discover(root):
        if cache is not None:
            try:
                if path.is_file() and not path.is_symlink() and path.stat().st_size <= MAX_FILE_BYTES:
                    raw = path.read_bytes()
                    rel = path.relative_to(root).as_posix()
                    out.append(gitrev.reuse(cache, gitrev.blob_id(raw), rel, kind, raw))
                    continue
            except OSError:
                pass  # read_source reports it
        out.append(read_source(root, path, kind))
    return out


def load_side(
    root: Path, rev: str | None, repo: gitrev.Repo | None = None, cache: dict[str, SourceFile] | None = None
) -> Side:
    """The registry at ``rev``, or in the working tree when ``rev`` is None (uncommitted changes included).

    ``cache`` (blob id -> parsed file) lets the two sides of a review share
    the parsing of the files they have in common.
    """
    if rev is None:
        return Side(WORKTREE, None, load_registry(root, sources=read_worktree(root, cache)))
    gitrev.check_revision(rev)
    repo = repo or gitrev.open_repo(root)
    sha = gitrev.resolve(repo, rev)
    sources = gitrev.read_sources(repo, sha, cache)
    return Side(rev, sha, load_registry(root, sources=sources))


def approved_revision(root: Path) -> str | None:
    """``agency.yaml: register.approval.revision``: the git revision (a tag) the register was approved at.

    Read from the working tree's agency.yaml alone (the default BASE of ``tpkit diff`` and ``render changes``);
    an unreadable file or value gives None.
    """
    path = root / "agency.yaml"
    if not path.is_file():
        return None
    data = read_source(root, path, "agency").data
    for key in ("register", "approval", "revision"):
        data = data.get(key) if isinstance(data, dict) else None
    return data if isinstance(data, str) and data else None


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
    """Both sides linted alike; the head also with the review rules, which compare it with the base."""
    before = lint(old, config, select=select, ignore=ignore, lang=lang, debug=debug)
    after = lint(new, config, select=select, ignore=ignore, lang=lang, base=old, only_files=only_files, debug=debug)
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
    """Findings of the working tree whose fingerprints are absent at ``rev``, plus the review rules' (TP113)."""
    gitrev.check_revision(rev)
    repo = gitrev.open_repo(root)
    cache: dict[str, SourceFile] = {}
    head = load_side(root, None, cache=cache)
    base = load_side(root, rev, repo, cache)
    before, after = _lint_pair(
        base.registry,
        head.registry,
        config,
        lang=lang,
        select=select,
        ignore=ignore,
        only_files=only_files,
        debug=debug,
    )
    introduced, _ = compare_findings(before.findings, after.findings, renamed_files(base.registry, head.registry))
    return LintResult(
        introduced, after.files, before.internal_errors + after.internal_errors, after.paths, after.docs_url
    )


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
    cache: dict[str, SourceFile] = {}
    # the head first: the base side then reads from git only the files that differ
    head = load_side(root, head_rev, repo, cache)
    base = load_side(root, base_rev, repo, cache)
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
