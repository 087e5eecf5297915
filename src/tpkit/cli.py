"""The command line: thin typer commands that parse options, call the core and hand results to a reporter.

Only this module talks to the terminal. Exit codes: 0 clean, 1 findings at
or above ``fail_on`` (or changes in ``--check`` modes), 2 usage or
configuration error. A traceback is shown only with ``--debug``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__, lintcmd
from .errors import UsageError as UsageError  # re-exported: tests and callers import it from here
from .errors import fail, guarded

app = typer.Typer(
    name="tpkit",
    help="Реестр точек взаимодействия с клиентом и порядков взаимодействия в YAML / "
    "The register of client touchpoints and interaction procedures, as YAML in git.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_DEBUG = False


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tpkit {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
) -> None:
    global _DEBUG
    _DEBUG = _DEBUG or debug


# the lint helpers live in tpkit.lintcmd (typer-free, for the fast path); render and diff use them too
_open_registry = lintcmd.open_registry
_report_root = lintcmd.report_root

LangOpt = Annotated[Optional[str], typer.Option("--lang", help="Language of findings: ru | en.")]


@app.command()
def lint(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Registry folder, or files in it to report on.")] = None,
    fmt: Annotated[
        Optional[str], typer.Option("--format", "-f", help="text | json | sarif | github | gitlab | junit")
    ] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to FILE.")] = None,
    select: Annotated[Optional[list[str]], typer.Option("--select", help="Codes or prefixes to enable.")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", help="Codes or prefixes to disable.")] = None,
    fail_on: Annotated[Optional[str], typer.Option("--fail-on", help="error | warning | info | never")] = None,
    baseline: Annotated[
        Optional[Path], typer.Option("--baseline", help="Report only findings not recorded in this baseline FILE.")
    ] = None,
    write_baseline: Annotated[
        Optional[Path],
        typer.Option(
            "--write-baseline", help="Record today's findings in FILE (to adopt tpkit on an existing register)."
        ),
    ] = None,
    lang: LangOpt = None,
    since: Annotated[
        Optional[str],
        typer.Option("--since", metavar="REV", help="Report only findings absent at git revision REV, plus TP113."),
    ] = None,
) -> None:
    """Check the registry against the methodology (rules TP001…TP901)."""
    code = lintcmd.run(
        paths=list(paths) if paths else None,
        fmt=fmt,
        output=output,
        select=list(select) if select else None,
        ignore=list(ignore) if ignore else None,
        fail_on=fail_on,
        baseline=baseline,
        write_baseline=write_baseline,
        lang=lang,
        since=since,
        debug=_DEBUG,
    )
    raise typer.Exit(code)


@app.command()
def rules(
    fmt: Annotated[str, typer.Option("--format", "-f", help="text | json | md")] = "text",
    lang: LangOpt = None,
) -> None:
    """List the rules."""
    from .lint import docs

    language = lang or "ru"
    if fmt == "text":
        sys.stdout.write(docs.rules_text(language))
    elif fmt == "json":
        sys.stdout.write(docs.rules_json(language))
    elif fmt == "md":
        sys.stdout.write(docs.rules_markdown(language))
    else:
        fail(f"--format: неизвестный формат «{fmt}»; допустимо: text, json, md")


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A rule code, e.g. TP101.")], lang: LangOpt = None) -> None:
    """Explain one rule: what it checks, why, the anti-pattern and the best practice."""
    from .lint import docs

    text = docs.explain(code, lang or "ru")
    if text is None:
        fail(f"нет правила {code} (список: tpkit rules) / no rule {code}")
    sys.stdout.write(text)


@app.command()
def schema(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the schema files.")] = Path("schemas"),
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if the folder differs from the models.")] = False,
) -> None:
    """Write the JSON Schemas (draft 2020-12) of every file kind."""
    from . import schema as sch

    if check:
        stale = sch.check(output)
        for name in stale:
            typer.echo(f"{output / name}: устарела / out of date (tpkit schema --output {output})")
        raise typer.Exit(1 if stale else 0)
    for path in sch.write(output):
        typer.echo(f"записано / written: {path}")


# --- render (issue: tpkit render) -------------------------------------------------

render_app = typer.Typer(
    help="Документы Word/Markdown/HTML/Excel из реестра / Documents from the registry.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(render_app, name="render")

RegistryOpt = Annotated[
    Optional[Path], typer.Option("--registry", "-C", help="The registry folder (default: found from the current one).")
]


def _render_target(output: Optional[str], default_name: str, fmt: str, root: Path, reg) -> Optional[Path]:  # type: ignore[no-untyped-def]
    """Where one document goes: None = stdout (``--output -``); a folder (existing, or written with
    a trailing slash) gets the default name."""
    if output == "-":
        if fmt in ("docx", "xlsx"):
            fail(f"--output -: формат {fmt} нельзя вывести в терминал; укажите файл / binary format needs a file")
        return None
    if output is None:
        target = Path(default_name)
    elif Path(output).is_dir() or output.endswith(("/", os.sep)):
        target = Path(output) / default_name
    else:
        target = Path(output)
    _check_own_output(target, fmt, root, reg)
    return target


def _check_own_output(target: Path, fmt: str, root: Path, reg) -> None:  # type: ignore[no-untyped-def]
    """render replaces only its own outputs: never a registry file, never a file of another kind."""
    resolved = target.resolve()
    try:
        rel = resolved.relative_to(root.resolve()).as_posix()
    except ValueError:
        rel = None
    if rel is not None and (rel in reg.files or rel == "tpkit.yaml"):
        fail(f"{target}: это файл реестра, render его не перезапишет / refusing to overwrite a registry file")
    if target.exists() and (target.is_dir() or target.suffix.lower() != f".{fmt}"):
        fail(
            f"{target}: уже существует и это не файл .{fmt}; render заменяет только свои документы / "
            f"refusing to replace a file that is not a .{fmt} document"
        )


def _write_output(target: Optional[Path], data: bytes) -> None:
    from .util import atomic_write_bytes

    if target is None:
        sys.stdout.buffer.write(data) if hasattr(sys.stdout, "buffer") else sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
        return
    atomic_write_bytes(target, data)


def _render_registry(registry: Optional[Path]):  # type: ignore[no-untyped-def]
    from .registry import load_registry
    from .render.api import check_registry
    from .render.errors import RenderError

    root, config, _ = _open_registry([registry] if registry is not None else None, None)
    reg = load_registry(root)
    try:
        check_registry(reg)
    except RenderError as exc:
        fail(str(exc))
    return root, config, reg


@render_app.command("procedure")
def render_procedure_cmd(
    ident: Annotated[Optional[str], typer.Argument(metavar="ID", help="The procedure's id.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Every procedure of the registry.")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="docx | md | html")] = "docx",
    output: Annotated[
        Optional[str], typer.Option("--output", "-o", help="FILE (one procedure), DIR (--all), or - for stdout.")
    ] = None,
    registry: RegistryOpt = None,
) -> None:
    """An interaction procedure (порядок взаимодействия) as a document."""
    from .render.api import PROCEDURE_FORMATS, render_procedure
    from .render.errors import RenderError

    if fmt not in PROCEDURE_FORMATS:
        fail(f"--format: неизвестный формат «{fmt}»; допустимо: {', '.join(PROCEDURE_FORMATS)}")
    if all_ == (ident is not None):
        fail("укажите ID порядка или --all (но не оба) / give a procedure ID or --all")
    root, config, reg = _render_registry(registry)
    if not all_:
        assert ident is not None
        target = _render_target(output, f"{ident}.{fmt}", fmt, root, reg)
        try:
            data = render_procedure(reg, config, ident, fmt)
        except RenderError as exc:
            fail(str(exc))
        _write_output(target, data)
        if target is not None:
            typer.echo(f"записано / written: {target}", err=True)
        return
    folder = Path(output) if output is not None else Path(".")
    if output == "-" or (folder.exists() and not folder.is_dir()):
        fail(f"--output {output}: для --all нужна папка / --all writes into a folder")
    ids = list(reg.procedures)
    if not ids:
        fail("в реестре нет порядков (procedures/*.yaml) / no procedures in the registry")
    targets = {i: _render_target(str(folder) + os.sep, f"{i}.{fmt}", fmt, root, reg) for i in ids}

    def one(i: str) -> None:
        try:
            data = render_procedure(reg, config, i, fmt)
        except RenderError as exc:
            fail(str(exc))
        _write_output(targets[i], data)

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
                one(i)
                bar.advance(task)
    else:
        for i in ids:
            one(i)
    for i in ids:
        typer.echo(f"записано / written: {targets[i]}", err=True)


@render_app.command("register")
def render_register_cmd(
    direction: Annotated[
        Optional[str], typer.Option("--direction", "-d", help="services | functions | support | control | appeals")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="docx | xlsx | md | html | csv")] = "docx",
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="FILE, DIR, or - for stdout.")] = None,
    registry: RegistryOpt = None,
) -> None:
    """The register of touchpoints (перечень точек взаимодействия): a table per direction of activity."""
    from .registry.enums import DIRECTIONS
    from .render.api import REGISTER_FORMATS, render_register
    from .render.errors import RenderError

    if fmt not in REGISTER_FORMATS:
        fail(f"--format: неизвестный формат «{fmt}»; допустимо: {', '.join(REGISTER_FORMATS)}")
    if direction is not None and direction not in DIRECTIONS:
        fail(f"--direction: неизвестное направление «{direction}»; допустимо: {', '.join(DIRECTIONS)}")
    root, config, reg = _render_registry(registry)
    name = "register" if direction is None else f"register-{direction}"
    target = _render_target(output, f"{name}.{fmt}", fmt, root, reg)
    try:
        data = render_register(reg, config, direction, fmt)
    except RenderError as exc:
        fail(str(exc))
    _write_output(target, data)
    if target is not None:
        typer.echo(f"записано / written: {target}", err=True)


# --- review (issue: tpkit diff) ----------------------------------------------------


@app.command()
def diff(
    base: Annotated[str, typer.Argument(help="The git revision to compare with (e.g. origin/main).")],
    head: Annotated[Optional[str], typer.Argument(help="The revision to review (default: the working tree).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text | md | json")] = "text",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to FILE.")] = None,
    path: Annotated[
        Optional[Path], typer.Option("--path", help="The registry folder (default: found from the current folder).")
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Compare the registry at two git revisions by meaning (for a merge request)."""
    from .review import FORMATS
    from .review.core import GitError, run_diff

    if fmt not in FORMATS:
        fail(f"--format: неизвестный формат «{fmt}»; допустимо: {', '.join(FORMATS)}")
    if lang is not None and lang not in ("ru", "en"):
        fail("--lang: ru | en")
    root, config, _ = _open_registry([path] if path is not None else None, lang)
    language = lang or config.language
    try:
        result, errors = run_diff(root, base, head, config, lang=language, debug=_DEBUG)
    except GitError as exc:
        fail(str(exc))
    from importlib import import_module

    renderer = import_module(f".review.{fmt}_report", __package__)
    color = fmt == "text" and output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    report = renderer.render(result, lang=language, color=color)
    if output is not None:
        from .util import atomic_write_text

        atomic_write_text(output, report)
    else:
        sys.stdout.write(report)
    for err in errors:
        typer.echo(f"tpkit: внутренняя ошибка правила {err} / internal error", err=True)
    raise typer.Exit(2 if errors else 0)


