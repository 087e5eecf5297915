"""The fast ``tpkit lint`` path (tpkit._entry, without typer) behaves exactly as the typer command.

The fast parser must give tpkit.lintcmd.run the very arguments typer gives it, refuse (hand over to typer)
whatever it is not sure of, know every option of the typer command, and the two paths must print the same
and exit with the same codes. ``TPKIT_NO_FAST_CLI=1`` forces the typer path.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from conftest import REPO, Run, run_proc, write

from tpkit import _entry, cli, lintcmd
from tpkit.config import ConfigError
from tpkit.errors import UsageError, guarded

TYPER = {"TPKIT_NO_FAST_CLI": "1"}


def _typer_kwargs(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What the typer ``lint`` command passes to lintcmd.run for ``argv`` (through tpkit.cli.main)."""
    seen: list[dict[str, Any]] = []

    def record(**kwargs: Any) -> int:
        seen.append(kwargs)
        return 0

    monkeypatch.setattr(lintcmd, "run", record)
    with pytest.raises(SystemExit) as exc:
        cli.main(list(argv))
    assert exc.value.code == 0, argv
    assert len(seen) == 1, argv
    return seen[0]


ACCEPTED = [
    ["lint"],
    ["lint", "tests/fixtures/base"],
    ["lint", "a", "b", "c/d.yaml"],
    ["lint", "-f", "json"],
    ["lint", "--format", "sarif"],
    ["lint", "--format=gitlab"],
    ["lint", "-f", "json", "-f", "text"],
    ["lint", "--format", "json", "--format=junit"],
    ["lint", "-o", "out.txt"],
    ["lint", "--output", "отчёт.json"],
    ["lint", "--output=dir/r.sarif", "-o", "last.sarif"],
    ["lint", "--output", "with space.txt"],
    ["lint", "--select", "TP1"],
    ["lint", "--select", "TP1", "--select", "tp2,TP301"],
    ["lint", "--select=TP1", "--select", "TP2"],
    ["lint", "--select=a=b"],
    ["lint", "--ignore", "TP101"],
    ["lint", "--ignore=TP1", "--ignore=TP2", "--select", "TP"],
    ["lint", "--fail-on", "never"],
    ["lint", "--fail-on=warning", "--fail-on", "info"],
    ["lint", "--baseline", "b.json"],
    ["lint", "--baseline=b.json", "--write-baseline", "w.json"],
    ["lint", "--write-baseline=w.json"],
    ["lint", "--lang", "en"],
    ["lint", "--lang=ru", "--lang", "en"],
    ["lint", "--since", "HEAD~1"],
    ["lint", "--since=origin/main"],
    ["--debug", "lint"],
    ["--debug", "lint", "x", "--format", "json"],
    ["--debug", "--debug", "lint", "--since", "HEAD"],
    ["lint", "реестр/процессы/а.yaml", "-o", "вывод.txt", "--select", "ТП1"],
    ["lint", "x", "-f", "json", "y", "--select", "TP1", "z", "--fail-on", "error"],
    ["lint", "--format", "nope", "--lang", "xx", "--fail-on", "sometimes"],
    ["lint", "a=b", "./c/../d", "/abs/path/"],
]


