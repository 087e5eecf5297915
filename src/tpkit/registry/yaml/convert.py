"""YAML text to plain Python data, safely: one path, libyaml's composer and one converter.

The text is composed into a node tree by libyaml (PyYAML's C parser) and
converted here into plain Python data with YAML 1.2 core-schema scalars
(``yes``/``no`` stay strings, dates stay ISO strings for pydantic to parse).
The conversion checks what a registry file must not contain: duplicate keys,
tags other than the core ones, alias expansion past a bound, nesting past a
bound, control and invisible characters in text.

Speed (see bench/README.md): scalar tags are resolved cheaply (the first
character of a plain scalar decides whether any implicit resolver can match),
scalars are converted inline rather than by a call each, and the YAML path of
a node is kept as one reused list of steps, made into a tuple only when a
problem needs it.
"""

from __future__ import annotations

import operator
import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..problem import FATAL, SCHEMA, SYNTAX, Problem
from ..span import Span
from . import messages as msg

try:  # pragma: no cover - depends on the wheel
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader  # type: ignore[assignment]

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 64
#: nodes and scalar characters a file may expand to through aliases, beyond twice its own size
ALIAS_SLACK = 10_000

T_STR = "tag:yaml.org,2002:str"
T_MAP = "tag:yaml.org,2002:map"
T_SEQ = "tag:yaml.org,2002:seq"
T_MERGE = "tag:yaml.org,2002:merge"
_SCALAR_TAGS = frozenset(
    {
        T_STR,
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null",
        "tag:yaml.org,2002:timestamp",
        "tag:yaml.org,2002:value",
        "!",
    }
)

_INT = re.compile(r"[-+]?[0-9]+\Z")
_INT_OCT = re.compile(r"0o[0-7]+\Z")
_INT_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_SPECIAL_FLOATS = {
    ".inf": float("inf"),
    ".Inf": float("inf"),
    ".INF": float("inf"),
    "+.inf": float("inf"),
    "+.Inf": float("inf"),
    "+.INF": float("inf"),
    "-.inf": float("-inf"),
    "-.Inf": float("-inf"),
    "-.INF": float("-inf"),
    ".nan": float("nan"),
    ".NaN": float("nan"),
    ".NAN": float("nan"),
}
#: characters a Word document cannot hold (XML 1.0), and C1 controls (mis-decoded text)
CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
#: invisible traps: text-direction controls ("Trojan source") and zero-width characters
INVISIBLE_CHARS = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
#: either kind: a scalar that holds one gets a closer look
_SUSPECT_CHARS = re.compile(f"{CONTROL_CHARS.pattern}|{INVISIBLE_CHARS.pattern}")


@dataclass(slots=True)
class Parsed:
    data: Any = None
    problems: list[Problem] = field(default_factory=list)
    #: where the nodes of ``data`` stand (see :func:`to_data`); None when the data does not mirror the text
    marks: array[int] | None = None

    @property
    def fatal(self) -> bool:
        return any(p.kind in FATAL for p in self.problems)


def parse(text: str) -> Parsed:
    """Parse one document into data; problems carry 1-based positions."""
    out = Parsed()
    deep = _too_deep(text)
    if deep is not None:
        out.problems.append(deep)
        return out
    try:
        node = compose(text)
    except yaml.YAMLError as exc:
        out.problems.append(msg.yaml_error(exc, text, MAX_DEPTH))
        return out
    except RecursionError:
        out.problems.append(Problem(SYNTAX, *msg.RECURSION_TOO_DEEP))
        return out
    if node is None:
        return out
    # every node costs 1 and every character of a scalar 1: a file without aliases stays under twice its
    # length; aliases to a long text cannot multiply it into gigabytes for the renderers
    budget = 2 * len(text) + ALIAS_SLACK
    # escapes in double-quoted scalars are the only way to a control character that the text itself does not hold
    check_chars = "\\" in text or _SUSPECT_CHARS.search(text) is not None
    marks: array[int] = array("i")
    try:
        out.data, out.problems, mirrored = to_data(node, budget, check_chars, aliases="*" in text, marks=marks)
    except _Stop as stop:
        out.problems = [stop.problem]
        return out
    if mirrored and "\ufeff" not in text:  # libyaml does not count a byte-order mark in its offsets
        out.marks = marks
    return out


