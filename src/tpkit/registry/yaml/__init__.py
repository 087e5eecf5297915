"""Reading a registry file's YAML: decode (bytes -> text), convert (text -> data), locate (path -> span),
messages (what is wrong, in Russian and English)."""

from .convert import CONTROL_CHARS, INVISIBLE_CHARS, MAX_FILE_BYTES, Parsed, compose, parse
from .decode import decode
from .locate import KeyIndex, Span, compose_for_locate, locate

__all__ = [
    "CONTROL_CHARS",
    "INVISIBLE_CHARS",
    "MAX_FILE_BYTES",
    "KeyIndex",
    "Parsed",
    "Span",
    "compose",
    "compose_for_locate",
    "decode",
    "locate",
    "parse",
]
