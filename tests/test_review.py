"""Review of a merge request: tpkit diff and tpkit lint --since over a real git history in a temporary folder."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from conftest import BASE, codes, edit, lint_json, run_cli, write

from tpkit.lint.rule import catalogue

GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV, "GIT_CONFIG_GLOBAL": os.devnull}
    p = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return p.stdout.strip()


def commit(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message)
    return git(repo, "rev-parse", "HEAD")


@pytest.fixture(scope="module")
def committed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The base fixture committed once per module; each test gets a copy (git's files and all)."""
    import shutil

    top = tmp_path_factory.mktemp("committed") / "repo"
    top.mkdir()
    git(top, "init", "-q", "-b", "main")
    shutil.copytree(BASE, top / "reg")
    commit(top, "base")
    return top


@pytest.fixture
def repo(tmp_path: Path, committed: Path) -> Path:
    """A git repository whose registry lives in the subfolder ``reg``; the base fixture is committed."""
    import shutil

    top = tmp_path / "repo"
    shutil.copytree(committed, top, symlinks=True)
    return top / "reg"


def diff_json(root: Path, *revs: str) -> dict:
    r = run_cli("diff", *revs, "--format", "json", "--path", str(root))
    assert r.code == 0, r.stdout + r.stderr
    return json.loads(r.stdout)


def changed(report: dict, kind: str, ident: str) -> dict:
    items = [c for c in report[kind]["changed"] if c["id"] == ident]
    assert len(items) == 1, report[kind]
    return items[0]


PROCESS = """\
id: {id}
title: {title}
direction: services
units: [benefits]
basis: [ar-benefit]
touchpoints:
  - touchpoint: site
    needs: [info, forms]
  - touchpoint: phone
    needs: [consultation, status]
  - touchpoint: epgu
    needs: [submit, status, result, feedback]
  - touchpoint: reception
    needs: [submit, result, feedback_result]
"""


# --- processes, touchpoints, needs -------------------------------------------------------


def test_added_and_removed_processes_are_listed_by_id(repo: Path) -> None:
    write(repo, "processes/housing.yaml", PROCESS.format(id="housing", title="Субсидия на оплату жилья"))
    added = commit(repo.parent, "add housing")
    report = diff_json(repo, "HEAD~1", "HEAD")
    assert report["processes"]["added"] == ["housing"]
    assert report["processes"]["removed"] == []
    assert report["base"] == "HEAD~1" and report["head"] == "HEAD"
    write(repo, "processes/housing.yaml", None)
    write(repo, "processes/child-benefit.yaml", None)
    commit(repo.parent, "remove both")
    report = diff_json(repo, added)
    assert report["processes"]["removed"] == ["child-benefit", "housing"]
    assert report["processes"]["added"] == []


def test_touchpoint_entries_and_needs_per_entry(repo: Path) -> None:
    edit(repo, "processes/child-benefit.yaml", "needs: [consultation, status]", "needs: [consultation, feedback]")
    edit(
        repo,
        "processes/child-benefit.yaml",
        "  - touchpoint: reception\n    needs: [submit, result, feedback_result]\n",
        "",
    )
    edit(
        repo,
        "touchpoints.yaml",
        "  - id: reception\n",
        "  - id: chatbot\n    name: Чат-бот министерства\n    channel: chatbot\n    basis: [cc-statute]\n"
        "    responsible: petrova\n  - id: reception\n",
    )
    (repo / "processes/child-benefit.yaml").write_text(
        (repo / "processes/child-benefit.yaml")
        .read_text(encoding="utf-8")
        .replace("notifications:", "  - touchpoint: chatbot\n    needs: [info, consultation]\nnotifications:"),
        encoding="utf-8",
    )
    commit(repo.parent, "touchpoints")
    report = diff_json(repo, "HEAD~1", "HEAD")
    proc = changed(report, "processes", "child-benefit")
    assert proc["touchpoints"]["added"] == ["chatbot"]
    assert proc["touchpoints"]["removed"] == ["reception"]
    assert proc["touchpoints"]["changed"] == [
        {"touchpoint": "phone", "needs_added": ["feedback"], "needs_removed": ["status"], "fields": {}}
    ]
    assert report["touchpoints"]["added"] == ["chatbot"]
    assert report["touchpoints"]["removed"] == [] and report["touchpoints"]["changed"] == []
    assert proc["fields"] == {}


