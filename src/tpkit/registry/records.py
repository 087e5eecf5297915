"""Plain records and the fast validators' building blocks (no pydantic at run time).

The pydantic models in :mod:`tpkit.registry.models` define the file format;
``_compiled.py`` is generated from them (``python -m tpkit.registry.compile_models``)
into plain classes with ``__slots__`` and straight-line validators. A validator
accepts only input that the pydantic model accepts *as it is* (exact types, no
coercion) and builds a record with the same values; on anything else it raises
:class:`Invalid`, and the caller asks pydantic, which either reports what is wrong
or coerces the value. Importing pydantic and building the models costs about
170 ms, longer than the rest of a small ``tpkit lint``; valid files never pay it.

``tests/test_compiled.py`` checks the generated module is up to date and that
fast and pydantic validation agree on random and hostile input.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any, ClassVar


class Invalid(Exception):
    """The fast validator declines: pydantic decides (error or coercion)."""


class Record:
    """A validated object: the fields of its pydantic model, as plain attributes."""

    __slots__ = ()
    #: field names in declaration order (like the keys of a pydantic model's ``model_fields``)
    model_fields: ClassVar[tuple[str, ...]] = ()
    #: field -> (is_factory, default) for fields that are not required
    _defaults: ClassVar[dict[str, tuple[bool, Any]]] = {}

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in self.model_fields)

    __hash__ = None  # type: ignore[assignment]  # mutable, like a pydantic model that is not frozen

    def __repr__(self) -> str:
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in self.model_fields)
        return f"{type(self).__name__}({inner})"

    def model_dump(
        self, *, mode: str = "python", exclude_defaults: bool = False, exclude: set[str] | None = None
    ) -> dict[str, Any]:
        """The same dict as pydantic's ``model_dump`` with these arguments."""
        out: dict[str, Any] = {}
        for name in self.model_fields:
            if exclude and name in exclude:
                continue
            value = getattr(self, name)
            if exclude_defaults and name in self._defaults:
                is_factory, default = self._defaults[name]
                if value == (default() if is_factory else default):
                    continue
            out[name] = _dump(value, mode, exclude_defaults)
        return out


def _dump(value: Any, mode: str, exclude_defaults: bool) -> Any:
    if isinstance(value, Record):
        return value.model_dump(mode=mode, exclude_defaults=exclude_defaults)
    if type(value) is list:
        return [_dump(v, mode, exclude_defaults) for v in value]
    if type(value) is dict:
        return {k: _dump(v, mode, exclude_defaults) for k, v in value.items()}
    if mode == "json" and type(value) is _dt.date:
        return value.isoformat()
    return value


# --- checks the generated validators call ------------------------------------------


def str_(v: Any) -> str:
    if type(v) is str:
        return v
    raise Invalid


#: a lone surrogate (``surrogateescape``d bytes): pydantic checks a constrained string as UTF-8 and rejects it
_SURROGATE = re.compile("[\ud800-\udfff]").search


def text(v: Any) -> str:
    """``str`` with ``min_length=1`` (a plain ``str`` field keeps surrogates, a constrained one does not)."""
    if type(v) is str and v and not _SURROGATE(v):
        return v
    raise Invalid


def strict_bool(v: Any) -> bool:
    if type(v) is bool:
        return v
    raise Invalid


def int_ge(v: Any, ge: int) -> int:
    if type(v) is int and v >= ge:
        return v
    raise Invalid


def float_between(v: Any, ge: float, le: float) -> float:
    # a whole number becomes a float, as pydantic does; nan fails both comparisons
    if (type(v) is float or type(v) is int) and ge <= v <= le:
        return float(v)
    raise Invalid


def literal(v: Any, allowed: frozenset[Any]) -> Any:
    # ``type`` first: True == 1 and would match Literal[1]
    if (type(v) is str or type(v) is int) and v in allowed:
        return v
    raise Invalid


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def date(v: Any) -> _dt.date:
    """YYYY-MM-DD text (as written in YAML 1.2) or a date (as pydantic dumps it)."""
    if type(v) is _dt.date:
        return v
    if type(v) is str and _DATE.fullmatch(v):
        try:
            return _dt.date.fromisoformat(v)
        except ValueError:
            pass
    raise Invalid


def list_of(v: Any, check: Any) -> list[Any]:
    if type(v) is not list:
        raise Invalid
    return [check(x) for x in v]


def str_list(v: Any) -> list[str]:
    if type(v) is not list:
        raise Invalid
    for x in v:
        if type(x) is not str:
            raise Invalid
    return list(v)


def dict_of(v: Any, check: Any) -> dict[str, Any]:
    if type(v) is not dict:
        raise Invalid
    out: dict[str, Any] = {}
    for k, x in v.items():
        if type(k) is not str:
            raise Invalid
        out[k] = check(x)
    return out


def mapping(v: Any, allowed: frozenset[str]) -> dict[str, Any]:
    """A mapping whose keys are all fields of the model (``extra="forbid"``)."""
    if type(v) is not dict or not allowed.issuperset(v):
        raise Invalid
    return v
