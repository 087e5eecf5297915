"""Synthetic registries of any size, for the benchmark and for tests.

``generate(root, processes=1000)`` writes a complete registry: tpkit.yaml,
agency.yaml, acts.yaml, touchpoints.yaml, ``processes`` process files with
ten touchpoint entries each and a set of procedures. References are valid
(but for a few deliberate typos), the text is Russian and reads like a real
register, and a deterministic share of the processes carries the mistakes the
methodology warns about, so every rule group has something to say:

- a formal approach (only the portal and the reception, submit + result);
- a touchpoint entry without any basis, a catalogue touchpoint without basis;
- no feedback touchpoint, no status touchpoint;
- a partner with adjacent touchpoints and no joint procedure;
- a notification without its next step;
- an offline touchpoint without accessibility;
- a procedure with a section missing, an unmitigated assessment gap;
- a misspelt reference (TP003) and an id that differs from its file name (TP007);
- inline suppressions, used and unused.

The same (processes, seed) always gives the same bytes.

Usage: ``python bench/gen.py OUT_DIR [--processes N] [--seed S]``
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

ENTRIES_PER_PROCESS = 10

_CITIES = [
    "Тула",
    "Новомосковск",
    "Донской",
    "Алексин",
    "Щекино",
    "Узловая",
    "Ефремов",
    "Богородицк",
    "Кимовск",
    "Киреевск",
    "Суворов",
    "Белёв",
    "Венёв",
    "Плавск",
    "Ясногорск",
    "Чекалин",
    "Болохово",
    "Липки",
    "Советск",
    "Грязовец",
    "Кашира",
    "Ступино",
    "Озёры",
    "Зарайск",
    "Серпухов",
    "Чехов",
    "Коломна",
]
_STREETS = [
    "ул. Ленина",
    "пр. Ленина",
    "ул. Советская",
    "ул. Мира",
    "ул. Октябрьская",
    "ул. Пушкина",
    "ул. Садовая",
    "ул. Гагарина",
    "ул. Первомайская",
    "ул. Центральная",
]
_SURNAMES = [
    "Петрова",
    "Иванов",
    "Сидоров",
    "Кузнецова",
    "Смирнов",
    "Волкова",
    "Морозов",
    "Новикова",
    "Федоров",
    "Соколова",
    "Лебедев",
    "Козлова",
    "Егоров",
    "Павлова",
    "Орлов",
    "Никитина",
]
_TRANSLIT = [
    "petrova",
    "ivanov",
    "sidorov",
    "kuznetsova",
    "smirnov",
    "volkova",
    "morozov",
    "novikova",
    "fedorov",
    "sokolova",
    "lebedev",
    "kozlova",
    "egorov",
    "pavlova",
    "orlov",
    "nikitina",
]
_NAMES = [
    "Мария Ивановна",
    "Сергей Петрович",
    "Анна Викторовна",
    "Олег Николаевич",
    "Елена Сергеевна",
    "Дмитрий Андреевич",
    "Ольга Михайловна",
    "Игорь Васильевич",
]
_UNIT_NAMES = [
    "Отдел назначения мер социальной поддержки",
    "Отдел по работе с обращениями граждан",
    "Отдел контроля и надзора",
    "Отдел семейной политики",
    "Отдел социального обслуживания",
    "Отдел выплат и компенсаций",
    "Отдел по делам ветеранов",
    "Отдел жилищных субсидий",
    "Отдел опеки и попечительства",
    "Отдел информационных технологий",
    "Отдел организации приема граждан",
    "Отдел поддержки некоммерческих организаций",
]
_POSITIONS = [
    "Начальник отдела",
    "Заместитель начальника отдела",
    "Главный специалист-эксперт",
    "Ведущий консультант",
    "Консультант",
]

# a process title is ACTION + OBJECT (+ QUALIFIER); directions decide the action words
_ACTIONS = {
    "services": ["Назначение", "Предоставление", "Выдача", "Оформление", "Перерасчет"],
    "functions": [
        "Ведение реестра получателей",
        "Учет получателей",
        "Согласование предоставления",
        "Организация предоставления",
    ],
    "support": ["Предоставление меры социальной поддержки в виде", "Оказание государственной поддержки в виде"],
    "control": [
        "Региональный государственный контроль за соблюдением порядка предоставления",
        "Проверка соблюдения требований при предоставлении",
    ],
    "appeals": [
        "Рассмотрение обращений граждан по вопросам предоставления",
        "Рассмотрение запросов организаций о порядке предоставления",
    ],
}
_OBJECTS = [
    "ежемесячной денежной выплаты на ребенка в возрасте от трех до семи лет",
    "удостоверения многодетной семьи",
    "субсидии на оплату жилого помещения и коммунальных услуг",
    "ежемесячной компенсации расходов на оплату жилого помещения",
    "государственной социальной помощи",
    "социального контракта",
    "пособия на ребенка",
    "единовременной выплаты при рождении ребенка",
    "путевки в организацию отдыха детей и их оздоровления",
    "звания «Ветеран труда»",
    "технических средств реабилитации",
    "социальных услуг в форме социального обслуживания на дому",
    "компенсации стоимости проезда к месту лечения",
    "региональной социальной доплаты к пенсии",
    "сертификата на региональный материнский капитал",
    "адресной материальной помощи",
    "льготного проезда на пригородном транспорте",
    "обеспечения питанием беременных женщин",
    "жилого помещения детям-сиротам",
    "поддержки социально ориентированных некоммерческих организаций",
]
_QUALIFIERS = [
    "",
    "",
    "",
    " (повторное обращение)",
    " для многодетных семей",
    " для граждан пожилого возраста",
    " для инвалидов",
    " для семей участников СВО",
    " в электронной форме",
]

_NOTES = {
    0: "Информация о порядке и сроках размещена в разделе «Услуги», формы заявлений доступны для скачивания",
    1: "Операторы консультируют по телефону и сообщают о ходе рассмотрения по номеру заявления",
    3: "Бот отвечает на типовые вопросы и при необходимости переводит на оператора контактного центра",
    8: "Документы принимаются в любом отделении МФЦ независимо от места жительства заявителя",
}

# catalogue templates: (id prefix, channel, name, basis kind, offline)
_SHARED_TOUCHPOINTS = [
    ("site", "website", "Официальный сайт министерства", "internal", False),
    ("epgu", "portal", "Единый портал государственных и муниципальных услуг (ЕПГУ)", "npa", False),
    ("rpgu", "portal", "Региональный портал государственных и муниципальных услуг", "npa", False),
    ("cc", "call_center", "Контактный центр министерства", "internal", False),
    ("chatbot", "chatbot", "Чат-бот министерства в мессенджере", "directive", False),
    ("vk", "social_network", "Официальная группа министерства в социальной сети", "directive", False),
    ("app", "mobile_app", "Мобильное приложение «Госуслуги Тульской области»", "agreement", False),
    ("email", "email", "Электронная почта для обращений граждан", "internal", False),
    ("post", "mail", "Почтовое отправление в адрес министерства", "npa", False),
    ("smev", "api", "Межведомственное электронное взаимодействие (СМЭВ)", "npa", False),
]


def _ident(prefix: str, i: int) -> str:
    return f"{prefix}-{i:03d}"


class _Gen:
    def __init__(self, processes: int, seed: int, structure_errors: bool = True) -> None:
        self.n = processes
        #: False: none of the deliberate structure errors (TP003, TP007), for timing what a clean register costs
        self.structure_errors = structure_errors
        self.rnd = random.Random(seed)
        self.n_units = 8 + processes // 100
        self.n_officials = 16 + processes // 25
        self.n_cities = min(len(_CITIES), 6 + processes // 40)
        self.branches_per_city = 1 + processes // 400

    # --- helpers --------------------------------------------------------------
    def chance(self, p: float) -> bool:
        return self.rnd.random() < p

    # --- agency ---------------------------------------------------------------
    def agency(self) -> str:
        out = [
            "id: minsoc-tula",
            "name: Министерство социальной защиты населения Тульской области",
            "short_name: Минсоцзащиты ТО",
            "head:",
            "  position: Министр социальной защиты населения Тульской области",
            "  name: А. А. Иванов",
            "units:",
        ]
        for u in range(self.n_units):
            base = _UNIT_NAMES[u % len(_UNIT_NAMES)]
            suffix = "" if u < len(_UNIT_NAMES) else f" № {u // len(_UNIT_NAMES) + 1}"
            out += [f"  - id: {_ident('unit', u)}", f"    name: {base}{suffix}"]
        out.append("officials:")
        self.officials: list[str] = []
        self.managers: list[str] = []
        for o in range(self.n_officials):
            s = o % len(_SURNAMES)
            ident = f"{_TRANSLIT[s]}-{o:03d}"
            manager = o % 3 == 0
            self.officials.append(ident)
            if manager:
                self.managers.append(ident)
            unit = o % self.n_units
            position = _POSITIONS[0] if manager else _POSITIONS[1 + o % (len(_POSITIONS) - 1)]
            out += [
                f"  - id: {ident}",
                f"    name: {_SURNAMES[s]} {_NAMES[o % len(_NAMES)]}",
                f"    position: {position} — {_UNIT_NAMES[unit % len(_UNIT_NAMES)].lower()}",
                f"    unit: {_ident('unit', unit)}",
                f"    line_manager: {'true' if manager else 'false'}",
            ]
            if o % 4 == 0:
                out.append(f"    contact: {_TRANSLIT[s]}{o}@minsoc.example.ru")
        out += [
            "register:",
            f"  responsible: {self.managers[0]}",
            "  approval:",
            "    kind: order",
            "    title: Приказ министерства «Об утверждении перечня точек взаимодействия с клиентом»",
            "    number: 45-од",
            "    date: 2026-02-10",
            "needs:",
            "  - id: appointment",
            "    name: Запись на прием",
        ]
        return "\n".join(out) + "\n"

    # --- catalogue --------------------------------------------------------------
    def catalogue(self) -> tuple[str, str]:
        acts = ["acts:"]
        self.common_acts: dict[str, str] = {}
        for kind, ident, title in (
            (
                "npa",
                "pp-epgu",
                "Постановление Правительства Российской Федерации «О федеральной государственной "
                "информационной системе „Единый портал государственных и муниципальных услуг (функций)“»",
            ),
            ("npa", "zakon-59", "Федеральный закон «О порядке рассмотрения обращений граждан Российской Федерации»"),
            ("internal", "cc-statute", "Положение о контактном центре министерства"),
            ("internal", "site-order", "Приказ министерства «О порядке ведения официального сайта»"),
            ("directive", "social-order", "Поручение министра о ведении официальных страниц в социальных сетях"),
            ("agreement", "agr-mfc", "Соглашение о взаимодействии между министерством и ГБУ ТО «МФЦ»"),
            ("agreement", "agr-app", "Соглашение о размещении сервисов в мобильном приложении"),
        ):
            acts += [f"  - id: {ident}", f"    kind: {kind}", f"    title: {title}"]
            self.common_acts[kind if kind not in self.common_acts else ident] = ident
        basis_for = {"npa": "pp-epgu", "internal": "cc-statute", "directive": "social-order", "agreement": "agr-mfc"}
        tps = ["touchpoints:"]
        self.digital: list[str] = []
        self.tp_info: list[str] = []
        self.tp_consult: list[str] = []
        self.tp_submit: list[str] = []
        self.offline: list[str] = []
        self.touchpoint_ids: list[str] = []
        for prefix, channel, name, bkind, _off in _SHARED_TOUCHPOINTS:
            basis = [basis_for[bkind]]
            self._tp(tps, prefix, name, channel, basis, offline=False)
        # regional phones per unit, receptions and MFC branches per city
        for u in range(self.n_units):
            ident = _ident("phone", u)
            name = f"Телефон «горячей линии» — {_UNIT_NAMES[u % len(_UNIT_NAMES)].lower()}"
            self._tp(tps, ident, name, "phone", ["cc-statute"] if u % 7 else [], offline=False)
        for c in range(self.n_cities):
            city = _CITIES[c]
            self._tp(
                tps,
                _ident("reception", c),
                f"Приемная территориального отдела, г. {city}",
                "reception",
                ["zakon-59"],
                offline=True,
                address=f"г. {city}, {_STREETS[c % len(_STREETS)]}, д. {c + 1}",
                accessible=c % 5 != 4,
            )
            for b in range(self.branches_per_city):
                self._tp(
                    tps,
                    f"mfc-{c:03d}-{b}",
                    f"Отделение ГБУ ТО «МФЦ» № {b + 1}, г. {city}",
                    "one_stop_center",
                    ["agr-mfc"],
                    offline=True,
                    address=f"г. {city}, {_STREETS[(c + b) % len(_STREETS)]}, д. {10 + b}",
                    operator="ГБУ ТО «МФЦ»",
                    accessible=True,
                )
        for i in range(max(1, self.n // 500)):
            self._tp(
                tps,
                _ident("school", i),
                f"Общеобразовательная школа № {i + 1} (консультационный пункт)",
                "long_stay",
                [],
                offline=True,
                address=f"г. Тула, {_STREETS[i % len(_STREETS)]}, д. {30 + i}",
                accessible=i % 2 == 0,
            )
        self.process_acts: dict[int, str] = {}
        for p in range(self.n):
            if p % 20 == 7:  # a process without its own regulation
                continue
            ident = f"ar-{p:05d}"
            self.process_acts[p] = ident
            acts += [
                f"  - id: {ident}",
                "    kind: npa",
                f"    title: Административный регламент предоставления государственной услуги «{self.title(p)}»",
                f'    number: "{100 + p}"',
                f"    date: 20{20 + p % 6}-{1 + p % 12:02d}-{1 + p % 28:02d}",
            ]
        return "\n".join(acts) + "\n", "\n".join(tps) + "\n"

    def _tp(
        self,
        out: list[str],
        ident: str,
        name: str,
        channel: str,
        basis: list[str],
        *,
        offline: bool,
        address: str | None = None,
        operator: str | None = None,
        accessible: bool = True,
    ) -> None:
        self.touchpoint_ids.append(ident)
        out += [f"  - id: {ident}", f"    name: {name}", f"    channel: {channel}"]
        if operator:
            out.append(f"    operator: {operator}")
        if channel in ("website", "portal"):
            out.append(f"    url: https://{ident}.example.ru")
        if address:
            out.append(f"    address: {address}")
            out.append("    schedule: пн–чт 9:00–18:00, пт 9:00–16:45")
        if offline and accessible:
            out += [
                "    accessibility:",
                "      - Пандус и кнопка вызова у входа",
                "      - Обслуживание на дому по предварительной заявке",
            ]
        if basis:
            out.append(f"    basis: [{', '.join(basis)}]")
        if len(self.touchpoint_ids) % 23:
            out.append(f"    responsible: {self.managers[len(self.touchpoint_ids) % len(self.managers)]}")
        if offline:
            self.offline.append(ident)
        else:
            self.digital.append(ident)

    # --- processes -----------------------------------------------------------------
    def direction(self, p: int) -> str:
        return ("services", "services", "services", "support", "functions", "control", "appeals")[p % 7]

    def title(self, p: int) -> str:
        d = self.direction(p)
        acts = _ACTIONS[d]
        obj = _OBJECTS[(p // 7) % len(_OBJECTS)]
        return f"{acts[p % len(acts)]} {obj}{_QUALIFIERS[(p // 140) % len(_QUALIFIERS)]}"

    def process(self, p: int) -> tuple[str, str]:
        rnd = self.rnd
        ident = f"proc-{p:05d}"
        stem = ident
        if p % 997 == 500 and self.structure_errors:
            ident = f"proc-{p:05d}-old"  # TP007
        lines = [
            f"id: {ident}",
            f"title: {self.title(p)}",
            f"direction: {self.direction(p)}",
            f"units: [{_ident('unit', p % self.n_units)}]",
        ]
        act = self.process_acts.get(p)
        if act:
            lines.append(f"basis: [{act}]")
        formal = p % 25 == 3
        no_feedback = p % 30 == 11
        no_status = p % 40 == 17
        phones = [t for t in self.digital if t.startswith("phone-")]
        receptions = [t for t in self.offline if t.startswith("reception-")]
        mfcs = [t for t in self.offline if t.startswith("mfc-")]
        schools = [t for t in self.offline if t.startswith("school-")]
        city = p % len(receptions)
        if formal:
            chosen = ["epgu", "rpgu", "app", "post", receptions[city], *rnd.sample(mfcs, 5)]
            needs = [["submit", "result"]] * ENTRIES_PER_PROCESS
        else:
            chosen = [
                "site",
                "cc",
                phones[p % len(phones)],
                "chatbot",
                "epgu",
                "email",
                receptions[city],
                *rnd.sample(mfcs, 2),
                schools[p % len(schools)] if p % 3 == 0 else "vk",
            ]
            needs = [
                ["info", "forms"],
                ["consultation", "status"],
                ["consultation"],
                ["info", "consultation"],
                ["submit", "status", "result", "feedback"],
                ["feedback", "feedback_result"],
                ["submit", "result", "appointment"] if p % 2 else ["submit", "result"],
                ["submit", "result"],
                ["submit", "result", "feedback"],
                ["info"],
            ]
            if no_feedback:
                needs = [[n for n in ns if n not in ("feedback", "feedback_result")] or ["info"] for ns in needs]
            if no_status:
                needs = [[n for n in ns if n != "status"] or ["info"] for ns in needs]
        lines.append("touchpoints:")
        for k, (tp, ns) in enumerate(zip(chosen, needs, strict=True)):
            if p % 211 == 13 and k == 3 and self.structure_errors:
                tp = tp[:-1] + "x" if len(tp) > 3 else tp + "x"  # TP003, a typo
            suppress = ""
            if p % 101 == 5 and k == 0:
                suppress = "   # tpkit: ignore[TP106] -- основание указано в регламенте"
            lines.append(f"  - touchpoint: {tp}{suppress}")
            if p % 150 == 9 and k == 2:
                lines.append("    needs: []")  # TP105
            else:
                lines.append(f"    needs: [{', '.join(ns)}]")
            if act and k in (4, 6) and p % 9:
                lines.append(f"    basis: [{act}]")
            if k == 2 and p % 13 == 0:
                lines.append(f"    responsible: {self.officials[p % len(self.officials)]}")
            demand = rnd.random()
            if demand < 0.6:
                lines.append(f"    demand: {rnd.randint(0, 40000)}")
            elif demand < 0.8:
                lines.append("    demand: low")
            else:
                lines.append("    demand: unknown")
            if k == 4:
                lines.append("    notes: Уведомления о ходе рассмотрения заявления направляются в личный кабинет")
            elif k == 6 and p % 2:
                lines.append("    notes: Прием ведется по предварительной записи через ЕПГУ и по телефону")
            elif k in _NOTES:
                lines.append(f"    notes: {_NOTES[k]}")
        if p % 5 == 0:
            lines += ["partners:", "  - name: ГБУ ТО «МФЦ»", f"    touchpoints: [{chosen[7]}]"]
            if p % 50 != 25:
                lines.append("joint_procedure: agr-mfc")
        if p % 3 == 1:
            feat = (
                ("home-visit", "Обследование жилищных условий", chosen[6])
                if p % 2
                else ("fingerprinting", "Дактилоскопическая регистрация", chosen[7])
            )
            lines += [
                "features:",
                f"  - id: {feat[0]}",
                f"    title: {feat[1]}",
                f"    touchpoints: [{feat[2]}]",
                "    description: Специалист заранее согласует с заявителем дату и объясняет цель действия",
            ]
        lines += [
            "notifications:",
            "  - event: Заявление принято к рассмотрению",
            "    touchpoint: epgu",
            "    automatic: true",
        ]
        if p % 17:
            lines.append("    next_step: Решение принимается в течение 10 рабочих дней")
        lines += [
            "  - event: Принято решение по заявлению",
            f"    touchpoint: {chosen[4]}",
            "    next_step: Результат можно получить в личном кабинете или в МФЦ по месту подачи",
            "description: >-",
            "  Процесс включает прием заявления и документов, межведомственные запросы, рассмотрение",
            "  заявления и уведомление заявителя о результате в выбранной им форме.",
        ]
        return stem, "\n".join(lines) + "\n"

    # --- procedures ------------------------------------------------------------------
    def procedures(self) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        tps = self.touchpoint_ids
        chunk = 6
        for i in range(0, len(tps), chunk):
            group = tps[i : i + chunk]
            if i // chunk % 9 == 8:
                continue  # uncovered touchpoints: TP308
            n = i // chunk
            ident = _ident("order", n)
            lines = [
                f"id: {ident}",
                f"title: Порядок взаимодействия с клиентами в точках взаимодействия, группа {n + 1}",
                f"touchpoints: [{', '.join(group)}]",
            ]
            if n % 7:
                lines.append(f"responsible: {self.managers[n % len(self.managers)]}")
            lines += [
                "approval:",
                "  kind: order",
                f"  number: {46 + n}-од",
                "  date: 2026-02-10",
                "sections:",
                "  general:",
                "    goals: [Своевременное и вежливое обслуживание заявителей]",
                "    principles: [Клиентоцентричность, Открытость, Простота языка]",
                "  infrastructure:",
                "    - equipment: Система электронной очереди",
                "      purpose: Учет и вызов посетителей",
                "      usage: Талон выдается при входе, вызов — на табло",
            ]
            if n % 10 != 3:
                lines += [
                    "  requirements:",
                    "    politeness: Сотрудник представляется и обращается к заявителю по имени и отчеству",
                    "    accessibility: Маломобильным заявителям помогает дежурный сотрудник",
                    "    result_orientation: Сотрудник доводит обращение до результата",
                    "    methods: [Метод активного слушания, Методы предотвращения конфликтов]",
                    "    notifications: В уведомлении указывается срок следующего этапа",
                ]
            lines += [
                "  tools:",
                "    - kind: script",
                "      name: Скрипт приветствия и выяснения цели обращения",
                "    - kind: faq",
                "      name: Типовые ответы на часто задаваемые вопросы",
                "  specifics:",
                "    - feature: home-visit",
                "      instruction: Сотрудник объясняет цель обследования и согласует удобное время",
                "    - clients: Граждане с нарушением слуха",
                "      instruction: Используется текстовая форма общения",
                "  feedback:",
                f"    rating_each_stage: {'true' if n % 4 else 'false'}",
                "    pretrial_appeal: Сотрудник разъясняет право на досудебное обжалование через ЕПГУ",
                "    channels: [epgu, cc]",
                "  control:",
                "    - subject: Соблюдение сроков ожидания",
                "      periodicity: ежемесячно",
                "      tool: Выгрузка из системы электронной очереди",
                "      corrective_measures: [Перераспределение сотрудников в часы пик]",
                "assessment:",
            ]
            for k, tp in enumerate(group):
                lines += [
                    f"  - touchpoint: {tp}",
                    "    simplicity: {status: ok}",
                    "    convenience: {status: ok}",
                ]
                if (n + k) % 5 == 0:
                    lines.append("    promptness: {status: gap, finding: Ожидание до 40 минут}")
                else:
                    lines.append(
                        "    promptness: {status: gap, finding: Ожидание до 40 минут, "
                        "mitigation: Предварительная запись через ЕПГУ}"
                    )
                if k % 4:
                    lines.append("    accessibility: {status: ok}")
            out.append((ident, "\n".join(lines) + "\n"))
        return out


def generate(root: Path, processes: int = 1000, seed: int = 2026, *, structure_errors: bool = True) -> Path:
    """Write a registry with ``processes`` process files under ``root`` (replaced if present).

    ``structure_errors=False`` leaves out the deliberate structure errors (a misspelt reference, an id that differs
    from its file name); the methodology's mistakes stay.
    """
    if root.exists():
        shutil.rmtree(root)
    (root / "processes").mkdir(parents=True)
    (root / "procedures").mkdir()
    g = _Gen(processes, seed, structure_errors)
    (root / "tpkit.yaml").write_text("version: 1\nlanguage: ru\n", encoding="utf-8")
    (root / "agency.yaml").write_text(g.agency(), encoding="utf-8")
    acts, tps = g.catalogue()
    (root / "acts.yaml").write_text(acts, encoding="utf-8")
    (root / "touchpoints.yaml").write_text(tps, encoding="utf-8")
    for p in range(processes):
        stem, text = g.process(p)
        (root / "processes" / f"{stem}.yaml").write_text(text, encoding="utf-8")
    for stem, text in g.procedures():
        (root / "procedures" / f"{stem}.yaml").write_text(text, encoding="utf-8")
    return root


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--processes", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--no-structure-errors", action="store_true", help="no deliberate TP003/TP007 errors")
    args = ap.parse_args()
    generate(args.out, args.processes, args.seed, structure_errors=not args.no_structure_errors)
    print(f"{args.out}: {args.processes} processes")


if __name__ == "__main__":
    main()
