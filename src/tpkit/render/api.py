"""Rendering entry points: Registry -> view model -> template -> bytes.

Nothing here prints or exits; a problem the user can fix is a
:class:`RenderError` with one line to show.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..registry import Registry
from ..registry.enums import DIRECTIONS
from ..registry.problem import ID_MISMATCH, KINDS
from .budget import DEFAULT_TIME_LIMIT, MAX_TEMPLATE_CHARS, Budget, time_limit
from .errors import RenderError
from .procedure_view import procedure_view
from .register_view import register_view
from .view import DocumentView, to_plain

if TYPE_CHECKING:
    from ..registry.models import Config

PROCEDURE_FORMATS = ("docx", "pdf", "odt", "md", "html")
REGISTER_FORMATS = ("docx", "pdf", "odt", "xlsx", "md", "html", "csv")
#: converted from the DOCX by LibreOffice (:mod:`.office`)
OFFICE_FORMATS = ("pdf", "odt")
#: registry problems that leave data unread or unresolved: no document is made from such a registry
BLOCKING = frozenset(KINDS) - {ID_MISMATCH}


@dataclass(frozen=True, slots=True)
class Settings:
    font: str
    font_size: float
    templates: Path | None  # the agency's template folder, if it exists
    time_limit: float = DEFAULT_TIME_LIMIT  # seconds a template may run per document


def settings_for(reg: Registry, config: Config, time_ceiling: float | None = None) -> Settings:
    """Render settings from tpkit.yaml; the template folder must stay inside the registry. The time limit is
    ``time_ceiling`` (``--time-limit``), else ``TPKIT_TEMPLATE_TIME_LIMIT``, else the default, lowered (never
    raised) by ``render.time_limit``."""
    root = reg.root.resolve()
    folder = (root / config.render.templates).resolve()
    try:
        folder.relative_to(root)
    except ValueError:
        raise RenderError(
            f"tpkit.yaml: render.templates «{config.render.templates}» указывает за пределы реестра / "
            f"the template folder must be inside the registry"
        ) from None
    return Settings(
        config.render.font,
        float(config.render.font_size),
        folder if folder.is_dir() else None,
        time_limit(config.render.time_limit, time_ceiling),
    )


def check_registry(reg: Registry) -> None:
    """Refuse to render from a registry whose files could not be read or resolved (TP001–TP006)."""
    blocking = [p for p in reg.problems if p.kind in BLOCKING]
    if not blocking:
        return
    h = blocking[0]
    span = h.span if h.span is not None else reg.locate(h.file, h.yaml_path)
    from ..lint.engine import problem_code
    from ..lint.finding import printable

    where = printable(f"{h.file}:{span.line}:{span.column}")
    more = f" (и еще {len(blocking) - 1})" if len(blocking) > 1 else ""
    raise RenderError(  # the message quotes the registry's data: no newline or escape sequence may pass
        f"{where}: {problem_code(h.kind)} {printable(h.ru)}{more} — реестр с ошибками структуры не превращается в документ; "
        f"исправьте их (tpkit lint) / the registry has structural errors"
    )


def _agency_template(settings: Settings, name: str) -> Path | None:
    if settings.templates is None:
        return None
    p = settings.templates / name
    if not p.is_file():
        return None
    try:
        p.resolve().relative_to(settings.templates)
    except ValueError:
        raise RenderError(
            f"{p}: символическая ссылка ведет за пределы папки шаблонов / link leaves the folder"
        ) from None
    return p


def convert_documents(docs: dict[str, bytes], fmt: str, pdfa: bool = False) -> dict[str, bytes]:
    """DOCX documents (by name) to PDF or ODT, all in one LibreOffice run."""
    from .office import convert

    return convert(docs, fmt, pdfa=pdfa)


def render_procedure(
    reg: Registry, config: Config, ident: str, fmt: str, pdfa: bool = False, *, time_ceiling: float | None = None
) -> bytes:
    """One procedure as a document; ``pdfa``: PDF/A-2b (with ``fmt`` pdf); ``time_ceiling``: the template's
    time limit asked for on the command line."""
    if fmt in OFFICE_FORMATS:
        docx = render_procedure(reg, config, ident, "docx", time_ceiling=time_ceiling)
        return convert_documents({ident: docx}, fmt, pdfa)[ident]
    if fmt not in PROCEDURE_FORMATS:
        raise RenderError(f"--format: неизвестный формат «{fmt}»; допустимо: {', '.join(PROCEDURE_FORMATS)}")
    proc = reg.procedures.get(ident)
    if proc is None:
        from ..registry.validate import did_you_mean

        known = ", ".join(reg.procedures) or "нет ни одного"
        guess = did_you_mean(ident, set(reg.procedures))
        hint = f"; возможно, «{guess}»" if guess else ""
        raise RenderError(f"порядок «{ident}» не найден{hint} (есть: {known}) / no such procedure")
    settings = settings_for(reg, config, time_ceiling)
    return _render(procedure_view(reg, proc), "procedure", fmt, settings)


def render_register(
    reg: Registry,
    config: Config,
    direction: str | None,
    fmt: str,
    pdfa: bool = False,
    *,
    time_ceiling: float | None = None,
) -> bytes:
    """The register as a document; ``pdfa``: PDF/A-2b (with ``fmt`` pdf)."""
    if fmt in OFFICE_FORMATS:
        docx = render_register(reg, config, direction, "docx", time_ceiling=time_ceiling)
        return convert_documents({"register": docx}, fmt, pdfa)["register"]
    if fmt not in REGISTER_FORMATS:
        raise RenderError(f"--format: неизвестный формат «{fmt}»; допустимо: {', '.join(REGISTER_FORMATS)}")
    if direction is not None and direction not in DIRECTIONS:
        raise RenderError(f"--direction: неизвестное направление «{direction}»; допустимо: {', '.join(DIRECTIONS)}")
    settings = settings_for(reg, config, time_ceiling)
    view = register_view(reg, direction)
    if fmt == "xlsx":
        from .tabular import render_xlsx

        return render_xlsx(view.extra["tables"], title=view.title, author=view.agency, date=view.date)
    if fmt == "csv":
        from .tabular import render_csv

        return b"\xef\xbb\xbf" + render_csv(view.extra["tables"]).encode("utf-8")
    return _render(view, "register", fmt, settings)


CHANGES_FORMATS = ("docx", "pdf", "odt", "md", "html")


def render_changes(old: Registry, new: Registry, config: Config, base: str, fmt: str, pdfa: bool = False) -> bytes:
    """The changes of the register since revision ``base`` (``old``), for an amending order; ``pdfa``: PDF/A-2b
    (with ``fmt`` pdf)."""
    from .changes_view import changes_view

    if fmt in OFFICE_FORMATS:
        docx = render_changes(old, new, config, base, "docx")
        return convert_documents({"changes": docx}, fmt, pdfa)["changes"]
    if fmt not in CHANGES_FORMATS:
        raise RenderError(f"--format: неизвестный формат «{fmt}»; допустимо: {', '.join(CHANGES_FORMATS)}")
    return _render(changes_view(old, new, base), "changes", fmt, settings_for(new, config))


def _render(view: DocumentView, kind: str, fmt: str, settings: Settings) -> bytes:
    if fmt == "docx":
        from .docx_styles import Layout
        from .docx_writer import render_agency_docx, render_docx

        layout = Layout(settings.font, settings.font_size)
        template = _agency_template(settings, f"{kind}.docx")
        if template is not None:
            return render_agency_docx(view, layout, template, Budget(settings.time_limit))
        return render_docx(view, layout)
    return render_text(view, kind, fmt, settings).encode("utf-8")


def render_text(view: DocumentView, kind: str, fmt: str, settings: Settings) -> str:
    """Markdown or HTML through a jinja template: the agency's ``<kind>.<fmt>.j2``, else the built-in one."""
    from ..util import resource_dir
    from .sandbox import render_string

    template = _agency_template(settings, f"{kind}.{fmt}.j2")
    if template is None:
        template = resource_dir("templates") / f"document.{fmt}.j2"
    try:
        if template.stat().st_size > MAX_TEMPLATE_CHARS:
            raise RenderError(
                f"{template}: шаблон больше {MAX_TEMPLATE_CHARS:,} байт / the template is larger than "
                f"{MAX_TEMPLATE_CHARS:,} bytes"
            )
        source = template.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RenderError(f"{template}: шаблон не прочитан: {exc} / cannot read the template") from None
    context = to_plain(view)
    context["font"] = settings.font
    size = settings.font_size
    context["font_size"] = int(size) if size == int(size) else size  # «14pt», not «14.0pt»
    budget = Budget(settings.time_limit)
    return render_string(str(template.name), source, context, autoescape=fmt == "html", budget=budget)