def _too_deep(text: str) -> Problem | None:
    """Bound nesting before the (recursive) composer sees the text."""
    brackets = text.count("[") + text.count("{")
    if brackets < 200 and len(text) < 200_000:
        return None
    depth = 0
    # the event classes have no subclasses: identity tests are cheaper than isinstance over every event
    opens = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
    closes = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    end = yaml.StreamEndEvent
    parser = SafeLoader(text)
    get_event = parser.get_event  # what yaml.parse() yields, without a generator and a check per event
    try:
        while True:
            event = get_event()
            if event is None:  # past the end (a parser gives StreamEndEvent first)
                return None
            cls = event.__class__
            if cls in opens:
                depth += 1
                if depth > MAX_DEPTH:
                    m = event.start_mark
                    line, col = (m.line + 1, m.column + 1) if m is not None else (1, 1)
                    return Problem(SYNTAX, *msg.too_deep(MAX_DEPTH), Span.at(line, col))
            elif cls in closes:
                depth -= 1
            elif cls is end:
                return None
    except yaml.YAMLError:
        return None  # compose reports it with its position
    finally:
        parser.dispose()


# --- composing ------------------------------------------------------------------------

# The implicit resolvers of the (C)SafeLoader are keyed by a scalar's first
# character: a plain scalar whose first character has none resolves to str.
_IMPLICIT = SafeLoader.yaml_implicit_resolvers
_base_resolve: Callable[[SafeLoader, type[yaml.Node], Any, tuple[bool, bool]], str] = SafeLoader.resolve
assert None not in _IMPLICIT and not SafeLoader.yaml_path_resolvers

#: plain scalar -> its tag (a registry repeats the same keys and codes thousands of times)
_PLAIN_TAGS: dict[str, str] = {}
# Letters (and ~ < =) start only the fixed words of the bool, null, merge and
# value resolvers, none longer than five characters; digits, signs and dots
# start numbers and dates, whose patterns have no such bound.
_WORD_TAGS = frozenset(("tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", T_MERGE, "tag:yaml.org,2002:value"))
_WORDS = frozenset(c for c, resolvers in _IMPLICIT.items() if c and {t for t, _ in resolvers} <= _WORD_TAGS)
_WORD_MAX = 5


def _longest_word(rx: re.Pattern[str]) -> int:
    """The longest word a resolver pattern of the form ^(?:w1|w2|...)$ matches."""
    body = re.sub(r"\s", "", rx.pattern)
    assert body.startswith("^(?:") and body.endswith(")$"), rx.pattern
    words = body[4:-2].split("|")
    assert all(re.fullmatch(r"[A-Za-z~<=]*", w) for w in words), rx.pattern
    return max(map(len, words))


assert max(_longest_word(rx) for c in _WORDS for _, rx in _IMPLICIT[c]) <= _WORD_MAX


class RegistryLoader(SafeLoader):
    """libyaml composition with the same tags as the SafeLoader, resolved cheaply."""

    # The composer calls these two hooks around every node; without path
    # resolvers (asserted above) they do nothing, and a C callable that does
    # nothing costs less than a Python method that does nothing.
    descend_resolver = operator.is_  # type: ignore[assignment]  # (parent, index) -> ignored
    ascend_resolver = tuple  # type: ignore[assignment]  # () -> ignored

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if not (implicit[0] and (not value or value[0] in _IMPLICIT)):
                return T_STR  # quoted, tagged '!', or a plain scalar no resolver can match
            if len(value) > _WORD_MAX and value[0] in _WORDS:
                return T_STR  # longer than any of the words (true, null, off, <<...) that can start so
            tag = _PLAIN_TAGS.get(value)
            if tag is None:
                tag = _base_resolve(self, kind, value, implicit)
                if len(value) <= 40:
                    if len(_PLAIN_TAGS) > 100_000:
                        _PLAIN_TAGS.clear()
                    _PLAIN_TAGS[value] = tag
            return tag
        return _base_resolve(self, kind, value, implicit)


