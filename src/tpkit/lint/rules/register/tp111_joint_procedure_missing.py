"""TP111 joint-procedure-missing: partners have adjacent touchpoints, or another organisation runs an in-person
touchpoint of the process, and no joint procedure is named."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from ....registry.sameness import norm_text
from ...finding import Bi, Hit
from ...rule import Rule, register
from ..channels import in_person
from ..examples import PROCESS, sub
from ..words import names, process_place

if TYPE_CHECKING:
    from ....registry import Registry
    from ....registry import models as m

_PARTNER = (
    "partners:\n  - name: ГБУ «Многофункциональный центр Энской области»\n    touchpoints: [МФЦ «Мои документы»]\n"
)


@register
class JointProcedureMissing(Rule):
    """Summary:
        ru: у партнера процесса есть смежные точки взаимодействия (или точку очного приема ведет другая
            организация), а совместного порядка нет или он их не охватывает
        en: a partner of the process has adjacent touchpoints (or another organisation runs an in-person
            touchpoint), and no joint procedure is named or it does not cover them

    Message:
        ru: в процессе «{title}» {who}: {todo}
        en: in the process «{title}» {who}: {todo}

    Rationale:
        ru: «В случае если процесс осуществляется несколькими ведомствами, каждое из них формирует свои точки
            взаимодействия, исходя из выполняемых действий, порядок взаимодействия разрабатывается совместно при
            наличии смежных точек взаимодействия». МФЦ, центр «Мой бизнес» или центр занятости, которые ведет другая
            организация (operator), — смежная точка: процесс осуществляется вместе с ней. Партнер, названный без
            смежных точек (ведомство, у которого запрашивают сведения), этого не отменяет. Если joint_procedure
            называет порядок, он должен охватывать смежные точки; соглашение с партнером (акт) и есть совместный
            порядок. Портал, который ведет другой орган (ЕПГУ), — не партнер в этом смысле (разд. «Формирование
            перечня точек взаимодействия»).
        en: When several agencies run a process, each lists its own touchpoints, and where they have adjacent
            touchpoints the interaction procedure is developed jointly. A one-stop, business or employment centre
            run by another organisation (operator) is such an adjacent touchpoint; a partner named without adjacent
            touchpoints (an agency asked for data) does not change that. When joint_procedure names a procedure, it
            must cover the adjacent touchpoints; an agreement with the partner (an act) is the joint procedure. A
            portal someone else runs (the federal portal) is not a partner in this sense (section «Формирование
            перечня точек взаимодействия» (forming the register)).
    """

    severity = "warning"

    def check(self, reg: Registry) -> Iterator[Hit]:
        names_seen: dict[str, str] = {}
        for proc in reg.iter_processes():
            if proc.joint_procedure:
                if proc.joint_procedure in reg.procedures:  # an act is the agreement itself
                    yield from self._uncovered(reg, proc, proc.joint_procedure, shared_points(reg, proc, names_seen))
                continue
            adjacent = [(i, p) for i, p in enumerate(proc.partners) if p.touchpoints]
            if adjacent:
                i, _ = adjacent[0]
                partners = names([p.name for _, p in adjacent])
                yield self.hit(
                    *process_place(reg, proc, "partners", i, "touchpoints"),
                    title=proc.title,
                    who=Bi(
                        ("участвует " if len(adjacent) == 1 else "участвуют ")
                        + f"{partners.ru} со смежными точками взаимодействия, а совместный порядок "
                        "взаимодействия не указан",
                        (f"the partner {partners.en} has" if len(adjacent) == 1 else f"the partners {partners.en} have")
                        + " adjacent touchpoints, and no joint procedure is named",
                    ),
                    todo=_TODO_JOINT,
                )
                continue
            for i, tp in shared_points(reg, proc, names_seen):
                if not tp.operator or is_agency(reg, tp.operator):
                    continue
                name = reg.tp_name(tp.id)
                partner = next((p.name for p in proc.partners if runs(p.name, tp.operator)), None)
                if partner is not None:
                    who = Bi(
                        f"точку «{name}» ведет партнер «{partner}», а совместный порядок взаимодействия не указан",
                        f"the touchpoint «{name}» is run by the partner «{partner}», and no joint procedure is named",
                    )
                    todo = _TODO_JOINT
                else:
                    who = Bi(
                        f"точку «{name}» ведет другая организация ({tp.operator}), партнер (partners) и совместный "
                        "порядок взаимодействия не указаны",
                        f"the touchpoint «{name}» is run by another organisation ({tp.operator}), and no partner "
                        "(partners) nor joint procedure is named",
                    )
                    todo = _TODO_PARTNER
                yield self.hit(*process_place(reg, proc, "touchpoints", i), title=proc.title, who=who, todo=todo)

    def _uncovered(
        self, reg: Registry, proc: m.Process, joint: str, shared: list[tuple[int, m.Touchpoint]]
    ) -> Iterator[Hit]:
        """A joint procedure that is a procedure must cover the shared points."""
        procedure = reg.procedures[joint]
        covered = set(reg.covered(procedure))
        missing = [tp.id for _, tp in shared if tp.id not in covered]
        if not missing:
            return
        points = names([reg.tp_name(t) for t in missing])
        what = (
            Bi("смежную точку", "the adjacent touchpoint")
            if len(missing) == 1
            else Bi("смежные точки", "the adjacent touchpoints")
        )
        yield self.hit(
            *process_place(reg, proc, "joint_procedure"),
            title=proc.title,
            who=Bi(
                f"совместный порядок «{procedure.title}» (joint_procedure) не охватывает {what.ru} {points.ru}",
                f"the joint procedure «{procedure.title}» (joint_procedure) does not cover {what.en} {points.en}",
            ),
            todo=Bi(
                "укажите порядок, который охватывает эти точки (touchpoints порядка), или соглашение с партнером из "
                "acts.yaml",
                "name a procedure that covers them (the procedure's touchpoints), or the agreement with the partner "
                "from acts.yaml",
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


def runs(partner: str, operator: str) -> bool:
    """Whether a partner's name is the organisation that runs a touchpoint (``operator``): the same words, or one
    name's words a run of the other's: «МФЦ Энской области» runs what «ГБУ «МФЦ Энской области»» does; «ГИБДД»
    does not."""
    a, b = norm_text(partner).split(), norm_text(operator).split()
    if not a or not b:
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def shared_points(
    reg: Registry, proc: m.Process, names_seen: dict[str, str] | None = None
) -> list[tuple[int, m.Touchpoint]]:
    """The process's shared points, with their entry's index: in-person catalogue touchpoints another organisation
    runs (``operator``), and catalogue touchpoints a partner lists among its adjacent ones (by id or name).
    ``names_seen`` keeps names in compared form between calls (a register repeats its touchpoints)."""
    listed = [t for p in proc.partners for t in p.touchpoints]
    seen = names_seen if names_seen is not None else {}
    named = {_norm(t, seen) for t in listed}
    out: list[tuple[int, m.Touchpoint]] = []
    for i, entry in enumerate(proc.touchpoints):
        tp = reg.touchpoints.get(entry.touchpoint)
        if tp is None:
            continue
        operated = bool(tp.operator) and in_person(tp.channel) and not is_agency(reg, tp.operator or "")
        if operated or (listed and (tp.id in listed or _norm(tp.name, seen) in named)):
            out.append((i, tp))
    return out


def is_agency(reg: Registry, operator: str) -> bool:
    """Whether ``operator`` is the agency itself (its name or short name, :func:`runs`): a register that fills
    «оператор» on every row names the agency at its own reception, which is no other organisation's point."""
    agency = reg.agency
    return agency is not None and _names_agency(agency.name, agency.short_name or "", operator)


@lru_cache(maxsize=256)  # a register names a few operators, on many rows
def _names_agency(name: str, short: str, operator: str) -> bool:
    return any(runs(n, operator) for n in (name, short) if n)


def _norm(text: str, seen: dict[str, str]) -> str:
    found = seen.get(text)
    if found is None:
        found = seen[text] = norm_text(text)
    return found


_TODO_PARTNER = Bi(
    "добавьте эту организацию в partners (со смежной точкой) и joint_procedure (соглашение из acts.yaml или "
    "совместный порядок)",
    "add that organisation to partners (with the adjacent touchpoint) and joint_procedure (an agreement from "
    "acts.yaml or a joint procedure)",
)
_TODO_JOINT = Bi(
    "добавьте joint_procedure (соглашение из acts.yaml или порядок)",
    "add joint_procedure (an agreement from acts.yaml or a procedure)",
)
