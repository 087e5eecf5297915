"""Loose matching of what people type in Excel, and readable ids made from Russian names."""

from __future__ import annotations

import re

from ...registry.synonyms import norm as norm  # the importer compares cells as the synonym table does

#: column key -> extra header spellings (normalized), beyond the column's own labels
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "n": ("n", "номер", "п п", "n п п", "no", "#"),
    "pid": ("id процесса", "id", "идентификатор процесса", "process id"),
    "process": (
        "наименование процесса",
        "процесс услуга",
        "услуга",
        "услуга функция",
        "наименование услуги",
        "функция",
        "наименование услуги функции",
        "мера поддержки",
    ),
    "touchpoint": (
        "точка",
        "точки взаимодействия",
        "наименование точки взаимодействия",
        "точка взаимодействия с клиентом",
        "точки контакта",
        "точка контакта",
        "точки контакта с клиентом",
    ),
    "form": ("форма точки", "форма точки взаимодействия", "вид точки", "форма взаимодействия"),
    "needs": (
        "потребности",
        "потребность",
        "удовлетворяемая потребность",
        "удовлетворяемые потребности клиента",
        "виды взаимодействия",
        "вид взаимодействия",
        "порядок взаимодействия",
        "порядок взаимодействия с клиентом",
    ),
    "basis": ("основания", "основание работы", "нпа", "правовое основание", "основание использования"),
    "features": ("особенность", "особенности взаимодействия", "особенности взаимодействия с клиентом"),
    "responsible": ("ответственное лицо", "ответственное должностное лицо", "ответственный сотрудник"),
    "demand": ("востребованность точки", "количество обращений", "обращений в год"),
    # a flat table for the whole agency (and tpkit's CSV saved as a workbook): the row's direction
    "direction": ("направление", "направление деятельности", "direction"),
}

#: (stems in a heading, direction), first match wins: «Рассмотрение обращений граждан» -> appeals
HEADING_STEMS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("мер поддержк", "меры поддержк", "мер государственной поддержк", "меры государственной поддержк"), "support"),
    (("контрол", "надзор", "кнд"), "control"),
    (("обращени", "запрос"), "appeals"),
    (("функци",), "functions"),
    (("услуг", "сервис"), "services"),
)


def only_direction(text: str) -> str | None:
    """The direction free text names by the heading stems when it names one only (a sheet's name, a paragraph above
    a table, a direction column's cell): «Перечень услуг и функций» names none."""
    s = " " + norm(text)
    named = {direction for stems, direction in HEADING_STEMS if any(" " + stem in s for stem in stems)}
    return named.pop() if len(named) == 1 else None


def heading_direction(text: str) -> str | None:
    """The direction of activity a heading row names, by word stems; ``None`` when it names none."""
    s = " " + norm(text)
    for stems, direction in HEADING_STEMS:
        if any(" " + stem in s for stem in stems):
            return direction
    return None


FORM_WORDS = {
    "цифровая": "digital",
    "цифровой": "digital",
    "digital": "digital",
    "онлайн": "digital",
    "оффлайн": "offline",
    "офлайн": "offline",
    "offline": "offline",
    "очная": "offline",
    "очный": "offline",
}

#: (words in the touchpoint's name, channel), first match wins; checked against the form
CHANNEL_HINTS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("платформа обратной связи", "пос"), "portal"),
    (("епгу", "госуслуг", "единый портал"), "portal"),
    (("чат бот", "чатбот", "чат-бот"), "chatbot"),
    (("мобильное приложение",), "mobile_app"),
    (("вконтакте", "социальн", "телеграм канал", "одноклассник"), "social_network"),
    (("мессенджер", "telegram", "телеграм", "whatsapp", "max"), "messenger"),
    (("голосов",), "voice_assistant"),
    (("контактный центр", "колл центр", "call центр", "горяч"), "call_center"),
    (("телефон",), "phone"),
    (("электронная почта", "e mail", "email"), "email"),
    (("api", "смэв", "программн"), "api"),
    (("сайт", "портал"), "website"),
    (("мфц", "мои документы", "многофункциональн"), "one_stop_center"),
    (("мой бизнес",), "business_center"),
    (("занятост",), "employment_center"),
    (("миграц",), "migration_center"),
    (("туристическ",), "tourist_center"),
    (("почтов", "почта россии", "по почте"), "mail"),
    (("школ", "больниц", "поликлиник", "интернат"), "long_stay"),
    (("прием", "приемная", "кабинет", "отдел", "центр", "учреждени", "окно"), "reception"),
)

#: Russian letters in Latin letters, for ids («ъ» and «ь» are dropped)
_TRANSLIT: dict[str, str] = {
    **dict(
        zip(
            "абвгдеёжзийклмнопрстуфхцчшщыэюя",
            "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch y e yu ya".split(),
            strict=True,
        )
    ),
    "ъ": "",
    "ь": "",
}


def slug(text: str, limit: int = 40) -> str:
    """A readable id from Russian text: «Выдача удостоверения» -> ``vydacha-udostovereniya``."""
    out = "".join(_TRANSLIT.get(ch, ch) for ch in text.casefold())
    words = re.findall(r"[a-z0-9]+", out)
    result = ""
    for w in words:
        candidate = f"{result}-{w}" if result else w
        if len(candidate) > limit and result:
            break
        result = candidate[:limit]
    # do not end on a preposition or a conjunction: «...-vyplaty-na»
    parts = result.split("-")
    while len(parts) > 1 and len(parts[-1]) <= 2:
        parts.pop()
    return "-".join(parts) or "item"


def unique_id(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``… if taken; the id returned is added to ``taken``."""
    ident, n = base, 2
    while ident in taken:
        ident = f"{base}-{n}"
        n += 1
    taken.add(ident)
    return ident


def guess_channel(name: str, form: str | None) -> str:
    """The channel a touchpoint's name suggests (within ``form``, when known)."""
    from ...registry.enums import CHANNELS

    text = " " + norm(name) + " "
    for words, channel in CHANNEL_HINTS:
        if form is not None and CHANNELS[channel]["form"] != form:
            continue
        if any((" " + w + " " in text) if len(w) <= 4 else (w in text) for w in words):
            return channel
    return "other_offline" if form == "offline" else "other_digital"


def well_known_id(name: str) -> str | None:
    """``epgu``, ``pos`` or ``mfc`` for the touchpoints every agency names alike; ``None`` for others."""
    text = norm(name)
    words = text.split()
    if "платформа обратной связи" in text or "пос" in words:
        return "pos"
    if "епгу" in words or "единый портал" in text:
        return "epgu"
    if "мфц" in words or "многофункциональн" in text:
        return "mfc"
    return None


def touchpoint_id(name: str, channel: str, taken: set[str]) -> str:
    """An id for a new touchpoint: ``epgu``, ``pos``, ``mfc`` for the well-known ones, else the channel."""
    return unique_id(well_known_id(name) or channel.replace("_", "-"), taken)
