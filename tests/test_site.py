"""tpkit site without a browser: pages, links both ways, escaping, determinism, the manifest, broken registries."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from conftest import BASE, EXAMPLE, run_cli, write

from tpkit.config import load_config
from tpkit.site import MANIFEST, SiteOptions, build_site
from tpkit.site.names import Names, rel, safe_name
from tpkit.site.search import terms


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for k, v in attrs:
            if k in ("href", "src", "action") and v:
                self.links.append(v)
            if k == "id" and v:
                self.ids.add(v)


def page_ids(page: Path) -> set[str]:
    p = _Links()
    p.feed(page.read_text(encoding="utf-8"))
    return p.ids


def internal_links(site: Path) -> dict[str, list[str]]:
    out = {}
    for page in sorted(site.rglob("*.html")):
        p = _Links()
        p.feed(page.read_text(encoding="utf-8"))
        out[page.relative_to(site).as_posix()] = [x for x in p.links if not re.match(r"^[a-z]+:", x)]
    return out


def build(root: Path, out: Path, **kw: Any) -> object:
    return build_site(root, load_config(root), out, SiteOptions(**kw))


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    build(EXAMPLE, out)
    return out


def test_every_kind_of_page_is_written(example_site: Path) -> None:
    for path in ("index.html", "coverage.html", "findings.html", "style.css", "search.js", "search-index.js"):
        assert (example_site / path).is_file(), path
    for kind, ident in (
        ("process", "child-benefit"),
        ("touchpoint", "mfc"),
        ("procedure", "digital"),
        ("direction", "services"),
        ("need", "status"),
    ):
        assert (example_site / kind / f"{ident}.html").is_file(), (kind, ident)
    assert list((example_site / "act").glob("*.html")) and list((example_site / "official").glob("*.html"))


def check_links(site: Path) -> None:
    """Every relative link leads to a file of the site, and every fragment to an element of that page."""
    for page, links in internal_links(site).items():
        for link in links:
            target, _, fragment = link.partition("#")
            resolved = (site / PurePosixPath(page).parent / target).resolve() if target else (site / page).resolve()
            assert resolved.is_file(), f"{page}: {link}"
            assert site.resolve() in resolved.parents, f"{page}: {link} leaves the site"
            if fragment and resolved.suffix == ".html":
                assert fragment in page_ids(resolved), f"{page}: {link}: no such element"


def test_every_internal_link_resolves(example_site: Path) -> None:
    check_links(example_site)


def test_every_page_is_reached_from_another(example_site: Path) -> None:
    reached = {
        (example_site / PurePosixPath(page).parent / link.partition("#")[0]).resolve()
        for page, links in internal_links(example_site).items()
        for link in links
        if link.partition("#")[0]
    }
    assert {p.resolve() for p in example_site.rglob("*.html")} - reached == set()


def test_links_are_relative_and_both_ways(example_site: Path) -> None:
    process = (example_site / "process/child-benefit.html").read_text(encoding="utf-8")
    touchpoint = (example_site / "touchpoint/mfc.html").read_text(encoding="utf-8")
    assert 'href="../touchpoint/mfc.html"' in process
    assert 'href="../process/child-benefit.html"' in touchpoint
    assert 'href="../procedure/offline.html"' in touchpoint
    procedure = (example_site / "procedure/offline.html").read_text(encoding="utf-8")
    assert 'href="../touchpoint/mfc.html"' in procedure
    for html in (process, touchpoint, procedure):
        assert 'href="/' not in html and 'src="/' not in html


def test_index_shows_the_headline_figures(example_site: Path) -> None:
    index = (example_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ru">' in index
    assert "цифровая доля: пар «процесс — потребность» — 46, из них в цифровой форме — 43" in index
    assert "точек взаимодействия: цифровых — 7, оффлайн — 4" in index
    assert "утвержден: Приказ министерства" in index
    assert index.count("<svg") == 2 and index.count("<title>") >= 3


def test_journey_has_one_cell_per_met_need(example_site: Path) -> None:
    html = (example_site / "process/child-benefit.html").read_text(encoding="utf-8")
    svg = html[html.index("<svg") : html.index("</svg>")]
    met = [
        (form, need)
        for form, cells in re.findall(r'<g class="(digital|offline)"[^>]*>(.*?)</g>', svg)
        for need in re.findall(r'<rect class="met" data-need="([a-z_]+)"', cells)
    ]
    assert len(met) == 2 + 2 + 2 + 4 + 3 + 2  # the needs of the six entries
    assert ("offline", "submit") in met and ("digital", "status") in met
    assert "<desc>" in html and "◆" in html and "✉" in html


def test_gaps_are_drawn_in_the_journey(base: Path, tmp_path: Path) -> None:
    text = (base / "processes/child-benefit.yaml").read_text(encoding="utf-8")
    write(base, "processes/child-benefit.yaml", text.replace("status", "result").replace("feedback", "result"))
    build(base, tmp_path / "s")
    html = (tmp_path / "s/process/child-benefit.html").read_text(encoding="utf-8")
    assert re.search(r'<g class="gap" data-need="status">', html), "TP109 is drawn in the status column"
    assert "TP109" in html


def test_findings_show_rule_message_and_location(base: Path, tmp_path: Path) -> None:
    text = (base / "processes/child-benefit.yaml").read_text(encoding="utf-8")
    write(base, "processes/child-benefit.yaml", text.replace("status", "result"))
    write(base, "tpkit.yaml", "version: 1\nsite:\n  repo_url: https://gitlab.example.ru/g/r/-/blob/main/reg\n")
    build(base, tmp_path / "s")
    page = (tmp_path / "s/process/child-benefit.html").read_text(encoding="utf-8")
    assert '<code><a href="../rules/tp109.html">TP109</a></code>' in page
    assert re.search(r'href="https://gitlab.example.ru/g/r/-/blob/main/reg/processes/child-benefit.yaml#L\d+"', page)
    findings = (tmp_path / "s/findings.html").read_text(encoding="utf-8")
    assert '<a href="rules/tp109.html">TP109</a>' in findings and "processes/child-benefit.yaml:" in findings


def test_every_text_is_escaped(base: Path, tmp_path: Path) -> None:
    text = (base / "touchpoints.yaml").read_text(encoding="utf-8")
    evil = '<script>alert(1)</script> & "quoted"'
    write(base, "touchpoints.yaml", text.replace("Контактный центр министерства", f"'{evil}'", 1))
    build(base, tmp_path / "s")
    for page in (tmp_path / "s").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html, page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in (tmp_path / "s/touchpoint/phone.html").read_text("utf-8")
    # the index is data in a JS file; «</» is escaped all the same, and results are shown as text, never markup
    assert "</script>" not in (tmp_path / "s/search-index.js").read_text("utf-8")
    assert "innerHTML" not in (tmp_path / "s/search.js").read_text("utf-8")


def test_two_builds_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    build(EXAMPLE, tmp_path / "a")
    build(EXAMPLE, tmp_path / "b")
    a = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*") if p.is_file()}
    b = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*") if p.is_file()}
    assert a == b
    assert (tmp_path / "a/index.html").stat().st_mtime == 1767225600


def test_rebuild_removes_its_own_old_pages_and_nothing_else(base: Path, tmp_path: Path) -> None:
    out = tmp_path / "s"
    build(base, out)
    assert (out / "process/child-benefit.html").is_file() and (out / MANIFEST).is_file()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    (out / "process" / "keep.html").write_text("mine", encoding="utf-8")
    (base / "processes/child-benefit.yaml").rename(base / "processes/renamed.yaml")
    text = (base / "processes/renamed.yaml").read_text(encoding="utf-8")
    write(base, "processes/renamed.yaml", text.replace("id: child-benefit", "id: renamed"))
    res = build(base, out)
    assert not (out / "process/child-benefit.html").exists()
    assert (out / "process/renamed.html").is_file()
    assert "process/child-benefit.html" in res.removed  # type: ignore[attr-defined]
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (out / "process/keep.html").read_text(encoding="utf-8") == "mine"


def test_a_broken_registry_still_gets_a_site(base: Path, tmp_path: Path) -> None:
    write(base, "processes/broken.yaml", "id: broken\ntitle: [unclosed\n")
    res = run_cli("site", "-C", str(base), "--output", str(tmp_path / "s"))
    assert res.code == 1
    findings = (tmp_path / "s/findings.html").read_text(encoding="utf-8")
    assert "Файлы с ошибками структуры" in findings
    assert "<code>processes/broken.yaml</code> — TP001" in findings
    assert (tmp_path / "s/index.html").is_file() and (tmp_path / "s/process/child-benefit.html").is_file()


def test_exit_codes_follow_lint(tmp_path: Path) -> None:
    assert run_cli("site", "-C", str(EXAMPLE), "--output", str(tmp_path / "s")).code == 0
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert run_cli("site", "-C", str(EXAMPLE), "--output", str(tmp_path / "file")).code == 2


def test_the_site_is_never_written_over_the_registry(base: Path) -> None:
    before = sorted(p.name for p in base.rglob("*"))
    for target in (base, base / ".git" / "site", base / "templates" / "site"):
        assert run_cli("site", "-C", str(base), "--output", str(target)).code == 2, target
    assert sorted(p.name for p in base.rglob("*")) == before


def test_odd_ids_become_safe_distinct_file_names() -> None:
    odd = ["Мфц", "a/../b", "con", "a b", "a_b", "x" * 200, "МФЦ", "..", ""]
    names = [safe_name(i) for i in odd]
    assert all(re.fullmatch(r"[a-z0-9_~-]+", n) for n in names), names
    assert len(set(names)) == len(names)
    assert safe_name("child-benefit") == "child-benefit"
    reg = Names()
    assert reg.add("process", "x") == "process/x.html" and reg.add("touchpoint", "x") == "touchpoint/x.html"
    assert rel("process/x.html", "touchpoint/y.html") == "../touchpoint/y.html"
    assert rel("index.html", "touchpoint/y.html") == "touchpoint/y.html"


def test_search_terms_fold_case_yo_and_word_forms() -> None:
    assert "пособ" in terms("ПОСОБИЯ") and "пособ" in terms("пособиями")
    assert "еж" in " ".join(terms("Ёжик")) and not any("ё" in t for t in terms("Ёжик"))


def test_search_index_lists_every_kind(example_site: Path) -> None:
    index = (example_site / "search-index.js").read_text(encoding="utf-8")
    assert index.startswith("window.TPKIT_INDEX = ")
    for kind in ("процесс", "точка", "акт", "должностное лицо", "потребность", "порядок"):
        assert f'["{kind}",' in index


def test_documents_to_download(tmp_path: Path) -> None:
    build(EXAMPLE, tmp_path / "s", documents=True)
    assert (tmp_path / "s/procedure/digital.docx").read_bytes()[:2] == b"PK"
    page = (tmp_path / "s/procedure/digital.html").read_text(encoding="utf-8")
    assert 'href="../procedure/digital.docx"' in page
    if shutil.which("soffice"):
        assert (tmp_path / "s/procedure/digital.pdf").read_bytes()[:4] == b"%PDF"
        assert 'href="../procedure/digital.pdf"' in page


def test_documents_without_libreoffice_are_docx_only_with_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tpkit.render import office

    monkeypatch.setattr(office, "find_soffice", lambda: None)
    result = build_site(EXAMPLE, load_config(EXAMPLE), tmp_path / "s", SiteOptions(documents=True))
    assert (tmp_path / "s/procedure/digital.docx").is_file()
    assert not (tmp_path / "s/procedure/digital.pdf").exists()
    assert 'href="../procedure/digital.pdf"' not in (tmp_path / "s/procedure/digital.html").read_text(encoding="utf-8")
    assert any("no PDF" in n and "LibreOffice" in n for n in result.notes)


def test_history_of_the_last_commits(base: Path, tmp_path: Path) -> None:
    if not shutil.which("git"):
        pytest.skip("git is not installed")

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@e", *args], cwd=base, check=True, capture_output=True
        )

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "first")
    text = (base / "processes/child-benefit.yaml").read_text(encoding="utf-8")
    write(base, "processes/child-benefit.yaml", text.replace("status", "result"))
    git("commit", "-qam", "second")
    build(base, tmp_path / "s", history=5)
    html = (tmp_path / "s/history.html").read_text(encoding="utf-8")
    assert html.count("<polyline") == 5  # four counts and the digital share
    assert "first" in html and "second" in html
    assert 'href="history.html"' in (tmp_path / "s/index.html").read_text(encoding="utf-8")


@pytest.mark.skipif(not shutil.which("tidy"), reason="tidy (HTML Tidy) is not installed")
def test_pages_have_no_html_errors(example_site: Path) -> None:
    for page in sorted(example_site.rglob("*.html")):
        # tidy 5.6 (Debian 12) does not know aria-current (ARIA 1.1), the one attribute it calls proprietary here
        res = subprocess.run(
            ["tidy", "-e", "-q", "--warn-proprietary-attributes", "no", str(page)], capture_output=True, text=True
        )
        assert res.returncode == 0, f"{page}: {res.stderr[:500]}"


def test_init_adds_the_pages_jobs(tmp_path: Path) -> None:
    assert run_cli("init", str(tmp_path / "r")).code == 0
    gitlab = (tmp_path / "r/.gitlab-ci.yml").read_text(encoding="utf-8")
    assert "pages:" in gitlab and "tpkit site --output public" in gitlab
    assert "#     - tpkit site --public --output public-view" in gitlab  # the public view: a job to uncomment
    workflow = (tmp_path / "r/.github/workflows/pages.yml").read_text(encoding="utf-8")
    assert "run: tpkit site --output _site" in workflow and "#   run: tpkit site --public" in workflow
    import yaml

    job = gitlab[gitlab.index("# tpkit-public-view:") :]
    uncommented = "\n".join(line.removeprefix("#").removeprefix(" ") for line in job.splitlines())
    for text in (gitlab, workflow, uncommented):
        assert isinstance(yaml.safe_load(text), dict)  # valid YAML, the commented job uncommented too
    assert yaml.safe_load(uncommented)["tpkit-public-view"]["artifacts"]["paths"] == ["public-view"]


def test_touchpoint_page_shows_its_assessment_with_gaps_and_mitigations(example_site: Path) -> None:
    html = (example_site / "touchpoint/call-center.html").read_text(encoding="utf-8")
    assert html.count('<g class="criterion ok">') == 3 and html.count('<g class="criterion gap">') == 1
    assert "В часы пик ожидание ответа до 7 минут" in html
    assert "Обратный звонок и дополнительная смена операторов" in html
    assert re.search(r"<svg [^>]*role=\"img\">\n<title>Оценка точки", html)


def test_history_of_a_registry_in_a_sub_folder(tmp_path: Path) -> None:
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    shutil.copytree(BASE, tmp_path / "repo" / "registry")
    run = {"cwd": tmp_path / "repo", "check": True, "capture_output": True}
    subprocess.run(["git", "init", "-q"], **run)  # type: ignore[call-overload]
    subprocess.run(["git", "add", "."], **run)  # type: ignore[call-overload]
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-qm", "one"], **run)  # type: ignore[call-overload]
    res = run_cli("site", "-C", str(tmp_path / "repo" / "registry"), "-o", str(tmp_path / "s"), "--history", "3")
    assert res.code == 0
    assert "<polyline" in (tmp_path / "s/history.html").read_text(encoding="utf-8")


def test_history_without_git_is_a_note_not_an_error(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "reg")
    res = build(tmp_path / "reg", tmp_path / "s", history=3)
    assert not (tmp_path / "s/history.html").exists()
    assert any("--history" in n for n in res.notes)  # type: ignore[attr-defined]


def test_print_styles_keep_colours_on_a4_landscape(example_site: Path) -> None:
    css = (example_site / "style.css").read_text(encoding="utf-8")
    assert "size: A4 landscape" in css and "print-color-adjust: exact" in css


def test_an_agency_procedure_template_runs_in_the_sandbox_and_its_markup_goes_in_as_written(
    base: Path, tmp_path: Path
) -> None:
    write(
        base,
        "templates/procedure.html.j2",
        '<html><body><section class="agency-doc"><h3>{{ title }}</h3><p>{{ "<b>x</b>" }}</p></section></body></html>',
    )
    build(base, tmp_path / "s")
    html = (tmp_path / "s/procedure/all.html").read_text(encoding="utf-8")
    assert '<section class="agency-doc"><h3>' in html  # the agency's own markup, as its template wrote it
    assert "&lt;b&gt;x&lt;/b&gt;" in html  # and what it printed, escaped by its own (sandboxed) autoescape
    write(base, "templates/procedure.html.j2", "{{ ''.__class__.__mro__[1].__subclasses__() }}")
    res = build(base, tmp_path / "s2")
    html = (tmp_path / "s2/procedure/all.html").read_text(encoding="utf-8")
    assert "Текст не сформирован:" in html and "subclasses" not in html.split("Текст не сформирован:")[1][:20]
    assert any(n.startswith("all: ") for n in res.notes)  # type: ignore[attr-defined]


def test_the_pages_are_the_same_made_in_two_processes_or_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tpkit.site import parallel

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    build(EXAMPLE, tmp_path / "two")
    monkeypatch.setattr(parallel, "FORK", False)
    build(EXAMPLE, tmp_path / "one")
    two = {p.relative_to(tmp_path / "two"): p.read_bytes() for p in (tmp_path / "two").rglob("*") if p.is_file()}
    one = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in (tmp_path / "one").rglob("*") if p.is_file()}
    assert two == one and len(one) > 100


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="no fork on this platform")
def test_a_half_the_child_fails_to_make_is_made_here() -> None:
    import os

    from tpkit.site.parallel import in_two

    parent = os.getpid()

    def child() -> dict[str, bytes]:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return {"a.html": b"a"}

    assert in_two(child, lambda: {"b.html": b"b"}) == ({"a.html": b"a"}, {"b.html": b"b"})


def test_the_site_words_things_as_the_documents_do(example_site: Path) -> None:
    # 0.3 review: «Волкова Анна Викторовна, Начальник отдела …» (a position with a capital after a comma, where the
    # documents write «начальник»); column headings «направление», «процессы» (the register's documents head them with
    # a capital); info findings «к сведению» beside «0 советов» on the same page; a rule page's message with its
    # placeholders showing («ни одна точка процесса «{title}» ({touchpoints}) …»)
    pages = {
        p.relative_to(example_site).as_posix(): p.read_text(encoding="utf-8") for p in example_site.rglob("*.html")
    }
    assert "Волкова Анна Викторовна, начальник отдела цифровой трансформации" in pages["index.html"]
    assert not [
        p for p, html in pages.items() if re.search(r"[а-яё], (Начальник|Руководитель|Министр|Заместитель)", html)
    ]
    headings = {h for html in pages.values() for h in re.findall(r'<th scope="col">([^<]*)</th>', html)}
    assert headings and not [h for h in headings if h[:1].islower()], sorted(h for h in headings if h[:1].islower())
    assert not [p for p, html in pages.items() if "к сведению" in html]
    assert "Важность</dt><dd>совет" in pages["rules/tp310.html"]
    assert not [p for p, html in pages.items() if p.startswith("rules/") and re.search(r"\{[a-z_]+\}", html)]
    assert "ни одна точка процесса «…» (…) не дает ни информации" in pages["rules/tp101.html"]
    assert "Текст замечания" not in pages["rules/tp001.html"]  # «{detail}» alone says nothing
