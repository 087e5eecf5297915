"""TP304 feature-without-instruction: a process feature at a covered touchpoint has no instruction in the procedure."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...finding import Hit
from ...rule import Rule, register
from ..examples import PROCEDURE, PROCESS, sub
from ..words import procedure_place

if TYPE_CHECKING:
    from ....registry import Registry
    from ....registry import models as m

_FEATURE = (
    "features:\n"
    "  - id: home-visit\n"
    "    title: Обследование жилищных условий\n"
    "    touchpoints: [reception]\n"
    "    description: Специалист согласует с заявителем дату обследования\n"
)


_INSTRUCTION = (
    "  specifics:\n"
    "    - feature: home-visit\n"
    "      instruction: Сотрудник объясняет цель обследования жилищных условий и согласует удобное время\n"
)  # the section's first item: laid over the base procedure's «specifics:»


def _features_by_touchpoint(reg: Registry) -> dict[str, dict[str, tuple[m.Process, m.Feature]]]:
    """touchpoint -> feature id -> the first (process, feature) that defines it there.

    A feature without ``touchpoints`` is a feature of the whole process: it stands at every touchpoint the
    process lists.
    """
    out: dict[str, dict[str, tuple[m.Process, m.Feature]]] = defaultdict(dict)
    for fid, defs in reg.features.items():
        for proc, feat in defs:
            at = feat.touchpoints or [e.touchpoint for e in proc.touchpoints]
            for t in at:
                out[t].setdefault(fid, (proc, feat))
    return out


@register
class FeatureWithoutInstruction(Rule):
    """Summary:
        ru: особенность процесса в точке, которую покрывает порядок, без инструкции в разделе специфики
        en: a process feature at a covered touchpoint has no instruction in the procedure's specifics

    Message:
        ru: в порядке «{title}» нет инструкции для особенности «{feature}» процесса «{process}» в точке «{name}»:
            добавьте в sections.specifics пункт с feature: {fid} и instruction — как сотруднику действовать в этом
            случае
        en: the procedure «{title}» has no instruction for the feature «{feature}» of the process «{process}» at the
            touchpoint «{name}»: add to sections.specifics an item with feature: {fid} and an instruction — how the
            employee acts in this case

    Rationale:
        ru: Особенности — действия, которые есть только в отдельных процессах и влияют на взаимодействие (осмотр
            транспортного средства, дактилоскопия, биометрия). Сотрудник должен иметь не только общие инструкции, но
            и инструкции, как действовать в таких случаях: как пригласить заявителя и объяснить цель, как обосновать
            свои действия при осмотре (разд. «Формирование перечня точек взаимодействия»).
        en: Features are actions only some processes have that affect the interaction (inspecting a vehicle,
            fingerprinting, biometrics). Employees need instructions not only on the general rules but on these
            cases: how to invite the client and explain the purpose, how to justify their actions during an
            inspection (section «Формирование перечня точек взаимодействия» (forming the register)).
    """

    severity = "warning"

    def check(self, reg: Registry) -> Iterator[Hit]:
        if not reg.features:
            return
        by_tp = _features_by_touchpoint(reg)
        for pr in reg.procedures.values():
            have = {s.feature for s in pr.sections.specifics or [] if s.feature}
            reported: set[str] = set()
            path = ("sections", "specifics") if pr.sections.specifics is not None else ("sections",)
            for t in reg.covered(pr):
                for fid, (proc, feat) in sorted(by_tp.get(t, {}).items()):
                    if fid in have or fid in reported:
                        continue
                    reported.add(fid)
                    yield self.hit(
                        *procedure_place(reg, pr, *path),
                        key=fid,
                        title=pr.title,
                        feature=feat.title,
                        fid=fid,
                        process=proc.title,
                        name=reg.tp_name(t),
                    )

    anti_pattern = {"processes/child-benefit.yaml": sub(PROCESS, "notifications:\n", _FEATURE + "notifications:\n")}
    best_practice = {
        "processes/child-benefit.yaml": sub(PROCESS, "notifications:\n", _FEATURE + "notifications:\n"),
        "procedures/all.yaml": sub(PROCEDURE, "  specifics:\n", _INSTRUCTION),
    }
