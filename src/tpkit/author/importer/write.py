"""Write: the plan becomes files — process files (existing ones edited in place where that is safe)
and new touchpoints appended to ``touchpoints.yaml`` with its comments kept.

Nothing is written when a process file would be replaced without ``--force``.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ...registry import Registry
from ...util import atomic_write_text
from .. import AuthoringError, check_inside
from ..fmt import format_text
from ..yamltext import append_to_sequence, compose, decode, parse, round_trip_yaml
from .map import ImportPlan, ProcessDocument

#: flow lists ([a, b]) for short lists of plain values, as people write them by hand
_FLOW_MAX_CHARS = 80


def flowify(value: Any, key: str | None = None) -> Any:
    """Plain data as ruamel nodes: short lists of scalars in flow style (``accessibility`` stays a block)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        cm = CommentedMap()
        for k, v in value.items():
            cm[k] = flowify(v, k)
        return cm
    if isinstance(value, list):
        seq = CommentedSeq(flowify(v) for v in value)
        if all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in value) and key != "accessibility":
            if sum(len(str(v)) for v in value) < _FLOW_MAX_CHARS:
                seq.fa.set_flow_style()
        return seq
    return value


def dump(data: Any) -> str:
    buf = io.StringIO()
    round_trip_yaml().dump(flowify(data), buf)
    return buf.getvalue()


def _update_in_place(path: Path, data: dict[str, Any]) -> str | None:
    """An existing process file with only what the import changes replaced, its other comments kept.

    ``None`` when that cannot be done safely (the caller then writes the file anew).
    """
    try:
        y = round_trip_yaml()
        doc = y.load(path.read_text(encoding="utf-8"))
        if not isinstance(doc, dict):
            return None
        doc["direction"] = data["direction"]
        doc["touchpoints"] = flowify(data["touchpoints"])
        wanted = {str(f.get("id")): f for f in data.get("features", []) or [] if isinstance(f, dict)}
        for feature in doc.get("features", []) or []:
            new = wanted.get(str(feature.get("id"))) if isinstance(feature, dict) else None
            if new is not None and "touchpoints" in new:
                feature["touchpoints"] = flowify(new["touchpoints"])
        buf = io.StringIO()
        y.dump(doc, buf)
        text = format_text(buf.getvalue(), "process")
    except Exception:  # FmtError, OSError, ruamel's own kinds: fall back to a fresh file
        return None
    expected = parse(format_text(dump(data), "process")).data
    return text if parse(text).data == expected else None


def _write_touchpoints(root: Path, items: list[dict[str, Any]]) -> None:
    path = root / "touchpoints.yaml"
    text = dump({"touchpoints": items})
    block = "".join(line[2:] if line.startswith("  ") else line for line in text.splitlines(keepends=True)[1:])
    block = "# добавлено tpkit import xlsx: проверьте channel, basis и responsible\n" + block
    if not path.exists():
        atomic_write_text(
            path,
            format_text("touchpoints:\n" + "".join("  " + ln for ln in block.splitlines(keepends=True)), "touchpoints"),
        )
        return
    old, _ = decode(path.read_bytes())
    if old is None or parse(old).fatal:
        raise AuthoringError("touchpoints.yaml: файл не читается — исправьте его и повторите импорт")
    atomic_write_text(path, append_to_sequence(old, compose(old), block))


def _refuse_overwrite(
    root: Path, reg: Registry, documents: list[ProcessDocument], targets: list[Path], force: bool
) -> None:
    existing_files = []
    for doc, path in zip(documents, targets, strict=True):
        if path.exists():
            existing_files.append(path.relative_to(root).as_posix())
        elif doc.existing is not None:
            existing_files.append(reg.process_file(doc.existing))
    if existing_files and not force:
        shown = ", ".join(existing_files[:5]) + (" …" if len(existing_files) > 5 else "")
        raise AuthoringError(
            f"импорт заменит существующие файлы ({shown}); повторите с --force / would overwrite files (use --force)"
        )


def write_plan(root: Path, reg: Registry, plan: ImportPlan, *, force: bool) -> list[str]:
    """Write the plan's files under ``root``; the paths written, relative to it."""
    targets = [root / "processes" / f"{doc.pid}.yaml" for doc in plan.processes]
    _refuse_overwrite(root, reg, plan.processes, targets, force)
    check_inside(root, targets)
    written: list[str] = []
    for doc, path in zip(plan.processes, targets, strict=True):
        text = None
        if doc.existing is not None:
            path = root / reg.process_file(doc.existing)
            text = _update_in_place(path, doc.data)
        atomic_write_text(path, text if text is not None else format_text(dump(doc.data), "process"))
        written.append(path.relative_to(root).as_posix())
    if plan.touchpoints:
        _write_touchpoints(root, list(plan.touchpoints.values()))
        written.append("touchpoints.yaml")
    return written
