"""What the repository ships for CI: the pre-commit hook, the GitLab template, the GitHub workflow."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from ci_helpers import break_registry
from conftest import BASE, REPO, lint_json

HOOKS = REPO / ".pre-commit-hooks.yaml"
GITLAB = REPO / "examples/ci/gitlab-ci.yml"
GITHUB = REPO / "examples/ci/github-workflow.yml"


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=ci@example.org", "-c", "user.name=ci", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def _registry_repo(tmp_path: Path) -> Path:
    """A registry kept at the root of its own git repository, as `tpkit init` lays it out."""
    repo = tmp_path / "registry-repo"
    shutil.copytree(BASE, repo)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "register")
    return repo


def _tpkit_on_path(tmp_path: Path) -> dict[str, str]:
    """An environment where `tpkit` on PATH is this checkout's tpkit, as after `pip install`."""
    bindir = tmp_path / "bin"
    bindir.mkdir(exist_ok=True)
    shim = bindir / "tpkit"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m tpkit "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    env = dict(os.environ)
    env["PATH"] = f"{bindir}{os.pathsep}{env['PATH']}"
    env["PYTHONPATH"] = str(REPO / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("GITHUB_ACTIONS", None)
    return env


def _hook(hook_id: str) -> dict:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    return next(h for h in hooks if h["id"] == hook_id)


# -- pre-commit ----------------------------------------------------------------------------------


def test_pre_commit_hook_definition() -> None:
    hook = _hook("tpkit-lint")
    assert hook["language"] == "python" and hook["entry"] == "tpkit lint" and hook["pass_filenames"] is True
    files = re.compile(hook["files"])
    for path in (
        "agency.yaml",
        "acts.yaml",
        "touchpoints.yaml",
        "tpkit.yaml",
        "processes/child-benefit.yaml",
        "procedures/reception.yaml",
        "registry/processes/x.yml",
        "registry/agency.yaml",
    ):
        assert files.search(path), path
    for path in (
        "README.md",
        ".gitlab-ci.yml",
        ".pre-commit-config.yaml",
        "schemas/process.schema.json",
        "examples/ci/gitlab-ci.yml",
        "processes/notes.md",
        "processes/old/x.yaml",
        "myagency.yaml",
    ):
        assert not files.search(path), path


def _run_hook_as_pre_commit(repo: Path, env: dict[str, str], staged: list[str]) -> subprocess.CompletedProcess[str]:
    """What pre-commit does for a `language: python` hook: filter the files, append them to the entry."""
    hook = _hook("tpkit-lint")
    pattern = re.compile(hook["files"])
    names = [f for f in staged if pattern.search(f)]
    assert names, staged
    argv = [*shlex.split(hook["entry"]), *hook.get("args", []), *names]
    return subprocess.run(argv, cwd=repo, env=env, capture_output=True, text=True, timeout=120)


def test_hook_entry_with_filenames_reports_on_those_files(tmp_path: Path) -> None:
    repo = _registry_repo(tmp_path)
    env = _tpkit_on_path(tmp_path)
    (repo / "processes/broken.yaml").write_text("id: broken\n\ttitle: x\n", encoding="utf-8")
    r = _run_hook_as_pre_commit(repo, env, ["processes/broken.yaml", "README.md"])
    assert r.returncode == 1 and "processes/broken.yaml:2:1 TP001" in r.stdout
    # the whole registry is linted, but only the staged files are reported on
    r = _run_hook_as_pre_commit(repo, env, ["processes/child-benefit.yaml"])
    assert r.returncode == 0 and "broken.yaml" not in r.stdout, r.stdout + r.stderr


def _pre_commit_available() -> bool:
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        return False
    return (REPO / ".git").exists() and shutil.which("git") is not None


_NETWORK = (
    "Could not find a version",
    "No matching distribution",
    "ConnectionError",
    "Temporary failure in name resolution",
    "Network is unreachable",
    "ReadTimeoutError",
)


@pytest.mark.network  # pre-commit installs tpkit and its dependencies from a package index
@pytest.mark.skipif(not _pre_commit_available(), reason="pre-commit (dev extra) or a git checkout of tpkit is absent")
def test_pre_commit_try_repo_runs_the_hook(tmp_path: Path) -> None:
    """The real thing: pre-commit installs tpkit from this repository into its hook environment and runs it."""
    repo = _registry_repo(tmp_path)
    (repo / "processes/broken.yaml").write_text("id: broken\n\ttitle: x\n", encoding="utf-8")
    _git(repo, "add", "-A")
    env = dict(os.environ)
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    env.pop("GITHUB_ACTIONS", None)
    cmd = [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "tpkit-lint", "--files"]
    # one call: try-repo installs a fresh hook environment every time (tens of seconds)
    r = subprocess.run(
        [*cmd, "processes/broken.yaml", "processes/child-benefit.yaml"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    out = r.stdout + r.stderr
    if r.returncode not in (0, 1) or "An unexpected error" in out:
        log = Path(env["PRE_COMMIT_HOME"]) / "pre-commit.log"
        text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else out
        if any(s in text for s in _NETWORK):
            pytest.skip("pre-commit could not install the hook environment: no package index")
        pytest.fail(text[-3000:])
    assert r.returncode == 1, out
    assert "tpkit lint" in out and "Failed" in out and "processes/broken.yaml:2:1 TP001" in out


# -- the GitLab template -------------------------------------------------------------------------


def _check_jsonschema(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_gitlab_template_is_valid_gitlab_ci() -> None:
    r = _check_jsonschema("vendor.gitlab-ci", GITLAB)
    assert r.returncode == 0, r.stdout + r.stderr


def test_github_workflow_is_valid_and_uploads_sarif() -> None:
    r = _check_jsonschema("vendor.github-workflows", GITHUB)
    assert r.returncode == 0, r.stdout + r.stderr
    wf = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    assert wf["permissions"]["security-events"] == "write"
    steps = wf["jobs"]["lint"]["steps"]
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    sarif_step = next(s for s in steps if "--format sarif" in s.get("run", ""))
    out = shlex.split(sarif_step["run"])
    assert out[out.index("--output") + 1] == upload["with"]["sarif_file"]
    assert steps.index(sarif_step) < steps.index(upload)
    assert any("--format github" in s.get("run", "") for s in steps[steps.index(upload) + 1 :])


def test_gitlab_template_as_a_new_user_runs_it(tmp_path: Path) -> None:
    """A registry repository with the GitLab template: run the job's script as the runner would."""
    repo = _registry_repo(tmp_path)
    shutil.copy(GITLAB, repo / ".gitlab-ci.yml")
    break_registry(repo)
    expected = lint_json(repo)["findings"]
    job = yaml.safe_load((repo / ".gitlab-ci.yml").read_text(encoding="utf-8"))["tpkit-lint"]
    report_name = job["artifacts"]["reports"]["codequality"]
    assert job["artifacts"]["when"] == "always"  # the report is kept when the job fails
    env = _tpkit_on_path(tmp_path)
    log = ""
    codes = []
    for line in job["script"]:
        r = subprocess.run(["bash", "-c", line], cwd=repo, env=env, capture_output=True, text=True, timeout=120)
        log += r.stdout + r.stderr
        codes.append(r.returncode)
    assert codes[:-1] == [0] * (len(codes) - 1) and codes[-1] == 1  # the job fails on the errors
    # the log shows the findings as text
    for f in expected:
        assert f"{f['path']}:{f['line']}:{f['column']} {f['rule']}" in log
    issues = json.loads((repo / report_name).read_text(encoding="utf-8"))
    # each finding once, with path and line
    assert len(issues) == len(expected)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert sorted((i["location"]["path"], i["location"]["lines"]["begin"], i["check_name"]) for i in issues) == sorted(
        (f["path"], f["line"], f["rule"]) for f in expected
    )
    for i in issues:
        lines = (repo / i["location"]["path"]).read_text(encoding="utf-8").splitlines()
        assert 1 <= i["location"]["lines"]["begin"] <= len(lines)


def test_junit_with_since_keeps_a_suite_per_file(tmp_path: Path) -> None:
    """`lint --since REV --format junit` in a merge request: clean files still show as passing suites."""
    from xml.etree import ElementTree as ET

    from conftest import run_cli

    repo = _registry_repo(tmp_path)
    (repo / "processes/broken.yaml").write_text("id: broken\ntitle: B\ndirection: nope\n", encoding="utf-8")
    r = run_cli("lint", str(repo), "--since", "HEAD", "--format", "junit", "--fail-on", "never", cwd=repo)
    assert r.code == 0, r.stdout + r.stderr
    suites = {s.get("name"): s for s in ET.fromstring(r.stdout.encode("utf-8")).findall("testsuite")}
    assert int(suites["processes/broken.yaml"].get("failures")) >= 1
    assert suites["acts.yaml"].get("failures") == "0" and len(suites["acts.yaml"].findall("testcase")) == 1
