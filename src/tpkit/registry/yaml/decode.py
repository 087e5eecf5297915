"""Bytes to text: UTF-8 only, a byte-order mark dropped; UTF-16, NUL bytes, Windows-1251 and odd line breaks refused."""

from __future__ import annotations

import re

from ..problem import UNREADABLE, Problem
from ..span import Span

#: line breaks libyaml counts and editors do not: every line number after one would be wrong
ODD_BREAKS = re.compile("[\x85\u2028\u2029]")


def line_col(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters, as libyaml and editors count) of a byte offset."""
    line = raw.count(b"\n", 0, offset) + 1
    start = raw.rfind(b"\n", 0, offset) + 1
    return line, len(raw[start:offset].decode("utf-8", "replace")) + 1


def decode(raw: bytes) -> tuple[str | None, Problem | None]:
    """UTF-8 text of a file, or the TP005 problem that stops it."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Problem(
            UNREADABLE,
            "файл в кодировке UTF-16; сохраните его в UTF-8",
            "the file is UTF-16; save it as UTF-8",
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, col = line_col(raw, nul)
        if raw.count(b"\x00") * 4 >= len(raw):  # every other byte: UTF-16 without a byte-order mark
            ru, en = (
                "похоже, файл в кодировке UTF-16; сохраните его в UTF-8",
                "the file looks like UTF-16; save it as UTF-8",
            )
        else:
            ru = "файл содержит нулевые байты (NUL): это не текстовый файл YAML"
            en = "the file holds NUL bytes: it is not a YAML text file"
        return None, Problem(UNREADABLE, ru, en, Span.at(line, col))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = line_col(raw, exc.start)
        if _looks_like_cp1251(raw):
            ru = "файл не в UTF-8: похоже, это Windows-1251; пересохраните его в UTF-8"
            en = "the file is not UTF-8: it looks like Windows-1251; save it as UTF-8"
        else:
            ru = f"файл не в UTF-8: недопустимый байт 0x{raw[exc.start]:02x}"
            en = f"the file is not UTF-8: invalid byte 0x{raw[exc.start]:02x}"
        return None, Problem(UNREADABLE, ru, en, Span.at(line, col))
    odd = ODD_BREAKS.search(text)
    if odd is not None:
        line, col = line_col(raw, len(text[: odd.start()].encode("utf-8")))
        code = f"U+{ord(odd.group()):04X}"
        return None, Problem(
            UNREADABLE,
            f"необычный разделитель строк {code}: YAML и редакторы нумеруют строки по-разному; "
            "замените его обычным переводом строки",
            f"an unusual line separator {code}: YAML and editors count lines differently; "
            "replace it with a plain newline",
            Span.at(line, col),
        )
    return text, None


def _looks_like_cp1251(raw: bytes) -> bool:
    """Cyrillic in Windows-1251: high bytes, nearly all letters, mostly next to each other (words).

    An isolated accented letter among ASCII ("café") is Latin-1, not Russian.
    """
    high = [i for i, b in enumerate(raw) if b >= 0x80]
    if not high:
        return False
    cyr = sum(1 for i in high if raw[i] >= 0xC0 or raw[i] in (0xA8, 0xB8))
    paired = sum(1 for i in high if (i > 0 and raw[i - 1] >= 0x80) or (i + 1 < len(raw) and raw[i + 1] >= 0x80))
    return cyr / len(high) > 0.8 and paired / len(high) > 0.5
