"""The console script: answers ``--version`` before importing the command-line machinery."""

from __future__ import annotations

import os
import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        sys.stdout.write(f"tpkit {__version__}\n")
        return
    # pydantic looks for plugins in the metadata of every installed distribution
    # when it builds the first model; tpkit's internal models want none
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from .cli import main as cli_main

    cli_main()