def test_responsible_basis_demand_and_approval_changes(repo: Path) -> None:
    edit(
        repo,
        "processes/child-benefit.yaml",
        "needs: [info, forms]",
        "needs: [info, forms]\n    demand: 1200\n    basis: [cc-statute]",
    )
    edit(
        repo,
        "touchpoints.yaml",
        "url: https://www.gosuslugi.ru\n    basis: [ar-benefit]",
        "url: https://www.gosuslugi.ru\n    basis: [ar-benefit, cc-statute]",
    )
    edit(repo, "agency.yaml", "number: 45-од", "number: 47-од")
    edit(repo, "procedures/all.yaml", "number: 46-од", "number: 48-од")
    report = diff_json(repo, "HEAD")  # the working tree, uncommitted
    assert report["head"] == "WORKTREE"
    entry = changed(report, "processes", "child-benefit")["touchpoints"]["changed"][0]
    assert entry["touchpoint"] == "site"
    assert entry["fields"] == {"basis": [None, ["cc-statute"]], "demand": [None, 1200]}
    assert changed(report, "touchpoints", "epgu")["fields"] == {"basis": [["ar-benefit"], ["ar-benefit", "cc-statute"]]}
    assert report["agency"]["fields"]["register.approval"][1]["number"] == "47-од"
    proc = changed(report, "procedures", "all")
    assert proc["sections"] == []
    assert proc["fields"]["approval"][0]["number"] == "46-од" and proc["fields"]["approval"][1]["number"] == "48-од"


def test_a_changed_approval_shows_what_changed_in_it(repo: Path) -> None:
    # 0.3 review: the approval was printed whole on both sides and cut at 120 (60 in Markdown) characters, so a new
    # number or revision after a long title read «title: Приказ …; number: 45-од; … → title: Приказ …; number: 45-од; …»
    edit(repo, "agency.yaml", "number: 45-од", "number: 47-од\n    revision: перечень-2026-02")
    for fmt in ("text", "md"):
        r = run_cli("diff", "HEAD", "--format", fmt, cwd=repo)
        assert r.code == 0, r.stderr
        line = next(x for x in r.stdout.splitlines() if "утверждение перечня" in x)
        assert "номер: «45-од» → «47-од»" in line and "ревизия: — → «перечень-2026-02»" in line, line
        assert "Приказ" not in line  # the title did not change


def test_a_person_s_name_is_their_full_name_not_a_denomination(repo: Path) -> None:
    # an official's and the head's changed name read «наименование: «Петрова …» → «Сидорова …»», the word for the
    # name of an organisation or a document; a unit keeps «наименование»
    edit(repo, "agency.yaml", "name: Петрова Мария Ивановна", "name: Сидорова Мария Ивановна")
    edit(repo, "agency.yaml", "name: А. А. Иванов", "name: Б. Б. Петров")
    for fmt in ("text", "md"):
        r = run_cli("diff", "HEAD", "--format", fmt, cwd=repo)
        assert r.code == 0, r.stderr
        assert "ФИО: «Петрова Мария Ивановна» → «Сидорова Мария Ивановна»" in r.stdout, r.stdout
        assert "руководитель: ФИО: «А. А. Иванов» → «Б. Б. Петров»" in r.stdout, r.stdout
        assert "наименование: «" not in r.stdout
    r = run_cli("--lang", "en", "diff", "HEAD", cwd=repo)
    assert "name: «Петрова Мария Ивановна» → «Сидорова Мария Ивановна»" in r.stdout, r.stdout


def test_a_procedure_whose_document_the_register_changes_is_named_with_its_sections(repo: Path) -> None:
    # the guide promises «какие разделы порядков затронуты»: a need added at a touchpoint the procedure covers changes
    # its §1 (the needs per process) and, for feedback, its §6, though the procedure's file is untouched; the
    # reviewer learnt nothing of the document that must be approved again
    edit(repo, "processes/child-benefit.yaml", "needs: [info, forms]", "needs: [info, forms, feedback]")
    report = diff_json(repo, "HEAD")
    proc = changed(report, "procedures", "all")
    assert proc["sections"] == [] and proc["register_sections"] == ["general", "feedback"], proc
    for fmt, words in (
        ("text", "разделы по изменениям перечня: 1. Общие положения; 6. Обратная связь"),
        ("md", "по изменениям перечня"),
    ):
        r = run_cli("diff", "HEAD", "--format", fmt, cwd=repo)
        assert r.code == 0 and words in r.stdout, r.stdout


