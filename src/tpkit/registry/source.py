"""One registry file: its bytes as text, its data, and where its nodes stand."""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problem import MERGE_CONFLICT, SYNTAX, UNREADABLE, Problem
from .span import START, Span
from .yaml import (
    MAX_FILE_BYTES,
    ChildIndex,
    KeyIndex,
    compose_for_locate,
    decode,
    line_starts,
    locate,
    locate_marks,
    parse,
)


@dataclass(slots=True)
class SourceFile:
    #: POSIX path relative to the registry root
    rel: str
    kind: str
    text: str | None = None
    data: Any = None
    problems: list[Problem] = field(default_factory=list)
    #: True once the file's data passed the schema
    valid: bool = False
    #: where the nodes of ``data`` stand (the converter's marks), or None: the text is composed again to locate
    marks: array[int] | None = None
    _root: yaml.Node | None = None
    _composed: bool = False
    _lines: list[str] | None = None
    _index: KeyIndex = field(default_factory=dict)
    _children: ChildIndex = field(default_factory=dict)
    _starts: list[int] | None = None

    @property
    def stem(self) -> str:
        name = self.rel.rsplit("/", 1)[-1]
        return name.rsplit(".", 1)[0]

    def span(self, path: tuple[str | int, ...]) -> Span:
        """Line and column of a YAML path (from the marks, else composing the text again, once, on demand)."""
        if self.text is None:
            return START
        if self.marks is not None:
            if self._lines is None:
                self._lines = self.text.splitlines()
                self._starts = line_starts(self.text)
            return locate_marks(self.data, self.marks, path, self.text, self._lines, self._starts, self._children)
        if not self._composed:
            self._composed = True
            try:
                self._root = compose_for_locate(self.text)
            except (yaml.YAMLError, RecursionError):
                self._root = None
            self._lines = self.text.splitlines()
        return locate(self._root, path, self._lines or [], self._index)

    def release(self) -> None:
        """Drop the composed tree and the caches (memory) once findings are located."""
        self._root = None
        self._composed = False
        self._lines = None
        self._index = {}
        self._children = {}
        self._starts = None


def bad_name(rel: str, kind: str) -> SourceFile | None:
    """A file whose name is not UTF-8 (bytes the system decoded to surrogates): not read, TP005 under a printable
    form of its name (``bad-\\xff.yaml``), so the rest of the registry is linted and reports can be written."""
    try:
        rel.encode("utf-8")
        return None
    except UnicodeEncodeError:
        shown = rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return SourceFile(
        shown,
        kind,
        problems=[
            Problem(
                UNREADABLE,
                "имя файла не в кодировке UTF-8: файл не прочитан; переименуйте его",
                "the file name is not UTF-8: the file was not read; rename it",
            )
        ],
    )


def read_source(root: Path, path: Path, kind: str) -> SourceFile:
    """Read and parse one file; every failure becomes a problem, never an exception."""
    rel = path.relative_to(root).as_posix()
    bad = bad_name(rel, kind)
    if bad is not None:
        return bad
    src = SourceFile(rel, kind)
    try:
        if path.is_symlink():
            try:
                target = path.resolve()
            except RuntimeError:  # a symlink loop (Python < 3.13; later versions raise OSError)
                raise OSError(errno.ELOOP, os.strerror(errno.ELOOP)) from None
            try:
                target.relative_to(root.resolve())
            except ValueError:
                src.problems.append(
                    Problem(
                        UNREADABLE,
                        "символическая ссылка ведет за пределы реестра: файл не прочитан",
                        "a symbolic link that leaves the registry: the file was not read",
                    )
                )
                return src
        if path.is_dir():
            src.problems.append(Problem(UNREADABLE, "это папка, а не файл YAML", "this is a folder, not a YAML file"))
            return src
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):  # a FIFO or a device would block or never end
            src.problems.append(
                Problem(
                    UNREADABLE,
                    "это не обычный файл (канал или устройство)",
                    "this is not a regular file (a pipe or a device)",
                )
            )
            return src
        size = st.st_size
        if size > MAX_FILE_BYTES:
            src.problems.append(too_large(size))
            return src
        with path.open("rb") as fh:  # bounded: the file may have grown since stat
            raw = fh.read(size + 1)  # read(n) allocates n bytes up front: ask for what stat promised
            if len(raw) > size:  # it grew: parse_source refuses it past the limit
                raw += fh.read(MAX_FILE_BYTES + 1 - len(raw))
    except OSError as exc:
        src.problems.append(
            Problem(
                UNREADABLE,
                f"файл не прочитан: {exc.strerror or exc}",
                f"the file could not be read: {exc.strerror or exc}",
            )
        )
        return src
    return parse_source(src, raw)


def too_large(size: int) -> Problem:
    """The TP001 problem of a file over :data:`~tpkit.registry.yaml.MAX_FILE_BYTES`."""
    mb = MAX_FILE_BYTES // (1024 * 1024)
    return Problem(
        SYNTAX,
        f"файл слишком большой ({size / 1048576:.1f} МБ, предел {mb} МБ): разделите его",
        f"the file is too large ({size / 1048576:.1f} MB, the limit is {mb} MB): split it",
    )


def parse_source(src: SourceFile, raw: bytes) -> SourceFile:
    """Decode and parse a file's bytes into ``src`` (shared by disk and git reading)."""
    if len(raw) > MAX_FILE_BYTES:
        src.problems.append(too_large(len(raw)))
        return src
    text, problem = decode(raw)
    if problem is not None:
        src.problems.append(problem)
        return src
    assert text is not None
    # one normal form for every comparison (ids, names, keys, lookups): editors on macOS save NFD
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    src.text = text
    src.problems.extend(conflict_markers(text))
    parsed = parse(text)
    src.data = parsed.data
    src.marks = parsed.marks
    src.problems.extend(parsed.problems)
    return src


def source_from_bytes(rel: str, kind: str, raw: bytes) -> SourceFile:
    """A :class:`SourceFile` from bytes read elsewhere (a git revision)."""
    return parse_source(SourceFile(rel, kind), raw)


#: a line git writes into a file it could not merge: seven ``<``, ``>`` or ``|`` and a label, or seven ``=``
_MARKER = re.compile(r"^([ \t]*)(<{7}|>{7}|\|{7})(?:[ \t].*)?$|^([ \t]*)={7}[ \t]*$", re.M)


def conflict_markers(text: str) -> list[Problem]:
    """Each merge-conflict marker line, wherever it stands: in a ``|`` block it is text that lint would pass and
    a document would print; elsewhere it also breaks the YAML (TP001), and this says why."""
    if "<<<<<<<" not in text and ">>>>>>>" not in text and "=======" not in text and "|||||||" not in text:
        return []
    out: list[Problem] = []
    for m in _MARKER.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        indent = len(m.group(1) if m.group(1) is not None else m.group(3))
        marker = m.group(2) or "======="
        out.append(
            Problem(
                MERGE_CONFLICT,
                f"неразрешенный конфликт слияния: строка «{marker}» осталась от git; выберите нужный вариант текста "
                f"и удалите строки-маркеры",
                f"an unresolved merge conflict: a «{marker}» line left by git; keep the right text and delete the "
                f"marker lines",
                Span(line, indent + 1, line, len(m.group(0).rstrip()) + 1),
                key=f"{marker}#{len(out)}",
            )
        )
    return out
