"""TP314 section-content-incomplete: a procedure's section is there, but without what the methodology says it holds."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...finding import Bi, Hit
from ...rule import Rule, register
from ..coverage import is_empty, said
from ..examples import RECEPTION, RECEPTION_PROCEDURE, sub
from ..words import procedure_place, section

if TYPE_CHECKING:
    from ....registry import Registry
    from ....registry import models as m

#: the aspects of §3 the methodology names: the field, its label, and words that say it in ``other``
ASPECTS: tuple[tuple[str, Bi, re.Pattern[str]], ...] = (
    (
        "politeness",
        Bi("вежливость (politeness)", "politeness"),
        re.compile(
            r"вежлив|уважительн|корректн|этик|доброжелательн|приветств|представля|по\s+имени|тактичн"
            r"|делов\w*\s+(?:общени|стил)|культур\w*\s+(?:речи|общени|поведени)"
        ),
    ),
    (
        "accessibility",
        Bi("доступность (accessibility)", "accessibility"),
        re.compile(
            r"доступ|маломобильн|инвалид|слабовидящ|слабослышащ|равн\w*\s+возможност|ограниченн\w*\s+возможност"
            r"|\bовз\b|беспрепятственн|безбарьерн"
        ),
    ),
    (
        "result_orientation",
        Bi("нацеленность на результат (result_orientation)", "result orientation (result_orientation)"),
        re.compile(r"результат|нацелен|до\s+(?:конца|решени|завершени|полн)|решени\w*\s+вопрос|по\s+существу"),
    ),
    (
        "methods",
        Bi("применяемые алгоритмы и методики (methods)", "the algorithms and methods applied (methods)"),
        re.compile(r"метод|алгоритм|слушани|конфликт|техник|возражени"),
    ),
)


def _general(general: m.General) -> list[Bi]:
    missing = []
    if not said(general.goals):
        missing.append(Bi("цели взаимодействия с клиентами (goals)", "the goals of interacting with clients (goals)"))
    if not said(general.principles):
        missing.append(Bi("принципы (principles)", "the principles (principles)"))
    return missing


def _requirements(req: m.Requirements) -> list[Bi]:
    """The aspects neither their own field nor another text of the section speaks of («Сотрудник применяет метод
    активного слушания» written as politeness is the methods too). What a notification says («срок … получения
    результата») is about the notification, not one of the four."""
    texts = [req.politeness, req.accessibility, req.result_orientation, *req.methods, *req.other]
    text = " ".join(t for t in texts if t and said(t)).casefold().replace("ё", "е")
    return [label for field, label, words in ASPECTS if not said(getattr(req, field)) and not words.search(text)]


def _and(items: list[Bi]) -> Bi:
    ru = [i.ru for i in items]
    en = [i.en for i in items]
    if len(items) == 1:
        return items[0]
    return Bi(", ".join(ru[:-1]) + " и " + ru[-1], ", ".join(en[:-1]) + " and " + en[-1])


def _gaps(s: m.Sections) -> Iterator[tuple[tuple[str | int, ...], Bi]]:
    """Where a section that is there lacks what the methodology names, and what it lacks (an empty or missing
    section is TP301's)."""
    if s.general is not None and not is_empty(s.general) and (missing := _general(s.general)):
        what = _and(missing)
        yield ("general",), Bi(f"не указаны {what.ru}", f"it lacks {what.en}")
    for i, item in enumerate(s.infrastructure or []):
        lack = []
        if not said(item.purpose):
            lack.append(Bi("для чего оно (purpose)", "what it is for (purpose)"))
        if not said(item.usage):
            lack.append(Bi("как оно применяется (usage)", "how it is used (usage)"))
        if lack:
            what = _and(lack)
            yield (
                ("infrastructure", i),
                Bi(
                    f"у оборудования «{item.equipment}» не указано, {what.ru}",
                    f"the equipment «{item.equipment}» does not say {what.en}",
                ),
            )
    if s.requirements is not None and not is_empty(s.requirements) and (gaps := _requirements(s.requirements)):
        what = _and(gaps)
        yield ("requirements",), Bi(f"не описаны {what.ru}", f"it does not describe {what.en}")


@register
class SectionContentIncomplete(Rule):
    """Summary:
        ru: раздел порядка есть, но в нем нет того, что называет методика: целей и принципов (§1), назначения и
            применения оборудования (§2), вежливости, доступности, нацеленности на результат и методик (§3)
        en: a procedure section is there without what the methodology names: goals and principles (§1), what the
            equipment is for and how it is used (§2), politeness, accessibility, result orientation and methods (§3)

    Message:
        ru: в порядке «{title}» раздел {section} неполон: {what}
        en: in the procedure «{title}» the section {section} is incomplete: {what}

    Rationale:
        ru: Рекомендуемая структура порядка: «общие положения: принципы, цели взаимодействия с клиентами»;
            «описание техническо-организационного обеспечения и инфраструктуры точки взаимодействия с клиентами
            (используемое для взаимодействия с клиентами оборудование, его функционал и применение)»; «общие
            требования к взаимодействию с клиентами (вежливость, доступность, нацеленность на результат, применяемые
            алгоритмы и методики (например, метод активного слушания, методы избежания и разрешения конфликтов)»
            (разд. «Общие требования к разработке порядков по взаимодействию с клиентом»). Раздел, в котором этого
            нет, — заголовок без содержания (прочерк, «нет», «не предусмотрено» в поле — тоже); пустой или
            отсутствующий раздел — TP301.
        en: The recommended structure: general provisions — principles and goals of interacting with clients; the
            technical and organisational support — the equipment used, what it does and how it is applied; general
            requirements — politeness, accessibility, result orientation, the algorithms and methods applied (active
            listening, preventing and resolving conflicts) (section «Общие требования к разработке порядков по
            взаимодействию с клиентом» (developing the procedures)). A section without them is a heading without
            content (so is a field holding a dash, «нет» (none) or «не предусмотрено» (not provided)); an empty or
            missing section is TP301.
    """

    severity = "warning"

    def check(self, reg: Registry) -> Iterator[Hit]:
        for pr in reg.procedures.values():
            for path, what in _gaps(pr.sections):
                yield self.hit(
                    *procedure_place(reg, pr, "sections", *path),
                    section=section(str(path[0])),
                    what=what,
                    title=pr.title,
                )

    # a scope line for §1, equipment without its use, and §3 with other requirements only
    anti_pattern = {
        RECEPTION: sub(
            sub(
                sub(
                    RECEPTION_PROCEDURE,
                    "    goals: [Вежливое и своевременное обслуживание посетителей]\n"
                    "    principles: [Клиентоцентричность, Доступность]\n",
                    "    scope: Личный прием граждан в приемной министерства\n",
                ),
                "      purpose: Учет и вызов посетителей\n      usage: Талон выдается при входе, вызов — на табло\n",
                "",
            ),
            "    politeness: Сотрудник представляется и обращается к посетителю по имени и отчеству\n"
            "    accessibility: Маломобильных посетителей встречает дежурный сотрудник\n"
            "    result_orientation: Посетитель уходит с результатом или со сроком ответа\n"
            "    methods: [Метод активного слушания]\n",
            "    other: [Сотрудник соблюдает служебный распорядок]\n",
        )
    }
    best_practice = {RECEPTION: RECEPTION_PROCEDURE}
