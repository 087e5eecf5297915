"""Schema validation by the pydantic models; pydantic's errors become problems at the node they are about.

:func:`validate` returns an instance of the model (values coerced where the model allows it: ``3`` for a text
field becomes ``"3"``) or the problems, with Russian and English messages and the YAML path of the node.
"""

from __future__ import annotations

import types
import typing
from typing import TYPE_CHECKING, Any, TypeVar, Union, get_args, get_origin

from .problem import SCHEMA, Problem

if TYPE_CHECKING:
    from pydantic import BaseModel
    from pydantic_core import ErrorDetails

M = TypeVar("M", bound="BaseModel")

_ID_HINT_RU = "допустимы строчные латинские буквы, цифры, «-» и «_», первым — буква или цифра"
_ID_HINT_EN = "use lowercase latin letters, digits, '-' and '_', starting with a letter or digit"


def did_you_mean(word: str, options: typing.Iterable[str]) -> str | None:
    import difflib  # only when something is misspelt

    opts = list(options)
    # «INFO», «EPGU», «Website» are the code in other letters: compared in lower case
    folded = {str(o).casefold(): o for o in reversed(opts)}
    close = difflib.get_close_matches(str(word).casefold(), list(folded), n=1, cutoff=0.6)
    return folded[close[0]] if close else None


def _unwrap(tp: Any) -> list[Any]:
    """The concrete types inside Optional/Union/Annotated."""
    origin = get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(get_args(tp)[0])
    if origin is Union or origin is types.UnionType:
        out: list[Any] = []
        for a in get_args(tp):
            out.extend(_unwrap(a))
        return out
    return [tp]


