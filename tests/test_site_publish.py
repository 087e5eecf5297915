"""The site's output folder is the site's alone (issue 27, item 6): what tpkit did not write is never overwritten or
deleted, symbolic links inside the folder are never followed, the manifest holds each file's hash. The red-team
cases of 0.2.0 (writing and deleting outside the folder through links and manifest entries) are here too."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from conftest import BASE, run_cli

from tpkit.site import MANIFEST, SiteError
from tpkit.site.publish import digest, write_files

SITE = {"index.html": b"<p>index</p>", "process/a.html": b"<p>a</p>", "style.css": b"p{}"}

needs_links = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="symbolic links (POSIX)")


@pytest.fixture(autouse=True, params=["dir-fd", "paths"])
def walk(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test twice: folders opened relative to their parent (POSIX), and by path with lstat checks (Windows)."""
    from tpkit import util

    if request.param == "paths":
        monkeypatch.setattr(util, "NOFOLLOW_WALK", False)
    elif not util.NOFOLLOW_WALK:
        pytest.skip("this platform has no os.open(dir_fd=...)")
    return str(request.param)


def manifest(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    return data


def test_the_manifest_lists_every_file_with_its_hash(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_files(out, SITE)
    assert manifest(out)["files"] == {k: digest(v) for k, v in sorted(SITE.items())}
    assert {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} == {*SITE, MANIFEST}


def test_a_folder_someone_else_filled_is_refused_without_force(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    out.mkdir()
    (out / "README.md").write_text("hand-written", encoding="utf-8")
    with pytest.raises(SiteError, match="--force"):
        write_files(out, SITE)
    assert sorted(p.name for p in out.iterdir()) == ["README.md"]  # nothing written
    removed, _ = write_files(out, SITE, force=True)
    assert removed == [] and (out / "README.md").read_text(encoding="utf-8") == "hand-written"
    assert (out / "index.html").read_bytes() == SITE["index.html"]


def test_force_never_overwrites_a_file_tpkit_did_not_write(tmp_path: Path) -> None:
    # 0.2.0 wrote `tpkit site -o docs` over a hand-written docs/index.html
    out = tmp_path / "docs"
    out.mkdir()
    (out / "index.html").write_text("<p>the agency's own page</p>", encoding="utf-8")
    with pytest.raises(SiteError, match=r"index\.html — записан не tpkit"):
        write_files(out, SITE, force=True)
    assert (out / "index.html").read_text(encoding="utf-8") == "<p>the agency's own page</p>"
    assert not (out / "style.css").exists() and not (out / MANIFEST).exists()  # nothing at all was written


def test_the_command_says_so_in_one_line_with_exit_2(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    out.mkdir()
    (out / "index.html").write_text("mine", encoding="utf-8")
    res = run_cli("site", "-C", str(BASE), "-o", str(out))
    assert res.code == 2 and "--force" in res.stderr and "Traceback" not in res.stderr
    res = run_cli("site", "-C", str(BASE), "-o", str(out), "--force")
    assert res.code == 2 and "index.html" in res.stderr
    assert (out / "index.html").read_text(encoding="utf-8") == "mine"


def test_a_page_changed_by_hand_is_neither_overwritten_nor_deleted(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_files(out, SITE)
    (out / "style.css").write_text("p { color: red } /* mine */", encoding="utf-8")
    with pytest.raises(SiteError, match=r"style\.css — изменен после того, как его записал tpkit"):
        write_files(out, SITE)
    (out / "process/a.html").write_text("edited", encoding="utf-8")
    removed, notes = write_files(out, {"index.html": b"<p>new</p>"} | {"style.css": b"p { color: red } /* mine */"})
    assert removed == [] and (out / "process/a.html").read_text(encoding="utf-8") == "edited"
    assert any("process/a.html" in n for n in notes)


def test_unchanged_pages_of_the_last_build_are_replaced_and_removed(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_files(out, SITE)
    removed, notes = write_files(out, {"index.html": b"<p>v2</p>", "style.css": b"p{}"})
    assert removed == ["process/a.html"] and notes == []
    assert not (out / "process").exists()  # its folder, left empty, went too
    assert (out / "index.html").read_bytes() == b"<p>v2</p>"


@needs_links
def test_a_link_inside_the_folder_is_never_written_through(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "site"
    write_files(out, SITE)
    (out / "process/a.html").unlink()
    (out / "process").rmdir()
    (out / "process").symlink_to(outside, target_is_directory=True)
    with pytest.raises(SiteError, match="process — символическая ссылка"):
        write_files(out, SITE)
    assert list(outside.iterdir()) == []
    # a link in a file's place is not replaced either (it is not tpkit's)
    (out / "process").unlink()
    (outside / "secret.txt").write_text("keep", encoding="utf-8")
    (out / "style.css").unlink()
    (out / "style.css").symlink_to(outside / "secret.txt")
    with pytest.raises(SiteError, match=r"style\.css — символическая ссылка"):
        write_files(out, SITE)
    assert (outside / "secret.txt").read_text(encoding="utf-8") == "keep"


@needs_links
def test_the_refusal_names_each_obstacle_once_in_agreeing_words(tmp_path: Path) -> None:
    # 0.3 review: a linked folder was named once per page under it («process — …; process — …», a thousand times for
    # a thousand processes), a link in a file's place was «символическая ссылка, записанный не tpkit», and the advice
    # was to move «эти файлы» where there were links and folders
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "site"
    pages = {**SITE, **{f"process/p{i}.html": b"<p>p</p>" for i in range(7)}}
    write_files(out, pages)
    for name in pages:
        if name.startswith("process/"):
            (out / name).unlink()
    (out / "process").rmdir()
    (out / "process").symlink_to(outside, target_is_directory=True)
    (out / "style.css").unlink()
    (out / "style.css").symlink_to(outside / "x.css")
    (out / "index.html").unlink()
    (out / "index.html").mkdir()
    with pytest.raises(SiteError) as caught:
        write_files(out, pages)
    message = str(caught.value)
    assert message.count("process — символическая ссылка, а нужна папка") == 1
    assert "style.css — символическая ссылка, а нужен файл" in message
    assert "index.html — папка, а нужен файл" in message
    assert "записанный" not in message and "эти файлы" not in message


@needs_links
def test_deleting_never_follows_a_link_or_leaves_the_folder(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    (outside / "process").mkdir(parents=True)
    (outside / "process/a.html").write_bytes(SITE["process/a.html"])  # same content, same hash
    (outside / "victim.html").write_bytes(b"<p>a</p>")
    out = tmp_path / "site"
    write_files(out, SITE)
    # the folder of a listed page becomes a link to a folder outside holding a file with the listed hash
    (out / "process/a.html").unlink()
    (out / "process").rmdir()
    (out / "process").symlink_to(outside / "process", target_is_directory=True)
    # and a listed page becomes a link to a file outside with the listed hash
    (out / "index.html").unlink()
    (out / "index.html").symlink_to(outside / "victim.html")
    data = manifest(out)
    data["files"]["index.html"] = digest(b"<p>a</p>")
    # entries that point outside in the manifest itself
    data["files"]["../outside/victim.html"] = digest(b"<p>a</p>")
    data["files"][str(outside / "victim.html")] = digest(b"<p>a</p>")
    (out / MANIFEST).write_text(json.dumps(data), encoding="utf-8")
    removed, _ = write_files(out, {"style.css": b"p{}"})
    assert removed == []
    assert (outside / "process/a.html").read_bytes() == SITE["process/a.html"]
    assert (outside / "victim.html").read_bytes() == b"<p>a</p>"
    assert (out / "index.html").is_symlink() and (out / "process").is_symlink()


def test_a_manifest_of_0_2_0_is_kept_not_deleted_and_replaced(tmp_path: Path) -> None:
    out = tmp_path / "site"
    (out / "process").mkdir(parents=True)
    for rel in ("index.html", "process/old.html", "process/a.html"):
        (out / rel).write_text("0.2.0", encoding="utf-8")
    (out / MANIFEST).write_text(
        json.dumps({"generator": "tpkit site", "files": ["index.html", "process/a.html", "process/old.html"]}),
        encoding="utf-8",
    )
    removed, _ = write_files(out, SITE)
    assert removed == [] and (out / "process/old.html").read_text(encoding="utf-8") == "0.2.0"
    assert (out / "index.html").read_bytes() == SITE["index.html"]  # its own page, overwritten
    assert manifest(out)["files"] == {k: digest(v) for k, v in sorted(SITE.items())}


def test_an_interrupted_build_leaves_a_folder_the_next_build_takes(tmp_path: Path, monkeypatch: Any) -> None:
    from tpkit.util import Folder

    out = tmp_path / "site"
    write_files(out, SITE)
    written: list[str] = []
    real = Folder.write

    def dies(self: Any, name: str, data: bytes, stamp: int | None, sync: bool = False) -> None:
        if name != MANIFEST and len(written) == 2:
            raise OSError(28, "No space left on device")
        written.append(name)
        real(self, name, data, stamp, sync)

    monkeypatch.setattr(Folder, "write", dies)
    v2 = {k: v + b" v2" for k, v in SITE.items()} | {"process/b.html": b"<p>b</p>"}
    with pytest.raises(SiteError, match="No space left"):
        write_files(out, v2)
    monkeypatch.setattr(Folder, "write", real)
    # the registry changed meanwhile: the pages the broken build wrote are neither the last build's nor the next's,
    # but the interim manifest listed them
    v3 = {k: v + b" v3" for k, v in v2.items()}
    _removed, notes = write_files(out, v3)
    assert notes == [] and all((out / k).read_bytes() == v for k, v in v3.items())
    assert not list(out.rglob("*.tmp"))


def test_the_site_command_writes_the_public_view_into_build_public(tmp_path: Path) -> None:
    res = run_cli("site", "-C", str(BASE), "--public", cwd=tmp_path)
    assert res.code == 0, res.stderr
    assert (tmp_path / "build/public/index.html").is_file() and (tmp_path / "build/public" / MANIFEST).is_file()
    assert not (tmp_path / "build/site").exists()
    assert run_cli("site", "-C", str(BASE), "--public", "--documents", cwd=tmp_path).code == 2
