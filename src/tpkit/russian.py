"""Russian grammar where tpkit writes it: an organisation's name in the genitive, a noun that agrees with a number.

One small module at the bottom layer, so that render, review, lint and the site inflect words the same way.
The morphology is pymorphy3's (OpenCorpora's dictionary); it is imported on first use only, so commands that
inflect nothing do not pay for loading it (about 0.05 s).

Both functions work on the *nominative phrase* a text starts with: the leading adjectives (and participles) and
the head noun they agree with («Главное управление», «Федеральная налоговая служба», «новое замечание»). What
follows the head («по транспорту», «Энской области», «в год») is governed by it and stays as written. A text
that does not start with such a phrase (an abbreviation, a quoted name, a word the dictionary cannot place) is
returned as written: a wrong form in a signed document is worse than an unchanged one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pymorphy3 import MorphAnalyzer

_WORD = re.compile(r"^[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*$")
_ADJECTIVE = frozenset(("ADJF", "PRTF"))
#: a word whose likeliest reading is one of these ends the phrase («по», «при», «и», «в»): «ПО» is also a noun
_FUNCTION_WORDS = frozenset(("PREP", "CONJ", "PRCL", "INTJ"))


@cache
def _morph() -> MorphAnalyzer:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _cased_like(word: str, model: str) -> str:
    """``word`` with the letter case of ``model``, part by part of a hyphenated word («Северо-Западного»), and
    with «е» where ``model`` writes no «ё» (the dictionary spells «счётной»; the agency wrote «Счетная»)."""
    if "ё" not in model.lower():
        word = word.replace("ё", "е").replace("Ё", "Е")
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


def _agrees(adjective: Any, word: Any) -> bool:
    """Whether an adjective's reading can stand before a word's reading: the same number and, in the singular,
    the same gender (a noun of common gender agrees with either)."""
    a, w = adjective.tag, word.tag
    if a.number != w.number:
        return False
    return a.number == "plur" or a.gender == w.gender or w.gender in (None, "ms-f")


@dataclass(frozen=True, slots=True)
class _Phrase:
    """The nominative phrase a text starts with: words ``0 … head`` of it."""

    #: the readings of each leading adjective that agree with the head
    adjectives: tuple[tuple[Any, ...], ...]
    head: int
    #: the head's reading: a noun, or an adjective used as one («Уполномоченный по правам человека»)
    parse: Any


def _readings(word: str) -> tuple[list[Any], list[Any]] | None:
    """The nominative adjective and noun readings of ``word``; None when it cannot be part of a phrase."""
    if not _WORD.match(word) or (word.isupper() and len(word) > 1):  # not Russian, or an abbreviation (ФНС)
        return None
    parses = _morph().parse(word)
    if parses[0].tag.POS in _FUNCTION_WORDS:
        return None
    nominative = [p for p in parses if p.tag.case == "nomn"]
    return [p for p in nominative if p.tag.POS in _ADJECTIVE], [p for p in nominative if p.tag.POS == "NOUN"]


def _phrase(words: list[str]) -> _Phrase | None:
    """The leading adjectives and the head of ``words``, or None when the text does not start with a phrase.

    A word that can be an adjective is one while the next word can carry on the phrase and agrees with it
    («Главное управление»: not the noun «главное»); the head is the first word that is a noun then. An adjective
    with no noun after it is the head itself («Уполномоченный по …», «Приемная Президента …»).
    """
    found: list[list[Any]] = []
    readings = [_readings(w) for w in words[:1]]
    for i in range(len(words)):
        current = readings[i]
        if current is None:
            break
        adjectives, nouns = current
        readings.append(_readings(words[i + 1]) if i + 1 < len(words) else None)
        following = readings[i + 1]
        ahead = [] if following is None else following[0] + following[1]
        carry_on = [a for a in adjectives if any(_agrees(a, nxt) for nxt in ahead)]
        if carry_on:
            found.append(carry_on)
            continue
        heads = [n for n in nouns if all(any(_agrees(a, n) for a in adj) for adj in found)]
        if heads:
            return _Phrase(_choose(found, heads[0]), i, heads[0])
        if adjectives:  # an adjective standing as the noun
            return _Phrase(_choose(found, adjectives[0]), i, adjectives[0])
        break
    if found:
        return _Phrase(_choose(found[:-1], found[-1][0]), len(found) - 1, found[-1][0])
    return None


def _choose(found: list[list[Any]], head: Any) -> tuple[tuple[Any, ...], ...]:
    return tuple(tuple(a for a in adj if _agrees(a, head)) or tuple(adj) for adj in found)


def _inflect(readings: tuple[Any, ...], grammemes: set[str]) -> Any | None:
    for parse in readings:
        form = parse.inflect(grammemes)
        if form is not None:
            return form
    return None


@cache
def genitive(name: str) -> str:
    """An organisation's name in the genitive case, declined as a phrase.

    The leading adjectives and the head noun agree in case («Федеральная служба по надзору …» → «Федеральной
    службы по надзору …», «Главное управление …» → «Главного управления …»); what follows the head («по
    транспорту», «Энской области», a quoted name) is already governed by it and stays as written. A name that does
    not start with a Russian nominative phrase (an abbreviation, a quoted name) is returned as written.
    """
    words = name.split(" ")
    phrase = _phrase(words)
    if phrase is None:
        return name
    number = phrase.parse.tag.number or "sing"
    grammemes = {"gent", "plur"} if number == "plur" else {"gent", "sing"}
    head = _inflect((phrase.parse,), grammemes)
    if head is None:
        return name
    out = list(words)
    out[phrase.head] = _cased_like(head.word, words[phrase.head])
    gender = phrase.parse.tag.gender if phrase.parse.tag.gender in ("masc", "femn", "neut") else "masc"
    for j, adjective in enumerate(phrase.adjectives):
        form = _inflect(adjective, grammemes if number == "plur" else grammemes | {gender})
        if form is None:
            return name
        out[j] = _cased_like(form.word, words[j])
    return " ".join(out)


#: the forms (after 1, after 2, after 5) of the nouns every ``tpkit lint`` and ``tpkit render`` prints in its
#: summary line, as pymorphy3 gives them (``tests/test_russian.py`` holds them to it): a run in CI or a pre-commit
#: hook need not load the dictionary for them (about 0.1 s, a third of a small registry's lint)
SUMMARY_FORMS: dict[str, tuple[str, str, str]] = {
    "ошибка": ("ошибка", "ошибки", "ошибок"),
    "предупреждение": ("предупреждение", "предупреждения", "предупреждений"),
    "совет": ("совет", "совета", "советов"),
    "файл": ("файл", "файла", "файлов"),
}


def plural_category(number: int) -> int:
    """Which form a Russian noun takes after ``number``: 0 as after 1 (21, 101), 1 as after 2 (3, 4, 22), 2 as
    after 5 (0, 11–14, 25)."""
    n = abs(number) % 100
    if n % 10 == 1 and n != 11:
        return 0
    if 2 <= n % 10 <= 4 and not 12 <= n <= 14:
        return 1
    return 2


def agree(number: int, noun: str) -> str:
    """``noun`` (a nominative singular, or a phrase that starts with one) in the form that follows ``number``:
    1 ошибка, 2 ошибки, 5 ошибок, 21 ошибка; «новое замечание» → 2 «новых замечания».

    Text the dictionary cannot place is returned as written.
    """
    known = SUMMARY_FORMS.get(noun)
    if known is not None:
        return known[plural_category(number)]
    return _agree(abs(number) % 100, noun)  # the form depends on the last two digits only


@cache
def _agree(number: int, noun: str) -> str:
    words = noun.split(" ")
    phrase = _phrase(words)
    if phrase is None:
        return noun
    head = phrase.parse.make_agree_with_number(number)
    if head is None:
        return noun
    out = list(words)
    out[phrase.head] = _cased_like(head.word, words[phrase.head])
    for j, adjective in enumerate(phrase.adjectives):
        form = next((f for f in (a.make_agree_with_number(number) for a in adjective) if f is not None), None)
        if form is None:
            return noun
        out[j] = _cased_like(form.word, words[j])
    return " ".join(out)


def count(number: int, noun: str) -> str:
    """«5 ошибок»: the number and the noun that agrees with it."""
    return f"{number} {agree(number, noun)}"
