"""The Registry: every object by kind and id, with where it stands.

:func:`load_registry` reads a registry folder; one bad file never hides the
others. What is wrong with the files' structure is collected as problems (by kind) on the
registry; the methodology rules read its objects and shared indexes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..util import gc_paused
from . import models as m
from .enums import NEEDS
from .problem import DUPLICATE_ID, FATAL, ID_MISMATCH, MISSING_FILE, REFERENCE, SCHEMA, UNREADABLE, Problem
from .source import SourceFile, read_source
from .validate import did_you_mean, validate

ROOT_MARKER = "tpkit.yaml"
REQUIRED_FILES = ("agency.yaml", "touchpoints.yaml")


class NoRegistryError(Exception):
    """No ``tpkit.yaml`` above the given path."""


def find_root(start: Path) -> Path:
    """Walk up from ``start`` to the first folder that holds ``tpkit.yaml``."""
    start = start.resolve()
    here = start if start.is_dir() else start.parent
    for folder in (here, *here.parents):
        if (folder / ROOT_MARKER).is_file():
            return folder
    raise NoRegistryError(str(start))


@dataclass(slots=True)
class Located:
    """An object's place: the file and the YAML path of its node."""

    file: str
    path: tuple[str | int, ...]


@dataclass(slots=True)
class Usage:
    """One process touchpoint entry, as the catalogue touchpoint sees it."""

    process: m.Process
    index: int
    entry: m.ProcessTouchpoint


@dataclass
class Registry:
    root: Path
    files: dict[str, SourceFile] = field(default_factory=dict)
    agency: m.Agency | None = None
    acts: dict[str, m.Act] = field(default_factory=dict)
    touchpoints: dict[str, m.Touchpoint] = field(default_factory=dict)
    processes: dict[str, m.Process] = field(default_factory=dict)
    procedures: dict[str, m.Procedure] = field(default_factory=dict)
    units: dict[str, m.Unit] = field(default_factory=dict)
    officials: dict[str, m.Official] = field(default_factory=dict)
    #: need code -> label: the nine standard ones and the agency's own
    needs: dict[str, str] = field(default_factory=dict)
    where: dict[tuple[str, str], Located] = field(default_factory=dict)
    #: what the reader and the loader found wrong (the structure rules TP0xx report them)
    problems: list[Problem] = field(default_factory=list)
    #: ids seen in files, valid or not: references to them are not TP003
    raw_ids: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # shared indexes for rules
    usages: dict[str, list[Usage]] = field(default_factory=lambda: defaultdict(list))
    features: dict[str, list[tuple[m.Process, m.Feature]]] = field(default_factory=lambda: defaultdict(list))
    coverage: dict[str, list[m.Procedure]] = field(default_factory=lambda: defaultdict(list))

    # -- lookups -------------------------------------------------------------

    def loc(self, kind: str, ident: str) -> Located:
        return self.where[(kind, ident)]

    def process_file(self, process: m.Process) -> str:
        return self.where[("process", process.id)].file

    def procedure_file(self, procedure: m.Procedure) -> str:
        return self.where[("procedure", procedure.id)].file

    def need_label(self, code: str) -> str:
        return self.needs.get(code, code)

    def covered(self, procedure: m.Procedure) -> list[str]:
        """The catalogue touchpoints a procedure covers (``all`` expanded)."""
        if procedure.touchpoints == "all":
            return list(self.touchpoints)
        return [t for t in procedure.touchpoints if t in self.touchpoints]

    def effective_basis(self, entry: m.ProcessTouchpoint) -> list[str]:
        tp = self.touchpoints.get(entry.touchpoint)
        out = list(entry.basis)
        if tp is not None:
            out.extend(b for b in tp.basis if b not in out)
        return out

    def effective_responsible(self, entry: m.ProcessTouchpoint) -> str | None:
        if entry.responsible:
            return entry.responsible
        tp = self.touchpoints.get(entry.touchpoint)
        return tp.responsible if tp is not None else None

    def iter_processes(self) -> Iterator[m.Process]:
        return iter(self.processes.values())

    @property
    def file_count(self) -> int:
        return len(self.files)


# --- loading ----------------------------------------------------------------


