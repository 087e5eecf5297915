"""The register's figures over its last commits, read with the git plumbing review uses (the working tree untouched)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .context import Figures, figures

if TYPE_CHECKING:
    from ..registry.models import Config


@dataclass
class Point:
    commit: str
    date: str
    subject: str
    figures: Figures


def history(root: Path, config: Config, count: int) -> list[Point]:
    """Figures of the last ``count`` commits that touched the registry, oldest first; GitError when git cannot say."""
    from ..lint.engine import lint
    from ..registry import load_registry
    from ..registry.source import SourceFile
    from ..review import gitrev

    repo = gitrev.open_repo(root)
    proc = subprocess.run(
        ["git", "log", f"--max-count={count}", "--format=%H%x09%cs%x09%s", "HEAD", "--", "."],
        cwd=root,
        capture_output=True,
        check=False,
    )
    if proc.returncode != 0:
        raise gitrev.GitError(
            proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:][0] if proc.stderr else "git log"
        )
    out: list[Point] = []
    cache: dict[str, SourceFile] = {}
    for line in reversed(proc.stdout.decode("utf-8", "replace").splitlines()):
        sha, date, subject = [*line.split("\t", 2), "", ""][:3]
        reg = load_registry(root, gitrev.read_sources(repo, sha, cache))
        out.append(Point(sha[:8], date, subject, figures(reg, lint(reg, config))))
    return out
