"""TP116 entry-at-unlisted-touchpoint: a notification or feature is at a touchpoint the process does not list."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...finding import Bi, Hit
from ...rule import Rule, register
from ..examples import PROCESS, sub
from ..words import process_place

if TYPE_CHECKING:
    from ....registry import Registry


@register
class EntryAtUnlistedTouchpoint(Rule):
    """Summary:
        ru: уведомление или особенность процесса — в точке, которой нет среди точек процесса
        en: a notification or feature of a process is at a touchpoint the process does not list

    Message:
        ru: {what} процесса «{title}» — в точке «{name}», которой нет среди точек процесса (touchpoints): добавьте
            ее в процесс с потребностями, которые она удовлетворяет, или укажите точку из процесса
        en: {what} of the process «{title}» is at the touchpoint «{name}», which the process does not list
            (touchpoints): add it to the process with the needs it satisfies, or name a touchpoint of the process

    Rationale:
        ru: «Дополнительно для каждого процесса ведомства по каждой точке взаимодействия необходимо выявить
            особенности взаимодействия с клиентом»; уведомление о ходе рассмотрения — это потребность клиента,
            удовлетворяемая в точке («ЕПГУ: подача заявления и документов, уведомление о ходе рассмотрения»). Точка,
            где клиент получает уведомление или где есть особенность, — точка процесса и должна быть в его перечне с
            этой потребностью (разд. «Формирование перечня точек взаимодействия»).
        en: Features are found for each touchpoint of each process, and a progress notice is a need satisfied at a
            touchpoint (the portal: submitting, progress notices). The touchpoint where the client receives a
            notification or meets a feature is a touchpoint of the process and belongs in its list (section
            «Формирование перечня точек взаимодействия» (forming the register)).
    """

    severity = "error"

    def check(self, reg: Registry) -> Iterator[Hit]:
        for proc in reg.iter_processes():
            if not proc.notifications and not proc.features:
                continue
            listed = {e.touchpoint for e in proc.touchpoints}
            for i, n in enumerate(proc.notifications):
                if n.touchpoint not in listed and n.touchpoint in reg.touchpoints:
                    yield self.hit(
                        *process_place(reg, proc, "notifications", i, "touchpoint"),
                        title=proc.title,
                        name=reg.tp_name(n.touchpoint),
                        what=Bi(f"уведомление «{n.event}»", f"the notification «{n.event}»"),
                    )
            for i, f in enumerate(proc.features):
                for j, t in enumerate(f.touchpoints):
                    if t not in listed and t in reg.touchpoints:
                        yield self.hit(
                            *process_place(reg, proc, "features", i, "touchpoints", j),
                            title=proc.title,
                            name=reg.tp_name(t),
                            what=Bi(f"особенность «{f.title}»", f"the feature «{f.title}»"),
                        )

    anti_pattern = {
        "processes/child-benefit.yaml": sub(
            sub(PROCESS, "  - touchpoint: phone\n    needs: [consultation, status]\n", ""),
            "    next_step: Решение принимается в течение 10 рабочих дней\n",
            "    next_step: Решение принимается в течение 10 рабочих дней\n"
            "  - event: Принято решение о назначении выплаты\n"
            "    touchpoint: phone          # контактного центра нет среди точек процесса\n"
            "    next_step: Выплата поступает на счет до 25 числа следующего месяца\n",
        )
    }
    best_practice = {
        "processes/child-benefit.yaml": sub(
            PROCESS,
            "    next_step: Решение принимается в течение 10 рабочих дней\n",
            "    next_step: Решение принимается в течение 10 рабочих дней\n"
            "  - event: Принято решение о назначении выплаты\n"
            "    touchpoint: phone\n"
            "    next_step: Выплата поступает на счет до 25 числа следующего месяца\n",
        )
    }
