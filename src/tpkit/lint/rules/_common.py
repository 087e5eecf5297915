"""Shared pieces of the methodology rules: words for messages, and the example files.

Messages name objects in the user's words: the process title, the
touchpoint's name from the catalogue, the need's label. The example files are
the clean registry of ``tests/fixtures/base``; anti-patterns and best
practices are variants of them (each rule carries the full text it lays over).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...registry.enums import NEEDS, SECTIONS
from ..finding import Bi

if TYPE_CHECKING:
    from ...registry import models as m
    from ...registry.model import Registry


def need(reg: Registry, code: str) -> Bi:
    """A need's label, quoted: «получение информации» / 'getting information'."""
    if code in NEEDS:
        return Bi(f"«{NEEDS[code]['ru']}»", f"'{NEEDS[code]['en']}'")
    label = reg.need_label(code)
    return Bi(f"«{label}»", f"'{label}'")


def needs(reg: Registry, codes: list[str] | set[str]) -> list[Bi]:
    """Labels of several needs, in the order of the nine standard ones, then the agency's own."""
    order = {c: i for i, c in enumerate(NEEDS)}
    return [need(reg, c) for c in sorted(codes, key=lambda c: (order.get(c, len(order)), c))]


def tp_name(reg: Registry, ident: str) -> str:
    """The catalogue name of a touchpoint (its id when the catalogue does not know it)."""
    tp = reg.touchpoints.get(ident)
    return tp.name if tp is not None else ident


def section(key: str) -> Bi:
    """«5. Специфика…» — the number and title of a procedure section."""
    n = list(SECTIONS).index(key) + 1
    return Bi(f"«{n}. {SECTIONS[key]['ru']}»", f"'{n}. {SECTIONS[key]['en']}'")


def process_needs(proc: m.Process) -> set[str]:
    out: set[str] = set()
    for e in proc.touchpoints:
        out.update(e.needs)
    return out


def needs_by_process(reg: Registry) -> list[tuple[m.Process, set[str]]]:
    """Every process that names at least one need, with its needs; computed once per registry.

    Five TP1 rules read the same union; the registry object carries it so
    that a 10,000-process registry is walked once, not five times.
    """
    cached: list[tuple[m.Process, set[str]]] | None = reg.__dict__.get("_tpkit_needs_by_process")
    if cached is None:
        cached = []
        for proc in reg.iter_processes():
            got = process_needs(proc)
            if got:
                cached.append((proc, got))
        reg.__dict__["_tpkit_needs_by_process"] = cached
    return cached


def names(items: list[str], limit: int = 3) -> Bi:
    """«a», «b», «c» и еще 2 / 'a', 'b', 'c' and 2 more."""
    shown = items[:limit]
    ru = ", ".join(f"«{x}»" for x in shown)
    en = ", ".join(f"«{x}»" for x in shown)
    if len(items) > limit:
        ru += f" и еще {len(items) - limit}"
        en += f" and {len(items) - limit} more"
    return Bi(ru, en)


def sub(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` replaced once; ``old`` must be there (examples stay in step with the base)."""
    if old not in text:  # pragma: no cover - programming error in a rule's example
        raise ValueError(f"example text lacks {old!r}")
    return text.replace(old, new, 1)


# --- the clean registry the examples are laid over (tests/fixtures/base) ----------------

AGENCY = """\
id: minsoc
name: Министерство социальной защиты населения Энской области
short_name: Минсоцзащиты
head:
  position: Министр социальной защиты населения Энской области
  name: А. А. Иванов
units:
  - id: benefits
    name: Отдел назначения мер социальной поддержки
officials:
  - id: petrova
    name: Петрова Мария Ивановна
    position: Начальник отдела назначения мер социальной поддержки
    unit: benefits
    line_manager: true
register:
  responsible: petrova
  approval:
    kind: order
    title: Приказ министерства «Об утверждении перечня точек взаимодействия с клиентом»
    number: 45-од
    date: 2026-02-10
"""

TOUCHPOINTS = """\
touchpoints:
  - id: site
    name: Официальный сайт министерства
    channel: website
    url: https://minsoc.example.ru
    basis: [ar-benefit]
    responsible: petrova
  - id: epgu
    name: Единый портал государственных и муниципальных услуг (ЕПГУ)
    channel: portal
    operator: Минцифры России
    url: https://www.gosuslugi.ru
    basis: [ar-benefit]
    responsible: petrova
  - id: phone
    name: Контактный центр министерства
    channel: call_center
    schedule: пн–пт 9:00–18:00
    basis: [cc-statute]
    responsible: petrova
  - id: reception
    name: Приемная министерства
    channel: reception
    address: г. Энск, ул. Ленина, д. 1
    schedule: пн–чт 9:00–18:00, пт 9:00–16:45
    accessibility:
      - Пандус и кнопка вызова у входа
    basis: [ar-benefit]
    responsible: petrova
"""

PROCESS = """\
id: child-benefit
title: Назначение ежемесячной выплаты на ребенка
direction: services
units: [benefits]
basis: [ar-benefit]
touchpoints:
  - touchpoint: site
    needs: [info, forms]
  - touchpoint: phone
    needs: [consultation, status]
  - touchpoint: epgu
    needs: [submit, status, result, feedback]
  - touchpoint: reception
    needs: [submit, result, feedback_result]
notifications:
  - event: Заявление принято к рассмотрению
    touchpoint: epgu
    automatic: true
    next_step: Решение принимается в течение 10 рабочих дней
"""

#: a small complete procedure for the reception (the base's single procedure covers all touchpoints)
RECEPTION_PROCEDURE = """\
id: reception
title: Порядок взаимодействия с клиентами в приемной министерства
touchpoints: [reception]
responsible: petrova
sections:
  general:
    goals: [Вежливое и своевременное обслуживание посетителей]
  infrastructure:
    - equipment: Система электронной очереди
      usage: Талон выдается при входе, вызов — на табло
  requirements:
    politeness: Сотрудник представляется и обращается к посетителю по имени и отчеству
  tools:
    - kind: script
      name: Скрипт приветствия и выяснения цели визита
  specifics:
    - clients: Маломобильные граждане
      instruction: Дежурный сотрудник встречает посетителя у входа
  feedback:
    rating_each_stage: true
    pretrial_appeal: Сотрудник разъясняет право на досудебное обжалование
  control:
    - subject: Соблюдение сроков ожидания в очереди
      periodicity: ежемесячно
      tool: Выгрузка из системы электронной очереди
      corrective_measures: [Перераспределение сотрудников в часы пик]
assessment:
  - touchpoint: reception
    simplicity: {status: ok}
    convenience: {status: ok}
    promptness: {status: gap, finding: Ожидание до 40 минут, mitigation: Предварительная запись через ЕПГУ}
    accessibility: {status: ok}
"""

ACTS = """\
acts:
  - id: ar-benefit
    kind: npa
    title: Административный регламент предоставления государственной услуги «Назначение ежемесячной выплаты»
    number: "123"
    date: 2024-05-01
  - id: cc-statute
    kind: internal
    title: Положение о контактном центре министерства
"""