def _model_at(model: type[BaseModel], path: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class that describes the mapping at ``path`` under ``model``."""
    from pydantic import BaseModel

    current: list[Any] = [model]
    for step in path:
        nxt: list[Any] = []
        for tp in current:
            if isinstance(tp, type) and issubclass(tp, BaseModel):
                if isinstance(step, str) and step in tp.model_fields:
                    nxt.extend(_unwrap(tp.model_fields[step].annotation))
            elif get_origin(tp) is list and isinstance(step, int):
                nxt.extend(_unwrap(get_args(tp)[0]))
            elif get_origin(tp) is dict and isinstance(step, str):
                nxt.extend(_unwrap(get_args(tp)[1]))
        current = nxt
    for tp in current:
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            return tp
    return None


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[tuple[str | int, ...], bool]:
    """Map a pydantic ``loc`` onto the data: drop union-member tags; say if it exists."""
    out: list[str | int] = []
    node = data
    for step in loc:
        if isinstance(node, dict) and step in node:
            out.append(step)
            node = node[step]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            out.append(step)
            node = node[step]
        elif isinstance(node, dict) and isinstance(step, str) and not _is_union_tag(step):
            out.append(step)
            return tuple(out), False
        # otherwise: a union member tag like 'list[str]' or "literal['all']": skip it
    return tuple(out), True


def _is_union_tag(step: str) -> bool:
    return "[" in step or step in ("int", "str", "float", "bool", "date", "none")


def _fmt_input(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "словарь" if isinstance(value, dict) else "список"
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _message(err: ErrorDetails, model: type[BaseModel], path: tuple[str | int, ...]) -> tuple[str, str]:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    inp = err.get("input")
    field = str(path[-1]) if path else ""
    if len(path) > 1 and isinstance(path[-1], int):  # an item of a list: name the list
        field = f"{path[-2]}[{path[-1]}]"
    if kind == "missing":
        key = str(err["loc"][-1])
        return f"не хватает обязательного ключа «{key}»", f"missing required key '{key}'"
    if kind == "extra_forbidden":
        key = str(err["loc"][-1])
        parent = _model_at(model, path[:-1])
        allowed = sorted(parent.model_fields) if parent else []
        guess = did_you_mean(key, allowed)
        ru = f"неизвестный ключ «{key}»"
        en = f"unknown key '{key}'"
        if guess:
            ru += f"; возможно, имелось в виду «{guess}»"
            en += f"; did you mean '{guess}'?"
        elif allowed:
            ru += "; допустимые ключи: " + ", ".join(allowed)
            en += "; allowed keys: " + ", ".join(allowed)
        return ru, en
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        options = [o.strip().strip("'") for o in str(expected).replace(" or ", ",").split(",") if o.strip()]
        guess = did_you_mean(str(inp), options)
        ru = f"недопустимое значение «{_fmt_input(inp)}» для «{field}»; допустимо: {', '.join(options)}"
        en = f"invalid value '{_fmt_input(inp)}' for '{field}'; expected one of: {', '.join(options)}"
        if guess:
            ru += f" (возможно, «{guess}»)"
            en += f" (did you mean '{guess}'?)"
        return ru, en
    if kind == "string_pattern_mismatch":
        return (
            f"недопустимый идентификатор «{_fmt_input(inp)}»: {_ID_HINT_RU}",
            f"invalid identifier '{_fmt_input(inp)}': {_ID_HINT_EN}",
        )
    if kind == "windows_device_name":
        return (
            f"идентификатор «{_fmt_input(inp)}» — имя устройства Windows: файл с таким именем нельзя получить из git "
            f"в Windows; выберите другой (например, «{_fmt_input(inp)}-1»)",
            f"the id '{_fmt_input(inp)}' is a Windows device name: a file so named cannot be checked out on Windows",
        )
    if kind == "not_web_url":
        return (
            f"«{field}»: «{_fmt_input(inp)}» — не веб-адрес: укажите адрес http:// или https:// (или tel:, mailto:); "
            f"javascript:, data:, vbscript:, file: и другие схемы не допускаются",
            f"'{field}': '{_fmt_input(inp)}' is not a web address: give an http:// or https:// address (or tel:, "
            f"mailto:); javascript:, data:, vbscript:, file: and other schemes are refused",
        )
    if kind == "not_http_url":
        return (
            f"«{field}»: ожидается адрес, начинающийся с https:// (или http://), а не «{_fmt_input(inp)}»",
            f"'{field}': an address starting with https:// (or http://) is expected, not '{_fmt_input(inp)}'",
        )
    if kind == "string_too_short":
        return f"«{field}» не может быть пустым", f"'{field}' cannot be empty"
    if kind in ("string_type",):
        return f"«{field}»: ожидается текст, а не {_fmt_input(inp)}", f"'{field}': expected text"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"«{field}»: ожидается целое число", f"'{field}': expected a whole number"
    if kind in ("float_type", "float_parsing"):
        return f"«{field}»: ожидается число", f"'{field}': expected a number"
    if kind in ("bool_type", "bool_parsing"):
        return f"«{field}»: ожидается true или false", f"'{field}': expected true or false"
    if kind in ("list_type",):
        return f"«{field}»: ожидается список", f"'{field}': expected a list"
    if kind in ("model_type", "dict_type", "model_attributes_type") and not path:
        what = _fmt_input(inp) if isinstance(inp, (dict, list)) else "текст"
        return (
            f"файл должен быть словарем (ключ: значение), а здесь {what}",
            "the file must hold a mapping (key: value)",
        )
    if kind == "invalid_key":
        key = _fmt_input(err["loc"][-1]) if err["loc"] else ""
        return f"ключ «{key}» должен быть текстом", f"the key '{key}' must be text"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"«{field}»: ожидается словарь (ключ: значение)", f"'{field}': expected a mapping (key: value)"
    if kind.startswith("date") or kind.startswith("datetime"):
        return (
            f"«{field}»: ожидается дата в формате ГГГГ-ММ-ДД, а не «{_fmt_input(inp)}»",
            f"'{field}': expected a date as YYYY-MM-DD, not '{_fmt_input(inp)}'",
        )
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than") and inp != inp:
        return f"«{field}»: ожидается число, а не .nan", f"'{field}': expected a number, not .nan"
    if kind in ("greater_than_equal", "greater_than"):
        return f"«{field}»: значение должно быть не меньше {ctx.get('ge', ctx.get('gt'))}", f"'{field}': too small"
    if kind in ("less_than_equal", "less_than"):
        return f"«{field}»: значение должно быть не больше {ctx.get('le', ctx.get('lt'))}", f"'{field}': too large"
    msg = str(err.get("msg", kind))
    return f"«{field}»: {msg}", f"'{field}': {msg}"


#: fields whose union errors read better as one sentence
_UNION_FIELDS = {
    "demand": (
        "«demand»: укажите число обращений в год, low (маловостребована) или unknown (учет не велся)",
        "'demand': give the number of requests a year, low, or unknown",
    ),
}


#: schema problems reported per file; past it, one line says how many more (thousands help no one, and cost)
MAX_PROBLEMS = 100


def validate_model(model: type[M], data: Any) -> tuple[M | None, list[Problem]]:
    """``data`` as an instance of ``model``, or the problems pydantic found, in the user's terms.

    Problems carry YAML paths; their positions are found later, when a finding needs them.
    """
    from pydantic import ValidationError

    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        problems: list[Problem] = []
        seen: set[tuple[str | int, ...]] = set()
        errors = exc.errors(include_url=False)
        more = max(0, len(errors) - MAX_PROBLEMS * 2)
        errors = errors[: MAX_PROBLEMS * 2]
        # a misspelt key is reported once, as unknown with its suggestion, not also as missing
        suggested: set[tuple[Any, ...]] = set()
        for err in errors:
            if err["type"] == "extra_forbidden":
                parent = _model_at(model, _data_path(data, tuple(err["loc"][:-1]))[0])
                guess = did_you_mean(str(err["loc"][-1]), parent.model_fields if parent else ())
                if guess:
                    suggested.add((*err["loc"][:-1], guess))
        for err in errors:
            if err["type"] == "missing" and tuple(err["loc"]) in suggested:
                continue
            path, exists = _data_path(data, tuple(err["loc"]))
            if path in seen:
                continue
            seen.add(path)
            field = path[-1] if path else None
            if isinstance(field, str) and field in _UNION_FIELDS and exists and err["type"] != "extra_forbidden":
                ru, en = _UNION_FIELDS[field]
            elif (
                field == "touchpoints"
                and model.__name__ == "Procedure"
                and exists
                and len(path) == 1
                and err["type"] != "missing"
            ):
                ru = "«touchpoints»: укажите список точек взаимодействия или all"
                en = "'touchpoints': give a list of touchpoint ids, or all"
            else:
                ru, en = _message(err, model, path)
            if not exists and err["type"] == "missing":
                path = path[:-1]
            problems.append(Problem(SCHEMA, ru, en, yaml_path=path))
        if len(problems) > MAX_PROBLEMS or more:
            from ..russian import count

            rest = len(problems) - MAX_PROBLEMS + more
            problems = problems[:MAX_PROBLEMS]
            problems.append(
                Problem(
                    SCHEMA,
                    f"и еще {count(rest, 'нарушение схемы')} в этом файле (показаны первые {MAX_PROBLEMS})",
                    f"and {rest} more schema violation{'' if rest == 1 else 's'} in this file (the first "
                    f"{MAX_PROBLEMS} are shown)",
                )
            )
        return None, problems
