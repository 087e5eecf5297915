"""``tpkit fmt``: canonical formatting of registry files, comments and data kept.

ruamel.yaml's round trip keeps comments, anchors, quoting and flow style;
tpkit adds the canonical key order of each file kind (the order of the model
fields in :mod:`tpkit.registry.models`), two-space indentation with indented
sequences, and a line width large enough that long Russian text is never
folded mid-sentence.

Every result is checked before it is written: the new text must load to the
same data (with tpkit's own reader) and hold the same comments (as a
multiset). A file that fails either check, or does not parse, is reported and
left untouched. Files whose text does not change are not rewritten.
"""

from __future__ import annotations

import io
import re
import types
import typing
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from ..registry.files import CONFIG_FILE, kind_of
from ..registry.problem import FATAL
from ..registry.span import START
from .yamltext import MAX_FILE_BYTES, decode, parse, round_trip_yaml


class FmtError(Exception):
    """This file cannot be formatted safely; it is left as it is."""

    def __init__(self, message: str, line: int | None = 1, column: int | None = 1) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


@dataclass
class FmtResult:
    root: Path
    #: files whose formatting changes (rewritten unless --check)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    #: (file, line, column, message): not touched
    failed: list[tuple[str, int | None, int | None, str]] = field(default_factory=list)
    #: named on the command line but not registry files
    skipped: list[str] = field(default_factory=list)


# --- key order from the models ----------------------------------------------------------


def _models_in(tp: Any) -> list[type[BaseModel]]:
    """The pydantic model classes that a field annotation can hold, directly or in lists."""
    origin = get_origin(tp)
    if origin is typing.Annotated:
        return _models_in(get_args(tp)[0])
    if origin in (Union, types.UnionType, list, tuple, set):
        out: list[type[BaseModel]] = []
        for arg in get_args(tp):
            out.extend(_models_in(arg))
        return out
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    return []


def _field_info(model: type[BaseModel]) -> tuple[list[str], dict[str, type[BaseModel]]]:
    order = list(model.model_fields)
    nested: dict[str, type[BaseModel]] = {}
    for name, info in model.model_fields.items():
        found = _models_in(info.annotation)
        if found:
            nested[name] = found[0]
    return order, nested


# --- comments -------------------------------------------------------------------------------


