"""Generate ``_compiled.py``: plain records and fast validators from the pydantic models.

    python -m tpkit.registry.compile_models            # rewrite src/tpkit/registry/_compiled.py
    python -m tpkit.registry.compile_models --check    # exit 1 if it is out of date

The generator knows the few type forms the models use (text, ids, references,
literals, bools, bounded numbers, dates, optionals, unions of disjoint types,
lists, string-keyed dicts, nested models) and stops with an error on any other,
so a new kind of field cannot slip past the fast path unchecked. See
:mod:`tpkit.registry.records` for why this exists.
"""

from __future__ import annotations

import ast
import datetime as _dt
import re
import sys
import types
import typing
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from . import models

TARGET = Path(__file__).with_name("_compiled.py")

HEADER = '''\
"""Generated from tpkit.registry.models by ``python -m tpkit.registry.compile_models``; do not edit.

Plain records and validators that accept exactly-typed valid input; see tpkit.registry.records.
"""

# ruff: noqa
from __future__ import annotations

import re

from .records import (
    Invalid,
    Record,
    date,
    dict_of,
    float_between,
    int_ge,
    list_of,
    literal,
    mapping,
    str_,
    str_list,
    strict_bool,
    text,
)

_MISSING = object()
_new = object.__new__
'''


class Unsupported(Exception):
    """A field type the generator does not know: teach it, with tests, before using it."""


def _all_models() -> list[type[BaseModel]]:
    out = [
        obj
        for obj in vars(models).values()
        if isinstance(obj, type) and issubclass(obj, models.Model) and obj is not models.Model
    ]
    return sorted(out, key=lambda c: c.__name__)


