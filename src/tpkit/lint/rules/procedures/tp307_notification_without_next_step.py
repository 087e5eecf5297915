"""TP307 notification-without-next-step: a notification does not say what happens next."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...finding import Hit
from ...rule import Rule, register
from ..examples import PROCESS, sub
from ..words import WHY_PROCEDURES, process_place

if TYPE_CHECKING:
    from ....registry import Registry


@register
class NotificationWithoutNextStep(Rule):
    """A notification does not say what happens next."""

    code = "TP307"
    name = "notification-without-next-step"
    severity = "warning"
    summary = {
        "ru": "уведомление по инициативе ведомства не сообщает срок следующего этапа (next_step)",
        "en": "a notification the agency sends does not state the next step (next_step)",
    }
    message = {
        "ru": "уведомление «{event}» процесса «{title}» не сообщает, что дальше (next_step): укажите срок "
        "следующего этапа или получения результата",
        "en": "the notification «{event}» of the process «{title}» does not say what comes next (next_step): "
        "state the term of the next stage or of the result",
    }
    rationale = {
        "ru": "Правила взаимодействия регулируют и ситуации, когда инициатор — само ведомство, например "
        "автоматическое уведомление о принятии заявления к рассмотрению: в тексте уведомления указывается срок "
        "следующего этапа услуги, получения результата (" + WHY_PROCEDURES["ru"] + ").",
        "en": "The rules also govern interaction the agency initiates, such as the automatic notice that an "
        "application was accepted: the notice states the term of the next stage or of the result "
        "(" + WHY_PROCEDURES["en"] + ").",
    }
    anti_pattern = {
        "processes/child-benefit.yaml": sub(
            PROCESS, "    next_step: Решение принимается в течение 10 рабочих дней\n", ""
        )
    }
    best_practice = {"processes/child-benefit.yaml": PROCESS}

    def check(self, reg: Registry) -> Iterator[Hit]:
        for proc in reg.iter_processes():
            for i, n in enumerate(proc.notifications):
                if not n.next_step:
                    yield self.hit(
                        *process_place(reg, proc, "notifications", i),
                        event=n.event,
                        title=proc.title,
                    )
