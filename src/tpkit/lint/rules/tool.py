"""TP9: the linter itself."""

from __future__ import annotations

from ..rule import Rule, register


@register
class UnusedSuppression(Rule):
    """An inline suppression comment suppressed nothing (the engine reports it)."""

    code = "TP901"
    name = "unused-suppression"
    severity = "info"
    summary = {
        "ru": "комментарий «# tpkit: ignore[...]» ничего не подавил",
        "en": "an inline '# tpkit: ignore[...]' comment suppressed nothing",
    }
    message = {
        "ru": "подавление {code} ничего не подавило: удалите комментарий",
        "en": "the suppression of {code} suppressed nothing: remove the comment",
    }
    rationale = {
        "ru": "Подавление без находки скрывает будущие ошибки и вводит рецензента в заблуждение.",
        "en": "A suppression with nothing to suppress hides future mistakes and misleads the reviewer.",
    }
    anti_pattern = {
        "touchpoints.yaml": None,
    }
    best_practice = {}
