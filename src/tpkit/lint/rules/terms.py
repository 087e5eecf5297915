"""When a text says *when*: the grammar of a stated term («в течение 5 рабочих дней», «через неделю», «к 25 числу
следующего месяца», «в день обращения», «незамедлительно»), for TP307.

A term is one of the :data:`FORMS` below, each built from named parts; a text states a term when one form
matches somewhere in it. What is not a term: a reference to a term stated elsewhere («в установленный срок», «в
срок, установленный регламентом»), a promise of speed («в кратчайшие сроки», «своевременно», «оперативно»), and
an event without a time («по мере рассмотрения», «по мере поступления», «после проверки документов»). The word
«срок» alone is none: «срок — 30 дней» is a term because of «30 дней». What only looks like a length or a date is
taken out first (:data:`NOT_TERMS`): an act's date («от 02.05.2006 № 59-ФЗ»), an age in a benefit's name («на
ребенка в возрасте от 3 до 7 лет»), a calendar year («за 2025 год»). ``tests/data/terms.yaml`` holds the corpus
the grammar is tested on (phrases from administrative regulations and from 59-ФЗ, and composed ones).

Parts are regular expressions over the text in lower case with «ё» read as «е»; a part names what it stands for,
and a form is a short sentence of parts. Keep a part to one idea: a new way of saying a term is a new form or a new
word in a part, not a longer expression.
"""

from __future__ import annotations

import re
from functools import lru_cache

# --- parts: words ---------------------------------------------------------------------------------------------


def _words(*alternatives: str) -> str:
    """A group of alternatives, each a whole word (or a stem followed by ``\\w*``)."""
    return r"(?:" + "|".join(alternatives) + r")"


#: a cardinal number in words, in any case: «один», «одного», «двух», «пяти», «двенадцати», «тридцати», «полутора»
NUMBER_WORD = _words(
    r"один",
    r"одн(?:а|о|ого|ой|ому|у|им|ом|и|их|ими)",
    r"дв(?:а|е|ух|ум|умя)",
    r"тр(?:и|ех|ем|емя)",
    r"четыр(?:е|ех|ем|ьмя)",
    r"(?:один|две|три|четыр|пят|шест|сем|восем|девят)надцат(?:ь|и|ью)",
    r"(?:пят|шест|сем|девят|десят|двадцат|тридцат)(?:ь|и|ью)",
    r"восем(?:ь|ью)",
    r"восьм(?:и|ью)",
    r"сорок(?:а)?",
    r"(?:пять|шесть|семь|восемь)десят",
    r"(?:пяти|шести|семи|восьми)десяти",
    r"девяност[оа]",
    r"сто",
    r"ста",
    r"полтор[аы]",
    r"полутора",
)
#: a number: digits («10», «1,5», «30-х», «5-ти»), two of them («двадцать пять»), or with the words in brackets
#: («1 (одного)»); a number in words is read as digits first (:func:`term_form`), so the forms stay small
NUMBER = r"(?:\d+(?:[.,]\d+)?(?:-?(?:х|ти|ми|и))?(?:\s+\d+)?(?:\s*\(\s*\d+(?:\s+\d+)?\s*\))?)"
#: one number or a range: «3–5», «3-5», «трех-пяти», «от 3 до 5», «2 или 3»
COUNT = r"(?:(?:от\s+)?" + NUMBER + r"(?:\s*(?:[-–—]|до|или)\s*" + NUMBER + r")?)"
#: what kind of day or hour: «рабочих», «календарных», «банковских», «полных»
QUALIFIER = r"(?:(?:рабоч|календарн|банковск|полн|астрономическ)\w*\s+|(?:раб|кал|календ)\.\s*)"
#: a unit of time, in any form: «минут», «часа», «суток», «дней», «дня», «недели», «месяцев», «квартала», «лет»
UNIT = _words(
    r"минут\w*", r"(?:пол)?час(?:а|ов|ам|ах)?", r"получас\w*", r"сут(?:ки|ок|кам)", r"дн(?:я|ей|ям|ях)", r"день",
    r"недел\w*", r"месяц\w*", r"квартал\w*", r"(?:полу?)?год(?:а|у|ом)?", r"полугоди\w*", r"лет",
    # a spreadsheet's abbreviations: «10 раб. дн.», «5 р.д.», «30 к/д», «15 мин.», «24 ч.» (not «ч. 1 ст. 12»)
    r"дн", r"мин", r"сут", r"ч\b(?!\.?\s*\d)", r"[рк]\.\s?д", r"[рк]/д",
)  # fmt: skip
#: a length of time: «10 рабочих дней», «пяти дней», «3–5 дней», «1 (одного) рабочего дня»; «5-дневный», «месячный срок»
DURATION = (
    r"(?:" + COUNT + r"\s+" + QUALIFIER + r"?" + UNIT + r"\b"
    r"|(?:\d+-?|одно|двух|трех|четырех|пяти|шести|семи|десяти|пятнадцати|двадцати|тридцати)"
    r"(?:дневн|недельн|месячн|часов|минутн)\w*"
    r"|(?:суточн|недельн|месячн|годичн)\w*\s+срок\w*)"
)
#: one unit, the number left out: «недели», «месяца», «рабочего дня», «суток»
ONE_UNIT = r"(?:" + QUALIFIER + r"?" + UNIT + r"\b)"
#: an ordinal: «первый», «третьего», «пятому» (a stem and an adjective's ending)
ORDINAL = (
    r"(?:перв|втор|трет|четверт|пят|шест|седьм|восьм|девят|десят|двадцат|тридцат)"
    r"(?:ый|ой|ий|ого|его|ому|ему|ым|ом|ем|ая|ую|ое|ье|ьего|ьему|ьем|ья|ью)"
)
#: an ordinal in digits: «5-го», «3-й», «10-му»
ORDINAL_DIGITS = r"(?:\d{1,2}-?(?:й|го|ого|ый|ой|ий|му|ому|м))"
#: a month by name: «марта», «декабре»
MONTH = r"(?:январ|феврал|март|апрел|ма[яйе]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*"
#: a weekday: «понедельник», «по средам», «до пятницы» («среда» alone is also an environment: it needs a preposition)
WEEKDAY = (
    r"(?:понедельник\w*|вторник\w*|четверг\w*|пятниц\w*|суббот\w*|воскресень\w*|(?:в|во|по|до|к|кажд\w+)\s+сред\w*)"
)
#: a period: «месяц», «квартал», «год», «неделя»
PERIOD = r"(?:месяц\w*|квартал\w*|год\w*|недел\w*)"
#: a day that is not a length: «день», «дня», «дню»
DAY = r"(?:день|дня|дню|днем)"
#: words that make «в день, …» a day someone will choose, not a stated one
CHOSEN = r"(?:согласован|назначен|установлен|определен|указан|выбран)\w*"

