"""The public view and what every page must (not) hold (issue 27): plain words, contacts as links, no analyst data; the
links only http(s) and tel:; the Content-Security-Policy; the draft state; the A–Z page, the colloquial names, rule
pages and plural agreement of the analyst's site. Without a browser (tests/test_site_browser.py has one)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE, edit, write
from test_site import check_links

from tpkit.config import load_config
from tpkit.lint.rule import catalogue
from tpkit.registry.enums import NEEDS
from tpkit.site import SiteOptions, build_site


def build(root: Path, out: Path, **kw: Any) -> Path:
    build_site(root, load_config(root), out, SiteOptions(**kw))
    return out


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of inline scripts and style elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.inline: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in = tag if tag in ("script", "style") else None

    def handle_data(self, data: str) -> None:
        if self._in and data.strip():
            self.inline.append(f"<{self._in}>{data[:60]}")

    def handle_endtag(self, tag: str) -> None:
        self._in = None


def tags(page: Path) -> _Tags:
    p = _Tags()
    p.feed(page.read_text(encoding="utf-8"))
    return p


def hrefs(site: Path) -> list[tuple[str, str]]:
    return [
        (page.relative_to(site).as_posix(), attrs["href"])
        for page in sorted(site.rglob("*.html"))
        for tag, attrs in tags(page).tags
        if "href" in attrs
    ]


@pytest.fixture(scope="module")
def public(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(EXAMPLE, tmp_path_factory.mktemp("public") / "public", public=True)


@pytest.fixture(scope="module")
def analyst(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(EXAMPLE, tmp_path_factory.mktemp("site") / "site")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The base registry with findings and with `javascript:` and other schemes wherever text goes."""
    import shutil

    from conftest import BASE

    root = tmp_path_factory.mktemp("hostile") / "reg"
    shutil.copytree(BASE, root)
    evil = "javascript:alert(1)"
    edit(root, "touchpoints.yaml", "url: https://minsoc.example.ru", "url: minsoc.example.ru/priem")
    edit(
        root,
        "touchpoints.yaml",
        "schedule: пн–пт 9:00–18:00",
        f"schedule: '{evil}'\n    phone: '8 (4012) 12-34-56, {evil}'",
    )
    edit(root, "touchpoints.yaml", "address: г. Энск, ул. Ленина, д. 1", f"address: 'data:text/html,x {evil}'")
    edit(root, "processes/child-benefit.yaml", "title: Назначение", f"description: '{evil}'\ntitle: Назначение")
    edit(root, "processes/child-benefit.yaml", "needs: [info, forms]", "needs: [forms]")  # TP102 … on the site
    write(root, "tpkit.yaml", "version: 1\nsite:\n  repo_url: https://gitlab.example.ru/g/r/-/blob/main\n")
    return build(root, tmp_path_factory.mktemp("s") / "site"), build(
        root, tmp_path_factory.mktemp("p") / "public", public=True
    )


# --- the public view -----------------------------------------------------------------------------------------


def test_public_view_has_a_page_per_process_and_touchpoint_and_links_resolve(public: Path) -> None:
    for path in ("index.html", "az.html", "search.html", "process/child-benefit.html", "touchpoint/mfc.html"):
        assert (public / path).is_file(), path
    assert not (public / "findings.html").exists() and not (public / "rules").exists()
    check_links(public)


def test_each_need_in_plain_words_with_where_to_go(public: Path) -> None:
    html = (public / "process/child-benefit.html").read_text(encoding="utf-8")
    assert "Подать заявление, обращение или документы</b>:" in html
    assert "Узнать, как идет рассмотрение</b>:" in html
    where = re.search(r"Подать заявление, обращение или документы</b>: (.*?)</li>", html)
    assert where and "Единый портал" in where.group(1) and "Многофункциональный центр" in where.group(1)
    # each place: how to reach it and what a person can do there
    assert "по телефону" in html and "Здесь можно: получить консультацию; узнать, как идет рассмотрение." in html


def test_contacts_are_links_phones_tel_and_web_https(public: Path) -> None:
    html = (public / "touchpoint/call-center.html").read_text(encoding="utf-8")
    assert '<a href="tel:+78000000000">8-800-000-00-00</a>, доб. 2' in html
    assert "пн–пт 8:00–20:00" in html
    site = (public / "touchpoint/site.html").read_text(encoding="utf-8")
    assert '<a href="https://mintrud.example.ru">https://mintrud.example.ru</a>' in site
    reception = (public / "touchpoint/reception.html").read_text(encoding="utf-8")
    assert "г. Ярославль, ул. Свободы, д. 62" in reception and "Пандус и кнопка вызова" in reception