# --- authoring (issue: init, new, fmt, matrix, import) ------------------------------


def _author_call(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    """Run an authoring core function; its one-line errors exit 2."""
    from .author import AuthoringError

    try:
        return fn(*args, **kwargs)
    except AuthoringError as exc:
        fail(str(exc))


def _registry_root(path: Path | None) -> Path:
    from .registry import NoRegistryError, find_root

    start = path or Path.cwd()
    if not start.exists():
        fail(f"{start}: нет такого файла или папки / no such file or folder")
    try:
        return find_root(start)
    except NoRegistryError:
        fail(
            f"{start}: реестр не найден — нет tpkit.yaml ни в этой папке, ни выше "
            f"(создайте его: tpkit init) / no registry: no tpkit.yaml here or above"
        )


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="Folder for the new registry (created if missing).")] = Path("."),
    force: Annotated[bool, typer.Option("--force", help="Write into a folder that is not empty.")] = False,
) -> None:
    """Create a registry that lints clean: worked example, CI files, pre-commit, VS Code schemas."""
    from .author.init import init_registry

    result = _author_call(init_registry, directory, force=force)
    for rel in result.written:
        typer.echo(f"  {rel}")
    typer.echo(f"создан реестр / registry created: {directory}  (дальше: cd {directory} && tpkit lint)")