#: a calendar year, read as one word before the forms are tried (:data:`NOT_TERMS`): «2027 года», «2026 г.»
YEAR = "<год>"

# --- not terms: what reads as a length or a date and is not one --------------------------------------------------

#: taken out of the text before the forms are tried (a calendar year becomes :data:`YEAR`): an act's date («от
#: 02.05.2006 № 59-ФЗ», «от 20 ноября 2012 г.»), an age in a benefit's name («на ребенка в возрасте от 3 до 7 лет»,
#: «ребенком до полутора лет», «в возрасте до 1,5 лет»), how long a benefit lasts («назначается на 12 месяцев»,
#: «сроком на 5 лет»), an office's hours («6 дней в неделю», «с 9:00 до 18:00»)
NOT_TERMS: tuple[tuple[str, str], ...] = (
    (
        r"\bот\s+(?:\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+"
        + MONTH
        + r"(?:\s+\d{4})?)(?:\s*г\.?(?!\w))?",
        " ",
    ),
    (r"\bвозраст\w*\s+(?:от\s+|до\s+)?" + COUNT + r"\s+(?:до\s+" + COUNT + r"\s+)?(?:лет|года?|месяц\w*)", " "),
    (r"\b(?:ребен\w*|детей|детям|детьми)\s+(?:от\s+" + COUNT + r"\s+)?до\s+" + COUNT + r"\s+(?:лет|года?)", " "),
    # an age without «возраст»: «супруги до 35 лет», «гражданам старше 60 лет», «достигшим 18 лет» (nobody waits years
    # for a next step: «до N лет» is whom a measure is for)
    (r"\b(?:до|старше|младше|моложе|достигш\w*|достижени\w*)\s+(?:возраста\s+)?" + COUNT + r"\s+лет\b", " "),
    # the period a document or income covers: «сведения о доходах семьи за 12 месяцев», «выписка за 3 месяца», «отчет
    # за квартал» (not «за 3 дня до начала»: a term)
    (
        r"\b(?:доход\w*|сведени\w*|выписк\w*|справк\w*|отчет\w*|начислени\w*)\s+(?:[\w-]+\s+){0,3}?за\s+"
        r"(?:последн\w+\s+)?(?:" + COUNT + r"\s+)?(?:календарн\w+\s+)?(?:месяц\w*|год\w*|лет|квартал\w*|полугоди\w*)\b",
        " ",
    ),
    (r"\b(?:19|20)\d\d\s*(?:год\w*|г\.?(?!\w))", YEAR),
    # how long a benefit or a document lasts: «назначается на 12 месяцев», «на срок 1 год», «сроком на 5 лет»
    (
        r"\b(?:(?:назнача|назначен|предоставля|устанавлива)\w*\s+(?:на\s+срок|сроком\s+на|на)|сроком\s+на)\s+"
        + COUNT
        + r"\s+(?:месяц\w*|год\w*|лет)\b",
        " ",
    ),
    # an office's hours: «6 дней в неделю», «24 часа в сутки», «с 9:00 до 18:00», «9:00–18:00»
    (r"\b" + COUNT + r"\s+(?:дн\w*|день|час\w*)\s+в\s+(?:неделю|сутки|день|месяц)", " "),
    (r"(?:\bс\s+)?\b\d{1,2}:\d\d\s*(?:[-–—]|до)\s*\d{1,2}:\d\d\b", " "),
)

