"""When two touchpoints are one: the same channel reached the same way.

The methodology asks for one touchpoint per channel: the stages of one process
(«подача заявления», «получение результата») are needs met at one touchpoint,
not touchpoints of their own. Two catalogue entries (or an entry and a row of an
imported register) are *the same touchpoint* when they have the same channel and
share one of these, and no identifier tells them apart:

* the URL, ignoring the scheme, a leading ``www.``, the query, the fragment, a
  trailing slash and case; an e-mail address whole (:func:`norm_url`);
* the touchpoint's own telephone number: its ``phone`` (or a ``tel:`` URL), else a
  number written in its name («Телефон 8 (4872) 12-34-56»); a Russian ``8`` trunk
  prefix is read as ``7``, and an extension («доб. 1234») is part of the number
  (:func:`phone_numbers`); for a point a client comes to, as the address: the
  receptions of one building give one switchboard, the offices of one МФЦ one hotline;
* the street address without the postcode and the abbreviations (г., ул., д.),
  for the points a client comes to (:data:`ADDRESS_CHANNELS`; :func:`norm_address`),
  when one of the two is named by a stage (:func:`shares`): one building holds
  several places of reception;
* the name, in :func:`norm_text` form once stage words are stripped
  (:func:`strip_stage_words`); a name with an abbreviation in brackets
  («Единый портал … (ЕПГУ)») is also the abbreviation and the name without it
  (:func:`name_keys`).

The URL, the phone and the address are *identifiers* (:data:`IDENTIFIERS`): when
both entries have one and the values differ, they are two touchpoints whatever
their names (:func:`conflicting`) — a second reception at another street address
is not the main one because its name, stage words stripped, is the same. Free
text (a ``description``, a process entry's ``notes``) is never an identifier: «в
нерабочее время звонки переводятся на 8-800-…» names another touchpoint's number.

In a catalogue (:func:`same_in_catalogue`) one more pair is one touchpoint: an
entry named by a stage («МФЦ (выдача результата)») and the one other entry of its
channel run by the same ``operator``, when no identifier tells them apart.

This module is the one definition of that sameness: the importer merges rows by
it, and the lint rules TP104 and TP114 (``same-touchpoint-twice-in-catalogue``)
report catalogue entries that are one (:func:`same_touchpoints`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .enums import CHANNELS, form_of
from .placeholders import holds_placeholder

if TYPE_CHECKING:
    from . import models as m
    from .model import Registry

__all__ = [
    "ADDRESS_CHANNELS",
    "IDENTIFIERS",
    "STAGED",
    "STAGE_STEMS",
    "SamenessIndex",
    "TouchpointKey",
    "channel_of",
    "conflicting",
    "name_key",
    "name_keys",
    "names_a_stage",
    "nested_names",
    "norm_address",
    "norm_text",
    "norm_url",
    "phone_as_written",
    "phone_digits",
    "phone_numbers",
    "phone_spans",
    "same_in_catalogue",
    "same_touchpoint",
    "shares",
    "stage_named",
    "strip_stage_words",
    "touchpoint_key",
    "touchpoint_keys",
    "touchpoint_keys_of",
]

#: (channel, what is compared: url | phone | address | name, the normalised value)
TouchpointKey = tuple[str, str, str]

#: the kinds of key that identify a touchpoint: two that both have one and share none of its values are two
IDENTIFIERS: tuple[str, ...] = ("url", "phone", "address")

#: not a key but a mark among the keys: the entry is named by a stage («Выдача результатов», «Министерство
#: (получение результата)»), so a street address it shares with another entry makes them one (:func:`shares`)
STAGED = "staged"

#: the channels whose street address tells one point from another: the offline points a client comes to (a
#: reception, a МФЦ office); not the post, whose address is where letters go
ADDRESS_CHANNELS: frozenset[str] = frozenset(c for c in CHANNELS if form_of(c) == "offline" and c != "mail")


def norm_text(text: object) -> str:
    """NFC, case, «ё», quotes, punctuation and runs of spaces do not matter: words only."""
    s = unicodedata.normalize("NFC", str(text if text is not None else ""))
    s = s.casefold().replace("ё", "е")
    return " ".join(re.sub(r"[\W_]+", " ", s).split())


# --- names and stages -------------------------------------------------------------------------------------------

#: stems of the words that name a stage or a need, not a channel: «ЕПГУ (подача заявления)», «ЕПГУ — получение
#: результата», «ЕПГУ: уведомления», «Контактный центр, консультации». A stem matches at a word's start, so every
#: form of the word is one (прием, приема, приёма; заявление, заявления), and «приемная» (a channel) is not one.
STAGE_STEMS: tuple[str, ...] = (
    "подач",
    "получени",
    "выдач",
    r"при[её]м(?!н)",
    "результат",
    "уведомл",
    "информир",
    "консульт",
    "статус",
    r"ход\w* рассмотр",
    "этап",
    "стади",
    r"обратн\w* связ",
    "оценк",
    "обжалов",
    "запис",
    "заявлени",
    "документ",
    "справк",
)
_STAGE = re.compile(r"\b(?:" + "|".join(STAGE_STEMS) + ")")
#: what sets a stage off after the name: a dash with a space at least on one side, a colon, a semicolon, a comma
_SEPARATORS = re.compile(r"(\s+[—–-]\s*|\s*[—–]\s+|:\s+|;\s+|,\s+)")
_PARENS = re.compile(r"\s*\(([^()]*)\)")
_ABBREVIATION = re.compile(r"[«\"]?[A-ZА-ЯЁ][A-ZА-ЯЁa-zа-яё0-9-]{1,9}[»\"]?")


#: what only looks like a stage: the personal reception of an official («личный прием», «прием по личным
#: вопросам») is a place, and the ЕПГУ's «Платформа обратной связи» (ПОС, pos.gosuslugi.ru) is a channel of its own
#: («ЕПГУ (Платформа обратной связи)» beside «ЕПГУ» is two entries, not the portal written once per stage); «Мои
#: документы» is the МФЦ's name, not the documents a stage receives
_NOT_STAGE = re.compile(
    r"\bличн\w*\s+при[её]м\w*|\bпри[её]м\w*(?:\s+\w+)?\s+по\s+личн\w*\s+вопрос\w*"
    r"|\bплатформ\w*\s+обратн\w*\s+связ\w*|\bмои\s+документ\w*"
)


def _is_stage(text: str) -> bool:
    return bool(_STAGE.search(_NOT_STAGE.sub(" ", unicodedata.normalize("NFC", text).casefold())))


def strip_stage_words(name: str) -> str:
    """The name without the stage it was written for, as written: «ЕПГУ (подача заявления)», «ЕПГУ — получение
    результата», «МФЦ (прием документов и выдача результата)» and «"«ЕПГУ»: уведомления"» are all «ЕПГУ».

    A bracketed part naming a stage is dropped, and so is a part after a dash, a colon, a semicolon or a comma
    that names one (:data:`STAGE_STEMS`); the first part is the name and stays. A name that is nothing but stage
    words («Прием заявлений») is returned as it is.
    """
    text = unicodedata.normalize("NFC", name).strip()
    text = _PARENS.sub(lambda mt: "" if _is_stage(mt.group(1)) else mt.group(0), text).strip()
    parts = _SEPARATORS.split(text)
    kept = parts[0]
    for sep, part in zip(parts[1::2], parts[2::2], strict=True):
        if not _is_stage(part):
            kept += sep + part
    kept = " ".join(kept.split())
    if kept.startswith("«") and kept.endswith("»") and kept.count("«") == 1:
        kept = kept[1:-1]  # «ЕПГУ»: уведомления -> ЕПГУ
    return kept or unicodedata.normalize("NFC", name).strip()


def name_key(name: str) -> str:
    """The comparable form of :func:`strip_stage_words`: words only, in lower case."""
    return norm_text(strip_stage_words(name))


def _abbreviated(name: str) -> list[tuple[str, str]]:
    """(the abbreviation, the name without it) for each abbreviation in brackets: «Единый портал … (ЕПГУ)».
    An abbreviation is one word with at least two capitals: «(г. Тула)» names a place, not the channel."""
    out: list[tuple[str, str]] = []
    for mt in _PARENS.finditer(name):
        inner = mt.group(1).strip()
        if _ABBREVIATION.fullmatch(inner) and sum(ch.isupper() for ch in inner) >= 2:
            out.append((inner, (name[: mt.start()] + name[mt.end() :]).strip()))
    return out


#: the names registers write for the federal portal (in :func:`norm_text` form), each standing for «епгу»:
#: «Госуслуги» on one row of a register and «ЕПГУ» on the next are one portal. There is one; the МФЦ's names are
#: not here, since a МФЦ has many offices and its stage rows are matched by the operator (the site's search has its
#: own table of the words people type, ``tpkit.site.search.SYNONYMS``)
ONE_CHANNEL_NAMES: dict[str, str] = dict.fromkeys(
    (
        "госуслуги",
        "портал госуслуг",
        "единый портал госуслуг",
        "единый портал государственных и муниципальных услуг",
        "единый портал государственных и муниципальных услуг функций",
        "gosuslugi ru",
    ),
    "епгу",
)


def name_keys(name: str) -> list[str]:
    """The name's key; with an abbreviation in brackets also the abbreviation and the name without it:
    «Единый портал государственных и муниципальных услуг (ЕПГУ)» is also «епгу» and «единый портал …»; a name of
    :data:`ONE_CHANNEL_NAMES` is also the key it stands for («Госуслуги» is «епгу»)."""
    stripped = strip_stage_words(name)
    keys = [norm_text(stripped)]
    for abbr, head in _abbreviated(stripped):
        keys.extend((norm_text(abbr), norm_text(head)))
    keys.extend(ONE_CHANNEL_NAMES[k] for k in list(keys) if k in ONE_CHANNEL_NAMES)
    return [k for k in dict.fromkeys(keys) if k]


def stage_named(name: str) -> bool:
    """Whether the name carries a stage: «МФЦ (выдача результата)», «ЕПГУ — подача заявления»."""
    return norm_text(strip_stage_words(name)) != norm_text(name)


def names_a_stage(name: str) -> bool:
    """Whether the name speaks of a stage rather than only of a place: «Выдача результатов», «Кабинет приема
    документов», «Министерство (получение результата)». «Приемная отдела опеки» and «Личный прием граждан
    министром» name places."""
    return _is_stage(name)


# --- addresses --------------------------------------------------------------------------------------------------


_EMAIL = re.compile(r"(?:mailto:)?\s*([^\s@/:?#]+@[^\s@/:?#]+)", re.IGNORECASE)


def norm_url(url: str) -> str:
    """``https://www.Gosuslugi.ru/600/?a=1#x`` -> ``gosuslugi.ru/600``: the host without ``www.`` (or a mobile
    ``m.``, in Unicode when written in punycode) and the path without its trailing slash or a start page
    (``/index.php``); the scheme, port, query and fragment are ignored. An e-mail address, with or
    without ``mailto:``, is itself in lower case (``mailto:Opeka@Tula.ru`` -> ``opeka@tula.ru``): two mailboxes on
    one domain are two addresses, not the domain twice. ``""`` for ``tel:`` (a phone number is compared as one) and
    for a text with no host."""
    raw = unicodedata.normalize("NFC", url).strip()
    if not raw or raw.casefold().startswith("tel:"):
        return ""
    if (email := _EMAIL.fullmatch(raw.split("?")[0].strip())) is not None:
        return email.group(1).casefold()
    if raw.casefold().startswith("mailto:"):
        return ""
    parts = urlsplit(raw if "//" in raw else "//" + raw)
    try:
        host = (parts.hostname or "").casefold().removeprefix("www.").removeprefix("m.")
    except ValueError:
        return ""
    if "xn--" in host:  # «минтруд.рф» and its punycode form are one host
        try:
            host = host.encode("ascii").decode("idna")
        except UnicodeError:
            pass
    path = _INDEX.sub("", parts.path.rstrip("/").casefold())
    return host + path if host else ""


#: a site's start page written out: «/index.php», «/index.html», «/default.aspx»
_INDEX = re.compile(r"/(?:index|default)\.(?:php|html?|aspx?|jsp)$")

_PHONE = re.compile(r"\+?\d[\d\s()‑–-]{4,}\d")
#: an extension after a number: «, доб. 1234», « (доб. 2345)», « вн. 12», « ext. 5»
_EXTENSION = re.compile(r"[\s,;(]*(?:доб(?:авочный)?|вн(?:утренний)?|ext)\.?\s*(?:номер\s*)?[:№]?\s*(\d{1,6})")
_POSTCODE = re.compile(r"\b\d{6}\b")
#: the words of an address that say what kind of place follows; a hyphenated form before its first part
#: («пр-т» before «пр», or «пр-т Ленина» would keep a «т»)
_ADDRESS_WORDS = re.compile(
    r"\b(?:пр-кт|пр-т|б-р|р-н|г|гор|город|ул|улица|пр|просп|проспект|бульвар|пер|переулок|пл|площадь|ш|шоссе|наб|"
    r"набережная|д|дом|стр|строение|корп|корпус|каб|кабинет|оф|офис|эт|этаж|обл|область|район)\b\.?"
)


def _matches(text: str) -> Iterator[tuple[re.Match[str], str]]:
    """Each telephone number in ``text`` (positions in ``text`` as given) and its digits: ``7`` and ten digits for
    a full number, the six or seven of a local one."""
    for mt in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", mt.group(0))
        if len(digits) == 11 and digits[0] in "78":
            digits = "7" + digits[1:]
        elif len(digits) == 10:
            digits = "7" + digits
        elif not (len(digits) in (6, 7) and re.search(r"\d[‑–-]\d", mt.group(0))):
            continue
        yield mt, digits


def phone_numbers(*texts: str | None) -> list[str]:
    """The telephone numbers in ``texts``, digits only, in order: ``8 (800) 100-20-30``, ``+7 800 1002030`` and
    ``800 100 20 30`` are all ``78001002030``. A local number of six or seven digits counts when written with
    dashes (``12-34-56``), so a postcode or «1 000 000» is not one. An extension written after a number is part of
    it (``8 (4872) 24-51-00, доб. 1234`` is ``74872245100 доб 1234``): the lines of two units reached through the
    agency's number are two lines."""
    out: list[str] = []
    for text in texts:
        if not text:
            continue
        text = unicodedata.normalize("NFKC", text)
        folded = text.casefold()
        for mt, digits in _matches(text):
            ext = _EXTENSION.match(folded, mt.end())
            if ext:
                digits += " доб " + ext.group(1)
            if digits not in out:
                out.append(digits)
    return out


