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

#: the base process's touchpoints: information, help, the portal and the reception
PROCESS_TOUCHPOINTS = """\
touchpoints:
  - touchpoint: site
    needs: [info, forms]
  - touchpoint: phone
    needs: [consultation, status]
  - touchpoint: epgu
    needs: [submit, status, result, feedback]
  - touchpoint: reception
    needs: [submit, result, feedback_result]
"""

PROCESS = (
    """\
id: child-benefit
title: Назначение ежемесячной выплаты на ребенка
direction: services
units: [benefits]
basis: [ar-benefit]
"""
    + PROCESS_TOUCHPOINTS
    + """\
notifications:
  - event: Заявление принято к рассмотрению
    touchpoint: epgu
    automatic: true
    next_step: Решение принимается в течение 10 рабочих дней
"""
)


def phone_entry_with(line: str) -> str:
    """:data:`PROCESS` with ``line`` (a key and its value, maybe a comment) added to its phone entry."""
    return sub(PROCESS, "    needs: [consultation, status]\n", f"    needs: [consultation, status]\n    {line}\n")


#: the control section both example procedures hold
CONTROL = """\
  control:
    - subject: Соблюдение сроков ожидания в очереди
      periodicity: ежемесячно
      tool: Выгрузка из системы электронной очереди
      corrective_measures: [Перераспределение сотрудников в часы пик]
"""

#: a small complete procedure for the reception (the base's single procedure covers all touchpoints)
RECEPTION_PROCEDURE = (
    """\
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
    principles: [Клиентоцентричность, Доступность]
  infrastructure:
    - equipment: Система электронной очереди
      purpose: Учет и вызов посетителей
      usage: Талон выдается при входе, вызов — на табло
  requirements:
    politeness: Сотрудник представляется и обращается к посетителю по имени и отчеству
    accessibility: Маломобильных посетителей встречает дежурный сотрудник
    result_orientation: Посетитель уходит с результатом или со сроком ответа
    methods: [Метод активного слушания]
  tools:
    - kind: script
      name: Скрипт приветствия и выяснения цели визита
  specifics:
    - clients: Маломобильные граждане
      instruction: Дежурный сотрудник встречает посетителя у входа
  feedback:
    rating_each_stage: true
    pretrial_appeal: Сотрудник разъясняет право на досудебное обжалование
"""
    + CONTROL
    + """\
assessment:
  - touchpoint: reception
    simplicity: {status: ok}
    convenience: {status: ok}
    promptness: {status: gap, finding: Ожидание до 40 минут, mitigation: Предварительная запись через ЕПГУ}
    accessibility: {status: ok}
"""
)

#: the base's single procedure: every touchpoint, seven complete sections
PROCEDURE = (
    """\
id: all
title: Порядок взаимодействия с клиентами министерства
touchpoints: all
responsible: petrova
approval:
  kind: order
  number: 46-од
  date: 2026-02-10
sections:
  general:
    goals: [Своевременное и вежливое обслуживание заявителей]
    principles: [Клиентоцентричность, Открытость]
  infrastructure:
    - equipment: Система электронной очереди
      purpose: Учет и вызов посетителей
      usage: Талон выдается при входе, вызов — на табло
  requirements:
    politeness: Сотрудник представляется и обращается к заявителю по имени и отчеству
    accessibility: Маломобильным заявителям помогает дежурный сотрудник
    result_orientation: Сотрудник доводит обращение до результата
    methods: [Метод активного слушания]
    notifications: В уведомлении указывается срок следующего этапа
  tools:
    - kind: script
      name: Скрипт приветствия
  specifics:
    - clients: Граждане с нарушением слуха
      instruction: Используется текстовая форма общения
  feedback:
    rating_each_stage: true
    pretrial_appeal: Сотрудник разъясняет право на досудебное обжалование
    channels: [epgu]
"""
    + CONTROL
    + """\
assessment:
  - touchpoint: site
    simplicity: {status: ok}
    convenience: {status: ok}
    promptness: {status: ok}
    accessibility: {status: ok}
  - touchpoint: epgu
    simplicity: {status: ok}
    convenience: {status: ok}
    promptness: {status: ok}
    accessibility: {status: ok}
  - touchpoint: phone
    simplicity: {status: ok}
    convenience: {status: ok}
    promptness: {status: ok}
    accessibility: {status: ok}
  - touchpoint: reception
    simplicity: {status: ok}
    convenience: {status: ok}
    promptness: {status: gap, finding: Ожидание до 40 минут, mitigation: Предварительная запись через ЕПГУ}
    accessibility: {status: ok}
"""
)

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