def discover(root: Path) -> list[tuple[Path, str]]:
    """The registry's files and their kinds, in a stable order."""
    out: list[tuple[Path, str]] = []
    for name, kind in (("agency.yaml", "agency"), ("acts.yaml", "acts"), ("touchpoints.yaml", "touchpoints")):
        p = root / name
        if p.exists() or p.is_symlink():
            out.append((p, kind))
    for folder, kind in (("processes", "process"), ("procedures", "procedure")):
        d = root / folder
        if d.is_dir() and not d.is_symlink():
            try:
                found = [p for p in d.iterdir() if p.name.endswith((".yaml", ".yml")) and not p.name.startswith(".")]
            except OSError:
                continue  # _folder_problems reports it
            out.extend((p, kind) for p in sorted(found, key=lambda p: p.name))
    return out


def _folder_problems(root: Path) -> list[SourceFile]:
    """``processes/`` or ``procedures/`` that is there but cannot be read as a folder: say so, never skip silently."""
    out: list[SourceFile] = []
    for folder, kind in (("processes", "process"), ("procedures", "procedure")):
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
    with gc_paused():
        return _load(root, sources)


def _load(root: Path, sources: Iterable[SourceFile] | None) -> Registry:
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
                    end_line=1,
                    end_column=1,
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
        _load_list(reg, src, "ActsFile", "Act", "acts", "act", reg.acts)
    for src in by_kind.get("touchpoints", []):
        _load_list(reg, src, "TouchpointsFile", "Touchpoint", "touchpoints", "touchpoint", reg.touchpoints)
    for src in by_kind.get("process", []):
        _load_doc(reg, src, "Process", "process", reg.processes)
    for src in by_kind.get("procedure", []):
        _load_doc(reg, src, "Procedure", "procedure", reg.procedures)
    _index(reg)
    _check_references(reg)
    return reg


def _file_problem(src: SourceFile, p: Problem) -> Problem:
    """A problem the reader found in ``src``, placed in the registry."""
    return Problem(
        p.kind,
        p.ru,
        p.en,
        p.line,
        p.column,
        p.end_line,
        p.end_column,
        p.yaml_path,
        file=src.rel,
        key=f"{p.line}:{p.column}" if p.kind != SCHEMA else p.ru,
    )


def _usable(src: SourceFile) -> bool:
    return src.text is not None and not any(p.kind in FATAL for p in src.problems)


def _schema_problems(reg: Registry, src: SourceFile, problems: list[Problem]) -> None:
    for p in problems:
        reg.problems.append(Problem(SCHEMA, p.ru, p.en, None, None, yaml_path=p.yaml_path, file=src.rel, key=p.ru))


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
    obj, problems = validate("Agency", data)
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
                    src.rel, ("needs", i, "id"), "need", need.id, "стандартной или уже объявленной потребности"
                )
            )
            continue
        reg.needs[need.id] = need.name
        reg.where[("need", need.id)] = Located(src.rel, ("needs", i))


def _dup_problem(file: str, path: tuple[str | int, ...], kind: str, ident: str, first: str) -> Problem:
    return Problem(
        DUPLICATE_ID,
        f"идентификатор «{ident}» уже занят: {first}",
        f"the id '{ident}' is already taken: {first}",
        None,
        None,
        yaml_path=path,
        file=file,
        object=f"{kind}:{ident}",
        key=kind,
    )


_KIND_RU = {
    "unit": "подразделение",
    "official": "должностное лицо",
    "act": "акт",
    "touchpoint": "точка взаимодействия",
    "process": "процесс",
    "procedure": "порядок",
    "feature": "особенность",
    "need": "потребность",
}


def _add_unique(
    reg: Registry, src: SourceFile, kind: str, base: tuple[str | int, ...], items: list[Any], into: dict[str, Any]
) -> None:
    for i, obj in enumerate(items):
        path = (*base, i)
        if obj.id in into:
            first = reg.where[(kind, obj.id)]
            reg.problems.append(
                _dup_problem(
                    src.rel,
                    (*path, "id"),
                    kind,
                    obj.id,
                    f"{_KIND_RU[kind]} уже объявлено в {first.file}",
                )
            )
            continue
        into[obj.id] = obj
        reg.where[(kind, obj.id)] = Located(src.rel, path)


