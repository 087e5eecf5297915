"""TP118 notification-need-missing: a notification goes through a touchpoint whose entry meets neither status nor
result."""

from __future__ import annotations

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
            ведомство делает (разд. «Формирование перечня точек взаимодействия»).
        en: A notification tells the client of the course of handling or of the result: a need met at a touchpoint
            (the methodology's example: the portal — submitting, notices on the course of handling; the phone —
            notices on the course of handling). The touchpoint a notification goes through carries that need in the
            process's entry, or the register says less than the agency does (section «Формирование перечня точек
            взаимодействия» (forming the register)).
    """

    severity = "warning"

    def check(self, reg: Registry) -> Iterator[Hit]:
        told = needs(reg, list(TOLD))
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
                yield self.hit(
                    *process_place(reg, proc, "notifications", i, "touchpoint"),
                    event=n.event,
                    title=proc.title,
                    name=reg.tp_name(n.touchpoint),
                    told=told,
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
