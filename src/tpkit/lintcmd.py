"""``tpkit lint`` without typer: the command's body, shared by the typer command and the fast entry path.

It imports nothing heavy at module level (start-up time of ``tpkit lint`` is measured); the messages and exit
codes are those of the command line (see tpkit.cli). Usage errors are raised as tpkit.errors.UsageError.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from .errors import fail

FAIL_ON = ("error", "warning", "info", "never")


def split_codes(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    out: list[str] = []
    for v in values:
        out.extend(c.strip().upper() for c in v.split(",") if c.strip())
    return out


def open_registry(paths: list[Path] | None, lang: str | None):  # type: ignore[no-untyped-def]
    """Root, config and the set of files to report on (None = all)."""
    from .config import load_config
    from .registry import NoRegistryError, find_root

    targets = paths or [Path.cwd()]
    for t in targets:
        if not t.exists():
            fail(f"{t}: нет такого файла или папки / no such file or folder")
    try:
        root = find_root(targets[0])
    except NoRegistryError:
        fail(
            f"{targets[0]}: реестр не найден — нет tpkit.yaml ни в этой папке, ни выше "
            f"(создайте его: tpkit init) / no registry: no tpkit.yaml here or above"
        )
    config = load_config(root, lang)
    only: set[str] | None = None
    files = [t for t in targets if t.is_file()]
    if files:
        only = set()
        for t in files:
            try:
                only.add(t.resolve().relative_to(root).as_posix())
            except ValueError:
                fail(f"{t}: файл вне реестра {root} / the file is outside the registry")
    return root, config, only


def report_root(root: Path) -> str:
    """The registry root relative to the working folder, as CI systems resolve report paths ("." if outside)."""
    try:
        rel = root.resolve().relative_to(Path.cwd().resolve())
    except (ValueError, OSError):
        return "."
    return rel.as_posix() or "."


def lint_since(root, since, config, select, ignore, language, only, *, debug: bool = False):  # type: ignore[no-untyped-def]
    from .review.core import GitError, lint_since

    try:
        return lint_since(
            root, since, config, lang=language, select=select, ignore=ignore, only_files=only, debug=debug
        )
    except GitError as exc:
        fail(f"--since: {exc}")


def _err(line: str) -> None:
    sys.stderr.write(line + "\n")


def run(
    paths: list[Path] | None = None,
    fmt: str | None = None,
    output: Path | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    fail_on: str | None = None,
    baseline: Path | None = None,
    write_baseline: Path | None = None,
    lang: str | None = None,
    since: str | None = None,
    debug: bool = False,
) -> int:
    """Check the registry; the report goes to stdout (or ``output``), notes to stderr. Returns the exit code."""
    from .lint.engine import lint as run_lint
    from .registry import load_registry
    from .report import FORMATS, get_reporter

    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if fmt not in FORMATS:
        fail(f"--format: неизвестный формат «{fmt}»; допустимо: {', '.join(FORMATS)}")
    if lang is not None and lang not in ("ru", "en"):
        fail("--lang: ru | en")
    if fail_on is not None and fail_on not in FAIL_ON:
        fail("--fail-on: error | warning | info | never")
    from .lint.rule import unknown_patterns

    for opt, values in (("--select", select), ("--ignore", ignore)):
        bad = unknown_patterns(split_codes(values) or [])
        if bad:
            fail(f"{opt}: нет правила «{bad[0]}» (список: tpkit rules) / no rule '{bad[0]}'")
    root, config, only = open_registry(paths, lang)
    if write_baseline is not None and only is not None:
        fail(
            "--write-baseline записывает замечания всего реестра: укажите папку, а не файлы "
            "/ --write-baseline records the whole registry: give a folder, not files"
        )
    known: set[str] | None = None
    if baseline is not None:
        from .lint.baseline import BaselineError, load

        try:
            known = load(baseline)
        except BaselineError as exc:
            fail(str(exc))
    language = lang or config.language
    result: Any
    if since is not None:
        result = lint_since(root, since, config, split_codes(select), split_codes(ignore), language, only, debug=debug)
    else:
        reg = load_registry(root)
        result = run_lint(
            reg,
            config,
            select=split_codes(select),
            ignore=split_codes(ignore),
            lang=language,
            only_files=only,
            debug=debug,
        )
    for err in result.internal_errors:
        _err(f"tpkit: внутренняя ошибка правила {err} / internal error")
    if write_baseline is not None:
        from .lint.baseline import dumps
        from .util import atomic_write_text

        atomic_write_text(write_baseline, dumps(result.findings))
        _err(f"tpkit: {write_baseline}: записано замечаний в базовую линию / findings recorded: {len(result.findings)}")
        return 2 if result.internal_errors else 0
    if known is not None:
        from .lint.baseline import apply

        result, hidden = apply(result, known)
        if hidden:
            _err(f"tpkit: {baseline}: не показано замечаний из базовой линии / findings in the baseline: {hidden}")
    color = fmt == "text" and output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    report = get_reporter(fmt)(result, root=report_root(root), lang=language, color=color)
    if output is not None:
        from .report.text_report import summary_line
        from .util import atomic_write_text

        atomic_write_text(output, report)
        _err(summary_line(result, language))
    else:
        sys.stdout.write(report)
    if result.internal_errors:
        return 2
    threshold = fail_on or config.lint.fail_on
    return 1 if result.fails(threshold) else 0
