"""The console script: answers ``--version`` and runs ``tpkit lint`` before importing the command-line machinery.

typer (with click) costs ~90 ms to import, most of the start-up of a lint of a small registry. The common
invocation ``tpkit [--debug] lint [OPTIONS] [PATHS...]`` is therefore parsed here by hand and run through
tpkit.lintcmd (the body of the typer ``lint`` command) under the same error handling as tpkit.cli.main. Anything
the small parser is not sure of (help, unknown options, ``--``, missing values, other commands) goes to the full
typer command line, which answers with its own help or error.

``TPKIT_NO_FAST_CLI=1`` in the environment turns the fast path off (every command goes through typer); the tests
use it to compare both paths.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

# the options of ``tpkit lint`` that take one value: spelling -> keyword of tpkit.lintcmd.run
_VALUE_OPTIONS = {
    "--format": "fmt",
    "-f": "fmt",
    "--output": "output",
    "-o": "output",
    "--fail-on": "fail_on",
    "--baseline": "baseline",
    "--write-baseline": "write_baseline",
    "--lang": "lang",
    "--since": "since",
}
# the options that may be repeated, each value kept
_LIST_OPTIONS = {"--select": "select", "--ignore": "ignore"}
_PATH_KEYWORDS = ("output", "baseline", "write_baseline")
# every spelling the fast path knows (tests check it covers every option of the typer command)
KNOWN_OPTIONS = frozenset(_VALUE_OPTIONS) | frozenset(_LIST_OPTIONS)


def parse_lint(argv: list[str]) -> dict[str, Any] | None:
    """The keyword arguments of tpkit.lintcmd.run for ``[--debug] lint [OPTIONS] [PATHS...]``, as typer would
    pass them; None for anything else (the caller falls back to the typer command line)."""
    args = list(argv)
    debug = False
    while args and args[0] == "--debug":  # a global option: only before the command, as typer takes it
        debug = True
        args.pop(0)
    if not args or args[0] != "lint":
        return None
    kwargs: dict[str, Any] = {
        "paths": None,
        "fmt": None,
        "output": None,
        "select": None,
        "ignore": None,
        "fail_on": None,
        "baseline": None,
        "write_baseline": None,
        "lang": None,
        "since": None,
        "debug": debug,
    }
    paths: list[Path] = []
    rest = args[1:]
    i = 0
    while i < len(rest):
        arg = rest[i]
        i += 1
        if arg == "":
            return None  # let typer decide what an empty argument means
        if not arg.startswith("-"):
            paths.append(Path(arg))
            continue
        name, eq, value = arg.partition("=")
        if not (eq and name.startswith("--")):  # ``--opt VALUE``, ``-f VALUE``
            if i >= len(rest):
                return None  # missing value
            name, value = arg, rest[i]
            i += 1
        if name not in KNOWN_OPTIONS or value == "" or value.startswith("-"):
            return None  # unknown option (--help, --, -fjson, ...), empty or option-like value
        if name in _LIST_OPTIONS:
            key = _LIST_OPTIONS[name]
            kwargs[key] = [*(kwargs[key] or []), value]
        else:
            key = _VALUE_OPTIONS[name]
            kwargs[key] = Path(value) if key in _PATH_KEYWORDS else value  # repeated: the last wins
    kwargs["paths"] = paths or None
    return kwargs


def main() -> None:
    argv = sys.argv[1:]
    if argv == ["--version"]:
        from . import __version__

        sys.stdout.write(f"tpkit {__version__}\n")
        return
    # pydantic looks for plugins in the metadata of every installed distribution
    # when it builds the first model; tpkit's internal models want none
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    kwargs = None if os.environ.get("TPKIT_NO_FAST_CLI") else parse_lint(argv)
    if kwargs is not None:
        from . import lintcmd
        from .errors import guarded

        sys.exit(guarded(lambda: lintcmd.run(**kwargs), debug=kwargs["debug"]))
    from .cli import main as cli_main

    cli_main()
