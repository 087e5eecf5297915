"""Need codes from words: the one synonym table of the nine standard needs, for the importer and for lint.

A register kept in Excel or Word names needs in words («- подача заявления в электронной форме; - получение
результата»); a YAML file written by hand sometimes does too (``needs: [информирование]``). Both readers map the
words to codes through :data:`NEED_STEMS` with :func:`needs_in`: the importer turns a cell into needs
(``tpkit import``), and TP003 suggests the code for an unknown need (``информирование`` → ``info``).

Needs are matched on word stems (a word's start, any ending), in an order that lets the more specific phrase win:
«информирование о ходе рассмотрения» is ``status``, not ``info``; «ответ на жалобу» is ``feedback_result``, not
``feedback``. A matched phrase is taken out of the text before the next need is looked for. Text is compared in
:func:`norm` form.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from .enums import NEEDS

__all__ = ["NEED_STEMS", "needs_in", "norm", "stems"]


def norm(text: Any) -> str:
    """Unicode normal form (NFC), case, «ё», quotes, punctuation and runs of spaces do not matter."""
    s = unicodedata.normalize("NFC", str(text if text is not None else ""))
    s = s.replace("\u00a0", " ").casefold().replace("ё", "е")
    s = re.sub(r"[«»\"'“”„.,:;()\[\]/\\№#*_–—-]+", " ", s)
    return " ".join(s.split())


_W = r"[а-яa-z0-9]*"  # the rest of a word: any ending


def stems(*patterns: str) -> re.Pattern[str]:
    """Patterns over normalised text; ``~`` stands for «the rest of the word»."""
    return re.compile("|".join(r"(?<![а-яa-z0-9])" + p.replace("~", _W) for p in patterns))


#: (need, stems), in the order they are looked for
NEED_STEMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "feedback_result",
        stems(
            r"ответ~ (на|по) (отзыв|жалоб|обратн|оценк)~( связ~)?",
            r"результат~ рассмотрени~ (отзыв|жалоб|обратн|оценк)~( связ~)?",
        ),
    ),
    (
        "status",
        stems(
            r"((получени~|информирован~|уведомлени~|информаци~|сведени~) )?(о )?"
            r"(ход~|статус~|этап~|стади~) (рассмотрени|предоставлени|исполнени|обработк)~( \S+)?",
            r"статус~( \S+)?",
            r"отслеживани~( \S+)?",
        ),
    ),
    (
        "feedback",
        stems(
            r"оценк~ (качеств|работ|удовлетвор)~( \S+)?",
            r"отзыв~",
            r"жалоб~",
            r"обратн~ связ~",
            r"досудебн~ обжаловани~",
        ),
    ),
    (
        "inspection",
        stems(
            r"(предоставлени~|представлени~) (\S+ )?объект~( \S+)?",
            r"(осмотр|обследовани|выездн~ проверк|проверк~ объект)~",
        ),
    ),
    ("forms", stems(r"(получени~ )?(форм|бланк|шаблон|образц)~ (документ|заявлени|обращени|запрос)~", r"бланк~")),
    ("consultation", stems(r"(получени~ )?консультац~", r"консультировани~")),
    (
        "submit",
        stems(
            r"(подач|подат|при[её]м|приним|направлени|представлени|предоставлени|регистраци)~ (\S+ )?"
            r"(заявлени|обращени|запрос|документ|сведени|ходатайств)~",
        ),
    ),
    (
        "result",
        stems(
            r"(получени|направлени)~ (\S+ )?(результат|ответ|решени|документ|разъяснени|справк|удостоверени)~",
            r"(выдач|вручени)~( \S+)?",
            r"результат~",
            r"ответ~ (на|по) (обращени|запрос|заявлени)~",  # «получение результата, ответа, разъяснения»
            r"(получени~ )?разъяснени~(?![а-яa-z0-9]| порядк)",
        ),
    ),
    (
        "info",
        stems(
            r"(получени~ )?информаци~",
            r"информировани~",
            r"справочн~",
            r"informat~",
            r"(получени~ )?сведени~",
            r"разъяснени~ порядк~",
        ),
    ),
)


def needs_in(text: str) -> list[str]:
    """The standard needs a piece of text names, by word stems, in the order of the nine (none: ``[]``)."""
    s = norm(text)
    found: list[str] = []
    for need, pattern in NEED_STEMS:
        s, n = pattern.subn(" ", s)
        if n:
            found.append(need)
    standard = list(NEEDS)
    return sorted(found, key=standard.index)
