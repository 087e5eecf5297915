"""Limits on what an import reads: a workbook or a Word document from a merge request is data, not trusted.

Both ``.xlsx`` and ``.docx`` are zip files of XML parts. Before a library opens
one, :func:`check_zip` looks at the zip's directory (the sizes it declares are
upper bounds: :mod:`zipfile` stops with a CRC error at a part that unpacks to
more) and refuses a file whose parts are too many, too large, or packed tighter
than any office file is (a zip bomb). While rows are read, :class:`RowBudget`
refuses a cell longer than Excel allows and a table longer than a register is.
Every refusal is one :class:`ImportLimitError` line naming the file and the limit.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from .. import AuthoringError

MB = 1024 * 1024

#: the file itself (a register with 10,000 rows is a few megabytes)
MAX_FILE_BYTES = 64 * MB
#: parts (members) in the zip: a workbook of a few sheets has a few dozen
MAX_PARTS = 2_000
#: one unpacked part (a sheet, the shared strings, word/document.xml)
MAX_PART_BYTES = 48 * MB
#: all parts unpacked together
MAX_TOTAL_BYTES = 128 * MB
#: unpacked/packed size of a part larger than :data:`RATIO_FROM_BYTES`; office XML packs 5-30 times
MAX_RATIO = 100
RATIO_FROM_BYTES = 1 * MB
#: Excel's own limit on the characters of a cell
MAX_CELL_CHARS = 32_767
#: rows read from all sheets or tables together, empty ones included
MAX_ROWS = 100_000
#: columns read of a row (a register has nine; more are ignored)
MAX_COLUMNS = 64


class ImportLimitError(AuthoringError):
    """A file beyond the import's limits (exit 2, nothing written)."""


def check_zip(path: Path, kind: str, kind_en: str) -> None:
    """Refuse ``path`` (an .xlsx or .docx) when it is not a zip or breaks a limit above; ``kind`` names what it should
    be after «как» («книгу Excel (.xlsx)»), ``kind_en`` in English («an Excel workbook (.xlsx)»)."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise AuthoringError(f"{path}: не удалось прочитать / cannot read: {exc.strerror}") from None
    if size > MAX_FILE_BYTES:
        raise ImportLimitError(f"{name}: файл больше {MAX_FILE_BYTES // MB} МБ / file over the import limit")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise AuthoringError(f"{path}: не удалось открыть как {kind} / not {kind_en}") from None
    if len(infos) > MAX_PARTS:
        raise ImportLimitError(f"{name}: в архиве больше {MAX_PARTS} частей / too many zip parts")
    total = 0
    for info in infos:
        if info.file_size > MAX_PART_BYTES:
            raise ImportLimitError(
                f"{name}: часть {info.filename} распаковывается больше чем в {MAX_PART_BYTES / MB:g} МБ "
                "/ a zip part over the import limit"
            )
        if info.file_size > RATIO_FROM_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ImportLimitError(
                f"{name}: часть {info.filename} сжата более чем в {MAX_RATIO} раз — так не сжимается ни один "
                "файл Office (zip-бомба?) / compression ratio over the limit"
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise ImportLimitError(
            f"{name}: распакованный архив больше {MAX_TOTAL_BYTES / MB:g} МБ / unpacked size over the import limit"
        )


class RowBudget:
    """Counts the rows read and checks every cell's length."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.rows = 0

    def row(self, where: str, cells: list[str]) -> None:
        self.rows += 1
        if self.rows > MAX_ROWS:
            raise ImportLimitError(
                f"{self.name}: больше {MAX_ROWS} строк — перечень такого размера не импортируется "
                "/ rows over the import limit"
            )
        for i, text in enumerate(cells):
            if len(text) > MAX_CELL_CHARS:
                raise ImportLimitError(
                    f"{self.name}: {where}, столбец {i + 1}: в ячейке больше {MAX_CELL_CHARS} знаков "
                    "(предел Excel) / a cell over Excel's limit"
                )
