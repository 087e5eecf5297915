"""PDF and ODT: the DOCX converted by LibreOffice headless.

One LibreOffice start converts every document of a run (``render procedure --all``), with its own
profile folder (a user's running LibreOffice or a concurrent run does not interfere) and a timeout. The profile
replaces an absent Times New Roman (or Arial) by an installed typeface of the same widths (:data:`METRIC_TWINS`),
so that the PDF breaks its pages where the DOCX does; LibreOffice embeds every font it uses in the PDF.
The ODT is normalised so that the same data gives the same bytes (with the same LibreOffice):
fixed zip entry dates and order (``mimetype`` first and stored, as ODF requires), fixed meta dates
and session ids (rsid). A PDF carries LibreOffice's own creation date and document id and is exempt
from byte-identity (docs/decisions.md).
"""

from __future__ import annotations

import datetime as _dt
import io
import os
import re
import shutil
import signal
import subprocess
import tempfile
import zipfile
from functools import cache
from pathlib import Path

from ..util import atomic_write_bytes, atomic_write_text
from .errors import RenderError

OFFICE_FORMATS = ("pdf", "odt")
#: seconds for LibreOffice to start, plus per document
TIMEOUT_START = 60
TIMEOUT_PER_DOCUMENT = 30
INSTALL_HINT = (
    "LibreOffice не найден: форматы pdf и odt делает LibreOffice; установите пакет libreoffice-writer "
    "(Debian/Ubuntu: apt install libreoffice-writer-nogui) / LibreOffice (soffice) is needed for pdf and odt"
)
#: typefaces of the same advance widths (metric-compatible): a document set in any of them breaks its lines and pages
#: alike. Where the document's font is absent, LibreOffice is told to use the first of its group that is installed
#: (fontconfig alone may pick DejaVu, whose wider letters move every page break of a register).
METRIC_TWINS = (
    ("Times New Roman", "Liberation Serif", "PT Astra Serif", "Tinos"),
    ("Arial", "Liberation Sans", "PT Astra Sans", "Arimo"),
)
# PDF/A-2b: LibreOffice's export filter with its JSON options (LibreOffice 7.4 and later)
_PDF = "pdf:writer_pdf_Export"
_PDFA = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'


def find_soffice() -> str | None:
    """LibreOffice's ``soffice`` as :func:`tpkit.platform.find_soffice` finds it (``TPKIT_SOFFICE``, ``PATH``, the
    Linux distributions' folders, Program Files on Windows)."""
    from ..platform import find_soffice as lookup

    found = lookup()
    return str(found) if found is not None else None


@cache
def installed_families() -> frozenset[str] | None:
    """The font families fontconfig knows (``fc-list``), or None where there is no fontconfig (Windows)."""
    fc = shutil.which("fc-list")
    if fc is None:
        return None
    try:
        out = subprocess.run([fc, ":", "family"], capture_output=True, text=True, timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return frozenset(name.strip() for line in out.splitlines() for name in line.split(",") if name.strip())


def font_substitutes(installed: frozenset[str] | None) -> dict[str, str]:
    """Each absent font of :data:`METRIC_TWINS` → its first installed twin (Liberation first: CI installs it)."""
    if installed is None:
        return {}
    out: dict[str, str] = {}
    for group in METRIC_TWINS:
        present = [f for f in (*group[1:], group[0]) if f in installed]
        if present:
            out.update({f: present[0] for f in group if f not in installed})
    return out


def _profile(folder: Path, substitutes: dict[str, str]) -> None:
    """A LibreOffice profile whose font replacement table holds ``substitutes`` («always»: only absent fonts are
    listed, and LibreOffice applies a non-«always» pair only where fontconfig found no substitute of its own)."""
    from xml.sax.saxutils import escape

    def prop(name: str, value: str) -> str:
        return f'<prop oor:name="{name}" oor:op="fuse"><value>{escape(value)}</value></prop>'

    pairs = "".join(
        f'<node oor:name="tpkit{i}" oor:op="replace">{prop("Always", "true")}{prop("OnScreenOnly", "false")}'
        f"{prop('ReplaceFont', font)}{prop('SubstituteFont', twin)}</node>"
        for i, (font, twin) in enumerate(sorted(substitutes.items()))
    )
    path = "/org.openoffice.Office.Common/Font/Substitution"
    xcu = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        f'<item oor:path="{path}">{prop("Replacement", "true" if pairs else "false")}</item>\n'
        + (f'<item oor:path="{path}/FontPairs">{pairs}</item>\n' if pairs else "")
        + "</oor:items>\n"
    )
    user = folder / "user"
    user.mkdir(parents=True)
    atomic_write_text(user / "registrymodifications.xcu", xcu)


