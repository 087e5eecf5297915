"""HTML in a real browser (Chromium headless, where installed): the matrix prints whole, documents' tables fit.

- the matrix printed on A4 landscape keeps every column on the page, and dark cells keep readable text when
  backgrounds are not printed;
- the tables of the register and procedure pages are no wider than the page body (fixed layout, column widths
  from the document, long words and URLs broken).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE, run_cli

#: how far each table's right edge stands past the body's (px): more than 0 is a table wider than the page
_OVERFLOW = """() => {
  const body = document.body.getBoundingClientRect();
  return [...document.querySelectorAll('table')].map(t => Math.round(t.getBoundingClientRect().right - body.right));
}"""


def test_matrix_print_styles_keep_dark_cells_readable() -> None:
    r = run_cli("matrix", "--format", "html", cwd=EXAMPLE)
    assert r.code == 0
    css = r.stdout.split("@media print{", 1)[1].split("</style>", 1)[0]
    assert "print-color-adjust:exact" in css and "size:A4 landscape" in css
    assert re.search(r"\.matrix td\.n4,\.matrix td\.n5\{color:#000", css)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_matrix_prints_every_column_on_the_page(browser: Any, tmp_path: Path) -> None:
    page = tmp_path / "matrix.html"
    assert run_cli("matrix", "--format", "html", "--output", str(page), cwd=EXAMPLE).code == 0
    pdf = tmp_path / "matrix.pdf"
    tab = browser.new_page()
    tab.goto(page.as_uri())
    tab.pdf(path=str(pdf), prefer_css_page_size=True)  # the page's own @page size, as chromium --print-to-pdf
    tab.close()
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    width = float(re.search(r'<page width="([\d.]+)"', boxes).group(1))  # type: ignore[union-attr]
    assert width > 800  # landscape
    right = max(float(x) for x in re.findall(r'xMax="([\d.]+)"', boxes))
    assert right <= width - 10 / 25.4 * 72 + 1  # within the 10 mm margin: no column cut off
    first_page = boxes.split("</page>")[0]
    assert "хватает" in first_page  # the last column's header


@pytest.mark.parametrize(
    "args", [("register",), ("procedure", "digital"), ("procedure", "offline")], ids=lambda a: "-".join(a)
)
def test_document_tables_fit_the_page_body(browser: Any, tmp_path: Path, args: tuple[str, ...]) -> None:
    r = run_cli("render", *args, "--format", "html", "-C", str(EXAMPLE), "--output", "-")
    assert r.code == 0
    page = tmp_path / "page.html"
    page.write_text(r.stdout, encoding="utf-8")
    for width in (1280, 800):
        tab = browser.new_page(viewport={"width": width, "height": 900})
        tab.goto(page.as_uri())
        over = tab.evaluate(_OVERFLOW)
        tab.close()
        assert over and max(over) <= 0, (width, over)


def test_the_register_in_html_reads_on_a_phone(browser: Any, tmp_path: Path) -> None:
    # at 390 px the nine columns were squeezed into the body between print margins, a word a letter a line
    # («Ф о р м а»): the table now scrolls sideways in its own box, with columns a word wide
    r = run_cli("render", "register", "--format", "html", "-C", str(EXAMPLE), "--output", "-")
    assert r.code == 0
    page = tmp_path / "page.html"
    page.write_text(r.stdout, encoding="utf-8")
    tab = browser.new_page(viewport={"width": 390, "height": 844})
    tab.goto(page.as_uri())
    widths = tab.evaluate(
        "() => [...document.querySelectorAll('th:not(.n)')].map(t => t.getBoundingClientRect().width)"
    )
    numbers = tab.evaluate("() => [...document.querySelectorAll('th.n')].map(t => t.getBoundingClientRect().width)")
    page_width = tab.evaluate("() => document.documentElement.scrollWidth")
    tab.close()
    assert numbers and max(numbers) < 50 and min(widths) >= 70, (numbers, widths)  # «№» narrow, the rest a word wide
    assert page_width <= 390  # the page itself does not scroll sideways