@pytest.mark.parametrize("view", ["public", "analyst"])
def test_each_way_of_equal_access_on_a_line_of_its_own(view: str, request: pytest.FixtureRequest) -> None:
    # the reception's three ways read as one sentence with capitals after semicolons («…у входа; Прием
    # маломобильных …; Обслуживание на дому …»); the documents print them as a list
    site: Path = request.getfixturevalue(view)
    html = (site / "touchpoint/reception.html").read_text(encoding="utf-8")
    assert "у входа; Прием" not in html
    assert re.search(r"Пандус и кнопка вызова сотрудника у входа<br>\s*Прием маломобильных", html), html


def test_no_need_codes_findings_rule_codes_or_figures_in_public(hostile: tuple[Path, Path]) -> None:
    _, public = hostile
    codes = [c for c in NEEDS if "_" in c or c in ("consultation", "submit", "inspection")]
    for page in sorted(public.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert "data-need" not in html and "/rules/" not in html, page
        text = re.sub(r"<[^>]*>", " ", html)  # what a reader sees
        assert not re.search(r"TP\d{3}", text), page
        for word in ("Замечани", "цифровая доля", "ошиб", "востребован", *codes):
            assert word not in text, (page, word)
    assert "TP1" not in (public / "search-index.js").read_text(encoding="utf-8")


def test_the_agency_s_own_need_is_in_its_own_words(tmp_path: Path) -> None:
    import shutil

    from conftest import BASE

    root = tmp_path / "reg"
    shutil.copytree(BASE, root)
    with (root / "agency.yaml").open("a", encoding="utf-8") as fh:
        fh.write("needs:\n  - id: appointment\n    name: Запись на прием\n")
    edit(root, "processes/child-benefit.yaml", "needs: [submit, result, feedback_result]", "needs: [appointment]")
    html = (build(root, tmp_path / "p", public=True) / "process/child-benefit.html").read_text(encoding="utf-8")
    assert re.search(r"<b>Запись на прием</b>: <a href=\"#place-\d\">Приемная министерства</a>", html)
    assert "appointment" not in html


def test_draft_register_is_said_on_every_page(tmp_path: Path) -> None:
    import shutil

    from conftest import BASE

    root = tmp_path / "reg"
    shutil.copytree(BASE, root)
    edit(root, "agency.yaml", "    number: 45-од\n", "")  # an order without its number: not approved yet
    public = build(root, tmp_path / "p", public=True)
    analyst = build(root, tmp_path / "s")
    for page in [*public.rglob("*.html"), analyst / "index.html", analyst / "direction/services.html"]:
        assert "Проект: перечень точек взаимодействия не утвержден" in page.read_text(encoding="utf-8"), page
    assert "не утвержден (проект)" in (public / "index.html").read_text(encoding="utf-8")
    approved = build(BASE, tmp_path / "p2", public=True)
    assert "Проект" not in (approved / "index.html").read_text(encoding="utf-8")


def test_a_draft_procedure_is_marked(tmp_path: Path) -> None:
    import shutil

    from conftest import BASE

    root = tmp_path / "reg"
    shutil.copytree(BASE, root)
    text = (root / "procedures/all.yaml").read_text(encoding="utf-8")
    approval = re.search(r"approval:\n(  .*\n)+", text)
    assert approval is not None
    write(root, "procedures/all.yaml", text.replace(approval.group(0), ""))
    html = (build(root, tmp_path / "s") / "procedure/all.html").read_text(encoding="utf-8")
    assert "Проект: порядок не утвержден" in html and "не утвержден (проект)" in html


# --- what every page holds -------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["analyst", "public"])
def test_every_page_has_the_policy_and_no_inline_script_style_or_handler(
    which: str, analyst: Path, public: Path
) -> None:
    site = analyst if which == "analyst" else public
    for page in sorted(site.rglob("*.html")):
        found = tags(page)
        metas = [a for t, a in found.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
        assert [m["content"] for m in metas] == ["default-src 'self'"], page
        assert found.inline == [], page
        for tag, attrs in found.tags:
            assert "style" not in attrs and not any(k.startswith("on") for k in attrs), (page, tag, attrs)
        assert sum(1 for t, a in found.tags if t == "a" and a.get("class") == "skip") == 1, page


def test_only_http_and_tel_addresses_become_links(hostile: tuple[Path, Path]) -> None:
    for site in hostile:
        for page, href in hrefs(site):
            scheme = re.match(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):", href)
            assert scheme is None or scheme.group(1) in ("https", "http", "tel"), (page, href)
        assert "javascript:" not in " ".join(h for _p, h in hrefs(site)).lower()
    analyst, public = hostile
    phone = (public / "touchpoint/phone.html").read_text(encoding="utf-8")
    assert '<a href="tel:+74012123456">8 (4012) 12-34-56</a>, javascript:alert(1)' in phone
    site_page = (analyst / "touchpoint/site.html").read_text(encoding="utf-8")
    assert "minsoc.example.ru/priem" in site_page and 'href="minsoc.example.ru' not in site_page


# --- the analyst's site: rule pages, A–Z, colloquial names, plural agreement ----------------------------------


def test_a_page_per_rule_with_the_text_of_explain(analyst: Path) -> None:
    from markupsafe import escape

    from tpkit.lint.docs import rule_dict
    from tpkit.site.rules import message_pattern

    for code, rule in catalogue().items():
        page = analyst / "rules" / f"{code.lower()}.html"
        html = page.read_text(encoding="utf-8")
        d = rule_dict(rule, "ru")
        message = message_pattern(rule.message["ru"])  # the message with «…» where a finding puts its words
        for text in (d["summary"], d["rationale"], message, *d["anti_pattern"].values()):
            assert str(escape(text)) in html, (code, text[:40])
    index = (analyst / "rules/index.html").read_text(encoding="utf-8")
    assert all(f'href="../rules/{c.lower()}.html"' in index for c in catalogue())


def test_the_a_z_page_reaches_every_process_and_touchpoint(analyst: Path) -> None:
    from tpkit.registry import load_registry

    reg = load_registry(EXAMPLE)
    az = {h for _p, h in hrefs(analyst) if _p == "az.html"}
    assert {f"process/{p}.html" for p in reg.processes} <= az
    assert {f"touchpoint/{t}.html" for t in reg.touchpoints} <= az
    html = (analyst / "az.html").read_text(encoding="utf-8")
    assert re.search(r"госуслуги — см\. <a href=\"touchpoint/epgu.html\">", html)
    assert "<script" in html  # the header's search; the page itself needs none: its links are plain


def test_colloquial_names_find_the_touchpoints(analyst: Path, tmp_path: Path) -> None:
    import json

    def found(site: Path, word: str) -> set[str]:
        text = (site / "search-index.js").read_text(encoding="utf-8")
        data = json.loads(text.removeprefix("window.TPKIT_INDEX = ").rstrip().rstrip(";"))
        return {data["docs"][n][2] for term, docs in data["terms"].items() if term == word for n in docs}

    assert "touchpoint/epgu.html" in found(analyst, "госуслуги")
    assert "touchpoint/chatbot.html" in found(analyst, "чатбот")
    assert "touchpoint/call-center.html" in found(analyst, "горяч")
    assert "touchpoint/mfc.html" in found(analyst, "мфц")
    assert "touchpoint/call-center.html" in found(analyst, "телефон")
    # an agency's own word, from tpkit.yaml
    import shutil

    shutil.copytree(EXAMPLE, tmp_path / "reg")
    write(tmp_path / "reg", "tpkit.yaml", "version: 1\nsite:\n  synonyms:\n    Соцконтракт: [социальный контракт]\n")
    site = build(tmp_path / "reg", tmp_path / "s")
    assert "process/social-contract.html" in found(site, "соцконтракт")


def test_the_search_box_s_examples_and_a_caller_s_words_find_something_in_the_public_view(public: Path) -> None:
    # the box says «Например: пособие, госуслуги, приемная», and «пособие» found nothing in the worked example
    # (its benefit is «ежемесячная выплата»); «позвонить», what a person on a phone types, found nothing either
    import json

    from tpkit.site.public import SEARCH

    text = (public / "search-index.js").read_text(encoding="utf-8")
    data = json.loads(text.removeprefix("window.TPKIT_INDEX = ").rstrip().rstrip(";"))

    def found(query: str) -> set[str]:
        # as search.js matches: every typed word a prefix of an indexed term
        hits: set[int] | None = None
        for word in re.findall(r"[0-9a-zа-я]+", query.lower().replace("ё", "е")):
            docs = {n for term, ns in data["terms"].items() if term.startswith(word) for n in ns}
            hits = docs if hits is None else hits & docs
        return {data["docs"][n][2] for n in hits or set()}

    examples = SEARCH[1].removeprefix("Например:").split(",")
    assert len(examples) == 3 and all(found(e) for e in examples), [(e, found(e)) for e in examples]
    assert "process/child-benefit.html" in found("пособие на ребенка")
    assert "touchpoint/call-center.html" in found("позвонить")
    assert "touchpoint/call-center.html" in found("звонок")


def test_numbers_agree_with_their_nouns(analyst: Path, tmp_path: Path) -> None:
    from conftest import BASE

    index = (analyst / "index.html").read_text(encoding="utf-8")
    assert "<b>6</b>процессов" in index and "<b>11</b>точек взаимодействия" in index
    assert "<b>0</b>ошибок" in index and "<b>0</b>предупреждений" in index
    one = (build(BASE, tmp_path / "s") / "index.html").read_text(encoding="utf-8")
    assert "<b>1</b>процесс<" in one and "<b>4</b>точки взаимодействия" in one
    assert "<b>4</b>точки взаимодействия" in one
