"""TP202 responsible-not-line-manager: the responsible official is not a line manager."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...finding import Bi, Hit, YamlPath
from ...rule import Rule, register
from ..examples import AGENCY, PROCESS, phone_entry_with, sub
from ..words import process_place, touchpoint_place

if TYPE_CHECKING:
    from ....registry import Registry

_SPECIALIST = (
    "  - id: smirnov\n"
    "    name: Смирнов Олег Петрович\n"
    "    position: Главный специалист отдела назначения мер социальной поддержки\n"
    "    unit: benefits\n"
)


@register
class ResponsibleNotLineManager(Rule):
    """Summary:
        ru: ответственный за точку взаимодействия — не линейный руководитель
        en: the responsible official of a touchpoint is not a line manager

    Message:
        ru: ответственный за точку «{name}» — {official} ({position}) — {state}: рекомендуется назначать линейного
            руководителя, чьи обязанности связаны с работой с клиентами
        en: the responsible for the touchpoint «{name}» — {official} ({position}) — {state}: a line manager whose
            duties involve clients is recommended

    Rationale:
        ru: «Рекомендуется назначать такого сотрудника из числа линейных руководителей, чьи трудовые обязанности
            непосредственно связаны с осуществлением взаимодействия с клиентом» (разд. «Формирование перечня точек
            взаимодействия», об ответственных и утверждении перечня).
        en: The responsible should be a line manager whose duties are directly about interacting with clients
            (section «Формирование перечня точек взаимодействия» (forming the register), on the responsible and
            approval).
    """

    severity = "info"

    def check(self, reg: Registry) -> Iterator[Hit]:
        # an entry's own responsible is reported at the entry; a catalogue one once, at the catalogue
        catalogue_done: set[str] = set()
        for proc in reg.iter_processes():
            for i, entry in enumerate(proc.touchpoints):
                tp = reg.touchpoints.get(entry.touchpoint)
                path: YamlPath
                if entry.responsible:
                    official = reg.officials.get(entry.responsible)
                    file, path, obj = process_place(reg, proc, "touchpoints", i, "responsible")
                elif tp is not None and tp.responsible and tp.id not in catalogue_done:
                    catalogue_done.add(tp.id)
                    official = reg.officials.get(tp.responsible)
                    file, path, obj = touchpoint_place(reg, tp.id)
                    path = (*path, "responsible")
                else:
                    continue
                if official is None or official.line_manager:
                    continue
                if "line_manager" in official.model_fields_set:
                    state = Bi(
                        "не линейный руководитель (line_manager: false)", "is not a line manager (line_manager: false)"
                    )
                else:
                    state = Bi(
                        "не отмечен как линейный руководитель (в agency.yaml нет line_manager): если он линейный "
                        "руководитель, укажите line_manager: true",
                        "is not marked as a line manager (agency.yaml has no line_manager): if they are one, write "
                        "line_manager: true",
                    )
                yield self.hit(
                    file,
                    path,
                    obj,
                    name=reg.tp_name(entry.touchpoint),
                    official=official.name,
                    state=state,
                    position=Bi(
                        official.position.lower() if official.position[:1].isupper() else official.position,
                        official.position,
                    ),
                )

    anti_pattern = {
        "agency.yaml": sub(AGENCY, "register:\n", _SPECIALIST + "register:\n"),
        "processes/child-benefit.yaml": phone_entry_with("responsible: smirnov"),
    }
    best_practice = {
        "agency.yaml": sub(AGENCY, "register:\n", _SPECIALIST + "register:\n"),
        "processes/child-benefit.yaml": PROCESS,
    }
