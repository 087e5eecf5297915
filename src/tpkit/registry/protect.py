"""Which paths a document output (a render, a report, a baseline, a site) must never write.

The commands whose job is to write registry files (``init``, ``new``, ``fmt``, ``import``) do not ask this; every
other output does, before anything is written, so a careless ``--output`` or a ``tpkit render`` run inside the
templates folder cannot replace what the registry is made of.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from .files import FOLDERS, TOP_FILES, YAML_SUFFIXES


def protected(
    root: Path, target: Path, templates: str = "templates/", *, folder: bool = False, data: bool = False
) -> tuple[str, str] | None:
    """Why ``target`` must not be written by an output (Russian, English), or None if it may be.

    Refused: a file the registry reads, any new YAML file in its data folders or at its root, anything under the
    agency's templates folder (``render.templates``) or under ``.git``. The path is resolved first, so a
    symbolic link or ``..`` does not hide where the write would land. ``folder``: the target is a folder an
    output fills with files and subfolders (a site); then a data folder, or any folder in one, is refused too.
    ``data``: no file of the output belongs in the data folders (the import's plan, written beside the process
    files it describes), so any file there is refused, not only a YAML one.
    """
    try:
        rel = target.resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        return None
    parts = PurePosixPath(rel.as_posix()).parts
    if not parts:
        return ("это папка реестра", "this is the registry folder")
    name = parts[-1].lower()
    if len(parts) == 1 and (parts[0] in TOP_FILES or name.endswith(YAML_SUFFIXES)):
        return ("это файл реестра", "this is a registry file")
    if parts[0] in FOLDERS and (folder or data or name.endswith(YAML_SUFFIXES)):
        return (f"это место данных реестра ({parts[0]}/)", f"this is where the registry keeps its data ({parts[0]}/)")
    if parts[0] == ".git":
        return ("это служебная папка git", "this is git's own folder")
    tpl = PurePosixPath(templates.strip().replace("\\", "/").strip("/"))
    if tpl.parts and tuple(parts[: len(tpl.parts)]) == tpl.parts:
        return (f"это папка шаблонов ведомства ({tpl}/)", f"this is the agency's template folder ({tpl}/)")
    return None
