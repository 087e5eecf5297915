"""The typer application, its global options and the entry point.

Only the ``cli`` package talks to the terminal. Exit codes: 0 clean, 1 findings at or above ``fail_on`` (or
changes in ``--check`` modes), 2 usage or configuration error. A traceback is shown only with ``--debug``.
Each command module imports what its command needs inside the command, so ``tpkit --version`` and the help
stay cheap.
"""

from __future__ import annotations

import gc
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from .. import __version__
from .errors import guarded

app = typer.Typer(
    name="tpkit",
    help="The register of client touchpoints and interaction procedures, as YAML in git.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _checked_lang(ctx: typer.Context, value: str | None) -> str | None:
    """``--lang``, before the command or after it: the one check of its value, kept as the run's language (so a
    command that does not read its own ``--lang`` follows it all the same)."""
    if value is None:
        return None
    from ..registry.enums import LANGUAGES

    if value not in LANGUAGES:
        from .errors import fail

        fail(f"--lang: {' | '.join(LANGUAGES)}")
    state_of(ctx).lang = value
    return value


LangOpt = Annotated[
    Optional[str],
    typer.Option("--lang", metavar="LANG", help="Language of messages and help: ru | en.", callback=_checked_lang),
]
RegistryOpt = Annotated[
    Optional[Path],
    typer.Option("--registry", "-C", metavar="DIR", help="The registry folder (default: found from the current one)."),
]
PathsArg = Annotated[
    Optional[list[Path]],
    typer.Argument(metavar="PATH", help="Registry folder, or files in it (default: the registry).", show_default=False),
]
DirectionOpt = Annotated[
    Optional[str],
    typer.Option(
        "--direction",
        "-d",
        metavar="DIRECTION",
        help="Direction of activity: services | functions | support | control | appeals.",
    ),
]
ReportOpt = Annotated[
    Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write the report to FILE (- for stdout).")
]
OutputOpt = Annotated[Optional[str], typer.Option("--output", "-o", metavar="PATH", help="FILE, DIR, or - for stdout.")]
BaseArg = Annotated[
    Optional[str],
    typer.Argument(
        metavar="BASE",
        help="The git revision to compare with (default: agency.yaml register.approval.revision, the approved one).",
        show_default=False,
    ),
]


@dataclass
class CliState:
    """What the options before the command say (``tpkit --debug --lang en lint``), for the command that runs: kept
    in the root context's ``obj`` (``state_of``), so one run's options never reach the next run in the same
    process."""

    #: tracebacks of internal errors
    debug: bool = False
    #: ``tpkit --lang en COMMAND``: the language given before the command
    lang: str | None = None


def state_of(ctx: typer.Context) -> CliState:
    """The state of the run ``ctx`` belongs to (made on first use: a caller may invoke the app without ``main``)."""
    root = ctx.find_root()
    if not isinstance(root.obj, CliState):
        root.obj = CliState()
    return root.obj


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tpkit {__version__}")
        raise typer.Exit(0)


#: commands that run for long (the language server): the collector stays on for them
LONG_RUNNING = frozenset({"server"})


def collector_for(ctx: typer.Context) -> None:
    """The cyclic garbage collector: paused for a one-shot command, on for a long-running one.

    Loading a registry and linting it allocate millions of objects that all survive (nodes, data, models,
    findings); each automatic collection walks the growing heap again. :func:`main` pauses the collector from
    the start of the process (``tpkit lint`` of 1,000 processes: 0.93 s of CPU against 1.18 s with it on, see
    docs/decisions.md); reference counting still frees everything that is dropped, only cycles wait, and a
    one-shot command ends soon. A process-wide switch, so it is made by the command line, never by the
    libraries a language server imports. ``tpkit server`` runs for hours and must free what each edit's
    registry leaves: the collector is on, collecting young objects by the hundred thousand rather than by 700
    (a load and lint of 1,000 processes: 0.69 s of CPU against 0.92 s with the default, 0.62 s paused). A caller
    that runs a command in its own process (a test) gets its collector back when the command ends.
    """
    if ctx.invoked_subcommand in LONG_RUNNING:
        gc.enable()
        gc.set_threshold(100_000, 10, 10)
    elif gc.isenabled():
        gc.disable()
        ctx.call_on_close(gc.enable)


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
    lang: LangOpt = None,
) -> None:
    collector_for(ctx)
    state = state_of(ctx)
    state.debug = state.debug or debug
    state.lang = lang


@cache
def _command() -> Any:
    """The click command tree of ``app``, built once per process.

    typer builds it by evaluating every command's annotations (about 50 ms); a process that runs several
    commands (the tests, an embedding) builds it once. A click command is reusable: each run gets its own context,
    and :func:`i18n.follow_language` puts back the English help it translated for a run.
    """
    from typer.main import get_command

    return get_command(app)


def main(argv: list[str] | None = None) -> None:
    """Entry point: one-line errors, exit 2, never a traceback unless --debug (see tpkit.cli.errors.guarded)."""
    from ..platform import safe_console

    safe_console()  # a console without Cyrillic (cp866, ascii) gets \uXXXX, never a UnicodeEncodeError
    args = list(sys.argv[1:] if argv is None else argv)
    # the console script and ``python -m tpkit`` pass no argv: the process is this run, and ends with it; a caller
    # that passes argv (a test) keeps its process, and gets its collector back as it was
    whole_process = argv is None
    collecting = gc.isenabled()
    gc.disable()  # a one-shot run (see collector_for)
    # whether a traceback is shown is known before the options are parsed: a parse error may need it
    state = CliState(debug="--debug" in args)

    def invoke() -> None:
        from . import i18n

        command = _command()
        undo = i18n.follow_language(command, args)
        try:
            command.main(args=args, prog_name="tpkit", standalone_mode=True, obj=state)
        except SystemExit as exc:
            # typer turns Ctrl-C into a silent exit 130 (SystemExit <- typer's Exit <- KeyboardInterrupt):
            # hand it back to guarded, which says so
            if exc.code == 130 and isinstance(getattr(exc.__context__, "__cause__", None), KeyboardInterrupt):
                raise KeyboardInterrupt from None
            raise
        finally:
            undo()

    try:
        sys.exit(guarded(invoke, debug=state.debug))
    finally:
        if whole_process:
            # the process ends: what the command built goes with it, so the interpreter's last collection need
            # not walk it
            gc.freeze()
        elif collecting:
            gc.enable()
