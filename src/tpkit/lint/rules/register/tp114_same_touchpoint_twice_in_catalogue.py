"""TP114 same-touchpoint-twice-in-catalogue: one channel is in the catalogue under two ids."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...finding import Bi, Hit
from ...rule import Rule, register
from ..examples import PROCESS, TOUCHPOINTS, sub
from ..words import line_of, touchpoint_place

if TYPE_CHECKING:
    from ....registry import Registry

#: why two entries are one touchpoint (:func:`tpkit.registry.sameness.same_in_catalogue`), for the messages
WHY_SAME: dict[str, dict[str, str]] = {
    "url": {"ru": "тот же адрес в интернете", "en": "the same web address"},
    "phone": {"ru": "тот же номер телефона", "en": "the same phone number"},
    "address": {"ru": "тот же адрес", "en": "the same street address"},
    "name": {"ru": "то же название без указания этапа", "en": "the same name once the stage is left out"},
    "operator": {
        "ru": "тот же оператор, а название отличается указанием этапа",
        "en": "the same operator, and the name differs by the stage it names",
    },
}

#: an Excel register's habit: the portal once per stage
_EPGU_TWICE = sub(
    TOUCHPOINTS,
    "  - id: phone\n",
    "  - id: epgu-result\n"
    "    name: ЕПГУ (получение результата)\n"
    "    channel: portal\n"
    "    operator: Минцифры России\n"
    "    url: https://gosuslugi.ru/\n"
    "    basis: [ar-benefit]\n"
    "    responsible: petrova\n"
    "  - id: phone\n",
)


@register
class SameTouchpointTwiceInCatalogue(Rule):
    """Summary:
        ru: одна точка взаимодействия записана в перечне дважды (тот же адрес, телефон или название без этапа)
        en: one touchpoint is in the catalogue twice (the same address, phone or name without the stage)

    Message:
        ru: точка «{name}» — та же точка взаимодействия, что «{first}» (строка {first_line}): {why}; оставьте в
            перечне одну запись, а потребности обеих (этапы) укажите в процессах в одной записи этой точки
        en: the touchpoint «{name}» is the same touchpoint as «{first}» (line {first_line}): {why}; keep one
            catalogue entry, and list the needs of both (the stages) in one entry of that touchpoint in processes

    Rationale:
        ru: «В случае если взаимодействие с клиентом осуществляется в несколько этапов … точки взаимодействия в
            рамках одного процесса не подлежат дублированию – указывается одна точка взаимодействия и раскрываются
            удовлетворяемые в ней потребности клиента». ЕПГУ для подачи заявления и ЕПГУ для получения результата —
            одна точка с двумя потребностями, а не две записи перечня (разд. «Формирование перечня точек
            взаимодействия»). Разные адрес в интернете или электронной почты, собственный телефон (phone, с
            добавочным) или адрес приема — разные точки, как бы они ни назывались; номер, упомянутый в описании,
            точку не определяет. Общий адрес здания делает точки одной, только если одна из них названа этапом
            («Выдача результатов»): приемная и личный прием министра в одном здании — два места приема.
        en: When interaction goes in stages, touchpoints are not duplicated within a process: one touchpoint is
            listed with the needs it satisfies. The portal for submitting and the portal for the result are one
            touchpoint with two needs, not two catalogue entries (section «Формирование перечня точек
            взаимодействия» (forming the register)). A different web or e-mail address, own phone (phone, with its
            extension) or street address makes a different touchpoint whatever the names; a number mentioned in a
            description identifies nothing. A building's address makes two entries one only when one is named by a
            stage («Выдача результатов»): the reception and the minister's personal reception in one building are
            two places.
    """

    severity = "warning"

    def check(self, reg: Registry) -> Iterator[Hit]:
        same = reg.same_touchpoints
        for ident, (first, why) in same.items():
            file, path, obj = touchpoint_place(reg, ident)
            where = reg.loc("touchpoint", first)
            yield self.hit(
                file,
                path,
                obj,
                name=reg.touchpoints[ident].name,
                first=reg.touchpoints[first].name,
                first_line=line_of(reg, where.file, where.path),
                why=Bi(WHY_SAME[why]["ru"], WHY_SAME[why]["en"]),
            )

    anti_pattern = {"touchpoints.yaml": _EPGU_TWICE}
    best_practice = {
        "processes/child-benefit.yaml": sub(
            PROCESS,
            "    needs: [submit, status, result, feedback]\n",
            "    needs: [submit, status, result, feedback]   # подача и результат — одна точка\n",
        )
    }