def test_a_procedure_that_does_not_cover_the_changed_touchpoint_is_not_named(repo: Path) -> None:
    edit(repo, "procedures/all.yaml", "touchpoints: all", "touchpoints: [reception]")
    commit(repo.parent, "the procedure covers the reception only")
    edit(repo, "processes/child-benefit.yaml", "needs: [info, forms]", "needs: [info, forms, feedback]")
    report = diff_json(repo, "HEAD")
    assert report["procedures"]["changed"] == [], report["procedures"]
    edit(repo, "processes/child-benefit.yaml", "needs: [submit, result, feedback_result]", "needs: [submit, result]")
    assert changed(diff_json(repo, "HEAD"), "procedures", "all")["register_sections"] == ["general", "feedback"]


def test_procedure_sections_changed_are_named_in_section_order(repo: Path) -> None:
    edit(repo, "procedures/all.yaml", "periodicity: ежемесячно", "periodicity: еженедельно")
    edit(
        repo,
        "procedures/all.yaml",
        "principles: [Клиентоцентричность, Открытость]",
        "principles: [Клиентоцентричность]",
    )
    edit(repo, "procedures/all.yaml", "promptness: {status: gap, finding", "promptness: {status: ok, finding")
    commit(repo.parent, "procedure")
    report = diff_json(repo, "HEAD~1", "HEAD")
    proc = changed(report, "procedures", "all")
    assert proc["sections"] == ["general", "control"]
    assert proc["assessment"]["changed"] == ["reception"]
    text = run_cli("diff", "HEAD~1", "HEAD", "--path", str(repo)).stdout
    assert "1. Общие положения" in text and "7. Формы и сроки контроля" in text


def test_reordered_lists_are_not_a_change(repo: Path) -> None:
    p = repo / "processes/child-benefit.yaml"
    text = p.read_text(encoding="utf-8")
    site = "  - touchpoint: site\n    needs: [info, forms]\n"
    phone = "  - touchpoint: phone\n    needs: [consultation, status]\n"
    text = text.replace(site + phone, phone.replace("[consultation, status]", "[status, consultation]") + site)
    p.write_text(text, encoding="utf-8")
    edit(
        repo,
        "procedures/all.yaml",
        "principles: [Клиентоцентричность, Открытость]",
        "principles: [Открытость, Клиентоцентричность]",
    )
    tps = repo / "touchpoints.yaml"
    body = tps.read_text(encoding="utf-8")
    head, first, rest = body.partition("  - id: site\n")
    site_block, _, others = rest.partition("  - id: epgu\n")
    tps.write_text(head + "  - id: epgu\n" + others + first + site_block, encoding="utf-8")
    commit(repo.parent, "reorder")
    assert git(repo.parent, "diff", "--stat", "HEAD~1", "HEAD")  # the files did change, line by line
    report = diff_json(repo, "HEAD~1", "HEAD")
    for kind in ("processes", "touchpoints", "procedures", "acts", "officials"):
        assert report[kind] == {"added": [], "removed": [], "changed": []}, kind
    assert report["findings"] == {"introduced": [], "resolved": []}
    out = run_cli("diff", "HEAD~1", "HEAD", "--path", str(repo)).stdout
    assert "Изменений по существу нет" in out


def test_renamed_process_file_with_the_same_id_is_a_change(repo: Path) -> None:
    git(repo.parent, "mv", "reg/processes/child-benefit.yaml", "reg/processes/benefit.yaml")
    commit(repo.parent, "rename")
    report = diff_json(repo, "HEAD~1", "HEAD")
    assert report["processes"]["added"] == [] and report["processes"]["removed"] == []
    proc = changed(report, "processes", "child-benefit")
    assert proc["file"] == ["processes/child-benefit.yaml", "processes/benefit.yaml"]
    assert proc["touchpoints"] == {"added": [], "removed": [], "changed": []}
    # the new name breaks TP007; nothing else is new or resolved merely because the file moved
    assert [f["rule"] for f in report["findings"]["introduced"]] == ["TP007"]
    assert report["findings"]["resolved"] == []


