"""TP310 touchpoint-not-assessed: a covered touchpoint has no complete assessment in the procedure."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ....registry.enums import ASSESSMENT_CRITERIA
from ...finding import Bi, Hit
from ...rule import Rule, register
from ..examples import RECEPTION, RECEPTION_PROCEDURE, sub
from ..words import procedure_place

if TYPE_CHECKING:
    from ....registry import Registry


@register
class TouchpointNotAssessed(Rule):
    """Summary:
        ru: порядок покрывает точку, для которой нет оценки по всем четырем критериям
        en: a procedure covers a touchpoint with no assessment on all four criteria

    Message:
        ru: в порядке «{title}» нет оценки точки «{name}» по критериям {missing}: оцените простоту, удобство,
            оперативность и доступность (assessment)
        en: the procedure «{title}» has no assessment of «{name}» on {missing}: assess simplicity, convenience,
            promptness and accessibility (assessment)

    Rationale:
        ru: При подготовке порядка рекомендуется оценить точку на простоту взаимодействия, удобство для клиента,
            оперативность удовлетворения потребности и доступность для всех клиентов с учетом их особенностей (разд.
            «Общие требования к разработке порядков по взаимодействию с клиентом»).
        en: When preparing a procedure, the touchpoint should be assessed for simplicity, convenience, promptness
            and accessibility to every client (section «Общие требования к разработке порядков по взаимодействию с
            клиентом» (developing the procedures)).
    """

    severity = "info"

    def check(self, reg: Registry) -> Iterator[Hit]:
        for pr in reg.procedures.values():
            done: dict[str, set[str]] = defaultdict(set)
            first: dict[str, int] = {}
            for i, a in enumerate(pr.assessment):
                first.setdefault(a.touchpoint, i)
                done[a.touchpoint].update(c for c in ASSESSMENT_CRITERIA if getattr(a, c) is not None)
            for t in reg.covered(pr):
                missing = [c for c in ASSESSMENT_CRITERIA if c not in done.get(t, ())]
                if not missing:
                    continue
                path: tuple[str | int, ...] = ("assessment", first[t]) if t in first else ("assessment",)
                if t not in first and not pr.assessment:
                    path = ("touchpoints",)
                yield self.hit(
                    *procedure_place(reg, pr, *path),
                    key=t,
                    title=pr.title,
                    name=reg.tp_name(t),
                    missing=[
                        Bi(f"«{ASSESSMENT_CRITERIA[c]['ru']}»", f"'{ASSESSMENT_CRITERIA[c]['en']}'") for c in missing
                    ],
                )

    anti_pattern = {
        RECEPTION: sub(RECEPTION_PROCEDURE, "    convenience: {status: ok}\n", "").replace(
            "    accessibility: {status: ok}\n", "", 1
        )
    }
    best_practice = {RECEPTION: RECEPTION_PROCEDURE}