# --- forms: a term is one of these ----------------------------------------------------------------------------


def _forms(*alternatives: str) -> str:
    """A form: one of ``alternatives``, each starting at a word."""
    return r"\b(?:" + "|".join(alternatives) + r")"


FORMS: tuple[tuple[str, str], ...] = (
    # «в течение 5 рабочих дней», «в течение месяца», «не более двух рабочих дней», «за 3 дня», «до 10 дней»
    (
        "within",
        _forms(
            rf"(?:в\s+течени[еи]|в\s+пределах|не\s+более(?:\s+чем)?|не\s+свыше|не\s+дольше|не\s+превыша\w*|за|до)"
            rf"\s+(?:{DURATION}|{ONE_UNIT})"
        ),
    ),
    # «через неделю», «через 2 часа», «по истечении 10 дней»
    ("after", _forms(rf"(?:через|по\s+истечении|спустя)\s+(?:{DURATION}|{ONE_UNIT})")),
    # a length anywhere: «срок рассмотрения — 30 дней», «рассматривается 30 дней», «5-дневный срок»
    ("duration", r"(?<![\w-])" + DURATION),
    # a date: «15.03.2026», «2026-03-15», «1 марта», «до 1-го марта», «до 20.03» (the year left out)
    (
        "date",
        _forms(
            r"\d{1,2}\.\d{1,2}\.\d{2,4}",
            r"\d{4}-\d{2}-\d{2}",
            r"\d{1,2}(?:-?го)?\s+" + MONTH,
            r"(?:до|к|с|по|не\s+позднее|не\s+позже)\s+\d{1,2}\.(?:0[1-9]|1[0-2])\b(?!\.\d)",
        ),
    ),
    # a day of the month: «к 25 числу», «не позднее 10-го числа», «с 1 по 25 число», «первого числа»
    (
        "day_of_month",
        _forms(rf"(?:\d{{1,2}}(?:-?(?:го|е|ое|ого|му|ому|й))?|(?:\d+\s+)?{ORDINAL})\s+числ\w*"),
    ),
    # a month or a quarter by name: «в марте», «до декабря», «во II квартале», «в третьем квартале»
    # «во втором полугодии», «до 2027 года» (a year is read as one word first: :data:`NOT_TERMS`)
    (
        "named_period",
        _forms(
            rf"(?:в|во|до|к|с)\s+(?:{MONTH}|(?:i{{1,3}}|iv|{ORDINAL})\s+(?:квартал|полугоди)\w*)",
            rf"(?:в|во|до|к|с|не\s+позднее|не\s+позже)\s+{YEAR}",
        ),
    ),
    # a named day: «в день обращения», «в тот же день», «на следующий рабочий день», «в первый, следующий за ним,
    # рабочий день», «не позднее дня, следующего за днем регистрации», «в последний день месяца», «накануне
    # проверки» — not «в день, согласованный с заявителем»
    (
        "day",
        _forms(
            rf"(?:в|на|не\s+позднее|не\s+позже|до|к)\s+"
            rf"(?:(?:тот\s+же|этот\s+же|следующ\w*|ближайш\w*|последн\w*|{ORDINAL}|{ORDINAL_DIGITS})"
            rf"\s*(?:,\s*следующ\w*\s+за\s+\w+\s*,|\s+за\s+\w+(?:\s+(?:{ORDINAL}|{ORDINAL_DIGITS}))?)?\s+)?"
            rf"{QUALIFIER}?{DAY}\b(?!,?\s*{CHOSEN})",
            # the day before: «накануне проверки»
            r"накануне",
        ),
    ),
    # the edge or the next of a period: «до конца месяца», «к концу рабочего дня», «в следующем месяце»,
    # «в месяце, следующем за месяцем обращения»
    (
        "period",
        _forms(
            rf"(?:до|к|в|не\s+позднее|не\s+позже)\s+(?:конц|окончани|начал|середин)\w*\s+(?:\w+\s+)?(?:{PERIOD}|{DAY})",
            rf"(?:в|во|на|до|к)\s+(?:следующ|очередн|текущ)\w*\s+{PERIOD}",
            rf"{PERIOD},?\s+следующ\w*\s+за",
        ),
    ),
    # at once: «незамедлительно», «немедленно», «сразу после регистрации», «в момент подачи», «непосредственно после
    # завершения», «в режиме реального времени»
    # «в ходе личного приема», «во время звонка»: during the contact itself
    (
        "immediately",
        _forms(
            r"(?:незамедлительн|немедленн|безотлагательн|мгновенн)\w*",
            r"сразу",
            r"непосредственно\s+(?:после|по)",
            r"в\s+режиме\s+реального\s+времени",
            r"в\s+момент",
            r"(?:в\s+ходе|во\s+время)\s+(?:\w+\s+)?(?:при[её]м|звонк|разговор|визит|консультаци|бесед|встреч)\w*",
        ),
    ),
    # a weekday: «по понедельникам», «до пятницы», «в среду»
    ("weekday", _forms(WEEKDAY)),
    # a time of day: «до 18:00», «в 10:30»
    ("time_of_day", _forms(r"(?:[01]?\d|2[0-3]):[0-5]\d\b")),
    # a regular schedule: «ежемесячно», «еженедельно», «два раза в месяц», «каждый месяц»
    (
        "regularly",
        _forms(
            r"(?:ежедневн|еженедельн|ежемесячн|ежеквартальн|ежегодн)о\b",
            r"(?:раза?|дважды|трижды)\s+в\s+(?:день|сутки|неделю|месяц|квартал|год)",
            r"кажд\w+\s+(?:день|неделю|месяц|квартал|год)",
        ),
    ),
)


