"""TP201 no-responsible: a process touchpoint entry has no responsible official."""

from __future__ import annotations

from ...rule import register
from ..coverage import EntryFieldRule
from ..examples import TOUCHPOINTS, phone_entry_with, sub

_TP_NO_RESPONSIBLE = sub(
    TOUCHPOINTS,
    "    basis: [cc-statute]\n    responsible: petrova\n",
    "    basis: [cc-statute]\n",
)


@register
class NoResponsible(EntryFieldRule):
    """Summary:
        ru: у точки взаимодействия в процессе нет ответственного должностного лица
        en: a process touchpoint entry has no responsible official

    Message:
        ru: у точки «{name}» в процессе «{title}» нет ответственного должностного лица: укажите responsible в записи
            процесса или в перечне точек (лучше — линейного руководителя)
        en: the touchpoint «{name}» in the process «{title}» has no responsible official: set responsible in the
            process entry or in the catalogue (a line manager, preferably)

    Rationale:
        ru: Рекомендуется определить ответственное должностное лицо за работу с клиентом в точке взаимодействия и за
            разработку порядка взаимодействия (разд. «Формирование перечня точек взаимодействия», об ответственных и
            утверждении перечня).
        en: A responsible official should be named for the work with clients at each touchpoint and for developing
            its interaction procedure (section «Формирование перечня точек взаимодействия» (forming the register),
            on the responsible and approval).
    """

    severity = "warning"
    field = "responsible"
    anti_pattern = {"touchpoints.yaml": _TP_NO_RESPONSIBLE}
    best_practice = {
        "touchpoints.yaml": _TP_NO_RESPONSIBLE,
        "processes/child-benefit.yaml": phone_entry_with("responsible: petrova    # ответственный в этом процессе"),
    }
