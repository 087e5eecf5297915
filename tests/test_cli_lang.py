"""One language choice for help, headings and findings: --lang (before or after the command), TPKIT_LANG,
tpkit.yaml, Russian by default."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli, write


def test_help_is_russian_by_default(tmp_path: Path) -> None:
    r = run_cli("--help", cwd=tmp_path, env={"TPKIT_LANG": ""})
    assert r.code == 0
    assert "Команды:" in r.stdout and "Проверить реестр" in r.stdout and "Показать эту справку" in r.stdout


def test_lang_before_the_command_gives_english_help_and_rules(tmp_path: Path) -> None:
    r = run_cli("--lang", "en", "lint", "--help", cwd=tmp_path)
    assert r.code == 0 and "Check the registry" in r.stdout and "Параметры" not in r.stdout
    r = run_cli("--lang", "en", "rules", cwd=tmp_path)
    assert r.code == 0 and "a file is not valid YAML" in r.stdout


def test_tpkit_lang_sets_help_and_findings(base: Path) -> None:
    write(base, "processes/x.yaml", "id: x\ntitle: X\ndirection: nope\n")
    r = run_cli("render", "--help", cwd=base, env={"TPKIT_LANG": "en"})
    assert "Documents from the registry" in r.stdout
    r = run_cli("lint", "--format", "json", cwd=base, env={"TPKIT_LANG": "en"})
    assert "invalid value" in json.loads(r.stdout)["findings"][0]["message"]
    # the command line wins over the variable
    r = run_cli("lint", "--format", "json", "--lang", "ru", cwd=base, env={"TPKIT_LANG": "en"})
    assert "недопустимое значение" in json.loads(r.stdout)["findings"][0]["message"]


def test_the_registry_language_sets_help(base: Path) -> None:
    write(base, "tpkit.yaml", "version: 1\nlanguage: en\n")
    r = run_cli("lint", "--help", cwd=base, env={"TPKIT_LANG": ""})
    assert "Check the registry" in r.stdout


def test_an_unknown_lang_is_a_usage_error(tmp_path: Path) -> None:
    r = run_cli("--lang", "de", "rules", cwd=tmp_path)
    assert r.code == 2 and "--lang" in r.stderr


def test_every_help_text_has_its_russian_form() -> None:
    from typer.main import get_command

    from tpkit.cli import app, i18n

    missing: list[str] = []

    def walk(command: Any) -> None:
        for text in (command.help, *(getattr(p, "help", None) for p in command.params)):
            if text and text.strip() not in i18n.HELP_RU:
                missing.append(text)
        for sub in getattr(command, "commands", {}).values():
            walk(sub)

    walk(get_command(app))
    assert not missing, missing


def test_one_run_s_language_and_options_do_not_reach_the_next_in_one_process(
    tmp_path: Path, base: Path, monkeypatch: Any, capsys: Any
) -> None:
    """Command-line state lives in the run's context: Russian help does not stay in click's words for the next
    run, and ``--debug`` before one command does not hold for the next."""
    import pytest

    from tpkit.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TPKIT_LANG", "")
    for args, shown, hidden in (
        (["--help"], "Параметры", "Options"),
        (["--lang", "en", "--help"], "Options", "Параметры"),
    ):
        with pytest.raises(SystemExit):
            main(args)
        out = capsys.readouterr().out
        assert shown in out and hidden not in out, (args, out)
        import gc

        assert gc.isenabled()  # main called with arguments gives the caller's process its collector back
    from conftest import run_cli

    r = run_cli("--debug", "site", "--registry", str(base), "-o", str(tmp_path / "a"))
    assert r.code == 0 and f"tpkit: {base}" in r.stderr, r.stderr
    r = run_cli("site", "--registry", str(base), "-o", str(tmp_path / "b"))
    assert r.code == 0 and f"tpkit: {base}" not in r.stderr, r.stderr


def test_the_site_speaks_the_language_asked_for(base: Path, tmp_path: Path, monkeypatch: Any) -> None:
    """``tpkit --lang en site`` and ``TPKIT_LANG=en tpkit site`` build the site in English, as every other
    command follows them (the site used to read only the registry's language)."""
    from conftest import run_cli

    write(base, "processes/x.yaml", "id: x\ntitle: X\ndirection: nope\n")
    monkeypatch.setenv("TPKIT_LANG", "")
    for args, env in ((["--lang", "en"], ""), ([], "en")):
        monkeypatch.setenv("TPKIT_LANG", env)
        out = tmp_path / f"site-{env or 'arg'}"
        assert run_cli(*args, "site", "--registry", str(base), "-o", str(out)).code == 1
        pages = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.html"))
        assert "invalid value" in pages and "недопустимое значение" not in pages


@pytest.mark.parametrize(
    ("args", "ru", "en"),
    [
        (("lint", "--nope"), "Ошибка: Нет параметра: --nope", "Error: No such option: --nope"),
        (("new", "process"), "Ошибка: Не указан аргумент 'ID'.", "Error: Missing argument 'ID'."),
        (("lint", "--format"), "Ошибка: Параметру '--format' нужно значение.", "Error: Option '--format' requires"),
        (("explain", "TP101", "TP102"), "Ошибка: Лишнее в команде: TP102", "Error: Got unexpected extra argument"),
    ],
)
def test_a_usage_error_is_in_the_language_of_help(base: Path, args: tuple[str, ...], ru: str, en: str) -> None:
    # the help was Russian and the usage errors English («Error: No such option: --nope (Possible options: …)»,
    # «Try 'tpkit lint --help' for help.»): typer 0.2x's click writes them without gettext
    r = run_cli(*args, cwd=base, env={"TPKIT_LANG": ""})
    assert r.code == 2 and ru in r.stderr, r.stderr
    assert "Try '" not in r.stderr and "Possible" not in r.stderr
    r = run_cli("--lang", "en", *args, cwd=base)
    assert r.code == 2 and en in r.stderr, r.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("render", "register", "--format", "csv", "--output", "-"),
        ("render", "procedure", "all", "--format", "md", "--output", "-"),
        ("fmt", "--check"),
        ("matrix",),
        ("schema", "--output", "{tmp}"),
        ("new", "process", "qq"),
        ("init", "{tmp}/new"),
    ],
)
def test_lang_after_the_command_is_taken_by_every_command(base: Path, tmp_path: Path, args: tuple[str, ...]) -> None:
    # 0.2.0: «--lang ru|en before or after the command»; `tpkit render register --lang en` was «No such option»
    args = tuple(a.replace("{tmp}", str(tmp_path)) for a in args)
    r = run_cli(*args, "--lang", "en", cwd=base)
    assert "--lang" not in r.stderr and r.code in (0, 1), r.stderr
    r = run_cli(*args[: 2 if args[0] == "render" else 1], "--help", "--lang", "en", cwd=base)
    assert "Show this message and exit" in r.stdout, r.stdout


def test_render_s_findings_line_follows_lang_after_the_command(base: Path) -> None:
    write(base, "processes/x.yaml", "id: x\ntitle: Процесс без точек\ndirection: services\n")
    r = run_cli("render", "register", "--format", "csv", "--output", "-", "--lang", "en", cwd=base)
    assert r.code == 0 and "the registry has" in r.stderr, r.stderr
