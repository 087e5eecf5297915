"""TP305 offline-without-accessibility: an in-person offline touchpoint says nothing about equal access."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...finding import Hit
from ...rule import Rule, register
from ..channels import in_person
from ..examples import TOUCHPOINTS, sub
from ..words import touchpoint_place

if TYPE_CHECKING:
    from ....registry import Registry


@register
class OfflineWithoutAccessibility(Rule):
    """Summary:
        ru: у точки очного приема не описано обеспечение равного доступа (accessibility)
        en: an in-person touchpoint has no accessibility

    Message:
        ru: у точки очного приема «{name}» не описано обеспечение равного доступа (accessibility): пандус, помощь
            маломобильным гражданам, обслуживание на дому
        en: the in-person touchpoint «{name}» has no accessibility: a ramp, help for people with limited mobility,
            service at home

    Rationale:
        ru: «Для точек оффлайн (очного) взаимодействия с клиентами общими правилами является обеспечение равных
            возможностей для доступа (например, для маломобильных групп населения)»; при невозможности доступа может
            быть разработан порядок обслуживания по месту нахождения гражданина. Равный доступ — о местах, куда
            клиент приходит сам; почтовые отправления (mail) правило не проверяет (разд. «Формирование перечня точек
            взаимодействия»; разд. «Общие требования к разработке порядков по взаимодействию с клиентом»).
        en: In-person (offline) touchpoints must give equal access, e.g. to people with limited mobility; where
            access is impossible, service at the citizen's location may be arranged. Equal access is about places
            the client comes to; the rule does not check the post (mail) (section «Формирование перечня точек
            взаимодействия» (forming the register); section «Общие требования к разработке порядков по
            взаимодействию с клиентом» (developing the procedures)).
    """

    severity = "warning"

    def check(self, reg: Registry) -> Iterator[Hit]:
        for ident, tp in reg.touchpoints.items():
            if in_person(tp.channel) and not tp.accessibility:
                yield self.hit(*touchpoint_place(reg, ident), name=tp.name)

    anti_pattern = {
        "touchpoints.yaml": sub(TOUCHPOINTS, "    accessibility:\n      - Пандус и кнопка вызова у входа\n", "")
    }
    best_practice = {
        "touchpoints.yaml": sub(
            TOUCHPOINTS,
            "      - Пандус и кнопка вызова у входа\n",
            "      - Пандус и кнопка вызова у входа\n      - Обслуживание на дому по предварительной заявке\n",
        )
    }
