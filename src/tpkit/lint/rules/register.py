"""TP1: the register of touchpoints (перечень точек взаимодействия).

Section «Формирование перечня точек взаимодействия» of the methodology: every
process has its touchpoints, each with the client's needs it satisfies, a
basis and a responsible; no formal approach, no repeated touchpoints.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ...registry.enums import DIRECTIONS
from ..finding import Bi, Hit
from ..rule import Rule, register
from ._common import PROCESS, TOUCHPOINTS, names, needs, needs_by_process, sub, tp_name

if TYPE_CHECKING:
    from ...registry import models as m
    from ...registry.model import Registry

_WHY_REGISTER = {
    "ru": "разд. «Формирование перечня точек взаимодействия»",
    "en": "section «Формирование перечня точек взаимодействия» (forming the register)",
}


def _obj(proc: m.Process) -> str:
    return f"process:{proc.id}"


def _with_needs(reg: Registry) -> list[tuple[m.Process, set[str]]]:
    """Processes whose touchpoints name at least one need (the others are TP105/TP107)."""
    return needs_by_process(reg)


def _raw_touchpoint_refs(reg: Registry, kind: str) -> set[str] | None:
    """Touchpoints named by files of ``kind`` that failed the schema (None: one of them says ``all``).

    A broken process or procedure file is left out of the model; what it
    names still counts, so that one misspelt key does not make its
    touchpoints look unused or uncovered.
    """
    out: set[str] = set()
    for src in reg.files.values():
        if src.kind != kind or src.valid or not isinstance(src.data, dict):
            continue
        tps = src.data.get("touchpoints")
        if tps == "all":
            return None
        if isinstance(tps, list):
            for item in tps:
                if isinstance(item, dict):
                    item = item.get("touchpoint")
                if isinstance(item, str):
                    out.add(item)
    return out


# --- examples ------------------------------------------------------------------------

_FORMAL = (
    "id: child-benefit\n"
    "title: Назначение ежемесячной выплаты на ребенка\n"
    "direction: services\n"
    "basis: [ar-benefit]\n"
    "touchpoints:                 # только там, где достигается итоговая цель\n"
    "  - touchpoint: epgu\n"
    "    needs: [submit, result]\n"
    "  - touchpoint: reception\n"
    "    needs: [submit, result]\n"
)


@register
class FormalApproach(Rule):
    """A process's touchpoints cover only the final goal."""

    code = "TP101"
    name = "formal-approach"
    severity = "error"
    summary = {
        "ru": "формальный подход: ни одна точка процесса не дает ни информации, ни консультации",
        "en": "formal approach: no touchpoint of the process gives information or consultation",
    }
    message = {
        "ru": "формальный подход: точки взаимодействия процесса «{title}» ({touchpoints}) покрывают только итоговую цель "
        "({needs}); добавьте точку, где клиент получает информацию о процессе (например, официальный сайт: "
        "потребность info), и точку, где ему помогают подать документы (контактный центр, чат-бот, телефон: "
        "потребность consultation)",
        "en": "formal approach: the touchpoints of the process «{title}» ({touchpoints}) cover only the final goal ({needs}); "
        "add a touchpoint where the client learns about the process (the official website, say: need info) "
        "and one where they get help submitting (contact centre, chatbot, phone: need consultation)",
    }
    rationale = {
        "ru": "Методика предостерегает от формального подхода: нельзя считать точками взаимодействия только те, "
        "где клиент достигает итоговой цели — подает заявление и получает результат (ЕПГУ и приемная ведомства). "
        "У клиента есть потребность узнать о процессе (сайт) и получить помощь при подаче документов "
        "(контактный центр, чат-бот, техническая поддержка) — " + _WHY_REGISTER["ru"] + ".",
        "en": "The methodology warns against the formal approach: touchpoints are not only those where the client "
        "reaches the final goal — submits and collects the result (the federal portal and the agency's "
        "reception). The client also needs to learn about the process (the website) and to get help submitting "
        "(contact centre, chatbot, technical support) — " + _WHY_REGISTER["en"] + ".",
    }
    anti_pattern = {"processes/child-benefit.yaml": _FORMAL}
    best_practice = {
        "processes/child-benefit.yaml": (
            "id: child-benefit\n"
            "title: Назначение ежемесячной выплаты на ребенка\n"
            "direction: services\n"
            "basis: [ar-benefit]\n"
            "touchpoints:\n"
            "  - touchpoint: site\n"
            "    needs: [info]            # одна потребность — тоже точка взаимодействия\n"
            "  - touchpoint: phone\n"
            "    needs: [consultation, status]\n"
            "  - touchpoint: epgu\n"
            "    needs: [submit, status, result, feedback]\n"
            "  - touchpoint: reception\n"
            "    needs: [submit, result, feedback_result]\n"
        )
    }

    def check(self, reg: Registry) -> Iterator[Hit]:
        for proc, got in _with_needs(reg):
            if "info" in got or "consultation" in got:
                continue
            tps = names(list(dict.fromkeys(tp_name(reg, e.touchpoint) for e in proc.touchpoints)), limit=4)
            yield self.hit(
                reg.process_file(proc),
                ("touchpoints",),
                _obj(proc),
                title=proc.title,
                touchpoints=tps,
                needs=needs(reg, got),
            )


