"""``build_site``: the registry -> pages, pictures, search index -> files in a folder, with a manifest.

Nothing here prints. A rebuild into the same folder deletes the files the previous build listed in its manifest
(``.tpkit-site.json``) and no others.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from ..registry.enums import DIRECTIONS, NEEDS
from ..util import atomic_write_bytes, atomic_write_text
from .context import Site, channel_label, figures
from .html import CSS
from .search import SEARCH_JS, SearchIndex

if TYPE_CHECKING:
    from ..lint.engine import LintResult
    from ..registry import Registry
    from ..registry.models import Config

MANIFEST = ".tpkit-site.json"


@dataclass(frozen=True)
class SiteOptions:
    """What a build adds beyond the pages: the procedures as documents, a history of figures; the language."""

    #: each procedure as DOCX (and PDF through LibreOffice) to download
    documents: bool = False
    #: the figures of the last N commits (0: no history page)
    history: int = 0
    lang: str = "ru"


class SiteError(Exception):
    """The site cannot be written (the folder, git for the history); one line for the user."""


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
    files = render_site(reg, out, config, options)
    out.files = sorted(files)
    out.removed = write_files(output, files)
    return out


def render_site(reg: Registry, out: SiteResult, config: Config, options: SiteOptions) -> dict[str, bytes]:
    """Every file of the site by its path from the site's top; what was left out goes to ``out.notes``."""
    from . import objects, summary

    notes, history, documents = out.notes, options.history, options.documents
    site = Site(reg, out.result, config.site.repo_url)
    pages: dict[str, str] = {}
    figs = figures(reg, out.result)
    points = []
    if history > 0:
        from ..review.gitrev import GitError
        from .history import history as read_history

        try:
            points = read_history(reg.root, config, history)
        except GitError as exc:
            notes.append(f"--history: {exc}")
    needs = _need_codes(reg)
    for code in needs:
        site.names.add("need", code)
    path, html = summary.index_page(site, figs, bool(points), needs)
    pages[path] = html
    for d in DIRECTIONS:
        path, html = summary.direction_page(site, d)
        pages[path] = html
    rels = objects.relations(site)
    for p in reg.processes.values():
        path, html = objects.process_page(site, p)
        pages[path] = html
    for tp in reg.touchpoints.values():
        path, html = objects.touchpoint_page(site, tp)
        pages[path] = html
    binary: dict[str, bytes] = {}
    docs = _documents(reg, config, site, documents, binary, notes)
    for q in reg.procedures.values():
        here = site.names.add("procedure", q.id)
        stem = here.removesuffix(".html")
        downloads = [(f"{stem}.{ext}", ext.upper()) for ext in ("docx", "pdf") if f"{stem}.{ext}" in binary]
        path, html = objects.procedure_page(site, q, docs.get(q.id), downloads)
        pages[path] = html
    for act in reg.acts.values():
        path, html = objects.act_page(site, act, rels)
        pages[path] = html
    for o in reg.officials.values():
        path, html = objects.official_page(site, o, rels)
        pages[path] = html
    for code in needs:
        path, html = summary.need_page(site, code)
        pages[path] = html
    path, html = summary.coverage_page(site)
    pages[path] = html
    path, html = summary.findings_page(site)
    pages[path] = html
    if points:
        path, html = summary.history_page(site, points)
        pages[path] = html
    files = {k: v.encode("utf-8") for k, v in pages.items()}
    files.update(binary)
    files["style.css"] = CSS.encode("utf-8")
    files["search.js"] = SEARCH_JS.encode("utf-8")
    files["search-index.js"] = _index(site).encode("utf-8")
    return files


def _need_codes(reg: object) -> list[str]:
    from ..registry import Registry

    assert isinstance(reg, Registry)
    used = [n for p in reg.processes.values() for entry in p.touchpoints for n in entry.needs]
    return list(dict.fromkeys([*NEEDS, *(n for n in used if n in reg.needs)]))


