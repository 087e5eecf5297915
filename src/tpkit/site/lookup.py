"""Finding a page: the A–Z index (no script needed) and the search page, for the analyst's site and the public view.

Both list the same documents the search index holds; the A–Z page lists processes and touchpoints, and the
colloquial names (:data:`tpkit.site.search.SYNONYMS`) as «госуслуги — см. …».
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from .env import a, render
from .names import rel
from .search import SearchIndex, fold

#: the letters of the Russian alphabet a title may start with (А–Я, «Ё» read as «Е»)
_RU = "абвгдежзийклмнопрстуфхцчшщъыьэюя"


@dataclass(frozen=True)
class Entry:
    """One line of the A–Z page: a page (``path``, from the site's top) under its title."""

    title: str
    path: str
    kind: str


def _letter(title: str) -> tuple[str, str]:
    """The heading a title goes under and that heading's anchor: «А» … «Я», «A–Z», «0–9», «…»."""
    first = fold(title.lstrip(" «\"'(")[:1])
    if first and first in _RU:
        return first.upper(), f"l{_RU.index(first) + 1}"
    if first.isascii() and first.isalpha():
        return "A–Z", "latin"
    if first.isdigit():
        return "0–9", "digits"
    return "…", "other"


def _order(title: str) -> tuple[int, str]:
    letter, _ = _letter(title)
    rank = 0 if len(letter) == 1 and letter != "…" else {"A–Z": 1, "0–9": 2}.get(letter, 3)
    return rank, unicodedata.normalize("NFC", fold(title))


def az_page(
    path: str,
    entries: Sequence[Entry],
    see: dict[str, list[Entry]],
    *,
    intro: str,
    base: dict[str, object],
) -> str:
    """``entries`` by first letter; ``see``: a colloquial word and the entries it stands for."""
    lines: list[tuple[tuple[int, str], Markup]] = []
    for e in entries:
        line = Markup('{} <span class="kind">{}</span>').format(a(rel(path, e.path), e.title), e.kind)
        lines.append((_order(e.title), line))
    for word, targets in see.items():
        links = Markup("; ").join(a(rel(path, t.path), t.title) for t in targets)
        lines.append((_order(word), Markup("{} — см. {}").format(word, links)))
    lines.sort(key=lambda x: x[0])
    groups: list[tuple[str, str, list[Markup]]] = []
    for (_rank, title), line in lines:
        letter, anchor = _letter(title)
        if not groups or groups[-1][0] != letter:
            groups.append((letter, anchor, []))
        groups[-1][2].append(line)
    return render("az.html.j2", intro=intro, groups=groups, **base)


def see_also(index: SearchIndex, found: dict[str, list[int]], kinds: tuple[str, ...]) -> dict[str, list[Entry]]:
    """The colloquial words and the documents of ``kinds`` each found (for the A–Z page)."""
    out: dict[str, list[Entry]] = {}
    for word, docs in sorted(found.items()):
        targets = [Entry(index.docs[n][1], index.docs[n][2], index.docs[n][0]) for n in docs]
        targets = [t for t in targets if t.kind in kinds]
        if targets:
            out[word] = targets[:12]
    return out


def search_page(path: str, *, what: str, hint: str, base: dict[str, object]) -> str:
    return render("search.html.j2", what=what, hint=hint, **base)
