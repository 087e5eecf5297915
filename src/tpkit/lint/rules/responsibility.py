"""TP2: responsibility and approval.

The methodology asks for a responsible official at each touchpoint, chosen
among line managers; one responsible for forming the register; and the
register approved by the agency.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..finding import Bi, Hit
from ..rule import Rule, register
from ._common import AGENCY, PROCESS, TOUCHPOINTS, sub, tp_name

if TYPE_CHECKING:
    from ...registry.model import Registry

_WHY = {
    "ru": "разд. «Формирование перечня точек взаимодействия», об ответственных и утверждении перечня",
    "en": "section «Формирование перечня точек взаимодействия» (forming the register), on the responsible and approval",
}

_TP_NO_RESPONSIBLE = sub(
    TOUCHPOINTS,
    "    basis: [cc-statute]\n    responsible: petrova\n",
    "    basis: [cc-statute]\n",
)

_SPECIALIST = (
    "  - id: smirnov\n"
    "    name: Смирнов Олег Петрович\n"
    "    position: Главный специалист отдела назначения мер социальной поддержки\n"
    "    unit: benefits\n"
)


@register
class NoResponsible(Rule):
    """A process touchpoint entry has no responsible official."""

    code = "TP201"
    name = "no-responsible"
    severity = "warning"
    summary = {
        "ru": "у точки взаимодействия в процессе нет ответственного должностного лица",
        "en": "a process touchpoint entry has no responsible official",
    }
    message = {
        "ru": "у точки «{name}» в процессе «{title}» нет ответственного должностного лица: укажите responsible "
        "в записи процесса или в перечне точек (лучше — линейного руководителя)",
        "en": "the touchpoint «{name}» in the process «{title}» has no responsible official: set responsible in "
        "the process entry or in the catalogue (a line manager, preferably)",
    }
    rationale = {
        "ru": "Рекомендуется определить ответственное должностное лицо за работу с клиентом в точке "
        "взаимодействия и за разработку порядка взаимодействия (" + _WHY["ru"] + ").",
        "en": "A responsible official should be named for the work with clients at each touchpoint and for "
        "developing its interaction procedure (" + _WHY["en"] + ").",
    }
    anti_pattern = {"touchpoints.yaml": _TP_NO_RESPONSIBLE}
    best_practice = {
        "touchpoints.yaml": _TP_NO_RESPONSIBLE,
        "processes/child-benefit.yaml": sub(
            PROCESS,
            "    needs: [consultation, status]\n",
            "    needs: [consultation, status]\n    responsible: petrova    # ответственный в этом процессе\n",
        ),
    }

    def check(self, reg: Registry) -> Iterator[Hit]:
        for proc in reg.iter_processes():
            for i, entry in enumerate(proc.touchpoints):
                if entry.responsible:
                    continue
                tp = reg.touchpoints.get(entry.touchpoint)
                if (
                    tp is not None and not tp.responsible
                ):  # the effective responsible: the entry's, else the catalogue's
                    yield self.hit(
                        reg.process_file(proc),
                        ("touchpoints", i),
                        f"process:{proc.id}",
                        name=tp_name(reg, entry.touchpoint),
                        title=proc.title,
                    )


@register
class ResponsibleNotLineManager(Rule):
    """The responsible official is not a line manager."""

    code = "TP202"
    name = "responsible-not-line-manager"
    severity = "info"
    summary = {
        "ru": "ответственный за точку взаимодействия — не линейный руководитель",
        "en": "the responsible official of a touchpoint is not a line manager",
    }
    message = {
        "ru": "ответственный за точку «{name}» — {official} ({position}) — не линейный руководитель "
        "(line_manager: true): рекомендуется назначать линейного руководителя, чьи обязанности связаны с "
        "работой с клиентами",
        "en": "the responsible for the touchpoint «{name}» — {official} ({position}) — is not a line manager "
        "(line_manager: true): a line manager whose duties involve clients is recommended",
    }
    rationale = {
        "ru": "Ответственного рекомендуется назначать из числа линейных руководителей, чьи трудовые обязанности "
        "непосредственно связаны с осуществлением взаимодействия с клиентом (" + _WHY["ru"] + ").",
        "en": "The responsible should be a line manager whose duties are directly about interacting with clients "
        "(" + _WHY["en"] + ").",
    }
    anti_pattern = {
        "agency.yaml": sub(AGENCY, "register:\n", _SPECIALIST + "register:\n"),
        "processes/child-benefit.yaml": sub(
            PROCESS,
            "    needs: [consultation, status]\n",
            "    needs: [consultation, status]\n    responsible: smirnov\n",
        ),
    }
    best_practice = {
        "agency.yaml": sub(AGENCY, "register:\n", _SPECIALIST + "register:\n"),
        "processes/child-benefit.yaml": PROCESS,
    }

    def check(self, reg: Registry) -> Iterator[Hit]:
        # an entry's own responsible is reported at the entry; a catalogue one once, at the catalogue
        catalogue_done: set[str] = set()
        for proc in reg.iter_processes():
            for i, entry in enumerate(proc.touchpoints):
                tp = reg.touchpoints.get(entry.touchpoint)
                if entry.responsible:
                    official = reg.officials.get(entry.responsible)
                    file, path, obj = reg.process_file(proc), ("touchpoints", i, "responsible"), f"process:{proc.id}"
                elif tp is not None and tp.responsible and tp.id not in catalogue_done:
                    catalogue_done.add(tp.id)
                    official = reg.officials.get(tp.responsible)
                    loc = reg.loc("touchpoint", tp.id)
                    file, path, obj = loc.file, (*loc.path, "responsible"), f"touchpoint:{tp.id}"
                else:
                    continue
                if official is None or official.line_manager:
                    continue
                yield self.hit(
                    file,
                    path,
                    obj,
                    name=tp_name(reg, entry.touchpoint),
                    official=official.name,
                    position=Bi(
                        official.position.lower() if official.position[:1].isupper() else official.position,
                        official.position,
                    ),
                )


def _agency_loc(reg: Registry) -> tuple[str, str] | None:
    if reg.agency is None:
        return None
    return reg.loc("agency", reg.agency.id).file, f"agency:{reg.agency.id}"


@register
class RegisterNotApproved(Rule):
    """The register's approval is not recorded."""

    code = "TP203"
    name = "register-not-approved"
    severity = "warning"
    summary = {
        "ru": "перечень точек взаимодействия не утвержден: нет register.approval с номером и датой",
        "en": "the register is not approved: no register.approval with a number and a date",
    }
    message = {
        "ru": "перечень точек взаимодействия не утвержден: {missing} — укажите утверждающий документ "
        "(приказ, резолюция) в register.approval",
        "en": "the register of touchpoints is not approved: {missing} — record the approving document (order, "
        "resolution) in register.approval",
    }
    rationale = {
        "ru": "Перечень точек взаимодействия и ответственные за его формирование должны быть утверждены "
        "ведомством; форму утверждающего документа ведомство определяет само — приказ ведомства или "
        "подразделения, резолюция (" + _WHY["ru"] + ").",
        "en": "The register and those responsible for forming it must be approved by the agency; the agency "
        "chooses the form — an order of the agency or a unit, a resolution (" + _WHY["en"] + ").",
    }
    anti_pattern = {
        "agency.yaml": sub(
            AGENCY,
            "    number: 45-од\n    date: 2026-02-10\n",
            "    # приказ еще готовится: нет номера и даты\n",
        )
    }
    best_practice = {"agency.yaml": AGENCY}

    def check(self, reg: Registry) -> Iterator[Hit]:
        where = _agency_loc(reg)
        if where is None or reg.agency is None:
            return
        file, obj = where
        info = reg.agency.register
        approval = info.approval if info is not None else None
        if approval is None:
            path: tuple[str, ...] = ("register", "approval")
            missing = Bi("нет register.approval", "no register.approval")
        else:
            lacks = [k for k in ("number", "date") if not getattr(approval, k)]
            if not lacks:
                return
            path = ("register", "approval")
            missing = Bi(
                "нет " + " и ".join({"number": "номера", "date": "даты"}[k] for k in lacks),
                "no " + " and ".join(lacks),
            )
        yield self.hit(file, path, obj, missing=missing)


