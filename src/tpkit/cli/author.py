"""Authoring: ``tpkit init``, ``new``, ``fmt``, ``import xlsx`` and ``matrix``."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from .app import DirectionOpt, LangOpt, PathsArg, RegistryOpt, ReportOpt, app
from .common import (
    author_call,
    check_choice,
    check_direction,
    check_output,
    check_writable,
    chosen_lang,
    paths_or_registry,
    registry_root,
    resolve_targets,
    stdout_or_path,
    use_color,
    write_bytes,
    written,
)
from .errors import fail

if TYPE_CHECKING:
    from ..author.matrix import Matrix


@app.command()
def init(
    directory: Annotated[
        Path, typer.Argument(metavar="DIR", help="Folder for the new registry (created if missing).")
    ] = Path("."),
    force: Annotated[bool, typer.Option("--force", help="Write into a folder that is not empty.")] = False,
    empty: Annotated[
        bool,
        typer.Option("--empty", help="No example process, procedure, touchpoints or acts: the start for tpkit import."),
    ] = False,
    lang: LangOpt = None,
) -> None:
    """Create a registry: a worked example with placeholders <…> for your data, CI files, pre-commit, VS Code schemas."""
    from ..author.init import init_registry

    result = author_call(init_registry, directory, force=force, empty=empty)
    for rel in result.written:
        typer.echo(f"  {rel}")
    typer.echo(
        f"создан реестр / registry created: {directory}  (дальше: cd {directory} && tpkit lint — замените заглушки <…> "
        "своими данными / next: replace the placeholders <…> with your data)"
    )


@app.command()
def new(
    kind: Annotated[str, typer.Argument(metavar="KIND", help="What to add: process | touchpoint | procedure.")],
    ident: Annotated[str, typer.Argument(metavar="ID", help="The new object's id.")],
    title: Annotated[
        Optional[str], typer.Option("--title", metavar="TEXT", help="Title (name for a touchpoint).")
    ] = None,
    channel: Annotated[
        Optional[str], typer.Option("--channel", metavar="CHANNEL", help="Touchpoint channel (default: other_digital).")
    ] = None,
    registry: RegistryOpt = None,
    lang: LangOpt = None,
) -> None:
    """Add a valid, commented skeleton: processes/ID.yaml, procedures/ID.yaml or an entry in touchpoints.yaml."""
    from ..author.new import KINDS, new_object

    if kind not in KINDS:
        fail(f"«{kind}»: можно создать {' | '.join(KINDS)} / unknown kind")
    if channel is not None and kind != "touchpoint":
        fail("--channel: только для tpkit new touchpoint / only for touchpoints")
    root = registry_root(registry)
    result = author_call(new_object, root, kind, ident, title=title, channel=channel)
    rel = result.path.relative_to(root).as_posix()
    typer.echo(f"{rel}: {result.said} (заполните и проверьте: tpkit lint)")


@app.command()
def fmt(
    paths: PathsArg = None,
    registry: RegistryOpt = None,
    check: Annotated[bool, typer.Option("--check", help="Change nothing; exit 1 if some file would change.")] = False,
    lang: LangOpt = None,
) -> None:
    """Canonical formatting of the registry's YAML: key order, indentation; comments and data kept."""
    from ..author.fmt import fmt_paths

    targets, root = resolve_targets(paths_or_registry(paths, registry))
    result = fmt_paths(root, list(targets), check=check)
    for rel in result.skipped:
        typer.echo(f"{rel}: не файл реестра — пропущен / not a registry file, skipped", err=True)
    for rel, line, col, message in result.failed:
        typer.echo(f"{rel}:{line}:{col}: не отформатирован / not formatted: {message}", err=True)
    verb = "будет изменен / would reformat" if check else "отформатирован / reformatted"
    for rel in result.changed:
        typer.echo(f"{rel}: {verb}")
    from ..russian import count

    n_changed, n_same, n_failed = len(result.changed), len(result.unchanged), len(result.failed)
    ru = [f"{'к форматированию' if check else 'отформатировано'}: {count(n_changed, 'файл')}"]
    en = [f"{n_changed} {'would change' if check else 'reformatted'}"]
    ru.append(f"без изменений: {count(n_same, 'файл')}")
    en.append(f"{n_same} unchanged")
    if n_failed:
        ru.append(f"с ошибками: {count(n_failed, 'файл')}")
        en.append(f"{n_failed} failed")
    typer.echo(f"{', '.join(ru)} / {', '.join(en)}", err=True)
    raise typer.Exit(1 if result.failed or (check and result.changed) else 0)