def phone_spans(text: str) -> list[tuple[int, int, str]]:
    """Where ``text`` holds a telephone number (as :func:`phone_numbers` reads them): start, end and its digits
    (the site makes each a ``tel:`` link in place)."""
    return [(mt.start(), mt.end(), digits) for mt, digits in _matches(text)]


def phone_as_written(text: str) -> str:
    """The first telephone number in ``text`` as it is written there (:func:`phone_numbers` finds it); ``""``
    when there is none: «Телефон отдела 8 (4872) 24-51-00» -> «8 (4872) 24-51-00»."""
    return next((mt.group(0) for mt, _ in _matches(unicodedata.normalize("NFKC", text))), "")


def phone_digits(text: str) -> str:
    """The digits of the first phone number in ``text`` (:func:`phone_numbers`); ``""`` when there is none."""
    found = phone_numbers(text)
    return found[0] if found else ""


#: the region before the city: «Тульская обл.», «Краснодарский край», «Республика Татарстан» (one register writes
#: it, another does not)
_REGION = re.compile(r"\b\w+(?:ая|ий|ой)\s+(?:обл|область|край)\b\.?|\b(?:республика|респ)\b\.?\s+\w+")


def norm_address(address: str) -> str:
    """A street address without the postcode, the region, the abbreviations (г., ул., д.) and punctuation, its
    words in order of the alphabet and its numbers in their own order: «ул. Оборонная, д. 114, г. Тула» and
    «300041, Тульская обл., г. Тула, ул. Оборонная, 114» are one address (the numbers keep their order: «д. 2,
    корп. 1» is not «д. 1, корп. 2»)."""
    text = _POSTCODE.sub(" ", unicodedata.normalize("NFC", address).casefold().replace("ё", "е"))
    text = _REGION.sub(" ", text)
    words = norm_text(_ADDRESS_WORDS.sub(" ", re.sub(r"[.,]", " . ", text))).split()
    return " ".join(sorted(w for w in words if not w.isdigit()) + [w for w in words if w.isdigit()])


