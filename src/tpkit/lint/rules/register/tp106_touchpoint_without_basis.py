"""TP106 touchpoint-without-basis: no act, contract or order is the basis of a touchpoint."""

from __future__ import annotations

from ...rule import register
from ..coverage import CatalogueFieldRule
from ..examples import TOUCHPOINTS, phone_entry_with, sub

_TP_NO_BASIS = sub(
    TOUCHPOINTS, "    schedule: пн–пт 9:00–18:00\n    basis: [cc-statute]\n", "    schedule: пн–пт 9:00–18:00\n"
)


@register
class TouchpointWithoutBasis(CatalogueFieldRule):
    """Summary:
        ru: у точки взаимодействия нет основания ни в перечне, ни в записях процессов: ни акта, ни соглашения, ни
            поручения
        en: a touchpoint has no basis in the catalogue nor in the process entries using it: no act, agreement or
            directive

    Message:
        ru: у точки «{name}» нет основания (basis) ни в перечне, ни {where}: укажите акт, соглашение или
            распорядительное действие (поручение, резолюцию) — здесь, в перечне точек (touchpoints.yaml), или в
            записи этой точки в каждом из процессов (touchpoints[].basis); basis самого процесса называет акты
            процесса, а не основание точки
        en: the touchpoint «{name}» has no basis in the catalogue nor {where}: name the act, agreement or directive
            (instruction, resolution) — here, in the catalogue (touchpoints.yaml), or in this touchpoint's entry in
            each of those processes (touchpoints[].basis); the process's own basis names the process's acts, not
            the touchpoint's

    Rationale:
        ru: Точки выявляются на основании нормативных правовых актов, внутренних актов и описаний целевых состояний,
            актов и соглашений о работе точек; если точка (например, социальная сеть) используется по
            распорядительному действию — поручению или резолюции, — она тоже включается, и основанием служит это
            действие (разд. «Формирование перечня точек взаимодействия»).
        en: Touchpoints are found in regulatory acts, internal acts and target-state descriptions, and in agreements
            on how a touchpoint works; a touchpoint used on a directive — an instruction or resolution (social
            networks, say) — is included too, with that directive as its basis (section «Формирование перечня точек
            взаимодействия» (forming the register)).
    """

    severity = "warning"
    field = "basis"
    anti_pattern = {"touchpoints.yaml": _TP_NO_BASIS}
    best_practice = {
        "touchpoints.yaml": _TP_NO_BASIS,
        "processes/child-benefit.yaml": phone_entry_with(
            "basis: [cc-statute]     # основание записи дополняет основание из перечня"
        ),
    }