@pytest.mark.parametrize("argv", ACCEPTED, ids=" ".join)
def test_fast_parser_gives_what_typer_gives(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _entry.parse_lint(argv)
    assert fast is not None
    assert fast == _typer_kwargs(argv, monkeypatch)


REFUSED = [
    [],
    ["--debug"],
    ["--help"],
    ["--version", "lint"],
    ["lint", "--help"],
    ["lint", "-h"],
    ["--debug", "lint", "--help"],
    ["lint", "--version"],
    ["lint", "--"],
    ["lint", "--", "x"],
    ["lint", "--nope"],
    ["lint", "--nope=1"],
    ["lint", "-x"],
    ["lint", "-"],
    ["lint", "--form", "json"],
    ["lint", "--format"],
    ["lint", "x", "-f"],
    ["lint", "--select"],
    ["lint", "--format", "--lang", "en"],
    ["lint", "-o", "-"],
    ["lint", "--since", "-1"],
    ["lint", "-fjson"],
    ["lint", "-f=json"],
    ["lint", "--format="],
    ["lint", ""],
    ["lint", "--debug"],
    ["lint", "x", "--debug"],
    ["lint", "--debug=1"],
    ["rules"],
    ["explain", "TP101"],
    ["diff", "HEAD"],
    ["render", "register"],
    ["--debug", "fmt"],
    ["Lint"],
    ["lin"],
    ["x", "lint"],
]


@pytest.mark.parametrize("argv", REFUSED, ids=lambda a: " ".join(a) or "(none)")
def test_fast_parser_hands_anything_else_to_typer(argv: list[str]) -> None:
    assert _entry.parse_lint(argv) is None


def _lint_params() -> list[Any]:
    return typer.main.get_command(cli.app).commands["lint"].params  # type: ignore[attr-defined]


def test_fast_parser_knows_every_option_of_the_typer_command() -> None:
    params = _lint_params()
    options = {opt for p in params if isinstance(p, typer.core.TyperOption) for opt in (*p.opts, *p.secondary_opts)}
    assert options == set(_entry.KNOWN_OPTIONS)
    # and runs nothing typer would not: the keywords are the command's parameters (+ the global --debug)
    assert set(_entry.parse_lint(["lint"]) or {}) == {p.name for p in params} | {"debug"}


def test_every_spelling_of_every_option_reaches_the_same_keyword(monkeypatch: pytest.MonkeyPatch) -> None:
    for p in _lint_params():
        if not isinstance(p, typer.core.TyperOption):
            continue
        for opt in p.opts:
            forms = [[opt, "v1"]] + ([[f"{opt}=v1"]] if opt.startswith("--") else [])
            for form in forms:
                argv = ["lint", *form]
                fast = _entry.parse_lint(argv)
                assert fast is not None and fast == _typer_kwargs(argv, monkeypatch), argv
                assert fast[p.name] not in (None, []), argv


# --- the error handling shared by both paths


def test_guarded_turns_errors_into_one_line_and_an_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    def raising(exc: BaseException):  # type: ignore[no-untyped-def]
        def fn() -> int:
            raise exc

        return fn

    assert guarded(lambda: 1, debug=False) == 1
    assert guarded(lambda: None, debug=False) == 0
    assert guarded(raising(UsageError("плохо")), debug=False) == 2
    assert capsys.readouterr().err == "tpkit: плохо\n"
    assert guarded(raising(ConfigError("tpkit.yaml:1:1: нет")), debug=True) == 2
    assert capsys.readouterr().err == "tpkit: tpkit.yaml:1:1: нет\n"
    assert guarded(raising(KeyboardInterrupt()), debug=False) == 130
    assert "прервано" in capsys.readouterr().err
    assert guarded(raising(ZeroDivisionError("boom")), debug=False) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ZeroDivisionError: boom" in err and "--debug" in err
    with pytest.raises(ZeroDivisionError):
        guarded(raising(ZeroDivisionError("boom")), debug=True)
    with pytest.raises(SystemExit):
        guarded(raising(SystemExit(3)), debug=False)


def test_guarded_is_quiet_when_the_reader_of_stdout_goes_away(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Broken:
        def flush(self) -> None:
            raise BrokenPipeError

    monkeypatch.setattr(sys, "stdout", Broken())
    monkeypatch.setattr(sys, "stderr", sys.stderr)

    def fn() -> int:
        raise BrokenPipeError

    assert guarded(fn, debug=False) == 1
    sys.stdout.flush()  # the final flush at exit must not fail
    monkeypatch.undo()
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("path", ["fast", "typer"])
def test_ctrl_c_is_exit_130_and_one_line_on_both_paths(
    path: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(**kwargs: Any) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(lintcmd, "run", interrupted)
    monkeypatch.setattr(sys, "argv", ["tpkit", "lint", "."])
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "__all__")  # main() sets it for good otherwise
    if path == "typer":
        monkeypatch.setenv("TPKIT_NO_FAST_CLI", "1")
    with pytest.raises(SystemExit) as exc:
        _entry.main()
    assert exc.value.code == 130
    assert capsys.readouterr() == ("", "tpkit: прервано / interrupted\n")


# --- both paths in a subprocess: same output, same exit codes


def _both(*args: str, cwd: Path | None = None) -> Run:
    fast = run_proc(*args, cwd=cwd)
    slow = run_proc(*args, cwd=cwd, env=TYPER)
    assert (fast.code, fast.stdout, fast.stderr) == (slow.code, slow.stdout, slow.stderr), args
    return fast


def test_clean_registry_exit_0_on_both_paths(base: Path) -> None:
    r = _both("lint", str(base))
    assert r.code == 0 and r.stdout and not r.stderr
    assert _both("lint", "-f", "json", "--lang=en", cwd=base).code == 0


def test_findings_exit_1_on_both_paths(base: Path) -> None:
    write(base, "processes/x.yaml", "id: x\n\ttitle: x\n")
    r = _both("lint", str(base))
    assert r.code == 1 and "TP001" in r.stdout
    for fmt in ("json", "sarif", "github", "gitlab", "junit"):
        assert _both("lint", str(base), "--format", fmt).code == 1
    assert _both("lint", str(base), "--fail-on", "never").code == 0
    r = _both("lint", str(base / "processes/x.yaml"), "--ignore", "TP1", "--ignore=TP2", "--lang", "en")
    assert r.code == 1 and "processes/x.yaml:2:1 TP001" in r.stdout
    assert _both("lint", str(base), "--select", "TP1", "--fail-on", "warning").code == 1  # TP001 always reported


def test_usage_errors_exit_2_on_both_paths(base: Path, tmp_path: Path) -> None:
    cases = [
        ("lint", str(base), "--format", "nope"),
        ("lint", str(base), "--lang", "xx"),
        ("lint", str(base), "--fail-on", "sometimes"),
        ("lint", str(base), "--select", "TP999"),
        ("lint", str(base / "nothing-here")),
        ("lint", str(tmp_path / "empty")),
        ("lint", str(base), "--baseline", str(tmp_path / "missing.json")),
        ("lint", str(base / "acts.yaml"), "--write-baseline", str(tmp_path / "b.json")),
        # refused by the fast parser: typer answers
        ("lint", str(base), "--nope"),
        ("lint", str(base), "--debug"),
        ("lint", "--format"),
    ]
    (tmp_path / "empty").mkdir()
    for args in cases:
        r = _both(*args)
        assert r.code == 2 and r.stderr and "Traceback" not in r.stderr, args
    # the glued short form is typer's to parse
    assert _both("lint", "-fjson", str(base)).code == 0


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="no /dev/stdout")
def test_output_to_dev_stdout_writes_into_it_on_both_paths(base: Path, tmp_path: Path) -> None:
    before = os.lstat("/dev/stdout")
    r = _both("lint", str(base), "-o", "/dev/stdout")  # stdout is a pipe here
    assert r.code == 0 and r.stdout and r.stderr and not list(Path("/dev").glob(".stdout.*"))
    report = tmp_path / "report.txt"
    with report.open("wb") as fh:  # and here a regular file
        done = subprocess.run(
            [sys.executable, "-m", "tpkit", "lint", str(base), "-o", "/dev/stdout"],
            stdout=fh,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": str(REPO / "src")},
            check=False,
        )
    assert done.returncode == 0 and report.read_text(encoding="utf-8") == r.stdout
    after = os.lstat("/dev/stdout")
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)


