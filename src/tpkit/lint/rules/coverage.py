"""What the registry covers: the needs a process's touchpoints satisfy, the touchpoints that processes
and procedures name, the sections a procedure fills in. Shared by the TP1 and TP3 rules.

:class:`NeedsRule` is the shape of five TP1 rules (TP101, TP102, TP103, TP109, TP110): one walk over the
processes with their needs, one finding per process at its ``touchpoints``; each rule only says what a
process lacks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from ..finding import Bi, Hit
from ..rule import Rule
from .words import names, process_place, touchpoint_place

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


#: directions whose touchpoints are determined per service or support measure: one process for the whole direction
#: there needs ``uniform: true`` (TP117)
PER_SERVICE_DIRECTIONS: frozenset[str] = frozenset({"services", "support"})


def is_uniform(proc: m.Process) -> bool:
    """A process for the whole direction that the methodology accepts as one uniform process: appeals, control,
    functions, or services and support measures marked ``uniform: true``."""
    return proc.scope == "direction" and (proc.uniform or proc.direction not in PER_SERVICE_DIRECTIONS)


def catalogue_entries_without(reg: Registry, field: str) -> Iterator[tuple[str, list[m.Process]]]:
    """Catalogue touchpoints without ``field`` (``basis``, ``responsible``), each with the processes whose entry of
    it gives none of its own either (so its effective ``field`` is empty), in catalogue and process order. A
    touchpoint every entry of which gives its own is not one."""
    lacking = {ident for ident, tp in reg.touchpoints.items() if not getattr(tp, field)}
    if not lacking:
        return
    users: dict[str, list[m.Process]] = {}
    for proc in reg.iter_processes():
        for entry in proc.touchpoints:
            if entry.touchpoint in lacking and not getattr(entry, field):
                got = users.setdefault(entry.touchpoint, [])
                if not got or got[-1] is not proc:
                    got.append(proc)
    for ident in reg.touchpoints:
        if ident in users:
            yield ident, users[ident]


class CatalogueFieldRule(Rule):
    """A rule about a field that a catalogue touchpoint or each process entry of it must give (TP106 ``basis``,
    TP201 ``responsible``): one hit per catalogue entry that lacks it and is used by processes whose entries lack it
    too, at the catalogue entry (one fault, one finding), with the touchpoint's name and ``where``: those processes.
    """

    #: the field the catalogue entry or the process entries must give
    field: ClassVar[str]

    def check(self, reg: Registry) -> Iterator[Hit]:
        for ident, procs in catalogue_entries_without(reg, self.field):
            titles = names([p.title for p in procs])
            if len(procs) == 1:
                where = Bi(f"в записи процесса {titles.ru}", f"in the entry of the process {titles.en}")
            else:
                where = Bi(f"в записях процессов {titles.ru}", f"in the entries of the processes {titles.en}")
            hit = self.hit(*touchpoint_place(reg, ident), name=reg.tp_name(ident), where=where)
            # per_file_ignores of the processes still switch the rule off for them (the contract's example)
            hit.about = tuple(dict.fromkeys(reg.process_file(p) for p in procs))
            yield hit


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


#: a value that fills a field and says nothing: a dash, «нет», «не предусмотрено», «отсутствует», «н/д»
_NOTHING = re.compile(
    r"[\W_]*|(?:нет|не\s+(?:предусмотрен|применя|требу|указан|установлен|определен)\w*|отсутству\w*"
    r"|н/?д|n/?a|tbd|todo)\W*",
    re.IGNORECASE,
)


def said(value: str | list[str] | None) -> bool:
    """Whether a field says something: not absent, not only a dash or «нет» (a list: one item that does). A section
    filled with «—» to make a warning go away says nothing (TP302, TP303, TP314)."""
    items = value if isinstance(value, list) else [value]
    return any(v and not _NOTHING.fullmatch(v.strip().casefold()) for v in items)
