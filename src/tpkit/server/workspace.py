"""The server's one door into tpkit: a registry on disk with the editor's unsaved buffers laid over it.

Every import of ``tpkit.registry``, ``tpkit.lint`` and ``tpkit.config`` in the server is here, so a
rename inside those packages is a fix in this file alone. The rest of the server sees plain data:
:class:`Diag`, :class:`IdInfo`, :class:`Loc`, :class:`Entry`.

Incremental: the :class:`~tpkit.registry.source.SourceFile` of every file is kept between runs; a
run re-reads a file from disk only when its size or modification time changed, rebuilds only the
buffers edited since the last run, then loads the registry and lints it in memory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import ConfigError, load_config
from ..lint.docs import docs_url, rule_hover, rule_url
from ..lint.engine import lint
from ..lint.rule import catalogue
from ..registry import NoRegistryError, Registry, find_root, load_registry
from ..registry.enums import ACT_KINDS, CHANNELS, FORM_LABELS, NEEDS, SECTIONS, form_of
from ..registry.files import CONFIG_FILE, is_data
from ..registry.files import kind_of as kind_of  # the protocol asks it here
from ..registry.load import discover
from ..registry.models import Config
from ..registry.source import SourceFile, read_source, source_from_bytes

#: id kinds the server completes, explains and follows
KINDS = ("touchpoint", "need", "act", "official", "unit", "feature", "procedure", "process", "section")


@dataclass(frozen=True, slots=True)
class Loc:
    """A range in a registry file: 0-based lines, columns in characters (code points), end exclusive."""

    rel: str
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class Diag:
    """A finding, ready for the editor (positions as in :class:`Loc`)."""

    loc: Loc
    code: str
    name: str
    severity: str
    message: str
    #: the rule cannot be switched off (no suppression offered)
    always_on: bool


@dataclass(frozen=True, slots=True)
class IdInfo:
    """What the editor shows for an id: a one-line detail and a Markdown explanation."""

    kind: str
    ident: str
    detail: str
    markdown: str


@dataclass(frozen=True, slots=True)
class Entry:
    """A touchpoint entry of a process, with the places a merge edits."""

    touchpoint: str
    needs: tuple[str, ...]
    item: Loc
    needs_loc: Loc | None
    touchpoint_loc: Loc


def root_of(path: Path) -> Path | None:
    """The registry root above ``path`` (``None`` outside any registry)."""
    try:
        return find_root(path)
    except (NoRegistryError, OSError):
        return None


class RegistryWorkspace:
    """One registry: files on disk, open buffers over them, the last registry and findings."""

    def __init__(self, root: Path, lang: str | None = None) -> None:
        self.root = root
        #: the language asked for on the command line (``--lang``, TPKIT_LANG); None: the registry's
        self.lang = lang
        self.config: Config = Config()
        self.config_error: str | None = None
        #: the last diagnostics of each file linted (what a hover on a finding explains)
        self.diagnostics: dict[str, list[Diag]] = {}
        self._disk: dict[str, tuple[tuple[int, int], SourceFile]] = {}
        self._buffers: dict[str, str] = {}
        self._parsed: dict[str, SourceFile] = {}
        self._reg: Registry | None = None
        self._rules = catalogue()
        self._load_config()

    # -- buffers -----------------------------------------------------------------------

    def set_buffer(self, rel: str, text: str) -> None:
        """An open buffer's text (it overrides the file on disk until closed)."""
        self._buffers[rel] = text
        self._parsed.pop(rel, None)
        if rel == CONFIG_FILE:
            self._load_config()

    def drop_buffer(self, rel: str) -> None:
        """A buffer was closed: the file on disk counts again."""
        self._buffers.pop(rel, None)
        self._parsed.pop(rel, None)
        if rel == CONFIG_FILE:
            self._load_config()

    def text(self, rel: str) -> str | None:
        """The text tpkit sees for a file: the buffer's, else the disk's."""
        if rel in self._buffers:
            return self._buffers[rel]
        src = self._reg.files.get(rel) if self._reg is not None else None
        return src.text if src is not None else None

    @property
    def language(self) -> str:
        """The language of findings and hovers: the command line's, else the registry's ``language:``."""
        return self.lang or self.config.language

    def _load_config(self) -> None:
        try:
            self.config = load_config(
                self.root, self.lang, environment=False
            )  # a bad TPKIT_DOCS_URL: no links (docs_url)
            self.config_error = None
        except ConfigError as exc:
            self.config = Config()
            self.config_error = str(exc)
        except OSError as exc:
            self.config = Config()
            self.config_error = f"tpkit.yaml: {exc}"

    # -- running -----------------------------------------------------------------------

    def _sources(self) -> list[SourceFile]:
        out: list[SourceFile] = []
        seen: set[str] = set()
        for path, kind in discover(self.root):
            rel = path.relative_to(self.root).as_posix()
            seen.add(rel)
            if rel in self._buffers:
                out.append(self._buffer_source(rel, kind))
                continue
            try:
                st = os.stat(path)
                stamp = (st.st_mtime_ns, st.st_size)
            except OSError:
                stamp = (-1, -1)
            cached = self._disk.get(rel)
            if cached is None or cached[0] != stamp:
                cached = (stamp, read_source(self.root, path, kind))
                self._disk[rel] = cached
            out.append(cached[1])
        for rel in set(self._disk) - seen:
            del self._disk[rel]
        for rel in self._buffers:  # a new file, not saved yet
            new_kind = kind_of(rel)
            if rel not in seen and is_data(new_kind):
                out.append(self._buffer_source(rel, new_kind))
        return out

    def _buffer_source(self, rel: str, kind: str) -> SourceFile:
        src = self._parsed.get(rel)
        if src is None:
            src = source_from_bytes(rel, kind, self._buffers[rel].encode("utf-8", "surrogatepass"))
            self._parsed[rel] = src
        return src

    def refresh(self, files: set[str]) -> dict[str, list[Diag]]:
        """Load and lint the registry; the diagnostics of ``files`` (every one of them a key)."""
        self._reg = load_registry(self.root, self._sources())
        result = lint(self._reg, self.config, only_files=files, lang=self.language)
        out: dict[str, list[Diag]] = {rel: [] for rel in files}
        for f in result.findings:
            rule = self._rules.get(f.rule)
            loc = Loc(f.path, f.line - 1, f.column - 1, f.end_line - 1, f.end_column - 1)
            diag = Diag(loc, f.rule, f.name, f.severity, f.message, bool(rule is not None and rule.always_on))
            out.setdefault(f.path, []).append(diag)
        if self.config_error is not None and CONFIG_FILE in files:
            loc = Loc(CONFIG_FILE, 0, 0, 0, 0)
            out[CONFIG_FILE].append(Diag(loc, "TP002", "schema-violation", "error", self.config_error, True))
        self.diagnostics.update(out)
        return out

    # -- rules -------------------------------------------------------------------------

    def rule_link(self, code: str) -> str | None:
        """Where a rule is documented (``TPKIT_DOCS_URL``, else ``docs_url`` in tpkit.yaml), else None."""
        return rule_url(docs_url(self.config), code)

    def rule_hover(self, code: str) -> str | None:
        """A rule's summary, why, and its link if there is one (Markdown), in the registry's language."""
        return rule_hover(code, self.language, self.rule_link(code))

    def diagnostics_at(self, rel: str, line: int, column: int) -> list[Diag]:
        """The last diagnostics of ``rel`` whose range holds the position (0-based line, code-point column)."""
        return [
            d
            for d in self.diagnostics.get(rel, [])
            if (d.loc.line, d.loc.column) <= (line, column) <= (d.loc.end_line, d.loc.end_column)
        ]

    @property
    def loaded(self) -> bool:
        return self._reg is not None

    def _registry(self) -> Registry:
        if self._reg is None:
            self._reg = load_registry(self.root, self._sources())
        return self._reg

    # -- ids ---------------------------------------------------------------------------

    def ids(self, kind: str) -> list[IdInfo]:
        """Every id of a kind, in the registry's order."""
        reg = self._registry()
        keys: list[str]
        if kind == "section":
            keys = list(SECTIONS)
        else:
            table = self._table(reg, kind)
            keys = list(table) if table is not None else []
        return [info for k in keys if (info := self.describe(kind, k)) is not None]

    @staticmethod
    def _table(reg: Registry, kind: str) -> dict[str, Any] | None:
        tables: dict[str, dict[str, Any]] = {
            "touchpoint": reg.touchpoints,
            "need": reg.needs,
            "act": reg.acts,
            "official": reg.officials,
            "unit": reg.units,
            "feature": reg.features,
            "procedure": reg.procedures,
            "process": reg.processes,
        }
        return tables.get(kind)

    def describe(self, kind: str, ident: str) -> IdInfo | None:
        """An id's detail and explanation (``None``: no such id)."""
        reg = self._registry()
        if kind == "section":
            sec = SECTIONS.get(ident)
            if sec is None:
                return None
            number = list(SECTIONS).index(ident) + 1
            return IdInfo(kind, ident, f"{number}. {sec['ru']}", f"**Раздел {number}.** {sec['ru']}")
        if kind == "need":
            if ident not in reg.needs:
                return None
            label = reg.needs[ident]
            own = "" if ident in NEEDS else " (потребность, объявленная в agency.yaml)"
            return IdInfo(kind, ident, label, f"**{ident}** — {label}{own}")
        table = self._table(reg, kind)
        obj = table.get(ident) if table is not None else None
        if obj is None:
            return None
        if kind == "touchpoint":
            form = FORM_LABELS[form_of(obj.channel)]["ru"]
            channel = CHANNELS[obj.channel]["ru"]
            who = self._official_line(reg, obj.responsible)
            lines = [f"**{obj.name}**", "", f"- канал: {channel} (`{obj.channel}`)", f"- форма: {form}"]
            lines.append(f"- ответственный: {who}")
            if obj.url:
                lines.append(f"- адрес: {obj.url}")
            return IdInfo(kind, ident, obj.name, "\n".join(lines))
        if kind == "act":
            kind_label = ACT_KINDS.get(obj.kind, {}).get("ru", obj.kind)
            lines = [f"**{obj.title}**", "", f"- вид: {kind_label}"]
            if obj.number:
                lines.append(f"- номер: {obj.number}")
            if obj.date:
                lines.append(f"- дата: {obj.date:%d.%m.%Y}")
            return IdInfo(kind, ident, obj.title, "\n".join(lines))
        if kind == "official":
            return IdInfo(kind, ident, f"{obj.name}, {obj.position}", f"**{obj.name}**\n\n{obj.position}")
        if kind == "unit":
            return IdInfo(kind, ident, obj.name, f"**{obj.name}**")
        if kind == "feature":
            proc, feat = obj[0]
            return IdInfo(kind, ident, feat.title, f"**{feat.title}**\n\nособенность процесса «{proc.title}»")
        title: str = obj.title  # a procedure or a process
        what = "порядок взаимодействия" if kind == "procedure" else "процесс"
        return IdInfo(kind, ident, title, f"**{title}**\n\n{what}")

    @staticmethod
    def _official_line(reg: Registry, ident: str | None) -> str:
        if not ident:
            return "не указан"
        off = reg.officials.get(ident)
        return f"{off.name}, {off.position}" if off is not None else f"`{ident}` (не найден)"

    def declaration(self, kind: str, ident: str) -> Loc | None:
        """Where an id is declared: its entry in the catalogue, the acts, the agency or a process."""
        reg = self._registry()
        if kind == "feature":
            for proc, feat in reg.features.get(ident, []):
                file = reg.process_file(proc)
                return self._span(file, ("features", proc.features.index(feat)))
            return None
        located = reg.where.get((kind, ident))
        if located is None:
            return None
        return self._span(located.file, located.path)

    def _span(self, rel: str, path: tuple[str | int, ...]) -> Loc | None:
        src = self._registry().files.get(rel)
        if src is None:
            return None
        s = src.span(path)
        return Loc(rel, s.line - 1, s.column - 1, s.end_line - 1, s.end_column - 1)

    def files(self) -> list[tuple[str, str, str]]:
        """(path, kind, text) of every readable file, buffers over disk."""
        out = []
        for rel, src in self._registry().files.items():
            text = self._buffers.get(rel, src.text)
            if text is not None:
                out.append((rel, src.kind, text))
        return out

    def process_entries(self, rel: str) -> list[Entry]:
        """The touchpoint entries of the process in ``rel`` (empty when it does not load)."""
        reg = self._registry()
        for proc in reg.processes.values():
            if reg.process_file(proc) != rel:
                continue
            out: list[Entry] = []
            for i, e in enumerate(proc.touchpoints):
                item = self._span(rel, ("touchpoints", i))
                tp = self._span(rel, ("touchpoints", i, "touchpoint"))
                if item is None or tp is None:
                    return []
                needs = self._span(rel, ("touchpoints", i, "needs")) if "needs" in e.model_fields_set else None
                out.append(Entry(e.touchpoint, tuple(e.needs), item, needs, tp))
            return out
        return []
