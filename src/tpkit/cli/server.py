"""``tpkit server``: the language server, over stdin and stdout."""

from __future__ import annotations

import typer

from .app import LangOpt, app, state_of
from .common import chosen_lang
from .errors import fail


@app.command()
def server(ctx: typer.Context, lang: LangOpt = None) -> None:
    """A Language Server Protocol server over stdio: diagnostics, completion, hover, definition, references."""
    from ..server import INSTALL_HINT, SettingError, available, debounce, serve

    if not available():
        fail(f"для tpkit server нужен pygls: {INSTALL_HINT} / tpkit server needs pygls: {INSTALL_HINT}")
    try:
        debounce()
    except SettingError as exc:
        fail(str(exc))
    raise typer.Exit(serve(debug=state_of(ctx).debug, lang=chosen_lang(ctx, lang)))
