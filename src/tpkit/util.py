"""Small shared helpers: atomic writes, resources."""

from __future__ import annotations

import errno
import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder and rename: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir():  # os.replace would name the temporary file in its error
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    try:
        mode = path.stat().st_mode & 0o7777  # replacing a file keeps its permissions
    except OSError:
        mode = 0o666 & ~_umask()  # a new file gets what open() would give it
    import tempfile  # only writes need it (start-up time)

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, mode)  # mkstemp creates 0600
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


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


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a batch of long-lived objects is built.

    Loading a registry allocates millions of objects that all survive (nodes,
    data, models); each collection would walk the growing heap again, which
    made the collector the largest single cost of ``tpkit lint`` on a large
    registry. Reference counting still frees everything that is dropped; only
    cycles wait for the collector, which runs again when the block ends.
    Nested use is fine.

    When the outermost block ends, what it built is frozen (moved out of the
    collector's generations, see :func:`gc.freeze`): otherwise the collector
    would walk it up to three more times as it ages. Frozen objects are still
    freed by reference counting.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.freeze()
            gc.enable()
