"""What every page builder reads: the registry, its findings by object, page paths, links, headline figures."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import SimpleNamespace as NS
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..registry.enums import CHANNELS, DIRECTIONS, NEEDS, form_of
from ..render.register_columns import official_text
from .env import a, clean
from .names import Names, rel, rule_page

if TYPE_CHECKING:
    from ..lint.engine import LintResult
    from ..lint.finding import Finding
    from ..registry import Registry
    from ..registry import models as m

KIND_LABELS = {
    "direction": "направление",
    "process": "процесс",
    "touchpoint": "точка",
    "procedure": "порядок",
    "act": "акт",
    "official": "должностное лицо",
    "need": "потребность",
}
#: a finding's severity in words, and the noun the figures count (``agree`` declines it): an info finding is a
#: «совет», as in tpkit lint's summary and the guide («к сведению» cannot agree with a number)
SEVERITY_LABELS = {"error": "ошибка", "warning": "предупреждение", "info": "совет"}


@dataclass
class Figures:
    """The register's headline figures (the index page and each commit of the history)."""

    processes: dict[str, int]
    touchpoints: dict[str, int]  # form -> catalogue touchpoints
    pairs: int  # (process, need) pairs
    digital_pairs: int  # of them, met at at least one digital touchpoint
    share_by_direction: dict[str, tuple[int, int]]  # direction -> (digital pairs, pairs)
    findings: dict[str, int]

    @property
    def digital_share(self) -> float:
        return self.digital_pairs / self.pairs if self.pairs else 0.0


def figures(reg: Registry, result: LintResult) -> Figures:
    per_direction: dict[str, list[int]] = {d: [0, 0] for d in DIRECTIONS}
    processes: Counter[str] = Counter()
    for p in reg.processes.values():
        processes[p.direction] += 1
        digital: set[str] = set()
        needs: set[str] = set()
        for entry in p.touchpoints:
            tp = reg.touchpoints.get(entry.touchpoint)
            needs.update(entry.needs)
            if tp is not None and form_of(tp.channel) == "digital":
                digital.update(entry.needs)
        counts = per_direction.setdefault(p.direction, [0, 0])
        counts[0] += len(digital)
        counts[1] += len(needs)
    forms = Counter(form_of(t.channel) for t in reg.touchpoints.values())
    return Figures(
        processes={d: processes[d] for d in DIRECTIONS},
        touchpoints={"digital": forms["digital"], "offline": forms["offline"]},
        pairs=sum(c[1] for c in per_direction.values()),
        digital_pairs=sum(c[0] for c in per_direction.values()),
        share_by_direction={d: (c[0], c[1]) for d, c in per_direction.items()},
        findings=result.counts(),
    )


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}\u00a0%" if whole else "—"


def register_draft(reg: Registry) -> bool:
    """The register is a draft (проект) while its approval is absent or incomplete (what TP203 calls unapproved)."""
    from ..lint.rules.approval import is_draft

    info = reg.agency.register if reg.agency is not None else None
    return is_draft(info.approval if info is not None else None)


def procedure_draft(reg: Registry, q: m.Procedure) -> bool:
    """A procedure is a draft unless it is part of an internal act or its own approval is complete (TP311)."""
    from ..lint.rules.approval import is_draft

    act = reg.acts.get(q.embedded_in) if q.embedded_in else None
    return not (act is not None and act.kind == "internal") and is_draft(q.approval)


