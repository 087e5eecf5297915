"""Helpers the commands share: finding the registry, where output goes, the core's one-line errors."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import typer

from .errors import fail

if TYPE_CHECKING:
    from ..registry.models import Config

T = TypeVar("T")

NO_REGISTRY = (
    "реестр не найден — нет tpkit.yaml ни в этой папке, ни выше (создайте его: tpkit init) "
    "/ no registry: no tpkit.yaml here or above"
)


def split_codes(values: list[str] | None) -> list[str] | None:
    """``--select TP1,TP2 --select TP3`` -> ``[TP1, TP2, TP3]``."""
    if not values:
        return None
    out: list[str] = []
    for v in values:
        out.extend(c.strip().upper() for c in v.split(",") if c.strip())
    return out


def check_choice(option: str, value: str | None, allowed: Any, what: str = "неизвестный формат") -> None:
    """A one-line usage error when ``value`` is not one of ``allowed``."""
    if value is not None and value not in allowed:
        fail(f"{option}: {what} «{value}»; допустимо: {', '.join(allowed)}")


def check_direction(direction: str | None) -> None:
    from ..registry.enums import DIRECTIONS

    check_choice("--direction", direction, DIRECTIONS, "неизвестное направление")


def chosen_lang(ctx: typer.Context, lang: str | None) -> str | None:
    """The language asked for: ``--lang`` after the command (``lang``, checked by its option), before it, or
    ``TPKIT_LANG``; None: the registry's (``language:`` in its tpkit.yaml, as the config loader reads it)."""
    from .app import state_of
    from .i18n import env_lang

    return lang or state_of(ctx).lang or env_lang()


def use_color(fmt: str, output: object) -> bool:
    """Colour only for a text report on a terminal, and never with NO_COLOR."""
    return fmt == "text" and output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def registry_root(path: Path | None) -> Path:
    """The registry above ``path`` (default: the working folder), or a one-line usage error."""
    from ..registry import NoRegistryError, find_root

    start = path or Path.cwd()
    if not start.exists():
        fail(f"{start}: нет такого файла или папки / no such file or folder")
    try:
        root = find_root(start)
    except NoRegistryError:
        fail(f"{start}: {NO_REGISTRY}")
    check_links([start], root)
    return root


def check_links(paths: list[Path], root: Path) -> None:
    """A file named on the command line that is a link out of the registry: say so (it is not read)."""
    for p in paths:
        if p.is_symlink():
            try:
                p.resolve().relative_to(root.resolve())
            except (ValueError, OSError, RuntimeError):
                fail(
                    f"{p}: символическая ссылка ведет за пределы реестра {root}; реестр не следует по таким ссылкам / "
                    f"the link leaves the registry"
                )


def paths_or_registry(paths: list[Path] | None, registry: Path | None) -> list[Path] | None:
    """A command's PATH arguments, or ``-C``/``--registry DIR`` as the one path (the option every other command
    takes); both at once is a usage error."""
    if registry is None:
        return paths
    if paths:
        fail("-C/--registry и PATH вместе не указываются: выберите одно / give -C/--registry or PATH, not both")
    return [registry]


def resolve_targets(paths: list[Path] | None) -> tuple[list[Path], Path]:
    """The files and folders a command was given (the working folder if none) and their registry's root; a path
    that does not exist, or leads out of the registry, is a usage error."""
    targets = paths or [Path.cwd()]
    for t in targets:
        if not t.exists():
            fail(f"{t}: нет такого файла или папки / no such file or folder")
    root = registry_root(targets[0])
    check_links(targets, root)
    return targets, root


def open_registry(paths: list[Path] | None, lang: str | None) -> tuple[Path, Config, set[str] | None]:
    """Root, config and the set of files to report on (None = all)."""
    from ..config import load_config

    targets, root = resolve_targets(paths)
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


def check_output(target: Path, root: Path, config: Config, *, folder: bool = False, data: bool = False) -> None:
    """Refuse, before anything is written, an output path that would replace what the registry is made of (or, a
    ``folder`` to fill, mix files into its data folders; ``data``: any file in them)."""
    from ..registry.protect import protected

    reason = protected(root, target, config.render.templates, folder=folder, data=data)
    if reason is not None:
        ru, en = reason
        fail(f"{target}: {ru} — вывод туда не записывается / refusing to write an output here: {en}")


def check_writable(target: Path) -> None:
    """Refuse, before anything is written, a file that cannot be written: a folder, a path through a file, a folder
    without the right to write (missing folders are made when the file is written)."""
    if target.is_dir():
        fail(f"{target}: это папка, а не файл / this is a folder, not a file")
    folder = target.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        fail(f"{target}: {folder} — не папка / {folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK) or (target.exists() and not os.access(target, os.W_OK)):
        fail(f"{target}: нет права на запись / permission denied")


def stdout_or_path(output: Path | None) -> Path | None:
    """``--output -`` means stdout, as for render: None."""
    return None if output is None or str(output) == "-" else output


def author_call(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run an authoring core function; its one-line errors exit 2."""
    from ..author import AuthoringError

    try:
        return fn(*args, **kwargs)
    except AuthoringError as exc:
        fail(str(exc))


def write_text_report(output: Path | None, text: str) -> None:
    """A report to ``output`` (written atomically) or to stdout."""
    if output is None:
        sys.stdout.write(text)
        return
    from ..util import atomic_write_text

    atomic_write_text(output, text)


def write_bytes(target: Path | None, data: bytes) -> None:
    """A document to ``target`` (written atomically, then named on stderr) or, for None, to stdout."""
    if target is None:
        sys.stdout.buffer.write(data) if hasattr(sys.stdout, "buffer") else sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
        return
    from ..util import atomic_write_bytes

    atomic_write_bytes(target, data)


def written(target: Path | str) -> None:
    typer.echo(f"записано / written: {target}", err=True)