# --- keys -------------------------------------------------------------------------------------------------------


def touchpoint_keys(
    name: str,
    channel: str,
    url: str | None = None,
    phone: str | None = None,
    address: str | None = None,
) -> tuple[TouchpointKey, ...]:
    """Every identity of a touchpoint, the most specific first (URL, phones, address, names); two touchpoints are
    the same when they share one and no identifier tells them apart (:func:`same_touchpoint`).

    The phone is the touchpoint's own: ``phone`` or a ``tel:`` URL, else a number in its name. There is no
    ``description``: what free text says («звонки переводятся на 8-800-…») is not the touchpoint's identity. A
    value that is still a placeholder of ``tpkit init`` («<город, улица, дом>») identifies nothing.
    """
    keys: list[TouchpointKey] = []
    url, phone, address = (None if holds_placeholder(v) else v for v in (url, phone, address))
    if url and (u := norm_url(url)):
        keys.append((channel, "url", u))
    tel = url if url and url.strip().casefold().startswith("tel:") else None
    own = phone_numbers(phone, tel) or phone_numbers(name)
    keys.extend((channel, "phone", p) for p in own)
    if address and channel in ADDRESS_CHANNELS and (a := norm_address(address)):
        keys.append((channel, "address", a))
    if channel in ADDRESS_CHANNELS and (address or own) and names_a_stage(name) and not _owned(name):
        keys.append((channel, STAGED, ""))
    if not holds_placeholder(name):
        keys.extend((channel, "name", n) for n in name_keys(name))
    return tuple(dict.fromkeys(keys))


