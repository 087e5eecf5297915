"""Hostile agency .docx templates (docxtpl in the jinja sandbox): escape payloads are refused in one line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import run_cli
from test_sandbox import MARK, PAYLOADS, _one_line_error


def docx_template(path: Path, text: str) -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph("Бланк министерства")
    doc.add_paragraph(text)
    doc.add_paragraph("{{p body }}")
    buf = io.BytesIO()
    doc.save(buf)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.getvalue())


DOCX_PAYLOADS = [p for p in PAYLOADS if not p.startswith("{%")][:10]


@pytest.mark.parametrize("payload", [*DOCX_PAYLOADS, "{% include '/etc/passwd' %}", "{{ 'a' * 10**10 }}"])
def test_escape_payload_in_agency_docx_template_is_refused(base: Path, tmp_path: Path, payload: str) -> None:
    docx_template(base / "templates/procedure.docx", payload)
    out = tmp_path / "out.docx"
    r = run_cli("render", "procedure", "all", "--format", "docx", "--output", str(out), "-C", str(base), cwd=tmp_path)
    _one_line_error(r, out)
    assert not (tmp_path / MARK).exists()


def test_harmless_agency_docx_template_renders(base: Path, tmp_path: Path) -> None:
    """The control case: the same route with an ordinary template works (so the refusals above are the sandbox)."""
    docx_template(base / "templates/procedure.docx", "{{ title }}")
    out = tmp_path / "out.docx"
    r = run_cli("render", "procedure", "all", "--format", "docx", "--output", str(out), "-C", str(base))
    assert r.code == 0 and out.is_file(), r.stderr
