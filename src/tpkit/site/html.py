"""The page shell: escaping, the layout every page shares, its style sheet.

Every text from the registry goes through :func:`e`; markup is built only here and in the page modules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

from .names import rel

NAV = (
    ("index.html", "Обзор"),
    ("coverage.html", "Покрытие порядками"),
    ("findings.html", "Замечания"),
)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def e(text: object) -> str:
    """Escaped text for an element's content or an attribute value; control characters become U+FFFD."""
    s = escape(str(text), quote=True)
    return _CONTROL.sub("\ufffd", s) if _CONTROL.search(s) else s


def a(href: str, text: object, cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    return f'<a href="{e(href)}"{klass}>{e(text)}</a>'


def table(headers: Iterable[str], rows: Iterable[Iterable[str]], cls: str = "") -> str:
    """A table whose cells are ready markup (escape them before)."""
    klass = f' class="{cls}"' if cls else ""
    head = "".join(f"<th>{e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>\n" for r in rows)
    if not body:
        return '<p class="none">Нет.</p>'
    return f"<table{klass}>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>\n"


def ul(items: Iterable[str], cls: str = "") -> str:
    """A list of ready markup; «Нет.» when empty (no empty list: the checkers warn about it)."""
    lis = "".join(f"<li>{i}</li>\n" for i in items)
    if not lis:
        return '<p class="none">Нет.</p>'
    klass = f' class="{cls}"' if cls else ""
    return f"<ul{klass}>\n{lis}</ul>\n"


def page(
    path: str, title: str, body: str, *, agency: str, crumbs: Iterable[tuple[str, str]] = (), footer: str = ""
) -> str:
    """A whole HTML document at ``path`` (from the site's top): head, navigation, search, body."""
    up = "../" * path.count("/")
    nav = "".join(
        f"<li>{a(rel(path, target), label, 'current' if target == path else '')}</li>" for target, label in NAV
    )
    trail = "".join(f"{a(rel(path, target), label)} › " for target, label in crumbs)
    trail = f'<p class="crumbs">{trail}</p>\n' if trail else ""
    return f"""<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)} — {e(agency)}</title>
<link rel="stylesheet" href="{up}style.css">
</head>
<body>
<header class="top">
<a class="brand" href="{up}index.html">{e(agency)}</a>
<nav aria-label="Разделы"><ul>{nav}</ul></nav>
<form class="search" role="search" action="{up}index.html" onsubmit="return false">
<input type="search" id="q" placeholder="Поиск: процесс, точка, акт, должностное лицо, потребность" aria-label="Поиск по реестру" autocomplete="off">
<div id="results" hidden></div>
</form>
</header>
<main>
{trail}<h1>{e(title)}</h1>
{body}
</main>
<footer>{footer}Сформировано tpkit по реестру точек взаимодействия.</footer>
<script src="{up}search-index.js"></script>
<script src="{up}search.js" data-root="{up}"></script>
</body>
</html>
"""


CSS = """/* tpkit site: one style sheet for screen and print */
:root { --digital: #0b5ea8; --offline: #d55e00; --gap: #b00020; --ok: #1b7f3b; --muted: #5f6368; --line: #c8ccd0; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 "Liberation Sans", Arial, sans-serif; color: #1d1d1f; background: #fff; }
header.top { display: flex; flex-wrap: wrap; gap: .5em 1.5em; align-items: center; padding: .6em 1.5em;
  background: #f3f5f7; border-bottom: 1px solid var(--line); }
.brand { font-weight: bold; color: #1d1d1f; text-decoration: none; }
nav ul { list-style: none; display: flex; gap: 1em; margin: 0; padding: 0; }
nav a.current { font-weight: bold; }
form.search { position: relative; flex: 1 1 22em; max-width: 40em; margin: 0; }
#q { width: 100%; padding: .35em .6em; font: inherit; border: 1px solid #8a9096; border-radius: 4px; }
#results { position: absolute; z-index: 10; left: 0; right: 0; margin: 2px 0 0; padding: .3em 0; list-style: none;
  background: #fff; border: 1px solid #8a9096; border-radius: 4px; max-height: 70vh; overflow: auto;
  box-shadow: 0 4px 14px rgba(0,0,0,.15); }
#results a { display: block; padding: .2em .8em; }
#results a:focus, #results a:hover { background: #e8f0fa; }
#results .kind { color: var(--muted); font-size: .85em; margin-right: .5em; }
main { padding: .5em 1.5em 2em; max-width: 1400px; }
h1 { font-size: 1.5em; margin: .2em 0 .6em; }
h2 { font-size: 1.2em; margin: 1.4em 0 .5em; border-bottom: 1px solid var(--line); padding-bottom: .2em; }
.crumbs { color: var(--muted); margin: .4em 0 0; font-size: .9em; min-height: 1em; }
a { color: #0b4f8a; }
table { border-collapse: collapse; margin: .4em 0 1em; }
th, td { border: 1px solid var(--line); padding: .3em .5em; vertical-align: top; text-align: left; }
th { background: #f3f5f7; }
table.register { font-size: .9em; width: 100%; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.figures { display: flex; flex-wrap: wrap; gap: 1em; margin: .5em 0 1em; padding: 0; list-style: none; }
.figures li { border: 1px solid var(--line); border-radius: 6px; padding: .5em 1em; min-width: 11em; }
.figures b { display: block; font-size: 1.6em; }
.none { color: var(--muted); }
.form-digital { color: var(--digital); font-weight: bold; }
.form-offline { color: var(--offline); font-weight: bold; }
.sev { display: inline-block; min-width: 6.5em; font-weight: bold; }
.sev-error { color: var(--gap); }
.sev-warning { color: #8a5a00; }
.sev-info { color: var(--muted); }
.findings li { margin: .2em 0; }
.findings code, .loc { font-family: "Liberation Mono", monospace; font-size: .9em; }
figure { margin: .5em 0 1.2em; }
figure svg { max-width: 100%; height: auto; }
svg.chart { font-family: "Liberation Sans", Arial, sans-serif; font-size: 12px; }
figcaption { color: var(--muted); font-size: .9em; }
.doc { border: 1px solid var(--line); padding: 1em 2em; font-family: "Liberation Serif", "Times New Roman", serif;
  max-width: 60em; }
.doc h1, .doc h2 { text-align: center; font-size: 1.05em; border: 0; }
.doc p { text-align: justify; margin: .3em 0; }
.doc table { font-size: .9em; }
.doc .stamp { margin-left: auto; width: 22em; }
.matrix td, .matrix th { text-align: center; }
.matrix th.row { text-align: left; }
dl.props { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; }
dl.props dt { color: var(--muted); }
dl.props dd { margin: 0; }
footer { color: var(--muted); font-size: .85em; padding: 1em 1.5em; border-top: 1px solid var(--line); }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  header.top form, nav, footer { display: none; }
  body { font-size: 10pt; }
  main { padding: 0; max-width: none; }
  a { color: inherit; text-decoration: none; }
  table, figure { break-inside: auto; }
  tr, figure svg { break-inside: avoid; }
  h2 { break-after: avoid; }
}
"""
