"""Authoring: a new registry (init), skeletons (new), canonical formatting (fmt),
the processes × touchpoints matrix (matrix) and the Excel import (importer).

Nothing here prints or exits: the commands in ``tpkit.cli`` do.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


class AuthoringError(Exception):
    """A one-line error for the user (the command exits 2)."""


def check_inside(root: Path, paths: Iterable[Path]) -> None:
    """Refuse, before anything is written, a path that a symbolic link takes out of ``root``."""
    top = root.resolve()
    for path in paths:
        where = path.parent.resolve()
        if where != top and top not in where.parents:
            rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
            raise AuthoringError(
                f"{rel}: папка — символическая ссылка за пределы {root}; туда ничего не записано "
                f"/ a symbolic link leads outside the registry: nothing was written"
            )
