"""The budget every template runs under: time, the size of what it makes, memory.

A template may come from a merge request, and CI renders it unattended. Jinja's sandbox stops a template from
reading files or running code; it does not stop one from looping 10^10 times or building a gigabyte string.
:mod:`tpkit.render.sandbox` calls into a :class:`Budget` on every growth path (calls, attributes, operators,
``~``, filters, loop iterations, printed and captured output), and :func:`memory_guard` caps the process's
address space while a template runs, for whatever path the checks miss.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from .errors import RenderError

#: seconds a template may run per document by default; ``render.time_limit`` in tpkit.yaml may only lower it
DEFAULT_TIME_LIMIT = 5.0
#: what may raise it: ``--time-limit`` or this environment variable (a merge request can edit tpkit.yaml)
TIME_LIMIT_ENV = "TPKIT_TEMPLATE_TIME_LIMIT"
#: characters of any one text an expression, filter or method makes (``~``, ``+``, ``%``, ``center``, ``join``…)
MAX_TEXT = 10_000_000
#: characters of a document's whole output, and of any output a macro, ``{% set %}`` or ``{% filter %}`` captures
MAX_OUTPUT = 50_000_000
#: items of a text or list made with ``*``
MAX_ITEMS = 1_000_000
#: the largest exponent of ``**``, and the bits of any number made by ``*`` or ``**``
MAX_POWER = 1_000
MAX_INT_BITS = 100_000
#: characters and jinja tokens of one template (or one part of a .docx): compiling costs about 0.1 ms a token,
#: and the clock does not run inside jinja's compiler (the built-in templates have about 450 tokens)
MAX_TEMPLATE_CHARS = 2_000_000
MAX_TEMPLATE_TOKENS = 20_000
#: address space a template run may add to the process (Linux; a backstop behind the checks above)
MAX_MEMORY = 1 << 30


def time_limit(configured: float | None, ceiling: float | None = None) -> float:
    """The time limit of one document: the command line's or the environment's ceiling (else the default),
    lowered by tpkit.yaml's ``render.time_limit`` and never raised by it."""
    if ceiling is None:
        raw = os.environ.get(TIME_LIMIT_ENV, "").strip()
        try:
            ceiling = float(raw) if raw else DEFAULT_TIME_LIMIT
        except ValueError:
            raise RenderError(f"{TIME_LIMIT_ENV}={raw}: нужно число секунд / must be a number of seconds") from None
        if not 0 < ceiling < 1e6:
            raise RenderError(f"{TIME_LIMIT_ENV}={raw}: нужно число секунд больше 0 / must be a positive number")
    return min(ceiling, configured) if configured is not None else ceiling


class BudgetExceeded(Exception):
    """A template went over one of its limits; the message names the limit."""


def too_large(size: int, what: str, limit: int = MAX_TEXT) -> None:
    if size > limit:
        raise BudgetExceeded(f"{what} of {size} characters is too large for a template (limit {limit:,})")


def size_of(value: Any, limit: int = MAX_TEXT) -> int:
    """About how many characters ``str(value)`` has, counted without building it and only up to just past
    ``limit`` (a list of a million references to one long text would otherwise be stringified whole)."""
    total = steps = 0
    stack = [value]
    while stack:
        steps += 1
        if not steps & 0xFFFF:  # a list of millions of items takes a while to size: the clock still runs
            budget = CURRENT.get()
            if budget is not None:
                budget.tick()
        v = stack.pop()
        if isinstance(v, str):
            total += len(v) + 2
        elif isinstance(v, (list, tuple, set, frozenset)):
            total += 2 + 2 * len(v)
            if total <= limit:
                stack.extend(v)
        elif isinstance(v, dict):
            total += 2 + 4 * len(v)
            if total <= limit:
                stack.extend(v.keys())
                stack.extend(v.values())
        elif isinstance(v, int):
            total += v.bit_length() // 3 + 1
        else:
            total += 32
        if total > limit:
            return total
    return total


class Budget:
    """The clock of one document: started when its template starts, checked on every growth path."""

    @contextmanager
    def running(self) -> Iterator[None]:
        """Start the clock; code that has no environment at hand finds this budget as :data:`CURRENT`."""
        self.start()
        token = CURRENT.set(self)
        try:
            yield
        finally:
            CURRENT.reset(token)

    def __init__(self, seconds: float, name: str = "") -> None:
        self.seconds = seconds
        self.name = name
        self.deadline = time.monotonic() + seconds

    def start(self) -> None:
        self.deadline = time.monotonic() + self.seconds

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise BudgetExceeded(f"the template ran longer than the time limit of {self.seconds:g} s")

    def iterate(self, iterable: Any) -> Ticking:
        return Ticking(iterable, self)

    def buffer(self) -> Buffer:
        return Buffer(self)

    def concat(self, pieces: Any) -> str:
        """jinja's ``concat`` (a document's output, a macro's or a captured block's): its size is checked as it
        grows and the clock on every piece."""
        if isinstance(pieces, list):
            self.tick()
            too_large(sum(len(p) for p in pieces), "an output", MAX_OUTPUT)
            return "".join(pieces)
        out: list[str] = []
        total = 0
        for piece in pieces:
            self.tick()
            total += len(piece)
            too_large(total, "the output", MAX_OUTPUT)
            out.append(piece)
        return "".join(out)


#: the budget of the template running in this thread (or task), for checks that have no environment at hand
CURRENT: ContextVar[Budget | None] = ContextVar("tpkit_template_budget", default=None)


class Buffer(list[str]):
    """The list jinja collects captured output in (a macro's, ``{% set %}``'s, ``{% filter %}``'s): its size is
    checked on every piece added, so a loop inside one stops at the limit, not when the loop ends."""

    def __init__(self, budget: Budget) -> None:
        super().__init__()
        self.budget = budget
        self.size = 0

    def append(self, piece: str) -> None:
        self.budget.tick()
        self.size += len(piece)
        too_large(self.size, "a captured output", MAX_OUTPUT)
        super().append(piece)

    def extend(self, pieces: Any) -> None:
        for piece in pieces:
            self.append(piece)


class Ticking:
    """A ``{% for %}`` loop's iterable: the clock is checked on every iteration (loops call nothing else)."""

    __slots__ = ("_budget", "_iterable")

    def __init__(self, iterable: Any, budget: Budget) -> None:
        self._iterable = iterable
        self._budget = budget

    def __len__(self) -> int:
        return len(self._iterable)

    def __iter__(self) -> Iterator[Any]:
        tick = self._budget.tick
        for item in self._iterable:
            tick()
            yield item


def _address_space() -> int | None:
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


@contextmanager
def memory_guard() -> Iterator[None]:
    """While a template runs, the process may grow by at most :data:`MAX_MEMORY` (RLIMIT_AS): past it an
    allocation fails with MemoryError, which the sandbox reports in one line. Only on Linux and in the main
    thread (the limit is the whole process's), and only ever lowered, never above a limit already set."""
    current = _address_space() if threading.current_thread() is threading.main_thread() else None
    if current is None:
        yield
        return
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = current + MAX_MEMORY
    if soft != resource.RLIM_INFINITY and soft <= limit:
        yield
        return
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