import_app = typer.Typer(
    help="Import a register kept elsewhere into the registry's YAML files.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(import_app, name="import")


def _run_import(
    ctx: typer.Context,
    kind: str,
    file: Path,
    force: bool,
    direction: Optional[str],
    path: Optional[Path],
    dry_run: bool,
    report: Optional[Path],
    lang_opt: Optional[str],
) -> None:
    from ..author.importer import import_file, merge_line
    from ..config import load_config

    check_direction(direction)
    if not file.is_file():
        fail(f"{file}: нет такого файла / no such file")
    root = registry_root(path)
    config = load_config(root)
    lang = chosen_lang(ctx, lang_opt) or config.language
    if report is not None:  # every output is checked before anything is written
        check_output(report, root, config, data=True)
        if report.resolve() == file.resolve() or (report.exists() and os.path.samefile(report, file)):
            fail(f"{report}: это файл-источник импорта — план туда не записывается / this is the file imported")
        check_writable(report)
    result = author_call(
        import_file,
        root,
        file,
        kind,
        force=force,
        default_direction=direction,
        dry_run=dry_run,
        report=report,
        lang=lang,
    )
    if report is not None:
        written(report)
    if dry_run:
        sys.stdout.write(result.plan)
        return
    for rel in result.written:
        typer.echo(f"записано / written: {rel}")
    if result.touchpoints_added:
        typer.echo(
            f"новые точки в каталоге / new touchpoints: {', '.join(result.touchpoints_added)} "
            "(проверьте channel, basis, responsible)"
        )
    for merge in result.merged:
        typer.echo(f"объединена / merged: {merge_line(merge, lang)}", err=True)
    for item in result.conflicts:
        typer.echo(f"расхождение / conflict: {item.line(lang)}", err=True)
    for row in result.unread:
        typer.echo(f"не понято / not understood: {row.unread_line(lang)}", err=True)
    for item in result.unmapped:
        typer.echo(f"не сопоставлено / not mapped: {item.line(lang)}", err=True)
    n = result.outcomes
    typer.echo(
        f"строк: {result.rows} — записано {n['written']}, объединено {n['merged']}, служебных {n['structural']}, "
        f"не понято {n['unread']}; процессов: {len(result.processes)}, новых точек: {len(result.touchpoints_added)}, "
        f"расхождений: {len(result.conflicts)}, не сопоставлено: {len(result.unmapped)} (дальше: tpkit lint)",
        err=True,
    )


ForceOpt = Annotated[bool, typer.Option("--force", help="Replace process files that already exist.")]
RowDirectionOpt = Annotated[
    Optional[str],
    typer.Option(
        "--direction",
        metavar="DIRECTION",
        help="Direction for rows under no direction heading, on a sheet whose name is not one (default: services).",
    ),
]
DryRunOpt = Annotated[
    bool,
    typer.Option("--dry-run", help="Print the plan (rows, what each became, what was not understood); write nothing."),
]
PlanOpt = Annotated[
    Optional[Path],
    typer.Option("--report", metavar="FILE.md", help="Also write the plan to FILE.md (for the merge request)."),
]


def _import_command(kind: str, what: str, summary: str) -> None:
    """``tpkit import KIND FILE``: the same options for every kind of file; ``what`` helps with FILE."""

    def command(
        ctx: typer.Context,
        file: Path,
        force: ForceOpt = False,
        direction: RowDirectionOpt = None,
        path: RegistryOpt = None,
        dry_run: DryRunOpt = False,
        report: PlanOpt = None,
        lang: LangOpt = None,
    ) -> None:
        _run_import(ctx, kind, file, force, direction, path, dry_run, report, lang)

    command.__doc__ = summary
    # the help of FILE is this kind's: set as an object, since the module's annotations are strings
    command.__annotations__["file"] = Annotated[Path, typer.Argument(metavar="FILE", help=what)]
    import_app.command(kind)(command)


_import_command(
    "xlsx",
    "An .xlsx workbook: tpkit's register export or an agency's own table, any sheet.",
    "A register kept in Excel becomes touchpoints.yaml and processes/*.yaml; unmapped rows are reported.",
)
_import_command(
    "docx",
    "A .docx document whose tables are the register (an order's appendix).",
    "A register published in Word (its tables) becomes touchpoints.yaml and processes/*.yaml.",
)


MATRIX_FORMATS = ("text", "html", "csv")


@app.command()
def matrix(
    path: Annotated[
        Optional[Path],
        typer.Argument(metavar="DIR", help="Registry folder (default: the current one).", show_default=False),
    ] = None,
    direction: DirectionOpt = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="Output format: text | html | csv.")
    ] = "text",
    output: ReportOpt = None,
    registry: RegistryOpt = None,
    lang: LangOpt = None,
) -> None:
    """Processes × touchpoints with the needs in the cells; the journey gaps of each process."""
    from ..author.matrix import build_matrix, render_csv, render_html
    from ..registry import load_registry

    check_choice("--format", fmt, MATRIX_FORMATS)
    check_direction(direction)
    from ..config import load_config

    given = paths_or_registry([path] if path is not None else None, registry)
    root = registry_root(given[0] if given else None)
    output = stdout_or_path(output)
    if output is not None:
        check_output(output, root, load_config(root))
    mx = build_matrix(load_registry(root), direction)
    if fmt == "html":
        text = render_html(mx)
    elif fmt == "csv":
        text = render_csv(mx)
    else:
        text = _matrix_table(mx, color=use_color("text", output))
    if output is not None:
        write_bytes(output, text.encode("utf-8-sig") if fmt == "csv" else text.encode("utf-8"))
        written(output)
    else:
        sys.stdout.write(text)


def _matrix_table(mx: Matrix, *, color: bool) -> str:
    """The matrix as a rich table (rich is imported only here)."""
    import io

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from ..registry.enums import DIRECTIONS

    if not mx.rows:
        return "нет процессов / no processes\n"
    table = Table(show_lines=False, header_style="bold", title=mx.title or None)
    table.add_column("Процесс", overflow="fold", max_width=40)
    for c in mx.columns:
        table.add_column(Text(c.name), overflow="fold", max_width=16, justify="center")
    table.add_column("Не хватает", overflow="fold", style="bold red" if color else None)
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
    # the cells' abbreviations, as the HTML's «Обозначения»
    legend = [f"  {short} — {mx.labels.get(code, code)}" for code, short in mx.short.items()]
    return buf.getvalue() + "\n".join(["Обозначения:", *legend]) + "\n"
