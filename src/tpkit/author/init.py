"""``tpkit init``: a new registry to fill in, with CI and editor set-up.

The files come from ``templates/init/`` (real files, shipped with tpkit). A
leading ``dot.`` in a template's name becomes ``.`` (``dot.gitignore`` ->
``.gitignore``), so the templates folder holds no hidden files. Where only the
agency knows a value (its name, its officials, its addresses) a template holds a
``__PLACEHOLDER_<NAME>__`` token, written as the visible placeholder of
:mod:`tpkit.registry.placeholders` («<Фамилия Имя Отчество>»); TP009 reports each
until it is replaced. No approval is written: TP203 and TP311 ask for it. A new
registry has no error and no finding of any other rule. The JSON
Schemas are written from :func:`tpkit.schema.render_all` (the registry's: with its agency's needs) into
``.tpkit/schemas/`` and wired to the files in ``.vscode/settings.json`` for
yaml-language-server (autocompletion and hover docs in VS Code).

``--empty`` leaves out the worked example: no process, no procedure, an empty
catalogue and no acts (their comments stay) — the starting point for
``tpkit import``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..registry.placeholders import fill
from . import AuthoringError, check_inside

SCHEMA_DIR = ".tpkit/schemas"
DOT_PREFIX = "dot."


@dataclass
class InitResult:
    root: Path
    written: list[str] = field(default_factory=list)


def template_root() -> Path:
    from ..util import resource_dir

    return resource_dir("templates") / "init"


def _target_name(rel: Path) -> Path:
    parts = [p[len(DOT_PREFIX) - 1 :] if p.startswith(DOT_PREFIX) else p for p in rel.parts]
    return Path(*parts)


#: files an ``--empty`` registry holds as their leading comments and an empty list
EMPTY_LISTS = {"touchpoints.yaml": "touchpoints", "acts.yaml": "acts"}
#: folders of the worked example, left out by ``--empty``
EXAMPLE_FOLDERS = ("processes/", "procedures/")


def _emptied(text: bytes, key: str) -> bytes:
    lines = text.decode("utf-8").splitlines(keepends=True)
    head = "".join(ln for ln in lines[: next((i for i, ln in enumerate(lines) if not ln.startswith("#")), 0)])
    return (head + f"{key}: []\n").encode("utf-8")


def planned_files(*, empty: bool = False) -> dict[str, bytes]:
    """Relative POSIX path -> content, for every file ``init`` writes (``empty``: without the worked example)."""
    from ..schema import SCHEMA_FILES, render_all

    src = template_root()
    if not src.is_dir():
        raise AuthoringError(f"нет шаблонов init в {src} (повреждена установка tpkit) / init templates missing")
    out: dict[str, bytes] = {}
    for path in sorted(src.rglob("*")):
        if path.is_file() and path.name != "__pycache__":
            rel = _target_name(path.relative_to(src)).as_posix()
            if empty and rel.startswith(EXAMPLE_FOLDERS):
                continue
            data = fill(path.read_text(encoding="utf-8")).encode("utf-8")
            out[rel] = _emptied(data, EMPTY_LISTS[rel]) if empty and rel in EMPTY_LISTS else data
    from ..registry.source import source_from_bytes
    from ..schema import needs_of_agency

    # the registry's own schemas: the nine needs and the template agency's own, nothing else
    agency = source_from_bytes("agency.yaml", "agency", out.get("agency.yaml", b""))
    schemas = render_all(needs_of_agency(agency.data))
    for name, text in schemas.items():
        out[f"{SCHEMA_DIR}/{name}"] = text.encode("utf-8")
    settings_key = ".vscode/settings.json"
    settings = json.loads(out.get(settings_key, b"{}").decode("utf-8"))
    settings["yaml.schemas"] = {
        f"./{SCHEMA_DIR}/{name}": glob for name, glob in (SCHEMA_FILES[kind] for kind in SCHEMA_FILES)
    }
    out[settings_key] = (json.dumps(settings, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return out


def init_registry(target: Path, *, force: bool = False, empty: bool = False) -> InitResult:
    """Create a registry in ``target`` (created if missing).

    A folder that holds anything is refused unless ``force``; with ``force``
    the template files overwrite files of the same name, other files stay.
    """
    if target.exists() and not target.is_dir():
        raise AuthoringError(f"{target}: это файл, а не папка / not a folder")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise AuthoringError(
            f"{target}: папка не пуста; выберите пустую папку или добавьте --force / the folder is not empty (use --force)"
        )
    from ..util import atomic_write_bytes

    files = planned_files(empty=empty)
    check_inside(target, [target / rel for rel in files])
    result = InitResult(root=target)
    for rel, data in files.items():
        atomic_write_bytes(target / rel, data)
        result.written.append(rel)
    return result
