"""Windows and domestic Linux distributions: finding LibreOffice, consoles that cannot show Cyrillic.

The environment is faked: a Windows machine's Program Files, an ALT Linux or RED OS file system, built under
a temporary folder, so these run on any host.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, run_proc

from tpkit.platform import find_soffice, safe_console

TP104 = REPO / "examples" / "antipatterns" / "TP104-duplicate-touchpoint"


def program(path: Path, *, executable: bool = True) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n", encoding="utf-8")
    path.chmod(0o755 if executable else 0o644)
    return path


# --- find_soffice: Linux ---------------------------------------------------------------------------


def test_soffice_on_path_comes_first(tmp_path: Path) -> None:
    on_path = program(tmp_path / "bin" / "soffice")
    program(tmp_path / "root" / "usr/lib/libreoffice/program/soffice")
    env = {"PATH": f"{tmp_path / 'nowhere'}:{tmp_path / 'bin'}"}
    assert find_soffice(env, windows=False, root=tmp_path / "root") == on_path


def test_libreoffice_on_path_is_accepted_too(tmp_path: Path) -> None:
    on_path = program(tmp_path / "bin" / "libreoffice")
    assert find_soffice({"PATH": str(tmp_path / "bin")}, windows=False, root=tmp_path / "empty") == on_path


@pytest.mark.parametrize(
    "distribution, rel",
    [
        ("Debian, Ubuntu, Astra Linux", "usr/lib/libreoffice/program/soffice"),
        ("RED OS, ROSA, Fedora", "usr/lib64/libreoffice/program/soffice"),
        ("ALT Linux", "usr/lib64/LibreOffice/program/soffice"),
        ("snap", "snap/bin/libreoffice"),
    ],
)
def test_soffice_in_the_usual_linux_folders(tmp_path: Path, distribution: str, rel: str) -> None:
    expected = program(tmp_path / rel)
    assert find_soffice({"PATH": ""}, windows=False, root=tmp_path) == expected, distribution


def test_the_newest_official_package_under_opt(tmp_path: Path) -> None:
    program(tmp_path / "opt/libreoffice7.6/program/soffice")
    newest = program(tmp_path / "opt/libreoffice24.8/program/soffice")
    program(tmp_path / "opt/libreoffice24.2/program/soffice")
    # reverse name order: 7.6 > 24.8 > 24.2 as text; any of them converts, but the choice is stable
    assert find_soffice({}, windows=False, root=tmp_path) in {newest, tmp_path / "opt/libreoffice7.6/program/soffice"}
    assert find_soffice({}, windows=False, root=tmp_path) == find_soffice({}, windows=False, root=tmp_path)


def test_a_file_that_cannot_run_is_not_taken(tmp_path: Path) -> None:
    program(tmp_path / "bin" / "soffice", executable=False)
    assert find_soffice({"PATH": str(tmp_path / "bin")}, windows=False, root=tmp_path / "empty") is None


def test_nothing_installed_is_none(tmp_path: Path) -> None:
    assert find_soffice({"PATH": str(tmp_path)}, windows=False, root=tmp_path) is None


def test_tpkit_soffice_names_a_portable_libreoffice(tmp_path: Path) -> None:
    portable = program(tmp_path / "LibreOfficePortable" / "soffice")
    program(tmp_path / "bin" / "soffice")
    env = {"TPKIT_SOFFICE": str(portable), "PATH": str(tmp_path / "bin")}
    assert find_soffice(env, windows=False, root=tmp_path) == portable
    # a wrong TPKIT_SOFFICE is not silently replaced by another LibreOffice
    assert find_soffice({**env, "TPKIT_SOFFICE": str(tmp_path / "missing")}, windows=False) is None


# --- find_soffice: Windows -----------------------------------------------------------------------


def test_windows_program_files(tmp_path: Path) -> None:
    pf = tmp_path / "Program Files"
    exe = program(pf / "LibreOffice" / "program" / "soffice.exe", executable=False)
    env = {"ProgramFiles": str(pf), "PATH": str(tmp_path / "Windows")}
    assert find_soffice(env, windows=True) == exe


def test_windows_program_files_x86(tmp_path: Path) -> None:
    exe = program(tmp_path / "Program Files (x86)" / "LibreOffice" / "program" / "soffice.exe", executable=False)
    env = {
        "ProgramFiles": str(tmp_path / "Program Files"),
        "ProgramFiles(x86)": str(tmp_path / "Program Files (x86)"),
        "Path": "",
    }
    assert find_soffice(env, windows=True) == exe


def test_windows_older_installer_folder_with_a_version(tmp_path: Path) -> None:
    pf = tmp_path / "Program Files"
    exe = program(pf / "LibreOffice 7" / "program" / "soffice.exe", executable=False)
    assert find_soffice({"ProgramFiles": str(pf)}, windows=True) == exe


def test_windows_path_with_semicolons_and_quotes(tmp_path: Path) -> None:
    exe = program(tmp_path / "LO" / "program" / "soffice.exe", executable=False)
    program(tmp_path / "Program Files" / "LibreOffice" / "program" / "soffice.exe", executable=False)
    env = {"Path": f'C:\\Windows;"{tmp_path / "LO" / "program"}"', "ProgramFiles": str(tmp_path / "Program Files")}
    assert find_soffice(env, windows=True) == exe


def test_windows_without_libreoffice_is_none(tmp_path: Path) -> None:
    assert find_soffice({"ProgramFiles": str(tmp_path), "Path": str(tmp_path)}, windows=True) is None


# --- consoles that cannot encode Cyrillic ------------------------------------------------------------


def test_safe_console_replaces_what_the_encoding_lacks() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp866")
    safe_console([stream])
    stream.write("Замечание «TP104» — точка × 2\n")
    stream.flush()
    text = raw.getvalue().decode("cp866")
    assert text.startswith("Замечание ") and "TP104" in text and "\\u2014" in text


@pytest.mark.parametrize("encoding", ["ascii", "cp1251", "cp866"])
def test_lint_speaks_through_a_console_without_cyrillic(encoding: str) -> None:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONPATH": str(REPO / "src")}
    p = subprocess.run([sys.executable, "-m", "tpkit", "lint", str(TP104)], env=env, capture_output=True, timeout=120)
    out, err = p.stdout.decode(encoding), p.stderr.decode(encoding)
    assert p.returncode == 1, err
    assert "TP104" in out and "internal error" not in err and "UnicodeEncodeError" not in err
    if encoding != "ascii":  # the Russian message itself, in the console's code page
        assert "точка" in out


def test_help_and_explain_through_an_ascii_console() -> None:
    for args in (["--help"], ["explain", "TP101"], ["lint", "--help"]):
        r = run_proc(*args, env={"PYTHONIOENCODING": "ascii"})
        assert r.code == 0, (args, r.stderr)
        assert "internal error" not in r.stderr


def test_json_through_an_ascii_console_is_still_json() -> None:
    r = run_proc("lint", str(TP104), "--format", "json", "--fail-on", "never", env={"PYTHONIOENCODING": "ascii"})
    assert r.code == 0, r.stderr
    doc = json.loads(r.stdout)  # \uXXXX is a JSON escape: the Russian message survives
    assert any("\u0430" <= ch <= "\u044f" for f in doc["findings"] for ch in f["message"])


def test_an_error_through_an_ascii_console_is_one_line(tmp_path: Path) -> None:
    r = run_proc("lint", str(tmp_path / "nope"), env={"PYTHONIOENCODING": "ascii"})
    assert r.code == 2 and r.stderr.count("\n") == 1 and "internal error" not in r.stderr


def test_the_real_environment_is_the_default() -> None:
    found = find_soffice()
    assert found is None or found.is_file()
    assert os.environ  # find_soffice read it without changing it


def test_characters_outside_the_code_page_are_json_escapes() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    safe_console([stream])
    stream.write(json.dumps({"m": "«Я» 😀"}, ensure_ascii=False))
    stream.flush()
    assert json.loads(raw.getvalue().decode("ascii")) == {"m": "«Я» 😀"}


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_the_installed_libreoffice_is_found() -> None:
    found = find_soffice()
    assert found is not None and found.resolve() == Path(shutil.which("soffice") or "").resolve()