class _Gen:
    def __init__(self) -> None:
        self.helpers: list[str] = []
        self.names: dict[str, str] = {}

    # -- named helpers ---------------------------------------------------------------

    def _helper(self, key: str, name: str, make: typing.Callable[[str], str]) -> str:
        if key not in self.names:
            name = re.sub(r"[^0-9a-zA-Z]+", "_", name).strip("_")[:40].rstrip("_")
            name = (
                f"_{name}"
                if name not in self.names.values() and f"_{name}" not in self.names.values()
                else f"_{name}_{len(self.names)}"
            )
            self.names[key] = name
            self.helpers.append(make(name))
        return self.names[key]

    # -- checkers: a callable's name for each type -----------------------------------

    def checker(self, tp: Any, constraints: dict[str, Any]) -> str:
        origin = get_origin(tp)
        if origin is typing.Annotated:
            base, *meta = get_args(tp)
            return self.checker(base, {**constraints, **_constraints(meta)})
        if origin is Union or origin is types.UnionType:
            members = [a for a in get_args(tp) if a is not type(None)]
            if len(members) < len(get_args(tp)):  # Optional[...]
                inner = self.checker(members[0] if len(members) == 1 else Union[tuple(members)], constraints)
                return self._helper(
                    f"opt:{inner}",
                    f"maybe_{inner}",
                    lambda n: f"def {n}(v):\n    return None if v is None else {inner}(v)\n",
                )
            _check_disjoint(members)
            checks = [self.checker(a, constraints) for a in members]
            body = ", ".join(checks)
            return self._helper(
                f"union:{body}",
                "_or_".join(c.strip("_") for c in checks),
                lambda n: (
                    f"def {n}(v):\n    for check in ({body},):\n        try:\n            return check(v)\n"
                    f"        except Invalid:\n            pass\n    raise Invalid\n"
                ),
            )
        if origin is Literal:
            values = get_args(tp)
            if not all(type(v) in (str, int) for v in values):
                raise Unsupported(f"literal values {values!r}")
            lits = "frozenset(" + repr(tuple(sorted(values, key=repr))) + ")"
            return self._helper(
                f"lit:{lits}",
                "one_of_" + "_".join(map(str, values)),
                lambda n: f"{n}_values = {lits}\n\n\ndef {n}(v):\n    return literal(v, {n}_values)\n",
            )
        if origin is list:
            (item,) = get_args(tp)
            if constraints:
                raise Unsupported(f"constraints on a list: {constraints}")
            inner = self.checker(item, {})
            if inner == "str_":
                return "str_list"
            return self._helper(
                f"list:{inner}", f"list_{inner}", lambda n: f"def {n}(v):\n    return list_of(v, {inner})\n"
            )
        if origin is dict:
            key, value = get_args(tp)
            if key is not str or constraints:
                raise Unsupported(f"dict[{key}, ...] with {constraints}")
            inner = self.checker(value, {})
            return self._helper(
                f"dict:{inner}", f"dict_{inner}", lambda n: f"def {n}(v):\n    return dict_of(v, {inner})\n"
            )
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if constraints:
                raise Unsupported(f"constraints on a model: {constraints}")
            return f"_v_{tp.__name__}"
        if tp is str:
            return self._str(constraints)
        if tp is bool and not constraints:
            return "strict_bool"
        if tp is int and set(constraints) == {"ge"}:
            ge = constraints["ge"]
            return self._helper(
                f"int_ge:{ge!r}", f"int_ge_{ge}", lambda n: f"def {n}(v):\n    return int_ge(v, {ge!r})\n"
            )
        if tp is float and set(constraints) == {"ge", "le"}:
            ge, le = constraints["ge"], constraints["le"]
            return self._helper(
                f"float:{ge!r}:{le!r}",
                f"float_{ge}_{le}",
                lambda n: f"def {n}(v):\n    return float_between(v, {ge!r}, {le!r})\n",
            )
        if tp is _dt.date and not constraints:
            return "date"
        raise Unsupported(f"type {tp!r} with constraints {constraints}")

    def _str(self, constraints: dict[str, Any]) -> str:
        if not constraints:
            return "str_"
        if constraints == {"min_length": 1}:
            return "text"
        if set(constraints) == {"pattern"}:
            pattern = constraints["pattern"]
            # pydantic searches with Rust regex, where ``$`` is the very end; a fullmatch of an
            # anchored pattern without alternation is the same (Python's ``$`` alone would allow a final newline)
            if not (pattern.startswith("^") and pattern.endswith("$") and "|" not in pattern and "\\" not in pattern):
                raise Unsupported(f"pattern {pattern!r}")
            return self._helper(
                f"pattern:{pattern}",
                f"pattern_{len(self.names)}",
                lambda n: (
                    f"{n}_rx = re.compile({pattern!r}).fullmatch\n\n\n"
                    f"def {n}(v):\n    if type(v) is str and {n}_rx(v):\n        return v\n    raise Invalid\n"
                ),
            )
        raise Unsupported(f"str with {constraints}")

    # -- one model ------------------------------------------------------------------

    def model(self, cls: type[BaseModel]) -> tuple[str, str, str, str]:
        name = cls.__name__
        fields = cls.model_fields
        slots = ", ".join(repr(f) for f in fields) + ("," if len(fields) == 1 else "")
        klass = f"class {name}(Record):\n    __slots__ = ({slots})\n    model_fields = __slots__\n"
        lines = [f"def _v_{name}(v):", f"    d = mapping(v, _{name}_keys)", f"    o = _new({name})"]
        defaults: list[str] = []
        make_default = [f"def _d_{name}():", f"    o = _new({name})"]
        can_default = True
        for fname, info in fields.items():
            check = self.checker(info.annotation, _constraints(info.metadata))
            lines.append(f"    x = d.get({fname!r}, _MISSING)")
            if info.is_required():
                can_default = False
                lines.append("    if x is _MISSING:\n        raise Invalid")
                lines.append(f"    o.{fname} = {check}(x)")
                continue
            value_code, dump_default = _default(info)
            lines.append(f"    o.{fname} = {value_code} if x is _MISSING else {check}(x)")
            defaults.append(f"    {fname!r}: {dump_default},")
            make_default.append(f"    o.{fname} = {value_code}")
        lines.append("    return o")
        keys = f"_{name}_keys = frozenset({tuple(fields)!r})\n"
        tail = f"{name}._defaults = {{\n" + "\n".join(defaults) + "\n}\n" if defaults else ""
        default_fn = "\n".join([*make_default, "    return o"]) + "\n" if can_default else ""
        return klass, keys + "\n\n" + "\n".join(lines) + "\n", default_fn, tail


