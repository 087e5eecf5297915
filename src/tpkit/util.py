"""Small shared helpers: atomic writes, a folder walked without following links, resources."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
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
        # a full disk says ENOSPC without a name, and a folder that takes no new file names the temporary one
        # (``.report.json.ab12cd.tmp``): either way the file being written is the one the user asked for
        staged = exc.filename is not None and os.path.dirname(os.fspath(exc.filename)) == os.fspath(path.parent)
        if exc.filename is None or (staged and os.path.basename(os.fspath(exc.filename)).startswith(f".{path.name}.")):
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


#: folders can be opened relative to their parent without following a link (POSIX; not Windows)
NOFOLLOW_WALK = os.open in os.supports_dir_fd and os.stat in os.supports_dir_fd and hasattr(os, "O_NOFOLLOW")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)


class Folder:
    """A folder reached without following a symbolic link below the one it started from, and the few things done in
    it: read a regular file, write one whole (a temporary file renamed into place, never through a link), delete a
    file or an empty folder. Where ``os.open`` takes ``dir_fd`` (POSIX), every folder is opened relative to its
    parent with ``O_NOFOLLOW``, so a link swapped in meanwhile is not followed either; elsewhere (Windows) each step
    is checked with ``lstat``, a junction counting as a link. ``tpkit site`` writes its folder with it."""

    def __init__(self, path: Path, fd: int | None) -> None:
        self.path, self.fd = path, fd

    @classmethod
    def open_root(cls, path: Path) -> Folder:
        """The folder at ``path`` (which may itself be a link: the caller named it)."""
        if not NOFOLLOW_WALK:
            return cls(path, None)
        return cls(path, os.open(path, os.O_RDONLY | _DIRECTORY))

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None

    def lstat(self, name: str) -> os.stat_result | None:
        try:
            if self.fd is not None:
                return os.stat(name, dir_fd=self.fd, follow_symlinks=False)
            return os.lstat(self.path / name)
        except FileNotFoundError:
            return None

    def sub(self, name: str, create: bool) -> Folder | None:
        """The folder ``name`` in this one (made when ``create``); None when it is missing, a link or a file."""
        st = self.lstat(name)
        if st is None and create:
            if self.fd is not None:
                os.mkdir(name, dir_fd=self.fd)
            else:
                os.mkdir(self.path / name)
            st = self.lstat(name)
        if st is None or not stat.S_ISDIR(st.st_mode) or is_link(st):
            return None
        if self.fd is None:
            return Folder(self.path / name, None)
        try:
            return Folder(self.path / name, os.open(name, os.O_RDONLY | _DIRECTORY | _NOFOLLOW, dir_fd=self.fd))
        except OSError:
            return None  # replaced by a link meanwhile

    def read(self, name: str) -> bytes | None:
        """A regular file's content, read without following a link; None for anything else."""
        try:
            if self.fd is not None:
                fd = os.open(name, os.O_RDONLY | _NOFOLLOW, dir_fd=self.fd)
            else:
                st = os.lstat(self.path / name)
                if not stat.S_ISREG(st.st_mode) or is_link(st):
                    return None
                fd = os.open(self.path / name, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        except OSError:
            return None
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                return None
            return fh.read()

    def write(self, name: str, data: bytes, stamp: int | None, sync: bool = False) -> None:
        """``data`` into a new temporary file beside ``name``, then renamed over it (never through a link)."""
        import secrets  # only writes need it (start-up time)

        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_BINARY", 0)
        for _ in range(100):
            tmp = f".{name}.{secrets.token_hex(4)}.tmp"
            try:
                if self.fd is not None:
                    fd = os.open(tmp, flags, 0o666, dir_fd=self.fd)
                else:
                    fd = os.open(self.path / tmp, flags, 0o666)
                break
            except FileExistsError:
                continue
        else:  # pragma: no cover - a hundred random names taken
            raise FileExistsError(str(self.path / name))
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                if sync:
                    fh.flush()
                    os.fsync(fh.fileno())
            if self.fd is not None:
                if stamp is not None:
                    os.utime(tmp, (stamp, stamp), dir_fd=self.fd)
                os.replace(tmp, name, src_dir_fd=self.fd, dst_dir_fd=self.fd)
            else:
                if stamp is not None:
                    os.utime(self.path / tmp, (stamp, stamp))
                os.replace(self.path / tmp, self.path / name)
        except BaseException:
            self.unlink(tmp)
            raise
        if sync and self.fd is not None:
            try:
                os.fsync(self.fd)
            except OSError:
                pass  # some file systems refuse fsync on a folder

    def _at(self, call: Callable[..., object], name: str) -> None:
        """``call`` (``os.unlink``, ``os.rmdir``) on ``name`` in this folder."""
        if self.fd is not None:
            call(name, dir_fd=self.fd)
        else:
            call(self.path / name)

    def unlink(self, name: str) -> bool:
        try:
            self._at(os.unlink, name)
        except OSError:
            return False
        return True

    def rmdir(self, name: str) -> None:
        """Remove the folder ``name`` if it is empty (and a folder, not a link)."""
        st = self.lstat(name)
        if st is None or not stat.S_ISDIR(st.st_mode) or is_link(st):
            return
        try:
            self._at(os.rmdir, name)
        except OSError:
            pass  # not empty: someone's files are in it

    def empty(self) -> bool:
        with os.scandir(self.fd if self.fd is not None else self.path) as entries:
            return not any(True for _ in entries)


def is_link(st: os.stat_result) -> bool:
    """A symbolic link, or a Windows junction (a reparse point), which a walk must not enter either."""
    return stat.S_ISLNK(st.st_mode) or bool(getattr(st, "st_file_attributes", 0) & 0x400)


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
