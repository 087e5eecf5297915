"""Free text in a register's cells: needs from «- подача заявления в электронной форме; - получение результата»,
the form from «цифровая/оффлайн» words wherever they stand, accessibility from «пандус», «кнопка вызова».

Needs are matched on word stems (a word's start, any ending), in an order that lets
the more specific phrase win: «информирование о ходе рассмотрения» is ``status``,
not ``info``; «ответ на жалобу» is ``feedback_result``, not ``feedback``. A matched
phrase is taken out of the text before the next need is looked for.
"""

from __future__ import annotations

import re

from .match import norm

_W = r"[а-яa-z0-9]*"  # the rest of a word: any ending


def _stems(*patterns: str) -> re.Pattern[str]:
    """Patterns over normalised text; ``~`` stands for «the rest of the word»."""
    return re.compile("|".join(r"(?<![а-яa-z0-9])" + p.replace("~", _W) for p in patterns))


#: (need, stems), in the order they are looked for
NEED_STEMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "feedback_result",
        _stems(
            r"ответ~ (на|по) (отзыв|жалоб|обратн|оценк)~( связ~)?",
            r"результат~ рассмотрени~ (отзыв|жалоб|обратн|оценк)~( связ~)?",
        ),
    ),
    (
        "status",
        _stems(
            r"((получени~|информирован~|уведомлени~|информаци~|сведени~) )?(о )?"
            r"(ход~|статус~|этап~|стади~) (рассмотрени|предоставлени|исполнени|обработк)~( \S+)?",
            r"статус~( \S+)?",
            r"отслеживани~( \S+)?",
        ),
    ),
    (
        "feedback",
        _stems(
            r"оценк~ (качеств|работ|удовлетвор)~( \S+)?",
            r"отзыв~",
            r"жалоб~",
            r"обратн~ связ~",
            r"досудебн~ обжаловани~",
        ),
    ),
    (
        "inspection",
        _stems(
            r"(предоставлени~|представлени~) (\S+ )?объект~( \S+)?",
            r"(осмотр|обследовани|выездн~ проверк|проверк~ объект)~",
        ),
    ),
    ("forms", _stems(r"(получени~ )?(форм|бланк|шаблон|образц)~ (документ|заявлени|обращени|запрос)~", r"бланк~")),
    ("consultation", _stems(r"(получени~ )?консультац~", r"консультировани~")),
    (
        "submit",
        _stems(
            r"(подач|подат|при[её]м|приним|направлени|представлени|предоставлени|регистраци)~ (\S+ )?"
            r"(заявлени|обращени|запрос|документ|сведени|ходатайств)~",
        ),
    ),
    (
        "result",
        _stems(
            r"(получени|направлени)~ (\S+ )?(результат|ответ|решени|документ|разъяснени|справк|удостоверени)~",
            r"(выдач|вручени)~( \S+)?",
            r"результат~",
        ),
    ),
    ("info", _stems(r"(получени~ )?информаци~", r"информировани~", r"справочн~")),
)

#: words that make a cell item say the touchpoint's form
FORM_STEMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (_stems(r"цифров~", r"онлайн~", r"электронн~ точк~", r"дистанционн~"), "digital"),
    (_stems(r"оф?флайн~", r"очн~"), "offline"),
)

#: words that make a cell item a note on equal access (``accessibility`` of the catalogue entry)
ACCESSIBILITY_STEMS = _stems(
    r"пандус~",
    r"кнопк~ вызова",
    r"сурдопереводчик~",
    r"тифлосурдопереводчик~",
    r"сурдоперевод~",
    r"маломобильн~",
    r"инвалид~",
    r"брайл~",
    r"индукционн~ петл~",
    r"тактильн~",
    r"подъемник~",
    r"доступн~ сред~",
    r"на дому",
)


def split_items(text: str) -> list[str]:
    """The items of a free-text cell: split by «;», lines and list marks («-», «•», «1)»)."""
    pieces = re.split(r"[;\n]+|(?:^|\s)[-–—•·▪]\s+|(?:^|\s)\d{1,2}[).]\s+", text)
    return [p.strip(" \t-–—•.,") for p in pieces if p and p.strip(" \t-–—•.,")]


def needs_in(text: str) -> list[str]:
    """The needs one item of free text names, by word stems (none: ``[]``)."""
    s = norm(text)
    found: list[str] = []
    for need, pattern in NEED_STEMS:
        s, n = pattern.subn(" ", s)
        if n:
            found.append(need)
    from ...registry.enums import NEEDS

    standard = list(NEEDS)
    return sorted(found, key=standard.index)


def form_in(text: str) -> str | None:
    """``digital`` or ``offline`` when the text says so («цифровая точка», «оффлайн точка»)."""
    s = norm(text)
    for pattern, form in FORM_STEMS:
        if pattern.search(s):
            return form
    return None


def is_accessibility(text: str) -> bool:
    return ACCESSIBILITY_STEMS.search(norm(text)) is not None
