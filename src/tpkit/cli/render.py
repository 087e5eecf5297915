"""``tpkit render``: the procedures and the register as documents."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from .app import BaseArg, DirectionOpt, LangOpt, OutputOpt, RegistryOpt, app
from .common import check_choice, check_direction, check_output, open_registry, write_bytes, written
from .errors import fail

if TYPE_CHECKING:
    from ..registry import Registry
    from ..registry.models import Config

render_app = typer.Typer(
    help="Documents from the registry: Word, PDF, ODT, Markdown, HTML, Excel, CSV.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(render_app, name="render")

TimeLimitOpt = Annotated[
    Optional[float],
    typer.Option(
        "--time-limit",
        metavar="SECONDS",
        min=0.001,
        max=1e6,
        help="Seconds a template may run per document (default 5, or TPKIT_TEMPLATE_TIME_LIMIT; tpkit.yaml may only "
        "lower it).",
    ),
]

PdfaOpt = Annotated[
    bool, typer.Option("--pdfa", help="With --format pdf: PDF/A-2b for archiving (LibreOffice's export filter).")
]


StrictOpt = Annotated[
    bool,
    typer.Option(
        "--strict",
        help="Write nothing and exit 1 when tpkit lint would fail on the registry (lint.fail_on in tpkit.yaml).",
    ),
]

BaselineOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--baseline", metavar="FILE", help="Findings recorded in this baseline FILE do not count (as for tpkit lint)."
    ),
]


def _lint_gate(
    ctx: typer.Context,
    root: Path,
    reg: Registry,
    config: Config,
    strict: bool,
    baseline: Optional[Path],
    several: bool = False,
) -> str:
    """Lint the whole registry as ``tpkit lint`` does (its config, the baseline); with ``--strict``, refuse (exit 1,
    nothing written) where lint would fail by ``fail_on``. Returns the line that says how many errors and warnings
    the registry has (empty without any), for the command to print once its documents are written: said before, it
    told of a document made when the command then failed. ``several``: the command makes more than one document
    (``--all``), and the line says «документы»."""
    from ..lint.baseline import BaselineError
    from ..lint.request import LintRequest
    from ..report.text_report import counts_text
    from .common import chosen_lang

    lang = chosen_lang(ctx, None) or config.language
    try:
        outcome = LintRequest(root, config, lang, baseline=baseline, registry=reg).run()
    except BaselineError as exc:
        fail(str(exc))
    result, fail_on = outcome.result, outcome.fail_on
    counts = result.counts()
    if strict and outcome.exit_code:
        severities = tuple(k for k in counts if counts[k] and (k != "info" or fail_on == "info"))
        found = counts_text(result, lang, severities)
        typer.echo(
            f"tpkit: --strict: {'документы не записаны' if several else 'документ не записан'} — реестр не проходит "
            f"tpkit lint (fail_on: {fail_on}): {found}"
            if lang == "ru"
            else f"tpkit: --strict: nothing written — the registry fails tpkit lint (fail_on: {fail_on}): {found}",
            err=True,
        )
        raise typer.Exit(1)
    if not (counts["error"] or counts["warning"]):
        return ""
    found = counts_text(result, lang, tuple(k for k in ("error", "warning") if counts[k]))
    if lang == "ru":
        made = "документы сделаны" if several else "документ сделан"
        return f"tpkit: в реестре {found} — {made} из реестра с замечаниями; подробности: tpkit lint"
    made = "the documents are" if several else "the document is"
    return f"tpkit: the registry has {found} — {made} made from a registry with findings; details: tpkit lint"


def _say(note: str) -> None:
    """The lint gate's line, once the documents are written."""
    if note:
        typer.echo(note, err=True)


def _check_pdfa(pdfa: bool, fmt: str) -> None:
    if pdfa and fmt != "pdf":
        fail(f"--pdfa: только вместе с --format pdf (а не {fmt}) / --pdfa needs --format pdf")


