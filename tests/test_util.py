"""Atomic writes keep the permissions a user expects."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

from tpkit.util import atomic_write_bytes, atomic_write_text


def test_new_file_gets_the_umask_mode_not_0600(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        p = tmp_path / "out.docx"
        atomic_write_bytes(p, b"x")
        assert stat.S_IMODE(p.stat().st_mode) == 0o644
    finally:
        os.umask(old)


def test_replaced_file_keeps_its_mode_and_no_temp_file_is_left(tmp_path: Path) -> None:
    p = tmp_path / "out.csv"
    p.write_bytes(b"old")
    p.chmod(0o640)
    atomic_write_bytes(p, b"new")
    assert p.read_bytes() == b"new" and stat.S_IMODE(p.stat().st_mode) == 0o640
    assert [q.name for q in tmp_path.iterdir()] == ["out.csv"]


def test_a_device_or_a_pipe_is_written_into_not_replaced(tmp_path: Path) -> None:
    # ``tpkit lint -o /dev/stdout``: a rename would replace the link (or, as root, the device) with a file
    link = tmp_path / "out"
    link.symlink_to(os.devnull)
    atomic_write_text(link, "отчет\n")
    assert link.is_symlink() and not Path(os.devnull).is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["out"]

    import threading

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    atomic_write_bytes(fifo, b"data")
    reader.join(timeout=10)
    assert got == [b"data"] and stat.S_ISFIFO(fifo.lstat().st_mode)


def test_an_error_names_the_file_asked_for_not_the_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 0.3 review: `tpkit lint --output /proc/x.json` said «/proc/.x.json.ynuxolq8.tmp: ошибка файловой системы»
    import errno
    import tempfile

    target = tmp_path / "report.json"

    def refuse(*args: Any, **kw: Any) -> Any:
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / ".report.json.ab12cd.tmp"))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(PermissionError) as caught:
        atomic_write_bytes(target, b"{}")
    assert caught.value.filename == str(target)


def test_the_collector_is_paused_by_a_one_shot_command_not_by_the_library(monkeypatch: pytest.MonkeyPatch) -> None:
    """``gc`` is process-wide: the command line pauses it for ``tpkit lint`` and gives it back; loading and linting
    as a library (the language server does) leave it alone."""
    import gc

    from conftest import EXAMPLE, run_cli

    from tpkit.config import load_config
    from tpkit.lint import engine
    from tpkit.registry import load_registry

    seen: list[bool] = []
    real = engine.run_rules

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(engine, "run_rules", spy)
    assert run_cli("lint", str(EXAMPLE)).code in (0, 1)
    assert seen and not any(seen)
    assert gc.isenabled()
    seen.clear()
    engine.lint(load_registry(EXAMPLE), load_config(EXAMPLE))
    assert seen and all(seen) and gc.isenabled()


def test_the_language_server_keeps_the_collector() -> None:
    """``tpkit server`` runs for hours: the pause that :func:`tpkit.cli.app.main` makes for a one-shot process is
    lifted for it."""
    import gc
    from types import SimpleNamespace

    from tpkit.cli.app import collector_for

    gc.disable()
    threshold = gc.get_threshold()
    try:
        collector_for(SimpleNamespace(invoked_subcommand="server"))  # type: ignore[arg-type]
        assert gc.isenabled() and gc.get_threshold()[0] >= 10_000
    finally:
        gc.enable()
        gc.set_threshold(*threshold)