def touchpoint_keys_of(tp: m.Touchpoint) -> tuple[TouchpointKey, ...]:
    """:func:`touchpoint_keys` of a catalogue entry."""
    return touchpoint_keys(tp.name, tp.channel, url=tp.url, phone=tp.phone, address=tp.address)


def touchpoint_key(
    name: str, channel: str, url: str | None = None, phone: str | None = None, address: str | None = None
) -> TouchpointKey:
    """The most specific identity: the URL, else the phone, else the address, else the name without stage words."""
    keys = touchpoint_keys(name, channel, url, phone, address)
    return keys[0] if keys else (channel, "name", "")


def conflicting(a: Iterable[TouchpointKey], b: Iterable[TouchpointKey]) -> bool:
    """Whether an identifier tells two touchpoints apart: both have a URL (a phone, an address) and they share
    none. One that only one of them has says nothing."""
    a, b = tuple(a), tuple(b)
    for kind in IDENTIFIERS:
        mine = {k for k in a if k[1] == kind}
        if not mine:
            continue
        theirs = {k for k in b if k[1] == kind}
        if theirs and mine.isdisjoint(theirs):
            return True
    return False


def _staged(keys: Iterable[TouchpointKey]) -> bool:
    return any(k[1] == STAGED for k in keys)


#: words that make a name another place's: a unit's («Приемная отдела опеки») or an official's («… министра»)
_OWNER = re.compile(
    r"^(?:отдел|управлени|департамент|сектор|служб|филиал|комитет|министр(?!ерств)|руководител|заместител|"
    r"начальник|губернатор|глав[аыеуо]|уполномоченн)"
)


