"""A release names one version everywhere: the package, pyproject, the CI templates' pin, the changelog."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import REPO

import tpkit

PINNED = [
    "templates/init/dot.gitlab-ci.yml",
    "templates/init/dot.github/workflows/tpkit.yml",
    "examples/ci/gitlab-ci.yml",
    "examples/ci/github-workflow.yml",
    "templates/init/dot.github/workflows/pages.yml",
]


def test_every_ci_file_that_installs_tpkit_is_listed() -> None:
    """A new CI template (a Pages job, a review job) must pin the version too: it joins PINNED."""
    found = {
        p.relative_to(REPO).as_posix()
        for folder in ("templates", "examples")
        for p in (REPO / folder).rglob("*.y*ml")
        if "TPKIT_PACKAGE:" in p.read_text(encoding="utf-8")
    }
    assert sorted(found - set(PINNED)) == []


def test_pyproject_and_package_agree() -> None:
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")  # tomllib is 3.11+
    assert re.search(r'^version = "([^"]+)"', pyproject, flags=re.M).group(1) == tpkit.__version__  # type: ignore[union-attr]


@pytest.mark.parametrize("rel", PINNED)
def test_ci_templates_pin_this_version(rel: str) -> None:
    text = (REPO / rel).read_text(encoding="utf-8")
    pins = re.findall(r'TPKIT_PACKAGE: "tpkit==([^"]+)"', text)
    assert pins and set(pins) == {tpkit.__version__}, (rel, pins)
    assert set(re.findall(r"@v(\d+\.\d+\.\d+)", text)) <= {tpkit.__version__}


def test_changelog_has_this_version_first() -> None:
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    versions = re.findall(r"^## (\d+\.\d+\.\d+)", text, flags=re.M)
    assert versions[0] == tpkit.__version__ and "0.1.0" in versions


def test_pre_commit_hooks_example_names_this_version() -> None:
    text = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert f"rev: v{tpkit.__version__}" in text


def test_readme_links_the_guide_first() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    first_link = re.search(r"\]\(([^)]+)\)", readme)
    assert first_link is not None and first_link.group(1) == "docs/guide.ru.md"
    assert Path(REPO / "docs" / "guide.ru.md").is_file()
