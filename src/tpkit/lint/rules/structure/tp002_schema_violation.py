"""TP002 schema-violation: a document breaks the schema."""

from __future__ import annotations

from ....registry import problem
from ...rule import ProblemRule, register
from ..examples import TOUCHPOINTS


@register
class SchemaViolation(ProblemRule):
    """Summary:
    ru: документ нарушает схему: нет обязательного ключа, неизвестный ключ, неверный тип или значение
    en: a document breaks the schema: missing or unknown key, wrong type or value, bad id
    """

    problem_kind = problem.SCHEMA
    anti_pattern = {
        "touchpoints.yaml": (
            "touchpoints:\n"
            "  - id: site\n"
            "    name: Официальный сайт министерства\n"
            "    chanel: website          # опечатка в ключе\n"
        )
    }
    best_practice = {"touchpoints.yaml": TOUCHPOINTS}
