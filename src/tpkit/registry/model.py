"""The Registry: every object by kind and id, with where it stands, and the indexes the rules share.

:func:`tpkit.registry.load.load_registry` fills it; what is wrong with the files' structure is kept as
problems (by kind) on it.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import models as m
from .files import CONFIG_FILE
from .problem import Problem
from .source import SourceFile
from .span import START, Span

ROOT_MARKER = CONFIG_FILE


class NoRegistryError(Exception):
    """No ``tpkit.yaml`` above the given path."""


def find_root(start: Path) -> Path:
    """Walk up from ``start`` to the first folder that holds ``tpkit.yaml``. A linked file belongs to the registry
    the link stands in, wherever it leads (the caller refuses a link that leaves it)."""
    link = Path(os.path.abspath(start))
    if link.is_symlink() and not link.is_dir():
        here = link.parent.resolve()
    else:
        start = start.resolve()
        here = start if start.is_dir() else start.parent
    for folder in (here, *here.parents):
        if (folder / ROOT_MARKER).is_file():
            return folder
    raise NoRegistryError(str(start))


@dataclass(slots=True)
class Located:
    """An object's place: the file and the YAML path of its node."""

    file: str
    path: tuple[str | int, ...]


@dataclass(slots=True)
class Usage:
    """One process touchpoint entry, as the catalogue touchpoint sees it."""

    process: m.Process
    index: int
    entry: m.ProcessTouchpoint


@dataclass
class Registry:
    root: Path
    files: dict[str, SourceFile] = field(default_factory=dict)
    agency: m.Agency | None = None
    acts: dict[str, m.Act] = field(default_factory=dict)
    touchpoints: dict[str, m.Touchpoint] = field(default_factory=dict)
    processes: dict[str, m.Process] = field(default_factory=dict)
    procedures: dict[str, m.Procedure] = field(default_factory=dict)
    units: dict[str, m.Unit] = field(default_factory=dict)
    officials: dict[str, m.Official] = field(default_factory=dict)
    #: need code -> label: the nine standard ones and the agency's own
    needs: dict[str, str] = field(default_factory=dict)
    where: dict[tuple[str, str], Located] = field(default_factory=dict)
    #: what the reader and the loader found wrong (the structure rules TP0xx report them)
    problems: list[Problem] = field(default_factory=list)
    #: ids seen in files, valid or not: references to them are not TP003
    raw_ids: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # shared indexes for rules
    usages: dict[str, list[Usage]] = field(default_factory=lambda: defaultdict(list))
    features: dict[str, list[tuple[m.Process, m.Feature]]] = field(default_factory=lambda: defaultdict(list))
    coverage: dict[str, list[m.Procedure]] = field(default_factory=lambda: defaultdict(list))

    # -- lookups -------------------------------------------------------------

    def loc(self, kind: str, ident: str) -> Located:
        return self.where[(kind, ident)]

    def process_file(self, process: m.Process) -> str:
        return self.where[("process", process.id)].file

    def procedure_file(self, procedure: m.Procedure) -> str:
        return self.where[("procedure", procedure.id)].file

    def locate(self, file: str, path: tuple[str | int, ...]) -> Span:
        """Where ``path`` stands in ``file`` (the file's start if the registry has no such file)."""
        src = self.files.get(file)
        return src.span(path) if src is not None else START

    def need_label(self, code: str) -> str:
        return self.needs.get(code, code)

    def tp_name(self, ident: str) -> str:
        """The catalogue name of a touchpoint (its id when the catalogue does not know it)."""
        tp = self.touchpoints.get(ident)
        return tp.name if tp is not None else ident

    def covered(self, procedure: m.Procedure) -> list[str]:
        """The catalogue touchpoints a procedure covers (``all`` expanded)."""
        if procedure.touchpoints == "all":
            return list(self.touchpoints)
        return [t for t in procedure.touchpoints if t in self.touchpoints]

    def effective_basis(self, entry: m.ProcessTouchpoint) -> list[str]:
        tp = self.touchpoints.get(entry.touchpoint)
        out = list(entry.basis)
        if tp is not None:
            out.extend(b for b in tp.basis if b not in out)
        return out

    def effective_responsible(self, entry: m.ProcessTouchpoint) -> str | None:
        if entry.responsible:
            return entry.responsible
        tp = self.touchpoints.get(entry.touchpoint)
        return tp.responsible if tp is not None else None

    def iter_processes(self) -> Iterator[m.Process]:
        return iter(self.processes.values())

    # -- indexes computed on first use (the registry is not changed once loaded) -------------------

    @cached_property
    def needs_by_process(self) -> list[tuple[m.Process, set[str]]]:
        """Every process that names at least one need, with the union of its entries' needs.

        Five TP1 rules read the same union: a 10,000-process registry is walked once, not five times. (Processes
        that name no need are TP105/TP107.)
        """
        out: list[tuple[m.Process, set[str]]] = []
        for proc in self.processes.values():
            got = {need for entry in proc.touchpoints for need in entry.needs}
            if got:
                out.append((proc, got))
        return out

    @cached_property
    def same_touchpoints(self) -> dict[str, tuple[str, str]]:
        """Catalogue ids that repeat an earlier entry: id -> (the first entry's id, why they are one)
        (:func:`tpkit.registry.sameness.same_in_catalogue`; TP104, TP114)."""
        from .sameness import same_in_catalogue

        return same_in_catalogue(self.touchpoints)