@register
class NoRegisterResponsible(Rule):
    """No one is responsible for forming the register."""

    code = "TP204"
    name = "no-register-responsible"
    severity = "warning"
    summary = {
        "ru": "не назначен единый ответственный за формирование перечня (register.responsible)",
        "en": "no one is responsible for forming the register (register.responsible)",
    }
    message = {
        "ru": "не назначен ответственный за формирование перечня точек взаимодействия: укажите "
        "register.responsible в agency.yaml",
        "en": "no one is responsible for forming the register of touchpoints: set register.responsible in agency.yaml",
    }
    rationale = {
        "ru": "Когда с клиентами работают несколько структурных подразделений, целесообразно определить единого "
        "ответственного за формирование перечня точек взаимодействия; он утверждается вместе с перечнем "
        "(" + _WHY["ru"] + ").",
        "en": "When several units work with clients, one official should be responsible for forming the register; "
        "they are approved together with it (" + _WHY["en"] + ").",
    }
    anti_pattern = {"agency.yaml": sub(AGENCY, "  responsible: petrova\n", "")}
    best_practice = {"agency.yaml": AGENCY}

    def check(self, reg: Registry) -> Iterator[Hit]:
        where = _agency_loc(reg)
        if where is None or reg.agency is None:
            return
        file, obj = where
        if reg.agency.register is None or not reg.agency.register.responsible:
            yield self.hit(file, ("register", "responsible"), obj)