@app.command()
def new(
    kind: Annotated[str, typer.Argument(help="process | touchpoint | procedure")],
    ident: Annotated[str, typer.Argument(metavar="ID", help="The new object's id.")],
    title: Annotated[Optional[str], typer.Option("--title", help="Title (name for a touchpoint).")] = None,
    channel: Annotated[
        Optional[str], typer.Option("--channel", help="Touchpoint channel (default: other_digital).")
    ] = None,
) -> None:
    """Add a valid, commented skeleton: processes/ID.yaml, procedures/ID.yaml or an entry in touchpoints.yaml."""
    from .author.new import KINDS, new_object

    if kind not in KINDS:
        fail(f"«{kind}»: можно создать {' | '.join(KINDS)} / unknown kind")
    if channel is not None and kind != "touchpoint":
        fail("--channel: только для tpkit new touchpoint / only for touchpoints")
    root = _registry_root(None)
    result = _author_call(new_object, root, kind, ident, title=title, channel=channel)
    rel = result.path.relative_to(root).as_posix()
    typer.echo(f"{rel}: добавлен {kind} «{ident}» / added (заполните и проверьте: tpkit lint)")


@app.command()
def fmt(
    paths: Annotated[
        Optional[list[Path]], typer.Argument(help="Registry folder or files (default: the registry).")
    ] = None,
    check: Annotated[bool, typer.Option("--check", help="Change nothing; exit 1 if some file would change.")] = False,
) -> None:
    """Canonical formatting of the registry's YAML: key order, indentation; comments and data kept."""
    from .author.fmt import fmt_paths

    targets = paths or [Path.cwd()]
    for t in targets:
        if not t.exists():
            fail(f"{t}: нет такого файла или папки / no such file or folder")
    root = _registry_root(targets[0])
    result = fmt_paths(root, list(targets), check=check)
    for rel in result.skipped:
        typer.echo(f"{rel}: не файл реестра — пропущен / not a registry file, skipped", err=True)
    for rel, line, col, message in result.failed:
        typer.echo(f"{rel}:{line}:{col}: не отформатирован / not formatted: {message}", err=True)
    verb = "будет изменен / would reformat" if check else "отформатирован / reformatted"
    for rel in result.changed:
        typer.echo(f"{rel}: {verb}")
    n_changed, n_same = len(result.changed), len(result.unchanged)
    if check:
        summary = f"{n_changed} к форматированию, {n_same} без изменений / {n_changed} would change, {n_same} unchanged"
    else:
        summary = f"{n_changed} отформатировано, {n_same} без изменений / {n_changed} reformatted, {n_same} unchanged"
    if result.failed:
        summary += f", {len(result.failed)} с ошибками / failed"
    typer.echo(summary, err=True)
    raise typer.Exit(1 if result.failed or (check and result.changed) else 0)