def _owned(name: str) -> bool:
    """Whether a name says whose place it is: a unit's or an official's («Прием документов отделом опеки»). Such a
    stage-named entry is that unit's place, not the building's reception written once per stage."""
    return any(_OWNER.match(w) for w in norm_text(name).split())


def nested_names(a: Iterable[TouchpointKey], b: Iterable[TouchpointKey]) -> bool:
    """Whether one touchpoint's name is the other's with words added that name no unit or official: «Приемная
    министерства» and «Приемная граждан министерства», not «Приемная» and «Приемная отдела опеки»."""
    mine = [set(k[2].split()) for k in a if k[1] == "name"]
    theirs = [set(k[2].split()) for k in b if k[1] == "name"]
    for x in mine:
        for y in theirs:
            small, big = (x, y) if len(x) <= len(y) else (y, x)
            if small <= big and not any(_OWNER.match(w) for w in big - small):
                return True
    return False


def _needs_relation(key: TouchpointKey) -> bool:
    """Whether a shared key makes two touchpoints one only when they are related (:func:`shares`): a street address,
    and the phone of a point a client comes to — one building holds several places, and the receptions of an
    agency (the minister's personal reception, a unit's office) and the offices of one МФЦ operator give one
    switchboard or one hotline number."""
    return key[1] == "address" or (key[1] == "phone" and key[0] in ADDRESS_CHANNELS)