@register
class NoInformationTouchpoint(Rule):
    """Help is given, but no touchpoint informs."""

    code = "TP102"
    name = "no-information-touchpoint"
    severity = "warning"
    summary = {
        "ru": "есть точка консультации, но ни одна точка процесса не дает информации (info)",
        "en": "a touchpoint gives consultation but none gives information (info)",
    }
    message = {
        "ru": "у процесса «{title}» нет точки, где клиент получает информацию ({need}): укажите ее "
        "(например, официальный сайт с описанием порядка) — точка с одной потребностью тоже точка",
        "en": "the process «{title}» has no touchpoint where the client gets information ({need}): add one "
        "(the official website describing the procedure, say) — a touchpoint with one need is a touchpoint too",
    }
    rationale = {
        "ru": "Потребность в получении информации есть у клиента любого процесса. Точка может удовлетворять только "
        "одну потребность — например, сайт, где размещена только информация о порядке, — и все равно включается "
        "в перечень (" + _WHY_REGISTER["ru"] + ").",
        "en": "Every process's client needs information. A touchpoint may satisfy one need only — a website that "
        "only describes the procedure, say — and still belongs in the register (" + _WHY_REGISTER["en"] + ").",
    }
    anti_pattern = {
        "processes/child-benefit.yaml": sub(PROCESS, "  - touchpoint: site\n    needs: [info, forms]\n", "")
    }
    best_practice = {"processes/child-benefit.yaml": sub(PROCESS, "needs: [info, forms]", "needs: [info]")}

    def check(self, reg: Registry) -> Iterator[Hit]:
        for proc, got in _with_needs(reg):
            if "consultation" in got and "info" not in got:
                yield self.hit(
                    reg.process_file(proc), ("touchpoints",), _obj(proc), title=proc.title, need=needs(reg, ["info"])
                )


@register
class NoAssistanceTouchpoint(Rule):
    """The client submits, but no touchpoint helps."""

    code = "TP103"
    name = "no-assistance-touchpoint"
    severity = "warning"
    summary = {
        "ru": "клиент подает документы и получает информацию, но ни одна точка не дает консультации",
        "en": "the client submits and gets information, but no touchpoint gives consultation",
    }
    message = {
        "ru": "у процесса «{title}» клиент подает документы, но нет точки, где ему помогают ({need}): укажите "
        "контактный центр, телефон, чат-бот или службу технической поддержки",
        "en": "in the process «{title}» the client submits documents, but no touchpoint helps them ({need}): add "
        "the contact centre, phone, chatbot or technical support",
    }
    rationale = {
        "ru": "Кто подает заявление, нуждается в помощи при подаче документов: он может обратиться в контактный "
        "центр, чат-бот, службу технической поддержки — это тоже точки взаимодействия (" + _WHY_REGISTER["ru"] + ").",
        "en": "Whoever submits an application needs help submitting: they may turn to the contact centre, a chatbot, "
        "technical support — these are touchpoints too (" + _WHY_REGISTER["en"] + ").",
    }
    anti_pattern = {
        "processes/child-benefit.yaml": sub(
            PROCESS,
            "  - touchpoint: phone\n    needs: [consultation, status]\n",
            "  - touchpoint: phone\n    needs: [status]\n",
        )
    }
    best_practice = {"processes/child-benefit.yaml": PROCESS}

    def check(self, reg: Registry) -> Iterator[Hit]:
        for proc, got in _with_needs(reg):
            if "submit" in got and "info" in got and "consultation" not in got:
                yield self.hit(
                    reg.process_file(proc),
                    ("touchpoints",),
                    _obj(proc),
                    title=proc.title,
                    need=needs(reg, ["consultation"]),
                )


