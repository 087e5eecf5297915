"""TP901 unused-suppression: an inline suppression comment suppressed nothing.

The comments are read and matched in :mod:`tpkit.lint.suppress`; the engine hands this rule what they
named and never used, once every other rule's findings are matched.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ...finding import Hit
from ...rule import Rule, register
from ..examples import PROCESS, TOUCHPOINTS, sub

if TYPE_CHECKING:
    from ...suppress import Unused

_NOTE = "touchpoints:  # tpkit: ignore[TP110] -- отзывы собирает МФЦ по соглашению\n"


@register
class UnusedSuppression(Rule):
    """Summary:
        ru: комментарий «# tpkit: ignore[...]» ничего не подавил
        en: an inline '# tpkit: ignore[...]' comment suppressed nothing

    Message:
        ru: подавление {code} ничего не подавило: удалите комментарий
        en: the suppression of {code} suppressed nothing: remove the comment

    Rationale:
        ru: Подавление без находки скрывает будущие ошибки и вводит рецензента в заблуждение: оно остается после
            того, как замечание устранено, и молча подавит его, если ошибка вернется. Пока в реестре есть
            структурная ошибка (TP0: файл не прочитан, нарушена схема, ссылка ни на что не указывает), правила видят
            только часть реестра, и нужно ли подавление, сказать нельзя: TP901 тогда молчит.
        en: A suppression with nothing to suppress hides future mistakes and misleads the reviewer: it outlives the
            fixed finding and would silently hide it if the mistake came back. While the registry has a structure
            error (TP0: a file unread, the schema broken, a reference to nothing), the rules see part of the
            registry and whether a suppression is needed cannot be told: TP901 is then silent.
    """

    severity = "info"

    def check_unused(self, unused: Iterable[Unused]) -> Iterator[Hit]:
        for u in unused:
            if u.code == self.code:
                continue  # a comment that names TP901 says nothing about itself
            yield Hit(
                self.code,
                u.file,
                (),
                f"suppression:{u.code}",
                args={"code": u.code},
                key=u.key,
                span=u.span,
            )

    # the process does take feedback (at the portal): the comment suppresses nothing
    anti_pattern = {"processes/child-benefit.yaml": sub(PROCESS, "touchpoints:\n", _NOTE)}
    # the contact centre has no basis yet, and the comment says why that is accepted for now
    best_practice = {
        "touchpoints.yaml": sub(
            sub(TOUCHPOINTS, "    basis: [cc-statute]\n", ""),
            "  - id: phone\n",
            "  - id: phone   # tpkit: ignore[TP106] -- положение о контактном центре на согласовании\n",
        )
    }
