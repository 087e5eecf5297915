"""What ``tpkit init`` and ``tpkit new`` write where only the agency knows the value: a visible placeholder.

A new registry must not hold believable invented data — a person's name, an order's number and date, a web or
street address — that could be signed unnoticed. Where the worked example needs such a value it holds one of
:data:`PLACEHOLDERS` instead: a few words in angle brackets saying what to write («<Фамилия Имя Отчество>»). The
writers fill their templates' ``__PLACEHOLDER_<NAME>__`` tokens from this table (:func:`fill`), and the lint rule
TP009 ``placeholder-left`` reports every value that still holds one (:func:`placeholders_in`), so the table is
the one list both read. The approval of the register and of a procedure is not invented at all: it is absent
until someone enters it (TP203, TP311).

A placeholder is a plain YAML scalar (no «: », no « #», not starting with a YAML indicator), so a template stays
valid YAML and a value may be replaced in place.
"""

from __future__ import annotations

import re

__all__ = ["PLACEHOLDERS", "fill", "holds_placeholder", "placeholders_in"]

#: name -> the placeholder written for it (each starts with «<» and ends with «>»)
PLACEHOLDERS: dict[str, str] = {
    "AGENCY": "<полное наименование ведомства>",
    "AGENCY_SHORT": "<краткое наименование ведомства>",
    "HEAD": "<И. О. Фамилия руководителя>",
    "PERSON": "<Фамилия Имя Отчество>",
    "SITE": "<адрес официального сайта>",
    "ADDRESS": "<город, улица, дом>",
    "SCHEDULE": "<дни и часы работы>",
    "NUMBER": "<номер документа>",
    "DATE": "<ГГГГ-ММ-ДД>",
    "PROCESS_TITLE": "<наименование процесса>",
    "TOUCHPOINT_NAME": "<наименование точки взаимодействия>",
    "PROCEDURE_TITLE": "<наименование порядка взаимодействия>",
}

_TOKEN = re.compile(r"__PLACEHOLDER_([A-Z_]+?)__")


def fill(template: str) -> str:
    """``template`` with every ``__PLACEHOLDER_<NAME>__`` token replaced by its placeholder (an unknown name is
    a KeyError: a template names only what the table holds)."""
    return _TOKEN.sub(lambda mt: PLACEHOLDERS[mt.group(1)], template)


def placeholders_in(text: str) -> list[str]:
    """The placeholders ``text`` still holds, in the table's order."""
    if "<" not in text:
        return []
    return [p for p in PLACEHOLDERS.values() if p in text]


def holds_placeholder(text: str | None) -> bool:
    """Whether ``text`` holds a placeholder (it then identifies nothing: two entries that both still say
    «<город, улица, дом>» are not at one address)."""
    return bool(text) and bool(placeholders_in(text or ""))
