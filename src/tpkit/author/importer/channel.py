"""The channel of a new touchpoint, and why: from its name, else from what happens there.

A name that names a channel decides it (:func:`.match.guess_channel`). Else: a place whose name is only a street
address is ``other_offline`` (nothing says what it is: the plan asks to check); a name that is only a telephone
number is a ``phone``; an offline place where applications are received and results issued is a reception point
(``reception``, the methodology's «пункт приема»); anything else keeps ``other_offline``/``other_digital``, and the
plan says that nothing named the channel. The catalogue entry also gets what the name says of it: the web address
(``url``) and the telephone number (``phone``) in its name, the address that is its name (``address``).
"""

from __future__ import annotations

import re
from typing import Any

from ...registry.sameness import phone_as_written, strip_stage_words
from .match import guess_channel

#: a name that starts as an address does (a postcode, a city, a street) and holds a number: «г. Энск, ул. Садовая,
#: д. 12», «ул. Ленина, 1», «301000, г. Тула, …»
_ADDRESS = re.compile(
    r"^\s*(?:\d{6}\s*,?\s*)?(?:г\.|город\s|гор\.|ул\.|улица\s|пр-т|просп\.|проспект\s|пер\.|переулок\s|пл\.|"
    r"площадь\s|наб\.|набережная\s|ш\.|шоссе\s|б-р|бульвар\s|мкр\.?|микрорайон\s|с\.|пос\.|пгт\.?\s)",
    re.IGNORECASE,
)
#: what may stand beside a telephone number in a name that is only the number
_PHONE_WORDS = re.compile(r"\b(?:телефон|тел|т)\b\.?|[\s:,.;()+№-]", re.IGNORECASE)
#: the needs that make an offline place a reception point: applications received, results issued
RECEPTION_NEEDS = frozenset({"submit", "result"})


def address_only(name: str) -> bool:
    """Whether a touchpoint's name is only a street address."""
    return bool(_ADDRESS.match(name)) and any(ch.isdigit() for ch in name)


def phone_only(name: str) -> bool:
    """Whether a touchpoint's name is only a telephone number («8 (4872) 24-51-00», «тел. 24-51-00»)."""
    number = phone_as_written(name)
    return bool(number) and not _PHONE_WORDS.sub("", name.replace(number, "", 1))


def new_channel(name: str, form: str | None, needs: set[str]) -> tuple[str, str]:
    """The channel of a new touchpoint named ``name`` (stage words aside) with ``needs`` met at it over all its
    rows, and why: a key of :data:`.texts.CHANNEL_WHY`."""
    stripped = strip_stage_words(name)
    channel = guess_channel(stripped, form)
    if channel not in ("other_offline", "other_digital"):
        return channel, "name"
    if form != "digital" and address_only(stripped):
        return "other_offline", "address"
    if form != "offline" and phone_only(stripped):
        return "phone", "phone"
    if form == "offline" and RECEPTION_NEEDS <= needs:
        return "reception", "reception"
    return channel, "none"


#: a web address in a name: with its scheme or its «www.» (a bare «archive71.ru» may be an e-mail's or a word's)
_URL = re.compile(r"(?:https?://|www\.)[^\s«»\"'()<>,;]+", re.IGNORECASE)


def from_name(name: str, channel: str, why: str) -> dict[str, Any]:
    """What a new catalogue entry takes from its name: the web address and the telephone number in it, the address
    that it is."""
    out: dict[str, Any] = {}
    url = _URL.search(name)
    if url:
        out["url"] = url.group(0).rstrip(".:!?")
    number = phone_as_written(name)
    if number:
        out["phone"] = number
    if why == "address":
        out["address"] = strip_stage_words(name)
    return out
