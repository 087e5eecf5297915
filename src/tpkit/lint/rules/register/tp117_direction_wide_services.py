"""TP117 direction-wide-services: services or support measures listed for the whole direction, not per service."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ....registry.enums import DIRECTIONS
from ...finding import Bi, Hit
from ...rule import Rule, register
from ..coverage import is_uniform
from ..examples import sub
from ..words import process_place

if TYPE_CHECKING:
    from ....registry import Registry

_WIDE = (
    "id: services\n"
    "title: Предоставление государственных услуг\n"
    "direction: services\n"
    "scope: direction\n"
    "units: [benefits]\n"
    "touchpoints:\n"
    "  - touchpoint: site\n"
    "    needs: [info, forms]\n"
    "  - touchpoint: phone\n"
    "    needs: [consultation, status]\n"
    "  - touchpoint: reception\n"
    "    needs: [submit, result, feedback]\n"
)


@register
class DirectionWideServices(Rule):
    """Summary:
        ru: точки взаимодействия услуг или мер поддержки указаны для всего направления, а не по каждой
        en: the touchpoints of services or support measures are listed for the whole direction, not per service

    Message:
        ru: процесс «{title}» описывает направление «{direction}» целиком (scope: direction): опишите точки
            взаимодействия по каждой услуге (мере поддержки) или, если все обслуживаются одинаково, укажите uniform:
            true
        en: the process «{title}» covers the whole direction '{direction}' (scope: direction): list the touchpoints
            of each service (support measure), or, when all are handled alike, set uniform: true

    Rationale:
        ru: В рамках каждого направления деятельности точки взаимодействия определяются по каждой предоставляемой
            услуге (сервису), мере поддержки; для всего направления — только если оно предполагает единообразный
            процесс (разд. «Формирование перечня точек взаимодействия»).
        en: Within each direction of activity, touchpoints are determined for each service or support measure; for
            the whole direction only when it is one uniform process (section «Формирование перечня точек
            взаимодействия» (forming the register)).
    """

    severity = "warning"

    def check(self, reg: Registry) -> Iterator[Hit]:
        for proc in reg.iter_processes():
            if proc.scope != "direction" or is_uniform(proc):
                continue
            labels = DIRECTIONS[proc.direction]
            direction = Bi(labels["ru"], labels["en"])
            yield self.hit(*process_place(reg, proc, "scope"), title=proc.title, direction=direction)

    anti_pattern = {"processes/services.yaml": _WIDE}
    best_practice = {
        "processes/services.yaml": sub(
            _WIDE,
            "scope: direction\n",
            "scope: direction\nuniform: true             # все услуги направления оказываются одинаково\n",
        )
    }
