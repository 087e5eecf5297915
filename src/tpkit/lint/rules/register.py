"""TP1: the register of touchpoints (перечень точек взаимодействия)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..finding import Bi, Hit
from ..rule import Rule, register

if TYPE_CHECKING:
    from ...registry.registry import Registry

_FORMAL_ANTI = (
    "id: child-benefit\n"
    "title: Назначение ежемесячной выплаты на ребенка\n"
    "direction: services\n"
    "basis: [ar-benefit]\n"
    "touchpoints:                 # only where the final goal is reached\n"
    "  - touchpoint: epgu\n"
    "    needs: [submit, result]\n"
    "  - touchpoint: reception\n"
    "    needs: [submit, result]\n"
)


def _needs(proc: object) -> set[str]:
    out: set[str] = set()
    for e in proc.touchpoints:  # type: ignore[attr-defined]
        out.update(e.needs)
    return out


@register
class FormalApproach(Rule):
    """A process's touchpoints cover only the final goal."""

    code = "TP101"
    name = "formal-approach"
    severity = "error"
    summary = {
        "ru": "формальный подход: ни одна точка процесса не дает ни информации, ни консультации",
        "en": "formal approach: no touchpoint of the process gives information or consultation",
    }
    message = {
        "ru": "формальный подход: у процесса «{title}» точки взаимодействия покрывают только итоговую цель "
        "({needs}); добавьте точку, где клиент получает информацию (например, официальный сайт), "
        "и точку, где ему помогают (контактный центр, чат-бот, телефон)",
        "en": "formal approach: the touchpoints of '{title}' cover only the final goal ({needs}); add a "
        "touchpoint where the client gets information (the official website, say) and one where they get "
        "help (contact centre, chatbot, phone)",
    }
    rationale = {
        "ru": "Методика предостерегает от формального подхода: нельзя считать точками только те, где клиент "
        "подает заявление и получает результат (ЕПГУ и приемная). У клиента есть потребность узнать о "
        "процессе и получить помощь при подаче — сайт, контактный центр, чат-бот, техподдержка "
        "(разд. «Формирование перечня точек взаимодействия»).",
        "en": "The methodology warns against the formal approach: touchpoints are not only where the client "
        "submits and collects (the portal and the reception). The client also needs to learn about the "
        "process and to get help submitting: website, contact centre, chatbot, support (section on forming "
        "the register).",
    }
    anti_pattern = {"processes/child-benefit.yaml": _FORMAL_ANTI}
    best_practice = {
        "processes/child-benefit.yaml": (
            "id: child-benefit\n"
            "title: Назначение ежемесячной выплаты на ребенка\n"
            "direction: services\n"
            "basis: [ar-benefit]\n"
            "touchpoints:\n"
            "  - touchpoint: site\n"
            "    needs: [info, forms]     # one need only is fine too\n"
            "  - touchpoint: phone\n"
            "    needs: [consultation, status]\n"
            "  - touchpoint: epgu\n"
            "    needs: [submit, status, result, feedback]\n"
            "  - touchpoint: reception\n"
            "    needs: [submit, result, feedback_result]\n"
        )
    }

    def check(self, reg: Registry) -> Iterator[Hit]:
        for proc in reg.iter_processes():
            if not proc.touchpoints:
                continue
            needs = _needs(proc)
            if "info" in needs or "consultation" in needs:
                continue
            labels = [Bi(reg.need_label(n), n) for n in sorted(needs)] or [Bi("нет потребностей", "no needs")]
            yield self.hit(reg.process_file(proc), ("touchpoints",), f"process:{proc.id}", title=proc.title, needs=labels)
