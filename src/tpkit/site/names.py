"""Where each page of the site stands: safe file names, page paths by kind, relative links.

Every page lives at the top of the site or one folder down (``process/ID.html``), and every link is
relative, so the site works from ``file://`` and under any sub-path.
"""

from __future__ import annotations

import hashlib
import re

#: the folders of object pages; a page path carries its kind, so one id used by two kinds cannot collide
KINDS = ("direction", "process", "touchpoint", "procedure", "act", "official")

_SAFE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,80}$")
# names Windows reserves whatever the extension: such a page could not be copied to a Windows share
_RESERVED = {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}


def safe_name(ident: str) -> str:
    """A file name for an id: the id itself when it is plain, else its safe letters and a short hash of it.

    A plain id (lowercase latin letters, digits, ``-``, ``_``) is kept as it is. Any other id (capitals,
    Cyrillic, ``/``, ``..``, spaces, a reserved Windows name, very long) keeps its safe letters and gets
    ``~`` and 8 hex digits of its SHA-1: ``~`` never occurs in a plain id, so the two kinds cannot meet.
    """
    if _SAFE.match(ident) and ident not in _RESERVED:
        return ident
    letters = re.sub(r"[^a-z0-9_-]+", "_", ident.lower()).strip("_")[:40] or "id"
    digest = hashlib.sha1(ident.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{letters}~{digest}"


class Names:
    """The page path of every object, fixed once per build; a collision of hashes gets a counter."""

    def __init__(self) -> None:
        self._paths: dict[tuple[str, str], str] = {}
        self._taken: set[str] = set()

    def add(self, kind: str, ident: str) -> str:
        key = (kind, ident)
        if key in self._paths:
            return self._paths[key]
        base = f"{kind}/{safe_name(ident)}"
        path, n = f"{base}.html", 1
        while path in self._taken:
            n += 1
            path = f"{base}~{n}.html"
        self._taken.add(path)
        self._paths[key] = path
        return path

    def get(self, kind: str, ident: str) -> str | None:
        return self._paths.get((kind, ident))


def rel(from_page: str, to_page: str) -> str:
    """The relative link from one page of the site to another (both paths from the site's top)."""
    return "../" * from_page.count("/") + to_page


def rule_page(code: str) -> str:
    """A rule's page: ``rules/tp101.html`` (the path ``docs_url`` points editors and SARIF at; keep it stable)."""
    return f"rules/{code.lower()}.html"
