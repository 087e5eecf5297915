"""The one error rendering raises: a one-line message for the user (the CLI exits 2)."""

from __future__ import annotations


class RenderError(Exception):
    """A document cannot be rendered; the message says why and, where it can, where."""
