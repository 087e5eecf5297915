"""JSON Schemas (draft 2020-12) of every file kind, generated from the models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .registry.models import FILE_KINDS

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
BASE_ID = "https://tpkit.invalid/schemas/"

#: file kind -> (schema file name, which registry files it describes)
SCHEMA_FILES: dict[str, tuple[str, str]] = {
    "tpkit": ("tpkit.schema.json", "tpkit.yaml"),
    "agency": ("agency.schema.json", "agency.yaml"),
    "acts": ("acts.schema.json", "acts.yaml"),
    "touchpoints": ("touchpoints.schema.json", "touchpoints.yaml"),
    "process": ("process.schema.json", "processes/*.yaml"),
    "procedure": ("procedure.schema.json", "procedures/*.yaml"),
}


def schema_for(kind: str) -> dict[str, Any]:
    model = FILE_KINDS[kind]
    name, applies = SCHEMA_FILES[kind]
    body = model.model_json_schema(mode="validation")
    doc: dict[str, Any] = {"$schema": SCHEMA_DIALECT, "$id": BASE_ID + name}
    doc.update(body)
    doc["description"] = (model.__doc__ or "").strip().splitlines()[0] + f" Applies to {applies}."
    return doc


def render_all() -> dict[str, str]:
    """Schema file name -> its text (deterministic)."""
    return {
        SCHEMA_FILES[kind][0]: json.dumps(schema_for(kind), ensure_ascii=False, indent=2) + "\n" for kind in FILE_KINDS
    }


def write(out_dir: Path) -> list[Path]:
    from .util import atomic_write_text

    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_all().items():
        path = out_dir / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            atomic_write_text(path, text)
            written.append(path)
    return written


def check(out_dir: Path) -> list[str]:
    """Names of schema files that are missing or differ from what the code generates."""
    stale = []
    for name, text in render_all().items():
        path = out_dir / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    return stale
