"""Which texts are web addresses: the one definition for the model's checks and for the site's links.

A browser ignores tabs and newlines anywhere in an address and spaces and control characters around it, and reads
the scheme case-insensitively, so ``" JaVa\\tScript:…"`` is ``javascript:``; the scheme is read the same way here.
Only ``http`` and ``https`` addresses become links (and a ``tel:`` number a ``tel:`` link); an address without a
scheme (``www.gosuslugi.ru``) is text. ``tel:`` and ``mailto:`` name a way to reach someone and carry no code, so a
``url`` may hold them (registers wrote a hot line as ``tel:+7800…`` before the catalogue had ``phone``); any other
scheme — ``javascript:``, ``data:``, ``vbscript:``, ``file:`` — is refused.
"""

from __future__ import annotations

import re

WEB_SCHEMES = ("http", "https")
#: what a ``url`` may be besides a web address
CONTACT_SCHEMES = ("tel", "mailto")
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
_IGNORED = re.compile(r"[\t\n\r]")
_LEADING = re.compile(r"^[\x00-\x20]+")


def url_scheme(text: str) -> str | None:
    """The scheme a browser would read from ``text`` (lower case), or None when it has none."""
    found = _SCHEME.match(_LEADING.sub("", _IGNORED.sub("", text)).lower())
    return found.group(1) if found else None


def refused_scheme(text: str) -> str | None:
    """The scheme of ``text`` when a ``url`` may not have it (``javascript``, ``data``, ``vbscript``, ``file``…)."""
    scheme = url_scheme(text)
    return scheme if scheme is not None and scheme not in WEB_SCHEMES + CONTACT_SCHEMES else None


def web_href(text: str) -> str | None:
    """``text`` as a link target when it is an http(s) address written plainly (``https://host…``, no spaces)."""
    value = text.strip()
    if re.fullmatch(r"[hH][tT][tT][pP][sS]?://[^\s\x00-\x1f\x7f]+", value) and url_scheme(value) in WEB_SCHEMES:
        return value
    return None
