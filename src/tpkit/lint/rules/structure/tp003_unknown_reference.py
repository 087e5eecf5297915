"""TP003 unknown-reference: a reference names nothing."""

from __future__ import annotations

from ....registry import problem
from ...rule import ProblemRule, register
from ..examples import PORTAL_PROCESS


@register
class UnknownReference(ProblemRule):
    """Summary:
        ru: ссылка ни на что не указывает: подразделение, должностное лицо, акт, точка, потребность, особенность
        en: a reference names nothing: unit, official, act, touchpoint, need, procedure or feature

    Rationale:
        ru: Каждая точка взаимодействия процесса должна быть точкой из перечня, с основанием из актов ведомства и
            ответственным из его должностных лиц (разд. «Формирование перечня точек взаимодействия»).
        en: Each touchpoint of a process must be a catalogue touchpoint, with a basis among the agency's acts and a
            responsible among its officials (section on forming the register).
    """

    problem_kind = problem.REFERENCE
    anti_pattern = {
        "processes/child-benefit.yaml": (
            "id: child-benefit\n"
            "title: Назначение ежемесячной выплаты\n"
            "direction: services\n"
            "touchpoints:\n"
            "  - touchpoint: gosuslugi        # в перечне эта точка — epgu\n"
            "    needs: [info, consultation, submit, status, result, feedback]\n"
        )
    }
    best_practice = {"processes/child-benefit.yaml": PORTAL_PROCESS}
