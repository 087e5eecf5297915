"""TP111 joint-procedure-missing: partners have adjacent touchpoints, or another organisation runs an in-person
touchpoint of the process, and no joint procedure is named."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...finding import Bi, Hit
from ...rule import Rule, register
from ..channels import in_person
from ..examples import PROCESS, sub
from ..words import names, process_place

if TYPE_CHECKING:
    from ....registry import Registry

_PARTNER = (
    "partners:\n  - name: ГБУ «Многофункциональный центр Энской области»\n    touchpoints: [МФЦ «Мои документы»]\n"
)


@register
class JointProcedureMissing(Rule):
    """Summary:
        ru: у партнера процесса есть смежные точки взаимодействия (или точку очного приема ведет другая
            организация), а совместный порядок не указан
        en: a partner of the process has adjacent touchpoints (or another organisation runs an in-person
            touchpoint), and no joint procedure is named

    Message:
        ru: в процессе «{title}» {who}, а совместный порядок взаимодействия не указан: {todo}
        en: in the process «{title}» {who}, and no joint procedure is named: {todo}

    Rationale:
        ru: «В случае если процесс осуществляется несколькими ведомствами, каждое из них формирует свои точки
            взаимодействия, исходя из выполняемых действий, порядок взаимодействия разрабатывается совместно при
            наличии смежных точек взаимодействия». МФЦ, центр «Мой бизнес» или центр занятости, которые ведет другая
            организация (operator), — смежная точка: процесс осуществляется вместе с ней. Портал, который ведет
            другой орган (ЕПГУ), — не партнер в этом смысле (разд. «Формирование перечня точек взаимодействия»).
        en: When several agencies run a process, each lists its own touchpoints, and where they have adjacent
            touchpoints the interaction procedure is developed jointly. A one-stop, business or employment centre
            run by another organisation (operator) is such an adjacent touchpoint; a portal someone else runs (the
            federal portal) is not a partner in this sense (section «Формирование перечня точек взаимодействия»
            (forming the register)).
    """

    severity = "warning"

    def check(self, reg: Registry) -> Iterator[Hit]:
        for proc in reg.iter_processes():
            if proc.joint_procedure:
                continue
            adjacent = [(i, p) for i, p in enumerate(proc.partners) if p.touchpoints]
            if adjacent:
                i, _ = adjacent[0]
                partners = names([p.name for _, p in adjacent])
                yield self.hit(
                    *process_place(reg, proc, "partners", i, "touchpoints"),
                    title=proc.title,
                    who=Bi(
                        f"участвует {partners.ru} со смежными точками взаимодействия",
                        f"the partners {partners.en} have adjacent touchpoints",
                    ),
                    todo=_TODO_JOINT,
                )
                continue
            if proc.partners:
                continue
            for i, entry in enumerate(proc.touchpoints):
                tp = reg.touchpoints.get(entry.touchpoint)
                if tp is None or not tp.operator or not in_person(tp.channel):
                    continue
                name = reg.tp_name(entry.touchpoint)
                yield self.hit(
                    *process_place(reg, proc, "touchpoints", i),
                    title=proc.title,
                    who=Bi(
                        f"точку «{name}» ведет другая организация ({tp.operator}), партнер (partners) не указан",
                        f"the touchpoint «{name}» is run by another organisation ({tp.operator}), no partner is "
                        "named (partners)",
                    ),
                    todo=Bi(
                        "добавьте эту организацию в partners (со смежной точкой) и joint_procedure (соглашение из "
                        "acts.yaml или совместный порядок)",
                        "add that organisation to partners (with the adjacent touchpoint) and joint_procedure (an "
                        "agreement from acts.yaml or a joint procedure)",
                    ),
                )

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


_TODO_JOINT = Bi(
    "добавьте joint_procedure (соглашение из acts.yaml или порядок)",
    "add joint_procedure (an agreement from acts.yaml or a procedure)",
)
