"""What channels are for, in the methodology's words, and when two catalogue entries are one touchpoint.

Shared by TP104, TP111, TP114, TP115 and TP305. The channel vocabulary itself lives in
:mod:`tpkit.registry.enums`; this module only groups it by the roles the methodology gives channels.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ...registry.enums import CHANNELS, form_of

if TYPE_CHECKING:
    from ...registry import Registry
    from ...registry import models as m

#: where the client reaches the final goal of the appeal — the service or the support measure itself
#: (the methodology's formal example: «ЕПГУ и приемная ведомства»)
FINAL_GOAL_CHANNELS: frozenset[str] = frozenset(
    {"portal", "reception", "one_stop_center", "business_center", "employment_center"}
)
#: where the client gets information («получение информации (*на сайте*)»)
INFO_CHANNELS: frozenset[str] = frozenset({"website", "social_network", "messenger"})
#: where the client gets help submitting («контактный центр, чат-бот, службу технической поддержки, сайт»)
HELP_CHANNELS: frozenset[str] = frozenset({"call_center", "phone", "chatbot", "voice_assistant"})
#: offline points a person comes to: everything offline but the post
IN_PERSON_CHANNELS: frozenset[str] = frozenset(c for c in CHANNELS if form_of(c) == "offline" and c != "mail")


def in_person(channel: str) -> bool:
    """An offline point the client visits (a reception, a МФЦ office), not the post."""
    return channel in IN_PERSON_CHANNELS


# --- one channel under two ids ------------------------------------------------------------------------

#: words that name a stage or a need, not a channel: «ЕПГУ (подача заявления)», «ЕПГУ — уведомления»
_STAGE = re.compile(
    r"подач|получени|выдач|прием|приём|результат|уведомл|информир|консульт|статус|ход\w* рассмотр|этап|"
    r"обратн\w* связ|оценк|обжалов|запис|заявлени|документ|справк"
)
_SEPARATORS = re.compile(r"\s+[—–-]\s+|:\s+|;\s+|,\s+")
_PARENS = re.compile(r"\(([^()]*)\)")
_PHONE = re.compile(r"(?:\+7|8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}")
_ABBREVIATION = re.compile(r"[«\"]?[A-ZА-ЯЁ][A-ZА-ЯЁ0-9-]+[»\"]?")
_POSTCODE = re.compile(r"\b\d{6}\b")
_ADDRESS_WORDS = re.compile(
    r"\b(?:г|гор|город|ул|улица|пр|пр-т|просп|проспект|пер|переулок|пл|площадь|д|дом|стр|строение|корп|"
    r"корпус|каб|кабинет|оф|офис|эт|этаж|обл|область|р-н|район)\b\.?"
)


def _words(text: str) -> str:
    text = text.lower().replace("ё", "е")
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def url_key(url: str) -> str | None:
    """``https://www.gosuslugi.ru/`` and ``http://gosuslugi.ru?from=x`` are one address: host without
    ``www.`` and the path without its trailing slash; the scheme, query and fragment are ignored."""
    raw = url.strip()
    if not raw or raw.lower().startswith(("tel:", "mailto:")):
        return None
    parts = urlsplit(raw if "//" in raw else "//" + raw)
    host = (parts.hostname or "").lower()
    host = host.removeprefix("www.")
    if not host:
        return None
    return host + parts.path.rstrip("/").lower()


def phone_keys(*texts: str | None) -> set[str]:
    """The telephone numbers in ``texts``, digits only, 8-800… and +7-800… alike."""
    out: set[str] = set()
    for text in texts:
        if not text:
            continue
        for match in _PHONE.findall(text.replace("tel:", " ")):
            digits = re.sub(r"\D", "", match)
            if len(digits) == 11 and digits[0] == "8":
                digits = "7" + digits[1:]
            out.add(digits)
    return out


def address_key(address: str) -> str | None:
    """An address without the postcode, the abbreviations (г., ул., д.) and punctuation."""
    text = _POSTCODE.sub(" ", address.lower().replace("ё", "е"))
    text = _ADDRESS_WORDS.sub(" ", re.sub(r"[.,]", " . ", text))
    key = _words(text)
    return key or None


def strip_stage(name: str) -> str:
    """A catalogue name without the stage it was written for, as written: «ЕПГУ (подача заявления)», «ЕПГУ —
    получение результата» and «ЕПГУ: уведомления» are all «ЕПГУ»."""
    text = _PARENS.sub(lambda mt: "" if _STAGE.search(mt.group(1).lower()) else mt.group(0), name)
    parts = _SEPARATORS.split(text)
    kept = [parts[0]] + [p for p in parts[1:] if not _STAGE.search(p.lower())]
    text = " ".join(" ".join(kept).split())
    if text.startswith("«") and text.endswith("»") and text.count("«") == 1:
        text = text[1:-1]  # «ЕПГУ»: уведомления -> ЕПГУ
    return text or name.strip()


def name_key(name: str) -> str:
    """The comparable form of :func:`strip_stage`: lower case, words only."""
    return _words(strip_stage(name))


def name_keys(name: str) -> list[str]:
    """The name's key, and the abbreviation it gives in parentheses: «Единый портал … (ЕПГУ)» is also «епгу»
    (one word of capitals only: «(г. Тула)» names a place, not the channel)."""
    keys = [name_key(name)]
    for inner in _PARENS.findall(strip_stage(name)):
        if _ABBREVIATION.fullmatch(inner.strip()) and (short := _words(inner)) not in keys:
            keys.append(short)
    return [k for k in keys if k]


def _keys(tp: m.Touchpoint) -> list[tuple[str, str]]:
    """What identifies a channel: its address on the web, its phone numbers, its street address, its name."""
    keys: list[tuple[str, str]] = []
    if tp.url and (u := url_key(tp.url)):
        keys.append(("url", f"{tp.channel} {u}"))
    keys.extend(("phone", p) for p in sorted(phone_keys(tp.name, tp.url, tp.description)))
    if tp.address and in_person(tp.channel) and (a := address_key(tp.address)):
        keys.append(("address", f"{tp.channel} {a}"))
    keys.extend(("name", f"{tp.channel} {n}") for n in name_keys(tp.name))
    return keys


#: why two entries are one touchpoint, for the messages
WHY_SAME: dict[str, dict[str, str]] = {
    "url": {"ru": "тот же адрес в интернете", "en": "the same web address"},
    "phone": {"ru": "тот же номер телефона", "en": "the same phone number"},
    "address": {"ru": "тот же адрес", "en": "the same street address"},
    "name": {"ru": "то же название без указания этапа", "en": "the same name once the stage is left out"},
}


def same_touchpoints(reg: Registry) -> dict[str, tuple[str, str]]:
    """Catalogue ids that repeat an earlier entry: id -> (the first entry's id, why they are one).

    Entries are one touchpoint when they share a web address, a phone number, a street address (in-person
    points of one channel) or a name once stage words are stripped (within one channel). Computed once per
    registry, in one pass over the catalogue: a dictionary from each key to the first entry that had it.
    """
    cached: dict[str, tuple[str, str]] | None = reg.__dict__.get("_tpkit_same_touchpoints")
    if cached is not None:
        return cached
    first: dict[tuple[str, str], str] = {}
    out: dict[str, tuple[str, str]] = {}
    for ident, tp in reg.touchpoints.items():
        for key in _keys(tp):
            owner = first.setdefault(key, ident)
            if owner != ident and ident not in out:
                root = out.get(owner, (owner, key[0]))[0]
                out[ident] = (root, key[0])
    reg.__dict__["_tpkit_same_touchpoints"] = out
    return out


def channel_of(reg: Registry, ident: str) -> str:
    """The catalogue id an entry stands for: itself, or the first entry of the same channel."""
    return same_touchpoints(reg).get(ident, (ident, ""))[0]
