"""Small shared helpers: atomic writes, resources."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder and rename: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        st: os.stat_result | None = path.stat()
    except OSError:
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):  # os.replace would name the temporary file in its error
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    try:
        if st is not None and (not stat.S_ISREG(st.st_mode) or _is_special(path)):
            # a device, a pipe, a terminal (``-o /dev/stdout``, ``/dev/null``): write into it; a rename would put
            # a regular file in its place (and, run as root, break /dev for everyone)
            with open(path, "wb") as fh:
                fh.write(data)
            return
        _replace(path, data, st)
    except OSError as exc:
        if exc.filename is None:  # a full disk says ENOSPC without a name: the file being written is the one
            raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from None
        raise


def _replace(path: Path, data: bytes, st: os.stat_result | None) -> None:
    """The new content in a temporary file, on disk (fsync), renamed over the old, the rename on disk too: a
    killed process or a power cut leaves the old file or the new one, never half of one."""
    tmp = _stage(path, data, st)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def _stage(path: Path, data: bytes, st: os.stat_result | None) -> Path:
    """A temporary file beside ``path`` holding ``data``, on disk (fsync), with the permissions, owner and group
    of the file it will replace (``st``; ``tpkit fmt`` run as root must not hand a user's file to root), or the
    mode a new file gets."""
    mode = st.st_mode & 0o7777 if st is not None else 0o666 & ~_umask()
    import tempfile  # only writes need it (start-up time)

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if st is not None and (st.st_uid != os.geteuid() or st.st_gid != os.getegid()):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:
                pass  # not allowed (not root, not a member of the group): the file becomes the writer's
        os.chmod(tmp, mode)  # mkstemp creates 0600; after chown, which may clear set-id bits
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def fsync_folder(folder: Path) -> None:
    """Put a folder's entries (a rename, a new file) on disk; where folders cannot be synced, nothing."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a folder (EINVAL): the rename is as durable as they allow
    finally:
        os.close(fd)


def _is_special(path: Path) -> bool:
    """``/dev/stdout``, ``/dev/fd/N``, ``/proc/self/fd/N``: names of open files, even when they lead to a regular one."""
    return os.path.abspath(path).startswith(("/dev/", "/proc/"))


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def stage_bytes(path: Path, data: bytes) -> Path:
    """A temporary file beside ``path`` holding ``data``, flushed to disk, with the mode (and owner) ``path`` has
    or the mode it would get.

    The first half of :func:`atomic_write_many`; the caller renames it over ``path`` (or removes it).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        st: os.stat_result | None = path.stat()
    except OSError:
        st = None
    return _stage(path, data, st)


def atomic_write_many(files: dict[Path, bytes]) -> None:
    """Write several files all or nothing: stage each beside its target (flushed), then rename them all.

    A failure while staging (a full disk, Ctrl-C) removes what was staged and changes nothing; a failed rename
    removes what was not moved yet. Only a failure or a kill between the renames, which take microseconds, can
    leave part of the files written.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in files.items():
            staged.append((stage_bytes(path, data), path))
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    moved = 0
    try:
        for tmp, path in staged:
            os.replace(tmp, path)
            moved += 1
    except BaseException:
        for tmp, _ in staged[moved:]:
            tmp.unlink(missing_ok=True)
        raise
    for folder in sorted({path.parent for _, path in staged}):
        fsync_folder(folder)


def resource_dir(name: str) -> Path:
    """A data folder shipped with tpkit (``templates``, ``schemas``).

    In a wheel they live inside the package; in a source checkout, at the
    repository's top level.
    """
    here = Path(__file__).resolve().parent
    packaged = here / name
    if packaged.is_dir():
        return packaged
    return here.parent.parent / name