@register
class DuplicateTouchpoint(Rule):
    """One catalogue touchpoint listed twice in one process."""

    code = "TP104"
    name = "duplicate-touchpoint"
    severity = "error"
    summary = {
        "ru": "одна точка взаимодействия указана в процессе дважды: этапы — это потребности одной записи",
        "en": "one touchpoint is listed twice in a process: stages are needs of one entry",
    }
    message = {
        "ru": "точка «{name}» уже указана в процессе «{title}» (строка {first_line}): точки в рамках одного "
        "процесса не дублируются — перенесите потребности {needs} в первую запись и удалите эту",
        "en": "the touchpoint «{name}» is already listed in the process «{title}» (line {first_line}): a process "
        "does not repeat touchpoints — move the needs {needs} into the first entry and remove this one",
    }
    rationale = {
        "ru": "Если взаимодействие идет в несколько этапов (прием заявления, уведомления о ходе рассмотрения), "
        "точки в рамках одного процесса не дублируются: указывается одна точка и раскрываются удовлетворяемые в "
        "ней потребности. Например: ЕПГУ — подача заявления и уведомления о ходе рассмотрения; МФЦ — подача; "
        "телефон — информация о ходе рассмотрения (" + _WHY_REGISTER["ru"] + ").",
        "en": "When interaction goes in stages (the application, notices on its progress), a process does not "
        "repeat touchpoints: one touchpoint is listed with the needs it satisfies. E.g. the portal — submitting "
        "and progress notices; the one-stop centre — submitting; the phone — progress (" + _WHY_REGISTER["en"] + ").",
    }
    anti_pattern = {
        "processes/child-benefit.yaml": sub(
            PROCESS,
            "    needs: [submit, status, result, feedback]\n",
            "    needs: [submit, result, feedback]\n  - touchpoint: epgu          # тот же портал, другой этап\n"
            "    needs: [status]\n",
        )
    }
    best_practice = {
        "processes/child-benefit.yaml": sub(
            PROCESS,
            "    needs: [submit, status, result, feedback]\n",
            "    needs: [submit, status, result, feedback]   # все этапы на портале — в одной записи\n",
        )
    }

    def check(self, reg: Registry) -> Iterator[Hit]:
        for proc in reg.iter_processes():
            first: dict[str, int] = {}
            repeats: dict[str, int] = defaultdict(int)
            for i, entry in enumerate(proc.touchpoints):
                j = first.setdefault(entry.touchpoint, i)
                if j == i:
                    continue
                repeats[entry.touchpoint] += 1
                file = reg.process_file(proc)
                src = reg.files.get(file)
                line = src.span(("touchpoints", j)).line if src is not None else j + 1
                # repeated entries share a stable path (/touchpoints/[touchpoint=epgu]): the count tells them apart
                yield self.hit(
                    file,
                    ("touchpoints", i),
                    _obj(proc),
                    key=f"repeat{repeats[entry.touchpoint]}",
                    name=tp_name(reg, entry.touchpoint),
                    title=proc.title,
                    first_line=line,
                    needs=needs(reg, entry.needs) or [Bi("—")],
                )


@register
class TouchpointWithoutNeeds(Rule):
    """A process touchpoint entry has no needs."""

    code = "TP105"
    name = "touchpoint-without-needs"
    severity = "error"
    summary = {
        "ru": "у точки взаимодействия в процессе не указаны удовлетворяемые потребности",
        "en": "a process touchpoint entry has no needs",
    }
    message = {
        "ru": "у точки «{name}» в процессе «{title}» не указаны потребности клиента (needs): зачем клиент "
        "обращается сюда — получить информацию, консультацию, подать заявление, узнать о ходе рассмотрения…",
        "en": "the touchpoint «{name}» in the process «{title}» lists no client needs (needs): why does the client "
        "come here — information, consultation, submitting, progress…",
    }
    rationale = {
        "ru": "Для каждой точки взаимодействия необходимо определить удовлетворяемые потребности клиента — цель "
        "его обращения в этой точке (" + _WHY_REGISTER["ru"] + ").",
        "en": "Each touchpoint must state the client needs it satisfies — why the client comes to it "
        "(" + _WHY_REGISTER["en"] + ").",
    }
    anti_pattern = {"processes/child-benefit.yaml": sub(PROCESS, "    needs: [info, forms]\n", "    needs: []\n")}
    best_practice = {"processes/child-benefit.yaml": PROCESS}

    def check(self, reg: Registry) -> Iterator[Hit]:
        for proc in reg.iter_processes():
            for i, entry in enumerate(proc.touchpoints):
                if not entry.needs:
                    yield self.hit(
                        reg.process_file(proc),
                        ("touchpoints", i, "needs"),
                        _obj(proc),
                        name=tp_name(reg, entry.touchpoint),
                        title=proc.title,
                    )


