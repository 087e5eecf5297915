"""The command line: thin typer commands, one module per group, over the core packages.

``app`` is the typer application and ``main`` the console script. Importing this package registers every
command; each command imports what it needs when it runs.
"""

from __future__ import annotations

from . import author, lint, render, review, rules, server, site
from .app import app, main
from .errors import UsageError

__all__ = ["UsageError", "app", "author", "lint", "main", "render", "review", "rules", "server", "site"]
