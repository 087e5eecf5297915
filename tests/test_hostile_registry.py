"""Hostile or careless registry input beyond the corpus: names, ids, merge conflicts, revisions, a full disk, owners,
links and durable writes. Each gives one line (or a finding) and the documented exit code; nothing is lost."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from conftest import codes, lint_json, run_cli, write
from test_review import commit, committed, git, repo  # noqa: F401  (the fixtures)

CHILD = "processes/child-benefit.yaml"


def _one_line(r, code: int = 2) -> str:  # type: ignore[no-untyped-def]
    assert r.code == code, (r.code, r.stdout, r.stderr)
    err = r.stderr.strip()
    assert err and "\n" not in err and "internal error" not in err and "Traceback" not in err, err
    return err


# --- file names that are not UTF-8


def _bad_name(folder: Path) -> Path:
    p = Path(os.fsdecode(os.fsencode(folder) + b"/bad-\xff.yaml"))
    p.write_bytes((folder / "child-benefit.yaml").read_bytes().replace(b"id: child-benefit", b"id: bad"))
    return p


def test_a_file_name_that_is_not_utf8_is_tp005_and_the_rest_is_linted(base: Path) -> None:
    _bad_name(base / "processes")
    write(base, "processes/zz.yaml", "id: zz-other\ntitle: Т\ndirection: services\n")
    report = lint_json(base)
    bad = [f for f in report["findings"] if f["rule"] == "TP005"]
    assert [f["path"] for f in bad] == ["processes/bad-\\xff.yaml"] and "UTF-8" in bad[0]["message"]
    assert any(f["path"] == "processes/zz.yaml" and f["rule"] == "TP007" for f in report["findings"])
    for fmt in ("text", "sarif", "github", "gitlab", "junit"):
        r = run_cli("lint", str(base), "--format", fmt)
        assert r.code == 1 and "internal error" not in r.stderr, (fmt, r.stderr)


def test_a_file_name_that_is_not_utf8_in_diff(repo: Path) -> None:  # noqa: F811
    _bad_name(repo / "processes")
    for revs in (["HEAD"],):
        r = run_cli("diff", *revs, "--format", "json", "--path", str(repo))
        assert r.code == 0, r.stderr
        new = json.loads(r.stdout)["findings"]["introduced"]
        assert any(f["rule"] == "TP005" and f["path"] == "processes/bad-\\xff.yaml" for f in new), new
    commit(repo.parent, "bad name")
    r = run_cli("diff", "HEAD~1", "HEAD", "--format", "json", "--path", str(repo))
    assert r.code == 0 and "bad-\\\\xff" in r.stdout, r.stderr


# --- Windows device names, Unicode normal forms


@pytest.mark.parametrize("ident", ["con", "nul", "aux", "prn", "com1", "lpt9"])
def test_an_id_that_is_a_windows_device_name_is_refused(base: Path, ident: str) -> None:
    write(base, f"processes/{ident}.yaml", f"id: {ident}\ntitle: Т\ndirection: services\n")
    report = lint_json(base)
    mine = [f for f in report["findings"] if f["path"] == f"processes/{ident}.yaml"]
    assert [f["rule"] for f in mine] == ["TP002"] and "Windows" in mine[0]["message"], mine


def test_ordinary_ids_near_device_names_are_fine(base: Path) -> None:
    for ident in ("console", "com10", "nul-x", "auxiliary"):
        write(base, f"processes/{ident}.yaml", f"id: {ident}\ntitle: Т\ndirection: services\n")
    report = lint_json(base)
    assert not [f for f in report["findings"] if f["rule"] == "TP002"]


def test_text_is_compared_in_nfc_two_keys_in_two_normal_forms_are_one(base: Path) -> None:
    """«ё» typed (NFC) and «е» + U+0308 (NFD, as macOS editors save): the same key, so a duplicate."""
    write(base, CHILD, (base / CHILD).read_text(encoding="utf-8") + "ёлка: 1\nе\u0308лка: 2\n")
    report = lint_json(base)
    assert any(f["rule"] == "TP001" and "повторяется" in f["message"] for f in report["findings"]), report


def test_an_nfd_file_reads_as_nfc(base: Path) -> None:
    from tpkit.registry import load_registry

    text = (base / CHILD).read_text(encoding="utf-8").replace("ребенка", "ребе\u0308нка")
    write(base, CHILD, text)
    reg = load_registry(base)
    assert reg.processes["child-benefit"].title.endswith("ребёнка")


# --- merge-conflict markers (TP008)

CONFLICT = (
    "id: child-benefit\ntitle: |\n  <<<<<<< HEAD\n  Выплата\n  ||||||| base\n  Выплата на ребенка\n  =======\n"
    "  Выплата (новая)\n  >>>>>>> feature\ndirection: services\n"
)


def test_conflict_markers_in_a_block_scalar_are_tp008(base: Path) -> None:
    write(base, CHILD, CONFLICT)
    report = lint_json(base)
    found = [(f["line"], f["column"]) for f in report["findings"] if f["rule"] == "TP008"]
    assert found == [(3, 3), (5, 3), (7, 3), (9, 3)], report["findings"]
    assert all(f["severity"] == "error" for f in report["findings"] if f["rule"] == "TP008")


def test_tp008_cannot_be_suppressed_and_blocks_render(base: Path, tmp_path: Path) -> None:
    write(base, CHILD, CONFLICT.replace("title: |", "title: |  # tpkit: ignore[TP008] -- no"))
    write(base, "tpkit.yaml", (base / "tpkit.yaml").read_text(encoding="utf-8") + "\n")
    assert "TP008" in codes(lint_json(base, "--ignore", "TP1"))
    out = tmp_path / "r.md"
    r = run_cli("render", "register", "-f", "md", "-o", str(out), "-C", str(base))
    assert "TP008" in _one_line(r) and not out.exists()


def test_conflict_markers_outside_text_are_tp008_next_to_tp001(base: Path) -> None:
    write(base, CHILD, "<<<<<<< HEAD\nid: child-benefit\n=======\nid: other\n>>>>>>> b\n")
    found = codes(lint_json(base))
    assert "TP008" in found and "TP001" in found


def test_lines_like_markers_but_not_markers_are_quiet(base: Path) -> None:
    text = (base / CHILD).read_text(encoding="utf-8")
    write(base, CHILD, text + "notes:\n  - |\n    ========\n    a <<<<<<< b\n    ======= x\n")
    assert "TP008" not in codes(lint_json(base))


# --- revisions git accepts


def test_diff_accepts_a_message_search_and_says_a_tree_is_not_a_commit(repo: Path) -> None:  # noqa: F811
    r = run_cli("diff", ":/base", "--format", "json", "--path", str(repo))
    assert r.code == 0, r.stderr
    for rev in ("HEAD^{tree}", "HEAD:reg"):
        err = _one_line(run_cli("diff", rev, "--path", str(repo)))
        assert "not a commit" in err and "tree" in err, err
    git(repo.parent, "tag", "-a", "v1", "-m", "annotated")
    assert run_cli("diff", "v1", "--path", str(repo)).code == 0


# --- a full disk, owners, links, durable writes


def _main(capsys: pytest.CaptureFixture[str], *args: str):  # type: ignore[no-untyped-def]
    """The console entry point in-process (through ``guarded``, which ``run_cli`` skips)."""
    from conftest import Run

    from tpkit.cli.app import main

    with pytest.raises(SystemExit) as stop:
        main(list(args))
    out = capsys.readouterr()
    return Run(int(stop.value.code or 0), out.out, out.err)


def _full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    import tpkit.util

    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(tpkit.util.os, "fsync", fsync)


def test_full_disk_during_fmt_is_one_line_and_the_file_is_intact(
    base: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = base / CHILD
    messy = path.read_text(encoding="utf-8").replace("title:", "title:  ").replace("id: child-benefit\n", "") + (
        "id: child-benefit\n"
    )
    path.write_text(messy, encoding="utf-8")
    _full_disk(monkeypatch)
    err = _one_line(_main(capsys, "fmt", str(path)))
    assert "No space left on device" in err and "child-benefit.yaml" in err
    assert path.read_text(encoding="utf-8") == messy
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_full_disk_during_render_is_one_line(
    base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.docx"
    _full_disk(monkeypatch)
    err = _one_line(_main(capsys, "render", "register", "-o", str(out), "-C", str(base)))
    assert "No space left on device" in err and not out.exists()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_full_disk_on_stdout_is_one_line(base: Path) -> None:
    import subprocess
    import sys

    from conftest import REPO

    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    for args in (["render", "register", "-f", "md", "-o", "-", "-C", str(base)], ["lint", str(base)]):
        with open("/dev/full", "w") as full:
            p = subprocess.run(
                [sys.executable, "-m", "tpkit", *args],
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
                timeout=60,
            )
        assert p.returncode == 2 and p.stderr.strip().count("\n") == 0, p.stderr
        assert "No space left on device" in p.stderr and "internal error" not in p.stderr


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another owner")
def test_fmt_run_as_root_keeps_owner_and_group(base: Path) -> None:
    path = base / CHILD
    path.write_text(path.read_text(encoding="utf-8").replace("title:", "title:  "), encoding="utf-8")
    os.chown(path, 4321, 4322)
    os.chmod(path, 0o640)
    r = run_cli("fmt", str(path))
    assert r.code == 0, r.stderr
    st = path.stat()
    assert (st.st_uid, st.st_gid, st.st_mode & 0o777) == (4321, 4322, 0o640)


def test_atomic_writes_fsync_the_file_and_its_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import stat

    import tpkit.util
    from tpkit.util import atomic_write_bytes

    synced: list[str] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        synced.append("dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real(fd)

    monkeypatch.setattr(tpkit.util.os, "fsync", fsync)
    atomic_write_bytes(tmp_path / "a.txt", b"x")
    assert synced == ["file", "dir"]


def test_a_linked_file_named_on_the_command_line_says_the_link_leaves(base: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text((base / CHILD).read_text(encoding="utf-8"), encoding="utf-8")
    link = base / "processes/linked.yaml"
    link.symlink_to(outside)
    for cmd in ("fmt", "lint"):
        err = _one_line(run_cli(cmd, str(link)))
        assert "the link leaves the registry" in err, err
    assert outside.read_text(encoding="utf-8") == (base / CHILD).read_text(encoding="utf-8")