_TP_NO_BASIS = sub(
    TOUCHPOINTS, "    schedule: пн–пт 9:00–18:00\n    basis: [cc-statute]\n", "    schedule: пн–пт 9:00–18:00\n"
)


@register
class TouchpointWithoutBasis(Rule):
    """No act, contract or order is the basis of a touchpoint."""

    code = "TP106"
    name = "touchpoint-without-basis"
    severity = "warning"
    summary = {
        "ru": "у точки взаимодействия в процессе нет основания: ни акта, ни соглашения, ни поручения",
        "en": "a process touchpoint entry has no basis: no act, agreement or directive",
    }
    message = {
        "ru": "у точки «{name}» в процессе «{title}» нет основания (basis): укажите акт, соглашение или "
        "распорядительное действие (поручение, резолюцию) — в процессе или в перечне точек",
        "en": "the touchpoint «{name}» in the process «{title}» has no basis: name the act, agreement or directive "
        "(instruction, resolution) — in the process or in the catalogue",
    }
    rationale = {
        "ru": "Точки выявляются на основании нормативных правовых актов, внутренних актов и описаний целевых "
        "состояний, актов и соглашений о работе точек; если точка (например, социальная сеть) используется по "
        "распорядительному действию — поручению или резолюции, — она тоже включается, и основанием служит это "
        "действие (" + _WHY_REGISTER["ru"] + ").",
        "en": "Touchpoints are found in regulatory acts, internal acts and target-state descriptions, and in "
        "agreements on how a touchpoint works; a touchpoint used on a directive — an instruction or resolution "
        "(social networks, say) — is included too, with that directive as its basis (" + _WHY_REGISTER["en"] + ").",
    }
    anti_pattern = {"touchpoints.yaml": _TP_NO_BASIS}
    best_practice = {
        "touchpoints.yaml": _TP_NO_BASIS,
        "processes/child-benefit.yaml": sub(
            PROCESS,
            "    needs: [consultation, status]\n",
            "    needs: [consultation, status]\n    basis: [cc-statute]     # основание записи дополняет основание из перечня\n",
        ),
    }

    def check(self, reg: Registry) -> Iterator[Hit]:
        for proc in reg.iter_processes():
            for i, entry in enumerate(proc.touchpoints):
                if entry.basis:
                    continue
                tp = reg.touchpoints.get(entry.touchpoint)
                if tp is not None and not tp.basis:  # the effective basis: the entry's and the catalogue's
                    yield self.hit(
                        reg.process_file(proc),
                        ("touchpoints", i),
                        _obj(proc),
                        name=tp_name(reg, entry.touchpoint),
                        title=proc.title,
                    )


@register
class ProcessWithoutTouchpoints(Rule):
    """A process lists no touchpoints."""

    code = "TP107"
    name = "process-without-touchpoints"
    severity = "error"
    summary = {"ru": "у процесса не указано ни одной точки взаимодействия", "en": "a process lists no touchpoints"}
    message = {
        "ru": "у процесса «{title}» не указано ни одной точки взаимодействия (touchpoints): где клиент узнает о "
        "процессе, получает помощь, подает документы и получает результат?",
        "en": "the process «{title}» lists no touchpoints: where does the client learn about it, get help, "
        "submit and collect the result?",
    }
    rationale = {
        "ru": "Точки взаимодействия определяются по каждой предоставляемой услуге (сервису), выполняемой функции, "
        "мере поддержки (" + _WHY_REGISTER["ru"] + ").",
        "en": "Touchpoints are determined for each service, function and support measure ("
        + _WHY_REGISTER["en"]
        + ").",
    }
    anti_pattern = {
        "processes/child-benefit.yaml": (
            "id: child-benefit\n"
            "title: Назначение ежемесячной выплаты на ребенка\n"
            "direction: services\n"
            "basis: [ar-benefit]\n"
            "touchpoints: []\n"
        )
    }
    best_practice = {"processes/child-benefit.yaml": PROCESS}

    def check(self, reg: Registry) -> Iterator[Hit]:
        for proc in reg.iter_processes():
            if not proc.touchpoints:
                yield self.hit(reg.process_file(proc), ("touchpoints",), _obj(proc), title=proc.title)