import_app = typer.Typer(
    help="Import a register kept elsewhere into the registry's YAML files.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(import_app, name="import")


@import_app.command("xlsx")
def import_xlsx_cmd(
    file: Annotated[
        Path, typer.Argument(help="An .xlsx workbook in the layout of tpkit render register --format xlsx.")
    ],
    force: Annotated[bool, typer.Option("--force", help="Replace process files that already exist.")] = False,
    direction: Annotated[
        Optional[str],
        typer.Option("--direction", help="Direction for a sheet whose name is not one (default: services)."),
    ] = None,
    path: Annotated[
        Optional[Path], typer.Option("--registry", help="Registry folder (default: the current one).")
    ] = None,
) -> None:
    """A register kept in Excel becomes touchpoints.yaml and processes/*.yaml; unmapped rows are reported."""
    from .author.importer import import_xlsx
    from .registry.enums import DIRECTIONS

    if direction is not None and direction not in DIRECTIONS:
        fail(f"--direction: неизвестное направление «{direction}»; допустимо: {', '.join(DIRECTIONS)}")
    if not file.is_file():
        fail(f"{file}: нет такого файла / no such file")
    root = _registry_root(path)
    result = _author_call(import_xlsx, root, file, force=force, default_direction=direction)
    for rel in result.written:
        typer.echo(f"записано / written: {rel}")
    if result.touchpoints_added:
        typer.echo(
            f"новые точки в каталоге / new touchpoints: {', '.join(result.touchpoints_added)} "
            "(проверьте channel, basis, responsible)"
        )
    for item in result.unmapped:
        typer.echo(f"не сопоставлено / not mapped: {item.line()}", err=True)
    typer.echo(
        f"строк: {result.rows}, процессов: {len(result.processes)}, новых точек: {len(result.touchpoints_added)}, "
        f"не сопоставлено: {len(result.unmapped)} (дальше: tpkit lint)",
        err=True,
    )


MATRIX_FORMATS = ("text", "html", "csv")


@app.command()
def matrix(
    path: Annotated[Optional[Path], typer.Argument(help="Registry folder (default: the current one).")] = None,
    direction: Annotated[
        Optional[str], typer.Option("--direction", help="services | functions | support | control | appeals")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text | html | csv")] = "text",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to FILE.")] = None,
) -> None:
    """Processes × touchpoints with the needs in the cells; the journey gaps of each process."""
    from .author.matrix import build_matrix, render_csv, render_html
    from .registry import load_registry
    from .registry.enums import DIRECTIONS

    if fmt not in MATRIX_FORMATS:
        fail(f"--format: неизвестный формат «{fmt}»; допустимо: {', '.join(MATRIX_FORMATS)}")
    if direction is not None and direction not in DIRECTIONS:
        fail(f"--direction: неизвестное направление «{direction}»; допустимо: {', '.join(DIRECTIONS)}")
    root = _registry_root(path)
    mx = build_matrix(load_registry(root), direction)
    if fmt == "html":
        text = render_html(mx)
    elif fmt == "csv":
        text = render_csv(mx)
    else:
        text = _matrix_table(mx, color=output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    if output is not None:
        from .util import atomic_write_bytes

        data = text.encode("utf-8-sig") if fmt == "csv" else text.encode("utf-8")
        atomic_write_bytes(output, data)
        typer.echo(f"записано / written: {output}", err=True)
    else:
        sys.stdout.write(text)


def _matrix_table(mx, *, color: bool) -> str:  # type: ignore[no-untyped-def]
    """The matrix as a rich table (rich is imported only here)."""
    import io

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from .registry.enums import DIRECTIONS

    if not mx.rows:
        return "нет процессов / no processes\n"
    table = Table(show_lines=False, header_style="bold", title=mx.title or None)
    table.add_column("процесс", overflow="fold", max_width=40)
    for c in mx.columns:
        table.add_column(Text(c.name), overflow="fold", max_width=16, justify="center")
    table.add_column("не хватает", overflow="fold", style="bold red" if color else None)
    current = None
    for r in mx.rows:
        if r.direction != current:
            current = r.direction
            table.add_section()
            label = DIRECTIONS.get(r.direction, {}).get("ru", r.direction)
            table.add_row(Text(label, style="bold"), *([Text("")] * (len(mx.columns) + 1)))
        cells = [Text(mx.cell_text(r.id, c.id) or "·") for c in mx.columns]
        table.add_row(Text(r.title), *cells, Text(mx.gap_text(r.id)))
    buf = io.StringIO()
    width = None if color else max(100, 42 + 18 * len(mx.columns) + 30)
    console = Console(file=buf, force_terminal=color, no_color=not color, width=width, highlight=False)
    console.print(table)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> None:
    """Entry point: one-line errors, exit 2, never a traceback unless --debug (see tpkit.errors.guarded)."""
    global _DEBUG
    args = list(sys.argv[1:] if argv is None else argv)
    _DEBUG = "--debug" in args

    def invoke() -> None:
        try:
            app(args=args, prog_name="tpkit", standalone_mode=True)
        except SystemExit as exc:
            # typer turns Ctrl-C into a silent exit 130 (SystemExit <- typer's Exit <- KeyboardInterrupt):
            # hand it back to guarded, which says so, as on the fast ``tpkit lint`` path
            if exc.code == 130 and isinstance(getattr(exc.__context__, "__cause__", None), KeyboardInterrupt):
                raise KeyboardInterrupt from None
            raise

    sys.exit(guarded(invoke, debug=_DEBUG))
