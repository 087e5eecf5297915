"""TP201 no-responsible: a process touchpoint entry has no responsible official."""

from __future__ import annotations

from ...rule import register
from ..coverage import CatalogueFieldRule
from ..examples import TOUCHPOINTS, phone_entry_with, sub

_TP_NO_RESPONSIBLE = sub(
    TOUCHPOINTS,
    "    basis: [cc-statute]\n    responsible: petrova\n",
    "    basis: [cc-statute]\n",
)


@register
class NoResponsible(CatalogueFieldRule):
    """Summary:
        ru: у точки взаимодействия нет ответственного должностного лица ни в перечне, ни в записях процессов
        en: a touchpoint has no responsible official in the catalogue nor in the process entries using it

    Message:
        ru: у точки «{name}» нет ответственного должностного лица ни в перечне, ни {where}: укажите responsible
            здесь, в перечне точек, или в записи этой точки в каждом из процессов (лучше — линейного руководителя)
        en: the touchpoint «{name}» has no responsible official in the catalogue nor {where}: set responsible here,
            in the catalogue, or in this touchpoint's entry in each of those processes (a line manager,
            preferably)

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
