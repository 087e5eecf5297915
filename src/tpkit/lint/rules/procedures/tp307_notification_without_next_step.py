"""TP307 notification-without-next-step: a notification does not say what happens next, and when."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...finding import Bi, Hit
from ...rule import Rule, register
from ..examples import PROCESS, sub
from ..terms import has_term
from ..words import process_place

if TYPE_CHECKING:
    from ....registry import Registry


@register
class NotificationWithoutNextStep(Rule):
    """Summary:
        ru: уведомление по инициативе ведомства не сообщает следующий этап и его срок (next_step)
        en: a notification the agency sends does not state the next step and its term (next_step)

    Message:
        ru: уведомление «{event}» процесса «{title}» {lack}: укажите срок следующего этапа или получения результата
            (например, «в течение 10 рабочих дней», «не позднее 25 числа», «через неделю»); «в установленный срок»
            и «в кратчайшие сроки» срока не называют
        en: the notification «{event}» of the process «{title}» {lack}: state the term of the next stage or of the
            result (e.g. «в течение 10 рабочих дней», within 10 working days; «через неделю», in a week); «в
            установленный срок» (in due time) and «в кратчайшие сроки» (as soon as possible) name no term

    Rationale:
        ru: «Правила взаимодействия должны также регулировать и ситуации, в которых само ведомство выступает
            инициатором взаимодействия с клиентом. Например, при автоматическом направлении уведомления о принятии
            заявления к рассмотрению. Примерами положений … могут быть необходимость указания в тексте уведомления
            информации о сроке следующего этапа услуги, получения результата» — поэтому next_step называет и этап, и
            срок (разд. «Общие требования к разработке порядков по взаимодействию с клиентом»). Срок — это длительность
            («в течение 5 рабочих дней», «через неделю»), дата или число месяца («не позднее 1 марта», «к 25 числу
            следующего месяца»), названный день («в день обращения») или «незамедлительно»; ссылка на срок,
            установленный где-то еще, и обещание быстроты сроком не являются.
        en: The rules also govern interaction the agency initiates, such as the automatic notice that an application
            was accepted: the notice states the term of the next stage or of the result (section «Общие требования к
            разработке порядков по взаимодействию с клиентом» (developing the procedures)). A term is a length («в
            течение 5 рабочих дней», «через неделю»), a date or a day of the month («не позднее 1 марта», «к 25 числу
            следующего месяца»), a named day («в день обращения») or «незамедлительно» (at once); a reference to a
            term set elsewhere and a promise of speed are not terms.
    """

    severity = "warning"

    def check(self, reg: Registry) -> Iterator[Hit]:
        for proc in reg.iter_processes():
            for i, n in enumerate(proc.notifications):
                if not n.next_step:
                    lack = Bi("не сообщает, что дальше (next_step)", "does not say what comes next (next_step)")
                    path: tuple[str | int, ...] = ("notifications", i)
                elif not has_term(n.next_step):
                    lack = Bi(
                        "сообщает следующий этап, но не срок (next_step)",
                        "says what comes next but not when (next_step)",
                    )
                    path = ("notifications", i, "next_step")
                else:
                    continue
                yield self.hit(*process_place(reg, proc, *path), event=n.event, title=proc.title, lack=lack)

    anti_pattern = {
        "processes/child-benefit.yaml": sub(
            PROCESS,
            "    next_step: Решение принимается в течение 10 рабочих дней\n",
            "    next_step: Заявление будет рассмотрено, о решении сообщим дополнительно   # а когда?\n",
        )
    }
    best_practice = {"processes/child-benefit.yaml": PROCESS}
