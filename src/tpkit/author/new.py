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
from typing import TYPE_CHECKING, Any

from ..registry.placeholders import PLACEHOLDERS, fill
from ..registry.span import START
from . import AuthoringError, check_inside
from .yamltext import CONTROL_CHARS, INVISIBLE_CHARS, append_to_sequence, compose, decode, indent, parse

if TYPE_CHECKING:
    from ..registry import Registry

KINDS = ("process", "touchpoint", "procedure")
_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")  # fullmatch: Python's ``$`` would let a final newline through


#: what ``tpkit new`` says it added, in each language (the kind agrees with its verb: «добавлена точка»)
ADDED: dict[str, tuple[str, str]] = {
    "process": ("добавлен процесс", "process added"),
    "touchpoint": ("добавлена точка", "touchpoint added"),
    "procedure": ("добавлен порядок", "procedure added"),
}


@dataclass
class NewResult:
    kind: str
    ident: str
    path: Path

    @property
    def said(self) -> str:
        """«добавлен процесс «x» / process added»."""
        ru, en = ADDED[self.kind]
        return f"{ru} «{self.ident}» / {en}"


def _template(name: str) -> str:
    from ..util import resource_dir

    path = resource_dir("templates") / "new" / name
    try:
        return fill(path.read_text(encoding="utf-8"))  # placeholders first: the skeleton's own tokens stay
    except OSError as exc:
        raise AuthoringError(f"нет шаблона {path} (повреждена установка tpkit) / template missing") from exc


def yaml_scalar(text: str) -> str:
    """``text`` as a YAML scalar that reads back as the same string (plain when safe)."""
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
    from ..registry.models import WINDOWS_DEVICE_NAMES

    if not _ID.fullmatch(ident):
        raise AuthoringError(
            f"«{ident}»: недопустимый id — латиница в нижнем регистре, цифры, «-» и «_», "
            f"например child-benefit / invalid id"
        )
    if ident in WINDOWS_DEVICE_NAMES:  # the schema refuses it; said here, not as the skeleton's internal error
        raise AuthoringError(
            f"«{ident}»: имя устройства Windows — файл с таким именем нельзя получить из git в Windows; "
            f"выберите другой id (например, «{ident}-1») / a Windows device name cannot be an id"
        )


def _check_title(title: str) -> None:
    """A title the reader would flag (a control or invisible character, bytes that are not UTF-8) is refused here."""

    bad = CONTROL_CHARS.search(title) or INVISIBLE_CHARS.search(title)
    if bad:
        code = f"U+{ord(bad.group()):04X}"
        raise AuthoringError(
            f"--title: недопустимый символ {code} (управляющий, невидимый или байты не в UTF-8) "
            f"/ the title holds {code}, a control or invisible character or bytes that are not UTF-8"
        )


def new_object(root: Path, kind: str, ident: str, *, title: str | None = None, channel: str | None = None) -> NewResult:
    if kind not in KINDS:
        raise AuthoringError(f"«{kind}»: можно создать {', '.join(KINDS)} / unknown kind")
    _check_id(kind, ident)
    if title is not None and not title.strip():
        raise AuthoringError("--title: пустое наименование / empty title")
    if title is not None:
        _check_title(title)
    from ..registry import load_registry

    reg = load_registry(root)
    # without --title the name is a placeholder (TP009 reports it until replaced), not a title a document would print
    if kind == "process":
        return _new_doc(root, reg, "process", "processes", ident, title or PLACEHOLDERS["PROCESS_TITLE"])
    if kind == "procedure":
        return _new_doc(root, reg, "procedure", "procedures", ident, title or PLACEHOLDERS["PROCEDURE_TITLE"])
    return _new_touchpoint(root, reg, ident, title or PLACEHOLDERS["TOUCHPOINT_NAME"], channel)


def _new_doc(root: Path, reg: Registry, kind: str, folder: str, ident: str, title: str) -> NewResult:
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


def _verify(text: str, kind: str) -> dict[str, Any]:
    """The skeleton must read back and pass the schema: never write a broken file."""
    from ..registry.models import FILE_KINDS
    from ..registry.validate import validate_model

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


def _new_touchpoint(root: Path, reg: Registry, ident: str, title: str, channel: str | None) -> NewResult:

    from ..registry.enums import CHANNELS, FORM_LABELS
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
        text = "touchpoints:\n" + indent(block, 2)
        _verify(text, "touchpoint")
        atomic_write_text(path, text)
        return NewResult("touchpoint", ident, path)
    raw = path.read_bytes()
    old, problem = decode(raw)
    if old is None:
        at = problem.span if problem is not None and problem.span is not None else START
        raise AuthoringError(f"touchpoints.yaml:{at.line}: {problem.ru if problem else ''}")
    before = parse(old)
    if before.fatal:
        p = before.problems[0]
        at = p.span or START
        raise AuthoringError(f"touchpoints.yaml:{at.line}:{at.column}: {p.ru} — исправьте файл / fix the file first")
    data = before.data if before.data is not None else {}
    if not isinstance(data, dict) or not isinstance(data.get("touchpoints", []) or [], list):
        raise AuthoringError("touchpoints.yaml: ожидается словарь с ключом touchpoints: списком точек")
    node = compose(old)
    new_text = append_to_sequence(old, node, block)
    after = parse(new_text)
    old_items = list(data.get("touchpoints") or [])
    expected_items = [*old_items, _verify("touchpoints:\n" + indent(block, 2), "touchpoint")["touchpoints"][0]]
    if after.fatal or not isinstance(after.data, dict) or after.data.get("touchpoints") != expected_items:
        raise AuthoringError(
            "touchpoints.yaml: не удалось аккуратно дописать точку (необычная разметка файла); "
            "добавьте ее вручную / could not append safely"
        )
    if old.count("\r\n") * 2 > old.count("\n"):  # Windows line endings (a checkout with core.autocrlf) stay
        new_text = re.sub(r"(?<!\r)\n", "\r\n", new_text)
    atomic_write_text(path, new_text)
    return NewResult("touchpoint", ident, path)
