"""The bad-input corpus: every broken file becomes a finding at file:line:col, never a traceback,
and the rest of the registry is still linted.

Each case is laid into a copy of the base fixture next to two sentinels (a process and a procedure whose
ids differ from their file names: TP007) that must still be reported. Files are in tests/corpus/ with
their expected findings in tests/corpus/expected.yaml; cases that cannot be committed (50 MB, symlinks,
FIFOs, folders, unreadable files) are built here.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import BASE, HERE, run_cli, write

CORPUS = HERE / "corpus"
EXPECTED: dict[str, dict] = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))

SENTINELS = {
    "processes/zz-sentinel.yaml": "id: sentinel-renamed\ntitle: Страж\ndirection: services\n",
    "procedures/zz-sentinel.yaml": "id: sentinel-renamed\ntitle: Страж\ntouchpoints: all\n",
}
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _target(name: str) -> str:
    return EXPECTED[name].get("target", f"processes/{name}")


def _registry(tmp_path: Path) -> Path:
    root = tmp_path / "reg"
    shutil.copytree(BASE, root)
    for rel, text in SENTINELS.items():
        write(root, rel, text)
    return root


def _lint(root: Path, lost: str = "") -> dict:
    """Lint in JSON and in text; check what holds for every case; return the JSON report."""
    r = run_cli("lint", str(root), "--format", "json")
    assert r.code == 1, r.stdout + r.stderr
    report = json.loads(r.stdout)
    for f in report["findings"]:
        assert isinstance(f["line"], int) and f["line"] >= 1 and f["column"] >= 1, f
        assert not _CONTROL.search(f["message"]), f  # a message never carries raw control characters
    for rel in SENTINELS:
        if lost and rel.startswith(lost):
            continue
        assert any(f["path"] == rel and f["rule"] == "TP007" for f in report["findings"]), (
            f"the sentinel {rel} was not linted"
        )
    text = run_cli("lint", str(root), "--format", "text")
    assert text.code == 1
    for f in report["findings"]:
        assert f"{f['path']}:{f['line']}:{f['column']} {f['rule']}" in text.stdout
    return report


def test_the_corpus_is_complete() -> None:
    files = {p.name for p in CORPUS.iterdir() if p.name != "expected.yaml"}
    assert files == set(EXPECTED), files ^ set(EXPECTED)
    assert len(files) >= 40


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_case(name: str, tmp_path: Path) -> None:
    spec = EXPECTED[name]
    root = _registry(tmp_path)
    target = _target(name)
    write(root, target, (CORPUS / name).read_bytes())
    report = _lint(root)
    mine = [f for f in report["findings"] if f["path"] == target]
    assert mine, f"no finding in {target}"
    wanted = [f for f in mine if f["rule"] == spec["code"] and [f["line"], f["column"]] == spec["at"]]
    assert wanted, [(f["rule"], f["line"], f["column"], f["message"]) for f in mine]
    assert any(spec["says"] in f["message"] for f in wanted), [f["message"] for f in wanted]


def test_corpus_in_one_registry_through_the_shell(tmp_path: Path) -> None:
    """All process cases at once, as a user's shell runs tpkit: exit 1, no traceback, valid JSON."""
    root = _registry(tmp_path)
    names = [n for n in EXPECTED if _target(n) == f"processes/{n}"]
    for n in names:
        write(root, f"processes/{n}", (CORPUS / n).read_bytes())
    r = run_cli("lint", str(root), "--format", "json")
    assert r.code == 1 and "Traceback" not in r.stderr, r.stderr
    paths = {f["path"] for f in json.loads(r.stdout)["findings"]}
    assert {f"processes/{n}" for n in names} <= paths
    t = run_cli("lint", str(root), "--lang", "en")
    assert t.code == 1 and "Traceback" not in t.stderr and "\x1b[2J" not in t.stdout


def test_python_tag_runs_nothing(tmp_path: Path) -> None:
    marker = Path("/tmp/tpkit-pwned")
    marker.unlink(missing_ok=True)
    root = _registry(tmp_path)
    write(root, "processes/tag-python-apply.yaml", (CORPUS / "tag-python-apply.yaml").read_bytes())
    _lint(root)
    assert not marker.exists()


# --- cases built in the test -------------------------------------------------------------


def _finding(report: dict, path: str, code: str) -> dict:
    found = [f for f in report["findings"] if f["path"] == path and f["rule"] == code]
    assert found, [(f["path"], f["rule"], f["message"]) for f in report["findings"]]
    return found[0]


