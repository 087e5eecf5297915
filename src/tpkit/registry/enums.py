"""The registry's vocabularies, defined once.

Needs, channels and their forms, directions of activity, act kinds and the
seven procedure sections live here; models, JSON Schemas, lint messages and
document templates all read them from this module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Literal, get_args

# --- needs (удовлетворяемые потребности) -----------------------------------

NEEDS: Final[dict[str, dict[str, str]]] = {
    "info": {"ru": "получение информации", "en": "getting information", "short": "инф"},
    "consultation": {"ru": "получение консультации", "en": "getting a consultation", "short": "конс"},
    "forms": {"ru": "получение форм документов", "en": "getting document forms", "short": "формы"},
    "submit": {
        "ru": "предоставление заявления, обращения, запроса, документов",
        "en": "submitting an application, appeal, request or documents",
        "short": "подача",
    },
    "status": {
        "ru": "получение информации о ходе рассмотрения заявления, обращения, запроса",
        "en": "getting the status of an application, appeal or request",
        "short": "статус",
    },
    "result": {
        "ru": "получение результата, ответа, разъяснения",
        "en": "getting the result, answer or explanation",
        "short": "рез",
    },
    "inspection": {
        "ru": "предоставление объектов для осмотра (проверки)",
        "en": "presenting objects for inspection",
        "short": "осмотр",
    },
    "feedback": {"ru": "предоставление обратной связи", "en": "giving feedback", "short": "ОС"},
    "feedback_result": {
        "ru": "получение результата рассмотрения обратной связи",
        "en": "getting the outcome of feedback",
        "short": "рез. ОС",
    },
}

# --- channels and forms ---------------------------------------------------------

FORM_LABELS: Final[dict[str, dict[str, str]]] = {
    "digital": {"ru": "цифровая", "en": "digital"},
    "offline": {"ru": "оффлайн", "en": "offline"},
}

CHANNELS: Final[dict[str, dict[str, str]]] = {
    "website": {"form": "digital", "ru": "официальный сайт", "en": "official website"},
    "portal": {"form": "digital", "ru": "портал", "en": "portal"},
    "mobile_app": {"form": "digital", "ru": "мобильное приложение", "en": "mobile app"},
    "social_network": {"form": "digital", "ru": "социальная сеть", "en": "social network"},
    "messenger": {"form": "digital", "ru": "мессенджер", "en": "messenger"},
    "chatbot": {"form": "digital", "ru": "чат-бот", "en": "chatbot"},
    "voice_assistant": {"form": "digital", "ru": "голосовой помощник", "en": "voice assistant"},
    "call_center": {"form": "digital", "ru": "колл-центр", "en": "call centre"},
    "phone": {"form": "digital", "ru": "телефон", "en": "phone"},
    "email": {"form": "digital", "ru": "электронная почта", "en": "e-mail"},
    "api": {"form": "digital", "ru": "программное взаимодействие (API)", "en": "API"},
    "other_digital": {"form": "digital", "ru": "иная цифровая точка", "en": "other digital"},
    "reception": {"form": "offline", "ru": "место приема клиентов", "en": "reception"},
    "one_stop_center": {
        "form": "offline",
        "ru": "МФЦ «Мои документы»",
        "en": "one-stop centre (MFC)",
    },
    "business_center": {"form": "offline", "ru": "центр «Мой бизнес»", "en": "business centre"},
    "employment_center": {"form": "offline", "ru": "центр занятости населения", "en": "employment centre"},
    "migration_center": {"form": "offline", "ru": "центр миграции", "en": "migration centre"},
    "tourist_center": {"form": "offline", "ru": "туристический центр", "en": "tourist centre"},
    "support_infrastructure": {
        "form": "offline",
        "ru": "организация инфраструктуры поддержки",
        "en": "support infrastructure",
    },
    "long_stay": {
        "form": "offline",
        "ru": "место длительного нахождения",
        "en": "long-stay place (school, hospital)",
    },
    "mail": {"form": "offline", "ru": "почтовое отправление", "en": "post"},
    "other_offline": {"form": "offline", "ru": "иная оффлайн-точка", "en": "other offline"},
}

# --- directions of activity -----------------------------------------------------

# "short": a sheet name in the register's XLSX (at most 31 characters)
DIRECTIONS: Final[dict[str, dict[str, str]]] = {
    "services": {"ru": "Предоставление услуг (сервисов)", "en": "Services", "short": "Услуги (сервисы)"},
    "functions": {"ru": "Выполнение функций", "en": "Functions", "short": "Функции"},
    "support": {
        "ru": "Предоставление мер государственной поддержки",
        "en": "Support measures",
        "short": "Меры господдержки",
    },
    "control": {
        "ru": "Осуществление государственного контроля (надзора)",
        "en": "Control and supervision",
        "short": "Контроль (надзор)",
    },
    "appeals": {
        "ru": "Рассмотрение обращений и запросов",
        "en": "Appeals and requests",
        "short": "Обращения и запросы",
    },
}

# --- acts -------------------------------------------------------------------------

ACT_KINDS: Final[dict[str, dict[str, str]]] = {
    "npa": {"ru": "нормативный правовой акт", "en": "regulatory legal act"},
    "internal": {"ru": "ненормативный (внутренний) акт", "en": "internal act"},
    "agreement": {"ru": "акт, контракт, соглашение о порядке работы точки", "en": "agreement or contract"},
    "directive": {
        "ru": "распорядительное действие (поручение, резолюция)",
        "en": "directive (instruction, resolution)",
    },
}

APPROVAL_KINDS: Final[dict[str, dict[str, str]]] = {
    "order": {"ru": "приказом", "en": "by order"},
    "resolution": {"ru": "резолюцией", "en": "by resolution"},
    "other": {"ru": "", "en": ""},
}

# --- procedures ------------------------------------------------------------------

SECTIONS: Final[dict[str, dict[str, str]]] = {
    "general": {"ru": "Общие положения", "en": "General provisions"},
    "infrastructure": {
        "ru": "Техническо-организационное обеспечение и инфраструктура",
        "en": "Technical and organisational support and infrastructure",
    },
    "requirements": {"ru": "Общие требования к взаимодействию", "en": "General interaction requirements"},
    "tools": {"ru": "Инструменты", "en": "Tools"},
    "specifics": {
        "ru": "Специфика взаимодействия с отдельными клиентами, услугами",
        "en": "Specifics for particular clients and services",
    },
    "feedback": {"ru": "Обратная связь", "en": "Feedback"},
    "control": {"ru": "Формы и сроки контроля", "en": "Forms and terms of control"},
}
SECTION_KEYS: Final[tuple[str, ...]] = tuple(SECTIONS)

TOOL_KINDS: Final[dict[str, dict[str, str]]] = {
    "script": {"ru": "скрипт", "en": "script"},
    "faq": {"ru": "типовые ответы на часто задаваемые вопросы", "en": "FAQ"},
    "auto_classification": {
        "ru": "автоматическая классификация обращений по теме и тональности",
        "en": "automatic classification",
    },
    "template": {"ru": "шаблон", "en": "template"},
    "knowledge_base": {"ru": "база знаний", "en": "knowledge base"},
    "other": {"ru": "иной инструмент", "en": "other"},
}

ASSESSMENT_CRITERIA: Final[dict[str, dict[str, str]]] = {
    "simplicity": {"ru": "простота", "en": "simplicity"},
    "convenience": {"ru": "удобство", "en": "convenience"},
    "promptness": {"ru": "оперативность", "en": "promptness"},
    "accessibility": {"ru": "доступность", "en": "accessibility"},
}

DEMAND_WORDS: Final[dict[str, dict[str, str]]] = {
    "low": {"ru": "маловостребована", "en": "low demand"},
    "unknown": {"ru": "учет не велся", "en": "not recorded"},
}

# --- what an id names ---------------------------------------------------------------

#: the kinds of object an id names, for the messages about an unknown or repeated id
OBJECT_KINDS: Final[dict[str, dict[str, str]]] = {
    "unit": {"ru": "подразделение", "en": "unit"},
    "official": {"ru": "должностное лицо", "en": "official"},
    "act": {"ru": "акт", "en": "act"},
    "touchpoint": {"ru": "точка взаимодействия", "en": "touchpoint"},
    "process": {"ru": "процесс", "en": "process"},
    "procedure": {"ru": "порядок", "en": "procedure"},
    "feature": {"ru": "особенность процесса", "en": "process feature"},
    "need": {"ru": "потребность", "en": "need"},
    "act_or_procedure": {"ru": "акт или порядок", "en": "act or procedure"},
}

# --- the codes as types ----------------------------------------------------------------

# The models' Literal types are made from the tables above, so a code is added in one place: its table. The JSON
# Schemas list the codes in the tables' order. mypy sees plain ``str`` (a Literal must be spelt out for it).
if TYPE_CHECKING:
    Channel = str
    Direction = str
    ActKind = str
    ApprovalKind = str
    ToolKind = str
    DemandWord = str
else:
    Channel = Literal[tuple(CHANNELS)]
    Direction = Literal[tuple(DIRECTIONS)]
    ActKind = Literal[tuple(ACT_KINDS)]
    ApprovalKind = Literal[tuple(APPROVAL_KINDS)]
    ToolKind = Literal[tuple(TOOL_KINDS)]
    DemandWord = Literal[tuple(DEMAND_WORDS)]
Language = Literal["ru", "en"]
SeverityName = Literal["error", "warning", "info"]
#: ``lint.fail_on`` and ``--fail-on``: exit 1 from this severity up, or never
FailOn = Literal[SeverityName, "never"]
#: the languages of messages, help and documents (``--lang``, ``TPKIT_LANG``, ``language:``)
LANGUAGES: tuple[str, ...] = get_args(Language)
#: the severities, gravest first
SEVERITIES: tuple[str, ...] = get_args(SeverityName)
FAIL_ON: tuple[str, ...] = get_args(FailOn)


def form_of(channel: str) -> str:
    """The form (digital/offline) of a channel."""
    return CHANNELS[channel]["form"]
