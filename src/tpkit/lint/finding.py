"""Findings: what a rule says about a place in the registry."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..registry.enums import SEVERITIES
from ..registry.span import Span

#: info 0, warning 1, error 2
SEVERITY_RANK = {s: i for i, s in enumerate(reversed(SEVERITIES))}

YamlPath = tuple[str | int, ...]


class Bi:
    """A value with a Russian and an English form (a label inside a message)."""

    __slots__ = ("en", "ru")

    def __init__(self, ru: str, en: str | None = None) -> None:
        self.ru = ru
        self.en = ru if en is None else en

    def get(self, lang: str) -> str:
        return self.ru if lang == "ru" else self.en

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Bi({self.ru!r}, {self.en!r})"


@dataclass(slots=True)
class Hit:
    """What a rule yields: a place and the arguments of the rule's message.

    The engine turns hits into :class:`Finding` objects: it formats the
    message in the chosen language, finds the line and column, applies
    suppressions and computes the fingerprint.
    """

    code: str
    file: str
    path: YamlPath = ()
    object: str = ""
    args: dict[str, Any] = field(default_factory=dict)
    #: a discriminator for the fingerprint when one node carries several findings
    key: str = ""
    #: where it stands, when it is known already (a problem the reader found); None: where ``path`` stands
    span: Span | None = None
    #: ready messages (problems found by the reader carry their own)
    ru: str | None = None
    en: str | None = None
    #: the files the finding is about besides its own (the processes that use a catalogue entry without a basis):
    #: when the configuration or a file-wide comment switches the rule off in every one of them, it is off for the
    #: finding
    about: tuple[str, ...] = ()


@dataclass(slots=True, init=False)
class Finding:
    """A finding as reports show it: the rule, the message, the file and where in it (one :class:`Span`)."""

    rule: str
    name: str
    severity: str
    message: str
    path: str
    span: Span
    yaml_path: str
    object: str
    fingerprint: str
    #: the other parts of the fingerprint (review recomputes it for a renamed file)
    stable_path: str
    key: str

    def __init__(
        self,
        rule: str,
        name: str,
        severity: str,
        message: str,
        path: str,
        line: int = 1,
        column: int = 1,
        end_line: int = 1,
        end_column: int = 1,
        yaml_path: str = "",
        object: str = "",
        fingerprint: str = "",
        stable_path: str = "",
        key: str = "",
        *,
        span: Span | None = None,
    ) -> None:
        """``span`` is the place (the engine passes the one it located); the flat ``line``, ``column``,
        ``end_line``, ``end_column`` (the JSON report's fields) build it when it is not given."""
        self.rule = rule
        self.name = name
        self.severity = severity
        self.message = message
        self.path = path
        self.span = span if span is not None else Span(line, column, end_line, end_column)
        self.yaml_path = yaml_path
        self.object = object
        self.fingerprint = fingerprint
        self.stable_path = stable_path
        self.key = key

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    @property
    def end_line(self) -> int:
        return self.span.end_line

    @property
    def end_column(self) -> int:
        return self.span.end_column

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "yaml_path": self.yaml_path,
            "object": self.object,
            "fingerprint": self.fingerprint,
        }

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.span.line, self.span.column, self.rule, self.message)


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def printable(text: str) -> str:
    """``text`` with control and invisible characters shown as ``\\u001b``: a message quoting the
    registry's data must not move the cursor, recolour a terminal or reverse a line."""
    if not _UNPRINTABLE.search(text):
        return text
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def pointer(path: YamlPath) -> str:
    """A JSON-pointer-like rendering of a YAML path: ``/touchpoints/1/needs``."""
    if not path:
        return ""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


#: the keys that name a list item, the most specific first: a notification is its event and a procedure's item its
#: subject, equipment, feature, name or clients, each with the touchpoint it stands at when it has one (two
#: notifications through the portal, one event sent by the portal and by SMS, two pieces of equipment at one
#: reception are each two items); an entry of a process or an assessment is its touchpoint
_IDENTITY_KEYS = ("id", "event", "subject", "equipment", "feature", "name", "clients", "touchpoint")


def _identity(item: dict[Any, Any]) -> str | None:
    for k in _IDENTITY_KEYS:
        v = item.get(k)
        if isinstance(v, (str, int)):
            at = item.get("touchpoint")
            if k not in ("id", "touchpoint") and isinstance(at, (str, int)):
                return f"{k}={v},touchpoint={at}"
            return f"{k}={v}"
    return None


def stable_path(data: Any, path: YamlPath) -> str:
    """The YAML path with list indices replaced by the item's identity where it has one.

    ``/touchpoints/[epgu]/needs`` survives an entry inserted above it, which
    an index does not: fingerprints are built from this form.
    """
    parts: list[str] = []
    node = data
    for step in path:
        if isinstance(step, int) and isinstance(node, list) and 0 <= step < len(node):
            item = node[step]
            ident = None
            if isinstance(item, dict):
                ident = _identity(item)
            elif isinstance(item, (str, int)):
                ident = f"={item}"
            parts.append(f"[{ident}]" if ident is not None else str(step))
            node = item
        else:
            parts.append(str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return "/" + "/".join(parts) if parts else ""


def fingerprint(rule: str, path: str, stable: str, obj: str, key: str = "") -> str:
    import hashlib  # loaded only when there is a finding (a clean lint starts faster)

    raw = "\x1f".join((rule, path, stable, obj, key)).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()[:32]
