"""The offline search: an index written at build time, read by ``static/search.js``; the colloquial names.

Words are folded (lower case, «ё» → «е») and reduced to their Snowball stems (Russian, then English for latin
words) at build time; the browser folds the typed words the same way and matches each one as a prefix of an
indexed word or stem, or an indexed stem as a prefix of the typed word («пособиями» finds «пособие»). Every
typed word must match. The index is a ``<script>`` (not JSON fetched), so it loads from ``file://`` too.

People call touchpoints by other names than a register does: «госуслуги» is ЕПГУ, «мои документы» a МФЦ.
:data:`SYNONYMS` (extended by ``site.synonyms`` in ``tpkit.yaml``) maps such a word or phrase to the names it
stands for; a document that holds all the words of one of those names is indexed under the colloquial words too,
so both the search and the A–Z page find it by them. (The need codes' own synonyms, «информирование» → ``info``,
are another table, the importer's.)
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache

_WORD = re.compile(r"[0-9a-zа-я]+")

#: colloquial word or phrase -> the names (as a register writes them) it stands for
SYNONYMS: dict[str, tuple[str, ...]] = {
    "госуслуги": ("ЕПГУ", "Единый портал государственных и муниципальных услуг", "портал госуслуг"),
    "мои документы": ("МФЦ", "многофункциональный центр"),
    "мфц": ("многофункциональный центр",),
    "чатбот": ("чат-бот",),
    "телефон": ("контактный центр", "колл-центр", "горячая линия"),
    "горячая линия": ("контактный центр", "колл-центр"),
    # what a person on a phone types: «позвонить», «звонок»
    "позвонить": ("контактный центр", "колл-центр", "горячая линия"),
    "звонок": ("контактный центр", "колл-центр", "горячая линия"),
    # a benefit is «пособие» to people and a «выплата» in a register's titles
    "пособие": ("выплата",),
    "мой бизнес": ("центр «Мой бизнес»", "центр поддержки предпринимательства"),
}


def fold(text: str) -> str:
    return text.lower().replace("ё", "е")


@lru_cache(maxsize=1)
def _stemmers() -> tuple[object, object]:
    import snowballstemmer

    return snowballstemmer.stemmer("russian"), snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    ru, en = _stemmers()
    stemmer = en if word.isascii() else ru
    out: str = stemmer.stemWord(word)  # type: ignore[attr-defined]
    return out


def terms(text: str) -> set[str]:
    """The folded words of ``text`` and their stems."""
    out: set[str] = set()
    for w in _WORD.findall(fold(text)):
        out.add(w)
        if len(w) > 3:
            out.add(_stem(w))
    return out


def synonyms(extra: Mapping[str, Iterable[str]] = {}) -> dict[str, tuple[str, ...]]:
    """The built-in table and an agency's additions (``site.synonyms``), by folded key."""
    out: dict[str, list[str]] = {fold(k): list(v) for k, v in SYNONYMS.items()}
    for key, names in extra.items():
        merged = out.setdefault(fold(key), [])
        merged += [n for n in names if n not in merged]
    return {k: tuple(v) for k, v in out.items()}


def _holds(doc: set[str], name: str) -> bool:
    """Whether a document's terms hold every word of ``name`` (as the word or its stem)."""
    words = _WORD.findall(fold(name))
    return bool(words) and all(w in doc or (len(w) > 3 and _stem(w) in doc) for w in words)


class SearchIndex:
    """Documents (kind, title, page) and the terms of each."""

    def __init__(self) -> None:
        self.docs: list[tuple[str, str, str]] = []
        self.doc_terms: list[set[str]] = []

    def add(self, kind: str, title: str, path: str, *texts: str) -> None:
        found: set[str] = set()
        for t in (title, *texts):
            found |= terms(t)
        self.docs.append((kind, title, path))
        self.doc_terms.append(found)

    def colloquial(self, table: Mapping[str, tuple[str, ...]]) -> dict[str, list[int]]:
        """Index each document under the colloquial words whose names it holds; which documents each word found."""
        keys = {key: terms(key) for key in table}
        found: dict[str, list[int]] = {}
        for n, doc in enumerate(self.doc_terms):
            for key, names in table.items():
                if any(_holds(doc, name) for name in names):
                    found.setdefault(key, []).append(n)
        for key, docs in found.items():
            for n in docs:
                self.doc_terms[n] |= keys[key]
        return found

    def script(self) -> str:
        postings: dict[str, list[int]] = defaultdict(list)
        for n, doc in enumerate(self.doc_terms):
            for term in doc:
                postings[term].append(n)
        data = {"docs": self.docs, "terms": {t: postings[t] for t in sorted(postings)}}
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
        # a JSON text inside <script>: «</» must not close it
        return "window.TPKIT_INDEX = " + text.replace("</", "<\\/") + ";\n"
