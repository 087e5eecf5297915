"""TP3: interaction procedures (порядки взаимодействия с клиентом).

Section «Общие требования к разработке порядков по взаимодействию с
клиентом» of the methodology: seven sections, control with corrective
measures, feedback at each stage, instructions for each process feature,
equal access offline, an assessment of each touchpoint and the mitigation of
its gaps, notifications that say what comes next.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ...registry.enums import ASSESSMENT_CRITERIA, SECTION_KEYS, form_of
from ..finding import Bi, Hit
from ..rule import Rule, register
from ._common import PROCESS, RECEPTION_PROCEDURE, TOUCHPOINTS, names, section, sub, tp_name
from .register import _raw_touchpoint_refs

if TYPE_CHECKING:
    from ...registry import models as m
    from ...registry.model import Registry

_WHY = {
    "ru": "разд. «Общие требования к разработке порядков по взаимодействию с клиентом»",
    "en": "section «Общие требования к разработке порядков по взаимодействию с клиентом» (developing the procedures)",
}
_WHY_REGISTER = {
    "ru": "разд. «Формирование перечня точек взаимодействия»",
    "en": "section «Формирование перечня точек взаимодействия» (forming the register)",
}


def _obj(pr: m.Procedure) -> str:
    return f"procedure:{pr.id}"


def _empty(value: Any) -> bool:
    """A section that is absent, null, an empty list or a mapping with nothing filled in."""
    if value is None:
        return True
    if isinstance(value, list):
        return not value
    return not any(getattr(value, k) for k in type(value).model_fields)


_RECEPTION = "procedures/reception.yaml"


@register
class ProcedureSectionMissing(Rule):
    """A procedure lacks one of its seven sections."""

    code = "TP301"
    name = "procedure-section-missing"
    severity = "error"
    summary = {
        "ru": "в порядке взаимодействия нет одного из семи разделов или он пуст",
        "en": "a procedure lacks one of the seven sections, or it is empty",
    }
    message = {
        "ru": "в порядке «{title}» {state} раздел {section} (sections.{field})",
        "en": "in the procedure «{title}» the section {section} (sections.{field}) is {state}",
    }
    rationale = {
        "ru": "Рекомендуемая структура порядка: общие положения; техническо-организационное обеспечение и "
        "инфраструктура; общие требования к взаимодействию; инструменты; специфика взаимодействия с отдельными "
        "клиентами и услугами; обратная связь; формы и сроки контроля (" + _WHY["ru"] + ").",
        "en": "The recommended structure of a procedure: general provisions; technical and organisational support "
        "and infrastructure; general requirements; tools; specifics for particular clients and services; "
        "feedback; forms and terms of control (" + _WHY["en"] + ").",
    }
    anti_pattern = {
        _RECEPTION: sub(
            RECEPTION_PROCEDURE,
            "  control:\n"
            "    - subject: Соблюдение сроков ожидания в очереди\n"
            "      periodicity: ежемесячно\n"
            "      tool: Выгрузка из системы электронной очереди\n"
            "      corrective_measures: [Перераспределение сотрудников в часы пик]\n",
            "  tools: []                   # (а раздела контроля нет вовсе)\n",
        ).replace("  tools:\n    - kind: script\n      name: Скрипт приветствия и выяснения цели визита\n", "", 1)
    }
    best_practice = {_RECEPTION: RECEPTION_PROCEDURE}

    def check(self, reg: Registry) -> Iterator[Hit]:
        for pr in reg.procedures.values():
            file = reg.procedure_file(pr)
            for key in SECTION_KEYS:
                value = getattr(pr.sections, key)
                if not _empty(value):
                    continue
                state = Bi("пуст", "empty") if value is not None else Bi("нет", "missing")
                yield self.hit(
                    file,
                    ("sections", key),
                    _obj(pr),
                    key=key,
                    title=pr.title,
                    section=section(key),
                    state=state,
                    field=key,
                )


@register
class ControlIncomplete(Rule):
    """Control lacks its subject, periodicity, tool or corrective measures."""

    code = "TP302"
    name = "control-incomplete"
    severity = "warning"
    summary = {
        "ru": "в разделе контроля нет предмета, периодичности или инструмента либо корректирующих мероприятий",
        "en": "control lacks a subject, periodicity or tool, or corrective measures",
    }
    message = {
        "ru": "порядок «{title}», раздел «7. Формы и сроки контроля»: {problem}",
        "en": "the procedure «{title}», section '7. Forms and terms of control': {problem}",
    }
    rationale = {
        "ru": "Раздел форм и сроков контроля должен определять периодичность, предмет контроля (например, "
        "соблюдение сроков ответа технической поддержки) и эффективные инструменты контроля (например, "
        "прослушивание аудиозаписей разговоров); его рекомендуется дополнить корректирующими мероприятиями на "
        "случай негативного результата контроля (" + _WHY["ru"] + ").",
        "en": "The control section must set the periodicity, the subject (the support desk's response times, "
        "say) and effective tools (listening to call recordings, say); corrective measures for a negative result "
        "should be added (" + _WHY["en"] + ").",
    }
    anti_pattern = {
        _RECEPTION: sub(
            RECEPTION_PROCEDURE,
            "      tool: Выгрузка из системы электронной очереди\n"
            "      corrective_measures: [Перераспределение сотрудников в часы пик]\n",
            "",
        )
    }
    best_practice = {_RECEPTION: RECEPTION_PROCEDURE}

    _KEYS = {
        "subject": ("предмета", "subject"),
        "periodicity": ("периодичности", "periodicity"),
        "tool": ("инструмента", "tool"),
    }

    def check(self, reg: Registry) -> Iterator[Hit]:
        for pr in reg.procedures.values():
            items = pr.sections.control
            if not items:
                continue  # TP301
            file = reg.procedure_file(pr)
            for i, item in enumerate(items):
                lacks = [k for k in self._KEYS if not getattr(item, k)]
                if lacks:
                    problem = Bi(
                        f"у пункта контроля {i + 1} нет "
                        + ", ".join(self._KEYS[k][0] for k in lacks)
                        + " ("
                        + ", ".join(lacks)
                        + ")",
                        f"control item {i + 1} has no " + ", ".join(self._KEYS[k][1] for k in lacks),
                    )
                    yield self.hit(file, ("sections", "control", i), _obj(pr), title=pr.title, problem=problem)
            if not any(item.corrective_measures for item in items):
                problem = Bi(
                    "ни у одного пункта нет корректирующих мероприятий (corrective_measures) на случай негативного "
                    "результата контроля",
                    "no item has corrective measures (corrective_measures) for a negative result",
                )
                yield self.hit(
                    file, ("sections", "control"), _obj(pr), key="corrective", title=pr.title, problem=problem
                )


@register
class FeedbackIncomplete(Rule):
    """Feedback does not offer a rating at each stage or explain the pre-trial appeal."""

    code = "TP303"
    name = "feedback-incomplete"
    severity = "warning"
    summary = {
        "ru": "в разделе обратной связи нет оценки на каждом этапе или разъяснения досудебного обжалования",
        "en": "feedback lacks a rating at each stage or the pre-trial appeal",
    }
    message = {
        "ru": "порядок «{title}», раздел «6. Обратная связь»: {missing}",
        "en": "the procedure «{title}», section '6. Feedback': {missing}",
    }
    rationale = {
        "ru": "Требования к организации обратной связи включают предложение оценки на каждом этапе "
        "взаимодействия и разъяснение возможности досудебного обжалования (" + _WHY["ru"] + ").",
        "en": "Feedback must offer a rating at each stage of the interaction and explain the right to a pre-trial "
        "appeal (" + _WHY["en"] + ").",
    }
    anti_pattern = {
        _RECEPTION: sub(
            RECEPTION_PROCEDURE,
            "    rating_each_stage: true\n    pretrial_appeal: Сотрудник разъясняет право на досудебное обжалование\n",
            "    description: Книга жалоб и предложений у входа\n",
        )
    }
    best_practice = {_RECEPTION: RECEPTION_PROCEDURE}

    def check(self, reg: Registry) -> Iterator[Hit]:
        for pr in reg.procedures.values():
            fb = pr.sections.feedback
            if _empty(fb) or fb is None:
                continue  # TP301
            ru: list[str] = []
            en: list[str] = []
            if not fb.rating_each_stage:
                ru.append("не предлагается оценка на каждом этапе (rating_each_stage: true)")
                en.append("no rating is offered at each stage (rating_each_stage: true)")
            if not fb.pretrial_appeal:
                ru.append("не разъясняется право на досудебное обжалование (pretrial_appeal)")
                en.append("the right to a pre-trial appeal is not explained (pretrial_appeal)")
            if ru:
                yield self.hit(
                    reg.procedure_file(pr),
                    ("sections", "feedback"),
                    _obj(pr),
                    title=pr.title,
                    missing=Bi("; ".join(ru), "; ".join(en)),
                )


_FEATURE = (
    "features:\n"
    "  - id: home-visit\n"
    "    title: Обследование жилищных условий\n"
    "    touchpoints: [reception]\n"
    "    description: Специалист согласует с заявителем дату обследования\n"
)
_INSTRUCTION = (
    "  specifics:\n"
    "    - feature: home-visit\n"
    "      instruction: Сотрудник объясняет цель обследования жилищных условий и согласует удобное время\n"
)


def _features_by_touchpoint(reg: Registry) -> dict[str, dict[str, tuple[m.Process, m.Feature]]]:
    """touchpoint -> feature id -> the first (process, feature) that defines it there."""
    out: dict[str, dict[str, tuple[m.Process, m.Feature]]] = defaultdict(dict)
    for fid, defs in reg.features.items():
        for proc, feat in defs:
            for t in feat.touchpoints:
                out[t].setdefault(fid, (proc, feat))
    return out


@register
class FeatureWithoutInstruction(Rule):
    """A process feature at a covered touchpoint has no instruction in the procedure."""

    code = "TP304"
    name = "feature-without-instruction"
    severity = "warning"
    summary = {
        "ru": "особенность процесса в точке, которую покрывает порядок, без инструкции в разделе специфики",
        "en": "a process feature at a covered touchpoint has no instruction in the procedure's specifics",
    }
    message = {
        "ru": "в порядке «{title}» нет инструкции для особенности «{feature}» процесса «{process}» в точке "
        "«{name}»: добавьте в sections.specifics пункт с feature: {fid} и instruction — как сотруднику "
        "действовать в этом случае",
        "en": "the procedure «{title}» has no instruction for the feature «{feature}» of the process «{process}» "
        "at the touchpoint «{name}»: add to sections.specifics an item with feature: {fid} and an instruction — "
        "how the employee acts in this case",
    }
    rationale = {
        "ru": "Особенности — действия, которые есть только в отдельных процессах и влияют на взаимодействие "
        "(осмотр транспортного средства, дактилоскопия, биометрия). Сотрудник должен иметь не только общие "
        "инструкции, но и инструкции, как действовать в таких случаях: как пригласить заявителя и объяснить цель, "
        "как обосновать свои действия при осмотре (" + _WHY_REGISTER["ru"] + ").",
        "en": "Features are actions only some processes have that affect the interaction (inspecting a vehicle, "
        "fingerprinting, biometrics). Employees need instructions not only on the general rules but on these "
        "cases: how to invite the client and explain the purpose, how to justify their actions during an "
        "inspection (" + _WHY_REGISTER["en"] + ").",
    }
    anti_pattern = {"processes/child-benefit.yaml": sub(PROCESS, "notifications:\n", _FEATURE + "notifications:\n")}
    best_practice = {
        "processes/child-benefit.yaml": sub(PROCESS, "notifications:\n", _FEATURE + "notifications:\n"),
        "procedures/all.yaml": (
            "id: all\n"
            "title: Порядок взаимодействия с клиентами министерства\n"
            "touchpoints: all\n"
            "responsible: petrova\n"
            "sections:\n"
            "  general:\n"
            "    goals: [Своевременное и вежливое обслуживание заявителей]\n"
            "  infrastructure:\n"
            "    - equipment: Система электронной очереди\n"
            "  requirements:\n"
            "    politeness: Сотрудник представляется и обращается к заявителю по имени и отчеству\n"
            "  tools:\n"
            "    - kind: script\n"
            "      name: Скрипт приветствия\n" + _INSTRUCTION + "  feedback:\n"
            "    rating_each_stage: true\n"
            "    pretrial_appeal: Сотрудник разъясняет право на досудебное обжалование\n"
            "  control:\n"
            "    - subject: Соблюдение сроков ожидания в очереди\n"
            "      periodicity: ежемесячно\n"
            "      tool: Выгрузка из системы электронной очереди\n"
            "      corrective_measures: [Перераспределение сотрудников в часы пик]\n"
        ),
    }

    def check(self, reg: Registry) -> Iterator[Hit]:
        if not reg.features:
            return
        by_tp = _features_by_touchpoint(reg)
        for pr in reg.procedures.values():
            have = {s.feature for s in pr.sections.specifics or [] if s.feature}
            reported: set[str] = set()
            file = reg.procedure_file(pr)
            path = ("sections", "specifics") if pr.sections.specifics is not None else ("sections",)
            for t in reg.covered(pr):
                for fid, (proc, feat) in sorted(by_tp.get(t, {}).items()):
                    if fid in have or fid in reported:
                        continue
                    reported.add(fid)
                    yield self.hit(
                        file,
                        path,
                        _obj(pr),
                        key=fid,
                        title=pr.title,
                        feature=feat.title,
                        fid=fid,
                        process=proc.title,
                        name=tp_name(reg, t),
                    )


@register
class OfflineWithoutAccessibility(Rule):
    """An offline touchpoint says nothing about equal access."""

    code = "TP305"
    name = "offline-without-accessibility"
    severity = "warning"
    summary = {
        "ru": "у оффлайн-точки не описано обеспечение равного доступа (accessibility)",
        "en": "an offline touchpoint has no accessibility",
    }
    message = {
        "ru": "у оффлайн-точки «{name}» не описано обеспечение равного доступа (accessibility): пандус, помощь "
        "маломобильным гражданам, обслуживание на дому",
        "en": "the offline touchpoint «{name}» has no accessibility: a ramp, help for people with limited "
        "mobility, service at home",
    }
    rationale = {
        "ru": "Для точек оффлайн (очного) взаимодействия общим правилом является обеспечение равных возможностей "
        "доступа, например для маломобильных групп населения; при невозможности доступа может быть разработан "
        "порядок обслуживания по месту нахождения гражданина (" + _WHY_REGISTER["ru"] + "; " + _WHY["ru"] + ").",
        "en": "Offline touchpoints must give equal access, e.g. to people with limited mobility; where access is "
        "impossible, service at the citizen's location may be arranged ("
        + _WHY_REGISTER["en"]
        + "; "
        + _WHY["en"]
        + ").",
    }
    anti_pattern = {
        "touchpoints.yaml": sub(TOUCHPOINTS, "    accessibility:\n      - Пандус и кнопка вызова у входа\n", "")
    }
    best_practice = {
        "touchpoints.yaml": sub(
            TOUCHPOINTS,
            "      - Пандус и кнопка вызова у входа\n",
            "      - Пандус и кнопка вызова у входа\n      - Обслуживание на дому по предварительной заявке\n",
        )
    }

    def check(self, reg: Registry) -> Iterator[Hit]:
        for ident, tp in reg.touchpoints.items():
            if form_of(tp.channel) == "offline" and not tp.accessibility:
                loc = reg.loc("touchpoint", ident)
                yield self.hit(loc.file, loc.path, f"touchpoint:{ident}", name=tp.name)


@register
class AssessmentGapUnmitigated(Rule):
    """An assessment found a gap and the procedure does not say how it is mitigated."""

    code = "TP306"
    name = "assessment-gap-unmitigated"
    severity = "warning"
    summary = {
        "ru": "оценка точки выявила расхождение (status: gap), а мероприятие по его минимизации не указано",
        "en": "an assessment criterion has status: gap and no mitigation",
    }
    message = {
        "ru": "в порядке «{title}» оценка точки «{name}» по критерию «{criterion}» выявила расхождение, но не "
        "указано мероприятие по его минимизации (mitigation)",
        "en": "in the procedure «{title}» the assessment of «{name}» found a gap in {criterion}, but no "
        "mitigation is given",
    }
    rationale = {
        "ru": "Точку рекомендуется оценить на простоту, удобство, оперативность и доступность; результаты оценки "
        "до реинжиниринга отражаются в порядке в части действий по минимизации выявленных расхождений — "
        "например, при невозможности доступа маломобильному гражданину — обслуживание по месту его нахождения "
        "(" + _WHY["ru"] + ").",
        "en": "Each touchpoint should be assessed for simplicity, convenience, promptness and accessibility; the "
        "results before re-engineering go into the procedure as actions that mitigate the gaps found — e.g. "
        "service at home where a person with limited mobility cannot get in (" + _WHY["en"] + ").",
    }
    anti_pattern = {
        _RECEPTION: sub(
            RECEPTION_PROCEDURE,
            "{status: gap, finding: Ожидание до 40 минут, mitigation: Предварительная запись через ЕПГУ}",
            "{status: gap, finding: Ожидание до 40 минут}",
        )
    }
    best_practice = {_RECEPTION: RECEPTION_PROCEDURE}

    def check(self, reg: Registry) -> Iterator[Hit]:
        for pr in reg.procedures.values():
            for i, a in enumerate(pr.assessment):
                for crit, labels in ASSESSMENT_CRITERIA.items():
                    c = getattr(a, crit)
                    if c is not None and c.status == "gap" and not c.mitigation:
                        yield self.hit(
                            reg.procedure_file(pr),
                            ("assessment", i, crit),
                            _obj(pr),
                            title=pr.title,
                            name=tp_name(reg, a.touchpoint),
                            criterion=Bi(labels["ru"], labels["en"]),
                        )


@register
class NotificationWithoutNextStep(Rule):
    """A notification does not say what happens next."""

    code = "TP307"
    name = "notification-without-next-step"
    severity = "warning"
    summary = {
        "ru": "уведомление по инициативе ведомства не сообщает срок следующего этапа (next_step)",
        "en": "a notification the agency sends does not state the next step (next_step)",
    }
    message = {
        "ru": "уведомление «{event}» процесса «{title}» не сообщает, что дальше (next_step): укажите срок "
        "следующего этапа или получения результата",
        "en": "the notification «{event}» of the process «{title}» does not say what comes next (next_step): "
        "state the term of the next stage or of the result",
    }
    rationale = {
        "ru": "Правила взаимодействия регулируют и ситуации, когда инициатор — само ведомство, например "
        "автоматическое уведомление о принятии заявления к рассмотрению: в тексте уведомления указывается срок "
        "следующего этапа услуги, получения результата (" + _WHY["ru"] + ").",
        "en": "The rules also govern interaction the agency initiates, such as the automatic notice that an "
        "application was accepted: the notice states the term of the next stage or of the result "
        "(" + _WHY["en"] + ").",
    }
    anti_pattern = {
        "processes/child-benefit.yaml": sub(
            PROCESS, "    next_step: Решение принимается в течение 10 рабочих дней\n", ""
        )
    }
    best_practice = {"processes/child-benefit.yaml": PROCESS}

    def check(self, reg: Registry) -> Iterator[Hit]:
        for proc in reg.iter_processes():
            for i, n in enumerate(proc.notifications):
                if not n.next_step:
                    yield self.hit(
                        reg.process_file(proc),
                        ("notifications", i),
                        f"process:{proc.id}",
                        event=n.event,
                        title=proc.title,
                    )


@register
class TouchpointWithoutProcedure(Rule):
    """A touchpoint in use has no interaction procedure."""

    code = "TP308"
    name = "touchpoint-without-procedure"
    severity = "warning"
    summary = {
        "ru": "используемая в процессах точка не покрыта ни одним порядком взаимодействия",
        "en": "a touchpoint some process uses is covered by no procedure",
    }
    message = {
        "ru": "для точки «{name}» (используется в процессах: {processes}) нет порядка взаимодействия: добавьте "
        "ее в touchpoints существующего порядка или создайте порядок в procedures/",
        "en": "the touchpoint «{name}» (used by {processes}) has no interaction procedure: add it to the "
        "touchpoints of a procedure or write one in procedures/",
    }
    rationale = {
        "ru": "Порядок описывает алгоритм и правила взаимодействия с клиентом в точке с учетом ее формы; ведомство "
        "утверждает единый порядок с разделами по каждой точке или отдельные порядки по каждой точке "
        "(" + _WHY["ru"] + ").",
        "en": "A procedure sets the algorithm and rules of interaction at a touchpoint, for its form; the agency "
        "approves one procedure with a part per touchpoint or a procedure per touchpoint (" + _WHY["en"] + ").",
    }
    anti_pattern = {"procedures/all.yaml": None, _RECEPTION: RECEPTION_PROCEDURE}
    best_practice = {
        "procedures/all.yaml": None,
        _RECEPTION: RECEPTION_PROCEDURE,
        "procedures/digital.yaml": sub(
            sub(
                sub(
                    sub(RECEPTION_PROCEDURE.split("assessment:\n")[0], "id: reception", "id: digital"),
                    "в приемной министерства",
                    "в цифровых точках министерства",
                ),
                "touchpoints: [reception]",
                "touchpoints: [site, epgu, phone]",
            ),
            "  infrastructure:\n    - equipment: Система электронной очереди\n      usage: Талон выдается при входе, вызов — на табло\n",
            "  infrastructure:\n    - equipment: Система управления контактным центром\n      usage: Распределение звонков по операторам\n",
        )
        + "assessment:\n"
        + "".join(
            f"  - touchpoint: {t}\n" + "".join(f"    {c}: {{status: ok}}\n" for c in ASSESSMENT_CRITERIA)
            for t in ("site", "epgu", "phone")
        ),
    }

    def check(self, reg: Registry) -> Iterator[Hit]:
        broken = _raw_touchpoint_refs(reg, "procedure")
        if broken is None:
            return
        for ident, tp in reg.touchpoints.items():
            used = reg.usages.get(ident)
            if not used or reg.coverage.get(ident) or ident in broken:
                continue
            titles: list[str] = []
            for u in used:
                if u.process.title not in titles:
                    titles.append(u.process.title)
            loc = reg.loc("touchpoint", ident)
            yield self.hit(loc.file, loc.path, f"touchpoint:{ident}", name=tp.name, processes=names(titles))


@register
class ProcedureWithoutResponsible(Rule):
    """No one controls compliance with the procedure."""

    code = "TP309"
    name = "procedure-without-responsible"
    severity = "warning"
    summary = {
        "ru": "у порядка взаимодействия нет ответственного за контроль его соблюдения",
        "en": "a procedure has no official responsible for compliance",
    }
    message = {
        "ru": "у порядка «{title}» нет ответственного (responsible): укажите должностное лицо, уполномоченное "
        "контролировать соблюдение порядка",
        "en": "the procedure «{title}» has no responsible: name the official who controls compliance with it",
    }
    rationale = {
        "ru": "При утверждении порядков целесообразно определить ответственное должностное лицо, уполномоченное на "
        "осуществление контроля за соблюдением требований порядка (" + _WHY["ru"] + ").",
        "en": "When procedures are approved, an official should be named to control compliance with them "
        "(" + _WHY["en"] + ").",
    }
    anti_pattern = {_RECEPTION: sub(RECEPTION_PROCEDURE, "responsible: petrova\n", "")}
    best_practice = {_RECEPTION: RECEPTION_PROCEDURE}

    def check(self, reg: Registry) -> Iterator[Hit]:
        for pr in reg.procedures.values():
            if not pr.responsible:
                yield self.hit(reg.procedure_file(pr), ("responsible",), _obj(pr), title=pr.title)


@register
class TouchpointNotAssessed(Rule):
    """A covered touchpoint has no complete assessment in the procedure."""

    code = "TP310"
    name = "touchpoint-not-assessed"
    severity = "info"
    summary = {
        "ru": "порядок покрывает точку, для которой нет оценки по всем четырем критериям",
        "en": "a procedure covers a touchpoint with no assessment on all four criteria",
    }
    message = {
        "ru": "в порядке «{title}» нет оценки точки «{name}» по критериям {missing}: оцените простоту, удобство, "
        "оперативность и доступность (assessment)",
        "en": "the procedure «{title}» has no assessment of «{name}» on {missing}: assess simplicity, convenience, "
        "promptness and accessibility (assessment)",
    }
    rationale = {
        "ru": "При подготовке порядка рекомендуется оценить точку на простоту взаимодействия, удобство для "
        "клиента, оперативность удовлетворения потребности и доступность для всех клиентов с учетом их "
        "особенностей (" + _WHY["ru"] + ").",
        "en": "When preparing a procedure, the touchpoint should be assessed for simplicity, convenience, "
        "promptness and accessibility to every client (" + _WHY["en"] + ").",
    }
    anti_pattern = {
        _RECEPTION: sub(RECEPTION_PROCEDURE, "    convenience: {status: ok}\n", "").replace(
            "    accessibility: {status: ok}\n", "", 1
        )
    }
    best_practice = {_RECEPTION: RECEPTION_PROCEDURE}

    def check(self, reg: Registry) -> Iterator[Hit]:
        for pr in reg.procedures.values():
            done: dict[str, set[str]] = defaultdict(set)
            first: dict[str, int] = {}
            for i, a in enumerate(pr.assessment):
                first.setdefault(a.touchpoint, i)
                done[a.touchpoint].update(c for c in ASSESSMENT_CRITERIA if getattr(a, c) is not None)
            file = reg.procedure_file(pr)
            for t in reg.covered(pr):
                missing = [c for c in ASSESSMENT_CRITERIA if c not in done.get(t, ())]
                if not missing:
                    continue
                path: tuple[str | int, ...] = ("assessment", first[t]) if t in first else ("assessment",)
                if t not in first and not pr.assessment:
                    path = ("touchpoints",)
                yield self.hit(
                    file,
                    path,
                    _obj(pr),
                    key=t,
                    title=pr.title,
                    name=tp_name(reg, t),
                    missing=[
                        Bi(f"«{ASSESSMENT_CRITERIA[c]['ru']}»", f"'{ASSESSMENT_CRITERIA[c]['en']}'") for c in missing
                    ],
                )
