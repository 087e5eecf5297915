"""Two halves of the pages at once: one in a forked child, one here (the machine has two cores, lint uses one).

The pages are pure functions of the registry as the build has read it, so a child forked after the read makes
its half from the same memory (copied on write) and sends the bytes back through a pipe. Where there is no fork
(Windows) everything is made here, one half after the other; where the child fails or dies, its half is made here
again, which also raises its error where the user sees it. The result does not depend on which way it was made.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable

Pages = dict[str, bytes]

#: fork where the platform can (a test switches it off to compare)
FORK = hasattr(os, "fork")


def in_two(child: Callable[[], Pages], here: Callable[[], Pages]) -> tuple[Pages, Pages]:
    """``child()`` in a forked process and ``here()`` in this one, at the same time; their results."""
    if not FORK:
        return child(), here()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its pages into the pipe, then out without running the parent's clean-up
        try:
            os.close(read)
            data = pickle.dumps(child(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write, "wb") as fh:
                fh.write(data)
        finally:
            os._exit(0)
    os.close(write)
    try:
        mine = here()
    finally:
        with os.fdopen(read, "rb") as fh:
            raw = fh.read()
        os.waitpid(pid, 0)
    try:
        theirs: Pages = pickle.loads(raw)
    except (EOFError, pickle.UnpicklingError, ValueError):
        theirs = child()  # the child failed or was killed: its half here (and its error, if any, here too)
    return theirs, mine