def test_50_mb_file_is_refused_unread(tmp_path: Path) -> None:
    root = _registry(tmp_path)
    p = root / "processes/huge.yaml"
    chunk = ("- touchpoint: site\n  needs: [info]\n" * 1000).encode()
    with p.open("wb") as fh:
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(chunk)
    from tpkit.registry import load_registry

    load_registry(root)  # warm up: imports and pydantic's first validation allocate too
    tracemalloc.start()
    try:
        load_registry(root)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024 * 1024  # the 50 MB were never read into memory
    f = _finding(_lint(root), "processes/huge.yaml", "TP001")
    assert (f["line"], f["column"]) == (1, 1) and "слишком большой (50.0 МБ, предел 10 МБ)" in f["message"]


def test_alias_bomb_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    """Nine levels of nine aliases: 387 million nodes if expanded; refused past twice the file's size + 10 000
    (nodes and scalar characters)."""
    from tpkit.registry.yaml import parse

    text = (CORPUS / "alias-billion-laughs.yaml").read_text(encoding="utf-8")
    tracemalloc.start()
    try:
        parsed = parse(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert parsed.data is None and "YAML-бомба" in parsed.problems[0].ru
    assert peak < 10 * 1024 * 1024


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("id: deep\nunits: " + "[" * 100_000 + "]" * 100_000 + "\n", (2, 1007)),
        ("- " * 99_000 + "x\n", (1, 1999)),  # below the event pre-check's size: libyaml's own bound
        ("- " * 150_000 + "x\n", (1, 129)),  # past it: events are counted, refused at depth 65
        ("a: " * 5_000 + "x\n", (1, 5)),
        ("".join("  " * i + f"k{i}:\n" for i in range(3_000)) + "  " * 3_000 + "v\n", (65, 129)),
    ],
    ids=["flow-100k", "block-seq-99k", "block-seq-150k", "inline-maps", "block-map-3k"],
)
def test_deep_nesting_is_refused(tmp_path: Path, text: str, at: tuple[int, int]) -> None:
    root = _registry(tmp_path)
    write(root, "processes/deep.yaml", text)
    f = _finding(_lint(root), "processes/deep.yaml", "TP001")
    assert (f["line"], f["column"]) == at


def test_very_long_line_keeps_positions(tmp_path: Path) -> None:
    root = _registry(tmp_path)
    write(root, "processes/long.yaml", "id: long\ntitle: " + "Ж" * 2_000_000 + "\n\tdirection: services\n")
    f = _finding(_lint(root), "processes/long.yaml", "TP001")
    assert (f["line"], f["column"]) == (3, 1) and "табуляция" in f["message"]


def test_many_unknown_keys_are_capped(tmp_path: Path) -> None:
    """100 000 unknown keys: the first 100 with their lines, then one line for the rest (was minutes)."""
    root = _registry(tmp_path)
    keys = "".join(f"k{i}: 1\n" for i in range(100_000))
    write(root, "processes/keys.yaml", "id: keys\ntitle: Т\ndirection: services\n" + keys)
    found = [f for f in _lint(root)["findings"] if f["path"] == "processes/keys.yaml"]
    assert len(found) == 101
    assert found[-1]["line"] == 103 and "«k99»" in found[-1]["message"]
    assert any("и еще 99900 нарушений схемы" in f["message"] for f in found)


@pytest.mark.parametrize(("rest", "words"), [(1, "и еще 1 нарушение схемы"), (3, "и еще 3 нарушения схемы")])
def test_the_rest_of_the_schema_violations_is_counted_in_agreement(tmp_path: Path, rest: int, words: str) -> None:
    root = _registry(tmp_path)
    keys = "".join(f"k{i}: 1\n" for i in range(100 + rest))
    write(root, "processes/keys.yaml", "id: keys\ntitle: Т\ndirection: services\n" + keys)
    found = [f["message"] for f in _lint(root)["findings"] if f["path"] == "processes/keys.yaml"]
    assert any(words + " в этом файле" in m for m in found), found[-1]
    en = run_cli("lint", str(root), "--format", "json", "--fail-on", "never", "--lang", "en").stdout
    assert f"and {rest} more schema violation{'s' if rest > 1 else ''} in this file" in en


def _symlink_out(root: Path) -> None:
    os.symlink("/etc/passwd", root / "processes/evil.yaml")


def _symlink_agency_out(root: Path) -> None:
    outside = root.parent / "agency.yaml"
    shutil.copy(root / "agency.yaml", outside)
    (root / "agency.yaml").unlink()
    os.symlink(outside, root / "agency.yaml")


def _symlink_loop(root: Path) -> None:
    os.symlink("evil.yaml", root / "processes/evil.yaml")


def _symlink_dangling(root: Path) -> None:
    os.symlink("nowhere.yaml", root / "processes/evil.yaml")


def _process_is_folder(root: Path) -> None:
    (root / "processes/evil.yaml").mkdir()
    write(root, "processes/evil.yaml/inside.yaml", "id: inside\n")


