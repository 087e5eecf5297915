"""TP107 process-without-touchpoints: a process lists no touchpoints."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...finding import Hit
from ...rule import Rule, register
from ..examples import PROCESS, PROCESS_HEAD
from ..words import process_place

if TYPE_CHECKING:
    from ....registry import Registry


@register
class ProcessWithoutTouchpoints(Rule):
    """Summary:
        ru: у процесса не указано ни одной точки взаимодействия
        en: a process lists no touchpoints

    Message:
        ru: у процесса «{title}» не указано ни одной точки взаимодействия (touchpoints): где клиент узнает о
            процессе, получает помощь, подает документы и получает результат?
        en: the process «{title}» lists no touchpoints: where does the client learn about it, get help, submit and
            collect the result?

    Rationale:
        ru: Точки взаимодействия определяются по каждой предоставляемой услуге (сервису), выполняемой функции, мере
            поддержки (разд. «Формирование перечня точек взаимодействия»).
        en: Touchpoints are determined for each service, function and support measure (section «Формирование перечня
            точек взаимодействия» (forming the register)).
    """

    severity = "error"

    def check(self, reg: Registry) -> Iterator[Hit]:
        for proc in reg.iter_processes():
            if not proc.touchpoints:
                yield self.hit(*process_place(reg, proc, "touchpoints"), title=proc.title)

    anti_pattern = {"processes/child-benefit.yaml": (PROCESS_HEAD + "touchpoints: []\n")}
    best_practice = {"processes/child-benefit.yaml": PROCESS}
