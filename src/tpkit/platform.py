"""What differs between Linux distributions and Windows: finding LibreOffice, a console that cannot show Cyrillic.

Nothing here prints or exits. Every function takes the environment it reads as arguments (defaulting to the
real one), so tests fake a Windows machine or an Astra Linux one on any host.
"""

from __future__ import annotations

import codecs
import io
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

#: where LibreOffice's ``soffice`` stands on Linux when it is not on PATH, relative to the root: Debian, Ubuntu,
#: Astra Linux (``/usr/lib/libreoffice``); RED OS, ROSA, Fedora (``/usr/lib64/libreoffice``); ALT Linux
#: (``/usr/lib64/LibreOffice``); the Document Foundation's own packages (``/opt/libreoffice*``); snap
LINUX_SOFFICE = (
    "usr/bin/soffice",
    "usr/bin/libreoffice",
    "usr/local/bin/soffice",
    "usr/lib/libreoffice/program/soffice",
    "usr/lib64/libreoffice/program/soffice",
    "usr/lib64/LibreOffice/program/soffice",
    "usr/lib/LibreOffice/program/soffice",
    "opt/libreoffice*/program/soffice",
    "snap/bin/libreoffice",
)

#: the environment variables that name the Program Files folders on Windows (64-bit first)
WINDOWS_PROGRAM_FILES = ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")


def find_soffice(
    environ: Mapping[str, str] | None = None,
    *,
    windows: bool | None = None,
    root: Path = Path("/"),
) -> Path | None:
    """The LibreOffice program that converts DOCX to PDF/ODT (``soffice --headless --convert-to``), or None.

    Looked for in this order: ``TPKIT_SOFFICE`` (a file path, for a portable LibreOffice); ``soffice`` (and
    ``libreoffice``) on ``PATH``; on Linux, the usual install folders of Debian/Astra, RED OS/ROSA, ALT and the
    official packages under ``/opt``; on Windows, ``soffice.exe`` in ``LibreOffice\\program`` (or
    ``LibreOffice N\\program``) under ``%ProgramFiles%``, ``%ProgramW6432%`` and ``%ProgramFiles(x86)%``.

    ``environ`` defaults to ``os.environ``, ``windows`` to ``os.name == "nt"``; ``root`` is where the Linux
    folders are looked for (a test passes a fake file system).
    """
    env = os.environ if environ is None else environ
    on_windows = os.name == "nt" if windows is None else windows

    explicit = env.get("TPKIT_SOFFICE", "").strip().strip('"')
    if explicit:
        p = Path(explicit)
        return p if _runnable(p, on_windows) else None

    names = ("soffice.exe", "soffice.com", "soffice") if on_windows else ("soffice", "libreoffice")
    found = _on_path(env.get("PATH", env.get("Path", "")), names, on_windows)
    if found is not None:
        return found

    if on_windows:
        return _first(_windows_candidates(env), on_windows)
    return _first(_linux_candidates(root), on_windows)


def _on_path(path_var: str, names: Iterable[str], on_windows: bool) -> Path | None:
    sep = ";" if on_windows else ":"
    for folder in path_var.split(sep):
        folder = folder.strip().strip('"')
        if not folder:
            continue
        for name in names:
            candidate = Path(folder) / name
            if _runnable(candidate, on_windows):
                return candidate
    return None


def _linux_candidates(root: Path) -> Iterable[Path]:
    for rel in LINUX_SOFFICE:
        if "*" in rel:
            yield from sorted(root.glob(rel), reverse=True)  # the newest /opt/libreofficeN.M first
        else:
            yield root / rel


def _windows_candidates(env: Mapping[str, str]) -> Iterable[Path]:
    seen: set[str] = set()
    for var in WINDOWS_PROGRAM_FILES:
        base = env.get(var, "").strip().strip('"')
        if not base or base.lower() in seen:
            continue
        seen.add(base.lower())
        folder = Path(base)
        yield folder / "LibreOffice" / "program" / "soffice.exe"
        # older installers: "LibreOffice 5", "LibreOffice 7"
        if folder.is_dir():
            yield from (
                p / "program" / "soffice.exe" for p in sorted(folder.glob("LibreOffice *"), reverse=True) if p.is_dir()
            )


def _first(candidates: Iterable[Path], on_windows: bool) -> Path | None:
    for candidate in candidates:
        if _runnable(candidate, on_windows):
            return candidate
    return None


def _runnable(path: Path, on_windows: bool) -> bool:
    try:
        if not path.is_file():
            return False
    except OSError:
        return False
    return on_windows or os.access(path, os.X_OK)


def safe_console(streams: Iterable[Any] | None = None) -> None:
    """Let a console that cannot encode Cyrillic print anyway, instead of failing with UnicodeEncodeError.

    A Windows console redirected to a file writes cp1251 (no «×», «→»), an old cmd.exe cp866 (no «—», ««»»),
    ``PYTHONIOENCODING=ascii`` or a bare C locale nothing Russian at all. A character the stream cannot encode
    is written as ``\\uXXXX`` (astral ones as a surrogate pair), which is also a valid escape inside a JSON
    string, so ``--format json`` stays JSON; the rest of the message stays readable. Streams that already
    tolerate errors are left alone.
    """
    try:
        codecs.lookup_error(ESCAPE_ERRORS)
    except LookupError:
        codecs.register_error(ESCAPE_ERRORS, _json_escape)
    for stream in (sys.stdout, sys.stderr) if streams is None else streams:
        if isinstance(stream, io.TextIOWrapper) and stream.errors in ("strict", "backslashreplace"):
            try:
                stream.reconfigure(errors=ESCAPE_ERRORS)
            except (ValueError, OSError):  # a closed or detached stream
                pass


#: the codec error handler safe_console installs
ESCAPE_ERRORS = "tpkit.escape"


def _json_escape(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = []
    for ch in exc.object[exc.start : exc.end]:
        code = ord(ch)
        if code > 0xFFFF:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out), exc.end
