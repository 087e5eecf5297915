"""TP111 joint-procedure-missing: partners have adjacent touchpoints, and no joint procedure is named."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...finding import Hit
from ...rule import Rule, register
from ..examples import PROCESS, sub
from ..words import WHY_REGISTER, names, process_place

if TYPE_CHECKING:
    from ....registry import Registry

_PARTNER = (
    "partners:\n  - name: ГБУ «Многофункциональный центр Энской области»\n    touchpoints: [МФЦ «Мои документы»]\n"
)


@register
class JointProcedureMissing(Rule):
    """Partners have adjacent touchpoints, and no joint procedure is named."""

    code = "TP111"
    name = "joint-procedure-missing"
    severity = "warning"
    summary = {
        "ru": "у партнера процесса есть смежные точки взаимодействия, а совместный порядок не указан",
        "en": "a partner of the process has adjacent touchpoints, and no joint procedure is named",
    }
    message = {
        "ru": "в процессе «{title}» участвует {partners} со смежными точками взаимодействия, а совместный порядок "
        "взаимодействия не указан: добавьте joint_procedure (соглашение из acts.yaml или порядок)",
        "en": "the process «{title}» involves {partners} with adjacent touchpoints, and no joint procedure is "
        "named: add joint_procedure (an agreement from acts.yaml or a procedure)",
    }
    rationale = {
        "ru": "Если процесс осуществляется несколькими ведомствами, каждое формирует свои точки взаимодействия, а "
        "порядок взаимодействия при наличии смежных точек разрабатывается совместно (" + WHY_REGISTER["ru"] + ").",
        "en": "When several agencies run a process, each lists its own touchpoints, and where they have adjacent "
        "touchpoints the interaction procedure is developed jointly (" + WHY_REGISTER["en"] + ").",
    }
    anti_pattern = {"processes/child-benefit.yaml": sub(PROCESS, "touchpoints:\n", _PARTNER + "touchpoints:\n")}
    best_practice = {
        "acts.yaml": (
            "acts:\n"
            "  - id: ar-benefit\n"
            "    kind: npa\n"
            "    title: Административный регламент предоставления государственной услуги «Назначение ежемесячной "
            "выплаты»\n"
            '    number: "123"\n'
            "    date: 2024-05-01\n"
            "  - id: cc-statute\n"
            "    kind: internal\n"
            "    title: Положение о контактном центре министерства\n"
            "  - id: agr-mfc\n"
            "    kind: agreement\n"
            "    title: Соглашение о взаимодействии с ГБУ «МФЦ Энской области», включая порядок взаимодействия с "
            "заявителями\n"
        ),
        "processes/child-benefit.yaml": sub(
            PROCESS,
            "touchpoints:\n",
            _PARTNER + "joint_procedure: agr-mfc     # порядок разработан совместно с партнером\ntouchpoints:\n",
        ),
    }

    def check(self, reg: Registry) -> Iterator[Hit]:
        for proc in reg.iter_processes():
            if proc.joint_procedure:
                continue
            adjacent = [(i, p) for i, p in enumerate(proc.partners) if p.touchpoints]
            if adjacent:
                i, _ = adjacent[0]
                yield self.hit(
                    *process_place(reg, proc, "partners", i, "touchpoints"),
                    title=proc.title,
                    partners=names([p.name for _, p in adjacent]),
                )
