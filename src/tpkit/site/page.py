"""A page as a list of parts (headings, properties, lists, tables, figures, findings) for ``page.html.j2``.

The page modules say what a page holds; the templates say how it is marked up and escape every text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from .env import render
from .names import rel

#: the analyst site's sections: (page, label)
NAV = (
    ("index.html", "Обзор"),
    ("az.html", "А–Я"),
    ("coverage.html", "Покрытие порядками"),
    ("findings.html", "Замечания"),
    ("rules/index.html", "Правила"),
)
FOOTER = "Сформировано tpkit по реестру точек взаимодействия."
SEARCH = ("Поиск по реестру", "Процесс, точка, акт, должностное лицо, потребность")

Text = str | Markup


@dataclass(slots=True)
class Part:
    kind: str
    text: Text = ""
    id: str = ""
    cls: str = ""
    rows: Sequence[Any] = ()
    items: Sequence[Any] = ()
    headers: Sequence[str] = ()
    label: str = ""
    empty: str = "Нет."
    svg: Markup = field(default_factory=Markup)
    caption: Text = ""
    html: Markup = field(default_factory=Markup)


def h2(text: Text, ident: str = "") -> Part:
    return Part("h2", text, id=ident)


def h3(text: Text, ident: str = "") -> Part:
    return Part("h3", text, id=ident)


def para(text: Text, cls: str = "") -> Part:
    return Part("p", text, cls=cls)


def props(rows: Iterable[tuple[str, Text]]) -> Part:
    """A definition list of the rows that have a value."""
    return Part("props", rows=[(k, v) for k, v in rows if v])


def items(values: Iterable[Text], cls: str = "links", empty: str = "Нет.") -> Part:
    return Part("list", items=list(values), cls=cls, empty=empty)


def table(
    headers: Sequence[str], rows: Iterable[Sequence[Text]], label: str, cls: str = "", empty: str = "Нет."
) -> Part:
    """A table in a frame of its own that scrolls sideways when it is wider than the screen (``label`` names the
    frame for a screen reader)."""
    return Part("table", headers=_headings(headers), rows=list(rows), label=label, cls=cls, empty=empty)


def _headings(headers: Sequence[str]) -> list[str]:
    """Column headings with a capital letter, as the register's documents head them («Точка взаимодействия»)."""
    return [h[:1].upper() + h[1:] for h in headers]


def spanned_table(
    headers: Sequence[str], rows: list[list[Text]], label: str, merged: Sequence[int], cls: str = ""
) -> Part:
    """A table whose columns ``merged`` span the rows below that repeat them (a process over its touchpoints)."""
    spans = [[1] * len(r) for r in rows]
    for col in merged:
        start = 0
        for i in range(1, len(rows) + 1):
            if i == len(rows) or rows[i][col] != rows[start][col]:
                spans[start][col] = i - start
                for j in range(start + 1, i):
                    spans[j][col] = 0
                start = i
    return Part(
        "spanned",
        headers=_headings(headers),
        rows=[list(zip(s, r, strict=True)) for s, r in zip(spans, rows, strict=True)],
        label=label,
        cls=cls,
    )


def cards(values: Iterable[tuple[Text, Text]]) -> Part:
    return Part("cards", items=list(values))


def figure(svg: Markup, caption: Text = "", cls: str = "", frame: str = "") -> Part:
    """A picture; with ``frame`` (its name for a screen reader), in a frame that scrolls sideways when the picture
    is wider than the screen (the picture keeps its size, and its labels stay legible)."""
    return Part("figure", svg=svg, caption=caption, cls=cls, label=frame)


def findings(values: list[Any]) -> Part:
    return Part("findings", items=values)


def pre(text: str) -> Part:
    return Part("pre", text)


def markup(html: Markup) -> Part:
    return Part("markup", html=html)


def shell(
    path: str,
    title: str,
    *,
    agency: str,
    crumbs: Iterable[tuple[str, str]] = (),
    draft: str = "",
    nav: Sequence[tuple[str, str]] = NAV,
    footer: str = FOOTER,
    search: tuple[str, str] = SEARCH,
) -> dict[str, Any]:
    """What ``base.html.j2`` needs for a page at ``path`` (from the site's top)."""
    return {
        "up": "../" * path.count("/"),
        "title": title,
        "agency": agency,
        "nav": [(rel(path, target), label, target == path) for target, label in nav],
        "crumbs": [(rel(path, target), label) for target, label in crumbs],
        "draft": draft,
        "footer": footer,
        "search_label": search[0],
        "search_hint": search[1],
    }


def page(path: str, title: str, parts: Iterable[Part], **kw: Any) -> str:
    """A whole HTML document at ``path`` made of ``parts``; ``kw`` as :func:`shell` takes them."""
    return render("page.html.j2", parts=list(parts), **shell(path, title, **kw))
