"""Problems: what the reader and the loader find wrong with the registry's files, before any rule runs.

A problem has a *kind*, not a rule code: the lint engine maps each kind to its structure rule (TP0xx), which
owns the severity, the documentation and the examples. The reader knows nothing of rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from .span import START, Span

#: the file cannot be read as YAML (syntax, nesting, a bomb, too large)
SYNTAX = "syntax"
#: the data does not fit the file kind's schema (or holds a control character)
SCHEMA = "schema"
#: an id that names nothing
REFERENCE = "reference"
#: two objects with one id
DUPLICATE_ID = "duplicate-id"
#: the file's bytes or name cannot be used (encoding, a link outside, a folder)
UNREADABLE = "unreadable"
#: a required file is missing
MISSING_FILE = "missing-file"
#: a process or procedure whose id is not its file name
ID_MISMATCH = "id-mismatch"

#: an unresolved merge-conflict marker line (``<<<<<<<``, ``=======``, ``>>>>>>>``, ``|||||||``)
MERGE_CONFLICT = "merge-conflict"

KINDS = (SYNTAX, SCHEMA, REFERENCE, DUPLICATE_ID, UNREADABLE, MISSING_FILE, ID_MISMATCH, MERGE_CONFLICT)
#: kinds after which a file's data cannot be used at all
FATAL = frozenset((SYNTAX, UNREADABLE))


@dataclass(slots=True)
class Problem:
    """Something wrong in a file, with its message in Russian and English.

    ``span`` is where it stands when the reader knows it; ``None`` means "where ``yaml_path`` stands", found
    later. ``file``, ``object`` and ``key`` are set by the loader: the registry file, the object concerned
    (``process:child-benefit``) and what tells two problems at one node apart.
    """

    kind: str
    ru: str
    en: str
    span: Span | None = START
    yaml_path: tuple[str | int, ...] = ()
    file: str = ""
    object: str = ""
    key: str = ""
