"""Russian grammar where tpkit writes it: an organisation's name in the genitive, a noun that agrees with a number.

One small module at the bottom layer, so that render, review, lint and the site inflect words the same way.
The morphology is pymorphy3's (OpenCorpora's dictionary); it is imported on first use only, so commands that
inflect nothing do not pay for loading it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pymorphy3 import MorphAnalyzer

_WORD = re.compile(r"^[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*$")
_ADJECTIVE = frozenset(("ADJF", "PRTF"))


@cache
def _morph() -> MorphAnalyzer:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _cased_like(word: str, model: str) -> str:
    """``word`` with the letter case of ``model``, part by part of a hyphenated word («Северо-Западного»), and
    with «е» where ``model`` writes no «ё» (the dictionary spells «счётной»; the agency wrote «Счетная»)."""
    if "ё" not in model.lower():
        word = word.replace("ё", "е")
    parts, models = word.split("-"), model.split("-")
    if len(parts) != len(models):
        parts, models = [word], [model]
    out = []
    for part, like in zip(parts, models, strict=True):
        if like.isupper() and len(like) > 1:
            part = part.upper()
        elif like[:1].isupper():
            part = part[:1].upper() + part[1:]
        out.append(part)
    return "-".join(out)


def _nominative(word: str, pos: frozenset[str]) -> Any | None:
    """The parse of ``word`` as a nominative of one of the parts of speech ``pos``, if it can be one."""
    for parse in _morph().parse(word):
        if parse.tag.POS in pos and parse.tag.case == "nomn":
            return parse
    return None


def genitive(name: str) -> str:
    """An organisation's name in the genitive case, declined as a phrase.

    The leading adjectives and the head noun agree in case («Федеральная служба по надзору …» → «Федеральной
    службы по надзору …», «Главное управление …» → «Главного управления …»); what follows the head («по
    транспорту», «Энской области») is already governed by it and stays as written. A name that does not start
    with a Russian nominative phrase (an abbreviation, a quoted name) is returned as written.
    """
    words = name.split(" ")
    adjectives: list[tuple[int, Any]] = []
    for i, word in enumerate(words):
        bare = word.strip()
        if not _WORD.match(bare) or (bare.isupper() and len(bare) > 1):
            return name
        adjective = _nominative(bare, _ADJECTIVE)
        # a word that can be an adjective is one while a noun follows («Главное управление»: not the noun
        # «главное»); the head noun is the first word that cannot be, or the last that can be a noun
        if adjective is not None and i + 1 < len(words):
            adjectives.append((i, adjective))
            continue
        head = _nominative(bare, frozenset(("NOUN",)))
        if head is None:
            return name
        number = head.tag.number or "sing"
        declined = head.inflect({"gent", number})
        if declined is None:
            return name
        out = list(words)
        out[i] = _cased_like(declined.word, bare)
        for j, adj in adjectives:
            grammemes = {"gent", "plur"} if number == "plur" else {"gent", "sing", head.tag.gender or "masc"}
            form = adj.inflect(grammemes)
            if form is None:
                return name
            out[j] = _cased_like(form.word, words[j])
        return " ".join(out)
    return name


@cache
def agree(number: int, noun: str) -> str:
    """``noun`` (a nominative singular) in the form that follows ``number``: 1 ошибка, 2 ошибки, 5 ошибок, 21 ошибка.

    A word the dictionary does not know is returned as written.
    """
    parse = _nominative(noun, frozenset(("NOUN",)))
    if parse is None:
        return noun
    form = parse.make_agree_with_number(abs(number))
    return noun if form is None else _cased_like(form.word, noun)


def count(number: int, noun: str) -> str:
    """«5 ошибок»: the number and the noun that agrees with it."""
    return f"{number} {agree(number, noun)}"
