"""What the registry covers: the needs a process's touchpoints satisfy, the touchpoints that processes
and procedures name, the sections a procedure fills in. Shared by the TP1 and TP3 rules.

:class:`NeedsRule` is the shape of five TP1 rules (TP101, TP102, TP103, TP109, TP110): one walk over the
processes with their needs, one finding per process at its ``touchpoints``; each rule only says what a
process lacks.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from ..finding import Hit
from ..rule import Rule
from .words import process_place

if TYPE_CHECKING:
    from ...registry import Registry
    from ...registry import models as m


class NeedsRule(Rule):
    """A rule about the needs a process's touchpoints satisfy together: one hit per process, at its
    ``touchpoints``, with the process title and what :meth:`lacks` returns as the message's arguments."""

    def check(self, reg: Registry) -> Iterator[Hit]:
        for proc, got in reg.needs_by_process:
            args = self.lacks(reg, proc, got)
            if args is not None:
                yield self.hit(*process_place(reg, proc, "touchpoints"), title=proc.title, **args)

    def lacks(self, reg: Registry, proc: m.Process, got: set[str]) -> dict[str, Any] | None:
        """The message's arguments when the process with the needs ``got`` breaks the rule, else None."""
        raise NotImplementedError


def entries_without(reg: Registry, field: str) -> Iterator[tuple[m.Process, int, m.ProcessTouchpoint]]:
    """Process touchpoint entries whose effective ``field`` (``basis``, ``responsible``) is empty: neither
    the entry nor its catalogue touchpoint gives one (an unknown touchpoint is TP003's)."""
    for proc in reg.iter_processes():
        for i, entry in enumerate(proc.touchpoints):
            if getattr(entry, field):
                continue
            tp = reg.touchpoints.get(entry.touchpoint)
            if tp is not None and not getattr(tp, field):
                yield proc, i, entry


class EntryFieldRule(Rule):
    """A rule about a field that a process touchpoint entry or its catalogue touchpoint must give (TP106
    ``basis``, TP201 ``responsible``): one hit per entry where neither does, at the entry, with the touchpoint's
    name and the process title as the message's arguments."""

    #: the field the entry or the catalogue must give
    field: ClassVar[str]

    def check(self, reg: Registry) -> Iterator[Hit]:
        for proc, i, entry in entries_without(reg, self.field):
            yield self.hit(
                *process_place(reg, proc, "touchpoints", i), name=reg.tp_name(entry.touchpoint), title=proc.title
            )


def raw_touchpoint_refs(reg: Registry, kind: str) -> set[str] | None:
    """Touchpoints named by files of ``kind`` that failed the schema (None: one of them says ``all``).

    A broken process or procedure file is left out of the model; what it
    names still counts, so that one misspelt key does not make its
    touchpoints look unused or uncovered.
    """
    out: set[str] = set()
    for src in reg.files.values():
        if src.kind != kind or src.valid or not isinstance(src.data, dict):
            continue
        tps = src.data.get("touchpoints")
        if tps == "all":
            return None
        if isinstance(tps, list):
            for item in tps:
                if isinstance(item, dict):
                    item = item.get("touchpoint")
                if isinstance(item, str):
                    out.add(item)
    return out


def uncovered_touchpoints(
    reg: Registry, kind: str, covered: Mapping[str, list[Any]]
) -> Iterator[tuple[str, m.Touchpoint]]:
    """Catalogue touchpoints that no ``kind`` file names: not in ``covered`` (an index of the valid
    files) nor in a file of ``kind`` that failed the schema; none when a broken one says ``all``."""
    broken = raw_touchpoint_refs(reg, kind)
    if broken is None:
        return
    for ident, tp in reg.touchpoints.items():
        if not covered.get(ident) and ident not in broken:
            yield ident, tp


def is_empty(value: Any) -> bool:
    """A procedure section that is absent, null, an empty list or a mapping with nothing filled in."""
    if value is None:
        return True
    if isinstance(value, list):
        return not value
    return not any(getattr(value, k) for k in type(value).model_fields)
