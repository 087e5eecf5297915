"""YAML as text, for the commands that write registry files (fmt, new, import).

Reading goes through the registry's own reader (one reader for the whole
tool); this module is the one place in ``author`` that imports it. Writing
uses ruamel's round trip, set up the way ``tpkit fmt`` formats files, and a
text-level append that leaves every comment and the layout of a file as
they were.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..registry.yaml import CONTROL_CHARS, INVISIBLE_CHARS, MAX_FILE_BYTES, compose, decode, parse
from . import AuthoringError

__all__ = [
    "CONTROL_CHARS",
    "INVISIBLE_CHARS",
    "MAX_FILE_BYTES",
    "WIDTH",
    "append_to_sequence",
    "compose",
    "decode",
    "indent",
    "parse",
    "round_trip_yaml",
]

#: line width of formatted files: long enough that ruamel never folds a line
WIDTH = 4096


def round_trip_yaml(explicit_start: bool = False) -> Any:
    """ruamel's round-trip YAML as ``tpkit fmt`` writes: 2-space maps, ``- `` items indented by 2, no folding."""
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = WIDTH
    y.preserve_quotes = True
    y.allow_unicode = True
    y.allow_duplicate_keys = False
    y.explicit_start = explicit_start
    return y


def indent(block: str, n: int) -> str:
    """Every non-blank line of ``block`` indented by ``n`` spaces."""
    pad = " " * n
    return "".join(pad + line if line.strip() else line for line in block.splitlines(keepends=True))


def append_to_sequence(text: str, node: Any, block: str) -> str:
    """Insert ``block`` as the last item of the top-level ``touchpoints`` sequence of ``text`` (composed: ``node``)."""
    if not text.endswith("\n"):
        text += "\n"
    if node is None or not isinstance(node, yaml.MappingNode):
        return text + "touchpoints:\n" + indent(block, 2)
    pairs = node.value
    index = next(
        (i for i, (k, _) in enumerate(pairs) if isinstance(k, yaml.ScalarNode) and k.value == "touchpoints"), None
    )
    if index is None:
        return text + "touchpoints:\n" + indent(block, 2)
    key, value = pairs[index]
    lines = text.splitlines(keepends=True)
    if isinstance(value, yaml.SequenceNode) and not value.flow_style and value.value:
        at = value.start_mark.column
        if index + 1 < len(pairs):
            insert_at = pairs[index + 1][0].start_mark.line
            lines[insert_at:insert_at] = indent(block, at).splitlines(keepends=True)
            return "".join(lines)
        return text + indent(block, at)
    # empty: `touchpoints:`, `touchpoints: []` or `touchpoints: ~` -> a block sequence
    if isinstance(value, yaml.SequenceNode) and value.value:
        raise AuthoringError("touchpoints.yaml: список точек записан в строку ([...]); добавьте точку вручную")
    line = key.start_mark.line
    if value.end_mark.line != line:
        raise AuthoringError("touchpoints.yaml: необычная разметка ключа touchpoints; добавьте точку вручную")
    src = lines[line]
    start = key.start_mark.column
    # keep an end-of-line comment
    found = re.search(r"\s(#.*)$", src[key.end_mark.column :].rstrip("\r\n"))
    new_line = src[:start] + "touchpoints:" + (f"  {found.group(1)}" if found else "") + "\n"
    lines[line] = new_line
    tail = "".join(lines[line + 1 :])
    head = "".join(lines[: line + 1])
    return head + indent(block, start + 2) + tail
