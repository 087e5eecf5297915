"""Writing a site into its folder, which is the site's alone.

- A folder that is not empty and holds no tpkit manifest (``.tpkit-site.json``) is refused, unless ``force``; even
  then nothing tpkit did not write is overwritten or deleted (a hand-written ``docs/index.html`` stays): a clash
  is an error before anything is written.
- The manifest lists what tpkit wrote, each file with its SHA-256. A file is overwritten or deleted only when it is
  a regular file inside the folder, reached without a symbolic link, whose content still has a hash the manifest
  gives it. A file changed by hand is kept (and named). A 0.2.0 manifest has no hashes: its files may be
  overwritten by this build's, but none is deleted; the build writes a new manifest.
- Symbolic links inside the folder are never followed, for writing or deleting: every folder is opened relative
  to its parent with ``O_NOFOLLOW`` (where the platform has it), so a link swapped in meanwhile is not followed
  either. The output folder itself may be a link: the user named it.
- Each file is written to a temporary file and renamed into place (a reader never sees half a page); nothing is
  fsynced but the manifest: a site is a build product, rebuilt in seconds. Before the pages, an interim manifest
  lists both the old and the new hash of every file, so a build that is interrupted leaves a folder the next
  build still recognises as its own.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..util import Folder, is_link

MANIFEST = ".tpkit-site.json"
_CLASHES_SHOWN = 5


class SiteError(Exception):
    """The site cannot be written (the folder, git for the history); one line for the user."""


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class _Tree:
    """The output folder and the folders below it, opened once each."""

    def __init__(self, root: Path) -> None:
        self.root = Folder.open_root(root)
        self.dirs: dict[tuple[str, ...], Folder | None] = {(): self.root}

    def folder(self, parts: tuple[str, ...], create: bool) -> Folder | None:
        if parts in self.dirs and (self.dirs[parts] is not None or not create):
            return self.dirs[parts]
        parent = self.folder(parts[:-1], create)
        found = parent.sub(parts[-1], create) if parent is not None else None
        self.dirs[parts] = found
        return found

    def close(self) -> None:
        for d in self.dirs.values():
            if d is not None:
                d.close()


@dataclass
class _Previous:
    """What the manifest in the folder says tpkit wrote there."""

    found: bool = False
    #: path -> the hashes its content may have and still be tpkit's (one; two in an interim manifest)
    hashed: dict[str, set[str]] = field(default_factory=dict)
    #: a 0.2.0 manifest's files (no hashes): overwritten by this build's, never deleted
    legacy: set[str] = field(default_factory=set)


def _safe(rel: str) -> tuple[str, ...] | None:
    """A manifest's path as folder names and a file name; None for anything that could leave the folder."""
    p = PurePosixPath(rel)
    if not rel or p.is_absolute() or "\\" in rel or rel == MANIFEST or any(x in ("", ".", "..") for x in p.parts):
        return None
    if any(":" in x or "\x00" in x for x in p.parts):  # a drive or an alternate data stream on Windows
        return None
    return p.parts


def _previous(tree: _Tree) -> _Previous:
    raw = tree.root.read(MANIFEST)
    if raw is None:
        return _Previous()
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return _Previous()
    files = data.get("files") if isinstance(data, dict) else None
    out = _Previous(found=isinstance(files, (dict, list)))
    if isinstance(files, dict):
        for rel, hashes in files.items():
            values = [hashes] if isinstance(hashes, str) else hashes if isinstance(hashes, list) else []
            ok = {h for h in values if isinstance(h, str)}
            if isinstance(rel, str) and _safe(rel) and ok:
                out.hashed[rel] = ok
    elif isinstance(files, list):
        out.legacy = {f for f in files if isinstance(f, str) and _safe(f)}
    return out


def _manifest(files: dict[str, set[str] | str]) -> bytes:
    listed = {k: (sorted(v) if isinstance(v, set) else v) for k, v in sorted(files.items())}
    text = json.dumps({"generator": "tpkit site", "version": 2, "files": listed}, ensure_ascii=False, indent=1)
    return (text + "\n").encode("utf-8")


def _stamp() -> int | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return int(epoch) if epoch and epoch.isdigit() else None


def write_files(output: Path, files: dict[str, bytes], *, force: bool = False) -> tuple[list[str], list[str]]:
    """Write the site into ``output``; remove what the previous build wrote and this one does not.

    Returns the removed paths and notes (files kept because they changed since tpkit wrote them). Raises
    :class:`SiteError`, before anything is written, when the folder is not the site's or a file of the site would
    replace one tpkit did not write.
    """
    if output.exists() and not output.is_dir():
        raise SiteError(f"{output}: это файл, а нужна папка / not a folder")
    try:
        output.mkdir(parents=True, exist_ok=True)
        tree = _Tree(output)
    except OSError as exc:
        raise SiteError(f"{output}: не записано: {exc.strerror or exc} / cannot write the site") from None
    try:
        return _write(tree, output, files, force)
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        raise SiteError(f"{output}: не записано: {where}{exc.strerror or exc} / cannot write the site") from None
    finally:
        tree.close()