def test_renaming_a_file_to_its_id_resolves_tp007_only(repo: Path) -> None:
    git(repo.parent, "mv", "reg/processes/child-benefit.yaml", "reg/processes/old.yaml")
    edit(repo, "processes/old.yaml", "needs: [info, forms]", "needs: [info, forms, nonsense]")  # a TP003 that stays
    commit(repo.parent, "misnamed")
    git(repo.parent, "mv", "reg/processes/old.yaml", "reg/processes/child-benefit.yaml")
    commit(repo.parent, "renamed back")
    report = diff_json(repo, "HEAD~1", "HEAD")
    assert [f["rule"] for f in report["findings"]["resolved"]] == ["TP007"]
    assert report["findings"]["introduced"] == []
    # lint --since agrees: the TP003 moved with the file and is not new
    assert codes(lint_json(repo, "--since", "HEAD~1")) == []


# --- TP113 and lint --since --------------------------------------------------------------


def _with_low_entry(repo: Path, demand: str) -> None:
    edit(
        repo,
        "processes/child-benefit.yaml",
        "needs: [submit, result, feedback_result]",
        f"needs: [submit, result, feedback_result]\n    demand: {demand}",
    )


@pytest.mark.parametrize("demand", ["low", "unknown", "0"])
def test_removed_low_demand_touchpoint_is_tp113(repo: Path, demand: str) -> None:
    _with_low_entry(repo, demand)
    commit(repo.parent, "demand")
    edit(
        repo,
        "processes/child-benefit.yaml",
        f"  - touchpoint: reception\n    needs: [submit, result, feedback_result]\n    demand: {demand}\n",
        "",
    )
    report = lint_json(repo, "--since", "HEAD")
    hits = [f for f in report["findings"] if f["rule"] == "TP113"]
    assert len(hits) == 1, report
    # named by its catalogue name, as every other rule names a touchpoint
    assert hits[0]["path"] == "processes/child-benefit.yaml" and "«Приемная министерства»" in hits[0]["message"]
    diff = diff_json(repo, "HEAD")
    assert "TP113" in [f["rule"] for f in diff["findings"]["introduced"]]


def test_removed_touchpoint_with_real_demand_is_not_tp113(repo: Path) -> None:
    _with_low_entry(repo, "1500")
    commit(repo.parent, "demand")
    edit(
        repo,
        "processes/child-benefit.yaml",
        "  - touchpoint: reception\n    needs: [submit, result, feedback_result]\n    demand: 1500\n",
        "",
    )
    assert "TP113" not in codes(lint_json(repo, "--since", "HEAD"))


def test_tp113_is_not_reported_by_a_plain_lint(repo: Path) -> None:
    _with_low_entry(repo, "low")
    commit(repo.parent, "demand")
    edit(
        repo,
        "processes/child-benefit.yaml",
        "  - touchpoint: reception\n    needs: [submit, result, feedback_result]\n    demand: low\n",
        "",
    )
    assert "TP113" not in codes(lint_json(repo))


def test_tp113_anti_pattern_and_best_practice_keep_their_word(repo: Path) -> None:
    tp113 = catalogue()["TP113"]
    ((path, best),) = tp113.best_practice.items()
    write(repo, path, best)
    commit(repo.parent, "best practice")
    assert "TP113" not in codes(lint_json(repo, "--since", "HEAD"))
    write(repo, path, tp113.anti_pattern[path])
    assert "TP113" in codes(lint_json(repo, "--since", "HEAD"))


def test_lint_since_reports_only_new_findings(repo: Path) -> None:
    edit(repo, "processes/child-benefit.yaml", "needs: [info, forms]", "needs: [info, forms, old-typo]")
    commit(repo.parent, "an old finding")
    edit(
        repo, "processes/child-benefit.yaml", "needs: [consultation, status]", "needs: [consultation, status, new-typo]"
    )
    # the old finding moves down a line: its fingerprint does not change
    edit(repo, "processes/child-benefit.yaml", "units: [benefits]\n", "units: [benefits]\n\n")
    full = lint_json(repo)
    assert sorted(f["message"].split("«")[1].split("»")[0] for f in full["findings"] if f["rule"] == "TP003") == [
        "new-typo",
        "old-typo",
    ]
    since = lint_json(repo, "--since", "HEAD")
    assert [f["rule"] for f in since["findings"]] == ["TP003"]
    assert "new-typo" in since["findings"][0]["message"]
    r = run_cli("lint", str(repo), "--since", "HEAD")
    assert r.code == 1  # the new finding is an error


