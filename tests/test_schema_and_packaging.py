"""JSON Schemas are generated from the models and validate the example; the wheel ships its data."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLE, REPO, run_cli

from tpkit import schema
from tpkit.registry import enums, models

FILES = {
    "tpkit.schema.json": ["tpkit.yaml"],
    "agency.schema.json": ["agency.yaml"],
    "acts.schema.json": ["acts.yaml"],
    "touchpoints.schema.json": ["touchpoints.yaml"],
    "process.schema.json": sorted(p.relative_to(EXAMPLE).as_posix() for p in (EXAMPLE / "processes").glob("*.yaml")),
    "procedure.schema.json": sorted(p.relative_to(EXAMPLE).as_posix() for p in (EXAMPLE / "procedures").glob("*.yaml")),
}


def test_committed_schemas_equal_the_generated_ones() -> None:
    assert schema.check(REPO / "schemas") == [], "run: tpkit schema --output schemas"
    assert run_cli("schema", "--check", "--output", str(REPO / "schemas")).code == 0


def test_schema_check_reports_a_stale_folder(tmp_path: Path) -> None:
    assert run_cli("schema", "--output", str(tmp_path)).code == 0
    assert run_cli("schema", "--check", "--output", str(tmp_path)).code == 0
    (tmp_path / "process.schema.json").write_text("{}", encoding="utf-8")
    (tmp_path / "acts.schema.json").unlink()
    r = run_cli("schema", "--check", "--output", str(tmp_path))
    assert r.code == 1 and "process.schema.json: устарела / out of date" in r.stdout
    assert "acts.schema.json: нет файла / missing" in r.stdout


def test_schema_output_that_is_a_file_is_one_line_in_the_user_s_words(tmp_path: Path) -> None:
    # 0.3 review: «agency.yaml: ошибка файловой системы / file system error: File exists»
    target = tmp_path / "agency.yaml"
    target.write_text("id: agency\n", encoding="utf-8")
    r = run_cli("schema", "--output", str(target))
    assert r.code == 2 and "это файл, а нужна папка" in r.stderr and "File exists" not in r.stderr, r.stderr
    assert target.read_text(encoding="utf-8") == "id: agency\n"


def test_schema_check_in_a_registry_checks_its_own_schemas(tmp_path: Path) -> None:
    """``tpkit init`` keeps the schemas in .tpkit/schemas: ``schema --check`` inside the registry looks there."""
    reg = tmp_path / "agency"
    assert run_cli("init", str(reg)).code == 0
    r = run_cli("schema", "--check", cwd=reg / "processes")
    assert r.code == 0, r.stdout
    (reg / ".tpkit" / "schemas" / "process.schema.json").write_text("{}", encoding="utf-8")
    r = run_cli("schema", "--check", cwd=reg)
    assert r.code == 1 and r.stdout.count("\n") == 1 and "process.schema.json" in r.stdout
    assert run_cli("schema", cwd=reg).code == 0
    assert run_cli("schema", "--check", cwd=reg).code == 0


def _check_jsonschema() -> str:
    exe = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")
    if not Path(exe).exists():
        pytest.skip("check-jsonschema is not installed")
    return exe


@pytest.mark.parametrize("schema_file", sorted(FILES))
def test_check_jsonschema_validates_the_example(schema_file: str) -> None:
    exe = _check_jsonschema()
    r = subprocess.run(
        [exe, "--schemafile", str(REPO / "schemas" / schema_file), *FILES[schema_file]],
        cwd=EXAMPLE,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout + r.stderr


def test_check_jsonschema_rejects_an_unknown_key(tmp_path: Path) -> None:
    exe = _check_jsonschema()
    bad = tmp_path / "p.yaml"
    bad.write_text("id: p\ntitle: П\ndirection: services\ntouchpoint: []\n", encoding="utf-8")
    r = subprocess.run(
        [exe, "--schemafile", str(REPO / "schemas/process.schema.json"), str(bad)], capture_output=True, text=True
    )
    assert r.returncode == 1


def test_enumerations_are_defined_once_and_agree_with_the_models() -> None:
    from typing import get_args

    # the models' codes are the tables' keys, in the tables' order (the schemas list them so)
    assert get_args(models.Touchpoint.model_fields["channel"].annotation) == tuple(enums.CHANNELS)
    assert get_args(models.Process.model_fields["direction"].annotation) == tuple(enums.DIRECTIONS)
    assert get_args(models.Act.model_fields["kind"].annotation) == tuple(enums.ACT_KINDS)
    assert get_args(models.Approval.model_fields["kind"].annotation) == tuple(enums.APPROVAL_KINDS)
    assert get_args(models.ToolItem.model_fields["kind"].annotation) == tuple(enums.TOOL_KINDS)
    assert get_args(get_args(models.Demand)[1]) == tuple(enums.DEMAND_WORDS)
    assert list(models.Sections.model_fields) == list(enums.SECTION_KEYS)
    assert [k for k in models.Assessment.model_fields if k != "touchpoint"] == list(enums.ASSESSMENT_CRITERIA)
    assert {c["form"] for c in enums.CHANNELS.values()} == set(enums.FORM_LABELS)


def test_wheel_contains_templates_and_schemas(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    (wheel,) = tmp_path.glob("tpkit-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for name in schema.render_all():
        assert f"tpkit/schemas/{name}" in names
    assert any(n.startswith("tpkit/templates/") for n in names)
    assert "tpkit/cli/__init__.py" in names
