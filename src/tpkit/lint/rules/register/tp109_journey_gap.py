"""TP109 journey-gap: the client submits but cannot follow the application or collect the result."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...rule import register
from ..coverage import NeedsRule
from ..examples import PROCESS, sub
from ..words import needs

if TYPE_CHECKING:
    from ....registry import Registry
    from ....registry import models as m


@register
class JourneyGap(NeedsRule):
    """Summary:
        ru: клиент подает документы, но ни одна точка не дает информации о ходе рассмотрения или результата
        en: the client submits, but no touchpoint gives the status, or none gives the result

    Message:
        ru: в процессе «{title}» клиент подает документы, но ни одна точка не удовлетворяет потребность {missing}:
            укажите, в какой точке клиент это получает
        en: in the process «{title}» the client submits documents, but no touchpoint satisfies the need {missing}:
            say at which touchpoint the client gets it

    Rationale:
        ru: Среди потребностей клиента методика называет «получение информации о ходе рассмотрения заявления,
            обращения, запроса, документов» и «получение результата, ответа, разъяснения»; взаимодействие идет «в
            несколько этапов (например, прием заявления и документов, рассмотрение заявления и документов и др.,
            направление уведомлений по каждому этапу)». Методика не требует отдельной точки на каждом этапе, но если
            клиент подает документы, а ни одна точка не дает ни хода рассмотрения, ни результата, такая точка,
            скорее всего, пропущена (разд. «Формирование перечня точек взаимодействия»).
        en: Among the client's needs the methodology names getting the status of an application and getting the
            result; interaction goes in stages (the application, its review, notices at each stage). It does not
            require a touchpoint per stage, but when the client submits and no touchpoint gives the status or the
            result, that touchpoint was most likely missed (section «Формирование перечня точек взаимодействия»
            (forming the register)).
    """

    severity = "warning"

    def lacks(self, reg: Registry, proc: m.Process, got: set[str]) -> dict[str, Any] | None:
        if "submit" not in got:
            return None
        missing = [n for n in ("status", "result") if n not in got]
        return {"missing": needs(reg, missing)} if missing else None

    anti_pattern = {
        "processes/child-benefit.yaml": sub(
            sub(PROCESS, "needs: [consultation, status]", "needs: [consultation]"),
            "needs: [submit, status, result, feedback]",
            "needs: [submit, result, feedback]",
        )
    }
    best_practice = {"processes/child-benefit.yaml": PROCESS}