def test_lint_since_clean_when_nothing_new(repo: Path) -> None:
    edit(repo, "processes/child-benefit.yaml", "needs: [info, forms]", "needs: [info, forms, old-typo]")
    commit(repo.parent, "an old finding")
    r = run_cli("lint", str(repo), "--since", "HEAD")
    assert r.code == 0, r.stdout
    assert run_cli("lint", str(repo)).code == 1


# --- reading a revision --------------------------------------------------------------------


def test_bad_files_at_a_revision_are_findings_not_crashes(repo: Path) -> None:
    write(repo, "processes/child-benefit.yaml", "id: child-benefit\ntitle: [unclosed\n")
    write(repo, "processes/cp.yaml", "id: cp\ntitle: Процесс\n".encode("cp1251"))
    write(repo, "processes/empty.yaml", "")
    (repo / "processes/dir.yaml").mkdir()
    (repo / "processes/dir.yaml/x").write_text("x", encoding="utf-8")
    (repo / "processes/out.yaml").symlink_to("../../../outside.yaml")
    commit(repo.parent, "broken")
    report = diff_json(repo, "HEAD~1", "HEAD")
    # a process whose file broke is not "removed"
    assert report["processes"]["removed"] == []
    assert report["processes"]["invalid"] == ["child-benefit"]
    rules = sorted({f["rule"] for f in report["findings"]["introduced"]})
    assert {"TP001", "TP005"} <= set(rules)
    # the same files at the base side: fixing them resolves the findings
    git(repo.parent, "revert", "--no-edit", "HEAD")
    report = diff_json(repo, "HEAD~1", "HEAD")
    assert {"TP001", "TP005"} <= {f["rule"] for f in report["findings"]["resolved"]}


def test_symlink_inside_the_registry_is_followed_at_a_revision(repo: Path) -> None:
    (repo / "processes/alias.yaml").symlink_to("child-benefit.yaml")
    commit(repo.parent, "link")
    at_rev = diff_json(repo, "HEAD~1", "HEAD")
    on_disk = lint_json(repo)
    # the linked file is read: its id duplicates child-benefit, as on disk
    assert "TP004" in {f["rule"] for f in at_rev["findings"]["introduced"]}
    assert "TP004" in codes(on_disk)


def test_working_tree_and_index_are_not_touched(repo: Path) -> None:
    top = repo.parent
    edit(repo, "processes/child-benefit.yaml", "needs: [info, forms]", "needs: [info]")
    git(top, "add", "reg/processes/child-benefit.yaml")
    edit(repo, "acts.yaml", "title: Положение о контактном центре министерства", "title: Положение о КЦ")
    status = git(top, "status", "--porcelain")
    index = (top / ".git/index").read_bytes()
    assert run_cli("diff", "HEAD", "--path", str(repo)).code == 0
    assert run_cli("lint", str(repo), "--since", "HEAD").code == 0
    assert git(top, "status", "--porcelain") == status
    assert (top / ".git/index").read_bytes() == index
    report = diff_json(repo, "HEAD")
    assert changed(report, "acts", "cc-statute")["fields"]["title"][1] == "Положение о КЦ"


def test_registry_at_the_top_of_the_repository(tmp_path: Path) -> None:
    import shutil

    top = tmp_path / "top"
    shutil.copytree(BASE, top)
    git(top, "init", "-q")
    commit(top, "base")
    edit(top, "processes/child-benefit.yaml", "needs: [info, forms]", "needs: [info]")
    r = run_cli("diff", "HEAD", "--format", "json", cwd=top / "processes")
    assert r.code == 0, r.stderr
    proc = changed(json.loads(r.stdout), "processes", "child-benefit")
    assert proc["touchpoints"]["changed"][0]["needs_removed"] == ["forms"]


