"""TP108 unused-touchpoint: a catalogue touchpoint no process uses."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...finding import Hit
from ...rule import Rule, register
from ..coverage import uncovered_touchpoints
from ..examples import PROCESS, TOUCHPOINTS, sub
from ..words import touchpoint_place

if TYPE_CHECKING:
    from ....registry import Registry


@register
class UnusedTouchpoint(Rule):
    """Summary:
        ru: точка из перечня не используется ни в одном процессе
        en: a catalogue touchpoint is used by no process

    Message:
        ru: точка «{name}» не указана ни в одном процессе: укажите, в каких процессах клиент к ней обращается (даже
            маловостребованная точка остается в перечне: demand: low)
        en: the touchpoint «{name}» is listed by no process: say in which processes clients use it (even a
            low-demand touchpoint stays in the register: demand: low)

    Rationale:
        ru: Точки определяются в рамках процессов: точка, к которой не относится ни один процесс, либо пропущена в
            процессах, либо лишняя. Маловостребованные точки и точки, учет обращений по которым не велся, тоже
            учитываются (разд. «Формирование перечня точек взаимодействия»).
        en: Touchpoints are determined per process: one no process uses was either missed in the processes or is not
            needed. Low-demand touchpoints and those whose use was never recorded are kept too (section
            «Формирование перечня точек взаимодействия» (forming the register)).
    """

    severity = "info"

    def check(self, reg: Registry) -> Iterator[Hit]:
        for ident, tp in uncovered_touchpoints(reg, "process", reg.usages):
            yield self.hit(*touchpoint_place(reg, ident), name=tp.name)

    anti_pattern = {
        "touchpoints.yaml": TOUCHPOINTS + "  - id: chatbot\n"
        "    name: Чат-бот на сайте министерства\n"
        "    channel: chatbot\n"
        "    basis: [cc-statute]\n"
        "    responsible: petrova\n"
    }
    best_practice = {
        "processes/child-benefit.yaml": sub(
            PROCESS,
            "    needs: [submit, result, feedback_result]\n",
            "    needs: [submit, result, feedback_result]\n    demand: low\n",
        )
    }
