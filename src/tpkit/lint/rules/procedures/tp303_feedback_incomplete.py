"""TP303 feedback-incomplete: feedback does not offer a rating at each stage or explain the pre-trial appeal."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...finding import Bi, Hit
from ...rule import Rule, register
from ..coverage import is_empty, said
from ..examples import RECEPTION, RECEPTION_PROCEDURE, sub
from ..words import procedure_place

if TYPE_CHECKING:
    from ....registry import Registry


@register
class FeedbackIncomplete(Rule):
    """Summary:
        ru: в разделе обратной связи нет оценки на каждом этапе или разъяснения досудебного обжалования
        en: feedback lacks a rating at each stage or the pre-trial appeal

    Message:
        ru: порядок «{title}», раздел «6. Обратная связь»: {missing}
        en: the procedure «{title}», section '6. Feedback': {missing}

    Rationale:
        ru: Требования к организации обратной связи включают предложение оценки на каждом этапе взаимодействия и
            разъяснение возможности досудебного обжалования (разд. «Общие требования к разработке порядков по
            взаимодействию с клиентом»).
        en: Feedback must offer a rating at each stage of the interaction and explain the right to a pre-trial
            appeal (section «Общие требования к разработке порядков по взаимодействию с клиентом» (developing the
            procedures)).
    """

    severity = "warning"

    def check(self, reg: Registry) -> Iterator[Hit]:
        for pr in reg.procedures.values():
            fb = pr.sections.feedback
            if is_empty(fb) or fb is None:
                continue  # TP301
            ru: list[str] = []
            en: list[str] = []
            if not fb.rating_each_stage:
                ru.append("не предлагается оценка на каждом этапе (rating_each_stage: true)")
                en.append("no rating is offered at each stage (rating_each_stage: true)")
            if not said(fb.pretrial_appeal):
                ru.append("не разъясняется право на досудебное обжалование (pretrial_appeal)")
                en.append("the right to a pre-trial appeal is not explained (pretrial_appeal)")
            if ru:
                yield self.hit(
                    *procedure_place(reg, pr, "sections", "feedback"),
                    title=pr.title,
                    missing=Bi("; ".join(ru), "; ".join(en)),
                )

    anti_pattern = {
        RECEPTION: sub(
            RECEPTION_PROCEDURE,
            "    rating_each_stage: true\n    pretrial_appeal: Сотрудник разъясняет право на досудебное обжалование\n",
            "    description: Книга жалоб и предложений у входа\n",
        )
    }
    best_practice = {RECEPTION: RECEPTION_PROCEDURE}