def test_registry_absent_at_base_is_all_added(repo: Path) -> None:
    top = repo.parent
    first = git(top, "rev-parse", "HEAD")
    git(top, "checkout", "-q", "--orphan", "fresh")
    git(top, "rm", "-rq", "--cached", ".")
    (top / "README").write_text("x", encoding="utf-8")
    git(top, "add", "README")
    git(top, "commit", "-q", "-m", "no registry yet")
    report = diff_json(repo, "HEAD", first)
    assert report["processes"]["added"] == ["child-benefit"]
    assert report["procedures"]["added"] == ["all"]
    assert {f["rule"] for f in report["findings"]["resolved"]} == {"TP006"}


# --- revisions are data ----------------------------------------------------------------------


@pytest.mark.parametrize("rev", ["--output=x", "-h", "$(touch x)", "HEAD;touch x", "-", "--end-of-options"])
def test_hostile_revision_names_run_nothing(repo: Path, rev: str) -> None:
    before = sorted(p.name for p in repo.iterdir())
    r = run_cli("diff", "--", rev, cwd=repo)
    assert r.code == 2, r.stdout + r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = run_cli("lint", "--since", rev, cwd=repo)
    assert r.code == 2, r.stdout + r.stderr
    assert "Traceback" not in r.stderr
    r = run_cli("diff", "HEAD", "--", rev, cwd=repo)
    assert r.code == 2
    assert sorted(p.name for p in repo.iterdir()) == before
    assert not (repo / "x").exists() and not (repo.parent / "x").exists()


def test_missing_revision_is_one_clear_line(repo: Path) -> None:
    r = run_cli("diff", "no-such-branch", cwd=repo)
    assert r.code == 2
    assert r.stderr.strip().splitlines() == [r.stderr.strip()]
    assert "no-such-branch" in r.stderr and "не найдена" in r.stderr
    r = run_cli("lint", "--since", "no-such-branch", cwd=repo)
    assert r.code == 2 and "no-such-branch" in r.stderr


def test_a_revision_missing_from_a_shallow_clone_says_to_fetch_it(repo: Path, tmp_path: Path) -> None:
    # CI clones shallowly: «ревизия «origin/main» не найдена в репозитории» left the user looking for a typo
    top = repo.parent
    (top / "README.txt").write_text("a second commit, so that a clone of depth 1 is shallow\n", encoding="utf-8")
    commit(top, "second")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{top}", str(clone))
    for args in (("diff", "origin/no-such"), ("lint", "--since", "origin/no-such")):
        r = run_cli(*args, cwd=clone / "reg")
        assert r.code == 2 and len(r.stderr.strip().splitlines()) == 1, r.stderr
        assert "неполный клон" in r.stderr and "git fetch" in r.stderr, r.stderr
    r = run_cli("diff", "no-such-branch", cwd=repo)  # a full clone: no advice to fetch
    assert "git fetch" not in r.stderr


def test_folder_outside_git_is_one_clear_line(base: Path) -> None:
    r = run_cli("diff", "HEAD", cwd=base, env={"GIT_CEILING_DIRECTORIES": str(base.parent)})
    assert r.code == 2
    assert "git" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = run_cli("lint", "--since", "HEAD", cwd=base, env={"GIT_CEILING_DIRECTORIES": str(base.parent)})
    assert r.code == 2 and "git" in r.stderr


def test_unknown_format_is_a_usage_error(repo: Path) -> None:
    assert run_cli("diff", "HEAD", "--format", "xml", "--path", str(repo)).code == 2


# --- the merge-request comment -----------------------------------------------------------


def _many_processes(repo: Path, n: int) -> None:
    for i in range(n):
        write(repo, f"processes/p{i:03}.yaml", PROCESS.format(id=f"p{i:03}", title=f"Процесс № {i}"))


def test_markdown_comment_has_counts_tables_and_need_labels(repo: Path) -> None:
    edit(repo, "processes/child-benefit.yaml", "needs: [consultation, status]", "needs: [consultation]")
    edit(
        repo,
        "processes/child-benefit.yaml",
        "title: Назначение ежемесячной выплаты на ребенка",
        "title: Выплата <script>alert(1)</script> | @admin",
    )
    r = run_cli("diff", "HEAD", "--format", "md", "--path", str(repo))
    assert r.code == 0
    md = r.stdout
    assert md.startswith("### tpkit diff:")
    assert "| Процессы | 0 | 0 | 1 |" in md
    assert "<details open>" in md
    assert "получение информации о ходе рассмотрения заявления, обращения, запроса" in md  # a label, not `status`
    assert "<script>" not in md and "@admin" not in md  # registry text cannot inject HTML or mentions
    en = run_cli("diff", "HEAD", "--format", "md", "--lang", "en", "--path", str(repo)).stdout
    assert "getting the status of an application" in en and "Processes" in en