def shares(key: TouchpointKey, related: bool) -> bool:
    """Whether ``key``, held by both touchpoints, makes them one (unless an identifier tells them apart);
    ``related``: one of them is named by a stage (:func:`names_a_stage`) or their names are nested
    (:func:`nested_names`). A street address makes them one only then: one building holds the reception, the
    minister's personal reception and a unit's office, each a place of its own, while «Выдача результатов» at the
    reception's address is the reception written once per stage."""
    return key[1] != STAGED and (not _needs_relation(key) or related)


def same_touchpoint(a: Iterable[TouchpointKey], b: Iterable[TouchpointKey]) -> bool:
    """Whether two touchpoints, given by their :func:`touchpoint_keys`, are one: they share a key
    (:func:`shares`) and no identifier tells them apart."""
    a, b = tuple(a), tuple(b)
    shared = set(a) & set(b)
    related = _staged(a) or _staged(b) or (any(_needs_relation(k) for k in shared) and nested_names(a, b))
    return any(shares(k, related) for k in shared) and not conflicting(a, b)


class SamenessIndex:
    """Touchpoints seen so far, in groups that are one touchpoint: which group a new touchpoint joins.

    A group is named by its first touchpoint and holds every key of its members, so a touchpoint that an
    identifier tells apart from any member does not join it (an entry without a phone and one with phone A are
    one; a third with phone B is not that one).
    """

    def __init__(self) -> None:
        #: key -> the groups holding it, in the order they were made, each with whether a member holding the key is
        #: named by a stage (:func:`shares`)
        self._by_key: dict[TouchpointKey, dict[str, bool]] = {}
        #: group -> the keys of its members
        self._keys: dict[str, set[TouchpointKey]] = {}
        #: touchpoint -> its group
        self.group: dict[str, str] = {}

    def match(self, keys: Iterable[TouchpointKey]) -> tuple[str, TouchpointKey] | None:
        """The group a new touchpoint is, and the first key they share (None: a touchpoint of its own)."""
        keys = tuple(keys)
        staged = _staged(keys)
        for key in keys:
            for group, theirs in self._by_key.get(key, {}).items():
                related = staged or theirs or (_needs_relation(key) and nested_names(keys, self._keys[group]))
                if shares(key, related) and not conflicting(keys, self._keys[group]):
                    return group, key
        return None

    def find(self, keys: Iterable[TouchpointKey]) -> str | None:
        found = self.match(keys)
        return found[0] if found else None

    def keys_of(self, group: str) -> set[TouchpointKey]:
        """Every key of the group's members."""
        return self._keys.get(group, set())

    def add(self, ident: str, keys: Iterable[TouchpointKey], group: str | None = None) -> str:
        """Put a touchpoint into ``group`` (by default the one it matches, else a group of its own); the group."""
        keys = tuple(keys)
        if group is None:
            found = self.match(keys)
            group = found[0] if found else ident
        self.group[ident] = group
        held = self._keys.setdefault(group, set())
        staged = _staged(keys)
        for key in keys:
            held.add(key)
            groups = self._by_key.setdefault(key, {})
            groups[group] = groups.get(group, False) or staged
        return group


#: a word that says which office or place follows: «г. Новомосковск», «офис в Заречье», «отделение № 2», «в здании
#: министерства»
_PLACE = re.compile(
    r"\b(?:г|гор|город|пгт|пос|поселок|с|село|мкр|микрорайон|ул|улица|пр|проспект|офис|"
    r"отделение|филиал|тосп|здани[еия]|помещени[еия])\b\.?\s*(?:(?:в|во|на|по|№)\s*)?(\w+)"
)