def _write(tree: _Tree, output: Path, files: dict[str, bytes], force: bool) -> tuple[list[str], list[str]]:
    prev = _previous(tree)
    if not prev.found and not force and not tree.root.empty():
        raise SiteError(
            f"{output}: папка не пуста, и в ней нет {MANIFEST} — сайт пишется только в пустую папку или в ту, куда его "
            f"записал tpkit; выберите другую папку или добавьте --force (и тогда tpkit не перезапишет и не удалит "
            f"ни одного файла, который записал не он) / the folder is not empty and tpkit did not write it"
        )
    hashes = {rel: digest(data) for rel, data in files.items()}
    clashes = _clashes(tree, prev, files, hashes)
    if clashes:
        more = f" (и еще {len(clashes) - _CLASHES_SHOWN})" if len(clashes) > _CLASHES_SHOWN else ""
        raise SiteError(
            f"{output}: ничего не записано: {'; '.join(clashes[:_CLASHES_SHOWN])}{more}; перенесите или удалите то, "
            f"что мешает, или выберите другую папку / nothing written: the site would replace what tpkit did not write"
        )
    stamp = _stamp()
    interim: dict[str, set[str] | str] = {rel: set(h) for rel, h in prev.hashed.items()}
    for rel, h in hashes.items():
        interim[rel] = interim.get(rel, set()) | {h}  # type: ignore[operator]
    tree.root.write(MANIFEST, _manifest(interim), None, sync=True)
    removed, notes = _remove_old(tree, prev, files)
    for rel, data in files.items():
        parts = PurePosixPath(rel).parts
        folder = tree.folder(parts[:-1], create=True)
        if folder is None:  # a link swapped in after the check
            raise SiteError(f"{output / rel}: папка стала символической ссылкой / a folder became a symbolic link")
        folder.write(parts[-1], data, stamp)
    tree.root.write(MANIFEST, _manifest(dict(hashes)), None, sync=True)
    return removed, notes


def _clashes(tree: _Tree, prev: _Previous, files: dict[str, bytes], hashes: dict[str, str]) -> list[str]:
    """Why a file of the site cannot be written where it goes: a link or a file on its way, a file tpkit did not
    write (or one changed since) in its place."""
    out = []
    st = tree.root.lstat(MANIFEST)
    if st is not None and (is_link(st) or not stat.S_ISREG(st.st_mode)):
        out.append(f"{MANIFEST} — {_what(st)}, а нужен файл")
    blocked: set[tuple[str, ...]] = set()  # folders already named: each once, not once per page below it
    for rel in files:
        parts = PurePosixPath(rel).parts
        folder, ok = tree.root, True
        for i, name in enumerate(parts[:-1]):
            if parts[: i + 1] in blocked:
                ok = False
                break
            st = folder.lstat(name)
            if st is None:
                ok = False  # made when written: nothing below it exists yet
                break
            is_folder = stat.S_ISDIR(st.st_mode) and not is_link(st)
            sub = tree.folder(parts[: i + 1], create=False) if is_folder else None
            if sub is None:  # not a folder, or one that changed under us (a link swapped in)
                blocked.add(parts[: i + 1])
                what = "не открывается как папка" if is_folder else f"{_what(st)}, а нужна папка"
                out.append(f"{'/'.join(parts[: i + 1])} — {what}")
                ok = False
                break
            folder = sub
        if not ok:
            continue
        st = folder.lstat(parts[-1])
        if st is None:
            continue
        if is_link(st) or not stat.S_ISREG(st.st_mode):
            out.append(f"{rel} — {_what(st)}, а нужен файл")
            continue
        if rel in prev.legacy:
            continue
        data = folder.read(parts[-1])
        known = prev.hashed.get(rel, set())
        found = digest(data) if data is not None else None
        if found is None or (found not in known and found != hashes[rel]):
            why = "изменен после того, как его записал tpkit" if known else "записан не tpkit"
            out.append(f"{rel} — {why}")
    return out


def _what(st: os.stat_result) -> str:
    """What stands in the way, in words: a link, a folder, a file, or something else (a FIFO, a socket)."""
    if is_link(st):
        return "символическая ссылка"
    if stat.S_ISDIR(st.st_mode):
        return "папка"
    return "файл" if stat.S_ISREG(st.st_mode) else "не файл и не папка"


def _remove_old(tree: _Tree, prev: _Previous, files: dict[str, bytes]) -> tuple[list[str], list[str]]:
    """Delete the previous build's files this one does not write, where they are still tpkit's."""
    removed, kept = [], []
    emptied: set[tuple[str, ...]] = set()
    for rel in sorted(prev.hashed):
        if rel in files:
            continue
        parts = PurePosixPath(rel).parts
        folder = tree.folder(parts[:-1], create=False)
        if folder is None:
            continue
        data = folder.read(parts[-1])
        if data is None:
            continue  # gone, or a link or folder now: not tpkit's to delete
        if digest(data) not in prev.hashed[rel]:
            kept.append(rel)
            continue
        if folder.unlink(parts[-1]):
            removed.append(rel)
            emptied.update(parts[:i] for i in range(1, len(parts)))
    for parts in sorted(emptied, key=len, reverse=True):
        parent = tree.folder(parts[:-1], create=False)
        if parent is not None:
            child = tree.dirs.pop(parts, None)
            if child is not None:
                child.close()
            parent.rmdir(parts[-1])
    notes = [f"{rel}: изменен после прошлой сборки, оставлен / changed since tpkit wrote it, kept" for rel in kept]
    return removed, notes
