"""Optional hyphens for Russian words in narrow table cells.

A table cell 15–25 mm wide cannot hold «ответственный» or «перераспределение»;
without hyphenation points a word processor breaks them anywhere, without a
hyphen. Word hyphenates Russian itself when automatic hyphenation is on, but
LibreOffice needs a dictionary that is often absent, so the cells carry
optional (soft) hyphens, placed by the classic syllable rules: a break goes
between a vowel and a consonant+vowel (мо-ло-ко), or between two consonants
(ко-ска), never before «й», «ь», «ъ», and leaves at least two letters and a
vowel on each side. An optional hyphen is invisible unless the line breaks there.
"""

from __future__ import annotations

import re
from functools import lru_cache

VOWELS = frozenset("аеёиоуыэюяАЕЁИОУЫЭЮЯ")
SIGNS = frozenset("йьъЙЬЪ")
_STOPS = frozenset("пбтдкгфвПБТДКГФВ")
_LIQUIDS = frozenset("рлРЛ")
_WORD = re.compile(r"[А-Яа-яЁё]{8,}")


def _is_cons(ch: str) -> bool:
    return ch.isalpha() and ch not in VOWELS and ch not in SIGNS


@lru_cache(maxsize=1 << 16)
def points(word: str) -> tuple[int, ...]:
    """Indices i such that a hyphen may go between word[i-1] and word[i] (cached: a register repeats its words)."""
    out: list[int] = []
    n = len(word)
    last = 0
    for i in range(2, n - 1):
        left, right = word[last:i], word[i:]
        if word[i] in SIGNS or len(left) < 2 or len(right) < 2:
            continue
        if not any(c in VOWELS for c in left) or not any(c in VOWELS for c in right):
            continue
        a, b = word[i - 1], word[i]
        nxt = word[i + 1] if i + 1 < n else ""
        if a in VOWELS and _is_cons(b) and nxt in VOWELS:  # V-CV
            ok = True
        elif a in VOWELS and b in _STOPS and nxt in _LIQUIDS and i + 2 < n and word[i + 2] in VOWELS:  # V-CrV
            ok = True
        elif a in _STOPS and b in _LIQUIDS:  # keep «пр», «бл», «тр» together
            ok = False
        elif a in VOWELS and b in VOWELS:  # V-V
            ok = True
        elif _is_cons(a) and _is_cons(b) and i >= 2 and (word[i - 2] in VOWELS or word[i - 2] in SIGNS):  # VC-CV
            ok = True
        elif a in SIGNS and (b in VOWELS or _is_cons(b)):  # after й/ь/ъ
            ok = True
        else:
            ok = False
        if ok:
            out.append(i)
            last = i
    return tuple(out)


def pieces(text: str) -> list[str]:
    """``text`` split at the optional hyphenation points of its long Russian words."""
    out: list[str] = []
    pos = 0
    for m in _WORD.finditer(text):
        word = m.group(0)
        cuts = points(word)
        if not cuts:
            continue
        start = m.start()
        prev = pos
        for c in cuts:
            out.append(text[prev : start + c])
            prev = start + c
        pos = prev
    out.append(text[pos:])
    return out
