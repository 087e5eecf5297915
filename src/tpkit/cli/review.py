"""``tpkit diff``: the registry at two git revisions compared by meaning, for a merge request."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Annotated, Optional

import typer

from .app import BaseArg, LangOpt, ReportOpt, app, state_of
from .common import check_choice, check_output, chosen_lang, open_registry, stdout_or_path, use_color, write_text_report
from .errors import fail

NO_BASE = (
    "укажите BASE или ревизию утвержденного перечня в agency.yaml (register.approval.revision) / "
    "give BASE or register.approval.revision"
)


@app.command()
def diff(
    ctx: typer.Context,
    base: BaseArg = None,
    head: Annotated[
        Optional[str],
        typer.Argument(metavar="HEAD", help="The revision to review (default: the working tree).", show_default=False),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="Report format: text | md | json.")
    ] = "text",
    output: ReportOpt = None,
    path: Annotated[
        Optional[Path],
        typer.Option(
            "--registry",
            "-C",
            "--path",
            metavar="DIR",
            help="The registry folder (default: found from the current one).",
        ),
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Compare the registry at two git revisions by meaning (for a merge request)."""
    from ..review import FORMATS
    from ..review.core import GitError, approved_revision, run_diff

    check_choice("--format", fmt, FORMATS)
    lang = chosen_lang(ctx, lang)
    root, config, _ = open_registry([path] if path is not None else None, lang)
    output = stdout_or_path(output)
    if output is not None:
        check_output(output, root, config)
    language = lang or config.language
    if base is None:
        base = approved_revision(root)
        if base is None:
            fail(NO_BASE)
    try:
        result, errors = run_diff(root, base, head, config, lang=language, debug=state_of(ctx).debug)
    except GitError as exc:
        fail(str(exc))
    renderer = import_module(f"tpkit.review.{fmt}_report")
    write_text_report(output, renderer.render(result, lang=language, color=use_color(fmt, output)))
    for err in errors:
        typer.echo(f"tpkit: внутренняя ошибка правила {err} / internal error", err=True)
    raise typer.Exit(2 if errors else 0)
