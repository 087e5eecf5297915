"""The typer application, its global options and the entry point.

Only the ``cli`` package talks to the terminal. Exit codes: 0 clean, 1 findings at or above ``fail_on`` (or
changes in ``--check`` modes), 2 usage or configuration error. A traceback is shown only with ``--debug``.
Each command module imports what its command needs inside the command, so ``tpkit --version`` and the help
stay cheap.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .. import __version__
from .errors import guarded

app = typer.Typer(
    name="tpkit",
    help="Реестр точек взаимодействия с клиентом и порядков взаимодействия в YAML / "
    "The register of client touchpoints and interaction procedures, as YAML in git.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class State:
    """Global options, set by the callback before a command runs."""

    debug = False


LangOpt = Annotated[Optional[str], typer.Option("--lang", help="Language of findings: ru | en.")]
RegistryOpt = Annotated[
    Optional[Path], typer.Option("--registry", "-C", help="The registry folder (default: found from the current one).")
]


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
    State.debug = State.debug or debug


def main(argv: list[str] | None = None) -> None:
    """Entry point: one-line errors, exit 2, never a traceback unless --debug (see tpkit.cli.errors.guarded)."""
    args = list(sys.argv[1:] if argv is None else argv)
    State.debug = "--debug" in args

    def invoke() -> None:
        try:
            app(args=args, prog_name="tpkit", standalone_mode=True)
        except SystemExit as exc:
            # typer turns Ctrl-C into a silent exit 130 (SystemExit <- typer's Exit <- KeyboardInterrupt):
            # hand it back to guarded, which says so
            if exc.code == 130 and isinstance(getattr(exc.__context__, "__cause__", None), KeyboardInterrupt):
                raise KeyboardInterrupt from None
            raise

    sys.exit(guarded(invoke, debug=State.debug))