def test_config_error_exit_2_on_both_paths(base: Path) -> None:
    write(base, "tpkit.yaml", "version: 2\n")
    r = _both("lint", str(base))
    assert r.code == 2 and r.stderr.startswith("tpkit: ") and "tpkit.yaml:1:" in r.stderr


def test_an_unwritable_output_is_one_line_and_debug_shows_the_traceback_on_both_paths(
    base: Path, tmp_path: Path
) -> None:
    out = base / "acts.yaml" / "report.txt"  # the report cannot go inside a file
    r = _both("lint", str(base), "--output", str(out))
    assert r.code == 2 and r.stderr.startswith(f"tpkit: {base / 'acts.yaml'}: ") and "Traceback" not in r.stderr
    assert "internal error" not in r.stderr and r.stderr.count("\n") == 1
    # a folder: named as given, not the temporary file beside it; nothing left behind
    folder = tmp_path / "reports"
    folder.mkdir()
    for option in ("--output", "--write-baseline"):
        r = _both("lint", str(base), option, str(folder))
        assert (r.code, r.stderr) == (
            2,
            f"tpkit: {folder}: ошибка файловой системы / file system error: Is a directory\n",
        )
    assert list(folder.iterdir()) == [] and not list(tmp_path.glob(".*.tmp"))
    for args in (("--debug", "lint", str(base), "-o", str(out)),):
        fast, slow = run_proc(*args), run_proc(*args, env=TYPER)
        assert fast.code == slow.code != 0
        assert "Traceback" in fast.stderr and "Traceback" in slow.stderr
        assert fast.stderr.splitlines()[-1] == slow.stderr.splitlines()[-1]


