"""TP9 — the linter itself: one rule per module; importing the package registers them."""

from . import tp901_unused_suppression  # noqa: F401
