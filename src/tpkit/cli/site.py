"""``tpkit site``: the register as a static, self-contained web site."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .app import LangOpt, RegistryOpt, app, state_of
from .common import check_output, chosen_lang, registry_root
from .errors import fail


@app.command()
def site(
    ctx: typer.Context,
    output: Annotated[
        Optional[Path],
        typer.Option(
            "--output",
            "-o",
            help="The folder to write the site into (default: build/site; build/public with --public).",
        ),
    ] = None,
    documents: Annotated[
        bool,
        typer.Option("--documents", help="Also each procedure as DOCX (and PDF where LibreOffice is) to download."),
    ] = False,
    history: Annotated[
        int, typer.Option("--history", metavar="N", min=0, help="A page of the figures of the last N commits.")
    ] = 0,
    public: Annotated[
        bool,
        typer.Option(
            "--public", help="The public view alone: where a person goes for what, no findings (for the agency's site)."
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Write into a non-empty folder tpkit did not write (never over or deleting others' files)."
        ),
    ] = False,
    registry: RegistryOpt = None,
    lang: LangOpt = None,
) -> None:
    """The register as a static web site: pages, journey pictures, findings, offline search (exit as lint)."""
    from ..config import load_config
    from ..site import SiteError, SiteOptions, build_site

    lang = chosen_lang(ctx, lang)
    if public and (documents or history):
        fail("--public: без --documents и --history (в публичном виде их нет) / --public takes neither")
    output = output if output is not None else Path("build/public" if public else "build/site")
    root = registry_root(registry)
    config = load_config(root, lang)
    check_output(output, root, config, folder=True)  # never the registry folder, its data, .git or the templates
    try:
        options = SiteOptions(
            documents=documents, history=history, lang=lang or config.language, public=public, force=force
        )
        built = build_site(root, config, output, options)
    except SiteError as exc:
        fail(str(exc))
    result = built.result
    for err in result.internal_errors:
        typer.echo(f"tpkit: внутренняя ошибка правила {err} / internal error", err=True)
    for note in built.notes:
        typer.echo(f"tpkit: {note}", err=True)
    from ..report.text_report import counts_text
    from ..russian import count

    written, removed = len(built.files), len(built.removed)
    typer.echo(
        f"{output}: записано {count(written, 'файл')}, удалено {count(removed, 'прежний файл')}; замечания: "
        f"{counts_text(result, 'ru')} / site written: {written} files, {removed} removed; "
        f"{counts_text(result, 'en')}",
        err=True,
    )
    if state_of(ctx).debug:
        typer.echo(f"tpkit: {root}", err=True)
    if result.internal_errors:
        raise typer.Exit(2)
    raise typer.Exit(1 if result.fails(config.lint.fail_on) else 0)
