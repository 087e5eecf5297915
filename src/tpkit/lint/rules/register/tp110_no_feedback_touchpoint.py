"""TP110 no-feedback-touchpoint: no touchpoint takes the client's feedback."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...rule import register
from ..coverage import NeedsRule
from ..examples import PROCESS, sub
from ..words import needs

if TYPE_CHECKING:
    from ....registry import Registry
    from ....registry import models as m


#: needs of a process the client only learns about: no application, no result to give feedback on
_INFORMATION_ONLY = frozenset({"info", "consultation", "forms"})


@register
class NoFeedbackTouchpoint(NeedsRule):
    """Summary:
        ru: ни одна точка процесса не принимает обратную связь (feedback)
        en: no touchpoint of the process takes feedback

    Message:
        ru: в процессе «{title}» ни одна точка не принимает обратную связь ({need}): укажите, где клиент может
            оценить взаимодействие (оценка на ЕПГУ, в приемной, по телефону)
        en: the process «{title}» has no touchpoint where the client can give feedback ({need}): add one (a rating
            on the portal, at the reception, by phone)

    Rationale:
        ru: Предоставление обратной связи — одна из потребностей клиента; порядок требует предлагать оценку на
            каждом этапе взаимодействия (разд. «Формирование перечня точек взаимодействия»; разд. «Общие требования
            к разработке порядков»).
        en: Giving feedback is one of the client's needs; the procedure must offer a rating at each stage (section
            «Формирование перечня точек взаимодействия» (forming the register); section on developing the
            procedures).
    """

    severity = "warning"

    def lacks(self, reg: Registry, proc: m.Process, got: set[str]) -> dict[str, Any] | None:
        if got <= _INFORMATION_ONLY:
            return None  # an information-only process (the site with [info]): no application, no result to rate
        if "feedback" not in got:
            return {"need": needs(reg, ["feedback"])}
        return None

    anti_pattern = {
        "processes/child-benefit.yaml": sub(
            sub(PROCESS, "needs: [submit, status, result, feedback]", "needs: [submit, status, result]"),
            "needs: [submit, result, feedback_result]",
            "needs: [submit, result]",
        )
    }
    best_practice = {"processes/child-benefit.yaml": PROCESS}
