"""tpkit site in a real browser: the system chromium driven by playwright (never a downloaded browser).

Skips, with the reason, where playwright or chromium is absent (``.ci/run`` installs chromium from Debian).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE

from tpkit.config import load_config
from tpkit.site import build_site

CHROMIUM = os.environ.get("TPKIT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[dev]')")
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # under a sub-path, as on Pages: nothing may assume the site is at the server's root
    out = tmp_path_factory.mktemp("pages") / "group" / "registry-site"
    build_site(EXAMPLE, load_config(EXAMPLE), out)
    return out


def test_every_page_loads_without_console_errors_and_every_link_resolves(browser: Any, site: Path) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    page.on("requestfailed", lambda r: errors.append(f"requestfailed: {r.url}"))
    pages = sorted(site.rglob("*.html"))
    seen_links: set[str] = set()
    for p in pages:
        page.goto(p.as_uri())
        assert page.evaluate("typeof window.TPKIT_INDEX") == "object", p
        hrefs: list[str] = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        seen_links.update(h.split("#")[0] for h in hrefs if h.startswith("file://"))
    assert errors == []
    missing = [h for h in sorted(seen_links) if not Path(re.sub(r"^file://", "", h)).is_file()]
    assert missing == []
    unreached = {p.as_uri() for p in pages} - seen_links
    assert unreached == set()  # every page is reached from some page
    page.close()


def test_search_for_a_touchpoint_name_shows_it(browser: Any, site: Path) -> None:
    page = browser.new_page()
    page.goto((site / "process" / "child-benefit.html").as_uri())
    page.fill("#q", "многофункциональный ЦЕНТР")
    results = page.locator("#results a")
    results.first.wait_for()
    texts = results.all_inner_texts()
    assert any("Многофункциональный центр «Мои документы»" in t for t in texts), texts
    # a word form the registry does not hold (stems at build time, prefixes in the browser)
    page.fill("#q", "обращениями")
    results.first.wait_for()
    assert any("обращени" in t.lower() for t in results.all_inner_texts())
    # «ё» typed finds «е» and the link goes to the page
    page.fill("#q", "мфц")
    results.first.wait_for()
    results.first.click()
    page.wait_for_load_state()
    assert "/touchpoint/" in page.url or "/process/" in page.url or "/need/" in page.url
    page.close()


def test_a_process_page_svg_has_one_cell_per_met_need(browser: Any, site: Path) -> None:
    from tpkit.registry import load_registry

    reg = load_registry(EXAMPLE)
    page = browser.new_page()
    for pid, process in reg.processes.items():
        page.goto((site / "process" / f"{pid}.html").as_uri())
        cells = page.locator("svg.journey rect.met").count()
        assert cells == sum(len(e.needs) for e in process.touchpoints), pid
        box = page.locator("svg.journey").bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 100
        assert (page.locator("svg.journey > title").text_content() or "").startswith("Путь клиента")
    page.close()
