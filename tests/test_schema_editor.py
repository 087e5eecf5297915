"""The JSON Schemas as an editor uses them: Russian texts on every field, labelled codes, need codes offered and,
in a registry's schemas, only the registry's needs accepted (issue 17, item 2). Checked with check-jsonschema and,
where node and yaml-language-server are installed, with yaml-language-server itself over stdio."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE, REPO, run_cli
from pydantic import BaseModel

from tpkit import schema
from tpkit.registry.enums import NEEDS
from tpkit.registry.fielddocs import FIELD_DOCS, MODEL_DOCS
from tpkit.registry.models import FILE_KINDS

CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


def _models() -> dict[str, type[BaseModel]]:
    seen: dict[str, type[BaseModel]] = {}

    def args(tp: Any) -> typing.Iterator[Any]:
        yield tp
        for a in typing.get_args(tp):
            yield from args(a)

    def walk(model: type[BaseModel]) -> None:
        if model.__name__ not in seen:
            seen[model.__name__] = model
            for f in model.model_fields.values():
                for tp in args(f.annotation):
                    if isinstance(tp, type) and issubclass(tp, BaseModel):
                        walk(tp)

    for model in FILE_KINDS.values():
        walk(model)
    return seen


def test_every_field_has_its_text_in_the_one_table_and_nothing_stale() -> None:
    models = _models()
    missing = [f"{n}.{f}" for n, m in models.items() for f in m.model_fields if f not in FIELD_DOCS.get(n, {})]
    stale = [
        f"{n}.{f}" for n, docs in FIELD_DOCS.items() for f in docs if f not in models.get(n, BaseModel).model_fields
    ]
    assert missing == [], f"add their Russian texts to tpkit/registry/fielddocs.py: {missing}"
    assert stale == [], f"fielddocs.py names fields that are gone: {stale}"
    assert set(MODEL_DOCS) == {m.__name__ for m in FILE_KINDS.values()}


def _nodes(node: Any) -> typing.Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for v in node.values():
            yield from _nodes(v)
    elif isinstance(node, list):
        for v in node:
            yield from _nodes(v)


@pytest.mark.parametrize("agency_needs", [None, {"appointment": "Запись на прием"}])
@pytest.mark.parametrize("kind", sorted(FILE_KINDS))
def test_every_property_is_explained_in_russian_and_every_code_labelled(
    kind: str, agency_needs: dict[str, str] | None
) -> None:
    doc = schema.schema_for(kind, agency_needs)
    assert CYRILLIC.search(doc["description"])
    for node in _nodes(doc):
        assert "title" not in node or not isinstance(node["title"], str), "English titles are left out"
        for name, prop in node.get("properties", {}).items():
            assert CYRILLIC.search(prop.get("description", "")), f"{kind}: {name} has no Russian description"
            if "markdownDescription" in prop:
                assert prop["markdownDescription"].replace("`", "") == prop["description"]
        codes = node.get("enum")
        if codes and all(isinstance(c, str) for c in codes):
            labels = node.get("enumDescriptions", [])
            assert len(labels) == len(codes) and all(CYRILLIC.search(x) for x in labels), (kind, codes)


def _needs_items(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["$defs"]["ProcessTouchpoint"]["properties"]["needs"]["items"]  # type: ignore[no-any-return]


def test_need_codes_shipped_offer_the_nine_and_accept_an_own_id() -> None:
    items = _needs_items(schema.schema_for("process"))
    standard, own = items["anyOf"]
    assert standard["enum"] == list(NEEDS) and standard["enumDescriptions"][0] == "получение информации"
    assert own["pattern"] == r"^[a-z0-9][a-z0-9_-]*$"


def test_need_codes_of_a_registry_are_a_closed_list_with_its_own() -> None:
    items = _needs_items(schema.schema_for("process", {"appointment": "Запись на прием"}))
    assert items["enum"] == [*NEEDS, "appointment"]
    assert items["enumDescriptions"][-1] == "Запись на прием"


def test_needs_of_agency_are_read_leniently() -> None:
    data = {"needs": [{"id": "appointment", "name": "Запись"}, {"id": "info", "name": "x"}, {"id": "Bad!"}, "x", {}]}
    assert schema.needs_of_agency(data) == {"appointment": "Запись"}
    assert schema.needs_of_agency(None) == {} and schema.needs_of_agency({"needs": "x"}) == {}


# --- the command in and outside a registry -------------------------------------------------------


def _registry(tmp_path: Path) -> Path:
    root = tmp_path / "reg"
    shutil.copytree(EXAMPLE, root)
    agency = root / "agency.yaml"
    agency.write_text(
        agency.read_text(encoding="utf-8") + "needs:\n  - id: appointment\n    name: Запись на прием\n",
        encoding="utf-8",
    )
    return root


def test_schema_inside_a_registry_writes_its_schemas_where_init_wires_them(tmp_path: Path) -> None:
    root = _registry(tmp_path)
    r = run_cli("schema", cwd=root / "processes")
    assert r.code == 0, r.stdout
    written = json.loads((root / ".tpkit/schemas/process.schema.json").read_text(encoding="utf-8"))
    assert _needs_items(written)["enum"][-1] == "appointment"
    assert not (root / "processes/schemas").exists()
    assert run_cli("schema", "--check", cwd=root).code == 0
    assert run_cli("schema", "--check", "-C", str(root)).code == 0
    # a need declared later makes the editor's schemas stale, and --check says so
    agency = root / "agency.yaml"
    agency.write_text(agency.read_text(encoding="utf-8") + "  - id: visit\n    name: Выезд\n", encoding="utf-8")
    r = run_cli("schema", "--check", cwd=root)
    assert r.code == 1 and "process.schema.json: устарела" in r.stdout


def test_schema_check_in_a_registry_without_schemas_says_missing(tmp_path: Path) -> None:
    root = _registry(tmp_path)
    r = run_cli("schema", "--check", cwd=root)
    assert r.code == 1
    assert r.stdout.count("нет файла / missing") == 6 and ".tpkit/schemas/" in r.stdout


def test_schema_outside_a_registry_writes_the_shipped_ones(tmp_path: Path) -> None:
    assert run_cli("schema", cwd=tmp_path).code == 0
    assert (tmp_path / "schemas/process.schema.json").read_text(encoding="utf-8") == (
        REPO / "schemas/process.schema.json"
    ).read_text(encoding="utf-8")
    assert run_cli("schema", "--check", cwd=tmp_path).code == 0


# --- check-jsonschema: the real validator ------------------------------------------------------------


def _check_jsonschema() -> str:
    exe = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")
    if not Path(exe).exists():
        pytest.skip("check-jsonschema is not installed")
    return exe


PROCESS = "id: p\ntitle: Процесс\ndirection: services\ntouchpoints:\n  - touchpoint: epgu\n    needs: [{needs}]\n"


def _validate(schema_file: Path, tmp_path: Path, needs: str) -> subprocess.CompletedProcess[str]:
    doc = tmp_path / "p.yaml"
    doc.write_text(PROCESS.format(needs=needs), encoding="utf-8")
    return subprocess.run(
        [_check_jsonschema(), "--schemafile", str(schema_file), str(doc)], capture_output=True, text=True
    )


def test_check_jsonschema_registry_schema_rejects_an_unknown_need(tmp_path: Path) -> None:
    root = _registry(tmp_path)
    assert run_cli("schema", "-C", str(root)).code == 0
    process_schema = root / ".tpkit/schemas/process.schema.json"
    bad = _validate(process_schema, tmp_path, "info, bogus")
    assert bad.returncode == 1 and "bogus" in bad.stdout
    assert _validate(process_schema, tmp_path, "info, appointment").returncode == 0
    # the worked example validates against its registry's own schemas
    for name, glob in schema.SCHEMA_FILES.values():
        files = sorted(str(p) for p in root.glob(glob))
        r = subprocess.run(
            [_check_jsonschema(), "--schemafile", str(root / ".tpkit/schemas" / name), *files],
            capture_output=True,
            text=True,
        )
        assert r.returncode == 0, r.stdout + r.stderr


def test_check_jsonschema_shipped_schema_accepts_an_own_need_but_not_a_bad_code(tmp_path: Path) -> None:
    shipped = REPO / "schemas/process.schema.json"
    assert _validate(shipped, tmp_path, "info, appointment").returncode == 0
    assert _validate(shipped, tmp_path, "info, 'Bad!'").returncode == 1


# --- yaml-language-server over stdio ------------------------------------------------------------------


def _yls() -> list[str]:
    exe = os.environ.get("TPKIT_YAML_LANGUAGE_SERVER") or shutil.which("yaml-language-server")
    if not exe or not shutil.which("node"):
        pytest.skip("yaml-language-server (npm) or node is not installed; set TPKIT_YAML_LANGUAGE_SERVER")
    return [exe, "--stdio"]


def test_yaml_language_server_completes_and_explains_needs(tmp_path: Path) -> None:
    from lsp_client import LspClient

    root = _registry(tmp_path)
    assert run_cli("schema", "-C", str(root)).code == 0
    sch = (root / ".tpkit/schemas/process.schema.json").as_uri()
    doc = root / "processes/typed.yaml"
    text = f"# yaml-language-server: $schema={sch}\n" + PROCESS.format(needs="info, bogus, ")
    doc.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    needs: [info, bogus, ]")
    client = LspClient(cwd=root, command=_yls())
    try:
        client.initialize(root)
        client.notify("workspace/didChangeConfiguration", {"settings": {"yaml": {"validate": True}}})
        uri = client.open(doc)
        diags = client.diagnostics(uri, lambda d: len(d) > 0, timeout=30)
        assert [(d["range"]["start"]["line"], d["range"]["start"]["character"]) for d in diags] == [(line, 18)]
        at = {"textDocument": {"uri": uri}}
        completion = client.request("textDocument/completion", {**at, "position": {"line": line, "character": 24}})
        offered = {i["label"]: i.get("documentation") for i in completion["items"]}
        assert offered["info"] == "получение информации" and offered["appointment"] == "Запись на прием"
        assert set(offered) == {*NEEDS, "appointment"}
        hover = client.request("textDocument/hover", {**at, "position": {"line": line, "character": 6}})
        assert "Удовлетворяемые в точке потребности клиента" in hover["contents"]["value"]
        hover = client.request("textDocument/hover", {**at, "position": {"line": line, "character": 13}})
        assert "`info`: получение информации" in hover["contents"]["value"]
        direction = text.splitlines().index("direction: services")
        hover = client.request("textDocument/hover", {**at, "position": {"line": direction, "character": 2}})
        assert "Направление деятельности" in hover["contents"]["value"]
    finally:
        client.close()
