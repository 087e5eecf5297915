"""The worked example is clean, each anti-pattern registry trips its rule, docs/rules.md is current,
and a new user's formal mistake in the example is caught where it stands."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE, REPO, codes, lint_json, run_cli

ANTIPATTERNS = REPO / "examples" / "antipatterns"
FOLDERS = sorted(p for p in ANTIPATTERNS.iterdir() if p.is_dir()) if ANTIPATTERNS.is_dir() else []


def test_example_registry_lints_without_error_or_warning() -> None:
    report = lint_json(EXAMPLE)
    loud = [
        f"{f['rule']} {f['path']}:{f['line']} {f['message']}" for f in report["findings"] if f["severity"] != "info"
    ]
    assert loud == []
    assert report["summary"]["files"] >= 5


def test_the_methodologys_named_mistakes_have_an_antipattern_registry() -> None:
    have = {p.name.split("-", 1)[0] for p in FOLDERS}
    assert {"TP101", "TP104", "TP201", "TP203", "TP302", "TP303"} <= have


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_each_antipattern_triggers_the_rule_it_is_named_after(folder: Path) -> None:
    code = folder.name.split("-", 1)[0]
    name = folder.name.split("-", 1)[1]
    report = lint_json(folder)
    mine = [f for f in report["findings"] if f["rule"] == code]
    assert mine and all(f["name"] == name for f in mine)
    # the registry is otherwise sound: no structural finding hides the mistake
    assert not [c for c in codes(report) if c.startswith("TP0") and c != code]


def test_docs_rules_md_is_generated_from_the_rules() -> None:
    r = run_cli("rules", "--format", "md")
    assert r.code == 0
    committed = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == r.stdout, "docs/rules.md is stale: run `tpkit rules --format md > docs/rules.md`"


def _formal(text: str) -> str:
    """Replace a process's touchpoints block with the ЕПГУ + приемная, both [submit, result] pattern."""
    block = re.search(r"^touchpoints:\n(?:(?:[ #].*)?\n)*", text, flags=re.M)
    assert block is not None
    formal = "touchpoints:\n  - touchpoint: epgu\n    needs: [submit, result]\n  - touchpoint: reception\n    needs: [submit, result]\n"
    return text[: block.start()] + formal + text[block.end() :]


def test_new_user_makes_the_formal_mistake_in_the_example(tmp_path: Path) -> None:
    reg = tmp_path / "registry"
    shutil.copytree(EXAMPLE, reg)
    catalogue = (reg / "touchpoints.yaml").read_text(encoding="utf-8")
    assert "id: epgu" in catalogue and "id: reception" in catalogue
    target = reg / "processes" / "large-family-certificate.yaml"
    assert target.exists()
    target.write_text(_formal(target.read_text(encoding="utf-8")), encoding="utf-8")
    line = target.read_text(encoding="utf-8").splitlines().index("touchpoints:") + 1

    r = run_cli("lint", str(reg))
    assert r.code == 1
    tp101 = [ln.strip() for ln in r.stdout.splitlines() if " TP101 " in ln]
    assert tp101 == [tp101[0]] and tp101[0].startswith(
        f"processes/large-family-certificate.yaml:{line}:1 TP101 formal-approach"
    )
    # it names the process and the touchpoints in the user's words, and says what to add
    assert "«Выдача удостоверения многодетной семьи»" in tp101[0]
    assert "ЕПГУ" in tp101[0] and "официальный сайт" in tp101[0] and "контактный центр" in tp101[0]
    # the other processes stay clean: the finding is where the mistake is
    report = lint_json(reg)
    assert {f["path"] for f in report["findings"] if f["severity"] != "info"} == {
        "processes/large-family-certificate.yaml"
    }
    assert not {"TP102", "TP103"} & set(codes(report))