def _load_list(
    reg: Registry,
    src: SourceFile,
    file_model: str,
    item_model: str,
    key: str,
    kind: str,
    into: dict[str, Any],
) -> None:
    if not _usable(src):
        return
    data = src.data if src.data is not None else {}
    if isinstance(data, dict):
        _collect_raw_ids(reg, kind, data.get(key))
    obj, problems = validate(file_model, data)
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
        item, _ = validate(item_model, raw)
        if item is None:
            continue
        ident = item.id  # type: ignore[attr-defined]
        if ident in into:
            first = reg.where[(kind, ident)]
            reg.problems.append(
                _dup_problem(src.rel, (key, i, "id"), kind, ident, f"{_KIND_RU[kind]} уже объявлено в {first.file}")
            )
            continue
        into[ident] = item
        reg.where[(kind, ident)] = Located(src.rel, (key, i))


def _load_doc(reg: Registry, src: SourceFile, model: str, kind: str, into: dict[str, Any]) -> None:
    if not _usable(src):
        return
    data = src.data
    if isinstance(data, dict) and isinstance(data.get("id"), (str, int)):
        reg.raw_ids[kind].add(str(data["id"]))
        if kind == "process":
            _collect_raw_ids(reg, "feature", data.get("features"))
    if data is None:
        reg.problems.append(Problem(SCHEMA, "файл пуст", "the file is empty", None, None, file=src.rel, key="empty"))
        return
    obj, problems = validate(model, data)
    _schema_problems(reg, src, problems)
    if obj is None or _has_control_problem(src):
        return
    src.valid = True
    ident: str = obj.id  # type: ignore[attr-defined]
    if ident != src.stem:
        reg.problems.append(
            Problem(
                ID_MISMATCH,
                f"идентификатор «{ident}» не совпадает с именем файла «{src.stem}»",
                f"the id '{ident}' differs from the file name '{src.stem}'",
                None,
                None,
                yaml_path=("id",),
                file=src.rel,
                object=f"{kind}:{ident}",
            )
        )
    if ident in into:
        first = reg.where[(kind, ident)]
        reg.problems.append(
            _dup_problem(src.rel, ("id",), kind, ident, f"{_KIND_RU[kind]} с тем же идентификатором — в {first.file}")
        )
        return
    into[ident] = obj
    reg.where[(kind, ident)] = Located(src.rel, ())


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
                        "особенность уже описана в этом процессе",
                    )
                )
                continue
            seen_features.add(feat.id)
            reg.features[feat.id].append((proc, feat))
    for procedure in reg.procedures.values():
        for tp in reg.covered(procedure):
            reg.coverage[tp].append(procedure)


# --- references (TP003) -----------------------------------------------------------

_REF_RU = {
    "unit": ("подразделение", "unit"),
    "official": ("должностное лицо", "official"),
    "act": ("акт", "act"),
    "touchpoint": ("точка взаимодействия", "touchpoint"),
    "need": ("потребность", "need"),
    "feature": ("особенность процесса", "process feature"),
    "act_or_procedure": ("акт или порядок", "act or procedure"),
}


class _RefChecker:
    def __init__(self, reg: Registry) -> None:
        self.reg = reg
        self.known: dict[str, set[str]] = {
            "unit": set(reg.units) | reg.raw_ids["unit"],
            "official": set(reg.officials) | reg.raw_ids["official"],
            "act": set(reg.acts) | reg.raw_ids["act"],
            "touchpoint": set(reg.touchpoints) | reg.raw_ids["touchpoint"],
            "need": set(reg.needs) | reg.raw_ids["need"],
            "feature": set(reg.features) | reg.raw_ids["feature"],
        }
        self.known["act_or_procedure"] = self.known["act"] | set(reg.procedures) | reg.raw_ids["procedure"]
        # a file that failed to load makes its kind incomplete; skip checks against it
        self.incomplete = {
            "agency": not any(s.valid for s in reg.files.values() if s.kind == "agency"),
            "acts": any(not s.valid for s in reg.files.values() if s.kind == "acts"),
            "touchpoints": not any(s.valid for s in reg.files.values() if s.kind == "touchpoints"),
        }

    def check(self, file: str, path: tuple[str | int, ...], kind: str, value: str | None, obj: str) -> None:
        if value is None or value in self.known[kind]:
            return
        if kind in ("unit", "official") and self.incomplete["agency"] and not self.known[kind]:
            return
        if kind == "touchpoint" and self.incomplete["touchpoints"] and not self.known[kind]:
            return
        ru_kind, en_kind = _REF_RU[kind]
        guess = did_you_mean(value, self.known[kind])
        ru = f"{ru_kind} «{value}»: такого идентификатора нет"
        en = f"{en_kind} '{value}' not found"
        if kind == "need":
            ru = f"потребность «{value}» не найдена: это не стандартный код и не объявлена в agency.yaml"
            en = f"need '{value}' not found: not a standard code and not declared in agency.yaml"
        elif kind == "feature":
            ru = f"особенность «{value}» не определена ни в одном процессе"
            en = f"feature '{value}' is defined by no process"
        if guess:
            ru += f"; возможно, «{guess}»"
            en += f"; did you mean '{guess}'?"
        self.reg.problems.append(
            Problem(REFERENCE, ru, en, None, None, yaml_path=path, file=file, object=obj, key=f"{kind}:{value}")
        )

    def many(self, file: str, base: tuple[str | int, ...], kind: str, values: list[str], obj: str) -> None:
        for i, v in enumerate(values):
            self.check(file, (*base, i), kind, v, obj)