def _scalar_spans(text: str) -> list[tuple[int, int]]:
    import yaml

    spans = [
        (tok.start_mark.index, tok.end_mark.index)
        for tok in yaml.scan(text, Loader=yaml.SafeLoader)
        if isinstance(tok, yaml.ScalarToken)
    ]
    spans.sort()
    return spans


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    import bisect

    i = bisect.bisect_right(spans, (at, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= at < spans[i][1]


def _continues(spans: list[tuple[int, int]], line_start: int, at: int) -> bool:
    """Whether ``at`` is inside a scalar that started on an earlier line (a continuation line)."""
    import bisect

    i = bisect.bisect_right(spans, (at, float("inf"))) - 1
    return i >= 0 and spans[i][0] < line_start and at < spans[i][1]


_ALIAS_EOL = re.compile(r"^(?P<body>[^#\n]*\*[^\s#,\]}]+)[ \t]+(?P<comment>#[^\n]*?)\s*$")
_ALIAS_LINE = re.compile(r"^(?P<body>[^#\n]*\*[^\s#,\]}]+)[ \t]*$")


def rejoin_alias_comments(original: str, out: str) -> str:
    """Put back an end-of-line comment that ruamel moves below a line ending with an alias (``key: *a  # c``)."""
    wanted = set()
    for line in original.splitlines():
        m = _ALIAS_EOL.match(line)
        if m:
            wanted.add((m.group("body").strip(), m.group("comment")))
    if not wanted:
        return out
    lines = out.splitlines(keepends=True)
    result: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _ALIAS_LINE.match(line.rstrip("\n"))
        if m and i + 1 < len(lines):
            nxt = lines[i + 1].strip()
            if (m.group("body").strip(), nxt) in wanted:
                result.append(f"{m.group('body')}  {nxt}\n")
                i += 2
                continue
        result.append(line)
        i += 1
    return "".join(result)


def reindent_comments(text: str) -> str:
    """Give each whole-line comment the indentation of the line it stands before.

    ruamel keeps a comment's original column while it re-indents the data
    around it; a comment belongs to what follows it, so it follows that line.
    Comments at the end of the file keep their column.
    """
    spans = _scalar_spans(text)
    lines = text.splitlines(keepends=True)
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line)
    is_comment = []
    for line, start in zip(lines, starts, strict=True):
        stripped = line.lstrip(" ")
        col = len(line) - len(stripped)
        is_comment.append(stripped.startswith("#") and not _inside(spans, start + col))
    next_indent: int | None = None
    out = list(lines)
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if not line.strip():
            continue
        if is_comment[i]:
            if next_indent is not None:
                out[i] = " " * next_indent + line.lstrip(" ")
            continue
        col = len(line) - len(line.lstrip(" "))
        if not _continues(spans, starts[i], starts[i] + col):
            next_indent = col
    return "".join(out)


def comments(text: str) -> list[str]:
    """Every comment in a YAML text (without the leading spaces), in order.

    A ``#`` starts a comment at the start of a line or after a space, outside
    any scalar (the scanner says where scalars stand, block scalars included).
    """
    spans = _scalar_spans(text)
    out: list[str] = []
    pos = 0
    si = 0
    for line in text.splitlines(keepends=True):
        start = pos
        pos += len(line)
        body = line.rstrip("\r\n")
        i = body.find("#")
        while i >= 0:
            at = start + i
            while si < len(spans) and spans[si][1] <= at:
                si += 1
            inside = si < len(spans) and spans[si][0] <= at < spans[si][1]
            if not inside and (i == 0 or body[i - 1] in " \t"):
                out.append(body[i:].rstrip())
                break
            i = body.find("#", i + 1)
    return out


# --- reordering with comments kept in place ------------------------------------------------


def _is_block(value: Any) -> bool:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    return isinstance(value, (CommentedMap, CommentedSeq)) and len(value) > 0 and not value.fa.flow_style()


def _tail(container: Any, key: Any) -> tuple[Any, Any, int]:
    """Where ruamel keeps the comment that follows the value of ``container[key]``.

    For a block collection it is the last leaf inside it; for a scalar or a
    flow collection, the entry itself (position 2 in a mapping, 0 in a sequence).
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    value = container[key]
    if _is_block(value):
        if isinstance(value, CommentedMap):
            return _tail(value, list(value.keys())[-1])
        return _tail(value, len(value) - 1)
    return container, key, (0 if isinstance(container, CommentedSeq) else 2)


def _get_token(holder: tuple[Any, Any, int]) -> Any:
    container, key, pos = holder
    entry = container.ca.items.get(key)
    if not entry or len(entry) <= pos:
        return None
    return entry[pos]


def _split(token: Any) -> tuple[str, str]:
    """A tail comment token -> (end-of-line part, the comment lines after it)."""
    if token is None or not isinstance(getattr(token, "value", None), str):
        return "", ""
    value: str = token.value
    nl = value.find("\n")
    if nl < 0:
        return value, ""
    return value[: nl + 1], value[nl + 1 :]


def _set_token(holder: tuple[Any, Any, int], value: str) -> None:
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    container, key, pos = holder
    token = _get_token(holder)
    if token is not None:
        token.value = value
        return
    if not value or value == "\n":
        return
    entry = container.ca.items.setdefault(key, [None, None, None, None])
    while len(entry) <= pos:
        entry.append(None)
    entry[pos] = CommentToken(value if value.startswith(("\n", "#", " ")) else "\n" + value, CommentMark(0), None)


def _has_merge(cm: Any) -> bool:
    try:
        return bool(cm.merge)
    except Exception:
        return True


def _reorder(cm: Any, order: list[str], top: bool) -> None:
    keys = list(cm.keys())
    if len(keys) < 2 or _has_merge(cm):
        return
    known = [k for k in order if k in cm]
    new = known + [k for k in keys if k not in order]
    if new == keys:
        return
    # comment lines before each key (except the first) live at the tail of the key before it
    holders = {k: _tail(cm, k) for k in keys}
    eol: dict[Any, str] = {}
    lead: dict[Any, str] = {}
    after_last = ""
    for i, k in enumerate(keys):
        e, rest = _split(_get_token(holders[k]))
        eol[k] = e
        if i + 1 < len(keys):
            lead[keys[i + 1]] = rest
        else:
            after_last = rest
    lead.setdefault(keys[0], "")
    for k in new:
        cm.move_to_end(k)
    first_lead = lead[new[0]]
    entry = cm.ca.items.get(new[0])
    if not top and new[0] != keys[0] and entry and len(entry) > 1 and entry[1]:
        # comment lines kept before the key itself cannot stand before the first key of a
        # nested mapping (after "- "): keep them right after that key instead
        first_lead = "".join(" " * (t.column or 0) + t.value for t in entry[1] if t is not None) + first_lead
        entry[1] = None
    if first_lead and top:
        from ruamel.yaml.error import CommentMark
        from ruamel.yaml.tokens import CommentToken

        if cm.ca.comment is None:
            cm.ca.comment = [None, []]
        while len(cm.ca.comment) < 2:
            cm.ca.comment.append(None)
        if cm.ca.comment[1] is None:
            cm.ca.comment[1] = []
        for line in first_lead.splitlines(keepends=True):
            body = line.lstrip(" ")
            if not body.strip():
                body = "\n"
            elif not body.endswith("\n"):
                body += "\n"
            cm.ca.comment[1].append(CommentToken(body, CommentMark(len(line) - len(line.lstrip(" "))), None))
        first_lead = ""
    # tails are recomputed: a key keeps its own end-of-line comment and takes the lines before the next key
    for i, k in enumerate(new):
        nxt = lead[new[i + 1]] if i + 1 < len(new) else after_last
        if i == 0 and first_lead:
            # no safe place before the first key of a nested mapping: keep the lines right after it
            nxt = first_lead + nxt
        e = eol[k]
        if nxt and not e:
            e = "\n"
        _set_token(holders[k], e + nxt)


def _canonicalize(node: Any, model: type[BaseModel] | None, top: bool = False) -> None:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedSeq):
        for item in node:
            _canonicalize(item, model)
        return
    if not isinstance(node, CommentedMap) or model is None:
        return
    order, nested = _field_info(model)
    # children first: their tails are where this mapping's comments live
    for key in list(node.keys()):
        if key in nested:
            _canonicalize(node[key], nested[key])
    _reorder(node, order, top)


# --- formatting ---------------------------------------------------------------------------


_DOC_START = re.compile(r"^---(\s|$)")


def _explicit_start(text: str) -> bool:
    for line in text.splitlines():
        s = line.strip()
        if not s or s.startswith("#") or s.startswith("%"):
            continue
        return bool(_DOC_START.match(line))
    return False


def format_text(text: str, kind: str | None) -> str:
    """The canonical text of one registry file; raises :class:`FmtError` when it cannot be done safely."""
    from ..registry.models import FILE_KINDS

    before = parse(text)
    fatal = [p for p in before.problems if p.kind in FATAL]
    if fatal:
        p = fatal[0]
        at = p.span or START  # the reader places what it finds
        raise FmtError(p.ru, at.line, at.column)
    if not text.strip():
        return text
    if all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        return text  # comments only: nothing to format
    try:
        y = round_trip_yaml(_explicit_start(text))
        data = y.load(text)
        model = FILE_KINDS.get(kind) if kind else None
        _canonicalize(data, model, top=True)
        buf = io.StringIO()
        y.dump(data, buf)
        out = reindent_comments(rejoin_alias_comments(text, buf.getvalue()))
    except FmtError:
        raise
    except Exception as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        raise FmtError(
            f"не удалось отформатировать: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}",
            line,
            col,
        ) from None
    after = parse(out)
    if (after.problems and not before.problems) or after.fatal:
        raise FmtError("после форматирования файл не читается; файл оставлен как есть (сообщите об ошибке tpkit)")
    if not _same(after.data, before.data):
        raise FmtError("форматирование изменило бы данные; файл оставлен как есть (сообщите об ошибке tpkit)")
    if Counter(comments(out)) != Counter(comments(text)):
        raise FmtError("форматирование потеряло бы комментарий; файл оставлен как есть (сообщите об ошибке tpkit)")
    return out


def _same(a: Any, b: Any) -> bool:
    """Equal data, NaN included, and the same key order not required."""
    if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


# --- files -------------------------------------------------------------------------------------


def _targets(root: Path, paths: list[Path]) -> tuple[list[tuple[Path, str]], list[str]]:
    """(file, kind) pairs to format, and named files that are not registry files."""
    from ..registry.load import discover

    if not paths:
        paths = [root]
    out: dict[Path, str] = {}
    skipped: list[str] = []
    every = [(root / CONFIG_FILE, "tpkit"), *discover(root)]
    for p in paths:
        rp = p.resolve()
        if rp.is_dir():
            for f, kind in every:
                fr = f.resolve() if not f.is_symlink() else f
                if f.is_file() and not f.is_symlink() and (fr == rp or rp in fr.parents):
                    out[f] = kind
            continue
        try:
            rel = rp.relative_to(root).as_posix()
        except ValueError:
            skipped.append(str(p))
            continue
        named = kind_of(rel)
        if named is None or p.is_symlink():
            skipped.append(rel)
        else:
            out[root / rel] = named
    return sorted(out.items(), key=lambda fk: fk[0].relative_to(root).as_posix()), skipped


def fmt_paths(root: Path, paths: list[Path], *, check: bool = False) -> FmtResult:
    """Format registry files under ``paths`` (default: the whole registry)."""
    from stat import S_ISREG

    from ..util import atomic_write_text

    result = FmtResult(root=root)
    targets, result.skipped = _targets(root, paths)
    for path, kind in targets:
        rel = path.relative_to(root).as_posix()
        try:
            st = path.stat()
            if not S_ISREG(st.st_mode):  # a FIFO named on the command line would block the read forever
                result.failed.append((rel, 1, 1, "это не обычный файл (канал или устройство)"))
                continue
            if st.st_size > MAX_FILE_BYTES:
                result.failed.append((rel, 1, 1, "файл больше 10 МБ"))
                continue
            raw = path.read_bytes()
        except OSError as exc:
            result.failed.append((rel, 1, 1, f"не удалось прочитать: {exc.strerror}"))
            continue
        text, problem = decode(raw)
        if text is None:
            assert problem is not None
            at = problem.span or START
            result.failed.append((rel, at.line, at.column, problem.ru))
            continue
        # a file with Windows line endings (a checkout with core.autocrlf) keeps them: formatted as LF, written back
        # as CRLF, so a canonical file is unchanged and no line is left with the other ending
        crlf = text.count("\r\n") * 2 > text.count("\n")
        try:
            out = format_text(text.replace("\r\n", "\n"), kind)
        except FmtError as exc:
            result.failed.append((rel, exc.line, exc.column, str(exc)))
            continue
        if crlf:
            out = out.replace("\n", "\r\n")
        if out.encode("utf-8") == raw:
            result.unchanged.append(rel)
            continue
        result.changed.append(rel)
        if not check:
            atomic_write_text(path, out)
    return result