@lru_cache(maxsize=1)
def _compiled() -> tuple[
    re.Pattern[str], tuple[tuple[re.Pattern[str], str], ...], tuple[tuple[str, re.Pattern[str]], ...]
]:
    """The number-words pattern and the forms, compiled when a text is first read (a registry without
    notifications never pays for it)."""
    return (
        re.compile(r"\b" + NUMBER_WORD + r"\b"),
        tuple((re.compile(rx), by) for rx, by in NOT_TERMS),
        tuple((name, re.compile(rx)) for name, rx in FORMS),
    )


def _fold(text: str) -> str:
    """Lower case, «ё» as «е», single spaces, and numbers in words as digits («пяти рабочих дней» → «1 рабочих
    дней»): a form needs to know that a number stands there, not which."""
    folded = " ".join(text.casefold().replace("ё", "е").replace("\u00a0", " ").split())
    numbers, not_terms, _forms = _compiled()
    folded = numbers.sub("1", folded)
    for pattern, by in not_terms:
        folded = pattern.sub(by, folded)
    return folded


@lru_cache(maxsize=4096)  # a register repeats the same few next steps in every process of a kind
def term_form(text: str) -> str | None:
    """The name of the first form of :data:`FORMS` that ``text`` states a term in (None: it states none)."""
    folded = _fold(text)
    for name, pattern in _compiled()[2]:
        if pattern.search(folded):
            return name
    return None


def has_term(text: str) -> bool:
    """Whether ``text`` says when (:func:`term_form`)."""
    return term_form(text) is not None
