"""TP307 notification-without-next-step: a notification does not say what happens next, and when."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from ...finding import Bi, Hit
from ...rule import Rule, register
from ..examples import PROCESS, sub
from ..words import process_place

if TYPE_CHECKING:
    from ....registry import Registry

_MONTHS = "январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр"
_UNIT = r"(?:минут|час|сут|дн|день|дня|недел|месяц|мес\b|квартал|год|лет)"
_NUMBER = (
    r"(?:\d+|одн|дв|тр|четыр|пят|шест|сем|восем|девят|десят|пятнадцат|двадцат|тридцат|сорок|шестьдесят|"
    r"девяност)\w*"
)
#: a term: «в течение 10 рабочих дней», «не позднее 30 дней», «до 25 числа», «с 15.03.2026», «срок — месяц»
TERM = re.compile(
    r"в течени[ея]|не позднее|не позже|не ранее|\bсрок|\bдо\s+\d|\bдо\s+(?:конца|окончания)|"
    r"\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2}|\b\d{1,2}\s+(?:" + _MONTHS + r")|"
    r"\b" + _NUMBER + r"\s+(?:\w+\s+)?" + _UNIT + r"|"
    r"\b(?:в тот же|в день|на следующий|в следующий)\b|\bнемедленно|\bсразу\b|\bежемесячно|\bеженедельно",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)  # a register repeats the same few next steps in every process of a kind
def has_term(text: str) -> bool:
    """Whether ``text`` says when: a number with a unit of time, a date, «в течение», «не позднее», «срок»."""
    return TERM.search(text.replace("ё", "е")) is not None


@register
class NotificationWithoutNextStep(Rule):
    """Summary:
        ru: уведомление по инициативе ведомства не сообщает следующий этап и его срок (next_step)
        en: a notification the agency sends does not state the next step and its term (next_step)

    Message:
        ru: уведомление «{event}» процесса «{title}» {lack}: укажите срок следующего этапа или получения результата
            (например, «в течение 10 рабочих дней», «не позднее 25 числа»)
        en: the notification «{event}» of the process «{title}» {lack}: state the term of the next stage or of the
            result (e.g. «в течение 10 рабочих дней», within 10 working days)

    Rationale:
        ru: «Правила взаимодействия должны также регулировать и ситуации, в которых само ведомство выступает
            инициатором взаимодействия с клиентом. Например, при автоматическом направлении уведомления о принятии
            заявления к рассмотрению. Примерами положений … могут быть необходимость указания в тексте уведомления
            информации о сроке следующего этапа услуги, получения результата» — поэтому next_step называет и этап, и
            срок (разд. «Общие требования к разработке порядков по взаимодействию с клиентом»).
        en: The rules also govern interaction the agency initiates, such as the automatic notice that an application
            was accepted: the notice states the term of the next stage or of the result (section «Общие требования к
            разработке порядков по взаимодействию с клиентом» (developing the procedures)).
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
