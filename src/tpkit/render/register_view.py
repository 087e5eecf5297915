"""The register (перечень точек взаимодействия) as a view: stamp, title, a table per direction, the responsible."""

from __future__ import annotations

from ..registry import Registry
from ..registry.enums import DIRECTIONS
from .register_columns import COLUMN_KEYS, COLUMNS
from .register_table import RegisterRow, register_tables
from .view import EMPTY, Block, DocumentView, Section, agency_genitive, make_stamp, official

NO_PROCESSES = "Процессов в перечне нет."
NO_PROCESSES_HERE = "Процессов этого направления в перечне нет."


def register_view(reg: Registry, direction: str | None = None) -> DocumentView:
    """The register (перечень точек взаимодействия): stamp, title, a table per direction, the responsible."""
    agency = reg.agency
    info = agency.register if agency is not None else None
    tables = register_tables(reg, direction)
    sections = []
    for i, t in enumerate(tables, 1):
        sec = Section(t.direction, str(i), t.title)
        # a table of headings alone reads as a mistake in print; the workbook and the CSV keep theirs (the form
        # that tpkit import reads)
        sec.blocks.append(register_block(t.rows) if t.rows else Block("para", text=NO_PROCESSES_HERE))
        sections.append(sec)
    closing = [] if tables else [NO_PROCESSES]
    if info is not None and info.responsible:
        closing.append(
            f"Ответственный за формирование перечня точек взаимодействия: {official(reg, info.responsible)}."
        )
    title = "Перечень точек взаимодействия с клиентом"
    who = agency_genitive(agency)
    if who:
        title += f" {who}"
    if direction is not None:
        title += f" ({DIRECTIONS[direction]['ru'][0].lower()}{DIRECTIONS[direction]['ru'][1:]})"
    approval = info.approval if info is not None else None
    return DocumentView(
        kind="register",
        id="register" if direction is None else f"register-{direction}",
        title=title,
        stamp=make_stamp(approval, agency),
        sections=sections,
        agency=agency.name if agency is not None else "",
        date=approval.date if approval is not None else None,
        closing=closing,
        landscape=True,
        extra={
            "tables": tables,
            "columns": [c.heading for c in COLUMNS],
            # the single responsible for the register, as a procedure's template gets its own
            "responsible": official(reg, info.responsible) if info is not None and info.responsible else "",
        },
    )


def register_block(rows: list[RegisterRow]) -> Block:
    """Register rows as a document table: headings with a capital letter, the № column as wide as its widest
    number, each process's title once over its rows (a merged cell), in the DOCX, PDF, ODT and HTML alike."""
    return Block(
        "table",
        headers=[c.heading for c in COLUMNS],
        rows=[[c or EMPTY for c in r.cells()] for r in rows],
        widths=[c.width for c in COLUMNS],
        group=COLUMN_KEYS.index("process"),
        group_keys=[r.process_id for r in rows],
        number_column=True,
    )