def test_output_and_baseline_on_both_paths(base: Path, tmp_path: Path) -> None:
    write(base, "processes/x.yaml", "id: x\n\ttitle: x\n")
    fast_b, slow_b = tmp_path / "fast-b.json", tmp_path / "slow-b.json"
    fast = run_proc("lint", str(base), "--write-baseline", str(fast_b))
    slow = run_proc("lint", str(base), "--write-baseline", str(slow_b), env=TYPER)
    assert fast.code == slow.code == 0
    assert fast.stderr.replace(str(fast_b), "B") == slow.stderr.replace(str(slow_b), "B") != ""
    assert fast_b.read_bytes() == slow_b.read_bytes()
    r = _both("lint", str(base), "--baseline", str(fast_b), "-f", "json", "-o", str(tmp_path / "r.json"))
    assert r.code == 0 and "базовой линии" in r.stderr
    fast = run_proc("lint", str(base), "-o", str(tmp_path / "fast.sarif"), "-f", "sarif")
    slow = run_proc("lint", str(base), "-o", str(tmp_path / "slow.sarif"), "-f", "sarif", env=TYPER)
    assert (fast.code, fast.stdout, fast.stderr) == (slow.code, slow.stdout, slow.stderr) == (1, "", slow.stderr)
    assert (tmp_path / "fast.sarif").read_bytes() == (tmp_path / "slow.sarif").read_bytes()


def test_help_still_comes_from_typer() -> None:
    r = run_proc("lint", "--help")
    assert r.code == 0 and "--write-baseline" in r.stdout and "--since" in r.stdout


# --- the point of it all: tpkit lint does not import the command-line machinery

_PROBE = """
import atexit, sys
from tpkit._entry import main

def report():
    heavy = sorted({m.split(".")[0] for m in sys.modules} & {"typer", "click", "rich"})
    sys.stderr.write("HEAVY=" + ",".join(heavy) + "\\n")

atexit.register(report)
sys.argv = ["tpkit", *sys.argv[1:]]
main()
"""


def _heavy(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    import os

    e = dict(os.environ)
    e["PYTHONPATH"] = str(REPO / "src") + os.pathsep + e.get("PYTHONPATH", "")
    e.pop("TPKIT_NO_FAST_CLI", None)
    e.update(env or {})
    p = subprocess.run([sys.executable, "-c", _PROBE, *args], env=e, capture_output=True, text=True, timeout=120)
    line = [ln for ln in p.stderr.splitlines() if ln.startswith("HEAVY=")]
    assert line, p.stderr
    return p.returncode, line[-1].removeprefix("HEAVY=")


def test_lint_does_not_import_typer_click_or_rich(base: Path) -> None:
    assert _heavy("lint", str(base)) == (0, "")
    assert _heavy("--debug", "lint", str(base), "--format", "json") == (0, "")
    write(base, "processes/x.yaml", "id: x\n\ttitle: x\n")
    assert _heavy("lint", str(base)) == (1, "")
    # the probe sees typer when it is there
    code, heavy = _heavy("lint", str(base), env=TYPER)
    assert code == 1 and "typer" in heavy
