"""The template budget: the slowest and the largest templates we can write stop in one line, exit 2, inside a
bounded time and memory, and write nothing.

Each run is a forked child under its own address-space limit and a wall-clock deadline, so a regression here
fails the test instead of hanging CI or eating the machine's memory.
"""

from __future__ import annotations

import json
import os
import resource
import select
import signal
import time
import zipfile
from pathlib import Path

import pytest
from conftest import Run, run_cli, write
from test_sandbox_docx import docx_template

#: what a child may add to the address space before the kernel refuses (tpkit's own guard allows 1 GB)
CHILD_MEMORY = 3 << 30
CHILD_SECONDS = 60.0
#: the time limit the tests run templates under: the clock is the same as at the default 5 s (checked as a
#: value in test_the_default_time_limit_is_five_seconds), only sooner
LIMIT = 0.2


def _vm_size() -> int:
    with open("/proc/self/statm", encoding="ascii") as fh:
        return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def bounded_cli(*args: str, env: dict[str, str] | None = None) -> tuple[Run, float, int]:
    """``run_cli`` in a forked child with an address-space limit and a deadline: (result, seconds, peak RSS
    growth in bytes over the parent's)."""
    r, w = os.pipe()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:  # pragma: no cover  (the child)
        code = 0
        try:
            os.close(r)
            limit = _vm_size() + CHILD_MEMORY
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            os.environ.update(env or {})
            res = run_cli(*args)
            data = json.dumps([res.code, res.stdout, res.stderr]).encode()
            while data:
                data = data[os.write(w, data) :]
        except BaseException:
            code = 3
        finally:
            os._exit(code)
    os.close(w)
    chunks: list[bytes] = []
    deadline = start + CHILD_SECONDS
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(r)
            pytest.fail(f"tpkit {' '.join(args)} ran past {CHILD_SECONDS} s")
        ready, _, _ = select.select([r], [], [], left)
        if ready:
            chunk = os.read(r, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    os.close(r)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.monotonic() - start
    assert os.waitstatus_to_exitcode(status) == 0, "the child failed outside tpkit"
    code, out, err = json.loads(b"".join(chunks))
    return Run(code, out, err), elapsed, max(0, usage.ru_maxrss * 1024 - before)


def _refused(base: Path, tmp_path: Path, template: str, fmt: str = "md", **env: str) -> tuple[str, float, int]:
    if fmt == "docx":
        docx_template(base / "templates/procedure.docx", template)
    else:
        write(base, f"templates/procedure.{fmt}.j2", template)
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    env.setdefault("TPKIT_TEMPLATE_TIME_LIMIT", str(LIMIT))
    r, seconds, grown = bounded_cli(
        "render", "procedure", "all", "--format", fmt, "--output", str(out) + "/", "-C", str(base), env=env
    )
    assert r.code == 2, (r.code, r.stdout, r.stderr)
    err = r.stderr.strip()
    assert err and "\n" not in err and "Traceback" not in err and "internal error" not in err, err
    assert err.startswith(f"tpkit: procedure.{fmt}"), err  # names the template
    assert list(out.iterdir()) == []
    return err, seconds, grown


BIG = "{% set s = 'x' * 1000000 %}"
#: templates that run past any time limit: 10^10 iterations, 2^40 macro calls, a loop that prints nothing
SLOW = [
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{% for i in range(100000) %}{% for j in range(100000) %}{{ j }}{% endfor %}{% endfor %}",
    "{% for i in range(100000) %}{% for j in range(100000) %}{% if i == j %}{% endif %}{% endfor %}{% endfor %}",
    "{% macro d(n) %}{% if n %}{{ d(n - 1) }}{{ d(n - 1) }}{% else %}x{% endif %}{% endmacro %}{{ d(40) }}",
    "{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}{{ a ~ b ~ c }}"
    "{% endfor %}{% endfor %}{% endfor %}",
    "{{ ([[0] * 1000000] * 1000000)|map('string')|list|length }}",
    "{% for x in (range(100000)|list) * 10 %}{% for y in range(100000) %}{% set z = x + y %}{% endfor %}{% endfor %}",
]
#: templates that build more than any size limit, by every growth path
LARGE = [
    "{% macro g(s, n) %}{% if n %}{{ g(s ~ s, n - 1) }}{% else %}{{ s|length }}{% endif %}{% endmacro %}{{ g('ab', 40) }}",
    "{% macro g(s, n) %}{% if n %}{{ g(s + s, n - 1) }}{% else %}{{ s|length }}{% endif %}{% endmacro %}{{ g('ab', 40) }}",
    "{% macro g(s, n) %}{% if n %}{{ g('%s%s' % (s, s), n - 1) }}{% else %}{{ s|length }}{% endif %}{% endmacro %}"
    "{{ g('ab', 40) }}",
    "{% macro g(s, n) %}{% if n %}{{ g('{}{}'.format(s, s), n - 1) }}{% else %}{{ s|length }}{% endif %}"
    "{% endmacro %}{{ g('ab', 40) }}",
    "{% macro g(s, n) %}{% if n %}{{ g([s, s]|join, n - 1) }}{% else %}{{ s|length }}{% endif %}{% endmacro %}"
    "{{ g('ab', 40) }}",
    "{% macro g(s, n) %}{% if n %}{% set t %}{{ s }}{{ s }}{% endset %}{{ g(t, n - 1) }}{% else %}{{ s|length }}"
    "{% endif %}{% endmacro %}{{ g('ab', 40) }}",
    "{{ '%0999999999d' % 1 }}",
    "{{ '%s' % ('x' * 1000000 ~ 'y' * 1000000 ~ 'z' * 1000000 ~ 'w' * 1000000) * 1 }}",
    BIG + "{% for i in range(100000) %}{{ s }}{% endfor %}",
    BIG + "{% macro m() %}{% for i in range(100000) %}{{ s }}{% endfor %}{% endmacro %}{{ m()|length }}",
    BIG + "{% set big %}{% for i in range(100000) %}{{ s }}{% endfor %}{% endset %}{{ big|length }}",
    "{% filter upper %}{% for i in range(100000) %}{{ 'x' * 1000000 }}{% endfor %}{% endfilter %}",
    "{{ ['x' * 1000000] * 1000000 }}",
    "{{ (['x' * 1000000] * 1000000)|string }}",
    "{{ (['x' * 1000000] * 1000000)|join }}",
    "{{ (['x' * 1000000] * 1000000)|tojson }}",
    "{{ (['x' * 1000000] * 1000000)|pprint }}",
    "{{ (['x' * 1000000] * 1000000)|upper }}",
    "{{ ('x' * 1000000)|wordwrap(1, wrapstring='y' * 1000) }}",
    "{% macro sq(x, n) %}{% if n %}{{ sq(x * x, n - 1) }}{% else %}{{ x > 0 }}{% endif %}{% endmacro %}"
    "{{ sq(10 ** 1000, 40) }}",
    "{{ (10 ** 1000) ** 1000 }}",
    "{{ ('x' * 1000000) ~ ('x' * 1000000) ~ ('x' * 1000000) ~ ('x' * 1000000) ~ ('x' * 1000000) ~ ('x' * 1000000)"
    " ~ ('x' * 1000000) ~ ('x' * 1000000) ~ ('x' * 1000000) ~ ('x' * 1000000) ~ ('x' * 1000000) }}",
]
#: Python errors inside a template: one line, the same in text and .docx templates
FAILING = [
    ("{{ 1/0 }}", "ZeroDivisionError"),
    ("{% macro r(n) %}{{ r(n + 1) }}{% endmacro %}{{ r(0) }}", "recursed too deep"),
    ("{% for x in [[1]] recursive %}{{ loop([[1]]) }}{% endfor %}", "recursed too deep"),
    ("{{ 10.0 ** 400 }}", "OverflowError"),
    ("{{ (10 ** 999) * (10 ** 999) * (10 ** 999) * (10 ** 999) * (10 ** 999) }}", "ValueError"),
    ("{{ '%d' % 'x' }}", "TypeError"),
]


@pytest.mark.parametrize("template", SLOW)
def test_slow_template_stops_at_the_time_limit(base: Path, tmp_path: Path, template: str) -> None:
    err, seconds, grown = _refused(base, tmp_path, template)
    assert f"time limit of {LIMIT} s" in err, err
    assert seconds < 15, seconds  # the limit, plus start-up and one step, on a loaded CI machine
    assert grown < 1 << 30, grown


@pytest.mark.parametrize("template", LARGE)
def test_large_template_stops_at_a_size_limit(base: Path, tmp_path: Path, template: str) -> None:
    err, seconds, grown = _refused(base, tmp_path, template, TPKIT_TEMPLATE_TIME_LIMIT="30")
    assert "too large" in err and "limit" in err, err
    assert seconds < 25, seconds
    assert grown < 1 << 30, grown


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
@pytest.mark.parametrize(("template", "says"), FAILING)
def test_python_errors_in_templates_are_one_line(
    base: Path, tmp_path: Path, template: str, says: str, fmt: str
) -> None:
    err, _, _ = _refused(base, tmp_path, template, fmt)
    assert says in err, err


@pytest.mark.parametrize("template", [SLOW[0], SLOW[3], LARGE[0], LARGE[8]])
def test_docx_templates_run_under_the_same_budget(base: Path, tmp_path: Path, template: str) -> None:
    err, seconds, _ = _refused(base, tmp_path, template, "docx")
    assert "budget" in err, err
    assert seconds < 15


def test_memory_guard_stops_what_the_checks_let_through(base: Path, tmp_path: Path) -> None:
    """Lists of 10 million items are allowed one by one; a recursion that keeps one alive per level is stopped
    by the 1 GB address-space guard, not by the machine."""
    template = (
        "{% set L = (range(100000)|list) * 10 %}{% set L = L + L + L + L + L %}"
        "{% macro f(n) %}{% set x = L + L %}{{ f(n + 1) }}{{ x|length }}{% endmacro %}{{ f(0) }}"
    )
    err, _, grown = _refused(base, tmp_path, template, TPKIT_TEMPLATE_TIME_LIMIT="60")
    assert "memory limit of 1024 MB" in err, err
    assert grown < (1 << 30) + (300 << 20), grown


def test_the_default_time_limit_is_five_seconds(monkeypatch: pytest.MonkeyPatch) -> None:
    """The default, checked as a value: the tests above run the same clock with a short limit."""
    from tpkit.render.budget import DEFAULT_TIME_LIMIT, TIME_LIMIT_ENV, time_limit

    assert DEFAULT_TIME_LIMIT == 5.0
    for unset in ("", "  "):
        monkeypatch.setenv(TIME_LIMIT_ENV, unset)
        assert time_limit(None) == 5.0
        assert time_limit(3.0) == 3.0 and time_limit(3600.0) == 5.0  # tpkit.yaml lowers it, never raises it
    monkeypatch.delenv(TIME_LIMIT_ENV)
    assert time_limit(None) == 5.0


def test_tpkit_yaml_may_lower_the_time_limit_but_not_raise_it(base: Path, tmp_path: Path) -> None:
    cfg = base / "tpkit.yaml"
    text = cfg.read_text(encoding="utf-8")
    cfg.write_text(text + "\nrender:\n  time_limit: 3600\n", encoding="utf-8")
    err, seconds, _ = _refused(base, tmp_path, SLOW[0])
    assert f"time limit of {LIMIT} s" in err and seconds < 15, err
    cfg.write_text(text + "\nrender:\n  time_limit: 0.3\n", encoding="utf-8")
    err, _, _ = _refused(base, tmp_path, SLOW[0], TPKIT_TEMPLATE_TIME_LIMIT="30")
    assert "time limit of 0.3 s" in err, err


def test_the_command_line_raises_the_time_limit(base: Path, tmp_path: Path) -> None:
    write(base, "templates/procedure.md.j2", SLOW[0])
    r, _, _ = bounded_cli(
        "render", "procedure", "all", "-f", "md", "-o", str(tmp_path / "x.md"), "-C", str(base), "--time-limit", "0.3",
        env={"TPKIT_TEMPLATE_TIME_LIMIT": str(LIMIT)},
    )  # fmt: skip
    assert r.code == 2 and "time limit of 0.3 s" in r.stderr, r.stderr
    r = run_cli("render", "register", "-f", "md", "-o", str(tmp_path / "r.md"), "-C", str(base), "--time-limit", "x")
    assert r.code == 2


def test_a_bad_time_limit_variable_is_one_line(base: Path, tmp_path: Path) -> None:
    write(base, "templates/procedure.md.j2", "{{ title }}")
    r, _, _ = bounded_cli("render", "procedure", "all", "-f", "md", "-o", str(tmp_path / "o.md"), "-C", str(base),
                          env={"TPKIT_TEMPLATE_TIME_LIMIT": "soon"})  # fmt: skip
    assert r.code == 2 and r.stderr.startswith("tpkit: TPKIT_TEMPLATE_TIME_LIMIT=soon"), r.stderr


def test_ordinary_templates_are_untouched_by_the_budget(base: Path, tmp_path: Path) -> None:
    template = (
        "{% macro row(x) %}| {{ x ~ '!' }} | {{ '%03d' % loop_index }} |{% endmacro %}"
        "{% set loop_index = 7 %}{% for s in sections %}{{ row(s.heading) }}\n{% endfor %}"
        "{% set cap %}{{ title|upper }}{% endset %}{{ cap }} {{ [1, 2] + [3] }} {{ 2 ** 10 }} {{ 'ab' * 3 }}\n"
    )
    write(base, "templates/procedure.md.j2", template)
    out = tmp_path / "o.md"
    r = run_cli("render", "procedure", "all", "-f", "md", "-o", str(out), "-C", str(base))
    assert r.code == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    assert "| 007 |" in text and "[1, 2, 3] 1024 ababab" in text


def test_a_template_over_two_million_characters_is_refused(base: Path, tmp_path: Path) -> None:
    write(base, "templates/procedure.md.j2", "x" * 2_000_001)
    r = run_cli("render", "procedure", "all", "-f", "md", "-o", str(tmp_path / "o.md"), "-C", str(base))
    assert r.code == 2 and "2,000,000" in r.stderr and "\n" not in r.stderr.strip(), r.stderr


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_template_of_too_many_expressions_is_refused_before_compiling(base: Path, tmp_path: Path, fmt: str) -> None:
    """Compiling costs about 0.1 ms a token and is not on the clock: 1 MB of expressions took 43 s."""
    body = "".join(f"{{{{ title ~ '{i}' }}}}" for i in range(50_000))  # 1 MB
    err, seconds, grown = _refused(base, tmp_path, body, fmt, TPKIT_TEMPLATE_TIME_LIMIT="60")
    assert "20,000 jinja tokens" in err, err
    assert seconds < 15 and grown < 1 << 30


def test_the_largest_accepted_template_compiles_in_bounded_time(base: Path, tmp_path: Path) -> None:
    """Just under the token limit, all of it expressions: compiled and rendered well inside the limit."""
    body = "{{ title ~ '.' }}" * 2_150
    write(base, "templates/procedure.md.j2", body)
    r, seconds, _ = bounded_cli(
        "render", "procedure", "all", "-f", "md", "-o", str(tmp_path / "o.md"), "-C", str(base),
        env={"TPKIT_TEMPLATE_TIME_LIMIT": "60"},
    )  # fmt: skip
    assert r.code == 0, r.stderr
    assert seconds < 15


# --- the .docx template file itself


def _with_part(src: Path, name: str, size: int, *, chunk: bytes = b"\0" * (1 << 20)) -> None:
    with zipfile.ZipFile(src, "a", zipfile.ZIP_DEFLATED) as zf, zf.open(name, "w", force_zip64=True) as fh:
        left = size
        while left > 0:
            fh.write(chunk[: min(left, len(chunk))])
            left -= len(chunk)


@pytest.mark.parametrize(
    ("size", "says"), [(5_000_000, "zip-бомба"), (60_000_000, "распаковывается в 60\u00a0000\u00a0000 байтов")]
)
def test_zip_bomb_docx_template_is_refused(base: Path, tmp_path: Path, size: int, says: str) -> None:
    tpl = base / "templates/procedure.docx"
    docx_template(tpl, "{{ title }}")
    _with_part(tpl, "customXml/item9.xml", size)
    out = tmp_path / "o.docx"
    r, seconds, grown = bounded_cli("render", "procedure", "all", "-o", str(out), "-C", str(base))
    assert r.code == 2 and says in r.stderr and "procedure.docx" in r.stderr, r.stderr
    assert not out.exists() and seconds < 20 and grown < 200 << 20


def test_docx_template_with_too_many_parts_or_not_a_zip_is_refused(base: Path, tmp_path: Path) -> None:
    tpl = base / "templates/procedure.docx"
    docx_template(tpl, "{{ title }}")
    with zipfile.ZipFile(tpl, "a") as zf:
        for i in range(1001):
            zf.writestr(f"customXml/p{i}.xml", b"")
    r = run_cli("render", "procedure", "all", "-o", str(tmp_path / "o.docx"), "-C", str(base))
    assert r.code == 2 and "частей" in r.stderr, r.stderr
    tpl.write_bytes(b"PK\x03\x04 not really")
    r = run_cli("render", "procedure", "all", "-o", str(tmp_path / "o.docx"), "-C", str(base))
    assert r.code == 2 and "не файл Word" in r.stderr, r.stderr


def _add_relationship(tpl: Path, rel: str) -> None:
    src = zipfile.ZipFile(tpl)
    parts = {n: src.read(n) for n in src.namelist()}
    src.close()
    name = "word/_rels/document.xml.rels"
    parts[name] = parts[name].replace(b"</Relationships>", rel.encode() + b"</Relationships>")
    with zipfile.ZipFile(tpl, "w", zipfile.ZIP_DEFLATED) as dst:
        for n, data in parts.items():
            dst.writestr(n, data)


def test_docx_template_with_a_remote_image_is_refused(base: Path, tmp_path: Path) -> None:
    tpl = base / "templates/procedure.docx"
    docx_template(tpl, "{{ title }}")
    _add_relationship(
        tpl,
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
        'Target="http://tracker.example/pixel.png" TargetMode="External"/>',
    )
    out = tmp_path / "o.docx"
    r = run_cli("render", "procedure", "all", "-o", str(out), "-C", str(base))
    assert r.code == 2 and "http://tracker.example/pixel.png" in r.stderr and "(image)" in r.stderr, r.stderr
    assert not out.exists()


def test_docx_template_with_a_hyperlink_renders(base: Path, tmp_path: Path) -> None:
    tpl = base / "templates/procedure.docx"
    docx_template(tpl, "{{ title }}")
    _add_relationship(
        tpl,
        '<Relationship Id="rId98" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" '
        'Target="https://agency.example/" TargetMode="External"/>',
    )
    out = tmp_path / "o.docx"
    r = run_cli("render", "procedure", "all", "-o", str(out), "-C", str(base))
    assert r.code == 0, r.stderr
