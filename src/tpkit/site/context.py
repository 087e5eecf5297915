"""What every page builder reads: the registry, its findings by object, page paths, headline figures."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..registry.enums import CHANNELS, DIRECTIONS, NEEDS, form_of
from .html import a, e
from .names import Names, rel

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
SEVERITY_LABELS = {"error": "ошибка", "warning": "предупреждение", "info": "к сведению"}


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
    _links: dict[tuple[int, str, str, str | None], str] = field(default_factory=dict)

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

    def link(self, here: str, kind: str, ident: str, text: str | None = None) -> str:
        """A link to an object's page, or its escaped id where it has none (a broken reference)."""
        key = (here.count("/"), kind, ident, text)
        done = self._links.get(key)
        if done is None:
            done = self._links[key] = self._link(here, kind, ident, text)
        return done

    def _link(self, here: str, kind: str, ident: str, text: str | None) -> str:
        target = self.names.get(kind, ident)
        label = text if text is not None else self.title(kind, ident)
        if target is None:
            return f'<span class="missing" title="нет в реестре">{e(label)}</span>'
        return a(rel(here, target), label)

    def title(self, kind: str, ident: str) -> str:
        reg = self.reg
        obj: m.Process | m.Touchpoint | m.Procedure | m.Act | m.Official | None
        if kind == "direction":
            return DIRECTIONS.get(ident, {}).get("ru", ident)
        if kind == "process":
            obj = reg.processes.get(ident)
            return obj.title if obj else ident
        if kind == "touchpoint":
            obj = reg.touchpoints.get(ident)
            return obj.name if obj else ident
        if kind == "procedure":
            obj = reg.procedures.get(ident)
            return obj.title if obj else ident
        if kind == "act":
            obj = reg.acts.get(ident)
            return obj.title if obj else ident
        if kind == "need":
            return reg.need_label(ident)
        if kind == "official":
            obj = reg.officials.get(ident)
            return f"{obj.name}, {obj.position}" if obj else ident
        return ident

    def location(self, f: Finding) -> str:
        """``file:line`` of a finding, linked to the source line where ``site.repo_url`` is set."""
        text = f"{f.path}:{f.line}"
        if not self.repo_url:
            return f'<span class="loc">{e(text)}</span>'
        if "{path}" in self.repo_url:
            url = self.repo_url.replace("{path}", f.path).replace("{line}", str(f.line))
        else:
            url = self.repo_url.rstrip("/") + "/" + f.path + f"#L{f.line}"
        return f'<a class="loc" href="{e(url)}">{e(text)}</a>'

    def findings_list(self, findings: list[Finding], here: str, with_object: bool = False) -> str:
        if not findings:
            return '<p class="none">Замечаний нет.</p>\n'
        items = []
        for f in findings:
            obj = ""
            if with_object and f.object:
                target = self.page_of_object(f.object)
                obj = " — " + (a(rel(here, target), f.object) if target else e(f.object))
            items.append(
                f'<li><span class="sev sev-{e(f.severity)}">{e(SEVERITY_LABELS.get(f.severity, f.severity))}</span> '
                f"<code>{e(f.rule)}</code> {e(f.message)} {self.location(f)}{obj}</li>"
            )
        return '<ul class="findings">\n' + "\n".join(items) + "\n</ul>\n"

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
