"""Hostile templates and data: an agency template from a merge request cannot escape the jinja sandbox,
read files or run code; data is escaped in HTML; every refusal is one line and exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli, write

MARK = "tpkit-sandbox-pwned"

PAYLOADS = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('touch " + MARK + "').read() }}",
    "{{ self._TemplateReference__context }}",
    "{{ lipsum.__globals__ }}",
    "{{ joiner.__init__.__globals__['os'].system('touch " + MARK + "') }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ range.__globals__['__builtins__']['open']('/etc/passwd').read() }}",
    "{{ title.__class__.__base__.__subclasses__() }}",
    "{{ title|attr('__class__') }}",
    "{{ (title|attr('__class__')).__mro__ }}",
    "{{ sections.__class__ }}",
    "{{ title.format.__self__ }}",
    "{{ '{0.__class__}'.format(title) }}",
    "{% for c in ().__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "{% set x = sections.append(1) %}{{ x }}",
    "{% include '/etc/passwd' %}",
    "{% include '../tpkit.yaml' %}",
    "{% include 'procedure.md.j2' %}",
    "{% import '/etc/passwd' as p %}",
    "{% extends '../../../../etc/passwd' %}",
    "{% from '/etc/passwd' import x %}",
    "{{ config }}",
    "{{ request.application.__globals__ }}",
    "{{ __import__('os').system('touch " + MARK + "') }}",
]


def _one_line_error(r, out: Path) -> None:  # type: ignore[no-untyped-def]
    assert r.code == 2, (r.code, r.stdout, r.stderr)
    assert "Traceback" not in r.stderr
    assert r.stderr.strip() and "\n" not in r.stderr.strip(), r.stderr
    assert not out.exists()


@pytest.mark.parametrize("fmt", ["html", "md"])
@pytest.mark.parametrize("payload", PAYLOADS)
def test_escape_payload_in_agency_template_is_refused(base: Path, tmp_path: Path, payload: str, fmt: str) -> None:
    write(base, f"templates/procedure.{fmt}.j2", f"<h1>{{{{ title }}}}</h1>\n{payload}\n")
    out = tmp_path / f"out.{fmt}"
    r = run_cli("render", "procedure", "all", "--format", fmt, "--output", str(out), "-C", str(base), cwd=tmp_path)
    _one_line_error(r, out)
    assert "procedure." in r.stderr  # the message names the template
    assert not (tmp_path / MARK).exists() and not (base / MARK).exists()
    assert "root:x:0:0" not in r.stdout + r.stderr
    if payload.startswith("{%") and any(w in payload for w in ("include", "import", "extends")):
        assert "не может подключать другие файлы" in r.stderr
    else:
        assert "песочниц" in r.stderr or "неизвестное имя" in r.stderr


def test_escape_payload_through_the_shell_is_one_line(base: Path, tmp_path: Path) -> None:
    write(base, "templates/register.html.j2", PAYLOADS[1] + "\n")
    out = tmp_path / "register.html"
    r = run_cli("render", "register", "--format", "html", "--output", str(out), "-C", str(base), cwd=tmp_path)
    _one_line_error(r, out)
    assert "песочниц" in r.stderr or "неизвестное имя" in r.stderr
    assert not (tmp_path / MARK).exists()


def test_harmless_agency_html_template_renders(base: Path, tmp_path: Path) -> None:
    write(
        base, "templates/procedure.html.j2", "<h1>{{ title }}</h1>{% for s in sections %}{{ loop.index }}{% endfor %}\n"
    )
    out = tmp_path / "out.html"
    r = run_cli("render", "procedure", "all", "--format", "html", "--output", str(out), "-C", str(base))
    assert r.code == 0 and out.read_text(encoding="utf-8").startswith("<h1>Порядок взаимодействия")


def test_template_symlink_leaving_the_folder_is_refused(base: Path, tmp_path: Path) -> None:
    (base / "templates").mkdir()
    (base / "templates/procedure.html.j2").symlink_to("/etc/passwd")
    out = tmp_path / "out.html"
    r = run_cli("render", "procedure", "all", "--format", "html", "--output", str(out), "-C", str(base))
    _one_line_error(r, out)


def test_template_folder_outside_the_registry_is_refused(base: Path, tmp_path: Path) -> None:
    write(tmp_path, "evil/procedure.html.j2", "{{ title }} EVIL\n")
    write(base, "tpkit.yaml", "version: 1\nrender:\n  templates: ../evil\n")
    out = tmp_path / "out.html"
    r = run_cli("render", "procedure", "all", "--format", "html", "--output", str(out), "-C", str(base))
    _one_line_error(r, out)


SCRIPT = "<script>alert('x')</script>"
IMG = '<img src=x onerror="alert(1)">'


def test_rendered_html_escapes_data(base: Path, tmp_path: Path) -> None:
    p = base / "procedures/all.yaml"
    p.write_text(
        p.read_text(encoding="utf-8").replace(
            "title: Порядок взаимодействия с клиентами министерства", f'title: "{SCRIPT}"'
        ),
        encoding="utf-8",
    )
    t = base / "touchpoints.yaml"
    t.write_text(
        t.read_text(encoding="utf-8").replace("name: Официальный сайт министерства", f"name: '{IMG}'"), encoding="utf-8"
    )
    for args, name in ((["procedure", "all"], "p.html"), (["register"], "r.html")):
        out = tmp_path / name
        r = run_cli("render", *args, "--format", "html", "--output", str(out), "-C", str(base))
        assert r.code == 0, r.stderr
        html = out.read_text(encoding="utf-8")
        assert "<script" not in html and "<img" not in html
        assert "&lt;script&gt;" in html or "&lt;img" in html
    out = tmp_path / "p.md"
    assert run_cli("render", "procedure", "all", "--format", "md", "--output", str(out), "-C", str(base)).code == 0
    assert "<script>" not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("year", ["2200", "1001"])
def test_approval_date_outside_the_zip_range_renders(base: Path, tmp_path: Path, year: str) -> None:
    """Zip entries hold years 1980-2107; an approval dated 2200 crashed the DOCX/XLSX writers (found by fuzzing)."""
    for rel in ("agency.yaml", "procedures/all.yaml"):
        p = base / rel
        p.write_text(p.read_text(encoding="utf-8").replace("date: 2026-02-10", f"date: {year}-02-10"), encoding="utf-8")
    for args, fmt in ((["procedure", "all"], "docx"), (["register"], "xlsx"), (["register"], "docx")):
        out = tmp_path / f"o-{args[0]}.{fmt}"
        r = run_cli("render", *args, "--format", fmt, "--output", str(out), "-C", str(base))
        assert r.code == 0 and out.is_file(), r.stderr


@pytest.mark.parametrize("payload", ["{{ 'a' * 10**10 }}", "{{ 9 ** (9 ** 9) }}", "{{ [title] * 10**8 }}"])
def test_resource_bombs_in_templates_are_refused(base: Path, tmp_path: Path, payload: str) -> None:
    """Jinja's sandbox leaves memory and time open; tpkit bounds ``*`` and ``**`` (unbounded, these ask for
    10 GB of memory or a number of 370 million digits)."""
    write(base, "templates/procedure.md.j2", payload + "\n")
    out = tmp_path / "out.md"
    r = run_cli("render", "procedure", "all", "--format", "md", "--output", str(out), "-C", str(base))
    _one_line_error(r, out)
    assert "too large" in r.stderr


_GROWING = [
    "{{ title|center(10**10) }}",
    "{{ title|indent(10**9) }}",
    "{{ '%999999999d'|format(1) }}",
    "{{ '%*d'|format(10**10, 1) }}",
    "{{ '{:>999999999}'.format(title) }}",
    "{{ '{:{w}}'.format(title, w=10**10) }}",
    "{{ '{t:>999999999}'.format_map({'t': title}) }}",
    "{{ title.ljust(10**10) }}",
    "{{ title.zfill(10**10) }}",
    "{{ ('\t' * 999999).expandtabs(10**7) }}",
    "{{ ('x' * 999999)|replace('x', 'y' * 999999) }}",
    "{{ ('x' * 999999).replace('x', 'y' * 999999) }}",
    "{{ ('x' * 999999).join(['a'] * 99999) }}",
    "{{ (['a'] * 99999)|join('x' * 999999) }}",
    "{{ [1]|batch(10**10, 0)|list }}",
    "{{ [1]|slice(10**10, 0)|list }}",
    "{{ [[[1]]]|tojson(indent=10**9) }}",
]


@pytest.mark.parametrize("payload", _GROWING)
def test_text_growing_filters_and_methods_are_bounded(base: Path, tmp_path: Path, payload: str) -> None:
    """Each of these asks for gigabytes or hangs unbounded; refused in one line, at once."""
    write(base, "templates/procedure.md.j2", payload + "\n")
    out = tmp_path / "out.md"
    r = run_cli("render", "procedure", "all", "--format", "md", "--output", str(out), "-C", str(base))
    _one_line_error(r, out)
    assert "too large" in r.stderr


def test_the_same_filters_and_methods_work_at_ordinary_sizes(base: Path, tmp_path: Path) -> None:
    template = (
        "{{ 'a'|center(5) }}|{{ 'a\nb'|indent(2) }}|{{ '%05d'|format(7) }}|{{ '{:>4}'.format('b') }}|"
        "{{ '{t}'.format_map({'t': 'c'}) }}|{{ 'd'.ljust(3) }}.|{{ 'x-y'|replace('-', '+') }}|"
        "{{ ', '.join(['e', 'f']) }}|{{ ['g', 'h']|join('/') }}|{{ [1, 2, 3]|batch(2, 0)|list }}|"
        "{{ [1]|tojson(indent=1) }}\n"
    )
    write(base, "templates/procedure.md.j2", template)
    out = tmp_path / "out.md"
    r = run_cli("render", "procedure", "all", "--format", "md", "--output", str(out), "-C", str(base))
    assert r.code == 0, r.stderr
    assert out.read_text(encoding="utf-8") == (
        "  a  |a\n  b|00007|   b|c|d  .|x+y|e, f|g/h|[[1, 2], [3, 0]]|[\n 1\n]\n"
    )


def test_render_refusal_quoting_a_bad_key_stays_one_line(base: Path, tmp_path: Path) -> None:
    """The first structural problem is quoted in render's one-line error: a key holding a newline must not
    break the line (it did: the unknown-key message carried the raw newline)."""
    write(base, "processes/bad.yaml", '"x\\n::error::y": 1\nid: bad\ntitle: Т\ndirection: services\n')
    out = tmp_path / "r.md"
    r = run_cli("render", "register", "--format", "md", "--output", str(out), "-C", str(base))
    _one_line_error(r, out)
    assert "«x\\u000a::error::y»" in r.stderr
