"""Nothing lost: every command that writes files writes them whole (temporary file + rename), only where it
is meant to, and init/new/import never replace a file unless asked (--force)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import REPO, run_cli, run_proc, write

SRC = REPO / "src" / "tpkit"


def test_every_writer_goes_through_atomic_write() -> None:
    """No module but util.py writes a file directly (write_text, write_bytes, open for writing)."""
    direct = re.compile(r"\.write_(text|bytes)\(|\bopen\([^)]*['\"][wax]b?\+?['\"]|os\.open\(")
    offenders = []
    for path in SRC.rglob("*.py"):
        if path.name == "util.py":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if direct.search(line) and not line.lstrip().startswith("#"):
                offenders.append(f"{path.relative_to(REPO)}:{n}: {line.strip()}")
    assert offenders == []


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _leftovers(root: Path) -> list[str]:
    return [p.name for p in root.rglob(".*.tmp")]


@pytest.fixture(params=[OSError, KeyboardInterrupt], ids=["disk-full", "ctrl-c"])
def broken_rename(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> type[BaseException]:
    """os.replace fails, as a full disk or a Ctrl-C at the last moment of a write would."""
    exc = request.param

    def replace(src: object, dst: object) -> None:
        raise exc(28, "No space left on device") if exc is OSError else exc()

    monkeypatch.setattr(os, "replace", replace)
    return exc  # type: ignore[no-any-return]


def _interrupted(broken: type[BaseException], call: Callable[[], object]) -> None:
    with pytest.raises(broken):
        call()


def _reformat_needed(base: Path) -> Path:
    p = base / "processes/child-benefit.yaml"
    text = p.read_text(encoding="utf-8")
    p.write_text(
        "title: "
        + text.split("title: ", 1)[1].split("\n", 1)[0]
        + "\n"
        + text.replace("title: Назначение ежемесячной выплаты на ребенка\n", "").replace("units:", "units:  "),
        encoding="utf-8",
    )
    return p


def test_interrupted_fmt_leaves_the_file_whole(base: Path, broken_rename: type[BaseException]) -> None:
    from tpkit.author.fmt import fmt_paths

    _reformat_needed(base)
    before = _snapshot(base)
    _interrupted(broken_rename, lambda: fmt_paths(base, [base]))
    assert _snapshot(base) == before and _leftovers(base) == []


def test_interrupted_new_leaves_nothing(base: Path, broken_rename: type[BaseException]) -> None:
    from tpkit.author.new import new_object

    before = _snapshot(base)
    _interrupted(broken_rename, lambda: new_object(base, "process", "fresh"))
    _interrupted(broken_rename, lambda: new_object(base, "touchpoint", "fresh-tp"))
    assert _snapshot(base) == before and _leftovers(base) == []


def test_interrupted_init_leaves_no_file(tmp_path: Path, broken_rename: type[BaseException]) -> None:
    from tpkit.author.init import init_registry

    target = tmp_path / "new-reg"
    _interrupted(broken_rename, lambda: init_registry(target))
    assert [p for p in target.rglob("*") if p.is_file()] == []


def test_interrupted_render_keeps_the_previous_document(base: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.docx"
    assert run_cli("render", "procedure", "all", "--output", str(out), "-C", str(base)).code == 0
    before = out.read_bytes()
    mp = pytest.MonkeyPatch()
    mp.setattr(os, "replace", lambda a, b: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    try:
        r = run_cli("render", "procedure", "all", "--output", str(out), "-C", str(base))
    finally:
        mp.undo()
    # the user sees one line naming the file and the system's reason, exit 2
    assert r.code == 2 and "No space left on device" in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert out.read_bytes() == before and _leftovers(tmp_path) == []


def test_interrupted_schema_and_lint_output_keep_old_files(
    base: Path, tmp_path: Path, broken_rename: type[BaseException]
) -> None:
    from tpkit import schema as sch

    folder = tmp_path / "schemas"
    folder.mkdir()
    (folder / "process.schema.json").write_text("old", encoding="utf-8")
    _interrupted(broken_rename, lambda: sch.write(folder))
    assert (folder / "process.schema.json").read_text(encoding="utf-8") == "old" and _leftovers(folder) == []
    report = tmp_path / "report.json"
    report.write_text("old report", encoding="utf-8")
    try:  # click turns a Ctrl-C into "Aborted!" and exit 1; an OSError reaches us
        assert run_cli("lint", str(base), "--format", "json", "--output", str(report)).code != 0
    except OSError:
        pass
    assert report.read_text(encoding="utf-8") == "old report" and _leftovers(tmp_path) == []


def test_interrupted_import_leaves_the_registry_as_it_was(
    base: Path, tmp_path: Path, broken_rename: type[BaseException], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tpkit.author.importer import import_xlsx

    book = tmp_path / "register.xlsx"
    monkeypatch.undo()  # render the workbook with a working rename, then break it again
    assert run_cli("render", "register", "--format", "xlsx", "--output", str(book), "-C", str(base)).code == 0
    monkeypatch.setattr(os, "replace", lambda a, b: (_ for _ in ()).throw(broken_rename()))
    before = _snapshot(base)
    with pytest.raises(broken_rename):
        import_xlsx(base, book, force=True)
    assert _snapshot(base) == before and _leftovers(base) == []


# --- refusing to overwrite ----------------------------------------------------------------------


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    write(tmp_path, "reg/notes.txt", "мои заметки")
    r = run_cli("init", str(tmp_path / "reg"))
    assert r.code == 2 and "--force" in r.stderr
    assert [p.name for p in (tmp_path / "reg").iterdir()] == ["notes.txt"]


def test_init_force_keeps_other_files(tmp_path: Path) -> None:
    write(tmp_path, "reg/notes.txt", "мои заметки")
    assert run_cli("init", str(tmp_path / "reg"), "--force").code == 0
    assert (tmp_path / "reg/notes.txt").read_text(encoding="utf-8") == "мои заметки"


def test_new_refuses_an_existing_file_or_id(base: Path) -> None:
    before = _snapshot(base)
    write(base, "processes/other.yaml", "id: something-else\n")
    before["processes/other.yaml"] = b"id: something-else\n"
    for args in (("process", "child-benefit"), ("process", "other"), ("procedure", "all"), ("touchpoint", "epgu")):
        r = run_cli("new", *args, cwd=base)
        assert r.code == 2 and "уже" in r.stderr, (args, r.stderr)
    assert _snapshot(base) == before


def test_new_refuses_a_path_as_an_id(base: Path) -> None:
    r = run_cli("new", "process", "../../escape", cwd=base)
    assert r.code == 2 and not (base.parent.parent / "escape.yaml").exists()


# --- never outside the target -----------------------------------------------------------------


def _processes_link_outside(root: Path, tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / "processes").rename(outside / "moved")
    os.symlink(outside, root / "processes")
    return outside


def test_init_force_does_not_write_through_a_symlink(tmp_path: Path) -> None:
    root = tmp_path / "reg"
    root.mkdir()
    outside = _processes_link_outside_empty(root, tmp_path)
    r = run_cli("init", str(root), "--force")
    assert r.code == 2 and "символическая ссылка" in r.stderr
    assert list(outside.iterdir()) == [] and [p for p in root.rglob("*") if p.is_file()] == []


def _processes_link_outside_empty(root: Path, tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    os.symlink(outside, root / "processes")
    return outside


def test_new_does_not_write_through_a_symlink(base: Path, tmp_path: Path) -> None:
    outside = _processes_link_outside(base, tmp_path)
    before = sorted(p.name for p in outside.rglob("*"))
    r = run_cli("new", "process", "fresh", cwd=base)
    assert r.code == 2 and "символическая ссылка" in r.stderr
    assert sorted(p.name for p in outside.rglob("*")) == before


def test_render_never_replaces_a_registry_file_or_a_foreign_file(base: Path, tmp_path: Path) -> None:
    before = _snapshot(base)
    for out in (base / "agency.yaml", base / "processes/child-benefit.yaml"):
        r = run_cli("render", "procedure", "all", "--format", "md", "--output", str(out), "-C", str(base))
        assert r.code == 2
    notes = write(tmp_path, "notes.txt", "чужой файл")
    r = run_cli("render", "procedure", "all", "--format", "md", "--output", str(notes), "-C", str(base))
    assert r.code == 2 and notes.read_text(encoding="utf-8") == "чужой файл"
    assert _snapshot(base) == before


def test_fmt_rewrites_only_files_that_change(base: Path) -> None:
    assert run_cli("fmt", str(base)).code == 0  # canonical from here on
    stamps = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in base.rglob("*.yaml")}
    r = run_cli("fmt", str(base))
    assert r.code == 0 and "отформатировано: 0 файлов" in r.stderr
    assert {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in base.rglob("*.yaml")} == stamps


def test_fmt_of_a_fifo_fails_in_one_line_and_does_not_block(base: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = base / "processes/pipe.yaml"
    os.mkfifo(fifo)
    r = run_proc("fmt", str(fifo), cwd=base)  # blocked forever before (run_proc's timeout fails the test)
    assert r.code == 1 and "processes/pipe.yaml:1:1" in r.stderr and "не обычный файл" in r.stderr