@register
class UnusedTouchpoint(Rule):
    """A catalogue touchpoint no process uses."""

    code = "TP108"
    name = "unused-touchpoint"
    severity = "info"
    summary = {
        "ru": "точка из перечня не используется ни в одном процессе",
        "en": "a catalogue touchpoint is used by no process",
    }
    message = {
        "ru": "точка «{name}» не указана ни в одном процессе: укажите, в каких процессах клиент к ней обращается "
        "(даже маловостребованная точка остается в перечне: demand: low)",
        "en": "the touchpoint «{name}» is listed by no process: say in which processes clients use it (even a "
        "low-demand touchpoint stays in the register: demand: low)",
    }
    rationale = {
        "ru": "Точки определяются в рамках процессов: точка, к которой не относится ни один процесс, либо "
        "пропущена в процессах, либо лишняя. Маловостребованные точки и точки, учет обращений по которым не "
        "велся, тоже учитываются (" + _WHY_REGISTER["ru"] + ").",
        "en": "Touchpoints are determined per process: one no process uses was either missed in the processes or "
        "is not needed. Low-demand touchpoints and those whose use was never recorded are kept too "
        "(" + _WHY_REGISTER["en"] + ").",
    }
    anti_pattern = {
        "touchpoints.yaml": TOUCHPOINTS + "  - id: chatbot\n"
        "    name: Чат-бот на сайте министерства\n"
        "    channel: chatbot\n"
        "    basis: [cc-statute]\n"
        "    responsible: petrova\n"
    }
    best_practice = {
        "processes/child-benefit.yaml": sub(
            PROCESS,
            "    needs: [submit, result, feedback_result]\n",
            "    needs: [submit, result, feedback_result]\n    demand: low\n",
        )
    }

    def check(self, reg: Registry) -> Iterator[Hit]:
        broken = _raw_touchpoint_refs(reg, "process")
        if broken is None:
            return
        for ident, tp in reg.touchpoints.items():
            if reg.usages.get(ident) or ident in broken:
                continue
            loc = reg.loc("touchpoint", ident)
            yield self.hit(loc.file, loc.path, f"touchpoint:{ident}", name=tp.name)


@register
class JourneyGap(Rule):
    """The client submits but cannot follow the application or collect the result."""

    code = "TP109"
    name = "journey-gap"
    severity = "warning"
    summary = {
        "ru": "клиент подает документы, но ни одна точка не дает информации о ходе рассмотрения или результата",
        "en": "the client submits, but no touchpoint gives the status, or none gives the result",
    }
    message = {
        "ru": "в процессе «{title}» клиент подает документы, но ни одна точка не удовлетворяет потребность "
        "{missing}: укажите, в какой точке клиент это получает",
        "en": "in the process «{title}» the client submits documents, but no touchpoint satisfies the need "
        "{missing}: say at which touchpoint the client gets it",
    }
    rationale = {
        "ru": "Взаимодействие идет в несколько этапов: прием заявления, рассмотрение, уведомления по каждому "
        "этапу, получение результата; у каждого этапа есть точка (" + _WHY_REGISTER["ru"] + ").",
        "en": "Interaction goes in stages: the application, its review, notices at each stage, the result; each "
        "stage has its touchpoint (" + _WHY_REGISTER["en"] + ").",
    }
    anti_pattern = {
        "processes/child-benefit.yaml": sub(
            sub(PROCESS, "needs: [consultation, status]", "needs: [consultation]"),
            "needs: [submit, status, result, feedback]",
            "needs: [submit, result, feedback]",
        )
    }
    best_practice = {"processes/child-benefit.yaml": PROCESS}

    def check(self, reg: Registry) -> Iterator[Hit]:
        for proc, got in _with_needs(reg):
            if "submit" not in got:
                continue
            missing = [n for n in ("status", "result") if n not in got]
            if missing:
                yield self.hit(
                    reg.process_file(proc), ("touchpoints",), _obj(proc), title=proc.title, missing=needs(reg, missing)
                )


