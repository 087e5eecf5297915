"""References: every id a registry object names must name something (REFERENCE problems, rule TP003)."""

from __future__ import annotations

from collections.abc import Sequence

from . import models as m
from .enums import OBJECT_KINDS
from .model import Registry
from .problem import REFERENCE, Problem
from .validate import did_you_mean


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
        ru_kind, en_kind = OBJECT_KINDS[kind]["ru"], OBJECT_KINDS[kind]["en"]
        guess = did_you_mean(value, self.known[kind])
        ru = f"{ru_kind} «{value}»: такого идентификатора нет"
        en = f"{en_kind} '{value}' not found"
        if kind == "need":
            ru = f"потребность «{value}» не найдена: это не стандартный код и не объявлена в agency.yaml"
            en = f"need '{value}' not found: not a standard code and not declared in agency.yaml"
            codes = self.need_codes(value)
            if len(codes) > 1:
                listed = "[" + ", ".join(codes) + "]"
                ru += f"; возможно, {listed}"
                en += f"; did you mean {listed}?"
                guess = None
            elif codes:
                guess = codes[0]
        elif kind == "feature":
            ru = f"особенность «{value}» не определена ни в одном процессе"
            en = f"feature '{value}' is defined by no process"
        if guess:
            ru += f"; возможно, «{guess}»"
            en += f"; did you mean '{guess}'?"
        self.reg.problems.append(
            Problem(REFERENCE, ru, en, None, yaml_path=path, file=file, object=obj, key=f"{kind}:{value}")
        )

    def need_codes(self, value: str) -> list[str]:
        """The codes a need written in words stands for: the agency's own need by its name, else the standard
        needs the synonym table finds (the importer's: :mod:`tpkit.registry.synonyms`)."""
        from .synonyms import needs_in, norm

        if self.reg.agency is not None:
            for own in self.reg.agency.needs:
                if norm(value) in (norm(own.name), norm(own.short or "")):
                    return [own.id]
        return [c for c in needs_in(value) if c in self.known["need"]]

    def many(self, file: str, base: tuple[str | int, ...], kind: str, values: list[str], obj: str) -> None:
        known = self.known[kind]
        for i, v in enumerate(values):
            if v not in known:  # the path is built only for a problem
                self.check(file, (*base, i), kind, v, obj)


def check_references(reg: Registry) -> None:
    """Add a REFERENCE problem for each id that names nothing the registry holds (or saw in a file)."""
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
        located: tuple[tuple[str, Sequence[m.InfrastructureItem | m.ToolItem | m.SpecificItem] | None], ...] = (
            ("infrastructure", s.infrastructure),
            ("tools", s.tools),
            ("specifics", s.specifics),
        )
        for key, items in located:
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