def test_markdown_for_200_changed_processes_stays_a_readable_comment(repo: Path) -> None:
    _many_processes(repo, 200)
    commit(repo.parent, "200 processes")
    for i in range(200):
        edit(repo, f"processes/p{i:03}.yaml", "needs: [info, forms]", "needs: [info]")
        edit(repo, f"processes/p{i:03}.yaml", f"title: Процесс № {i}", f"title: Процесс номер {i}")
    r = run_cli("diff", "HEAD", "--format", "md", "--path", str(repo))
    md = r.stdout
    assert "| Процессы | 0 | 0 | 200 |" in md
    assert "<details open>" not in md  # folded: the reader opens what they need
    assert len(md) < 65_536  # GitHub's limit for a comment
    assert md.count("<details>") >= 2
    for i in (0, 199):  # every process is at least named
        assert f"p{i:03}" in md


def test_text_and_json_agree_on_an_empty_diff(repo: Path) -> None:
    assert "Изменений по существу нет" in run_cli("diff", "HEAD", "--path", str(repo)).stdout
    assert "No changes in meaning" in run_cli("diff", "HEAD", "--lang", "en", "--path", str(repo)).stdout
    report = diff_json(repo, "HEAD")
    assert set(report) >= {"base", "head", "processes", "touchpoints", "procedures", "findings"}
    assert report["findings"] == {"introduced": [], "resolved": []}


def test_output_file(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "note.md"
    edit(repo, "processes/child-benefit.yaml", "needs: [info, forms]", "needs: [info]")
    r = run_cli("diff", "HEAD", "--format", "md", "--output", str(out), "--path", str(repo))
    assert r.code == 0 and r.stdout == ""
    assert "child-benefit" in out.read_text(encoding="utf-8")


def test_features_and_notifications_matched_by_id_and_event(repo: Path) -> None:
    edit(
        repo,
        "processes/child-benefit.yaml",
        "next_step: Решение принимается в течение 10 рабочих дней",
        "next_step: Решение принимается в течение 5 рабочих дней",
    )
    p = repo / "processes/child-benefit.yaml"
    p.write_text(
        p.read_text(encoding="utf-8").replace(
            "notifications:",
            "features:\n  - id: home-visit\n    title: Обследование жилищных условий\n    touchpoints: [reception]\n"
            "notifications:",
        ),
        encoding="utf-8",
    )
    proc = changed(diff_json(repo, "HEAD"), "processes", "child-benefit")
    assert proc["features"]["added"] == ["home-visit"]
    notes = proc["notifications"]
    assert notes["changed"] == ["Заявление принято к рассмотрению"]
    assert notes["details"]["Заявление принято к рассмотрению"] == {
        "next_step": [
            "Решение принимается в течение 10 рабочих дней",
            "Решение принимается в течение 5 рабочих дней",
        ]
    }
    text = run_cli("diff", "HEAD", "--path", str(repo)).stdout
    assert "следующий шаг: «Решение принимается в течение 10 рабочих дней» → «Решение принимается в течение 5" in text


def test_a_renamed_process_or_touchpoint_rewrites_every_section_that_names_it(repo: Path) -> None:
    # §3 (notifications), §5 and §6 print the process's title and the touchpoint's name beside §1
    text = (repo / "processes/child-benefit.yaml").read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    edit(repo, "processes/child-benefit.yaml", title, "title: Назначение пособия на ребенка")
    assert changed(diff_json(repo, "HEAD"), "procedures", "all")["register_sections"] == [
        "general",
        "requirements",
        "feedback",
    ]
    git(repo.parent, "checkout", "-q", "--", ".")
    text = (repo / "touchpoints.yaml").read_text(encoding="utf-8")
    name = next(line for line in text.splitlines()[8:] if line.strip().startswith("name:"))
    edit(repo, "touchpoints.yaml", name, "    name: Портал госуслуг")
    assert changed(diff_json(repo, "HEAD"), "procedures", "all")["register_sections"] == [
        "general",
        "requirements",
        "feedback",
    ]
