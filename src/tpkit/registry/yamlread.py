"""Reading YAML fast, safely, and with locations.

The text is composed into a node tree by libyaml (PyYAML's C parser) and
converted here into plain Python data with YAML 1.2 core-schema scalars
(``yes``/``no`` stay strings, dates stay ISO strings for pydantic to parse).
The conversion checks what a registry file must not contain: duplicate keys,
tags other than the core ones, alias expansion past a bound, control
characters in text.

Locations are not stored for every node: a registry of thousands of files
would pay for millions of marks it never uses. :func:`locate` composes the
text again when a finding needs a line and column; libyaml does that in a
fraction of a millisecond per file.

The hot path (see bench/README.md) is split in two. The fast path composes
with a loader whose scalar resolution skips PyYAML's regular expressions for
the scalars no implicit resolver can match (the first character decides) and
converts without building YAML paths. It bails out, on the first thing that
could become a problem, to the reference converter, which produces the
problem with its path; so results do not depend on the path taken. Setting
``FAST = False`` selects the plain reference path (PyYAML's pure-Python
SafeLoader and the reference converter) — the tests compare the two.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problem import FATAL, SCHEMA, SYNTAX, UNREADABLE, Problem

try:  # pragma: no cover - depends on the wheel
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

#: False: the plain reference path (pure-Python PyYAML and the path-building converter)
FAST = True

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
#: either kind: the fast converter hands a scalar holding one to the reference converter
_SUSPECT_CHARS = re.compile(f"{CONTROL_CHARS.pattern}|{INVISIBLE_CHARS.pattern}")
#: line breaks libyaml counts and editors do not: every line number after one would be wrong
ODD_BREAKS = re.compile("[\x85\u2028\u2029]")


@dataclass(slots=True)
class Parsed:
    data: Any = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def fatal(self) -> bool:
        return any(p.kind in FATAL for p in self.problems)


# --- decoding ---------------------------------------------------------------------


def _line_col(raw: bytes, offset: int) -> tuple[int, int]:
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
        line, col = _line_col(raw, nul)
        if raw.count(b"\x00") * 4 >= len(raw):  # every other byte: UTF-16 without a byte-order mark
            ru, en = (
                "похоже, файл в кодировке UTF-16; сохраните его в UTF-8",
                "the file looks like UTF-16; save it as UTF-8",
            )
        else:
            ru = "файл содержит нулевые байты (NUL): это не текстовый файл YAML"
            en = "the file holds NUL bytes: it is not a YAML text file"
        return None, Problem(UNREADABLE, ru, en, line, col)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(raw, exc.start)
        if _looks_like_cp1251(raw):
            ru = "файл не в UTF-8: похоже, это Windows-1251; пересохраните его в UTF-8"
            en = "the file is not UTF-8: it looks like Windows-1251; save it as UTF-8"
        else:
            ru = f"файл не в UTF-8: недопустимый байт 0x{raw[exc.start]:02x}"
            en = f"the file is not UTF-8: invalid byte 0x{raw[exc.start]:02x}"
        return None, Problem(UNREADABLE, ru, en, line, col)
    odd = ODD_BREAKS.search(text)
    if odd is not None:
        line, col = _line_col(raw, len(text[: odd.start()].encode("utf-8")))
        code = f"U+{ord(odd.group()):04X}"
        return None, Problem(
            UNREADABLE,
            f"необычный разделитель строк {code}: YAML и редакторы нумеруют строки по-разному; "
            "замените его обычным переводом строки",
            f"an unusual line separator {code}: YAML and editors count lines differently; "
            "replace it with a plain newline",
            line,
            col,
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


# --- parsing ------------------------------------------------------------------------

_TAB = (
    "табуляция в отступе: YAML допускает только пробелы",
    "tab character in indentation: YAML allows spaces only",
)
#: libyaml's messages (and PyYAML's, where they differ) -> Russian and English for the user
_PROBLEM_RU = {
    "tab character": _TAB,
    "found character '\\t' that cannot start any token": _TAB,
    "found duplicate anchor": ("повторяющийся якорь (anchor)", "duplicate anchor"),
    "found undefined alias": ("ссылка на неопределенный якорь (alias)", "undefined alias"),
    "mapping values are not allowed": (
        "здесь не может стоять «ключ: значение» (проверьте отступ или двоеточие в тексте — возьмите текст в кавычки)",
        "mapping values are not allowed here (check the indentation, or quote a text that holds a colon)",
    ),
    "could not find expected ':'": (
        "не найдено ожидаемое двоеточие «:» после ключа",
        "could not find the expected ':' after a key",
    ),
    "expected <block end>, but found '-'": (
        "элемент списка «-» не на своем уровне отступа",
        "a list item '-' is at the wrong indentation",
    ),
    "did not find expected key": (
        "строка не на своем уровне отступа: ожидался ключ «ключ: значение» или конец блока",
        "a line at the wrong indentation: a 'key: value' or the end of the block was expected",
    ),
    "did not find expected '-' indicator": (
        "строка не на своем уровне отступа: ожидался элемент списка «-»",
        "a line at the wrong indentation: a list item '-' was expected",
    ),
    "did not find expected ',' or": (
        "скобка «[» или «{», открытая здесь, не закрыта (или между элементами нет запятой)",
        "the '[' or '{' opened here is not closed (or a comma is missing between items)",
    ),
    "found unexpected end of stream": (
        "файл закончился внутри кавычек, открытых здесь: закройте их",
        "the file ends inside the quotes opened here: close them",
    ),
    "but found another document": (
        "в файле больше одного документа YAML («---»)",
        "the file holds more than one YAML document ('---')",
    ),
    "exceeded maximum nesting depth": (
        f"вложенность глубже {MAX_DEPTH} уровней",
        f"nesting deeper than {MAX_DEPTH} levels",
    ),
    "expected escape sequence": (
        "обратная косая черта «\\» в двойных кавычках начинает escape-последовательность: "
        "возьмите текст в одинарные кавычки или удвойте «\\»",
        "a backslash in double quotes starts an escape sequence: use single quotes or double the backslash",
    ),
    "did not find expected hexdecimal number": (
        "обратная косая черта «\\» в двойных кавычках начинает escape-последовательность: "
        "возьмите текст в одинарные кавычки или удвойте «\\»",
        "a backslash in double quotes starts an escape sequence: use single quotes or double the backslash",
    ),
    "found unknown escape character": (
        "обратная косая черта «\\» в двойных кавычках начинает escape-последовательность: "
        "возьмите текст в одинарные кавычки или удвойте «\\»",
        "a backslash in double quotes starts an escape sequence: use single quotes or double the backslash",
    ),
}
#: errors whose cause is where the construct opened (the quote, the bracket, the key), not where libyaml gave up
_AT_CONTEXT = ("did not find expected ',' or", "found unexpected end of stream", "could not find expected ':'")


def _yaml_error(exc: yaml.YAMLError, text: str) -> Problem:
    problem = getattr(exc, "problem", None) or str(exc)
    position = getattr(exc, "position", None)  # a ReaderError: a byte offset into the UTF-8 text
    if isinstance(exc, yaml.reader.ReaderError) and isinstance(position, int):
        line, col = _line_col(text.encode("utf-8"), position)
        char = getattr(exc, "character", None)
        code = f"U+{char:04X}" if isinstance(char, int) else "?"
        return Problem(
            SYNTAX,
            f"недопустимый управляющий символ {code} в файле",
            f"a control character {code} that YAML does not allow",
            line,
            col,
        )
    mark = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context_mark", None)
    if context is not None and (mark is None or any(k in problem for k in _AT_CONTEXT)):
        mark = context
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    ru = en = None
    if "cannot start any token" in problem and mark is not None and text[mark.index : mark.index + 1] == "\t":
        ru, en = _TAB
    if "unexpected end of stream" in problem and "quoted" not in (getattr(exc, "context", None) or ""):
        ru, en = "файл неожиданно закончился (незакрытая скобка?)", "unexpected end of file (an unclosed bracket?)"
    for key, (r, e) in _PROBLEM_RU.items():
        if ru is None and key in problem:
            ru, en = r, e
    if ru is None:
        if "special characters are not allowed" in problem or "unacceptable character" in problem:
            ru = "недопустимый управляющий символ в файле"
            en = "a control character that YAML does not allow"
        else:
            ru = f"синтаксическая ошибка YAML: {problem}"
            en = f"YAML syntax error: {problem}"
    return Problem(SYNTAX, ru, en, line, col)


def _too_deep(text: str) -> Problem | None:
    """Bound nesting before the (recursive) composer sees the text."""
    brackets = text.count("[") + text.count("{")
    if brackets < 200 and len(text) < 200_000:
        return None
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    m = event.start_mark
                    return Problem(
                        SYNTAX,
                        f"вложенность глубже {MAX_DEPTH} уровней",
                        f"nesting deeper than {MAX_DEPTH} levels",
                        m.line + 1,
                        m.column + 1,
                    )
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None  # compose reports it with its position
    return None


# The implicit resolvers of the (C)SafeLoader are keyed by a scalar's first
# character: a plain scalar whose first character has none resolves to str.
_IMPLICIT = _Loader.yaml_implicit_resolvers
_base_resolve = _Loader.resolve
assert None not in _IMPLICIT and not _Loader.yaml_path_resolvers


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


class _FastLoader(_Loader):  # type: ignore[misc, valid-type]
    """libyaml composition with the same tags as the SafeLoader, resolved cheaply."""

    # The composer calls these two hooks around every node; without path
    # resolvers (asserted above) they do nothing, and a C callable that does
    # nothing costs less than a Python method that does nothing.
    descend_resolver = operator.is_  # (parent, index) -> ignored
    ascend_resolver = tuple  # () -> ignored

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
            return tag  # type: ignore[no-any-return]
        return _base_resolve(self, kind, value, implicit)  # type: ignore[no-any-return]


class _LocateLoader(_Loader):  # type: ignore[misc, valid-type]
    """Composition for locations only: marks and structure, no tags."""

    descend_resolver = operator.is_
    ascend_resolver = tuple

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        return T_STR if kind is yaml.ScalarNode else T_SEQ if kind is yaml.SequenceNode else T_MAP


def compose(text: str) -> yaml.Node | None:
    loader = _FastLoader if FAST else yaml.SafeLoader
    return yaml.compose(text, Loader=loader)  # type: ignore[no-any-return]


def compose_for_locate(text: str) -> yaml.Node | None:
    """The node tree :func:`locate` walks (tags are not resolved: it reads marks only)."""
    loader = _LocateLoader if FAST else yaml.SafeLoader
    return yaml.compose(text, Loader=loader)  # type: ignore[no-any-return]


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
        out.problems.append(_yaml_error(exc, text))
        return out
    except RecursionError:
        out.problems.append(Problem(SYNTAX, "слишком глубокая вложенность", "nesting too deep"))
        return out
    if node is None:
        return out
    # every node costs 1 and every character of a scalar 1: a file without aliases stays under twice its
    # length; aliases to a long text cannot multiply it into gigabytes for the renderers
    budget = 2 * len(text) + ALIAS_SLACK
    if FAST:
        # escapes in double-quoted scalars are the only way to a control
        # character that the text itself does not hold
        check_chars = "\\" in text or _SUSPECT_CHARS.search(text) is not None
        try:
            out.data = _fast_convert(node, budget, check_chars)
            return out
        except _Slow:
            pass  # the reference converter says what is wrong, and where
    conv = _Converter(budget=budget)
    try:
        out.data = conv.convert(node, (), 0)
    except _Stop as stop:
        out.problems.append(stop.problem)
        out.data = None
        return out
    out.problems.extend(conv.problems)
    return out


class _Slow(Exception):
    """The fast converter met something that may be a problem."""


def _fast_convert(root: yaml.Node, budget: int, check_chars: bool) -> Any:
    """Node tree -> data, as :class:`_Converter` does for a file without problems.

    No paths are built; anything the reference converter would report
    (a tag, a complex or duplicate key, a merge, depth, the alias budget, a
    control character) raises :class:`_Slow`. Scalars, most of the nodes, are
    handled inline (the same few lines three times) rather than by a call each.
    """
    left = budget
    scalar_node, seq_node, map_node = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode
    scalar_tags, control, resolve = _SCALAR_TAGS, _SUSPECT_CHARS, resolve_plain

    def conv(node: yaml.Node, depth: int) -> Any:
        nonlocal left
        left -= 1
        if left < 0 or depth > MAX_DEPTH:
            raise _Slow
        cls = node.__class__
        if cls is scalar_node:  # only a document that is one scalar
            value = node.value
            left -= len(value)
            if node.tag != T_STR:
                if node.tag not in scalar_tags:
                    raise _Slow
                if not node.style:
                    resolved = resolve(value)
                    if resolved is not value:
                        return resolved
            if check_chars and control.search(value):
                raise _Slow
            return value
        depth += 1
        if cls is seq_node:
            if node.tag != T_SEQ:
                raise _Slow
            items: list[Any] = []
            append = items.append
            for child in node.value:
                if child.__class__ is not scalar_node:
                    append(conv(child, depth))
                    continue
                left -= 1 + len(child.value)
                if left < 0 or depth > MAX_DEPTH:
                    raise _Slow
                value = child.value
                if child.tag != T_STR:
                    if child.tag not in scalar_tags:
                        raise _Slow
                    if not child.style:
                        resolved = resolve(value)
                        if resolved is not value:
                            append(resolved)
                            continue
                if check_chars and control.search(value):
                    raise _Slow
                append(value)
            return items
        if cls is not map_node or node.tag != T_MAP:
            raise _Slow
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not scalar_node or key_node.tag == T_MERGE:
                raise _Slow
            left -= 1 + len(key_node.value)
            if left < 0 or depth > MAX_DEPTH:
                raise _Slow
            key = key_node.value
            if key_node.tag != T_STR:
                if key_node.tag not in scalar_tags:
                    raise _Slow
                if not key_node.style:
                    key = resolve(key)
            if check_chars and isinstance(key, str) and control.search(key):
                raise _Slow
            if key in result:
                raise _Slow
            if value_node.__class__ is not scalar_node:
                result[key] = conv(value_node, depth)
                continue
            left -= 1 + len(value_node.value)
            if left < 0 or depth > MAX_DEPTH:
                raise _Slow
            value = value_node.value
            if value_node.tag != T_STR:
                if value_node.tag not in scalar_tags:
                    raise _Slow
                if not value_node.style:
                    resolved = resolve(value)
                    if resolved is not value:
                        result[key] = resolved
                        continue
            if check_chars and control.search(value):
                raise _Slow
            result[key] = value
        return result

    data = conv(root, 0)
    if left < 0:  # the last scalar's characters
        raise _Slow
    return data


class _Stop(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def _pos(node: yaml.Node) -> tuple[int, int, int, int]:
    s, e = node.start_mark, node.end_mark
    return s.line + 1, s.column + 1, e.line + 1, e.column + 1


class _Converter:
    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.problems: list[Problem] = []
        #: collection nodes being converted: meeting one again is a recursive alias
        self.active: set[int] = set()

    def _fail(self, node: yaml.Node, ru: str, en: str, path: tuple[str | int, ...]) -> Problem:
        line, col, el, ec = _pos(node)
        return Problem(SYNTAX, ru, en, line, col, el, ec, path)

    def convert(self, node: yaml.Node, path: tuple[str | int, ...], depth: int) -> Any:
        self.budget -= 1 + len(node.value) if isinstance(node, yaml.ScalarNode) else 1
        if self.budget < 0:
            raise _Stop(
                self._fail(
                    node,
                    "якоря и ссылки (anchors/aliases) раскрываются в слишком большой документ (YAML-бомба?)",
                    "anchors and aliases expand past a safe bound (a YAML bomb?)",
                    path,
                )
            )
        if depth > MAX_DEPTH:
            raise _Stop(
                self._fail(
                    node, f"вложенность глубже {MAX_DEPTH} уровней", f"nesting deeper than {MAX_DEPTH} levels", path
                )
            )
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            if tag not in _SCALAR_TAGS:
                raise _Stop(self._tag(node, path))
            return self._scalar(node, path)
        if id(node) in self.active:
            raise _Stop(
                self._fail(
                    node,
                    "якорь ссылается сам на себя (рекурсивная ссылка *alias внутри &anchor)",
                    "an anchor refers to itself (a recursive *alias inside its &anchor)",
                    path,
                )
            )
        self.active.add(id(node))
        try:
            return self._collection(node, path, depth)
        finally:
            self.active.discard(id(node))

    def _collection(self, node: yaml.Node, path: tuple[str | int, ...], depth: int) -> Any:
        tag = node.tag
        if isinstance(node, yaml.SequenceNode):
            if tag != T_SEQ:
                raise _Stop(self._tag(node, path))
            return [self.convert(child, (*path, i), depth + 1) for i, child in enumerate(node.value)]
        if tag != T_MAP:
            raise _Stop(self._tag(node, path))
        result: dict[Any, Any] = {}
        merged: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == T_MERGE:
                self._merge(merged, value_node, path, depth)
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Stop(
                    self._fail(
                        key_node,
                        "ключ должен быть строкой, а не списком или словарем",
                        "a key must be a plain string, not a list or mapping",
                        path,
                    )
                )
            key = self.convert(key_node, path, depth + 1)
            if key in result:
                line, col, el, ec = _pos(key_node)
                raise _Stop(
                    Problem(
                        SYNTAX,
                        f"ключ «{key}» повторяется в одном словаре",
                        f"duplicate key '{key}' in a mapping",
                        line,
                        col,
                        el,
                        ec,
                        (*path, key),
                    )
                )
            result[key] = self.convert(value_node, (*path, key), depth + 1)
        if merged:
            for k, v in merged.items():
                result.setdefault(k, v)
        return result

    def _merge(self, into: dict[Any, Any], node: yaml.Node, path: tuple[str | int, ...], depth: int) -> None:
        sources = node.value if isinstance(node, yaml.SequenceNode) else [node]
        for src in sources:
            if not isinstance(src, yaml.MappingNode):
                raise _Stop(
                    self._fail(
                        src, "слияние «<<» принимает только словари", "a merge key '<<' takes mappings only", path
                    )
                )
            data = self.convert(src, path, depth + 1)
            for k, v in data.items():
                into.setdefault(k, v)

    def _tag(self, node: yaml.Node, path: tuple[str | int, ...]) -> Problem:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        return self._fail(
            node,
            f"неподдерживаемый тег YAML «{tag}»: в реестре допустимы только обычные значения",
            f"unsupported YAML tag '{tag}': a registry holds plain values only",
            path,
        )

    def _scalar(self, node: yaml.ScalarNode, path: tuple[str | int, ...]) -> Any:
        value: str = node.value
        if not node.style and node.tag != T_STR:
            resolved = resolve_plain(value)
            if resolved is not value:
                return resolved
        bad = CONTROL_CHARS.search(value)
        if bad is None:
            invisible = INVISIBLE_CHARS.search(value)
            if invisible is not None:
                line, col, el, ec = _pos(node)
                code = f"U+{ord(invisible.group()):04X}"
                self.problems.append(
                    Problem(
                        SCHEMA,
                        f"текст содержит невидимый символ {code} (направление текста или нулевая ширина): удалите его",
                        f"the text holds the invisible character {code} (text direction or zero width): remove it",
                        line,
                        col,
                        el,
                        ec,
                        path,
                    )
                )
        else:
            line, col, el, ec = _pos(node)
            self.problems.append(
                Problem(
                    SCHEMA,
                    f"текст содержит управляющий символ U+{ord(bad.group()):04X}, который нельзя записать в документ",
                    f"the text holds control character U+{ord(bad.group()):04X}, which a document cannot hold",
                    line,
                    col,
                    el,
                    ec,
                    path,
                )
            )
        return value


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


# --- locations ---------------------------------------------------------------------


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
    if end.column == 0 and end.line > start.line:
        # libyaml ends a block collection at the start of the next line
        end_line = end.line
        end_col = len(lines[end_line - 1].rstrip()) + 1 if end_line - 1 < len(lines) else 1
    line = start.line + 1
    anchors = {line} | {n for n in (parent_line, parent_key_line) if n is not None}
    return Span(line, start.column + 1, end_line, end_col, tuple(sorted(anchors)))
