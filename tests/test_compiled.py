"""The generated fast validators agree with the pydantic models they are generated from.

Soundness: whatever the fast validator accepts, pydantic accepts, with the same
values (compared by ``repr``, so ``1``, ``1.0`` and ``True`` differ). Completeness
where it matters: pydantic's own output always passes the fast validator (that is
how a coerced file becomes a record), and real registries never leave the fast path.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import subprocess
import sys
import types
import typing
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

import pytest
from conftest import BASE, EXAMPLE, REPO
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from tpkit.registry import _compiled, compile_models, models
from tpkit.registry.records import Invalid, Record
from tpkit.registry.validate import validate
from tpkit.registry.yamlread import parse

EXAMPLES = int(os.environ.get("TPKIT_FUZZ_EXAMPLES", "10"))
MODELS = sorted(_compiled.VALIDATORS)


def test_generated_module_is_up_to_date() -> None:
    current = Path(_compiled.__file__).read_text(encoding="utf-8")
    assert current == compile_models.generate(), "run: python -m tpkit.registry.compile_models"


def test_every_model_has_a_record_and_every_file_kind_a_validator() -> None:
    names = {c.__name__ for c in compile_models._all_models()}
    assert names == set(_compiled.VALIDATORS) == set(_compiled.RECORDS)
    assert {k: v.__name__ for k, v in models.FILE_KINDS.items()} == _compiled.FILE_KINDS
    for name in names:
        assert _compiled.RECORDS[name].model_fields == tuple(getattr(models, name).model_fields)


def test_the_generator_refuses_a_type_it_does_not_know() -> None:
    gen = compile_models._Gen()
    with pytest.raises(compile_models.Unsupported):
        gen.checker(set[str], {})
    with pytest.raises(compile_models.Unsupported):
        gen.checker(Union[int, float], {})  # overlapping members: smart-union order would matter
    with pytest.raises(compile_models.Unsupported):
        gen.checker(str, {"pattern": "^a|b$"})


# --- fast vs pydantic on generated data --------------------------------------------------

_SCALARS: list[Any] = [
    None, "", "x", "ab-c", "a_1", "Abc", "abc\n", " a", "a b", "1", "все", "all", "low", "unknown", "ok", "gap",
    "website", "services", "npa", "order", "error", "ru", "script", "process",
    "a\udcff", "2024-02-29", "2023-02-29", "2024-1-01", "0000-01-01", "2026-03-01T00:00:00", "20240101",
    0, 1, -1, 5, 6, 36, 37, 10**30, True, False, 1.0, 1.5, 6.0, 36.5, -0.0, math.nan, math.inf,
    dt.date(2026, 3, 1), [], {}, ["x"], {"x": 1}, [1], ("a",),
]  # fmt: skip
SCALAR = st.sampled_from(_SCALARS)


def _values(tp: Any) -> st.SearchStrategy[Any]:
    origin = get_origin(tp)
    if origin is typing.Annotated:
        return _values(get_args(tp)[0])
    if origin is Union or origin is types.UnionType:
        return st.one_of([_values(a) for a in get_args(tp) if a is not type(None)] + [st.none()])
    if origin is Literal:
        return st.one_of(st.sampled_from(get_args(tp)), SCALAR)
    if origin is list:
        return st.one_of(st.lists(_values(get_args(tp)[0]), max_size=3), SCALAR)
    if origin is dict:
        keys = st.sampled_from(["a", "TP101", "processes/*.yaml", 1, None])
        return st.one_of(st.dictionaries(keys, _values(get_args(tp)[1]), max_size=2), SCALAR)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return st.one_of(_data(tp), _data(tp), SCALAR)
    return SCALAR


def _data(model: type[BaseModel]) -> st.SearchStrategy[dict[Any, Any]]:
    fields = model.model_fields
    required = {n: _values(f.annotation) for n, f in fields.items() if f.is_required()}
    optional = {n: _values(f.annotation) for n, f in fields.items() if not f.is_required()}
    base = st.fixed_dictionaries(required, optional=optional)
    # now and then a required key dropped or an unknown one added
    edits = st.sampled_from([None, None, None, "drop", "extra", "int-key"])
    return st.tuples(base, edits, st.randoms(use_true_random=False)).map(lambda t: _edit(*t))


def _edit(d: dict[Any, Any], how: str | None, rnd: Any) -> dict[Any, Any]:
    if how == "drop" and d:
        d.pop(rnd.choice(sorted(d, key=str)))
    elif how == "extra":
        d["extra_key"] = "x"
    elif how == "int-key":
        d[1] = "x"
    return d


def _dumps(obj: Any) -> list[str]:
    return [repr(obj.model_dump(mode=mode, exclude_defaults=ex)) for mode in ("python", "json") for ex in (False, True)]


def _agree(name: str, data: Any) -> str:
    model = getattr(models, name)
    fast = _compiled.VALIDATORS[name]
    try:
        rec = fast(data)
    except Invalid:
        rec = None
    try:
        ref = model.model_validate(data)
    except ValidationError:
        ref = None
    if rec is not None:
        assert ref is not None, f"fast path accepted what pydantic rejects: {data!r}"
        assert _dumps(rec) == _dumps(ref), data
    if ref is not None:
        again = fast(ref.model_dump())
        assert _dumps(again) == _dumps(ref), data
        if rec is not None:
            assert again == rec
    return "fast" if rec is not None else "pydantic" if ref is not None else "invalid"


@pytest.mark.parametrize("name", MODELS)
def test_fast_validator_agrees_with_pydantic(name: str) -> None:
    outcomes: set[str] = set()

    @settings(
        max_examples=max(200, EXAMPLES * 20),
        deadline=None,
        derandomize="TPKIT_FUZZ_EXAMPLES" not in os.environ,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(_data(getattr(models, name)))
    def check(data: dict[Any, Any]) -> None:
        outcomes.add(_agree(name, data))

    check()
    # the property is not vacuous: both ways out were taken
    assert "invalid" in outcomes
    if name not in ("Config",):  # generated Configs are rarely valid as a whole; the cases below cover it
        assert "fast" in outcomes or "pydantic" in outcomes


_CASES: list[tuple[str, Any, str]] = [
    ("Unit", {"id": "u1", "name": "Отдел"}, "fast"),
    ("Unit", {"id": "U1", "name": "Отдел"}, "invalid"),
    ("Unit", {"id": "u1\n", "name": "Отдел"}, "invalid"),  # pydantic's ``$`` is the very end
    ("Unit", {"id": "u1", "name": ""}, "invalid"),
    ("Unit", {"id": "u1", "name": 7}, "pydantic"),  # a number in a text field becomes text
    ("Unit", {"id": "u1", "name": "a\udcff"}, "invalid"),  # a constrained string must be valid UTF-8
    ("Unit", {"id": "u1", "name": "\ud83d\ude00"}, "invalid"),  # a surrogate pair is not a character
    ("Partner", {"name": "n", "touchpoints": ["\ud800"]}, "invalid"),
    ("Notification", {"event": "e", "touchpoint": "t\udcff"}, "fast"),  # a plain str keeps it
    ("Unit", {"id": "u1"}, "invalid"),
    ("Unit", {"id": "u1", "name": "x", "nmae": "y"}, "invalid"),
    ("Approval", {"date": "2026-03-01"}, "fast"),
    ("Approval", {"date": "2026-02-30"}, "invalid"),
    ("Approval", {"date": "2026-03-01T00:00:00"}, "pydantic"),
    ("ProcessTouchpoint", {"touchpoint": "t", "demand": 0}, "fast"),
    ("ProcessTouchpoint", {"touchpoint": "t", "demand": -1}, "invalid"),
    ("ProcessTouchpoint", {"touchpoint": "t", "demand": True}, "pydantic"),  # lax pydantic: 1
    ("ProcessTouchpoint", {"touchpoint": "t", "demand": "12"}, "pydantic"),
    ("ProcessTouchpoint", {"touchpoint": "t", "demand": "low"}, "fast"),
    ("Procedure", {"id": "p", "title": "П", "touchpoints": "all"}, "fast"),
    ("Procedure", {"id": "p", "title": "П", "touchpoints": "some"}, "invalid"),
    ("Notification", {"event": "e", "touchpoint": "t", "automatic": "true"}, "pydantic"),
    ("Notification", {"event": "e", "touchpoint": "t", "automatic": 1}, "pydantic"),
    ("RenderConfig", {"font_size": 12}, "fast"),
    ("RenderConfig", {"font_size": 5.5}, "invalid"),
    ("RenderConfig", {"font_size": math.nan}, "invalid"),
    ("Config", {"version": 1, "lint": {"select": ["TP1"], "severity": {"TP101": "info"}}}, "fast"),
    ("Config", {"version": True}, "pydantic"),  # True == 1 for pydantic; the record gets 1
    ("Config", {"version": 2}, "invalid"),
    ("Config", {"lint": {"severity": {1: "info"}}}, "pydantic"),  # the key becomes "1"
]


@pytest.mark.parametrize(("name", "data", "outcome"), _CASES)
def test_fast_validator_on_edge_cases(name: str, data: Any, outcome: str) -> None:
    assert _agree(name, data) == outcome


@pytest.mark.parametrize("root", [EXAMPLE, BASE], ids=["example", "base"])
def test_real_registries_never_leave_the_fast_path(root: Path) -> None:
    files = [(root / "tpkit.yaml", "tpkit"), (root / "agency.yaml", "agency"), (root / "acts.yaml", "acts")]
    files.append((root / "touchpoints.yaml", "touchpoints"))
    files += [(p, "process") for p in sorted((root / "processes").glob("*.yaml"))]
    files += [(p, "procedure") for p in sorted((root / "procedures").glob("*.yaml"))]
    seen = 0
    for path, kind in files:
        if not path.exists():
            continue
        data = parse(path.read_text(encoding="utf-8")).data
        _compiled.VALIDATORS[_compiled.FILE_KINDS[kind]](data)  # raises Invalid if it would fall back
        seen += 1
    assert seen >= 5


def test_corpus_files_agree(tmp_path: Path) -> None:
    """Every hostile corpus file: the fast path either declines or agrees, for every file kind."""
    checked = 0
    for path in sorted((REPO / "tests" / "corpus").glob("*.yaml")):
        parsed = parse(path.read_bytes().decode("utf-8", "replace"))
        if parsed.problems:
            continue
        for name in _compiled.FILE_KINDS.values():
            _agree(name, parsed.data)
            checked += 1
    assert checked > 50


def test_a_nan_is_not_a_number_rather_than_too_large() -> None:
    rec, problems = validate("RenderConfig", {"font_size": math.nan})
    assert rec is None and [p.ru for p in problems] == ["«font_size»: ожидается число, а не .nan"]
    rec, problems = validate("RenderConfig", {"font_size": math.inf})
    assert [p.ru for p in problems] == ["«font_size»: значение должно быть не больше 36.0"]


def test_validate_returns_records_for_coerced_input_too() -> None:
    rec, problems = validate("Unit", {"id": "u1", "name": 7})
    assert problems == [] and isinstance(rec, Record) and rec.name == "7"
    rec, problems = validate("Unit", {"id": "u1", "name": ""})
    assert rec is None and [p.code for p in problems] == ["TP002"]


def test_lint_of_a_valid_registry_does_not_import_pydantic() -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from tpkit.config import load_config\n"
        "from tpkit.lint.engine import lint\n"
        "from tpkit.registry import load_registry\n"
        "from tpkit.report import get_reporter\n"
        f"root = Path({str(EXAMPLE)!r})\n"
        "result = lint(load_registry(root), load_config(root), lang='ru')\n"
        "get_reporter('json')(result, root='.', lang='ru', color=False)\n"
        "assert not result.findings, result.findings\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'pydantic_core')))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_record_equality_and_repr() -> None:
    a = _compiled.VALIDATORS["Unit"]({"id": "u1", "name": "Отдел"})
    b = _compiled.VALIDATORS["Unit"]({"id": "u1", "name": "Отдел"})
    c = _compiled.VALIDATORS["Unit"]({"id": "u2", "name": "Отдел"})
    assert a == b and a != c and a != {"id": "u1", "name": "Отдел"}
    assert repr(a) == "Unit(id='u1', name='Отдел')"
    with pytest.raises(TypeError):
        hash(a)


def test_default_records_equal_the_models_defaults() -> None:
    for name, make in _compiled.DEFAULTS.items():
        assert _dumps(make()) == _dumps(getattr(models, name)()), name
        assert make() == make() and make() is not make()
    required = {n for n in MODELS if any(f.is_required() for f in getattr(models, n).model_fields.values())}
    assert set(_compiled.DEFAULTS) == set(MODELS) - required