@dataclass
class Site:
    """The registry as the site sees it."""

    reg: Registry
    result: LintResult
    repo_url: str | None
    names: Names = field(default_factory=Names)
    #: "kind:id" -> findings about that object
    by_object: dict[str, list[Finding]] = field(default_factory=lambda: defaultdict(list))
    #: file -> page path of the object the file holds (processes/…, procedures/…)
    file_pages: dict[str, str] = field(default_factory=dict)
    agency_name: str = "Реестр точек взаимодействия"
    #: the markup of links already made: (depth of the page, kind, id, text) -> markup
    _links: dict[tuple[int, str, str, str | None], Markup] = field(default_factory=dict)

    def __post_init__(self) -> None:
        reg = self.reg
        if reg.agency is not None:
            self.agency_name = reg.agency.short_name or reg.agency.name
        pages: dict[str, str] = {}
        for d in DIRECTIONS:
            self.names.add("direction", d)
        for kind, objects in (
            ("process", reg.processes),
            ("touchpoint", reg.touchpoints),
            ("procedure", reg.procedures),
            ("act", reg.acts),
            ("official", reg.officials),
        ):
            for ident in objects:
                pages[self.names.add(kind, ident)] = f"{kind}:{ident}"
        for (kind, ident), where in reg.where.items():
            if kind in ("process", "procedure") and self.names.get(kind, ident):
                self.file_pages.setdefault(where.file, self.names.get(kind, ident) or "")
        for f in self.result.findings:
            key = f.object if self.page_of_object(f.object) else ""
            if not key and f.path in self.file_pages:
                key = pages.get(self.file_pages[f.path], "")
            if key:
                self.by_object[key].append(f)

    def page_of_object(self, obj: str) -> str | None:
        kind, _, ident = obj.partition(":")
        return self.names.get(kind, ident) if kind in KIND_LABELS else None

    # -- links ----------------------------------------------------------------------------------

    def link(self, here: str, kind: str, ident: str, text: str | None = None) -> Markup:
        """A link to an object's page, or its name where it has none (a broken reference)."""
        key = (here.count("/"), kind, ident, text)
        done = self._links.get(key)
        if done is None:
            target = self.names.get(kind, ident)
            label = text if text is not None else self.title(kind, ident)
            if target is None:
                done = Markup('<span class="missing" title="нет в реестре">{}</span>').format(label)
            else:
                done = a(rel(here, target), label)
            self._links[key] = done
        return done

    def title(self, kind: str, ident: str) -> str:
        """How a link to the object names it: a title, a touchpoint's name, an official's name and position (the
        id when the registry does not know the object)."""
        reg = self.reg
        if kind == "direction":
            return DIRECTIONS.get(ident, {}).get("ru", ident)
        if kind == "need":
            return reg.need_label(ident)
        objects: dict[str, Mapping[str, Any]] = {
            "process": reg.processes,
            "touchpoint": reg.touchpoints,
            "procedure": reg.procedures,
            "act": reg.acts,
            "official": reg.officials,
        }
        obj = objects[kind].get(ident) if kind in objects else None
        if obj is None:
            return ident
        if kind == "official":
            return official_text(obj)
        return str(obj.name if kind == "touchpoint" else obj.title)

    def location(self, f: Finding) -> Markup:
        """``file:line`` of a finding, linked to the source line where ``site.repo_url`` is set."""
        text = clean(f"{f.path}:{f.line}")
        if not self.repo_url:
            return Markup('<span class="loc">{}</span>').format(text)
        if "{path}" in self.repo_url:
            url = self.repo_url.replace("{path}", f.path).replace("{line}", str(f.line))
        else:
            url = self.repo_url.rstrip("/") + "/" + f.path + f"#L{f.line}"
        return a(url, text, "loc")

    def findings(self, findings: list[Finding], here: str, with_object: bool = False) -> list[NS]:
        """Findings as the template ``findings.html.j2`` lists them."""
        out = []
        for f in findings:
            obj: Markup | str = ""
            if with_object and f.object:
                target = self.page_of_object(f.object)
                obj = a(rel(here, target), f.object) if target else clean(f.object)
            out.append(
                NS(
                    severity=f.severity,
                    label=SEVERITY_LABELS.get(f.severity, f.severity),
                    rule=a(rel(here, rule_page(f.rule)), f.rule),
                    message=clean(f.message),
                    where=self.location(f),
                    object=obj,
                )
            )
        return out

    def need_columns(self, extra: list[str]) -> list[tuple[str, str, str]]:
        """The methodology's nine needs in order, then the agency's own (and unknown codes) as met."""
        cols = [(c, v["short"], v["ru"]) for c, v in NEEDS.items()]
        shorts = {n.id: n.short or n.name for n in (self.reg.agency.needs if self.reg.agency else [])}
        for code in extra:
            if code not in NEEDS:
                cols.append((code, shorts.get(code, code)[:10], self.reg.need_label(code)))
        return cols


def channel_label(channel: str) -> str:
    return CHANNELS.get(channel, {}).get("ru", channel)


def form_label(channel: str) -> str:
    form = form_of(channel) if channel in CHANNELS else ""
    return {"digital": "цифровая", "offline": "оффлайн"}.get(form, "")
