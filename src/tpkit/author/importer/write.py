"""Write: the plan becomes files — process files (existing ones edited in place where that is safe, their
comments kept, those on touchpoint entries included) and new touchpoints appended to ``touchpoints.yaml`` with its
comments kept.

All or nothing: every file's text is made first (nothing is written when one fails, or when a process file would
be replaced without ``--force``); then each is staged as a temporary file beside its target and flushed to disk;
only when all are staged are they moved into place, one rename each.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ...registry import Registry
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
        doc["touchpoints"] = merge_entries(doc.get("touchpoints"), data["touchpoints"])
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


def merge_entries(old: Any, new: list[dict[str, Any]]) -> Any:
    """The new touchpoint entries, reusing the old entry of the same touchpoint (its comments stay with it).

    A value that did not change is not touched (a comment after it stays on its line); keys the new entry has no
    more are removed. When the touchpoints are the same and in the same order, the old list itself is kept, so the
    comments between its items stay too.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if not isinstance(old, CommentedSeq):
        return flowify(new)
    by_tp = {str(e.get("touchpoint")): e for e in old if isinstance(e, CommentedMap)}
    maps = []
    for entry in new:
        cm = by_tp.get(str(entry["touchpoint"]))
        if cm is None:
            maps.append(flowify(entry))
            continue
        for key in [k for k in cm if k not in entry]:
            del cm[key]
        for key, value in entry.items():
            current = cm.get(key)
            plain = list(current) if isinstance(current, list) else current
            if key not in cm or plain != value:
                cm[key] = flowify(value, key)
        maps.append(cm)
    if len(maps) == len(old) and all(a is b for a, b in zip(maps, old, strict=True)):
        return old
    return CommentedSeq(maps)


def _touchpoints_text(root: Path, items: list[dict[str, Any]]) -> str:
    path = root / "touchpoints.yaml"
    text = dump({"touchpoints": items})
    block = "".join(line[2:] if line.startswith("  ") else line for line in text.splitlines(keepends=True)[1:])
    block = "# добавлено tpkit import: проверьте channel, basis и responsible\n" + block
    if not path.exists():
        return format_text(
            "touchpoints:\n" + "".join("  " + ln for ln in block.splitlines(keepends=True)), "touchpoints"
        )
    old, _ = decode(path.read_bytes())
    if old is None or parse(old).fatal:
        raise AuthoringError("touchpoints.yaml: файл не читается — исправьте его и повторите импорт")
    return append_to_sequence(old, compose(old), block)


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


def process_targets(root: Path, reg: Registry, plan: ImportPlan) -> dict[str, ProcessDocument]:
    """The file each process document goes to (relative POSIX path): its own file when it exists."""
    out: dict[str, ProcessDocument] = {}
    for doc in plan.processes:
        rel = reg.process_file(doc.existing) if doc.existing is not None else f"processes/{doc.pid}.yaml"
        out[rel] = doc
    return out


def plan_texts(root: Path, reg: Registry, plan: ImportPlan, *, force: bool) -> dict[str, str]:
    """Every file the plan writes and its text, made before anything is written."""
    targets = process_targets(root, reg, plan)
    _refuse_overwrite(root, reg, list(targets.values()), [root / rel for rel in targets], force)
    check_inside(root, [root / rel for rel in targets])
    texts: dict[str, str] = {}
    for rel, doc in targets.items():
        text = _update_in_place(root / rel, doc.data) if doc.existing is not None else None
        texts[rel] = text if text is not None else format_text(dump(doc.data), "process")
    if plan.touchpoints:
        texts["touchpoints.yaml"] = _touchpoints_text(root, list(plan.touchpoints.values()))
    return texts


def commit_files(root: Path, texts: dict[str, str], outputs: dict[Path, bytes] | None = None) -> list[str]:
    """Write every file or none (:func:`tpkit.util.atomic_write_many`): the registry's files (``texts``, by path
    relative to ``root``) and ``outputs`` (the plan), which are staged first. The registry's paths written."""
    from ...util import atomic_write_many

    files = dict(outputs or {})
    files.update({root / rel: text.encode("utf-8") for rel, text in texts.items()})
    if files:
        atomic_write_many(files)
    return list(texts)