def convert(
    docs: dict[str, bytes], fmt: str, *, pdfa: bool = False, when: _dt.datetime | None = None
) -> dict[str, bytes]:
    """``{name: docx bytes}`` to ``{name: pdf|odt bytes}`` in one LibreOffice run.

    ``when`` is the moment an ODT's meta dates are set to (the DOCX's own, by default).
    """
    if fmt not in OFFICE_FORMATS:
        raise ValueError(fmt)
    if not docs:
        return {}
    soffice = find_soffice()
    if soffice is None:
        raise RenderError(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="tpkit-office-") as tmp:
        folder = Path(tmp)
        src, out = folder / "in", folder / "out"
        src.mkdir()
        _profile(folder / "profile", font_substitutes(installed_families()))
        files = []
        for name, data in docs.items():
            f = src / f"{name}.docx"
            atomic_write_bytes(f, data)
            files.append(str(f))
        cmd = [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            (_PDFA if pdfa else _PDF) if fmt == "pdf" else "odt",
            "--outdir",
            str(out),
            *files,
        ]
        timeout = TIMEOUT_START + TIMEOUT_PER_DOCUMENT * len(docs)
        try:
            proc = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env={**os.environ, "HOME": str(folder)},
                start_new_session=True,  # its own process group: a timeout ends LibreOffice's helpers too
            )
        except OSError as exc:
            raise RenderError(f"{soffice}: LibreOffice не запускается: {exc} / cannot start LibreOffice") from None
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise RenderError(
                f"LibreOffice не закончил преобразование в {fmt} за {timeout} с / LibreOffice timed out"
            ) from None
        result: dict[str, bytes] = {}
        for name, data in docs.items():
            target = out / f"{name}.{fmt}"
            if not target.is_file():
                err = (stderr or stdout).decode(errors="replace").strip().splitlines()
                why = err[-1] if err else f"exit {proc.returncode}"
                raise RenderError(f"LibreOffice не сделал {name}.{fmt}: {why} / LibreOffice did not convert it")
            made = target.read_bytes()
            result[name] = normalize_odt(made, when or docx_moment(data)) if fmt == "odt" else made
    return result


_CORE_DATE = re.compile(rb"<dcterms:modified\b[^>]*>([^<]+)</dcterms:modified>")


def docx_moment(docx: bytes) -> _dt.datetime:
    """The moment a tpkit DOCX is stamped with (its core ``modified`` date)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        m = _CORE_DATE.search(z.read("docProps/core.xml"))
    if m is None:
        return _dt.datetime(2000, 1, 1, tzinfo=_dt.timezone.utc)
    return _dt.datetime.strptime(m.group(1).decode(), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=_dt.timezone.utc)


_META_DATES = re.compile(rb"(<(meta:creation-date|dc:date|meta:print-date)>)[^<]*(</\2>)")
_RSID = re.compile(rb'(<config:config-item config:name="Rsid(?:Root)?" config:type="int">)\d+(</config:config-item>)')


def normalize_odt(data: bytes, when: _dt.datetime) -> bytes:
    """An ODT with fixed entry dates and attributes, ``mimetype`` first (stored), fixed meta dates and rsids."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%S").encode()
    year = min(max(when.year, 1980), 2107)
    date_time = (year, when.month, when.day, when.hour, when.minute, when.second - when.second % 2)
    src = zipfile.ZipFile(io.BytesIO(data))
    names = src.namelist()
    order = ["mimetype"] if "mimetype" in names else []
    order += sorted(n for n in names if n != "mimetype")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name in order:
            content = src.read(name)
            if name == "meta.xml":
                content = _META_DATES.sub(lambda m: m.group(1) + stamp + m.group(3), content)
            elif name == "settings.xml":
                content = _RSID.sub(lambda m: m.group(1) + b"0" + m.group(2), content)
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            dst.writestr(info, content, compresslevel=6)
    return out.getvalue()
