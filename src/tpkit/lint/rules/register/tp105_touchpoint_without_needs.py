"""TP105 touchpoint-without-needs: a process touchpoint entry has no needs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...finding import Hit
from ...rule import Rule, register
from ..examples import PROCESS, sub
from ..words import process_place

if TYPE_CHECKING:
    from ....registry import Registry


@register
class TouchpointWithoutNeeds(Rule):
    """Summary:
        ru: у точки взаимодействия в процессе не указаны удовлетворяемые потребности
        en: a process touchpoint entry has no needs

    Message:
        ru: у точки «{name}» в процессе «{title}» не указаны потребности клиента (needs): зачем клиент обращается
            сюда — получить информацию, консультацию, подать заявление, узнать о ходе рассмотрения…
        en: the touchpoint «{name}» in the process «{title}» lists no client needs (needs): why does the client come
            here — information, consultation, submitting, progress…

    Rationale:
        ru: Для каждой точки взаимодействия необходимо определить удовлетворяемые потребности клиента — цель его
            обращения в этой точке (разд. «Формирование перечня точек взаимодействия»).
        en: Each touchpoint must state the client needs it satisfies — why the client comes to it (section
            «Формирование перечня точек взаимодействия» (forming the register)).
    """

    severity = "error"

    def check(self, reg: Registry) -> Iterator[Hit]:
        for proc in reg.iter_processes():
            for i, entry in enumerate(proc.touchpoints):
                if not entry.needs:
                    yield self.hit(
                        *process_place(reg, proc, "touchpoints", i, "needs"),
                        name=reg.tp_name(entry.touchpoint),
                        title=proc.title,
                    )

    anti_pattern = {"processes/child-benefit.yaml": sub(PROCESS, "    needs: [info, forms]\n", "    needs: []\n")}
    best_practice = {"processes/child-benefit.yaml": PROCESS}
