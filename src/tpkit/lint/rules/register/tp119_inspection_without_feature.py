"""TP119 inspection-without-feature: objects are presented for inspection at a touchpoint, and the process
describes no feature there."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...rule import Rule, register
from ..examples import PROCEDURE, PROCESS, sub
from ..words import process_place

if TYPE_CHECKING:
    from ....registry import Registry
    from ...finding import Hit

_INSPECTION = "    needs: [submit, result, feedback_result, inspection]   # осмотр транспортного средства\n"
_FEATURE = (
    "features:\n"
    "  - id: vehicle-inspection\n"
    "    title: Осмотр транспортного средства\n"
    "    touchpoints: [reception]\n"
    "    description: Инспектор осматривает транспортное средство на площадке у приемной\n"
)
_INSTRUCTION = (
    "  specifics:\n"
    "    - feature: vehicle-inspection\n"
    "      instruction: Инспектор объясняет цель осмотра и каждое действие, приглашает заявителя присутствовать\n"
)


@register
class InspectionWithoutFeature(Rule):
    """Summary:
        ru: клиент предоставляет объекты для осмотра (inspection), а особенность процесса в этой точке не описана
        en: the client presents objects for inspection (inspection), and no feature of the process is described at
            that touchpoint

    Message:
        ru: в процессе «{title}» в точке «{name}» клиент предоставляет объекты для осмотра (inspection), но
            особенность взаимодействия в этой точке не описана: добавьте в features, что осматривают и как
            (например, «Осмотр транспортного средства», touchpoints: [{ident}]), — сотруднику нужна инструкция
        en: in the process «{title}» the client presents objects for inspection (inspection) at the touchpoint
            «{name}», but no feature is described there: add to features what is inspected and how (e.g.
            «Осмотр транспортного средства», touchpoints: [{ident}]) — staff need an instruction for it

    Rationale:
        ru: «Особенностями являются действия, которые осуществляются только в отдельных процессах … (например,
            необходимость осмотра транспортного средства, груза, проведение дактилоскопии…)»; сотрудник должен иметь
            инструкции, «как обосновать совершаемые сотрудником действия при осмотре». Осмотр — первый пример
            особенности в методике: точка, где клиент предоставляет объекты для осмотра, требует описанной
            особенности, а порядок — инструкции к ней (TP304) (разд. «Формирование перечня точек взаимодействия»).
        en: Features are actions only some processes have, the first example being the need to inspect a vehicle
            or cargo; staff need instructions on how to justify what they do during an inspection. A touchpoint
            where the client presents objects for inspection needs a described feature, and the procedure an
            instruction for it (TP304) (section «Формирование перечня точек взаимодействия» (forming the register)).
    """

    severity = "warning"

    def check(self, reg: Registry) -> Iterator[Hit]:
        for proc in reg.iter_processes():
            inspected = [(i, e) for i, e in enumerate(proc.touchpoints) if "inspection" in e.needs]
            if not inspected or any(not f.touchpoints for f in proc.features):
                continue  # a feature without touchpoints is a feature of the whole process, at each of them
            at = {t for f in proc.features for t in f.touchpoints}
            for i, entry in inspected:
                if entry.touchpoint in at:
                    continue
                yield self.hit(
                    *process_place(reg, proc, "touchpoints", i, "needs", entry.needs.index("inspection")),
                    title=proc.title,
                    name=reg.tp_name(entry.touchpoint),
                    ident=entry.touchpoint,
                )

    anti_pattern = {
        "processes/child-benefit.yaml": sub(PROCESS, "    needs: [submit, result, feedback_result]\n", _INSPECTION)
    }
    best_practice = {
        "processes/child-benefit.yaml": sub(
            sub(PROCESS, "    needs: [submit, result, feedback_result]\n", _INSPECTION),
            "notifications:\n",
            _FEATURE + "notifications:\n",
        ),
        "procedures/all.yaml": sub(PROCEDURE, "  specifics:\n", _INSTRUCTION),
    }