def _fifo(root: Path) -> None:
    os.mkfifo(root / "processes/evil.yaml")


def _processes_symlink(root: Path) -> None:
    outside = root.parent / "elsewhere"
    shutil.move(str(root / "processes"), outside)
    os.symlink(outside, root / "processes")


def _processes_is_file(root: Path) -> None:
    shutil.rmtree(root / "processes")
    write(root, "processes", "id: x\n")


@pytest.mark.parametrize(
    ("setup", "path", "code", "says", "lost"),
    [
        (_symlink_out, "processes/evil.yaml", "TP005", "за пределы реестра", ""),
        (_symlink_agency_out, "agency.yaml", "TP005", "за пределы реестра", ""),
        (_symlink_loop, "processes/evil.yaml", "TP005", "файл не прочитан", ""),
        (_symlink_dangling, "processes/evil.yaml", "TP005", "файл не прочитан", ""),
        (_process_is_folder, "processes/evil.yaml", "TP005", "это папка", ""),
        (_fifo, "processes/evil.yaml", "TP005", "не обычный файл", ""),
        (_processes_symlink, "processes", "TP005", "символическая ссылка", "processes/"),
        (_processes_is_file, "processes", "TP005", "должна быть папка", "processes/"),
    ],
    ids=[
        "symlink-out",
        "agency-symlink-out",
        "symlink-loop",
        "dangling",
        "dir",
        "fifo",
        "folder-symlink",
        "folder-file",
    ],
)
def test_file_system_cases(
    tmp_path: Path, setup: Callable[[Path], None], path: str, code: str, says: str, lost: str
) -> None:
    if setup is _fifo and not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    root = _registry(tmp_path)
    setup(root)
    f = _finding(_lint(root, lost), path, code)
    assert (f["line"], f["column"]) == (1, 1) and says in f["message"]
    if path == "processes/evil.yaml" and setup is _symlink_out:
        assert "root:" not in json.dumps(f)  # /etc/passwd was not read


def test_unreadable_file_chmod(tmp_path: Path) -> None:
    if sys.platform == "win32" or os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode (see the simulated case)")
    root = _registry(tmp_path)
    p = write(root, "processes/locked.yaml", "id: locked\n")
    p.chmod(0)
    try:
        f = _finding(_lint(root), "processes/locked.yaml", "TP005")
    finally:
        p.chmod(0o644)
    assert "файл не прочитан" in f["message"]


def test_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _registry(tmp_path)
    locked = write(root, "processes/locked.yaml", "id: locked\n")
    real_open = Path.open

    def fake_open(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == locked:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", fake_open)
    f = _finding(_lint(root), "processes/locked.yaml", "TP005")
    assert (f["line"], f["column"]) == (1, 1) and "Permission denied" in f["message"]


def test_unreadable_folder_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _registry(tmp_path)
    real_iterdir = Path.iterdir

    def fake_iterdir(self: Path):  # type: ignore[no-untyped-def]
        if self.name == "processes":
            raise PermissionError(13, "Permission denied")
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", fake_iterdir)
    f = _finding(_lint(root, "processes/"), "processes", "TP005")
    assert "папка не прочитана" in f["message"]


@pytest.mark.parametrize("fmt", ["text", "github", "json", "sarif", "gitlab", "junit"])
def test_filename_with_control_characters_is_printed_safely(tmp_path: Path, fmt: str) -> None:
    root = _registry(tmp_path)
    write(root, "processes/a\x1b[2Jb.yaml", "id: x\n\ttitle: Т\n")
    r = run_cli("lint", str(root), "--format", fmt)
    assert r.code == 1 and "\x1b" not in r.stdout and "TP001" in r.stdout
    if fmt == "text":
        assert "a\\u001b[2Jb.yaml:2:1 TP001" in r.stdout


def test_aliases_cannot_multiply_a_long_text_into_the_documents(tmp_path: Path) -> None:
    """2 000 aliases of a 2-million-character text: a 4 MB file within the node bound that made render ask for
    gigabytes (MemoryError); characters count against the bound now, and render refuses the registry in one line."""
    root = _registry(tmp_path)
    lines = ["id: amp", "title: &t " + "я" * 2_000_000, "direction: services", "features:"]
    lines += [f"  - {{id: f{i}, title: *t, description: *t}}" for i in range(2_000)]
    write(root, "processes/amp.yaml", "\n".join(lines) + "\n")
    f = _finding(_lint(root), "processes/amp.yaml", "TP001")
    assert (f["line"], f["column"]) == (2, 8) and "YAML-бомба" in f["message"]
    out = tmp_path / "register.md"
    r = run_cli("render", "register", "--format", "md", "--output", str(out), "-C", str(root))
    assert r.code == 2 and "\n" not in r.stderr.strip() and not out.exists()
