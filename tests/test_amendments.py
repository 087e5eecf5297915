"""Amending an approved register: ``register.approval.revision``, ``tpkit render changes``, ``tpkit diff`` by default."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLE, edit, run_cli
from test_review import commit, git

TAG = "register-2026-03"


@pytest.fixture
def approved(tmp_path: Path) -> Path:
    """The worked example committed and tagged as approved; agency.yaml then names the tag."""
    top = tmp_path / "repo"
    top.mkdir()
    git(top, "init", "-q", "-b", "main")
    shutil.copytree(EXAMPLE, top / "reg")
    commit(top, "approved register")
    git(top, "tag", TAG)
    root = top / "reg"
    edit(root, "agency.yaml", "    date: 2026-03-16\n", f"    date: 2026-03-16\n    revision: {TAG}\n")
    return root


def _amend(root: Path) -> None:
    # services: one touchpoint excluded, one included, one restated; appeals untouched
    p = root / "processes" / "child-benefit.yaml"
    text = p.read_text(encoding="utf-8")
    chatbot = "  - touchpoint: chatbot\n    needs: [info, consultation]\n    demand: 9500\n"
    assert chatbot in text
    text = text.replace(chatbot, "").replace("    demand: 48000\n", "    demand: 50000\n")
    text = text.replace(
        "touchpoints:\n  - touchpoint: site\n",
        "touchpoints:\n  - touchpoint: email\n    needs: [info]\n  - touchpoint: site\n",
    )
    p.write_text(text, encoding="utf-8")


def test_approval_may_name_the_approved_revision(approved: Path) -> None:
    from tpkit.registry import load_registry

    reg = load_registry(approved)
    assert reg.agency is not None and reg.agency.register is not None
    assert reg.agency.register.approval is not None and reg.agency.register.approval.revision == TAG
    schema = (Path(__file__).resolve().parent.parent / "schemas" / "agency.schema.json").read_text(encoding="utf-8")
    assert '"revision"' in schema


def test_render_changes_lists_excluded_included_and_restated_rows_per_process(approved: Path) -> None:
    _amend(approved)
    r = run_cli("render", "changes", "--format", "md", "--output", "-", cwd=approved)
    assert r.code == 0, r.stderr
    md = r.stdout
    assert "Изменения, которые вносятся в перечень точек взаимодействия" in md
    assert "утвержденный приказом" in md and "№ 112-од" in md
    assert "## 1. Предоставление услуг" in md
    assert "### Назначение ежемесячной выплаты" in md
    excluded, included, restated = (md.index(w) for w in ("Исключить строки", "Включить строки", "Изложить строки"))
    assert excluded < included < restated
    assert "Чат-бот «Помощник»" in md[excluded:included]
    assert "Электронная почта" in md[included:restated]
    assert "50\u00a0000 обращений в год" in md[restated:] and "изменены графы: востребованность" in md
    # unchanged processes and directions are not listed
    assert "Рассмотрение обращений граждан" not in md and "обращений граждан\n" not in md


def test_render_changes_docx_and_an_explicit_base(approved: Path, tmp_path: Path) -> None:
    _amend(approved)
    out = tmp_path / "changes.docx"
    r = run_cli("render", "changes", TAG, "--output", str(out), cwd=approved)
    assert r.code == 0, r.stderr
    xml = zipfile.ZipFile(io.BytesIO(out.read_bytes())).read("word/document.xml").decode()
    assert "Включить строки" in xml and 'w:orient="landscape"' in xml


def test_render_changes_without_changes_says_so(approved: Path) -> None:
    r = run_cli("render", "changes", "--format", "md", "-o", "-", cwd=approved)
    assert r.code == 0 and f"Изменений в перечне с ревизии {TAG} нет" in r.stdout


def test_render_changes_never_writes_over_a_registry_file(approved: Path) -> None:
    before = (approved / "agency.yaml").read_bytes()
    r = run_cli("render", "changes", "--format", "md", "--output", "agency.yaml", cwd=approved)
    assert r.code == 2 and (approved / "agency.yaml").read_bytes() == before


def test_diff_defaults_to_the_approved_revision(approved: Path) -> None:
    _amend(approved)
    r = run_cli("diff", "--format", "json", cwd=approved)
    assert r.code == 0, r.stderr
    assert f'"base": "{TAG}"' in r.stdout and "child-benefit" in r.stdout


def test_without_base_or_approved_revision_is_a_usage_error(approved: Path) -> None:
    edit(approved, "agency.yaml", f"    revision: {TAG}\n", "")
    for args in (("diff",), ("render", "changes")):
        r = run_cli(*args, cwd=approved)
        assert r.code == 2 and "register.approval.revision" in r.stderr, args


def test_an_unknown_approved_revision_is_a_one_line_error(approved: Path) -> None:
    edit(approved, "agency.yaml", f"    revision: {TAG}\n", "    revision: no-such-tag\n")
    r = run_cli("render", "changes", cwd=approved)
    assert r.code == 2 and "no-such-tag" in r.stderr and "\n" not in r.stderr.strip()


def test_render_changes_is_a_draft_in_every_format(
    approved: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The amending order is not signed yet: «ПРОЕКТ» above the blank stamp; PDF and ODT as every other document
    (0.2.0 had docx, md and html only)."""
    from test_render_office import fake_soffice

    _amend(approved)
    md = run_cli("render", "changes", "--format", "md", "--output", "-", cwd=approved).stdout
    assert md.startswith("**ПРОЕКТ**") and md.index("ПРОЕКТ") < md.index("УТВЕРЖДЕНЫ")
    log = fake_soffice(tmp_path, monkeypatch)
    for fmt in ("pdf", "odt"):
        out = tmp_path / f"changes.{fmt}"
        r = run_cli("render", "changes", "--format", fmt, "--output", str(out), cwd=approved)
        assert r.code == 0 and out.is_file(), r.stderr
        # the stand-in copies the DOCX it was given: the changes document, through the same LibreOffice path
        xml = zipfile.ZipFile(out).read("word/document.xml").decode()
        assert "ПРОЕКТ" in xml and "Включить строки" in xml
    assert len(log.read_text().splitlines()) == 2
    r = run_cli("render", "changes", "--format", "odt", "--pdfa", "--output", str(tmp_path / "x.odt"), cwd=approved)
    assert r.code == 2
