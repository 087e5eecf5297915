"""What each key of the registry's files means, in Russian: the one source of the JSON Schemas' field texts.

``FIELD_DOCS[model class name][field]`` is the text an editor shows on hover (yaml-language-server reads the
schemas' ``description``/``markdownDescription``), optionally with ``examples`` it offers as values. The texts are
prose, kept as data in ``fielddocs.yaml`` beside this module, where the people who write the methodology's words
can edit them; the schemas' plain ``description`` is the same text without backticks. Codes of a vocabulary get
their labels from :mod:`tpkit.registry.enums`, not from there. A test checks that every field of every model has
its text and that nothing names a field that is gone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final, Union

import yaml

from .enums import ASSESSMENT_CRITERIA, SECTION_KEYS, SECTIONS

#: a field's text, or its text and examples
Doc = Union[str, tuple[str, list[Any]]]

#: the phrases the texts share, by their placeholder
PHRASES: Final[dict[str, str]] = {
    "{ID}": "латиница в нижнем регистре, цифры, «-» и «_»",
    "{REF_OFFICIAL}": "→ `officials[].id` в `agency.yaml`",
    "{REF_TOUCHPOINT}": "→ `touchpoints[].id` в `touchpoints.yaml`",
    "{REF_ACTS}": "→ `acts[].id` в `acts.yaml`",
    "{TEXT_LIST}": "список строк",
}


def _text(raw: str) -> str:
    for placeholder, phrase in PHRASES.items():
        raw = raw.replace(placeholder, phrase)
    return raw


def _doc(raw: str | dict[str, Any]) -> Doc:
    return _text(raw) if isinstance(raw, str) else (_text(raw["text"]), raw["examples"])


def _load() -> tuple[dict[str, str], dict[str, dict[str, Doc]]]:
    data = yaml.load(
        (Path(__file__).with_name("fielddocs.yaml")).read_text(encoding="utf-8"),
        Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader),
    )
    models = {name: _text(text) for name, text in data["models"].items()}
    fields = {name: {f: _doc(raw) for f, raw in docs.items()} for name, docs in data["fields"].items()}
    fields["Sections"] = {key: f"{n}. {SECTIONS[key]['ru']}." for n, key in enumerate(SECTION_KEYS, 1)}
    fields["Assessment"].update({key: f"Критерий оценки: {v['ru']}." for key, v in ASSESSMENT_CRITERIA.items()})
    return models, fields


_MODELS, _FIELDS = _load()
#: the root description of each file kind's schema, by model class name
MODEL_DOCS: Final[dict[str, str]] = _MODELS
#: model class name -> field -> its text, or its text and examples
FIELD_DOCS: Final[dict[str, dict[str, Doc]]] = _FIELDS
