"""The clean registry the rules' examples are laid over (``tests/fixtures/base``).

Anti-patterns and best practices are variants of these texts: each rule carries the full text it lays
over, built with :func:`sub` so that an example stays in step with the base.
"""

from __future__ import annotations

#: the path of the reception's procedure in the examples
RECEPTION = "procedures/reception.yaml"


def sub(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` replaced once; ``old`` must be there (examples stay in step with the base)."""
    if old not in text:  # pragma: no cover - programming error in a rule's example
        raise ValueError(f"example text lacks {old!r}")
    return text.replace(old, new, 1)


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
approval:
  kind: order
  number: 46-од
  date: 2026-02-10
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

#: the first lines of a process, for examples that write its touchpoints out
PROCESS_HEAD = """\
id: child-benefit
title: Назначение ежемесячной выплаты на ребенка
direction: services
basis: [ar-benefit]
"""

#: a short process: the site informs, the portal does the rest
PORTAL_PROCESS = """\
id: child-benefit
title: Назначение ежемесячной выплаты
direction: services
touchpoints:
  - touchpoint: site
    needs: [info]
  - touchpoint: epgu
    needs: [consultation, submit, status, result, feedback]
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
