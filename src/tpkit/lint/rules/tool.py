"""TP9: the linter itself."""

from __future__ import annotations

from ..rule import Rule, register
from ._common import PROCESS, sub

_NOTE = "touchpoints:  # tpkit: ignore[TP110] -- отзывы собирает МФЦ по соглашению\n"


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
        "ru": "Подавление без находки скрывает будущие ошибки и вводит рецензента в заблуждение: оно остается "
        "после того, как замечание устранено, и молча подавит его, если ошибка вернется.",
        "en": "A suppression with nothing to suppress hides future mistakes and misleads the reviewer: it outlives "
        "the fixed finding and would silently hide it if the mistake came back.",
    }
    # the process does take feedback (at the portal): the comment suppresses nothing
    anti_pattern = {"processes/child-benefit.yaml": sub(PROCESS, "touchpoints:\n", _NOTE)}
    # the process has no feedback touchpoint of its own, and the comment says why that is right
    best_practice = {
        "processes/child-benefit.yaml": sub(
            sub(
                sub(PROCESS, "touchpoints:\n", _NOTE),
                "needs: [submit, status, result, feedback]",
                "needs: [submit, status, result]",
            ),
            "needs: [submit, result, feedback_result]",
            "needs: [submit, result]",
        )
    }
