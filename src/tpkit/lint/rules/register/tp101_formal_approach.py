"""TP101 formal-approach: a process's touchpoints cover only the final goal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...rule import register
from ..coverage import NeedsRule
from ..examples import PROCESS_HEAD, PROCESS_TOUCHPOINTS, sub
from ..words import names, needs

if TYPE_CHECKING:
    from ....registry import Registry
    from ....registry import models as m

_FORMAL = (
    PROCESS_HEAD + "touchpoints:                 # только там, где достигается итоговая цель\n"
    "  - touchpoint: epgu\n"
    "    needs: [submit, result]\n"
    "  - touchpoint: reception\n"
    "    needs: [submit, result]\n"
)


@register
class FormalApproach(NeedsRule):
    """Summary:
        ru: формальный подход: ни одна точка процесса не дает ни информации, ни консультации
        en: formal approach: no touchpoint of the process gives information or consultation

    Message:
        ru: формальный подход: ни одна точка процесса «{title}» ({touchpoints}) не дает ни информации, ни
            консультации — учтены только потребности {needs}; добавьте точку, где клиент получает информацию о
            процессе (например, официальный сайт: потребность info), и точку, где ему помогают подать документы
            (контактный центр, чат-бот, телефон: потребность consultation)
        en: formal approach: no touchpoint of the process «{title}» ({touchpoints}) gives information or a
            consultation — only the needs {needs} are covered; add a touchpoint where the client learns about the
            process (the official website, say: need info) and one where they get help submitting (contact centre,
            chatbot, phone: need consultation)

    Rationale:
        ru: Методика предостерегает от формального подхода: нельзя считать точками взаимодействия только те, где
            клиент достигает итоговой цели — подает заявление и получает результат (ЕПГУ и приемная ведомства). У
            клиента есть потребность узнать о процессе (сайт) и получить помощь при подаче документов (контактный
            центр, чат-бот, техническая поддержка) — разд. «Формирование перечня точек взаимодействия».
        en: The methodology warns against the formal approach: touchpoints are not only those where the client
            reaches the final goal — submits and collects the result (the federal portal and the agency's
            reception). The client also needs to learn about the process (the website) and to get help submitting
            (contact centre, chatbot, technical support) — section «Формирование перечня точек взаимодействия»
            (forming the register).
    """

    severity = "error"

    def lacks(self, reg: Registry, proc: m.Process, got: set[str]) -> dict[str, Any] | None:
        if "info" in got or "consultation" in got:
            return None
        tps = names(list(dict.fromkeys(reg.tp_name(e.touchpoint) for e in proc.touchpoints)), limit=4)
        return {"touchpoints": tps, "needs": needs(reg, got)}

    anti_pattern = {"processes/child-benefit.yaml": _FORMAL}
    best_practice = {
        "processes/child-benefit.yaml": PROCESS_HEAD
        + sub(
            PROCESS_TOUCHPOINTS,
            "    needs: [info, forms]\n",
            "    needs: [info]            # одна потребность — тоже точка взаимодействия\n",
        )
    }
