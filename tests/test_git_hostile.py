"""Git input is data: hostile revision names run nothing, and hostile files at a revision (the bad-input
corpus, a symlink out of the registry, an oversized blob) are findings, never a crash."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import BASE, HERE, run_cli, write

GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}
PWNED = "pwned"


def git(repo: Path, *args: str) -> str:
    p = subprocess.run(
        ["git", *args], cwd=repo, env={**os.environ, **GIT_ENV}, capture_output=True, text=True, check=True
    )
    return p.stdout.strip()


def commit(top: Path, message: str) -> None:
    git(top, "add", "-A")
    git(top, "commit", "-q", "--allow-empty", "-m", message)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    top = tmp_path / "repo"
    top.mkdir()
    git(top, "init", "-q", "-b", "main")
    shutil.copytree(BASE, top / "reg")
    commit(top, "base")
    return top / "reg"


def _nothing_ran(repo: Path) -> None:
    for where in (repo, repo.parent, repo.parent.parent, Path.cwd()):
        assert not (where / PWNED).exists(), where


@pytest.mark.parametrize(
    "rev",
    [
        f"--upload-pack=touch {PWNED}",
        "-o",
        f"$(touch {PWNED})",
        f"`touch {PWNED}`",
        f"HEAD;touch {PWNED}",
        f"HEAD\n--upload-pack=touch {PWNED}",
        f"--exec=touch {PWNED}",
        "HEAD:../../../../etc/passwd",
        f"HEAD@{{--upload-pack=touch {PWNED}}}",
        "-" * 300,
    ],
    ids=["upload-pack", "-o", "subshell", "backticks", "semicolon", "newline", "exec", "path", "reflog", "dashes"],
)
def test_hostile_revision_is_refused_and_runs_nothing(repo: Path, rev: str) -> None:
    for args in (("diff", "--path", str(repo), "--", rev), ("diff", "--path", str(repo), "HEAD", "--", rev)):
        r = run_cli(*args, cwd=repo)
        assert r.code == 2, (args, r.stdout, r.stderr)
        assert r.stderr.strip() and "\n" not in r.stderr.strip()
    r = run_cli("lint", str(repo), f"--since={rev}", cwd=repo)
    assert r.code == 2 and "\n" not in r.stderr.strip(), r.stderr
    _nothing_ran(repo)
    assert git(repo.parent, "status", "--porcelain") == ""  # nothing written into the repository either


def test_hostile_files_at_a_revision_are_findings(repo: Path) -> None:
    """The bad-input corpus committed as one change: diff and lint --since read it from git without a crash."""
    expected = yaml.safe_load((HERE / "corpus/expected.yaml").read_text(encoding="utf-8"))
    names = [n for n, spec in expected.items() if "target" not in spec]
    for n in names:
        write(repo, f"processes/{n}", (HERE / "corpus" / n).read_bytes())
    os.symlink("/etc/passwd", repo / "processes/evil-link.yaml")
    write(repo, "processes/huge.yaml", b"# " + b"x" * (11 * 1024 * 1024) + b"\n")
    commit(repo.parent, "hostile files")
    r = run_cli("diff", "HEAD~1", "HEAD", "--format", "json", "--path", str(repo))
    assert r.code == 0, r.stderr  # the README: diff exits 0 when it compared
    report = json.loads(r.stdout)
    introduced = {f["path"] for f in report["findings"]["introduced"]}
    assert {f"processes/{n}" for n in names} <= introduced
    assert "processes/huge.yaml" in introduced and "processes/evil-link.yaml" in introduced
    assert "root:x:0:0" not in r.stdout  # the link was not followed out of the repository
    r = run_cli("lint", str(repo), "--since", "HEAD~1", "--format", "json", cwd=repo)
    assert r.code == 1
    assert {f"processes/{n}" for n in names} <= {f["path"] for f in json.loads(r.stdout)["findings"]}
    _nothing_ran(repo)


def test_hostile_file_names_at_a_revision(repo: Path) -> None:
    for name in ("-rf.yaml", "$(touch pwned).yaml", "--upload-pack=x.yaml", "a\nb.yaml", "пробел и кириллица.yaml"):
        write(repo, f"processes/{name}", "id: x\n\ttitle: Т\n")
    commit(repo.parent, "odd names")
    r = run_cli("diff", "HEAD~1", "HEAD", "--format", "json", "--path", str(repo))
    assert r.code == 0, r.stderr  # the README: diff exits 0 when it compared
    introduced = {f["path"] for f in json.loads(r.stdout)["findings"]["introduced"]}
    assert "processes/-rf.yaml" in introduced and "processes/a\nb.yaml" in introduced
    text = run_cli("diff", "HEAD~1", "HEAD", "--path", str(repo))
    assert text.code == 0 and "\x1b" not in text.stdout
    _nothing_ran(repo)
