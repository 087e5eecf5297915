"""Atomic writes keep the permissions a user expects."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from tpkit.util import atomic_write_bytes


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