def _target(
    output: Optional[str], default_name: str, fmt: str, root: Path, config: Config, reg: Registry
) -> Optional[Path]:
    """Where one document goes: None = stdout (``--output -``); a folder (existing, or written with
    a trailing slash) gets the default name."""
    if output == "-":
        if fmt in ("docx", "xlsx", "pdf", "odt"):
            fail(f"--output -: формат {fmt} нельзя вывести в терминал; укажите файл / binary format needs a file")
        return None
    if output is None:
        target = Path(default_name)
    elif Path(output).is_dir() or output.endswith(("/", os.sep)):
        target = Path(output) / default_name
    else:
        target = Path(output)
    _check_own_output(target, fmt, root, config, reg)
    return target


def _check_own_output(target: Path, fmt: str, root: Path, config: Config, reg: Registry) -> None:
    """render replaces only its own outputs: never a registry file or template, never a file of another kind."""
    try:
        rel: str | None = target.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        rel = None
    if rel is not None and rel in reg.files:  # a registry file under an unusual name (a symlink, a .yml)
        fail(f"{target}: это файл реестра, render его не перезапишет / refusing to overwrite a registry file")
    check_output(target, root, config)
    if target.exists() and (target.is_dir() or target.suffix.lower() != f".{fmt}"):
        fail(
            f"{target}: уже существует и это не файл .{fmt}; render заменяет только свои документы / "
            f"refusing to replace a file that is not a .{fmt} document"
        )


def _load(registry: Optional[Path]) -> tuple[Path, Config, Registry]:
    from ..registry import load_registry
    from ..render.api import check_registry
    from ..render.errors import RenderError

    root, config, _ = open_registry([registry] if registry is not None else None, None)
    reg = load_registry(root)
    try:
        check_registry(reg)
    except RenderError as exc:
        fail(str(exc))
    return root, config, reg


@render_app.command("procedure")
def render_procedure_cmd(
    ctx: typer.Context,
    ident: Annotated[Optional[str], typer.Argument(metavar="ID", help="The procedure's id.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Every procedure of the registry.")] = False,
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="Document format: docx | pdf | odt | md | html.")
    ] = "docx",
    pdfa: PdfaOpt = False,
    output: Annotated[
        Optional[str],
        typer.Option("--output", "-o", metavar="PATH", help="FILE (one procedure), DIR (--all), or - for stdout."),
    ] = None,
    registry: RegistryOpt = None,
    time_limit: TimeLimitOpt = None,
    strict: StrictOpt = False,
    baseline: BaselineOpt = None,
    lang: LangOpt = None,
) -> None:
    """An interaction procedure (порядок взаимодействия) as a document."""
    from ..render.api import OFFICE_FORMATS, PROCEDURE_FORMATS, convert_documents, render_procedure
    from ..render.errors import RenderError

    check_choice("--format", fmt, PROCEDURE_FORMATS)
    _check_pdfa(pdfa, fmt)
    if all_ == (ident is not None):
        fail("укажите ID порядка или --all (но не оба) / give a procedure ID or --all")
    root, config, reg = _load(registry)

    office = fmt in OFFICE_FORMATS
    made: dict[str, bytes] = {}  # --all in pdf/odt: the DOCX of each, converted in one LibreOffice run

    def one(i: str, target: Optional[Path]) -> None:
        try:
            if office and ident is None:
                made[i] = render_procedure(reg, config, i, "docx", time_ceiling=time_limit)
                return
            data = render_procedure(reg, config, i, fmt, pdfa, time_ceiling=time_limit)
        except RenderError as exc:
            fail(str(exc))
        write_bytes(target, data)

    if ident is not None:
        target = _target(output, f"{ident}.{fmt}", fmt, root, config, reg)
        note = _lint_gate(ctx, root, reg, config, strict, baseline)
        one(ident, target)
        if target is not None:
            written(target)
        _say(note)
        return
    folder = Path(output) if output is not None else Path(".")
    if output == "-" or (folder.exists() and not folder.is_dir()):
        fail(f"--output {output}: для --all нужна папка / --all writes into a folder")
    ids = list(reg.procedures)
    if not ids:
        fail("в реестре нет порядков (procedures/*.yaml) / no procedures in the registry")
    targets = {i: _target(str(folder) + os.sep, f"{i}.{fmt}", fmt, root, config, reg) for i in ids}
    note = _lint_gate(ctx, root, reg, config, strict, baseline, several=True)
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=Console(stderr=True),
            transient=True,
        ) as bar:
            task = bar.add_task("порядки / procedures", total=len(ids))
            for i in ids:
                bar.update(task, description=i)
                one(i, targets[i])
                bar.advance(task)
    else:
        for i in ids:
            one(i, targets[i])
    if made:
        try:
            converted = convert_documents(made, fmt, pdfa)
        except RenderError as exc:
            fail(str(exc))
        for i in ids:
            write_bytes(targets[i], converted[i])
    for i in ids:
        written(targets[i] or "-")
    _say(note)


