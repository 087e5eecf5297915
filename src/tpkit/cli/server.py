"""``tpkit server``: the language server, over stdin and stdout."""

from __future__ import annotations

import typer

from .app import app, state_of
from .errors import fail


@app.command()
def server(ctx: typer.Context) -> None:
    """A Language Server Protocol server over stdio: diagnostics, completion, hover, definition, references."""
    from ..server import INSTALL_HINT, available, serve

    if not available():
        fail(f"для tpkit server нужен pygls: {INSTALL_HINT} / tpkit server needs pygls: {INSTALL_HINT}")
    raise typer.Exit(serve(debug=state_of(ctx).debug))
