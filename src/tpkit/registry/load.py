"""Loading a registry folder: discover its files, read and validate each, index the objects, check references.

:func:`load_registry` never raises on bad input: one bad file never hides the others, and what is wrong is
collected as problems on the registry.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from . import models as m
from .enums import NEEDS, OBJECT_KINDS
from .files import FOLDERS, TOP_FILES, is_data, kind_of
from .model import Located, Registry, Usage
from .problem import DUPLICATE_ID, FATAL, ID_MISMATCH, MISSING_FILE, SCHEMA, UNREADABLE, Problem
from .references import check_references
from .source import SourceFile, read_source
from .validate import validate_model

_Item = TypeVar("_Item", m.Act, m.Touchpoint)
_Doc = TypeVar("_Doc", m.Process, m.Procedure)

REQUIRED_FILES = ("agency.yaml", "touchpoints.yaml")


def discover(root: Path) -> list[tuple[Path, str]]:
    """The registry's files and their kinds, in a stable order."""
    out: list[tuple[Path, str]] = []
    for name, kind in TOP_FILES.items():
        p = root / name
        if is_data(kind) and (p.exists() or p.is_symlink()):
            out.append((p, kind))
    for folder, kind in FOLDERS.items():
        d = root / folder
        if d.is_dir() and not d.is_symlink():
            try:
                found = [p for p in d.iterdir() if kind_of(f"{folder}/{p.name}") == kind]
            except OSError:
                continue  # _folder_problems reports it
            out.extend((p, kind) for p in sorted(found, key=lambda p: p.name))
    return out


def _folder_problems(root: Path) -> list[SourceFile]:
    """``processes/`` or ``procedures/`` that is there but cannot be read as a folder: say so, never skip silently."""
    out: list[SourceFile] = []
    for folder, kind in FOLDERS.items():
        d = root / folder
        if d.is_symlink():
            ru = "папка — символическая ссылка: реестр не следует по ссылкам, файлы в ней не прочитаны"
            en = "the folder is a symbolic link: the registry does not follow links, its files were not read"
        elif d.exists() and not d.is_dir():
            ru, en = "это файл, а должна быть папка с файлами YAML", "this is a file; it must be a folder of YAML files"
        elif d.is_dir():
            try:
                next(iter(d.iterdir()), None)
                continue
            except OSError as exc:
                ru = f"папка не прочитана: {exc.strerror or exc}"
                en = f"the folder could not be read: {exc.strerror or exc}"
        else:
            continue
        out.append(SourceFile(folder, kind, problems=[Problem(UNREADABLE, ru, en)]))
    return out


def load_registry(root: Path, sources: Iterable[SourceFile] | None = None) -> Registry:
    """Read and validate every file under ``root``; never raises on bad input.

    ``sources`` lets review read files from a git revision instead of disk.
    """
    reg = Registry(root=root)
    reg.needs = {code: v["ru"] for code, v in NEEDS.items()}
    if sources is None:
        sources = [read_source(root, p, kind) for p, kind in discover(root)] + _folder_problems(root)
    for src in sources:
        reg.files[src.rel] = src
    present = set(reg.files)
    for name in REQUIRED_FILES:
        if name not in present:
            reg.problems.append(
                Problem(
                    MISSING_FILE,
                    f"нет обязательного файла {name}",
                    f"the required file {name} is missing",
                    file=name,
                )
            )
    by_kind: dict[str, list[SourceFile]] = defaultdict(list)
    for src in reg.files.values():
        for p in src.problems:
            reg.problems.append(_file_problem(src, p))
        by_kind[src.kind].append(src)
    for src in by_kind.get("agency", []):
        _load_agency(reg, src)
    for src in by_kind.get("acts", []):
        _load_list(reg, src, m.ActsFile, m.Act, "acts", "act", reg.acts)
    for src in by_kind.get("touchpoints", []):
        _load_list(reg, src, m.TouchpointsFile, m.Touchpoint, "touchpoints", "touchpoint", reg.touchpoints)
    for src in by_kind.get("process", []):
        _load_doc(reg, src, m.Process, "process", reg.processes)
    for src in by_kind.get("procedure", []):
        _load_doc(reg, src, m.Procedure, "procedure", reg.procedures)
    _index(reg)
    check_references(reg)
    return reg


def _file_problem(src: SourceFile, p: Problem) -> Problem:
    """A problem the reader found in ``src``, placed in the registry."""
    key = p.ru if p.kind == SCHEMA or p.span is None else f"{p.span.line}:{p.span.column}"
    return replace(p, file=src.rel, key=key)


def _usable(src: SourceFile) -> bool:
    return src.text is not None and not any(p.kind in FATAL for p in src.problems)


def _schema_problems(reg: Registry, src: SourceFile, problems: list[Problem]) -> None:
    for p in problems:
        reg.problems.append(Problem(SCHEMA, p.ru, p.en, None, yaml_path=p.yaml_path, file=src.rel, key=p.ru))


def _collect_raw_ids(reg: Registry, kind: str, items: Any) -> None:
    if isinstance(items, list):
        for it in items:
            if isinstance(it, dict) and isinstance(it.get("id"), (str, int)):
                reg.raw_ids[kind].add(str(it["id"]))


def _has_control_problem(src: SourceFile) -> bool:
    return any(p.kind == SCHEMA for p in src.problems)


