"""The layout of the register table (перечень точек взаимодействия): its columns and how cells are printed.

Shared by every writer of the register (:mod:`tpkit.render.register_table`,
:mod:`tpkit.render.tabular`) and by the Excel import
(:mod:`tpkit.author.importer`), which reads the same columns back:

    № | процесс | точка взаимодействия | форма | удовлетворяемые потребности |
    основание | особенности | ответственный | востребованность
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..registry import models as m


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the register table."""

    key: str
    ru: str
    en: str
    #: a width hint in characters (XLSX column width; DOCX relative width)
    width: int

    def label(self, lang: str = "ru") -> str:
        return self.ru if lang == "ru" else self.en

    @property
    def heading(self) -> str:
        """The column's heading in a document: the label with a capital letter («Точка взаимодействия»). The
        workbook and the CSV keep the labels as they are: an importer reads them back."""
        return self.ru[:1].upper() + self.ru[1:]


COLUMNS: tuple[Column, ...] = (
    Column("n", "№", "No.", 5),
    Column("process", "процесс", "process", 30),
    Column("touchpoint", "точка взаимодействия", "touchpoint", 28),
    Column("form", "форма", "form", 19),
    Column("needs", "удовлетворяемые потребности", "needs satisfied", 37),
    Column("basis", "основание", "basis", 34),
    Column("features", "особенности", "features", 24),
    Column("responsible", "ответственный", "responsible", 30),
    Column("demand", "востребованность", "demand", 23),
)
COLUMN_KEYS: tuple[str, ...] = tuple(c.key for c in COLUMNS)
#: the register workbook's last, hidden column: each row's process id, so that an import keeps the ids
#: (a title is not an id: importing by title would rename every process)
PROCESS_ID_COLUMN = "id процесса"

#: separator between several values in one cell (needs, acts, features)
LIST_SEP = "; "


def act_text(act: m.Act) -> str:
    """«Title от 01.05.2024 № 123» — how an act is cited in a document."""
    out = act.title
    if act.date is not None:
        out += f" от {act.date.day:02d}.{act.date.month:02d}.{act.date.year:04d}"  # not %Y: see view.fmt_date
    if act.number:
        out += f" № {act.number}"
    return out


def official_text(official: m.Official) -> str:
    """«Петрова Мария Ивановна, начальник отдела …»."""
    return f"{official.name}, {_lower_first(official.position)}"


def _lower_first(text: str) -> str:
    # positions are printed after a comma; keep abbreviations (ГБУ, МФЦ) as written
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text
