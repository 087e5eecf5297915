"""``tpkit server``: a Language Server Protocol server over stdio (needs the ``server`` extra: pygls).

:mod:`.workspace` is the one adapter over the registry and the linter, :mod:`.yamlctx` places the cursor in
a file being typed, :mod:`.features` answers completion, hover, definition, references and code actions,
and :mod:`.protocol` speaks LSP through pygls;
:mod:`.rpc` reads the frames from stdin and keeps the lifecycle (pygls's stdio reader is not used).
"""

from __future__ import annotations

import importlib.util
import math
import os

INSTALL_HINT = "pip install 'tpkit[server]'"
#: seconds of quiet after a change before the registry is linted again: the variable and its default
DEBOUNCE_VARIABLE = "TPKIT_SERVER_DEBOUNCE"
DEFAULT_DEBOUNCE = 0.1


class SettingError(ValueError):
    """A variable that sets the server holds no value it can use; one line for the user."""


def debounce() -> float:
    """``TPKIT_SERVER_DEBOUNCE`` in seconds (0 to an hour), else the default; :class:`SettingError` otherwise."""
    raw = os.environ.get(DEBOUNCE_VARIABLE, "").strip()
    if not raw:
        return DEFAULT_DEBOUNCE
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not 0 <= value <= 3600:
        raise SettingError(
            f"{DEBOUNCE_VARIABLE}={raw}: нужно число секунд от 0 до 3600 / must be a number of seconds, 0 to 3600"
        )
    return value


def available() -> bool:
    """pygls and lsprotocol are installed."""
    return all(importlib.util.find_spec(name) is not None for name in ("pygls", "lsprotocol"))


def serve(*, debug: bool = False, lang: str | None = None) -> int:
    """Run the server on stdin/stdout until ``exit``; the exit code (pygls must be installed: see :func:`available`).
    ``lang``: the language of findings and hovers (None: each registry's ``language:``)."""
    from .protocol import serve as run

    return run(debug=debug, lang=lang)