@render_app.command("register")
def render_register_cmd(
    ctx: typer.Context,
    direction: DirectionOpt = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help="Document format: docx | pdf | odt | xlsx | md | html | csv."
        ),
    ] = "docx",
    pdfa: PdfaOpt = False,
    output: OutputOpt = None,
    registry: RegistryOpt = None,
    time_limit: TimeLimitOpt = None,
    strict: StrictOpt = False,
    baseline: BaselineOpt = None,
    lang: LangOpt = None,
) -> None:
    """The register of touchpoints (перечень точек взаимодействия): a table per direction of activity."""
    from ..render.api import REGISTER_FORMATS, render_register
    from ..render.errors import RenderError

    check_choice("--format", fmt, REGISTER_FORMATS)
    _check_pdfa(pdfa, fmt)
    check_direction(direction)
    root, config, reg = _load(registry)
    name = "register" if direction is None else f"register-{direction}"
    target = _target(output, f"{name}.{fmt}", fmt, root, config, reg)
    note = _lint_gate(ctx, root, reg, config, strict, baseline)
    try:
        data = render_register(reg, config, direction, fmt, pdfa, time_ceiling=time_limit)
    except RenderError as exc:
        fail(str(exc))
    write_bytes(target, data)
    if target is not None:
        written(target)
    _say(note)


@render_app.command("changes")
def render_changes_cmd(
    ctx: typer.Context,
    base: BaseArg = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="Document format: docx | pdf | odt | md | html.")
    ] = "docx",
    pdfa: PdfaOpt = False,
    output: OutputOpt = None,
    registry: RegistryOpt = None,
    strict: StrictOpt = False,
    baseline: BaselineOpt = None,
    lang: LangOpt = None,
) -> None:
    """Changes of the register since its approved revision, for an amending order (о внесении изменений)."""
    from ..render.api import CHANGES_FORMATS, check_registry, render_changes
    from ..render.errors import RenderError
    from ..review.core import GitError, approved_revision, load_side
    from .review import NO_BASE

    check_choice("--format", fmt, CHANGES_FORMATS)
    _check_pdfa(pdfa, fmt)
    root, config, reg = _load(registry)
    if base is None:
        base = approved_revision(root)
        if base is None:
            fail(NO_BASE)
    target = _target(output, f"changes.{fmt}", fmt, root, config, reg)
    note = _lint_gate(ctx, root, reg, config, strict, baseline)
    try:
        old = load_side(root, base).registry
        check_registry(old)
        data = render_changes(old, reg, config, base, fmt, pdfa)
    except (GitError, RenderError) as exc:
        fail(f"{base}: {exc}" if isinstance(exc, RenderError) else str(exc))
    write_bytes(target, data)
    if target is not None:
        written(target)
    _say(note)
