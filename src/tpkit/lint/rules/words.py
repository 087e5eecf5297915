"""How rule messages name things: in the user's words, and where the methodology says it.

Messages name objects as the user knows them: the process title, the touchpoint's name from the
catalogue, the need's label, the procedure section's number and title. A finding's object is
``process:<id>``, ``procedure:<id>``, ``touchpoint:<id>`` or ``agency:<id>``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from ...registry.enums import NEEDS, SECTIONS
from ..finding import Bi, Hit, YamlPath
from ..rule import Rule
from .examples import AGENCY

if TYPE_CHECKING:
    from ...registry import Registry
    from ...registry import models as m


def process_obj(proc: m.Process) -> str:
    return f"process:{proc.id}"


def procedure_obj(pr: m.Procedure) -> str:
    return f"procedure:{pr.id}"


def touchpoint_obj(ident: str) -> str:
    return f"touchpoint:{ident}"


def process_place(reg: Registry, proc: m.Process, *path: str | int) -> tuple[str, YamlPath, str]:
    """The file, path and object of a finding at ``path`` in a process."""
    return reg.process_file(proc), path, process_obj(proc)


def procedure_place(reg: Registry, pr: m.Procedure, *path: str | int) -> tuple[str, YamlPath, str]:
    """The file, path and object of a finding at ``path`` in a procedure."""
    return reg.procedure_file(pr), path, procedure_obj(pr)


def touchpoint_place(reg: Registry, ident: str) -> tuple[str, YamlPath, str]:
    """The file, path and object of a catalogue touchpoint: where a finding about it stands."""
    loc = reg.loc("touchpoint", ident)
    return loc.file, loc.path, touchpoint_obj(ident)


def agency_place(reg: Registry) -> tuple[str, str, m.Agency] | None:
    """The agency's file, its object and the agency, or None when the registry has no agency."""
    if reg.agency is None:
        return None
    return reg.loc("agency", reg.agency.id).file, f"agency:{reg.agency.id}", reg.agency


class AgencyRule(Rule):
    """A rule about the agency file (TP203, TP204): :meth:`check_agency` gets the file, the object and the agency,
    and is not called when the registry has no agency. The best practice is the clean agency file."""

    best_practice: ClassVar[dict[str, str | bytes | None]] = {"agency.yaml": AGENCY}

    def check(self, reg: Registry) -> Iterator[Hit]:
        place = agency_place(reg)
        if place is not None:
            yield from self.check_agency(*place)

    def check_agency(self, file: str, obj: str, agency: m.Agency) -> Iterator[Hit]:
        """Hits in the agency file ``file``, whose object is ``obj``."""
        raise NotImplementedError


def need(reg: Registry, code: str) -> Bi:
    """A need's label, quoted: «получение информации» / 'getting information'."""
    if code in NEEDS:
        return Bi(f"«{NEEDS[code]['ru']}»", f"'{NEEDS[code]['en']}'")
    label = reg.need_label(code)
    return Bi(f"«{label}»", f"'{label}'")


def needs(reg: Registry, codes: list[str] | set[str]) -> list[Bi]:
    """Labels of several needs, in the order of the nine standard ones, then the agency's own."""
    order = {c: i for i, c in enumerate(NEEDS)}
    return [need(reg, c) for c in sorted(codes, key=lambda c: (order.get(c, len(order)), c))]


def section(key: str) -> Bi:
    """«5. Специфика…» — the number and title of a procedure section."""
    n = list(SECTIONS).index(key) + 1
    return Bi(f"«{n}. {SECTIONS[key]['ru']}»", f"'{n}. {SECTIONS[key]['en']}'")


def names(items: list[str], limit: int = 3) -> Bi:
    """«a», «b», «c» и еще 2 / 'a', 'b', 'c' and 2 more."""
    shown = items[:limit]
    ru = ", ".join(f"«{x}»" for x in shown)
    en = ", ".join(f"«{x}»" for x in shown)
    if len(items) > limit:
        ru += f" и еще {len(items) - limit}"
        en += f" and {len(items) - limit} more"
    return Bi(ru, en)


def line_of(reg: Registry, file: str, path: YamlPath) -> int:
    """The line where ``path`` stands in ``file``: for messages that point at a second place."""
    return reg.locate(file, path).line if file in reg.files else 0