def _check_references(reg: Registry) -> None:
    rc = _RefChecker(reg)
    ag = reg.agency
    if ag is not None:
        f = reg.where[("agency", ag.id)].file
        for i, off in enumerate(ag.officials):
            rc.check(f, ("officials", i, "unit"), "unit", off.unit, f"official:{off.id}")
        if ag.register is not None:
            rc.check(f, ("register", "responsible"), "official", ag.register.responsible, "register")
    for tp in reg.touchpoints.values():
        loc = reg.where[("touchpoint", tp.id)]
        obj = f"touchpoint:{tp.id}"
        rc.many(loc.file, (*loc.path, "basis"), "act", tp.basis, obj)
        rc.check(loc.file, (*loc.path, "responsible"), "official", tp.responsible, obj)
    for proc in reg.processes.values():
        f = reg.process_file(proc)
        obj = f"process:{proc.id}"
        rc.many(f, ("units",), "unit", proc.units, obj)
        rc.many(f, ("basis",), "act", proc.basis, obj)
        rc.check(f, ("joint_procedure",), "act_or_procedure", proc.joint_procedure, obj)
        for i, e in enumerate(proc.touchpoints):
            base = ("touchpoints", i)
            rc.check(f, (*base, "touchpoint"), "touchpoint", e.touchpoint, obj)
            rc.many(f, (*base, "needs"), "need", e.needs, obj)
            rc.many(f, (*base, "basis"), "act", e.basis, obj)
            rc.check(f, (*base, "responsible"), "official", e.responsible, obj)
        for i, feat in enumerate(proc.features):
            rc.many(f, ("features", i, "touchpoints"), "touchpoint", feat.touchpoints, obj)
        for i, n in enumerate(proc.notifications):
            rc.check(f, ("notifications", i, "touchpoint"), "touchpoint", n.touchpoint, obj)
    for pr in reg.procedures.values():
        f = reg.procedure_file(pr)
        obj = f"procedure:{pr.id}"
        if pr.touchpoints != "all":
            rc.many(f, ("touchpoints",), "touchpoint", pr.touchpoints, obj)
        rc.check(f, ("responsible",), "official", pr.responsible, obj)
        rc.check(f, ("embedded_in",), "act", pr.embedded_in, obj)
        s = pr.sections
        if s.general is not None:
            rc.check(f, ("sections", "general", "touchpoint"), "touchpoint", s.general.touchpoint, obj)
        for key, items in (("infrastructure", s.infrastructure), ("tools", s.tools), ("specifics", s.specifics)):
            for i, it in enumerate(items or []):
                rc.check(f, ("sections", key, i, "touchpoint"), "touchpoint", it.touchpoint, obj)
        for i, sp in enumerate(s.specifics or []):
            rc.check(f, ("sections", "specifics", i, "feature"), "feature", sp.feature, obj)
        if s.feedback is not None:
            rc.many(f, ("sections", "feedback", "channels"), "touchpoint", s.feedback.channels, obj)
        for i, c in enumerate(s.control or []):
            rc.check(f, ("sections", "control", i, "responsible"), "official", c.responsible, obj)
            rc.check(f, ("sections", "control", i, "touchpoint"), "touchpoint", c.touchpoint, obj)
        for i, a in enumerate(pr.assessment):
            rc.check(f, ("assessment", i, "touchpoint"), "touchpoint", a.touchpoint, obj)
