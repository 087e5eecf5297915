"""TP312 embedded-in-wrong-act: a procedure is said to be part of an act that is not an internal one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ....registry.enums import ACT_KINDS
from ...finding import Bi, Hit
from ...rule import Rule, register
from ..examples import ACTS, RECEPTION, RECEPTION_PROCEDURE, sub
from ..words import procedure_place

if TYPE_CHECKING:
    from ....registry import Registry

_APPROVAL = "approval:\n  kind: order\n"


@register
class EmbeddedInWrongAct(Rule):
    """Summary:
        ru: embedded_in указывает не на внутренний акт (kind: internal): порядок включается только в ненормативный
            акт ведомства
        en: embedded_in names an act that is not internal (kind: internal): a procedure can only be part of the
            agency's own non-regulatory act

    Message:
        ru: порядок «{title}» включен (embedded_in) в акт «{act}», а это {kind}: порядок взаимодействия может быть
            включен только во внутренний (ненормативный) акт ведомства — инструкцию, порядок (kind: internal)
        en: the procedure «{title}» is embedded_in the act «{act}», which is {kind}: a procedure can only be part of
            the agency's internal (non-regulatory) act — an instruction, a procedure (kind: internal)

    Rationale:
        ru: «При наличии в ведомстве ненормативных правовых актов (инструкций, порядков), регулирующих отдельные
            направления (например, работу с заявлениями, обращениями) деятельности, порядок взаимодействия с
            клиентом может быть включен в данный документ». Федеральный закон или административный регламент
            ведомство не меняет своим порядком (разд. «Общие требования к разработке порядков по взаимодействию с
            клиентом»).
        en: Where the agency has non-regulatory acts (instructions, procedures) for a direction of work, the
            procedure may be part of such a document. A federal law or an administrative regulation is not the
            agency's to extend with its procedure (section «Общие требования к разработке порядков по взаимодействию
            с клиентом» (developing the procedures)).
    """

    severity = "error"

    def check(self, reg: Registry) -> Iterator[Hit]:
        for pr in reg.procedures.values():
            act = reg.acts.get(pr.embedded_in) if pr.embedded_in else None
            if act is None or act.kind == "internal":
                continue
            kind = ACT_KINDS.get(act.kind, {"ru": act.kind, "en": act.kind})
            yield self.hit(
                *procedure_place(reg, pr, "embedded_in"),
                title=pr.title,
                act=act.title,
                kind=Bi(kind["ru"], kind["en"] if kind["en"] else act.kind),
            )

    anti_pattern = {
        RECEPTION: sub(
            RECEPTION_PROCEDURE,
            _APPROVAL,
            "embedded_in: ar-benefit       # это регламент, а не инструкция\n" + _APPROVAL,
        )
    }
    best_practice = {
        "acts.yaml": ACTS,
        RECEPTION: sub(
            RECEPTION_PROCEDURE,
            _APPROVAL,
            "embedded_in: cc-statute       # положение о КЦ — внутренний акт\n" + _APPROVAL,
        ),
    }