def _places(name: str) -> set[str]:
    """The words that name an office's place in a name: {«новомосковск»} in «МФЦ г. Новомосковск»."""
    return set(_PLACE.findall(norm_text(name)))


_QUOTED = re.compile(r"«([^«»]+)»|\"([^\"]+)\"")


def _other_channel(staged: str, other: str) -> bool:
    """Whether a stage-named entry's name says it is another channel than the operator's other entry: it is the
    ЕПГУ and the other is not («ЕПГУ (подача заявления)» beside the feedback platform, both run by Минцифры), or
    both names hold a name in quotes and the names differ («Центр «Мой бизнес» (консультации)» beside «МФЦ «Мои
    документы»», both run by the МФЦ operator)."""
    mine, theirs = name_keys(staged), name_keys(other)
    if any(k in ONE_CHANNEL_NAMES.values() and k not in theirs for k in mine):
        return True
    quoted_mine = {norm_text(a or b) for a, b in _QUOTED.findall(strip_stage_words(staged))}
    quoted_theirs = {norm_text(a or b) for a, b in _QUOTED.findall(other)}
    return bool(quoted_mine and quoted_theirs and quoted_mine.isdisjoint(quoted_theirs))


def _operator_copies(catalogue: Mapping[str, m.Touchpoint], index: SamenessIndex) -> dict[str, str]:
    """Stage-named entries that are the one other entry of their channel run by the same operator: «МФЦ (выдача
    результата)» beside «Многофункциональный центр …», both run by ГБУ «МФЦ». Stage-named id -> that entry's
    group. Two offices of the operator make it a guess, and none is made."""
    by_operator: dict[tuple[str, str], list[str]] = {}
    for ident, tp in catalogue.items():
        if tp.operator:
            groups = by_operator.setdefault((tp.channel, norm_text(tp.operator)), [])
            if index.group[ident] not in groups:
                groups.append(index.group[ident])
    size = Counter(index.group.values())
    out: dict[str, str] = {}
    for ident, tp in catalogue.items():
        if not tp.operator or index.group[ident] != ident or size[ident] > 1 or not stage_named(tp.name):
            continue  # only an entry that is no other entry and that nothing else is
        others = [g for g in by_operator[(tp.channel, norm_text(tp.operator))] if g != ident]
        if len(others) == 1 and not conflicting(touchpoint_keys_of(tp), index.keys_of(others[0])):
            # a stage-named office that names its place («МФЦ г. Новомосковск (выдача результатов)») is that
            # office, not the one the catalogue happens to list
            if not _places(tp.name) <= set(norm_text(catalogue[others[0]].name).split()):
                continue
            if _other_channel(tp.name, catalogue[others[0]].name):
                continue
            out[ident] = others[0]
    return out


def same_in_catalogue(catalogue: Mapping[str, m.Touchpoint]) -> dict[str, tuple[str, str]]:
    """Catalogue ids that repeat an earlier entry: id -> (the first entry's id, why they are one: url | phone |
    address | name | operator), in one pass over the catalogue (and one over the entries with an operator)."""
    index = SamenessIndex()
    out: dict[str, tuple[str, str]] = {}
    for ident, tp in catalogue.items():
        keys = touchpoint_keys_of(tp)
        found = index.match(keys)
        if found is not None:
            out[ident] = (found[0], found[1][1])
        index.add(ident, keys, found[0] if found else None)
    order = {ident: i for i, ident in enumerate(catalogue)}
    for ident, group in _operator_copies(catalogue, index).items():
        first, later = sorted((ident, group), key=order.__getitem__)
        out[later] = (first, "operator")
        for member, (owner, why) in list(out.items()):
            if owner == later:  # the later group's members are the earlier entry now
                out[member] = (first, why)
    return dict(sorted(out.items(), key=lambda kv: order[kv[0]]))


def channel_of(reg: Registry, ident: str) -> str:
    """The catalogue id an entry stands for: itself, or the first entry of the same channel."""
    return reg.same_touchpoints.get(ident, (ident, ""))[0]
