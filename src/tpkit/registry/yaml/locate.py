"""Where a YAML path stands: line and column spans.

The converter records three numbers a node beside the data (a compact array,
not the node tree: a registry of thousands of files would keep millions of
node objects it never uses); :func:`locate_marks` walks the data and the
marks together. A file whose data does not mirror its nodes (merge keys) is
composed again on demand (marks and structure only, no tags) and walked by
:func:`locate`.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from typing import Any

import yaml

from ..span import START, Span
from .convert import T_MAP, T_SEQ, T_STR, RegistryLoader

#: a mapping with more keys than this gets a key index (one finding per key must not cost a scan each)
_INDEX_KEYS = 16
KeyIndex = dict[int, dict[str, tuple[yaml.Node, yaml.Node]]]


class _LocateLoader(RegistryLoader):
    """Composition for locations only: marks and structure, no tags."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        return T_STR if kind is yaml.ScalarNode else T_SEQ if kind is yaml.SequenceNode else T_MAP


def compose_for_locate(text: str) -> yaml.Node | None:
    """The node tree :func:`locate` walks (tags are not resolved: it reads marks only)."""
    return yaml.compose(text, Loader=_LocateLoader)


def _child(
    node: yaml.MappingNode, step: str | int, index: KeyIndex | None
) -> tuple[yaml.Node | None, yaml.Node | None]:
    want = str(step)
    if index is not None and len(node.value) > _INDEX_KEYS:
        keys = index.get(id(node))
        if keys is None:
            keys = {}
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode):
                    keys.setdefault(k.value, (k, v))
            index[id(node)] = keys
        return keys.get(want, (None, None))
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value == want:
            return k, v
    return None, None


def locate(
    root: yaml.Node | None, path: tuple[str | int, ...], lines: list[str], index: KeyIndex | None = None
) -> Span:
    """Where ``path`` stands in a composed document.

    A path that ends at a mapping key points at the key (the finding is about
    that entry); a path into a missing key points at the deepest node that
    exists, i.e. the missing key's parent.
    """
    if root is None:
        return START
    node: yaml.Node = root
    key_node: yaml.Node | None = None
    # the first line of the mapping that holds the node, and the line of the key that holds that mapping;
    # a sequence is not a holder here: a comment on a list's first item must not cover its other items
    parent_line: int | None = None
    parent_key_line: int | None = None
    for step in path:
        child_key: yaml.Node | None = None
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode):
            child_key, child = _child(node, step, index)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            child = node.value[step]
        if child is None:
            break
        parent_line = node.start_mark.line + 1 if isinstance(node, yaml.MappingNode) else None
        if key_node is not None:
            parent_key_line = key_node.start_mark.line + 1
        node, key_node = child, child_key
    start = key_node.start_mark if key_node is not None else node.start_mark
    end = node.end_mark
    return _span(start.line, start.column, end.line, end.column, lines, parent_line, parent_key_line)


def _span(
    line0: int, col0: int, end0: int, end_col0: int, lines: list[str], parent_line: int | None, parent_key: int | None
) -> Span:
    """A span from 0-based marks: the start, the end, and the lines a suppression comment may stand on."""
    end_line, end_col = end0 + 1, end_col0 + 1
    if end0 > line0 and (end0 >= len(lines) or lines[end0][:end_col0].strip() in ("", "-")):
        # a block node ends where the next one starts (the next line, or after the «- » of the next list item):
        # the region ends at the end of the node's own last line, blank and comment lines after it left out
        k = min(end0, len(lines)) - 1
        while k > line0 and (not lines[k].strip() or lines[k].lstrip().startswith("#")):
            k -= 1
        end_line, end_col = k + 1, len(lines[k].rstrip()) + 1 if 0 <= k < len(lines) else 1
    line = line0 + 1
    anchors = {line} | {n for n in (parent_line, parent_key) if n is not None}
    return Span(line, col0 + 1, end_line, end_col, tuple(sorted(anchors)))


#: the offsets in a marks array of a collection's children: an item's, or a key's and its value's
ChildIndex = dict[int, "list[int] | dict[Any, tuple[int, int, Any]]"]

#: the line breaks libyaml counts (the reader refuses the last three in a file; a text given directly may hold them)
_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_ODD = re.compile("[\x85\u2028\u2029]")


#: up to this many characters, counting newlines up to an offset is cheaper than building a table of lines
_COUNT_UP_TO = 1 << 16


def line_starts(text: str) -> list[int] | None:
    """The offset at which each line of ``text`` starts, as libyaml numbers the lines; None for a text of usual
    size whose lines all end in ``\\n`` (an offset's line is then counted; a large file, with thousands of
    findings, gets the table and a binary search)."""
    if len(text) <= _COUNT_UP_TO and "\r" not in text and (text.isascii() or _ODD.search(text) is None):
        return None
    return [0, *(m.end() for m in _BREAKS.finditer(text))]


def _children(data: Any, at: int, marks: array[int], text: str) -> list[int] | dict[Any, tuple[int, int, Any]]:
    """Where the children of the collection marked at ``at`` stand: the offset of each item, or of each key and
    its value, by the key's text (as a composed tree compares it: a key the converter resolved, ``1`` or ``~``,
    is a plain scalar, its text the key as written)."""
    i = at + 3
    if isinstance(data, dict):
        keys: dict[Any, tuple[int, int, Any]] = {}
        for k in data:
            keys.setdefault(k if isinstance(k, str) else text[marks[i] : marks[i + 1]], (i, i + 3, k))
            i += 3 + marks[i + 5]
        return keys
    items: list[int] = []
    for _ in data:
        items.append(i)
        i += marks[i + 2]
    return items


def locate_marks(
    data: Any,
    marks: array[int],
    path: tuple[str | int, ...],
    text: str,
    lines: list[str],
    starts: list[int] | None,
    index: ChildIndex | None = None,
) -> Span:
    """:func:`locate` over the marks :func:`~tpkit.registry.yaml.convert.to_data` recorded beside the data.

    The same answers without a node tree: the data gives the keys and the
    order, the marks the offsets in ``text`` (split in ``lines``), ``starts`` (:func:`line_starts`) turns an
    offset into a line and column. ``index`` caches the children of the
    collections already walked (one finding per item must not cost a scan each).
    """
    if not marks:
        return START

    def line_col(offset: int) -> tuple[int, int]:
        if starts is None:
            return text.count("\n", 0, offset), offset - text.rfind("\n", 0, offset) - 1
        line = bisect_right(starts, offset) - 1
        return line, offset - starts[line]

    index = {} if index is None else index
    node, at = data, 0
    key_at: int | None = None
    parent_line: int | None = None
    parent_key_line: int | None = None
    for step in path:
        if isinstance(node, dict):
            children = index.get(at)
            if children is None:
                children = index[at] = _children(node, at, marks, text)
            assert isinstance(children, dict)
            hit = children.get(step if isinstance(step, str) else str(step))
            if hit is None:
                break
            child_key, child, key = hit
            value = node[key]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            children = index.get(at)
            if children is None:
                children = index[at] = _children(node, at, marks, text)
            assert isinstance(children, list)
            child_key, child, value = None, children[step], node[step]
        else:
            break
        parent_line = line_col(marks[at])[0] + 1 if isinstance(node, dict) else None
        if key_at is not None:
            parent_key_line = line_col(marks[key_at])[0] + 1
        node, at, key_at = value, child, child_key
    line0, col0 = line_col(marks[key_at if key_at is not None else at])
    end0, end_col0 = line_col(marks[at + 1])
    return _span(line0, col0, end0, end_col0, lines, parent_line, parent_key_line)