def compose(text: str) -> yaml.Node | None:
    """The node tree of one document, its scalars tagged as the SafeLoader tags them."""
    return yaml.compose(text, Loader=RegistryLoader)


# --- converting -----------------------------------------------------------------------


class _Stop(Exception):
    """A problem after which the file's data cannot be used."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def _at(kind: str, node: yaml.Node, message: msg.Message, path: tuple[Any, ...]) -> Problem:
    s, e = node.start_mark, node.end_mark
    return Problem(kind, message[0], message[1], Span(s.line + 1, s.column + 1, e.line + 1, e.column + 1), path)


def to_data(
    root: yaml.Node, budget: int, check_chars: bool, aliases: bool = True, marks: array[int] | None = None
) -> tuple[Any, list[Problem], bool]:
    """Node tree -> data, the problems that leave it usable (characters in text), and whether ``marks`` mirror it.

    Raises :class:`_Stop` on a problem that makes the data unusable: a tag, a
    complex or duplicate key, a merge of a non-mapping, a recursive alias,
    nesting past :data:`MAX_DEPTH`, or more than ``budget`` nodes and scalar
    characters (aliases expand). ``check_chars``: a scalar may hold a control
    or invisible character; ``aliases``: the tree may hold aliases, so a node
    may be met again (the caller knows both from the text).

    Paths are built only for a problem. The path of the node being converted
    is ``steps[:plen]``: a mapping writes the key it is converting at
    ``steps[plen]``; a sequence writes its list of converted items once, and
    the index of the item being converted is that list's length. Scalars, most
    of the nodes, are converted by :func:`scalar` straight from the loops, without
    the dispatch of :func:`conv`.

    ``marks`` receives, for every node in the order of the data (a mapping,
    then each key and its value; a sequence, then its items), three numbers:
    the offsets in the text (in characters, as libyaml counts them) where the
    node starts and ends, and the count of numbers the node and its
    descendants take (3 for a scalar), so that
    :func:`~tpkit.registry.yaml.locate.locate_marks` finds a node's place
    without composing the text again (two offsets cost a third of what a
    node's line and column cost to read). An alias is met, and marked, once per
    use, as its data is; a merge key breaks the mirror (the third value is
    then False).
    """
    left = budget
    steps: list[Any] = [None] * (MAX_DEPTH + 2)
    #: collection nodes being converted: meeting one again is a recursive alias
    active: set[int] = set()
    problems: list[Problem] = []
    scalar_node, seq_node, map_node = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode
    scalar_tags, suspect, resolve, max_depth = _SCALAR_TAGS, _SUSPECT_CHARS, resolve_plain, MAX_DEPTH
    pos = marks if marks is not None else array("i")
    mark = pos.extend
    merges = False

    def path(plen: int) -> tuple[Any, ...]:
        return tuple(len(s) if s.__class__ is list else s for s in steps[:plen])

    def stop(node: yaml.Node, message: msg.Message, plen: int) -> _Stop:
        return _Stop(_at(SYNTAX, node, message, path(plen)))

    def over(node: yaml.Node, plen: int) -> _Stop:
        """The bound that ``node`` went past: the alias budget first, then nesting."""
        return stop(node, msg.BOMB if left < 0 else msg.too_deep(max_depth), plen)

    def chars(node: yaml.Node, value: str, plen: int) -> None:
        bad = CONTROL_CHARS.search(value)
        if bad is not None:
            problems.append(_at(SCHEMA, node, msg.control_char(bad.group()), path(plen)))
            return
        invisible = INVISIBLE_CHARS.search(value)
        if invisible is not None:
            problems.append(_at(SCHEMA, node, msg.invisible_char(invisible.group()), path(plen)))

    def merge(into: dict[Any, Any], node: yaml.Node, depth: int, plen: int) -> None:
        nonlocal merges
        merges = True
        for src in node.value if node.__class__ is seq_node else [node]:
            if src.__class__ is not map_node:
                raise stop(src, msg.MERGE_NOT_MAPPING, plen)
            for k, v in conv(src, depth, plen).items():
                into.setdefault(k, v)

    def scalar(node: yaml.ScalarNode, too_deep: bool, plen: int) -> Any:
        nonlocal left
        s, e = node.start_mark, node.end_mark
        mark((s.index, e.index, 3))
        value = node.value
        left -= 1 + len(value)
        if left < 0 or too_deep:
            raise over(node, plen)
        tag = node.tag
        if tag != T_STR:
            if tag not in scalar_tags:
                raise stop(node, msg.unsupported_tag(tag), plen)
            if not node.style:
                resolved = resolve(value)
                if resolved is not value:
                    return resolved
        if check_chars and suspect.search(value):
            chars(node, value, plen)
        return value

    def conv(node: yaml.Node, depth: int, plen: int) -> Any:
        # A problem raises _Stop, which ends the whole conversion: nothing needs undoing on the way out.
        nonlocal left
        cls = node.__class__
        if cls is scalar_node:  # only a document that is one scalar: the loops below convert the others
            return scalar(node, depth > max_depth, plen)  # type: ignore[arg-type]  # cls is not narrowed
        left -= 1
        if left < 0 or depth > max_depth:
            raise over(node, plen)
        if aliases:
            if id(node) in active:
                raise stop(node, msg.RECURSIVE_ALIAS, plen)
            active.add(id(node))
        depth += 1
        too_deep = depth > max_depth  # every child is
        cplen = plen + 1
        at = len(pos)
        mark((node.start_mark.index, node.end_mark.index, 0))
        if cls is seq_node:
            if node.tag != T_SEQ:
                raise stop(node, msg.unsupported_tag(node.tag), plen)
            items: list[Any] = []
            steps[plen] = items
            append = items.append
            for child in node.value:
                if child.__class__ is scalar_node:
                    append(scalar(child, too_deep, cplen))
                else:
                    append(conv(child, depth, cplen))
            if aliases:
                active.discard(id(node))
            pos[at + 2] = len(pos) - at
            return items
        if node.tag != T_MAP:
            raise stop(node, msg.unsupported_tag(node.tag), plen)
        result: dict[Any, Any] = {}
        merged: dict[Any, Any] | None = None
        for key_node, value_node in node.value:
            # the key (its path is the mapping's)
            if key_node.tag == T_MERGE:
                if merged is None:
                    merged = {}
                merge(merged, value_node, depth, plen)
                continue
            if key_node.__class__ is not scalar_node:
                raise stop(key_node, msg.COMPLEX_KEY, plen)
            key = scalar(key_node, too_deep, plen)
            steps[plen] = key
            if key in result:
                raise stop(key_node, msg.duplicate_key(key), cplen)
            # the value
            if value_node.__class__ is scalar_node:
                result[key] = scalar(value_node, too_deep, cplen)
            else:
                result[key] = conv(value_node, depth, cplen)
        if merged is not None:
            for k, v in merged.items():
                result.setdefault(k, v)
        if aliases:
            active.discard(id(node))
        pos[at + 2] = len(pos) - at
        return result

    data = conv(root, 0, 0)
    return data, problems, not merges


def resolve_plain(value: str) -> Any:
    """YAML 1.2 core schema for a plain scalar; returns ``value`` itself for strings."""
    if not value:
        return None
    c = value[0]
    if c in "~nN" and value in _NULLS:
        return None
    if c in "tT" and value in _TRUE:
        return True
    if c in "fF" and value in _FALSE:
        return False
    if c in "-+0123456789.":
        if _INT.match(value):
            try:
                return int(value)
            except ValueError:  # past Python's digit limit: no count is that long; keep the text
                return value
        if c == "0" and len(value) > 2:
            if _INT_OCT.match(value):
                return int(value[2:], 8)
            if _INT_HEX.match(value):
                return int(value[2:], 16)
        if _FLOAT.match(value) and any(ch.isdigit() for ch in value):
            return float(value)
        if value in _SPECIAL_FLOATS:
            return _SPECIAL_FLOATS[value]
    return value
