"""Reading a registry file's YAML: decode (bytes -> text), convert (text -> data), locate (path -> span),
messages (what is wrong, in Russian and English)."""

from .convert import CONTROL_CHARS, INVISIBLE_CHARS, MAX_FILE_BYTES, Parsed, compose, parse
from .decode import decode
from .locate import ChildIndex, KeyIndex, compose_for_locate, line_starts, locate, locate_marks

__all__ = [
    "CONTROL_CHARS",
    "INVISIBLE_CHARS",
    "MAX_FILE_BYTES",
    "ChildIndex",
    "KeyIndex",
    "Parsed",
    "compose",
    "compose_for_locate",
    "decode",
    "line_starts",
    "locate",
    "locate_marks",
    "parse",
]
