"""PDF and ODT through LibreOffice headless: one start for ``--all``, own profile, timeout, PDF/A, a stable ODT.

The mechanics are tested with a stand-in ``soffice`` (a script that records its arguments and writes the
files); what LibreOffice makes is tested with the real one where it is installed (``.ci/run`` installs it).
"""

from __future__ import annotations

import io
import os
import shutil
import stat
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLE, run_cli

from tpkit.render import office

SOFFICE = office.find_soffice()
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

FAKE = """#!/bin/sh
# a stand-in for soffice: record the arguments, then write each input's output as LibreOffice names it
echo "$@" >> "{log}"
{extra}
out=""; fmt=""; prev=""
for a in "$@"; do
  case "$prev" in --outdir) out="$a";; --convert-to) fmt="${{a%%:*}}";; esac
  prev="$a"
done
mkdir -p "$out"
for a in "$@"; do
  case "$a" in *.docx) n=$(basename "$a" .docx); cp "$a" "$out/$n.$fmt";; esac
done
"""


def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: str = "") -> Path:
    log = tmp_path / "soffice.log"
    script = tmp_path / "soffice"
    script.write_text(FAKE.format(log=log, extra=extra))
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(office, "find_soffice", lambda: str(script))
    return log


def test_all_procedures_are_converted_in_one_libreoffice_start_with_its_own_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = fake_soffice(tmp_path, monkeypatch)
    out = tmp_path / "out"
    r = run_cli("render", "procedure", "--all", "--format", "odt", "-C", str(EXAMPLE), "--output", f"{out}/")
    assert r.code == 0, r.stdout + r.stderr
    calls = log.read_text().splitlines()
    assert len(calls) == 1  # one start for every document
    args = calls[0].split()
    assert sum(a.endswith(".docx") for a in args) == len(list((EXAMPLE / "procedures").glob("*.yaml"))) == 2
    profile = next(a for a in args if a.startswith("-env:UserInstallation=file://"))
    assert "tpkit-office-" in profile and "--headless" in args
    assert sorted(p.name for p in out.iterdir()) == ["digital.odt", "offline.odt"]


def test_pdfa_asks_libreoffice_for_pdfa2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = fake_soffice(tmp_path, monkeypatch)
    out = tmp_path / "r.pdf"
    assert run_cli("render", "register", "--format", "pdf", "--pdfa", "-C", str(EXAMPLE), "-o", str(out)).code == 0
    assert '"SelectPdfVersion":{"type":"long","value":"2"}' in log.read_text()
    assert run_cli("render", "register", "--format", "odt", "--pdfa", "-C", str(EXAMPLE), "-o", str(out)).code == 2


def test_a_hanging_libreoffice_is_stopped_after_the_timeout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_soffice(tmp_path, monkeypatch, extra="sleep 30")
    monkeypatch.setattr(office, "TIMEOUT_START", 1)
    monkeypatch.setattr(office, "TIMEOUT_PER_DOCUMENT", 0)
    r = run_cli("render", "register", "--format", "pdf", "-C", str(EXAMPLE), "-o", str(tmp_path / "r.pdf"))
    assert r.code == 2 and "timed out" in r.stderr
    assert not (tmp_path / "r.pdf").exists()


def test_without_libreoffice_one_line_names_the_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(office, "find_soffice", lambda: None)
    r = run_cli("render", "procedure", "digital", "--format", "pdf", "-C", str(EXAMPLE), "-o", str(tmp_path / "d.pdf"))
    assert r.code == 2
    line = r.stderr.strip()
    assert "\n" not in line and "libreoffice-writer" in line


def test_find_soffice_looks_on_path_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert office.find_soffice() == str(script)


def test_odt_is_normalised_mimetype_first_and_stored_with_fixed_dates() -> None:
    import datetime as dt

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("content.xml", "<x/>")
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr(
            "meta.xml", "<m><meta:creation-date>2031-01-01T10:11:12</meta:creation-date><dc:date>x</dc:date></m>"
        )
        z.writestr(
            "settings.xml",
            '<s><config:config-item config:name="Rsid" config:type="int">1420549</config:config-item></s>',
        )
    when = dt.datetime(2026, 3, 16, tzinfo=dt.timezone.utc)
    out = zipfile.ZipFile(io.BytesIO(office.normalize_odt(buf.getvalue(), when)))
    infos = out.infolist()
    assert infos[0].filename == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED
    assert {i.date_time for i in infos} == {(2026, 3, 16, 0, 0, 0)}
    meta = out.read("meta.xml").decode()
    assert "2031" not in meta and meta.count("2026-03-16T00:00:00") == 2
    assert b">0<" in out.read("settings.xml")


# --- the real LibreOffice ---------------------------------------------------------------------------


@needs_soffice
def test_odt_is_byte_identical_across_runs(tmp_path: Path) -> None:
    a, b = tmp_path / "a.odt", tmp_path / "b.odt"
    for out in (a, b):
        r = run_cli("render", "register", "--format", "odt", "-C", str(EXAMPLE), "-o", str(out))
        assert r.code == 0, r.stderr
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as z:
        assert z.namelist()[0] == "mimetype"
        assert z.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        content = z.read("content.xml").decode()
    assert "Назначение ежемесячной" in content.replace("\u00ad", "")


@needs_soffice
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_pdf_of_every_procedure_reads_as_the_document(tmp_path: Path) -> None:
    out = tmp_path / "pdf"
    r = run_cli("render", "procedure", "--all", "--format", "pdf", "--pdfa", "-C", str(EXAMPLE), "-o", f"{out}/")
    assert r.code == 0, r.stderr
    for name in ("digital", "offline"):
        pdf = out / f"{name}.pdf"
        assert pdf.read_bytes().startswith(b"%PDF-")
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "УТВЕРЖДЕН" in text and "1. Общие положения" in text
    if shutil.which("pdfinfo"):
        meta = subprocess.run(["pdfinfo", "-meta", str(out / "digital.pdf")], capture_output=True, text=True).stdout
        assert "<pdfaid:part>2</pdfaid:part>" in meta


def test_pdf_to_stdout_is_refused(tmp_path: Path) -> None:
    r = run_cli("render", "register", "--format", "pdf", "-C", str(EXAMPLE), "-o", "-")
    assert r.code == 2
    assert not os.path.exists("-")
