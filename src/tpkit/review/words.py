"""Words and value formatting shared by the diff reports (Russian by default, English with --lang en)."""

from __future__ import annotations

import json
from typing import Any

from ..registry.enums import SECTION_KEYS, SECTIONS
from .diff import Diff

WORDS: dict[str, dict[str, str]] = {
    "ru": {
        "title": "Изменения реестра",
        "no_changes": "Изменений по существу нет",
        "processes": "Процессы",
        "touchpoints": "Каталог точек взаимодействия",
        "procedures": "Порядки взаимодействия",
        "acts": "Акты",
        "officials": "Должностные лица",
        "units": "Подразделения",
        "needs": "Потребности ведомства",
        "agency": "Ведомство",
        "findings": "Замечания",
        "introduced": "новые",
        "resolved": "устранены",
        "added": "добавлено",
        "removed": "удалено",
        "changed": "изменено",
        "invalid": "файл не прочитан — см. замечания",
        "file": "файл",
        "touchpoint": "точка",
        "entries": "Точки процессов",
        "needs_word": "потребности",
        "need_plus": "потребности +",
        "features": "особенности",
        "notifications": "уведомления",
        "sections": "разделы",
        "register_sections": "разделы по изменениям перечня",
        "assessment": "оценка",
        "demand": "востребованность",
        "change": "изменение",
        "other": "прочее",
        "more": "и еще {n}: полный список — tpkit diff --format md",
        "sp_short": "Пр",
        "tp_short": "Т",
        "pr_short": "Пор",
        "summary_sep": " · ",
    },
    "en": {
        "title": "Registry changes",
        "no_changes": "No changes in meaning",
        "processes": "Processes",
        "touchpoints": "Touchpoint catalogue",
        "procedures": "Interaction procedures",
        "acts": "Acts",
        "officials": "Officials",
        "units": "Units",
        "needs": "Agency needs",
        "agency": "Agency",
        "findings": "Findings",
        "introduced": "introduced",
        "resolved": "resolved",
        "added": "added",
        "removed": "removed",
        "changed": "changed",
        "invalid": "file not read — see the findings",
        "file": "file",
        "touchpoint": "touchpoint",
        "entries": "Process touchpoints",
        "needs_word": "needs",
        "need_plus": "needs +",
        "features": "features",
        "notifications": "notifications",
        "sections": "sections",
        "register_sections": "sections the register's changes rewrite",
        "assessment": "assessment",
        "demand": "demand",
        "change": "change",
        "other": "other",
        "more": "and {n} more: the full list — tpkit diff --format md",
        "sp_short": "P",
        "tp_short": "T",
        "pr_short": "Proc",
        "summary_sep": " · ",
    },
}

FIELDS: dict[str, dict[str, str]] = {
    "ru": {
        "title": "название",
        "name": "наименование",
        "short_name": "краткое наименование",
        "head": "руководитель",
        "direction": "направление",
        "scope": "охват",
        "units": "подразделения",
        "basis": "основание",
        "partners": "партнеры",
        "joint_procedure": "совместный порядок",
        "description": "описание",
        "responsible": "ответственный",
        "demand": "востребованность",
        "notes": "примечание",
        "channel": "канал",
        "operator": "оператор",
        "url": "адрес в интернете",
        "address": "адрес",
        "phone": "телефон",
        "schedule": "график",
        "accessibility": "доступность",
        "touchpoints": "точки",
        "embedded_in": "входит в акт",
        "approval": "утверждение",
        "revision": "ревизия",
        "kind": "вид",
        "number": "номер",
        "date": "дата",
        "position": "должность",
        "unit": "подразделение",
        "line_manager": "линейный руководитель",
        "contact": "контакт",
        "short": "краткое",
        "touchpoint": "точка",
        "event": "событие",
        "automatic": "автоматически",
        "next_step": "следующий шаг",
        "simplicity": "простота",
        "convenience": "удобство",
        "promptness": "оперативность",
        "features": "особенности",
        "notifications": "уведомления",
        "register.responsible": "ответственный за перечень",
        "register.approval": "утверждение перечня",
        # a person's name is «ФИО»; «наименование» is an organisation's or a document's
        "official.name": "ФИО",
        "head.name": "ФИО",
    },
    "en": {"register.responsible": "register responsible", "register.approval": "register approval"},
}