def _constraints(meta: list[Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in meta:
        if isinstance(item, FieldInfo):
            out.update(_constraints(item.metadata))
        elif isinstance(item, annotated_types.MinLen):
            out["min_length"] = item.min_length
        elif isinstance(item, annotated_types.Ge):
            out["ge"] = item.ge
        elif isinstance(item, annotated_types.Le):
            out["le"] = item.le
        elif getattr(item, "pattern", None) is not None and set(vars(item)) <= {"pattern"}:
            out["pattern"] = item.pattern
        else:
            raise Unsupported(f"constraint {item!r}")
    return out


def _types(tp: Any) -> set[type]:
    """The Python types a member of a union accepts in the fast path."""
    origin = get_origin(tp)
    if origin is typing.Annotated:
        return _types(get_args(tp)[0])
    if origin is Literal:
        return {type(v) for v in get_args(tp)}
    if origin is list:
        return {list}
    if origin is dict or (isinstance(tp, type) and issubclass(tp, BaseModel)):
        return {dict}
    if tp is float:
        return {float, int}
    if isinstance(tp, type):
        return {tp}
    raise Unsupported(f"union member {tp!r}")


def _check_disjoint(members: list[Any]) -> None:
    seen: set[type] = set()
    for m in members:
        t = _types(m)
        if t & seen:
            raise Unsupported(f"union members overlap in type: {members!r}")
        seen |= t


def _literal_code(value: Any) -> str:
    code = repr(value)
    if ast.literal_eval(code) != value or type(ast.literal_eval(code)) is not type(value):
        raise Unsupported(f"default {value!r}")
    return code


def _default(info: FieldInfo) -> tuple[str, str]:
    """(code for the default value, the ``_defaults`` entry for model_dump)."""
    if info.default_factory is not None:
        made = info.default_factory()  # type: ignore[call-arg]
        if isinstance(made, BaseModel):
            if made != type(made)():
                raise Unsupported(f"default factory {info.default_factory!r}")
            fn = f"_d_{type(made).__name__}"
            return f"{fn}()", f"(True, {fn})"
        if made in ([], {}) and info.default_factory in (list, dict):
            code = _literal_code(made)
            return code, f"(True, {type(made).__name__})"
        code = _literal_code(made)
        return code, f"(True, lambda: {code})"
    if info.default is PydanticUndefined:
        raise Unsupported("no default")
    if info.annotation is float and type(info.default) is not float:
        # pydantic's JSON output turns it into a float, the record's would not
        raise Unsupported(f"write the default of a float field as a float, not {info.default!r}")
    code = _literal_code(info.default)
    if isinstance(info.default, (list, dict, set)):
        raise Unsupported(f"mutable default {info.default!r}")
    return code, f"(False, {code})"


def generate() -> str:
    gen = _Gen()
    classes, validators, default_fns, tails = [], [], [], []
    for cls in _all_models():
        klass, validator, default_fn, tail = gen.model(cls)
        classes.append(klass)
        validators.append(validator)
        if default_fn:
            default_fns.append(default_fn)
        if tail:
            tails.append(tail)
    names = [c.__name__ for c in _all_models()]
    with_defaults = [n for n in names if f"def _d_{n}():" in "".join(default_fns)]
    kinds = "".join(f"    {k!r}: {v.__name__!r},\n" for k, v in models.FILE_KINDS.items())
    parts = [
        HEADER,
        "\n\n".join(classes),
        "\n\n".join(gen.helpers),
        "\n\n".join(validators),
        "\n\n".join(default_fns),
        "".join(tails),
        "#: model name -> validator\nVALIDATORS = {\n" + "".join(f"    {n!r}: _v_{n},\n" for n in names) + "}\n",
        "#: model name -> record class\nRECORDS = {\n" + "".join(f"    {n!r}: {n},\n" for n in names) + "}\n",
        "#: file kind -> model name\nFILE_KINDS = {\n" + kinds + "}\n",
        "#: model name -> a record with every field at its default (models without required fields)\nDEFAULTS = {\n"
        + "".join(f"    {n!r}: _d_{n},\n" for n in with_defaults)
        + "}\n",
    ]
    return "\n\n".join(p.rstrip("\n") + "\n" for p in parts if p)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    code = generate()
    if "--check" in args:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != code:
            sys.stderr.write(f"{TARGET} is out of date: run python -m tpkit.registry.compile_models\n")
            return 1
        return 0
    from ..util import atomic_write_text

    atomic_write_text(TARGET, code)
    return 0


if __name__ == "__main__":
    sys.exit(main())
