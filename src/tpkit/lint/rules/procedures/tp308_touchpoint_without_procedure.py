"""TP308 touchpoint-without-procedure: a touchpoint in use has no interaction procedure."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ....registry.enums import ASSESSMENT_CRITERIA
from ...finding import Hit
from ...rule import Rule, register
from ..coverage import uncovered_touchpoints
from ..examples import RECEPTION, RECEPTION_PROCEDURE, sub
from ..words import names, touchpoint_place

if TYPE_CHECKING:
    from ....registry import Registry


@register
class TouchpointWithoutProcedure(Rule):
    """Summary:
        ru: используемая в процессах точка не покрыта ни одним порядком взаимодействия
        en: a touchpoint some process uses is covered by no procedure

    Message:
        ru: для точки «{name}» (используется в процессах: {processes}) нет порядка взаимодействия: добавьте ее в
            touchpoints существующего порядка или создайте порядок в procedures/
        en: the touchpoint «{name}» (used by {processes}) has no interaction procedure: add it to the touchpoints of
            a procedure or write one in procedures/

    Rationale:
        ru: Порядок описывает алгоритм и правила взаимодействия с клиентом в точке с учетом ее формы; ведомство
            утверждает единый порядок с разделами по каждой точке или отдельные порядки по каждой точке (разд.
            «Общие требования к разработке порядков по взаимодействию с клиентом»).
        en: A procedure sets the algorithm and rules of interaction at a touchpoint, for its form; the agency
            approves one procedure with a part per touchpoint or a procedure per touchpoint (section «Общие
            требования к разработке порядков по взаимодействию с клиентом» (developing the procedures)).
    """

    severity = "warning"

    def check(self, reg: Registry) -> Iterator[Hit]:
        for ident, tp in uncovered_touchpoints(reg, "procedure", reg.coverage):
            used = reg.usages.get(ident)
            if not used:
                continue
            titles = list(dict.fromkeys(u.process.title for u in used))
            yield self.hit(*touchpoint_place(reg, ident), name=tp.name, processes=names(titles))

    anti_pattern = {"procedures/all.yaml": None, RECEPTION: RECEPTION_PROCEDURE}
    best_practice = {
        "procedures/all.yaml": None,
        RECEPTION: RECEPTION_PROCEDURE,
        "procedures/digital.yaml": sub(
            sub(
                sub(
                    sub(RECEPTION_PROCEDURE.split("assessment:\n")[0], "id: reception", "id: digital"),
                    "в приемной министерства",
                    "в цифровых точках министерства",
                ),
                "touchpoints: [reception]",
                "touchpoints: [site, epgu, phone]",
            ),
            "    - equipment: Система электронной очереди\n"
            "      purpose: Учет и вызов посетителей\n"
            "      usage: Талон выдается при входе, вызов — на табло\n",
            "    - equipment: Система управления контактным центром\n"
            "      purpose: Прием и учет звонков\n"
            "      usage: Звонки распределяются по свободным операторам\n",
        )
        + "assessment:\n"
        + "".join(
            f"  - touchpoint: {t}\n" + "".join(f"    {c}: {{status: ok}}\n" for c in ASSESSMENT_CRITERIA)
            for t in ("site", "epgu", "phone")
        ),
    }