def _index(site: Site) -> str:
    reg, idx = site.reg, SearchIndex()
    for d, labels in DIRECTIONS.items():
        idx.add("направление", labels["ru"], site.names.add("direction", d))
    for p in reg.processes.values():
        needs = " ".join(reg.need_label(n) for entry in p.touchpoints for n in entry.needs)
        idx.add("процесс", p.title, site.names.add("process", p.id), p.id, p.description or "", needs)
    for tp in reg.touchpoints.values():
        idx.add(
            "точка",
            tp.name,
            site.names.add("touchpoint", tp.id),
            tp.id,
            channel_label(tp.channel),
            tp.address or "",
            tp.operator or "",
        )
    for q in reg.procedures.values():
        idx.add("порядок", q.title, site.names.add("procedure", q.id), q.id)
    for act in reg.acts.values():
        idx.add("акт", act.title, site.names.add("act", act.id), act.id, act.number or "")
    for o in reg.officials.values():
        idx.add("должностное лицо", f"{o.name}, {o.position}", site.names.add("official", o.id), o.id)
    for code in _need_codes(reg):
        idx.add("потребность", reg.need_label(code), site.names.add("need", code), code)
    return idx.script()


def _documents(
    reg: object, config: Config, site: Site, documents: bool, binary: dict[str, bytes], notes: list[str]
) -> dict[str, str]:
    """Each procedure's HTML text; with ``documents``, its DOCX (and PDF where LibreOffice is) into ``binary``."""
    from ..registry import Registry
    from ..render.api import check_registry, render_procedure
    from ..render.errors import RenderError

    assert isinstance(reg, Registry)
    try:
        check_registry(reg)
    except RenderError:
        return {}  # the findings page lists the broken files; no document is made from them
    out: dict[str, str] = {}
    docx: dict[str, bytes] = {}
    for q in reg.procedures:
        stem = site.names.add("procedure", q).removesuffix(".html")
        try:
            out[q] = render_procedure(reg, config, q, "html").decode("utf-8")
            if documents:
                docx[stem] = render_procedure(reg, config, q, "docx")
        except RenderError as exc:
            notes.append(f"{q}: {exc}")
    for stem, data in docx.items():
        binary[f"{stem}.docx"] = data
    if docx:
        binary.update(_pdfs(docx, notes))
    return out


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


# --- writing ---------------------------------------------------------------------------------------


def _listed(output: Path) -> list[str]:
    """The files the previous build wrote (only safe relative paths are believed)."""
    try:
        data = json.loads((output / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    files = data.get("files", []) if isinstance(data, dict) else []
    ok = []
    for f in files:
        if not isinstance(f, str):
            continue
        p = PurePosixPath(f)
        if f and not p.is_absolute() and ".." not in p.parts and "\\" not in f and f != MANIFEST:
            ok.append(f)
    return ok


def write_files(output: Path, files: dict[str, bytes]) -> list[str]:
    """Write the site into ``output``; remove what the previous build wrote and this one does not."""
    if output.exists() and not output.is_dir():
        raise SiteError(f"{output}: это файл, а нужна папка / not a folder")
    try:
        output.mkdir(parents=True, exist_ok=True)
        removed = []
        for old in _listed(output):
            if old in files:
                continue
            target = output / old
            if target.is_file() and not target.is_symlink():
                target.unlink()
                removed.append(old)
            try:
                parent = target.parent
                if parent != output and not any(parent.iterdir()):
                    parent.rmdir()
            except OSError:
                pass
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        stamp = int(epoch) if epoch and epoch.isdigit() else None
        for rel_path, data in files.items():
            target = output / rel_path
            atomic_write_bytes(target, data)  # a rename: a symbolic link in the folder is replaced, never followed
            if stamp is not None:
                os.utime(target, (stamp, stamp))
        manifest = {"generator": "tpkit site", "files": sorted(files)}
        atomic_write_text(output / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    except OSError as exc:
        raise SiteError(f"{output}: не записано: {exc.strerror or exc} / cannot write the site") from None
    return sorted(removed)
