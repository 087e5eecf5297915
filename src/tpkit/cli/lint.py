"""``tpkit lint``: check the registry and report the findings."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .app import LangOpt, PathsArg, RegistryOpt, ReportOpt, app, state_of
from .common import (
    check_choice,
    check_output,
    chosen_lang,
    open_registry,
    paths_or_registry,
    report_root,
    split_codes,
    stdout_or_path,
    use_color,
)
from .errors import fail


@app.command()
def lint(
    ctx: typer.Context,
    paths: PathsArg = None,
    registry: RegistryOpt = None,
    fmt: Annotated[
        Optional[str],
        typer.Option(
            "--format", "-f", metavar="FORMAT", help="Report format: text | json | sarif | github | gitlab | junit."
        ),
    ] = None,
    output: ReportOpt = None,
    select: Annotated[
        Optional[list[str]], typer.Option("--select", metavar="CODES", help="Codes or prefixes to enable.")
    ] = None,
    ignore: Annotated[
        Optional[list[str]], typer.Option("--ignore", metavar="CODES", help="Codes or prefixes to disable.")
    ] = None,
    fail_on: Annotated[
        Optional[str],
        typer.Option(
            "--fail-on", metavar="LEVEL", help="Exit 1 from this severity up: error | warning | info | never."
        ),
    ] = None,
    baseline: Annotated[
        Optional[Path],
        typer.Option("--baseline", metavar="FILE", help="Report only findings not recorded in this baseline FILE."),
    ] = None,
    write_baseline: Annotated[
        Optional[Path],
        typer.Option(
            "--write-baseline",
            metavar="FILE",
            help="Record today's findings in FILE (to adopt tpkit on an existing register).",
        ),
    ] = None,
    lang: LangOpt = None,
    since: Annotated[
        Optional[str],
        typer.Option("--since", metavar="REV", help="Report only findings absent at git revision REV, plus TP113."),
    ] = None,
) -> None:
    """Check the registry against the methodology (rules TP001…TP901)."""
    from ..lint.baseline import BaselineError
    from ..lint.request import LintRequest, RequestError
    from ..lint.rule import unknown_patterns
    from ..registry.enums import FAIL_ON
    from ..report import FORMATS, get_reporter
    from ..review.gitrev import GitError
    from ..util import atomic_write_text

    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    check_choice("--format", fmt, FORMATS)
    lang = chosen_lang(ctx, lang)
    if fail_on is not None and fail_on not in FAIL_ON:
        fail(f"--fail-on: {' | '.join(FAIL_ON)}")
    codes_in, codes_out = split_codes(select), split_codes(ignore)
    for opt, values in (("--select", codes_in), ("--ignore", codes_out)):
        bad = unknown_patterns(values or [])
        if bad:
            fail(f"{opt}: нет правила «{bad[0]}» (список: tpkit rules) / no rule '{bad[0]}'")
    paths = paths_or_registry(paths, registry)
    root, config, only = open_registry(list(paths) if paths else None, lang)
    output = stdout_or_path(output)
    for target in (output, write_baseline):
        if target is not None:
            check_output(target, root, config)
    language = lang or config.language
    request = LintRequest(
        root,
        config,
        language,
        select=codes_in,
        ignore=codes_out,
        only_files=only,
        baseline=baseline,
        write_baseline=write_baseline is not None,
        since=since,
        fail_on=fail_on,
        debug=state_of(ctx).debug,
    )
    if since is not None:
        from ..review.core import lint_since

        request.since_linter = lint_since
    try:
        outcome = request.run()
    except (RequestError, BaselineError) as exc:
        fail(str(exc))
    except GitError as exc:
        fail(f"--since: {exc}")
    result = outcome.result
    for err in result.internal_errors:
        typer.echo(f"tpkit: внутренняя ошибка правила {err} / internal error", err=True)
    if write_baseline is not None and outcome.baseline_text is not None:
        atomic_write_text(write_baseline, outcome.baseline_text)
        typer.echo(
            f"tpkit: {write_baseline}: записано замечаний в базовую линию / findings recorded: {len(result.findings)}",
            err=True,
        )
        raise typer.Exit(outcome.exit_code)
    if outcome.hidden:
        typer.echo(
            f"tpkit: {baseline}: не показано замечаний из базовой линии / findings in the baseline: {outcome.hidden}",
            err=True,
        )
    report = get_reporter(fmt)(result, root=report_root(root), lang=language, color=use_color(fmt, output))
    if output is not None:
        from ..report.text_report import summary_line

        atomic_write_text(output, report)
        typer.echo(summary_line(result, language), err=True)
    else:
        sys.stdout.write(report)
    raise typer.Exit(outcome.exit_code)
