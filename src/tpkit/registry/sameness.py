"""When two touchpoints are one: the same channel reached the same way.

The methodology asks for one touchpoint per channel: the stages of one process
(«подача заявления», «получение результата») are needs met at one touchpoint,
not touchpoints of their own. Two catalogue entries (or an entry and a row of an
imported register) are *the same touchpoint* when they have the same channel and
at least one of these in common:

* the URL, ignoring the scheme, a leading ``www.``, the query, the fragment, a
  trailing slash and case;
* the phone number's digits (a Russian ``8`` trunk prefix is read as ``7``);
* the address, in :func:`norm_text` form;
* the name, in :func:`norm_text` form once stage words are stripped
  (:func:`strip_stage_words`); a name ending in an abbreviation in brackets
  («Единый портал … (ЕПГУ)») is also the abbreviation and the name without it.

This module is the one definition of that sameness: the importer merges rows by
it and rule TP114 (``same-touchpoint-twice-in-catalogue``) reports catalogue
entries that are one. It imports nothing of tpkit.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "SamenessIndex",
    "TouchpointKey",
    "norm_text",
    "norm_url",
    "phone_digits",
    "same_touchpoint",
    "strip_stage_words",
    "touchpoint_key",
    "touchpoint_keys",
]

#: (channel, what is compared: url | phone | address | name, the normalised value)
TouchpointKey = tuple[str, str, str]


def norm_text(text: object) -> str:
    """NFC, case, «ё», quotes, punctuation and runs of spaces do not matter."""
    s = unicodedata.normalize("NFC", str(text if text is not None else ""))
    s = s.replace("\u00a0", " ").casefold().replace("ё", "е")
    s = re.sub(r"[«»\"'“”„.,:;!?()\[\]{}/\\№#*_–—‑-]+", " ", s)
    return " ".join(s.split())


#: stage words, as registers write them after a touchpoint's name: «(подача заявления)», «— получение результата».
#: Each is a normalised phrase; a bracketed or dashed tail made of them (and «и», commas) is stripped.
STAGE_WORDS: tuple[str, ...] = (
    "подача заявления",
    "подача заявлений",
    "подача документов",
    "подача обращения",
    "прием заявления",
    "прием заявлений",
    "прием документов",
    "прием обращений",
    "получение результата",
    "выдача результата",
    "выдача ответа",
    "выдача ответов",
    "выдача документов",
    "получение ответа",
    "получение информации",
    "информирование",
    "консультирование",
    "консультации",
    "консультация",
    "запись на прием",
    "оценка качества",
    "обжалование",
    "уведомление",
    "уведомления",
    "ход рассмотрения",
    "информация о ходе рассмотрения",
    "обратная связь",
    "этап",
    "стадия",
)

_STAGE_RE = re.compile(
    r"^(?:" + "|".join(re.escape(w) for w in sorted(STAGE_WORDS, key=len, reverse=True)) + r")(?:\s+\S+)*$"
)


def _is_stage_tail(tail: str) -> bool:
    pieces = re.split(r"[,;]|\s+и\s+", unicodedata.normalize("NFC", tail).casefold())
    parts = [norm_text(p) for p in pieces if norm_text(p)]
    return bool(parts) and all(_STAGE_RE.match(p) for p in parts)


def strip_stage_words(name: str) -> str:
    """The name without a stage tail: «ЕПГУ (подача заявления)», «ЕПГУ — получение результата» -> «ЕПГУ».

    Only a bracketed tail or a tail after a dash (or a colon) is stripped, and only when every phrase in it is a
    stage phrase (:data:`STAGE_WORDS`, possibly followed by its object: «подача заявления о назначении пособия»);
    a name that is nothing but stage words is returned as it is.
    """
    text = unicodedata.normalize("NFC", name).strip()
    while True:
        m = re.match(r"^(?P<head>.+?)\s*\((?P<tail>[^()]*)\)\s*$", text) or re.match(
            r"^(?P<head>.+?)\s+[-–—:]\s*(?P<tail>[^-–—:]+)$", text
        )
        if m is None or not m.group("head").strip() or not _is_stage_tail(m.group("tail")):
            return text
        text = m.group("head").strip()


def norm_url(url: str) -> str:
    """``https://www.Gosuslugi.ru/600/?a=1#x`` -> ``gosuslugi.ru/600``."""
    s = unicodedata.normalize("NFC", url).strip().casefold()
    s = re.sub(r"^[a-z][a-z0-9+.-]*://", "", s)
    s = re.sub(r"^www\.", "", s)
    s = re.split(r"[?#]", s, maxsplit=1)[0]
    return s.rstrip("/")


def phone_digits(text: str) -> str:
    """The digits of a phone number (``8`` before ten digits is read as ``7``); ``""`` when there is none.

    In a longer text (a touchpoint's name) the first run of digits, spaces, brackets and dashes with at least six
    digits is taken.
    """
    for m in re.finditer(r"\+?\d[\d\s()‑–-]{4,}\d", unicodedata.normalize("NFKC", text)):
        digits = re.sub(r"\D", "", m.group(0))
        if len(digits) >= 6:
            if len(digits) == 11 and digits.startswith("8"):
                digits = "7" + digits[1:]
            return digits
    return ""


def touchpoint_keys(
    name: str, channel: str, url: str | None = None, phone: str | None = None, address: str | None = None
) -> tuple[TouchpointKey, ...]:
    """Every identity of a touchpoint; two touchpoints are the same when they share one (see the module)."""
    keys: list[TouchpointKey] = []
    if url and norm_url(url):
        keys.append((channel, "url", norm_url(url)))
    digits = phone_digits(phone) if phone else ""
    if digits:
        keys.append((channel, "phone", digits))
    if address and norm_text(address):
        keys.append((channel, "address", norm_text(address)))
    stripped = strip_stage_words(name)
    for variant in (stripped, *_abbreviation(stripped)):
        if norm_text(variant):
            keys.append((channel, "name", norm_text(variant)))
    return tuple(dict.fromkeys(keys))


def _abbreviation(name: str) -> tuple[str, ...]:
    """«Единый портал … (ЕПГУ)» is also «ЕПГУ» and «Единый портал …»: a name and its abbreviation in brackets."""
    m = re.match(r"^(?P<head>.+?)\s*\((?P<abbr>[A-ZА-ЯЁ][A-ZА-ЯЁа-яa-z0-9]{1,9})\)\s*$", name)
    if m is None or sum(ch.isupper() for ch in m.group("abbr")) < 2:
        return ()
    return (m.group("abbr"), m.group("head"))


def touchpoint_key(
    name: str, channel: str, url: str | None = None, phone: str | None = None, address: str | None = None
) -> TouchpointKey:
    """The most specific identity: the URL, else the phone, else the address, else the name without stage words."""
    keys = touchpoint_keys(name, channel, url, phone, address)
    return keys[0] if keys else (channel, "name", "")


def same_touchpoint(a: Iterable[TouchpointKey], b: Iterable[TouchpointKey]) -> bool:
    """Whether two touchpoints, given by their :func:`touchpoint_keys`, are one."""
    return not set(a).isdisjoint(b)


class SamenessIndex:
    """Touchpoints seen so far by their keys: which one a new touchpoint is (the first one added wins)."""

    def __init__(self) -> None:
        self._by_key: dict[TouchpointKey, str] = {}

    def find(self, keys: Iterable[TouchpointKey]) -> str | None:
        for key in keys:
            found = self._by_key.get(key)
            if found is not None:
                return found
        return None

    def add(self, ident: str, keys: Iterable[TouchpointKey]) -> None:
        for key in keys:
            self._by_key.setdefault(key, ident)
