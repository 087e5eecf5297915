"""``tpkit server``: a Language Server Protocol server over stdio (needs the ``server`` extra: pygls).

:mod:`.workspace` is the one adapter over the registry and the linter, :mod:`.yamlctx` places the cursor in
a file being typed, :mod:`.features` answers completion, hover, definition, references and code actions,
and :mod:`.protocol` speaks LSP through pygls;
:mod:`.rpc` reads the frames from stdin and keeps the lifecycle (pygls's stdio reader is not used).
"""

from __future__ import annotations

import importlib.util

INSTALL_HINT = "pip install 'tpkit[server]'"


def available() -> bool:
    """pygls and lsprotocol are installed."""
    return all(importlib.util.find_spec(name) is not None for name in ("pygls", "lsprotocol"))


def serve(*, debug: bool = False) -> int:
    """Run the server on stdin/stdout until ``exit``; the exit code (pygls must be installed: see :func:`available`)."""
    from .protocol import serve as run

    return run(debug=debug)
