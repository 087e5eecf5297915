"""JSON Schemas (draft 2020-12) of every file kind, generated from the models.

The field texts (Russian ``description``/``markdownDescription`` and ``examples``) come from
:mod:`tpkit.registry.fielddocs`, the labels of codes (``enumDescriptions``) from :mod:`tpkit.registry.enums`.
Need codes: the schemas shipped with tpkit (no registry) offer the nine standard codes and accept any other id
(an agency may declare its own); the schemas of a registry (``tpkit schema`` inside one, ``tpkit init``) list
the nine and the agency's own needs and accept nothing else.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .registry.enums import (
    ACT_KINDS,
    APPROVAL_KINDS,
    CHANNELS,
    DEMAND_WORDS,
    DIRECTIONS,
    FAIL_ON,
    FORM_LABELS,
    LANGUAGES,
    NEEDS,
    SEVERITIES,
    TOOL_KINDS,
)
from .registry.fielddocs import FIELD_DOCS, MODEL_DOCS
from .registry.files import FOLDERS, TOP_FILES
from .registry.models import FILE_KINDS, ID_PATTERN

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
BASE_ID = "https://tpkit.invalid/schemas/"

#: file kind -> (schema file name, which registry files it describes)
SCHEMA_FILES: dict[str, tuple[str, str]] = {
    **{kind: (f"{kind}.schema.json", name) for name, kind in TOP_FILES.items()},
    **{kind: (f"{kind}.schema.json", f"{folder}/*.yaml") for folder, kind in FOLDERS.items()},
}

#: Russian labels of the codes a schema lists, found by the codes themselves
_CODE_LABELS: dict[tuple[str, ...], list[str]] = {
    tuple(table): [v["ru"] for v in table.values()]
    for table in (ACT_KINDS, DEMAND_WORDS, DIRECTIONS, TOOL_KINDS, NEEDS)
}
# the table's labels are the words of the approval stamp («утвержден приказом»)
_CODE_LABELS[tuple(APPROVAL_KINDS)] = ["приказ", "резолюция", "иной документ"]
_CODE_LABELS[tuple(CHANNELS)] = [f"{v['ru']} ({FORM_LABELS[v['form']]['ru']})" for v in CHANNELS.values()]
_CODE_LABELS[("process", "direction")] = ["отдельный процесс", "единый процесс для всего направления деятельности"]
_CODE_LABELS[("ok", "gap")] = ["критерий соблюден", "есть недостаток"]
_CODE_LABELS[SEVERITIES] = ["ошибка", "предупреждение", "информация"]
_CODE_LABELS[FAIL_ON] = [*_CODE_LABELS[SEVERITIES], "никогда"]
_CODE_LABELS[LANGUAGES] = ["русский", "английский"]

#: where the schemas hold a need code
_NEED_FIELDS = (("ProcessTouchpoint", "needs"),)


def _texts(node: dict[str, Any], markdown: str) -> None:
    label = markdown.replace("`", "")
    node["description"] = label
    if label != markdown:
        node["markdownDescription"] = markdown


def _label_codes(node: Any) -> None:
    """Add the Russian label of every code to the lists of codes (completion details and hover)."""
    if isinstance(node, dict):
        codes = node.get("enum")
        labels = (
            _CODE_LABELS.get(tuple(codes))
            if isinstance(codes, list) and all(isinstance(c, str) for c in codes)
            else None
        )
        if labels is not None and "enumDescriptions" not in node:
            node["enumDescriptions"] = labels
        for value in node.values():
            _label_codes(value)
    elif isinstance(node, list):
        for value in node:
            _label_codes(value)


def _need_items(agency_needs: dict[str, str] | None) -> dict[str, Any]:
    codes = {code: v["ru"] for code, v in NEEDS.items()}
    if agency_needs is None:
        standard: dict[str, Any] = {"type": "string", "enum": list(codes), "enumDescriptions": list(codes.values())}
        _texts(standard, "Стандартная потребность по методике.")
        own: dict[str, Any] = {"type": "string", "pattern": ID_PATTERN}
        _texts(own, "Собственная потребность ведомства, объявленная в `agency.yaml` (`needs`).")
        return {"anyOf": [standard, own]}
    codes.update((code, label) for code, label in agency_needs.items() if code not in codes)
    items: dict[str, Any] = {"type": "string", "enum": list(codes), "enumDescriptions": list(codes.values())}
    _texts(items, "Потребность: стандартная по методике или собственная ведомства из `agency.yaml` (`needs`).")
    return items


def _document(model_name: str, schema: dict[str, Any], agency_needs: dict[str, str] | None) -> None:
    schema.pop("title", None)
    schema.pop("description", None)
    docs = FIELD_DOCS.get(model_name, {})
    for field, prop in schema.get("properties", {}).items():
        prop.pop("title", None)
        doc = docs.get(field)
        if isinstance(doc, tuple):
            _texts(prop, doc[0])
            prop["examples"] = doc[1]
        elif doc is not None:
            _texts(prop, doc)
        for sub in [prop.get("items"), *prop.get("anyOf", ())]:
            if isinstance(sub, dict):
                sub.pop("description", None)  # a type's own English note; the field's text says it
        if (model_name, field) in _NEED_FIELDS:
            prop["items"] = _need_items(agency_needs)


def schema_for(kind: str, agency_needs: dict[str, str] | None = None) -> dict[str, Any]:
    """The schema of a file kind; ``agency_needs`` (code -> label) makes it a registry's (see the module)."""
    model = FILE_KINDS[kind]
    name = SCHEMA_FILES[kind][0]
    body = model.model_json_schema(mode="validation")
    for def_name, sub in body.get("$defs", {}).items():
        _document(def_name, sub, agency_needs)
    _document(model.__name__, body, agency_needs)
    _label_codes(body)
    doc: dict[str, Any] = {"$schema": SCHEMA_DIALECT, "$id": BASE_ID + name}
    _texts(doc, MODEL_DOCS[model.__name__])
    doc.update(body)
    return doc


