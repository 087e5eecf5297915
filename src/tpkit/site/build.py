"""``build_site``: the registry -> pages, pictures, search index -> files in a folder, with a manifest.

Nothing here prints. The analyst's site (every object, the findings, the rules) and the public view
(``public=True``: where a person goes for what) are two builds into two folders; the folder is written by
:mod:`tpkit.site.publish`, which touches nothing it did not write.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..registry.enums import DIRECTIONS, NEEDS
from ..render.register_columns import official_text
from .context import KIND_LABELS, Site, channel_label, figures
from .env import render, static
from .lookup import Entry, az_page, search_page, see_also
from .page import NAV, shell
from .parallel import in_two
from .publish import MANIFEST, SiteError, write_files
from .search import SearchIndex, synonyms

if TYPE_CHECKING:
    from ..lint.engine import LintResult
    from ..registry import Registry
    from ..registry.models import Config
    from .history import Point

__all__ = ["MANIFEST", "SiteError", "SiteOptions", "SiteResult", "build_site", "render_site"]


@dataclass(frozen=True)
class SiteOptions:
    """What a build adds beyond the pages: the procedures as documents, a history of figures; the language; the
    public view instead of the analyst's site; writing into a folder that is not the site's own."""

    #: each procedure as DOCX (and PDF through LibreOffice) to download
    documents: bool = False
    #: the figures of the last N commits (0: no history page)
    history: int = 0
    lang: str = "ru"
    #: the public view alone: where a person goes for what, no findings
    public: bool = False
    #: write into a non-empty folder without a tpkit manifest (still never over a file tpkit did not write)
    force: bool = False


@dataclass
class SiteResult:
    result: LintResult
    files: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def build_site(root: Path, config: Config, output: Path, options: SiteOptions = SiteOptions()) -> SiteResult:
    from ..lint.engine import lint
    from ..registry import load_registry

    reg = load_registry(root)
    out = SiteResult(lint(reg, config, lang=options.lang))
    if options.public:
        from .public import render_public

        files = render_public(reg, config)
    else:
        files = render_site(reg, out, config, options)
    out.files = sorted(files)
    out.removed, kept = write_files(output, files, force=options.force)
    out.notes += kept
    return out


def render_site(reg: Registry, out: SiteResult, config: Config, options: SiteOptions) -> dict[str, bytes]:
    """Every file of the analyst's site by its path from the site's top; what was left out goes to ``out.notes``.

    The process and need pages (two thirds of the work at 1,000 processes) are made in a second process while this
    one makes the rest (:func:`.parallel.in_two`).
    """
    from . import objects, summary

    site = Site(reg, out.result, config.site.repo_url)
    points = _history(reg, config, options.history, out.notes)
    needs = _need_codes(reg)
    for code in needs:
        site.names.add("need", code)

    def processes_and_needs() -> dict[str, bytes]:
        made = dict(objects.process_page(site, p) for p in reg.processes.values())
        made.update(summary.need_page(site, code) for code in needs)
        return _encoded(made)

    def the_rest() -> dict[str, bytes]:
        return _the_rest(site, config, options, out.notes, points, needs)

    theirs, mine = in_two(processes_and_needs, the_rest)
    return {**theirs, **mine}


def _encoded(pages: dict[str, str]) -> dict[str, bytes]:
    return {k: v.encode("utf-8") for k, v in pages.items()}


def _history(reg: Registry, config: Config, count: int, notes: list[str]) -> list[Point]:
    """The figures of the last ``count`` commits; none, and a note, where git cannot say."""
    if count <= 0:
        return []
    from ..review.gitrev import GitError
    from .history import history as read_history

    try:
        return read_history(reg.root, config, count)
    except GitError as exc:
        notes.append(f"--history: {exc}")
        return []


def _the_rest(
    site: Site, config: Config, options: SiteOptions, notes: list[str], points: list[Point], needs: list[str]
) -> dict[str, bytes]:
    """Every page but the processes' and the needs', the documents, the style sheet, the search."""
    from . import objects, summary
    from .rules import rule_pages

    reg = site.reg
    pages = dict([summary.index_page(site, figures(reg, site.result), bool(points), needs)])
    pages.update(summary.direction_page(site, d) for d in DIRECTIONS)
    pages.update(objects.touchpoint_page(site, tp) for tp in reg.touchpoints.values())
    binary: dict[str, bytes] = {}
    docs = _documents(reg, config, site, options.documents, binary, notes)
    for q in reg.procedures.values():
        stem = site.names.add("procedure", q.id).removesuffix(".html")
        downloads = [(f"{stem}.{ext}", ext.upper()) for ext in ("docx", "pdf") if f"{stem}.{ext}" in binary]
        path, html = objects.procedure_page(site, q, docs.get(q.id, "no text"), downloads)
        pages[path] = html
    rels = objects.relations(site)
    pages.update(objects.act_page(site, act, rels) for act in reg.acts.values())
    pages.update(objects.official_page(site, o, rels) for o in reg.officials.values())
    pages.update([summary.coverage_page(site), summary.findings_page(site)])
    if points:
        pages.update([summary.history_page(site, points)])
    pages.update(rule_pages(site.agency_name, options.lang))
    idx, found = _index(site, config)
    entries = [Entry(title, path, kind) for kind, title, path in idx.docs if kind in ("процесс", "точка")]
    crumbs = [("index.html", "Обзор")]
    pages["az.html"] = az_page(
        "az.html",
        entries,
        see_also(idx, found, ("процесс", "точка")),
        intro="Все процессы и точки взаимодействия по алфавиту; разговорные названия ведут к точкам, которые они "
        "означают.",
        base=shell("az.html", "Указатель А–Я", agency=site.agency_name, crumbs=crumbs, nav=NAV),
    )
    pages["search.html"] = search_page(
        "search.html",
        what="процессы и точки",
        hint="Поиск находит процессы, точки, порядки, акты, должностных лиц и потребности по словам в любой форме и "
        "по привычным названиям («госуслуги», «мфц», «горячая линия»).",
        base=shell("search.html", "Поиск", agency=site.agency_name, crumbs=crumbs, nav=NAV),
    )
    files = _encoded(pages)
    files.update(binary)
    files["style.css"] = static("style.css")
    files["search.js"] = static("search.js")
    files["search-index.js"] = idx.script().encode("utf-8")
    return files


def _need_codes(reg: Registry) -> list[str]:
    used = [n for p in reg.processes.values() for entry in p.touchpoints for n in entry.needs]
    return list(dict.fromkeys([*NEEDS, *(n for n in used if n in reg.needs)]))


def _index(site: Site, config: Config) -> tuple[SearchIndex, dict[str, list[int]]]:
    reg, idx = site.reg, SearchIndex()
    kind = KIND_LABELS
    for d, labels in DIRECTIONS.items():
        idx.add(kind["direction"], labels["ru"], site.names.add("direction", d))
    for p in reg.processes.values():
        needs = " ".join(reg.need_label(n) for entry in p.touchpoints for n in entry.needs)
        idx.add(kind["process"], p.title, site.names.add("process", p.id), p.id, p.description or "", needs)
    for tp in reg.touchpoints.values():
        idx.add(
            kind["touchpoint"],
            tp.name,
            site.names.add("touchpoint", tp.id),
            tp.id,
            channel_label(tp.channel),
            tp.address or "",
            tp.operator or "",
        )
    for q in reg.procedures.values():
        idx.add(kind["procedure"], q.title, site.names.add("procedure", q.id), q.id)
    for act in reg.acts.values():
        idx.add(kind["act"], act.title, site.names.add("act", act.id), act.id, act.number or "")
    for o in reg.officials.values():
        idx.add(kind["official"], official_text(o), site.names.add("official", o.id), o.id)
    for code in _need_codes(reg):
        idx.add(kind["need"], reg.need_label(code), site.names.add("need", code), code)
    return idx, idx.colloquial(synonyms(config.site.synonyms))


def _documents(
    reg: Registry, config: Config, site: Site, documents: bool, binary: dict[str, bytes], notes: list[str]
) -> dict[str, Markup | str]:
    """Each procedure's text for its page; with ``documents``, its DOCX (and PDF where LibreOffice is) into
    ``binary``.

    The text is the view ``tpkit render`` fills its templates from, in the site's own template (no sandbox: the
    template is tpkit's). An agency's ``procedure.html.j2`` still runs in the sandbox, as for ``tpkit render``; its
    output goes into the page as the agency's own markup.
    """
    from ..render.api import check_registry, render_procedure, settings_for
    from ..render.errors import RenderError
    from ..render.procedure_view import procedure_view

    try:
        check_registry(reg)
    except RenderError:
        # the findings page lists the broken files; no document is made from them
        return dict.fromkeys(reg.procedures, "Текст не сформирован: в реестре есть ошибки структуры (см. замечания).")
    try:
        settings = settings_for(reg, config)
    except RenderError as exc:
        notes.append(str(exc))
        return dict.fromkeys(reg.procedures, f"Текст не сформирован: {exc}")
    agency = settings.templates is not None and (settings.templates / "procedure.html.j2").is_file()
    out: dict[str, Markup | str] = {}
    docx: dict[str, bytes] = {}
    for q, proc in reg.procedures.items():
        stem = site.names.add("procedure", q).removesuffix(".html")
        try:
            if agency:
                out[q] = Markup(_body(render_procedure(reg, config, q, "html").decode("utf-8")))
            else:
                out[q] = Markup(render("procedure_text.html.j2", view=procedure_view(reg, proc)))
            if documents:
                docx[stem] = render_procedure(reg, config, q, "docx")
        except RenderError as exc:
            notes.append(f"{q}: {exc}")
            out.setdefault(q, f"Текст не сформирован: {exc}")
    for stem, data in docx.items():
        binary[f"{stem}.docx"] = data
    if docx:
        binary.update(_pdfs(docx, notes))
    return out


def _body(html: str) -> str:
    """What lies between ``<body>`` and ``</body>`` of a whole document (all of it when there is no body)."""
    lower = html.lower()
    start, end = lower.find("<body"), lower.rfind("</body>")
    opened = lower.find(">", start) if start >= 0 else -1
    if opened < 0 or end < opened:
        return html
    return html[opened + 1 : end]


def _pdfs(docx: dict[str, bytes], notes: list[str]) -> dict[str, bytes]:
    """The procedures as PDF (``render --format pdf``'s one LibreOffice run); without LibreOffice, a note."""
    from ..render.errors import RenderError
    from ..render.office import convert

    stems = sorted(docx)  # site paths (procedure/x): LibreOffice gets flat names
    try:
        pdfs = convert({f"d{n}": docx[stem] for n, stem in enumerate(stems)}, "pdf")
    except RenderError as exc:
        notes.append(f"PDF не сформированы / no PDF: {exc}")
        return {}
    return {f"{stem}.pdf": pdfs[f"d{n}"] for n, stem in enumerate(stems)}