@register
class NoFeedbackTouchpoint(Rule):
    """No touchpoint takes the client's feedback."""

    code = "TP110"
    name = "no-feedback-touchpoint"
    severity = "warning"
    summary = {
        "ru": "ни одна точка процесса не принимает обратную связь (feedback)",
        "en": "no touchpoint of the process takes feedback",
    }
    message = {
        "ru": "в процессе «{title}» ни одна точка не принимает обратную связь ({need}): укажите, где клиент "
        "может оценить взаимодействие (оценка на ЕПГУ, в приемной, по телефону)",
        "en": "the process «{title}» has no touchpoint where the client can give feedback ({need}): add one "
        "(a rating on the portal, at the reception, by phone)",
    }
    rationale = {
        "ru": "Предоставление обратной связи — одна из потребностей клиента; порядок требует предлагать оценку на "
        "каждом этапе взаимодействия (" + _WHY_REGISTER["ru"] + "; разд. «Общие требования к разработке порядков»).",
        "en": "Giving feedback is one of the client's needs; the procedure must offer a rating at each stage "
        "(" + _WHY_REGISTER["en"] + "; section on developing the procedures).",
    }
    anti_pattern = {
        "processes/child-benefit.yaml": sub(
            sub(PROCESS, "needs: [submit, status, result, feedback]", "needs: [submit, status, result]"),
            "needs: [submit, result, feedback_result]",
            "needs: [submit, result]",
        )
    }
    best_practice = {"processes/child-benefit.yaml": PROCESS}

    def check(self, reg: Registry) -> Iterator[Hit]:
        for proc, got in _with_needs(reg):
            if "feedback" not in got:
                yield self.hit(
                    reg.process_file(proc),
                    ("touchpoints",),
                    _obj(proc),
                    title=proc.title,
                    need=needs(reg, ["feedback"]),
                )


_PARTNER = (
    "partners:\n  - name: ГБУ «Многофункциональный центр Энской области»\n    touchpoints: [МФЦ «Мои документы»]\n"
)


@register
class JointProcedureMissing(Rule):
    """Partners have adjacent touchpoints, and no joint procedure is named."""

    code = "TP111"
    name = "joint-procedure-missing"
    severity = "warning"
    summary = {
        "ru": "у партнера процесса есть смежные точки взаимодействия, а совместный порядок не указан",
        "en": "a partner of the process has adjacent touchpoints, and no joint procedure is named",
    }
    message = {
        "ru": "в процессе «{title}» участвует {partners} со смежными точками взаимодействия, а совместный порядок "
        "взаимодействия не указан: добавьте joint_procedure (соглашение из acts.yaml или порядок)",
        "en": "the process «{title}» involves {partners} with adjacent touchpoints, and no joint procedure is "
        "named: add joint_procedure (an agreement from acts.yaml or a procedure)",
    }
    rationale = {
        "ru": "Если процесс осуществляется несколькими ведомствами, каждое формирует свои точки взаимодействия, а "
        "порядок взаимодействия при наличии смежных точек разрабатывается совместно (" + _WHY_REGISTER["ru"] + ").",
        "en": "When several agencies run a process, each lists its own touchpoints, and where they have adjacent "
        "touchpoints the interaction procedure is developed jointly (" + _WHY_REGISTER["en"] + ").",
    }
    anti_pattern = {"processes/child-benefit.yaml": sub(PROCESS, "touchpoints:\n", _PARTNER + "touchpoints:\n")}
    best_practice = {
        "acts.yaml": (
            "acts:\n"
            "  - id: ar-benefit\n"
            "    kind: npa\n"
            "    title: Административный регламент предоставления государственной услуги «Назначение ежемесячной "
            "выплаты»\n"
            '    number: "123"\n'
            "    date: 2024-05-01\n"
            "  - id: cc-statute\n"
            "    kind: internal\n"
            "    title: Положение о контактном центре министерства\n"
            "  - id: agr-mfc\n"
            "    kind: agreement\n"
            "    title: Соглашение о взаимодействии с ГБУ «МФЦ Энской области», включая порядок взаимодействия с "
            "заявителями\n"
        ),
        "processes/child-benefit.yaml": sub(
            PROCESS,
            "touchpoints:\n",
            _PARTNER + "joint_procedure: agr-mfc     # порядок разработан совместно с партнером\ntouchpoints:\n",
        ),
    }

    def check(self, reg: Registry) -> Iterator[Hit]:
        for proc in reg.iter_processes():
            if proc.joint_procedure:
                continue
            adjacent = [(i, p) for i, p in enumerate(proc.partners) if p.touchpoints]
            if adjacent:
                i, _ = adjacent[0]
                yield self.hit(
                    reg.process_file(proc),
                    ("partners", i, "touchpoints"),
                    _obj(proc),
                    title=proc.title,
                    partners=names([p.name for _, p in adjacent]),
                )


