"""TP118 notification-need-missing: a notification goes through a touchpoint whose entry meets neither status nor
result."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...finding import Hit
from ...rule import Rule, register
from ..examples import PROCESS, sub
from ..words import needs, process_place

if TYPE_CHECKING:
    from ....registry import Registry

#: what a notification tells the client of: the course of handling or the result (of a request or of feedback)
TOLD: tuple[str, ...] = ("status", "result", "feedback_result")
#: a notification that asks for feedback («Оцените качество…», «Приглашение пройти опрос») meets ``feedback``; an
#: answer to feedback («ответ на отзыв») is not one: it tells of a result
_ASKS_FEEDBACK = re.compile(
    # «отзыв заявления», «отзыв лицензии» withdraw or revoke: the course of handling, not feedback
    r"оцен|опрос|анкет|отзыв(?!\w*\s+(?:\w+\s+)?(?:заявлени|обращени|запрос|документ|лиценз|разрешени|аккредитац))"
    r"|обратн\w*\s+связ"
)
_ANSWERS_FEEDBACK = re.compile(r"ответ\w*\s+на\s+(?:\w+\s+)?(?:отзыв|жалоб|оценк|опрос)|результат\w*\s+рассмотрени")
#: a notice the agency sends before any application («проактивное информирование»: «о праве на выплату», «о
#: возможности получить услугу», «о положенных мерах социальной поддержки», «об изменении законодательства», «о
#: необходимости продлить выплату») meets ``info``; so does an «Информирование …» that names no application,
#: handling or decision («Информирование о сроках перерасчета»)
_INFORMS = re.compile(
    r"проактивн|о\s+прав[еа]\s+на|о\s+возможност|о\s+(?:\w+\s+){0,2}мер\w*\s+(?:\w+\s+)?поддержк"
    r"|об?\s+изменени\w*\s+(?:\w+\s+)?законодательств|продлени\w*\s+(?:выплат|пособи|мер|статус|удостоверен)"
    r"|продлить|^(?:\w+\s+)?информирование\b(?!.*(?:ход\w*\s+рассмотр|заявлени|обращени|запрос|решени|результат|статус))"
)


def told_by(event: str) -> tuple[str, ...]:
    """The needs a notification meets at its touchpoint: the course of handling or a result, and what its event
    says besides (a request for feedback, a proactive notice of a right)."""
    text = event.casefold().replace("ё", "е")
    extra = []
    if _ASKS_FEEDBACK.search(text) and not _ANSWERS_FEEDBACK.search(text):
        extra.append("feedback")
    if _INFORMS.search(text):
        extra.append("info")
    return (*extra, *TOLD)


@register
class NotificationNeedMissing(Rule):
    """Summary:
        ru: уведомление направляется через точку, в записи которой в процессе нет ни хода рассмотрения (status), ни
            результата (result)
        en: a notification goes through a touchpoint whose entry in the process meets neither status nor result

    Message:
        ru: уведомление «{event}» процесса «{title}» направляется через точку «{name}», но в ее записи в процессе нет
            ни одной из потребностей {told}: добавьте в needs этой точки ту, о которой сообщает уведомление (обычно
            status — о ходе рассмотрения, result — о результате)
        en: the notification «{event}» of the process «{title}» goes through the touchpoint «{name}», but its entry
            in the process has none of the needs {told}: add to that touchpoint's needs the one the notification
            tells of (status for the course of handling, result for the result, usually)

    Rationale:
        ru: Уведомление сообщает клиенту о ходе рассмотрения или о результате — это потребность, удовлетворяемая в
            точке: «ЕПГУ: подача заявления и документов, уведомление о ходе рассмотрения заявления и документов»,
            «Телефонная связь с сотрудником ведомства: уведомление о ходе рассмотрения». Точка, через которую идет
            уведомление, должна нести эту потребность в записи процесса, иначе перечень расходится с тем, что
            ведомство делает (разд. «Формирование перечня точек взаимодействия»). Уведомление, которое предлагает
            оценить качество, удовлетворяет потребность «обратная связь» (feedback), проактивное уведомление о праве
            на меру поддержки — «получение информации» (info).
        en: A notification tells the client of the course of handling or of the result: a need met at a touchpoint
            (the methodology's example: the portal — submitting, notices on the course of handling; the phone —
            notices on the course of handling). The touchpoint a notification goes through carries that need in the
            process's entry, or the register says less than the agency does (section «Формирование перечня точек
            взаимодействия» (forming the register)). A notification asking the client to rate the service meets
            feedback; a proactive notice of a right to a benefit meets info.
    """

    severity = "warning"

    def check(self, reg: Registry) -> Iterator[Hit]:
        for proc in reg.iter_processes():
            if not proc.notifications:
                continue
            sent = {n.touchpoint for n in proc.notifications}
            met: dict[str, set[str]] = {}
            for entry in proc.touchpoints:
                if entry.touchpoint in sent:
                    met.setdefault(entry.touchpoint, set()).update(entry.needs)
            for i, n in enumerate(proc.notifications):
                got = met.get(n.touchpoint)
                if got is None or not got.isdisjoint(TOLD):
                    continue  # not in the process at all: TP116 (or TP003) says so
                told = told_by(n.event)
                if not got.isdisjoint(told):
                    continue
                yield self.hit(
                    *process_place(reg, proc, "notifications", i, "touchpoint"),
                    event=n.event,
                    title=proc.title,
                    name=reg.tp_name(n.touchpoint),
                    told=needs(reg, list(told)),
                )

    # the portal sends the notice of acceptance, and its entry says it only takes applications and feedback
    anti_pattern = {
        "processes/child-benefit.yaml": sub(
            PROCESS,
            "    needs: [submit, status, result, feedback]\n",
            "    needs: [submit, feedback]          # а уведомление о принятии заявления?\n",
        )
    }
    best_practice = {
        "processes/child-benefit.yaml": sub(
            PROCESS,
            "    needs: [submit, status, result, feedback]\n",
            "    needs: [submit, status, result, feedback]   # уведомления о ходе рассмотрения — status\n",
        )
    }
