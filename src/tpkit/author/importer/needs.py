"""Free text in a register's cells: the form from «цифровая/оффлайн» words wherever they stand, accessibility from
«пандус», «кнопка вызова». Needs from «- подача заявления; - получение результата» are the registry's synonym table
(:mod:`tpkit.registry.synonyms`), which lint reads too.
"""

from __future__ import annotations

import re

from ...registry.synonyms import norm, stems

#: words that make a cell item say the touchpoint's form
FORM_STEMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (stems(r"цифров~", r"онлайн~", r"электронн~ точк~", r"дистанционн~"), "digital"),
    (stems(r"оф?флайн~", r"очн~"), "offline"),
)

#: words that make a cell item a note on equal access (``accessibility`` of the catalogue entry)
ACCESSIBILITY_STEMS = stems(
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


def form_in(text: str) -> str | None:
    """``digital`` or ``offline`` when the text says so («цифровая точка», «оффлайн точка»)."""
    s = norm(text)
    for pattern, form in FORM_STEMS:
        if pattern.search(s):
            return form
    return None


def is_accessibility(text: str) -> bool:
    return ACCESSIBILITY_STEMS.search(norm(text)) is not None
