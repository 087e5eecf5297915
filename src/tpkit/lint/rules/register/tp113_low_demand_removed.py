"""TP113 low-demand-removed: a touchpoint entry with low or unknown demand was removed from a process."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ....registry.enums import DEMAND_WORDS
from ...finding import Bi, Hit
from ...rule import Rule, register
from ..examples import PROCESS_HEAD
from ..words import process_place

if TYPE_CHECKING:
    from ....registry import Registry
    from ....registry import models as m

_BEFORE = (
    PROCESS_HEAD + "touchpoints:\n"
    "  - touchpoint: site\n"
    "    needs: [info, forms]\n"
    "  - touchpoint: phone\n"
    "    needs: [consultation, status]\n"
    "  - touchpoint: epgu\n"
    "    needs: [submit, status, result, feedback]\n"
)


def is_low_demand(entry: m.ProcessTouchpoint) -> bool:
    """``demand: low``, ``unknown`` or 0: a touchpoint little used, or not counted."""
    d = entry.demand
    if isinstance(d, str):
        return d in ("low", "unknown")
    return d is not None and not isinstance(d, bool) and d == 0


def _demand_label(d: object) -> Bi:
    if isinstance(d, str) and d in DEMAND_WORDS:
        return Bi(f"{d} ({DEMAND_WORDS[d]['ru']})", f"{d} ({DEMAND_WORDS[d]['en']})")
    return Bi(str(d))


@register
class LowDemandRemoved(Rule):
    """Summary:
        ru: из процесса удалена маловостребованная точка взаимодействия (demand: low, unknown или 0)
        en: a touchpoint entry whose demand was low, unknown or 0 was removed from a process

    Message:
        ru: из процесса «{title}» удалена точка взаимодействия «{touchpoint}» (востребованность: {demand});
            маловостребованные точки и точки без учета обращений тоже включаются в перечень — верните ее с demand:
            {demand_key}
        en: the touchpoint «{touchpoint}» (demand: {demand}) was removed from the process «{title}»; touchpoints
            with low or unrecorded demand stay in the register — put it back with demand: {demand_key}

    Rationale:
        ru: Методика требует учитывать в перечне и те точки взаимодействия, которые были маловостребованы или учет
            обращений по которым не велся или невозможен (разд. «Формирование перечня точек взаимодействия»).
            Удалить такую точку из процесса — значит потерять клиентов, которые ею пользуются; низкая
            востребованность — повод для реинжиниринга, а не для исключения из перечня. Правило сравнивает реестр с
            ревизией BASE и потому работает только в tpkit diff и tpkit lint --since.
        en: The methodology keeps in the register the touchpoints that were little used and those whose contacts
            were not or could not be counted (section on forming the register). Removing one from a process loses
            the clients who use it; low demand is a reason for re-engineering, not for removal. The rule compares
            the registry with the BASE revision, so it runs only in tpkit diff and tpkit lint --since.
    """

    severity = "warning"
    review_only = True

    def compare(self, old: Registry, new: Registry) -> Iterator[Hit]:
        """Hits in ``new`` for low-demand entries of a process that ``new`` no longer has."""
        for pid, before in old.processes.items():
            after = new.processes.get(pid)
            if after is None:
                continue  # a removed (or unreadable) process is reported by the diff itself
            kept = {e.touchpoint for e in after.touchpoints}
            for entry in before.touchpoints:
                if entry.touchpoint in kept or not is_low_demand(entry):
                    continue
                yield self.hit(
                    *process_place(new, after, "touchpoints"),
                    key=f"removed:{entry.touchpoint}",
                    title=after.title,
                    touchpoint=new.tp_name(entry.touchpoint)
                    if entry.touchpoint in new.touchpoints
                    else old.tp_name(entry.touchpoint),
                    demand=_demand_label(entry.demand),
                    demand_key=entry.demand,
                )

    # Review compares two revisions: the anti-pattern is the process after a merge
    # request removed the entry `reception` (demand: low) that the revision BASE had.
    anti_pattern = {
        "processes/child-benefit.yaml": _BEFORE
        + "# BASE had here:\n"
        + "#  - touchpoint: reception\n"
        + "#    needs: [submit, result]\n"
        + "#    demand: low\n"
        + "# and this merge request removed it\n"
    }
    best_practice = {
        "processes/child-benefit.yaml": _BEFORE
        + "  - touchpoint: reception      # little used, and still in the register\n"
        + "    needs: [submit, result]\n"
        + "    demand: low\n"
    }
