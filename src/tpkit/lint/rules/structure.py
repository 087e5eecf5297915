"""TP0: structure. The reader and the registry builder raise these; the classes carry their docs."""

from __future__ import annotations

from ..rule import Rule, register
from ._common import ACTS, PROCESS, TOUCHPOINTS

_WHY_STRUCT = {
    "ru": "Перечень и порядки — официальные документы ведомства: tpkit должен прочитать каждый файл целиком, "
    "иначе правила методики проверяют неполные данные.",
    "en": "The register and the procedures are the agency's official documents: every file must be read "
    "whole, or the methodology rules would check partial data.",
}


@register
class InvalidYaml(Rule):
    """A file is not valid YAML."""

    code = "TP001"
    name = "invalid-yaml"
    severity = "error"
    always_on = True
    summary = {
        "ru": "файл не является корректным YAML: синтаксис, табуляция, повторяющийся ключ, чужой тег, YAML-бомба",
        "en": "a file is not valid YAML: syntax, tab indentation, duplicate key, unsupported tag, YAML bomb",
    }
    message = {"ru": "{detail}", "en": "{detail}"}
    rationale = _WHY_STRUCT
    anti_pattern = {
        "processes/child-benefit.yaml": (
            "id: child-benefit\n"
            "title: Назначение выплаты\n"
            "title: Назначение ежемесячной выплаты   # тот же ключ дважды\n"
        )
    }
    best_practice = {"processes/child-benefit.yaml": PROCESS}


@register
class SchemaViolation(Rule):
    """A document breaks the schema."""

    code = "TP002"
    name = "schema-violation"
    severity = "error"
    always_on = True
    summary = {
        "ru": "документ нарушает схему: нет обязательного ключа, неизвестный ключ, неверный тип или значение",
        "en": "a document breaks the schema: missing or unknown key, wrong type or value, bad id",
    }
    message = {"ru": "{detail}", "en": "{detail}"}
    rationale = _WHY_STRUCT
    anti_pattern = {
        "touchpoints.yaml": (
            "touchpoints:\n"
            "  - id: site\n"
            "    name: Официальный сайт министерства\n"
            "    chanel: website          # опечатка в ключе\n"
        )
    }
    best_practice = {"touchpoints.yaml": TOUCHPOINTS}


@register
class UnknownReference(Rule):
    """A reference names nothing."""

    code = "TP003"
    name = "unknown-reference"
    severity = "error"
    always_on = True
    summary = {
        "ru": "ссылка ни на что не указывает: подразделение, должностное лицо, акт, точка, потребность, особенность",
        "en": "a reference names nothing: unit, official, act, touchpoint, need, procedure or feature",
    }
    message = {"ru": "{detail}", "en": "{detail}"}
    rationale = {
        "ru": "Каждая точка взаимодействия процесса должна быть точкой из перечня, с основанием из актов ведомства "
        "и ответственным из его должностных лиц (разд. «Формирование перечня точек взаимодействия»).",
        "en": "Each touchpoint of a process must be a catalogue touchpoint, with a basis among the agency's acts "
        "and a responsible among its officials (section on forming the register).",
    }
    anti_pattern = {
        "processes/child-benefit.yaml": (
            "id: child-benefit\n"
            "title: Назначение ежемесячной выплаты\n"
            "direction: services\n"
            "touchpoints:\n"
            "  - touchpoint: gosuslugi        # в перечне эта точка — epgu\n"
            "    needs: [info, consultation, submit, status, result, feedback]\n"
        )
    }
    best_practice = {
        "processes/child-benefit.yaml": (
            "id: child-benefit\n"
            "title: Назначение ежемесячной выплаты\n"
            "direction: services\n"
            "touchpoints:\n"
            "  - touchpoint: epgu\n"
            "    needs: [info, consultation, submit, status, result, feedback]\n"
        )
    }


@register
class DuplicateId(Rule):
    """Two objects of one kind share an id."""

    code = "TP004"
    name = "duplicate-id"
    severity = "error"
    always_on = True
    summary = {
        "ru": "два объекта одного вида с одинаковым идентификатором",
        "en": "two objects of one kind share an id",
    }
    message = {"ru": "{detail}", "en": "{detail}"}
    rationale = _WHY_STRUCT
    anti_pattern = {
        "acts.yaml": (
            "acts:\n"
            "  - id: ar-benefit\n"
            "    kind: npa\n"
            "    title: Административный регламент\n"
            "  - id: ar-benefit\n"
            "    kind: internal\n"
            "    title: Положение о контактном центре\n"
        )
    }
    best_practice = {
        "acts.yaml": (
            "acts:\n"
            "  - id: ar-benefit\n"
            "    kind: npa\n"
            "    title: Административный регламент\n"
            "  - id: cc-statute\n"
            "    kind: internal\n"
            "    title: Положение о контактном центре\n"
        )
    }


@register
class BadEncoding(Rule):
    """A file is not UTF-8 text."""

    code = "TP005"
    name = "bad-encoding"
    severity = "error"
    always_on = True
    summary = {
        "ru": "файл не в UTF-8 (например, Windows-1251 или UTF-16) или содержит нулевые байты",
        "en": "a file is not UTF-8 (Windows-1251 or UTF-16, say) or holds NUL bytes",
    }
    message = {"ru": "{detail}", "en": "{detail}"}
    rationale = _WHY_STRUCT
    anti_pattern = {"acts.yaml": "acts:\n  - id: ar\n    kind: npa\n    title: Регламент\n".encode("cp1251")}
    best_practice = {"acts.yaml": ACTS}


@register
class MissingFile(Rule):
    """A required file is absent."""

    code = "TP006"
    name = "missing-file"
    severity = "error"
    always_on = True
    summary = {
        "ru": "нет обязательного файла agency.yaml или touchpoints.yaml",
        "en": "agency.yaml or touchpoints.yaml is absent",
    }
    message = {"ru": "{detail}", "en": "{detail}"}
    rationale = {
        "ru": "Перечень формируется ведомством и содержит его точки взаимодействия: без описания ведомства и "
        "перечня точек реестр неполон.",
        "en": "The register is the agency's and lists its touchpoints: without the agency and the catalogue "
        "it is incomplete.",
    }
    anti_pattern = {"touchpoints.yaml": None}
    best_practice = {}


@register
class IdFilenameMismatch(Rule):
    """A process or procedure id differs from its file name."""

    code = "TP007"
    name = "id-filename-mismatch"
    severity = "warning"
    summary = {
        "ru": "идентификатор процесса или порядка не совпадает с именем файла",
        "en": "a process or procedure id differs from its file name",
    }
    message = {"ru": "{detail}", "en": "{detail}"}
    rationale = {
        "ru": "Имя файла — первое, что видит рецензент в запросе на слияние: оно должно называть тот же объект.",
        "en": "The file name is what a reviewer sees first in a merge request: it must name the same object.",
    }
    anti_pattern = {
        "processes/benefit.yaml": (
            "id: child-benefit\n"
            "title: Назначение ежемесячной выплаты\n"
            "direction: services\n"
            "touchpoints:\n"
            "  - touchpoint: epgu\n"
            "    needs: [info, consultation, submit, status, result, feedback]\n"
        )
    }
    best_practice = {
        "processes/child-benefit.yaml": (
            "id: child-benefit\n"
            "title: Назначение ежемесячной выплаты\n"
            "direction: services\n"
            "touchpoints:\n"
            "  - touchpoint: epgu\n"
            "    needs: [info, consultation, submit, status, result, feedback]\n"
        )
    }
