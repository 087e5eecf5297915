"""TP313 feedback-channel-not-in-register: section 6 names a feedback channel the register does not mark."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...finding import Hit
from ...rule import Rule, register
from ..examples import RECEPTION, RECEPTION_PROCEDURE, sub
from ..words import need, procedure_place, section

if TYPE_CHECKING:
    from ....registry import Registry

_CHANNELS = "    channels: [epgu, reception]   # в приемной обратную связь не принимает ни один процесс\n"


def takes_feedback(reg: Registry, channel: str, covered: set[str]) -> bool:
    """Whether some process the procedure covers (one using a ``covered`` touchpoint) takes feedback at
    ``channel``: asked from the channel's side, since a procedure may cover every touchpoint."""
    for use in reg.usages.get(channel, []):
        if "feedback" not in use.entry.needs:
            continue
        if channel in covered or any(e.touchpoint in covered for e in use.process.touchpoints):
            return True
    return False


@register
class FeedbackChannelNotInRegister(Rule):
    """Summary:
        ru: порядок называет канал обратной связи, где по перечню обратную связь не принимает ни один процесс
        en: a procedure names a feedback channel where, by the register, no process takes feedback

    Message:
        ru: в порядке «{title}» в разделе {section} каналом обратной связи назван «{name}», но ни один процесс в
            точках этого порядка не отмечает там потребность {need}: добавьте feedback в потребности этой точки в
            процессе (перечень) или уберите ее из channels
        en: the procedure «{title}» names «{name}» as a feedback channel in the section {section}, but no process at
            the procedure's touchpoints marks the need {need} there: add feedback to that touchpoint's needs in the
            process (the register) or remove it from channels

    Rationale:
        ru: Раздел порядка об обратной связи описывает «требования к организации обратной связи с клиентами
            (предложение оценки на каждом этапе взаимодействия …)», а «предоставление обратной связи» — потребность,
            которая в перечне указывается у точки взаимодействия. Канал, названный в порядке, должен быть в перечне
            точкой, где клиент дает обратную связь, иначе порядок и перечень расходятся (разд. «Общие требования к
            разработке порядков по взаимодействию с клиентом»; разд. «Формирование перечня точек взаимодействия»).
        en: The procedure's feedback section sets the requirements for organising feedback (a rating offered at each
            stage …), and giving feedback is a need the register marks at a touchpoint. A channel the procedure
            names must be, in the register, a touchpoint where clients give feedback, or the two documents disagree
            (section «Общие требования к разработке порядков по взаимодействию с клиентом» (developing the
            procedures); section «Формирование перечня точек взаимодействия» (forming the register)).
    """

    severity = "warning"

    def check(self, reg: Registry) -> Iterator[Hit]:
        for pr in reg.procedures.values():
            fb = pr.sections.feedback
            if fb is None or not fb.channels:
                continue
            covered = set(reg.covered(pr))
            for j, c in enumerate(fb.channels):
                if c not in reg.touchpoints or takes_feedback(reg, c, covered):
                    continue  # an unknown id is TP003's
                yield self.hit(
                    *procedure_place(reg, pr, "sections", "feedback", "channels", j),
                    title=pr.title,
                    section=section("feedback"),
                    name=reg.tp_name(c),
                    need=need(reg, "feedback"),
                )

    anti_pattern = {
        RECEPTION: sub(
            RECEPTION_PROCEDURE,
            "    pretrial_appeal: Сотрудник разъясняет право на досудебное обжалование\n",
            "    pretrial_appeal: Сотрудник разъясняет право на досудебное обжалование\n" + _CHANNELS,
        )
    }
    best_practice = {
        RECEPTION: sub(
            RECEPTION_PROCEDURE,
            "    pretrial_appeal: Сотрудник разъясняет право на досудебное обжалование\n",
            "    pretrial_appeal: Сотрудник разъясняет право на досудебное обжалование\n    channels: [epgu]\n",
        )
    }