def w(lang: str) -> dict[str, str]:
    return WORDS["ru" if lang == "ru" else "en"]


def field_name(key: str, lang: str, kind: str = "") -> str:
    """A field's label; ``kind`` (``official``, ``head``…) picks a label of its own where one is («ФИО»)."""
    labels = FIELDS["ru" if lang == "ru" else "en"]
    return labels.get(f"{kind}.{key}") or labels.get(key, key)


def section_label(key: str, lang: str) -> str:
    n = SECTION_KEYS.index(key) + 1 if key in SECTION_KEYS else 0
    label = SECTIONS.get(key, {}).get("ru" if lang == "ru" else "en", key)
    return f"{n}. {label}" if n else label


def clip(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def is_scalar_list(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, (str, int, float, bool)) for x in v)


def fmt_value(v: Any, limit: int = 120, lang: str = "ru") -> str:
    """A canonical value as a reader sees it."""
    if v is None:
        return "—"
    if isinstance(v, bool):
        if lang == "ru":
            return "да" if v else "нет"
        return "yes" if v else "no"
    if isinstance(v, str):
        return f"«{clip(v, limit)}»"
    if isinstance(v, (int, float)):
        return str(v)
    if is_scalar_list(v):
        return clip(", ".join(str(x) for x in v), limit) if v else "—"
    if isinstance(v, dict):
        return clip("; ".join(f"{field_name(k, lang)}: {_plain(x)}" for k, x in v.items()), limit)
    return clip(json.dumps(v, ensure_ascii=False), limit)


def _plain(v: Any) -> str:
    if isinstance(v, str):
        return v
    if isinstance(v, dict):
        return "{" + "; ".join(f"{k}: {_plain(x)}" for k, x in v.items()) + "}"
    if isinstance(v, list):
        return ", ".join(_plain(x) for x in v)
    return str(v)


def fmt_field(key: str, pair: tuple[Any, Any] | list[Any], lang: str, limit: int = 120, kind: str = "") -> str:
    """``name: old → new``; for lists of ids, ``name: +a −b``; for two mappings (an approval, an assessment), the
    keys that changed, each as ``key: old → new`` (both whole, cut at ``limit``, would hide a new number after a
    long title)."""
    old, new = pair
    name = field_name(key, lang, kind)
    if isinstance(old, dict) and isinstance(new, dict):
        keys = list(dict.fromkeys([*old, *new]))
        changes = [
            fmt_field(k, (old.get(k), new.get(k)), lang, limit, kind=key) for k in keys if old.get(k) != new.get(k)
        ]
        return f"{name}: {'; '.join(changes)}"
    if (
        (old is None or is_scalar_list(old))
        and (new is None or is_scalar_list(new))
        and (old or new)
        and (isinstance(old, list) or isinstance(new, list))
    ):
        a, b = set(old or []), set(new or [])
        parts = [f"+{x}" for x in sorted(b - a, key=str)] + [f"−{x}" for x in sorted(a - b, key=str)]
        return f"{name}: {' '.join(parts)}"
    return f"{name}: {fmt_value(old, limit, lang)} → {fmt_value(new, limit, lang)}"


def name_of(d: Diff, kind: str, ident: str) -> str:
    return d.names.get((kind, ident), "")


def needs_text(d: Diff, codes: list[str]) -> str:
    return "; ".join(d.need_labels.get(c, c) for c in codes)


def changed_counts(counts: dict[str, Any]) -> list[tuple[str, dict[str, int]]]:
    """(word key, added/removed/changed) of each kind that changed, in :attr:`Diff.KINDS` order, entries last."""
    keys = [*((kind, kind) for kind in Diff.KINDS), ("entries", "process_touchpoints")]
    return [(word, counts[key]) for word, key in keys if any(counts[key][x] for x in ("added", "removed", "changed"))]


def counts_line(d: Diff, lang: str) -> str:
    """The headline: counts per kind, the kinds that changed only."""
    ww = w(lang)
    c = d.counts()
    parts = [f"{ww[word]}: +{k['added']} −{k['removed']} ~{k['changed']}" for word, k in changed_counts(c)]
    if d.agency:
        parts.append(f"{ww['agency']}: ~{len(d.agency)}")
    f = c["findings"]
    parts.append(f"{ww['findings']}: {ww['introduced']} {f['introduced']}, {ww['resolved']} {f['resolved']}")
    return ww["summary_sep"].join(parts)