def _load_agency(reg: Registry, src: SourceFile) -> None:
    if not _usable(src):
        return
    data = src.data if src.data is not None else {}
    if isinstance(data, dict):
        _collect_raw_ids(reg, "unit", data.get("units"))
        _collect_raw_ids(reg, "official", data.get("officials"))
        _collect_raw_ids(reg, "need", data.get("needs"))
    obj, problems = validate_model(m.Agency, data)
    _schema_problems(reg, src, problems)
    if obj is None or _has_control_problem(src):
        return
    src.valid = True
    reg.agency = obj
    reg.where[("agency", obj.id)] = Located(src.rel, ())
    _add_unique(reg, src, "unit", ("units",), obj.units, reg.units)
    _add_unique(reg, src, "official", ("officials",), obj.officials, reg.officials)
    for i, need in enumerate(obj.needs):
        if need.id in reg.needs:
            reg.problems.append(
                _dup_problem(
                    src.rel,
                    ("needs", i, "id"),
                    "need",
                    need.id,
                    ("это стандартная или уже объявленная потребность", "a standard or already declared need"),
                )
            )
            continue
        reg.needs[need.id] = need.name
        reg.where[("need", need.id)] = Located(src.rel, ("needs", i))


def _declared(kind: str, first: str) -> tuple[str, str]:
    """Why an id is taken: the file ``first`` declared an object of ``kind`` with it (Russian, English)."""
    what = OBJECT_KINDS[kind]
    return f"в {first} уже есть {what['ru']} с ним", f"{first} already has a {what['en']} with it"


def _dup_problem(file: str, path: tuple[str | int, ...], kind: str, ident: str, why: tuple[str, str]) -> Problem:
    """``ident`` of ``kind`` again, in ``file``; ``why``: what holds it already (Russian, English)."""
    return Problem(
        DUPLICATE_ID,
        f"идентификатор «{ident}» уже занят: {why[0]}",
        f"the id '{ident}' is already taken: {why[1]}",
        None,
        yaml_path=path,
        file=file,
        object=f"{kind}:{ident}",
        key=kind,
    )


def _add(
    reg: Registry, src: SourceFile, kind: str, path: tuple[str | int, ...], obj: Any, into: dict[str, Any]
) -> None:
    """``obj`` (its node at ``path``) under its id, or a duplicate-id problem naming the file that has it first."""
    if obj.id in into:
        first = reg.where[(kind, obj.id)]
        reg.problems.append(_dup_problem(src.rel, (*path, "id"), kind, obj.id, _declared(kind, first.file)))
        return
    into[obj.id] = obj
    reg.where[(kind, obj.id)] = Located(src.rel, path)


def _add_unique(
    reg: Registry, src: SourceFile, kind: str, base: tuple[str | int, ...], items: list[Any], into: dict[str, Any]
) -> None:
    for i, obj in enumerate(items):
        _add(reg, src, kind, (*base, i), obj, into)


def _load_list(
    reg: Registry,
    src: SourceFile,
    file_model: type[m.ActsFile | m.TouchpointsFile],
    item_model: type[_Item],
    key: str,
    kind: str,
    into: dict[str, _Item],
) -> None:
    if not _usable(src):
        return
    data = src.data if src.data is not None else {}
    if isinstance(data, dict):
        _collect_raw_ids(reg, kind, data.get(key))
    obj, problems = validate_model(file_model, data)
    _schema_problems(reg, src, problems)
    if obj is not None and not _has_control_problem(src):
        src.valid = True
        _add_unique(reg, src, kind, (key,), getattr(obj, key), into)
        return
    # salvage the items that are valid on their own: one bad entry must not
    # turn every reference to the others into an unknown reference
    bad_paths = {p.yaml_path[:2] for p in src.problems if p.kind == SCHEMA}
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list):
        return
    for i, raw in enumerate(items):
        if (key, i) in bad_paths:
            continue
        item, _ = validate_model(item_model, raw)
        if item is not None:
            _add(reg, src, kind, (key, i), item, into)


def _load_doc(reg: Registry, src: SourceFile, model: type[_Doc], kind: str, into: dict[str, _Doc]) -> None:
    if not _usable(src):
        return
    data = src.data
    if isinstance(data, dict) and isinstance(data.get("id"), (str, int)):
        reg.raw_ids[kind].add(str(data["id"]))
        if kind == "process":
            _collect_raw_ids(reg, "feature", data.get("features"))
    if data is None:
        reg.problems.append(Problem(SCHEMA, "файл пуст", "the file is empty", None, file=src.rel, key="empty"))
        return
    obj, problems = validate_model(model, data)
    _schema_problems(reg, src, problems)
    if obj is None or _has_control_problem(src):
        return
    src.valid = True
    ident = obj.id
    if ident != src.stem:
        reg.problems.append(
            Problem(
                ID_MISMATCH,
                f"идентификатор «{ident}» не совпадает с именем файла «{src.stem}»",
                f"the id '{ident}' differs from the file name '{src.stem}'",
                None,
                yaml_path=("id",),
                file=src.rel,
                object=f"{kind}:{ident}",
            )
        )
    _add(reg, src, kind, (), obj, into)


def _index(reg: Registry) -> None:
    for proc in reg.processes.values():
        seen_features: set[str] = set()
        for i, entry in enumerate(proc.touchpoints):
            reg.usages[entry.touchpoint].append(Usage(proc, i, entry))
        for j, feat in enumerate(proc.features):
            if feat.id in seen_features:
                reg.problems.append(
                    _dup_problem(
                        reg.process_file(proc),
                        ("features", j, "id"),
                        "feature",
                        feat.id,
                        ("особенность уже описана в этом процессе", "the feature is already described in this process"),
                    )
                )
                continue
            seen_features.add(feat.id)
            reg.features[feat.id].append((proc, feat))
    for procedure in reg.procedures.values():
        for tp in reg.covered(procedure):
            reg.coverage[tp].append(procedure)
