"""The console script: answers ``--version`` before importing the command-line machinery."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        sys.stdout.write(f"tpkit {__version__}\n")
        return
    from .cli import main as cli_main

    cli_main()
