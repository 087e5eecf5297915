"""The site's markup: jinja2 templates with autoescape (markupsafe's C escaping), and the few atoms made in Python.

Every page and picture is a template in ``templates/``; a value from the registry is escaped where a template
prints it. What Python makes itself — a link, a ``tel:`` link — is :class:`markupsafe.Markup` built with
``Markup.format``, which escapes each argument: no text reaches a page unescaped by a forgotten call. The site's
templates are tpkit's own, so they run in an ordinary environment, not in the documents' sandbox (an agency's
procedure template still does: :mod:`tpkit.site.objects`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from ..registry.sameness import phone_spans
from ..registry.weburl import url_scheme, web_href
from ..russian import agree, count

if TYPE_CHECKING:
    from jinja2 import Environment

HERE = Path(__file__).resolve().parent
#: on every page: nothing is loaded from anywhere but the site itself, no inline script or style runs
CSP = "default-src 'self'"


@cache
def environment() -> Environment:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["agree"] = agree
    env.filters["count"] = count
    env.filters["thin"] = thin
    env.filters["br"] = lines
    env.globals["CSP"] = CSP
    return env


def render(name: str, **context: Any) -> str:
    """The template ``name`` filled with ``context``."""
    return environment().get_template(name).render(**context)


def picture(name: str, **context: Any) -> Markup:
    """A picture's SVG from its template, ready to put into a page."""
    return Markup(render(name, **context))


def static(name: str) -> bytes:
    return (HERE / "static" / name).read_bytes()


def thin(number: int) -> str:
    """12000 -> «12 000» (a thin space between thousands, as Russian typography has it)."""
    return f"{number:,}".replace(",", "\u2009")


def lines(text: object) -> Markup:
    """Text with its line breaks kept as ``<br>``."""
    value = str(text)
    return Markup("<br>").join(value.split("\n")) if "\n" in value else escape(value)


def a(href: str, text: object, cls: str = "") -> Markup:
    """A link; ``href`` and ``text`` are escaped."""
    if cls:
        return Markup('<a href="%s" class="%s">%s</a>') % (href, cls, text)
    return Markup('<a href="%s">%s</a>') % (href, text)


def web_link(text: str) -> Markup:
    """An http(s) address as a link to itself, a ``tel:`` number as a ``tel:`` link; anything else (``mailto:``, no
    scheme, ``javascript:``, which a valid registry cannot hold) as plain text."""
    href = web_href(text)
    if href is not None:
        return a(href, text)
    if url_scheme(text) == "tel":
        return phone_links(text)
    return escape(text)


def phone_links(text: str) -> Markup:
    """The phone numbers in ``text`` as ``tel:`` links, the rest (an extension, a note) as text."""
    out, at = [], 0
    for start, end, digits in phone_spans(text):
        out.append(escape(text[at:start]))
        href = "tel:+" + digits if len(digits) == 11 else "tel:" + digits
        out.append(a(href, text[start:end]))
        at = end
    out.append(escape(text[at:]))
    return Markup("").join(out)


def join(items: Iterable[Markup | str], sep: str = "; ") -> Markup:
    """Items joined; plain text among them is escaped."""
    return Markup(sep).join(items)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(text: str) -> str:
    """Control characters (which no valid registry text holds, but a file name may) as U+FFFD."""
    return _CONTROL.sub("\ufffd", text)
