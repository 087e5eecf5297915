"""Which file of a registry is which kind: the one table of names, folders and kinds.

Every reader of a registry asks here: the loader (:func:`tpkit.registry.load.discover`), a registry at a git
revision (``review/gitrev.py``), the language server's buffers and ``tpkit fmt``; the output guard
(``registry/protect.py``) and the schemas read the same table.
"""

from __future__ import annotations

from typing import TypeGuard

#: the settings file; the folder that holds it is the registry's root
CONFIG_FILE = "tpkit.yaml"
#: the files at the root: name -> kind (``tpkit``: the settings, read by :mod:`tpkit.config`, not registry data)
TOP_FILES: dict[str, str] = {
    CONFIG_FILE: "tpkit",
    "agency.yaml": "agency",
    "acts.yaml": "acts",
    "touchpoints.yaml": "touchpoints",
}
#: the folders of one file per object: folder -> kind
FOLDERS: dict[str, str] = {"processes": "process", "procedures": "procedure"}
#: the kinds of the registry's data, in the order the loader reads them
DATA_KINDS = ("agency", "acts", "touchpoints", "process", "procedure")
YAML_SUFFIXES = (".yaml", ".yml")


def is_yaml_name(name: str) -> bool:
    """A file name a data folder's file may have: ``.yaml`` or ``.yml``, not hidden."""
    return name.endswith(YAML_SUFFIXES) and not name.startswith(".")


def kind_of(rel: str) -> str | None:
    """The kind of a file from its POSIX path relative to the root: ``tpkit``, ``agency``, ``acts``,
    ``touchpoints``, ``process`` or ``procedure``; None for a file the registry does not read."""
    kind = TOP_FILES.get(rel)
    if kind is not None:
        return kind
    folder, sep, name = rel.partition("/")
    if not sep or "/" in name or not is_yaml_name(name):
        return None
    return FOLDERS.get(folder)


def is_data(kind: str | None) -> TypeGuard[str]:
    """A kind the loader reads as registry data (not the settings, not a stranger)."""
    return kind is not None and kind != "tpkit"