def _appeals(title: str, ident: str, unit: str) -> str:
    return (
        f"id: {ident}\n"
        f"title: {title}\n"
        "direction: appeals\n"
        f"units: [{unit}]\n"
        "basis: [ar-benefit]\n"
        "touchpoints:\n"
        "  - touchpoint: site\n"
        "    needs: [info, submit]\n"
        "  - touchpoint: phone\n"
        "    needs: [consultation, status]\n"
        "  - touchpoint: reception\n"
        "    needs: [submit, result, feedback]\n"
    )


@register
class UniformProcessSplit(Rule):
    """A uniform appeals process is split into identical copies."""

    code = "TP112"
    name = "uniform-process-split"
    severity = "info"
    summary = {
        "ru": "несколько процессов рассмотрения обращений с одинаковыми точками и потребностями",
        "en": "several appeals processes have identical touchpoints and needs",
    }
    message = {
        "ru": "процесс «{title}» совпадает по точкам и потребностям с {others} (направление «{direction}»): "
        "опишите один процесс для всего направления (scope: direction)",
        "en": "the process «{title}» has the same touchpoints and needs as {others} (direction '{direction}'): "
        "describe one process for the whole direction (scope: direction)",
    }
    rationale = {
        "ru": "Если направление деятельности предполагает единообразный процесс во всех структурных "
        "подразделениях (например, рассмотрение обращений), точки взаимодействия определяются для всего "
        "направления, а не по подразделениям (" + _WHY_REGISTER["ru"] + ").",
        "en": "When a direction of activity is one uniform process in every unit (appeals, say), the touchpoints "
        "are determined for the whole direction, not per unit (" + _WHY_REGISTER["en"] + ").",
    }
    anti_pattern = {
        "processes/appeals-benefits.yaml": _appeals(
            "Рассмотрение обращений граждан в отделе назначения выплат", "appeals-benefits", "benefits"
        ),
        "processes/appeals-minister.yaml": _appeals(
            "Рассмотрение обращений граждан, адресованных министру", "appeals-minister", "benefits"
        ),
    }
    best_practice = {
        "processes/appeals.yaml": sub(
            _appeals("Рассмотрение обращений граждан", "appeals", "benefits"),
            "direction: appeals\n",
            "direction: appeals\nscope: direction           # один процесс для всех подразделений\n",
        )
    }

    def check(self, reg: Registry) -> Iterator[Hit]:
        groups: dict[frozenset[tuple[str, frozenset[str]]], list[m.Process]] = defaultdict(list)
        for proc in reg.iter_processes():
            if proc.direction != "appeals" or not proc.touchpoints:
                continue
            sig = frozenset((e.touchpoint, frozenset(e.needs)) for e in proc.touchpoints)
            groups[sig].append(proc)
        direction = Bi(DIRECTIONS["appeals"]["ru"], DIRECTIONS["appeals"]["en"])
        for procs in groups.values():
            if len(procs) < 2:
                continue
            procs.sort(key=lambda p: p.id)
            for proc in procs:
                others = [p.title for p in procs if p is not proc]
                args: dict[str, Any] = {"title": proc.title, "others": _others(others), "direction": direction}
                yield self.hit(reg.process_file(proc), ("touchpoints",), _obj(proc), **args)


def _others(titles: list[str]) -> Bi:
    n = names(titles)
    word = Bi(
        "процессом " if len(titles) == 1 else "процессами ", "the process " if len(titles) == 1 else "the processes "
    )
    return Bi(word.ru + n.ru, word.en + n.en)