def render_all(agency_needs: dict[str, str] | None = None) -> dict[str, str]:
    """Schema file name -> its text (deterministic); with ``agency_needs``, a registry's schemas."""
    return {
        SCHEMA_FILES[kind][0]: json.dumps(schema_for(kind, agency_needs), ensure_ascii=False, indent=2) + "\n"
        for kind in FILE_KINDS
    }


def needs_of_agency(data: Any) -> dict[str, str]:
    """The agency's own need codes and labels from the data of ``agency.yaml``, leniently: what is not a
    well-formed need (lint reports it) is left out."""
    out: dict[str, str] = {}
    needs = data.get("needs") if isinstance(data, dict) else None
    for need in needs if isinstance(needs, list) else ():
        if not isinstance(need, dict):
            continue
        code, name = need.get("id"), need.get("name")
        if isinstance(code, str) and re.fullmatch(ID_PATTERN, code) and code not in NEEDS and code not in out:
            out[code] = str(name) if isinstance(name, (str, int)) and str(name).strip() else code
    return out


def registry_needs(root: Path) -> dict[str, str]:
    """The own needs declared in a registry's ``agency.yaml`` (none if it is missing or unreadable)."""
    from .registry.source import read_source

    path = root / "agency.yaml"
    if not path.is_file():
        return {}
    return needs_of_agency(read_source(root, path, "agency").data)


def write(out_dir: Path, agency_needs: dict[str, str] | None = None) -> list[Path]:
    from .util import atomic_write_text

    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_all(agency_needs).items():
        path = out_dir / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            atomic_write_text(path, text)
            written.append(path)
    return written


def check(out_dir: Path, agency_needs: dict[str, str] | None = None) -> list[str]:
    """Names of schema files that are missing or differ from what the code generates."""
    stale = []
    for name, text in render_all(agency_needs).items():
        path = out_dir / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    return stale
