"""Authoring: a new registry (init), skeletons (new), canonical formatting (fmt),
the processes × touchpoints matrix (matrix) and the Excel import (importer).

Nothing here prints or exits: the commands in ``tpkit.cli`` do.
"""

from __future__ import annotations


class AuthoringError(Exception):
    """A one-line error for the user (the command exits 2)."""
