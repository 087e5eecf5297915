"""Where a YAML path stands: line and column spans, composed again on demand.

Locations are not stored for every node: a registry of thousands of files
would pay for millions of marks it never uses. A file's text is composed
again (marks and structure only, no tags) when a finding needs a line and
column; libyaml does that in a fraction of a millisecond per file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from .convert import T_MAP, T_SEQ, T_STR, RegistryLoader


@dataclass(slots=True, frozen=True)
class Span:
    line: int
    column: int
    end_line: int
    end_column: int
    #: lines on which an inline suppression comment applies to this node
    anchor_lines: tuple[int, ...]


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
        return Span(1, 1, 1, 1, (1,))
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
    end_line, end_col = end.line + 1, end.column + 1
    if end.line > start.line and (end.line >= len(lines) or lines[end.line][: end.column].strip() in ("", "-")):
        # a block node ends where the next one starts (the next line, or after the «- » of the next list item):
        # the region ends at the end of the node's own last line, blank and comment lines after it left out
        k = min(end.line, len(lines)) - 1
        while k > start.line and (not lines[k].strip() or lines[k].lstrip().startswith("#")):
            k -= 1
        end_line, end_col = k + 1, len(lines[k].rstrip()) + 1 if 0 <= k < len(lines) else 1
    line = start.line + 1
    anchors = {line} | {n for n in (parent_line, parent_key_line) if n is not None}
    return Span(line, start.column + 1, end_line, end_col, tuple(sorted(anchors)))
