"""``tpkit new process|touchpoint|procedure ID``: a valid, commented skeleton in the right place.

Skeletons are files in ``templates/new/`` with ``__ID__``-style placeholders;
values are written as YAML scalars that read back exactly. A touchpoint is
appended to ``touchpoints.yaml`` as text, so every comment and the layout of
the file stay as they were; the result is checked by reading it back.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import AuthoringError, check_inside

KINDS = ("process", "touchpoint", "procedure")
_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")  # fullmatch: Python's ``$`` would let a final newline through


@dataclass
class NewResult:
    kind: str
    ident: str
    path: Path


def _template(name: str) -> str:
    from ..util import resource_dir

    path = resource_dir("templates") / "new" / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise AuthoringError(f"нет шаблона {path} (повреждена установка tpkit) / template missing") from exc


def yaml_scalar(text: str) -> str:
    """``text`` as a YAML scalar that reads back as the same string (plain when safe)."""
    from ..registry.yaml import parse

    if text and "\n" not in text and text == text.strip():
        parsed = parse(f"k: {text}\n")
        if not parsed.problems and parsed.data == {"k": text}:
            return text
    return json.dumps(text, ensure_ascii=False)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _fill(template: str, values: dict[str, str]) -> str:
    """Replace ``__NAME__`` placeholders in one pass (a value is never scanned again)."""
    return re.sub(r"__([A-Z_]+?)__", lambda m: values.get(m.group(1), m.group(0)), template)


def _check_id(kind: str, ident: str) -> None:
    if not _ID.fullmatch(ident):
        raise AuthoringError(
            f"«{ident}»: недопустимый id — латиница в нижнем регистре, цифры, «-» и «_», "
            f"например child-benefit / invalid id"
        )


def _check_title(title: str) -> None:
    """A title the reader would flag (a control or invisible character, bytes that are not UTF-8) is refused here."""
    from ..registry.yaml import CONTROL_CHARS, INVISIBLE_CHARS

    bad = CONTROL_CHARS.search(title) or INVISIBLE_CHARS.search(title)
    if bad:
        code = f"U+{ord(bad.group()):04X}"
        raise AuthoringError(
            f"--title: недопустимый символ {code} (управляющий, невидимый или байты не в UTF-8) "
            f"/ the title holds {code}, a control or invisible character or bytes that are not UTF-8"
        )


def _load(root: Path):  # type: ignore[no-untyped-def]
    from ..registry import load_registry

    return load_registry(root)


def new_object(root: Path, kind: str, ident: str, *, title: str | None = None, channel: str | None = None) -> NewResult:
    if kind not in KINDS:
        raise AuthoringError(f"«{kind}»: можно создать {', '.join(KINDS)} / unknown kind")
    _check_id(kind, ident)
    if title is not None and not title.strip():
        raise AuthoringError("--title: пустое наименование / empty title")
    if title is not None:
        _check_title(title)
    reg = _load(root)
    if kind == "process":
        return _new_doc(root, reg, "process", "processes", ident, title or f"Процесс {ident} (наименование)")
    if kind == "procedure":
        return _new_doc(
            root, reg, "procedure", "procedures", ident, title or f"Порядок взаимодействия с клиентами ({ident})"
        )
    return _new_touchpoint(root, reg, ident, title or f"Точка взаимодействия {ident} (наименование)", channel)


def _new_doc(root: Path, reg, kind: str, folder: str, ident: str, title: str) -> NewResult:  # type: ignore[no-untyped-def]
    from ..util import atomic_write_text

    path = root / folder / f"{ident}.yaml"
    existing = reg.processes if kind == "process" else reg.procedures
    word = "процесс" if kind == "process" else "порядок"
    if ident in existing or ident in reg.raw_ids.get(kind, set()):
        where = reg.where.get((kind, ident))
        at = f" ({where.file})" if where is not None else ""
        raise AuthoringError(f"{word} «{ident}» уже есть{at} / {kind} '{ident}' already exists")
    if path.exists() or (root / folder / f"{ident}.yml").exists():
        raise AuthoringError(f"{path.relative_to(root).as_posix()}: файл уже существует / the file already exists")
    values = {"ID": ident, "TITLE_TEXT": _one_line(title), "TITLE": yaml_scalar(title)}
    if kind == "process":
        catalogue = ", ".join(reg.touchpoints) or "(пока нет — tpkit new touchpoint ID)"
        values["CATALOGUE"] = catalogue
        text = _fill(_template("process.yaml"), values)
    else:
        values["TOUCHPOINTS"] = (f"[{ident}]" if ident in reg.touchpoints else "[]").ljust(22)
        text = _fill(_template("procedure.yaml"), values)
    _verify(text, kind)
    check_inside(root, [path])
    atomic_write_text(path, text)
    return NewResult(kind, ident, path)


def _verify(text: str, kind: str) -> dict:  # type: ignore[type-arg]
    """The skeleton must read back and pass the schema: never write a broken file."""
    from ..registry.models import FILE_KINDS
    from ..registry.validate import validate_model
    from ..registry.yaml import parse

    parsed = parse(text)
    if parsed.problems or not isinstance(parsed.data, dict):
        raise AuthoringError(f"внутренняя ошибка: заготовка {kind} не читается / the skeleton does not parse")
    model = FILE_KINDS[kind] if kind != "touchpoint" else FILE_KINDS["touchpoints"]
    obj, problems = validate_model(model, parsed.data)
    if obj is None or problems:
        raise AuthoringError(
            f"внутренняя ошибка: заготовка {kind} не проходит схему: {problems[0].ru if problems else ''}"
        )
    return parsed.data


def _new_touchpoint(root: Path, reg, ident: str, title: str, channel: str | None) -> NewResult:  # type: ignore[no-untyped-def]

    from ..registry.enums import CHANNELS, FORM_LABELS
    from ..registry.yaml import compose, parse
    from ..util import atomic_write_text

    channel = channel or "other_digital"
    if channel not in CHANNELS:
        from ..registry.validate import did_you_mean

        hint = did_you_mean(channel, list(CHANNELS))
        raise AuthoringError(
            f"--channel: неизвестный канал «{channel}»{f' (может быть, {hint}?)' if hint else ''}; "
            f"допустимо: {', '.join(CHANNELS)}"
        )
    if ident in reg.touchpoints or ident in reg.raw_ids.get("touchpoint", set()):
        raise AuthoringError(f"точка «{ident}» уже есть в touchpoints.yaml / touchpoint '{ident}' already exists")
    form = CHANNELS[channel]["form"]
    block = _fill(
        _template("touchpoint-offline.yaml" if form == "offline" else "touchpoint.yaml"),
        {
            "ID": ident,
            "TITLE_TEXT": _one_line(title),
            "TITLE": yaml_scalar(title),
            "CHANNEL": channel.ljust(18),
            "FORM": f"форма: {FORM_LABELS[form]['ru']}",
        },
    )
    path = root / "touchpoints.yaml"
    if not path.exists():
        text = "touchpoints:\n" + _indent(block, 2)
        _verify(text, "touchpoint")
        atomic_write_text(path, text)
        return NewResult("touchpoint", ident, path)
    raw = path.read_bytes()
    from ..registry.yaml import decode

    old, problem = decode(raw)
    if old is None:
        raise AuthoringError(f"touchpoints.yaml:{problem.line if problem else 1}: {problem.ru if problem else ''}")
    before = parse(old)
    if before.fatal:
        p = before.problems[0]
        raise AuthoringError(f"touchpoints.yaml:{p.line}:{p.column}: {p.ru} — исправьте файл / fix the file first")
    data = before.data if before.data is not None else {}
    if not isinstance(data, dict) or not isinstance(data.get("touchpoints", []) or [], list):
        raise AuthoringError("touchpoints.yaml: ожидается словарь с ключом touchpoints: списком точек")
    node = compose(old)
    new_text = _append_to_sequence(old, node, block)
    after = parse(new_text)
    old_items = list(data.get("touchpoints") or [])
    expected_items = [*old_items, _verify("touchpoints:\n" + _indent(block, 2), "touchpoint")["touchpoints"][0]]
    if after.fatal or not isinstance(after.data, dict) or after.data.get("touchpoints") != expected_items:
        raise AuthoringError(
            "touchpoints.yaml: не удалось аккуратно дописать точку (необычная разметка файла); "
            "добавьте ее вручную / could not append safely"
        )
    atomic_write_text(path, new_text)
    return NewResult("touchpoint", ident, path)


def _indent(block: str, n: int) -> str:
    pad = " " * n
    return "".join(pad + line if line.strip() else line for line in block.splitlines(keepends=True))


def _append_to_sequence(text: str, node: Any, block: str) -> str:
    """Insert ``block`` as the last item of the top-level ``touchpoints`` sequence."""
    import yaml

    if not text.endswith("\n"):
        text += "\n"
    if node is None or not isinstance(node, yaml.MappingNode):
        return text + "touchpoints:\n" + _indent(block, 2)
    pairs = node.value
    index = next(
        (i for i, (k, _) in enumerate(pairs) if isinstance(k, yaml.ScalarNode) and k.value == "touchpoints"), None
    )
    if index is None:
        return text + "touchpoints:\n" + _indent(block, 2)
    key, value = pairs[index]
    lines = text.splitlines(keepends=True)
    if isinstance(value, yaml.SequenceNode) and not value.flow_style and value.value:
        indent = value.start_mark.column
        if index + 1 < len(pairs):
            insert_at = pairs[index + 1][0].start_mark.line
            lines[insert_at:insert_at] = _indent(block, indent).splitlines(keepends=True)
            return "".join(lines)
        return text + _indent(block, indent)
    # empty: `touchpoints:`, `touchpoints: []` or `touchpoints: ~` -> a block sequence
    if isinstance(value, yaml.SequenceNode) and value.value:
        raise AuthoringError("touchpoints.yaml: список точек записан в строку ([...]); добавьте точку вручную")
    line = key.start_mark.line
    if value.end_mark.line != line:
        raise AuthoringError("touchpoints.yaml: необычная разметка ключа touchpoints; добавьте точку вручную")
    src = lines[line]
    start = key.start_mark.column
    # keep an end-of-line comment
    found = re.search(r"\s(#.*)$", src[key.end_mark.column :].rstrip("\r\n"))
    new_line = src[:start] + "touchpoints:" + (f"  {found.group(1)}" if found else "") + "\n"
    lines[line] = new_line
    tail = "".join(lines[line + 1 :])
    head = "".join(lines[: line + 1])
    return head + _indent(block, start + 2) + tail
