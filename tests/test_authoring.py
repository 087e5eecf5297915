"""Authoring: tpkit init, new and fmt, tried as a new user would."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from conftest import codes, lint_json, only, run_cli, write

from tpkit.author.fmt import comments, format_text, kind_of, reindent_comments
from tpkit.registry.yaml import parse

FMT_CORPUS = Path(__file__).resolve().parent / "data" / "fmt"
CORPUS_FILES = sorted(p for p in FMT_CORPUS.rglob("*.yaml"))


def _bad(report: dict, levels: tuple[str, ...] = ("error", "warning")) -> list[str]:
    return [
        f"{f['rule']} {f['path']}:{f['line']} {f['message']}" for f in report["findings"] if f["severity"] in levels
    ]


# --- init ----------------------------------------------------------------------------------


def test_init_creates_a_registry_without_errors(tmp_path: Path) -> None:
    r = run_cli("init", str(tmp_path / "demo"))
    assert r.code == 0, r.stdout + r.stderr
    root = tmp_path / "demo"
    for rel in (
        "tpkit.yaml",
        "agency.yaml",
        "acts.yaml",
        "touchpoints.yaml",
        "processes/example-service.yaml",
        "procedures/general.yaml",
        ".gitignore",
        ".gitlab-ci.yml",
        ".github/workflows/tpkit.yml",
        ".pre-commit-config.yaml",
        ".vscode/settings.json",
    ):
        assert (root / rel).is_file(), rel
    report = lint_json(root)
    assert _bad(report, ("error",)) == []
    assert run_cli("lint", str(root)).code == 0


#: what the agency itself must write into a fresh registry: the placeholders and the two approvals
FRESH_FINDINGS = {"TP009", "TP203", "TP311"}
#: real values for the placeholders, as an agency writes them
REAL = {
    "AGENCY": "Министерство социальной защиты населения Тульской области",
    "AGENCY_SHORT": "Минсоцзащиты ТО",
    "HEAD": "А. А. Смирнов",
    "PERSON": "Кузнецова Ольга Викторовна",
    "SITE": "https://minsoc.tularegion.ru",
    "ADDRESS": "г. Тула, ул. Оборонная, д. 114б",
    "SCHEDULE": "пн–чт 9:00–18:00, пт 9:00–16:45",
}
APPROVAL = "  approval:\n    kind: order\n    number: 45-од\n    date: 2026-02-10\n"


def _fill_in(root: Path) -> None:
    """Do what the fresh registry's findings ask: real values for the placeholders, the two approvals."""
    from tpkit.registry.placeholders import PLACEHOLDERS

    for path in [root / "agency.yaml", root / "touchpoints.yaml", *root.glob("p*/*.yaml")]:
        text = path.read_text(encoding="utf-8")
        for name, value in REAL.items():
            text = text.replace(PLACEHOLDERS[name], value)
        path.write_text(text, encoding="utf-8")
    write(root, "agency.yaml", (root / "agency.yaml").read_text(encoding="utf-8") + APPROVAL)
    general = root / "procedures" / "general.yaml"
    if general.exists():
        general.write_text(
            general.read_text(encoding="utf-8") + APPROVAL.replace("  ", "", 1).replace("\n  ", "\n"), encoding="utf-8"
        )


@pytest.mark.parametrize("empty", [False, True], ids=["example", "empty"])
def test_a_fresh_registry_asks_for_the_agencys_own_data_and_nothing_else(tmp_path: Path, empty: bool) -> None:
    from tpkit.registry.placeholders import PLACEHOLDERS

    run_cli("init", str(tmp_path / "demo"), *(["--empty"] if empty else []))
    root = tmp_path / "demo"
    report = lint_json(root)
    assert set(codes(report)) == (FRESH_FINDINGS - {"TP311"} if empty else FRESH_FINDINGS)
    assert all(f["severity"] == "warning" for f in report["findings"])
    # each placeholder left is reported at its line, and every value in angle brackets is one of the table's
    for f in only(report, "TP009"):
        line = (root / f["path"]).read_text(encoding="utf-8").splitlines()[f["line"] - 1]
        assert any(p in line for p in PLACEHOLDERS.values()), line
    # no invented approval: the register and the procedure are not approved until someone enters it
    agency = parse((root / "agency.yaml").read_text(encoding="utf-8")).data
    assert "approval" not in agency["register"]
    assert "нет register.approval" in only(report, "TP203")[0]["message"]
    _fill_in(root)
    assert codes(lint_json(root)) == []  # the template is clean of every other rule (TP314 included)


def test_init_and_new_write_no_believable_invented_data(tmp_path: Path) -> None:
    import re

    from tpkit.author.init import planned_files
    from tpkit.registry.placeholders import PLACEHOLDERS

    run_cli("init", str(tmp_path / "demo"))
    root = tmp_path / "demo"
    for kind, ident in (("process", "permit"), ("procedure", "permit-order"), ("touchpoint", "office")):
        extra = ["--channel", "reception"] if kind == "touchpoint" else []
        assert run_cli("new", kind, ident, "--title", "Выдача разрешения", *extra, cwd=root).code == 0
    texts = {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in root.rglob("*.yaml")}
    texts.update({k: v.decode() for k, v in planned_files(empty=True).items() if k.endswith(".yaml")})
    for rel, text in texts.items():
        for invented in ("Иванов", "Петров", "Энск", "example.ru", "1-од", "2-од", "2026-01-1", "__PLACEHOLDER"):
            assert invented not in text, (rel, invented)
        for found in re.findall(r"<[^<>\n]+>", text):
            assert found in PLACEHOLDERS.values(), (rel, found)


def test_placeholders_are_plain_yaml_values() -> None:
    import yaml

    from tpkit.registry.placeholders import PLACEHOLDERS, fill, placeholders_in

    for value in PLACEHOLDERS.values():
        assert value.startswith("<") and value.endswith(">")
        assert yaml.safe_load(f"key: {value}  # comment") == {"key": value}
        assert placeholders_in(f"x {value} y") == [value]
    assert fill("name: __PLACEHOLDER_PERSON__") == f"name: {PLACEHOLDERS['PERSON']}"
    with pytest.raises(KeyError):
        fill("__PLACEHOLDER_NOBODY__")


def test_a_placeholder_left_is_a_finding_that_does_not_stop_render(tmp_path: Path) -> None:
    run_cli("init", str(tmp_path / "demo"))
    root = tmp_path / "demo"
    r = run_cli("render", "register", "--format", "md", "--output", "-", cwd=root)
    assert r.code == 0 and "полное наименование ведомства" in r.stdout  # a draft shows it as it is
    # and it is switched off like any rule
    assert "TP009" not in codes(lint_json(root, "--ignore", "TP009"))


def test_init_touchpoints_are_the_typical_five_with_comments(tmp_path: Path) -> None:
    run_cli("init", str(tmp_path / "demo"))
    text = (tmp_path / "demo" / "touchpoints.yaml").read_text(encoding="utf-8")
    channels = [t["channel"] for t in parse(text).data["touchpoints"]]
    assert channels == ["website", "portal", "one_stop_center", "reception", "call_center"]
    assert len(comments(text)) >= 10


def test_init_procedure_has_all_seven_sections(tmp_path: Path) -> None:
    from tpkit.registry.enums import SECTION_KEYS

    run_cli("init", str(tmp_path / "demo"))
    data = parse((tmp_path / "demo" / "procedures" / "general.yaml").read_text(encoding="utf-8")).data
    assert list(data["sections"]) == list(SECTION_KEYS)
    assert all(data["sections"][k] for k in SECTION_KEYS)


def test_init_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    target = tmp_path / "busy"
    write(target, "notes.txt", "мои заметки")
    r = run_cli("init", str(target))
    assert r.code == 2
    assert "--force" in r.stderr
    assert "Traceback" not in r.stderr
    assert not (target / "tpkit.yaml").exists()


def test_init_force_writes_and_keeps_other_files(tmp_path: Path) -> None:
    target = tmp_path / "busy"
    write(target, "notes.txt", "мои заметки")
    r = run_cli("init", str(target), "--force")
    assert r.code == 0
    assert (target / "notes.txt").read_text(encoding="utf-8") == "мои заметки"
    assert (target / "tpkit.yaml").is_file()


def test_init_wires_json_schemas_for_vscode(tmp_path: Path) -> None:
    from tpkit.schema import render_all

    run_cli("init", str(tmp_path / "demo"))
    root = tmp_path / "demo"
    settings = json.loads((root / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert mapping["./.tpkit/schemas/process.schema.json"] == "processes/*.yaml"
    assert mapping["./.tpkit/schemas/touchpoints.schema.json"] == "touchpoints.yaml"
    for name, text in render_all({}).items():  # the registry's schemas: its agency declares no own needs
        assert (root / ".tpkit" / "schemas" / name).read_text(encoding="utf-8") == text
        assert f"./.tpkit/schemas/{name}" in mapping
    # inside the registry, `tpkit schema --check` checks what init wrote (not ./schemas, issue 18)
    r = run_cli("schema", "--check", "-C", str(root))
    assert r.code == 0 and r.stdout == ""


def test_init_files_validate_against_their_schemas(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    run_cli("init", str(tmp_path / "demo"))
    root = tmp_path / "demo"
    pairs = {
        "tpkit.yaml": "tpkit",
        "agency.yaml": "agency",
        "acts.yaml": "acts",
        "touchpoints.yaml": "touchpoints",
        "processes/example-service.yaml": "process",
        "procedures/general.yaml": "procedure",
    }
    for rel, kind in pairs.items():
        schema = json.loads((root / ".tpkit" / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        data = parse((root / rel).read_text(encoding="utf-8")).data
        data = json.loads(json.dumps(data, default=str))  # dates as ISO text, as an editor sees them
        jsonschema.validate(data, schema)


def test_init_output_is_already_formatted(tmp_path: Path) -> None:
    run_cli("init", str(tmp_path / "demo"))
    r = run_cli("fmt", "--check", cwd=tmp_path / "demo")
    assert r.code == 0, r.stdout + r.stderr


def test_init_precommit_and_ci_files_are_valid_yaml(tmp_path: Path) -> None:
    run_cli("init", str(tmp_path / "demo"))
    root = tmp_path / "demo"
    hooks = parse((root / ".pre-commit-config.yaml").read_text(encoding="utf-8")).data
    ids = [h["id"] for repo in hooks["repos"] for h in repo["hooks"]]
    assert "tpkit-fmt" in ids and "tpkit-lint" in ids
    assert "tpkit lint" in (root / ".gitlab-ci.yml").read_text(encoding="utf-8")
    assert "tpkit lint" in (root / ".github" / "workflows" / "tpkit.yml").read_text(encoding="utf-8")


# --- new -----------------------------------------------------------------------------------


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """A fresh registry whose placeholders and approvals the agency has filled in: it lints clean."""
    root = tmp_path / "demo"
    assert run_cli("init", str(root)).code == 0
    _fill_in(root)
    return root


def test_new_process_is_valid_and_lint_names_only_what_it_still_needs(demo: Path) -> None:
    r = run_cli("new", "process", "x", "--title", "Выдача справки", cwd=demo)
    assert r.code == 0, r.stdout + r.stderr
    data = parse((demo / "processes" / "x.yaml").read_text(encoding="utf-8")).data
    assert data["id"] == "x" and data["title"] == "Выдача справки"
    report = lint_json(demo)
    found = [f for f in report["findings"] if f["severity"] in ("error", "warning")]
    # nothing structural (the skeleton is valid), and every finding is about the new file
    assert not [f for f in found if f["rule"].startswith("TP0")]
    assert {f["path"] for f in found} <= {"processes/x.yaml"}


def test_new_refuses_an_existing_id(demo: Path) -> None:
    assert run_cli("new", "process", "x", cwd=demo).code == 0
    r = run_cli("new", "process", "x", cwd=demo)
    assert r.code == 2 and "уже есть" in r.stderr and r.stderr.count("\n") == 1
    r = run_cli("new", "process", "example-service", cwd=demo)
    assert r.code == 2
    r = run_cli("new", "touchpoint", "epgu", cwd=demo)
    assert r.code == 2


def test_new_refuses_a_bad_id_and_kind(demo: Path) -> None:
    assert run_cli("new", "process", "Плохой id", cwd=demo).code == 2
    assert run_cli("new", "widget", "x", cwd=demo).code == 2


@pytest.mark.parametrize("kind", ["process", "touchpoint", "procedure"])
def test_new_with_a_windows_device_name_is_a_usage_error_not_an_internal_one(demo: Path, kind: str) -> None:
    # `tpkit new process con` said «внутренняя ошибка: заготовка process не проходит схему: …»
    r = run_cli("new", kind, "con", cwd=demo)
    assert r.code == 2 and r.stderr.count("\n") == 1, r.stderr
    assert "имя устройства Windows" in r.stderr and "внутренняя ошибка" not in r.stderr
    assert not (demo / "processes" / "con.yaml").exists() and not (demo / "procedures" / "con.yaml").exists()


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        ("process", "добавлен процесс «x» / process added"),
        ("touchpoint", "добавлена точка «x» / touchpoint added"),
        ("procedure", "добавлен порядок «x» / procedure added"),
    ],
)
def test_new_says_what_it_added_in_russian(demo: Path, kind: str, said: str) -> None:
    # it said «добавлен process «x» / added»: the kind in English inside the Russian half
    r = run_cli("new", kind, "x", cwd=demo)
    assert r.code == 0 and said in r.stdout, r.stdout


def test_new_touchpoint_appends_and_keeps_every_comment(demo: Path) -> None:
    path = demo / "touchpoints.yaml"
    before = path.read_text(encoding="utf-8")
    r = run_cli("new", "touchpoint", "bot", "--title", "Чат-бот: помощник", "--channel", "chatbot", cwd=demo)
    assert r.code == 0, r.stdout + r.stderr
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before)  # nothing above was touched
    old_items = parse(before).data["touchpoints"]
    new_items = parse(after).data["touchpoints"]
    assert new_items[:-1] == old_items
    assert new_items[-1] == {"id": "bot", "name": "Чат-бот: помощник", "channel": "chatbot", "basis": []}
    assert Counter(comments(before)) <= Counter(comments(after))
    assert not [c for c in codes(lint_json(demo)) if c.startswith("TP0")]


def test_new_touchpoint_into_an_empty_catalogue(base: Path) -> None:
    write(base, "touchpoints.yaml", "# каталог\ntouchpoints: []   # пока пусто\n")
    r = run_cli("new", "touchpoint", "site", "--channel", "website", cwd=base)
    assert r.code == 0, r.stdout + r.stderr
    text = (base / "touchpoints.yaml").read_text(encoding="utf-8")
    assert parse(text).data["touchpoints"][0]["id"] == "site"
    assert "# пока пусто" in text and "# каталог" in text


def test_new_touchpoint_unknown_channel_is_a_usage_error(demo: Path) -> None:
    r = run_cli("new", "touchpoint", "x", "--channel", "webiste", cwd=demo)
    assert r.code == 2 and "website" in r.stderr


def test_new_procedure_has_seven_sections_and_covers_its_touchpoint(demo: Path) -> None:
    from tpkit.registry.enums import SECTION_KEYS

    # a procedure named after a catalogue touchpoint covers it
    r = run_cli("new", "procedure", "reception", cwd=demo)
    assert r.code == 0, r.stdout + r.stderr
    data = parse((demo / "procedures" / "reception.yaml").read_text(encoding="utf-8")).data
    assert list(data["sections"]) == list(SECTION_KEYS)
    assert data["touchpoints"] == ["reception"]
    assert [c for c in codes(lint_json(demo)) if c.startswith("TP0")] == ["TP009"]  # its title, not given


def test_new_title_with_yaml_syntax_reads_back_exactly(demo: Path) -> None:
    title = "Справка: «о доходах» #1 - [срочно]"
    assert run_cli("new", "process", "odd", "--title", title, cwd=demo).code == 0
    assert parse((demo / "processes" / "odd.yaml").read_text(encoding="utf-8")).data["title"] == title


@pytest.mark.parametrize("title", ["a\x01b", "a\udcffb", "\x7f", "a\u200bb", "\u202eab", "\ufeffa"])
def test_new_title_with_a_control_or_invisible_character_or_non_utf8_bytes_is_a_usage_error(
    demo: Path, title: str
) -> None:
    # argv holds bytes that are not UTF-8 as lone surrogates (surrogateescape)
    r = run_cli("new", "process", "odd", "--title", title, cwd=demo)
    assert r.code == 2 and "--title" in r.stderr and "внутренняя ошибка" not in r.stderr, r.stderr
    assert not (demo / "processes" / "odd.yaml").exists()
    r = run_cli("new", "touchpoint", "odd", "--title", title, cwd=demo)
    assert r.code == 2 and "--title" in r.stderr and "odd" not in (demo / "touchpoints.yaml").read_text("utf-8")


@pytest.mark.parametrize("kind", ["process", "procedure", "touchpoint"])
def test_new_id_with_a_final_newline_is_refused(demo: Path, kind: str) -> None:
    before = sorted(p.relative_to(demo).as_posix() for p in demo.rglob("*"))
    before_text = (demo / "touchpoints.yaml").read_text(encoding="utf-8")
    r = run_cli("new", kind, "nl\n", cwd=demo)
    assert r.code == 2 and "invalid id" in r.stderr
    assert sorted(p.relative_to(demo).as_posix() for p in demo.rglob("*")) == before
    assert (demo / "touchpoints.yaml").read_text(encoding="utf-8") == before_text


def test_new_outside_a_registry_is_a_usage_error(tmp_path: Path) -> None:
    r = run_cli("new", "process", "x", cwd=tmp_path)
    assert r.code == 2 and "tpkit init" in r.stderr


# --- fmt -----------------------------------------------------------------------------------


def test_comment_extraction_ignores_hashes_in_text() -> None:
    text = "# one\nurl: https://x.ru/#frag   # two\nq: 'a # b'\nblock: |\n  # not a comment\nk: v#no\n  # three\n"
    assert comments(text) == ["# one", "# two", "# three"]


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.relative_to(FMT_CORPUS).as_posix())
def test_fmt_keeps_comments_and_data(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    kind = kind_of(path.relative_to(FMT_CORPUS).as_posix())
    assert kind is not None
    out = format_text(text, kind)
    assert Counter(comments(out)) == Counter(comments(text))
    assert parse(out).data == parse(text).data
    assert format_text(out, kind) == out  # idempotent


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.relative_to(FMT_CORPUS).as_posix())
def test_fmt_puts_keys_in_model_order(path: Path) -> None:
    from tpkit.registry.models import FILE_KINDS

    kind = kind_of(path.relative_to(FMT_CORPUS).as_posix())
    out = format_text(path.read_text(encoding="utf-8"), kind)
    data = parse(out).data
    order = list(FILE_KINDS[kind].model_fields)
    top = [k for k in data if k in order]
    assert top == sorted(top, key=order.index)


def test_fmt_corpus_changes_something(tmp_path: Path) -> None:
    """The corpus is not already canonical: the tests above are about real rewrites."""
    changed = [
        p
        for p in CORPUS_FILES
        if format_text(p.read_text(encoding="utf-8"), kind_of(p.relative_to(FMT_CORPUS).as_posix()))
        != p.read_text(encoding="utf-8")
    ]
    assert len(changed) == len(CORPUS_FILES)


def test_fmt_layout_two_space_indent_indented_sequences() -> None:
    text = "touchpoints:\n- id: a\n  name: A\n  channel: website\n  accessibility:\n  - x\n"
    out = format_text(text, "touchpoints")
    assert out == ("touchpoints:\n  - id: a\n    name: A\n    channel: website\n    accessibility:\n      - x\n")


def test_fmt_does_not_fold_long_russian_text() -> None:
    long = "Сотрудник " + "объясняет заявителю порядок обжалования и сроки рассмотрения " * 8
    text = f"id: p\ntitle: {long.strip()}\ndirection: services\n"
    out = format_text(text, "process")
    assert out == text


def test_fmt_moves_comment_lines_with_their_key() -> None:
    text = "title: T\n# the id comment\nid: x\ndirection: services  # eol\n"
    out = format_text(text, "process")
    assert out == "# the id comment\nid: x\ntitle: T\ndirection: services  # eol\n"


def test_reindent_comments_follows_the_next_line() -> None:
    text = "a:\n# c1\n  - x\n      # c2\n  - y\n"
    assert reindent_comments(text) == "a:\n  # c1\n  - x\n  # c2\n  - y\n"


def test_fmt_command_rewrites_only_changed_files_and_check_lists_them(tmp_path: Path) -> None:
    root = tmp_path / "reg"
    shutil.copytree(FMT_CORPUS, root)
    clean = "id: clean\ntitle: Чистый\ndirection: services\n"
    write(root, "processes/clean.yaml", clean)
    stamp = (root / "processes" / "clean.yaml").stat().st_mtime_ns
    r = run_cli("fmt", "--check", cwd=root)
    assert r.code == 1
    assert "processes/messy.yaml" in r.stdout and "processes/clean.yaml" not in r.stdout
    assert (root / "processes" / "messy.yaml").read_text(encoding="utf-8") == (
        FMT_CORPUS / "processes" / "messy.yaml"
    ).read_text(encoding="utf-8")
    r = run_cli("fmt", cwd=root)
    assert r.code == 0, r.stdout + r.stderr
    assert (root / "processes" / "clean.yaml").stat().st_mtime_ns == stamp
    r = run_cli("fmt", "--check", cwd=root)
    assert r.code == 0, r.stdout


def test_fmt_reports_unparseable_files_and_leaves_them(base: Path) -> None:
    broken = "id: x\ntitle: [unclosed\n"
    write(base, "processes/broken.yaml", broken)
    r = run_cli("fmt", cwd=base)
    assert r.code == 1
    assert "processes/broken.yaml:" in r.stderr and "Traceback" not in r.stderr
    assert (base / "processes" / "broken.yaml").read_text(encoding="utf-8") == broken


def test_fmt_counts_files_in_words_that_agree(base: Path) -> None:
    # 0.3 review: «1 отформатировано, 5 без изменений» (a number before a participle that cannot agree with it)
    write(base, "processes/child-benefit.yaml", "title: T\nid: child-benefit\ndirection: services\n")
    write(base, "processes/broken.yaml", "id: x\ntitle: [unclosed\n")
    r = run_cli("fmt", "--check", cwd=base)
    summary = r.stderr.strip().splitlines()[-1]
    assert summary.startswith("к форматированию: 1 файл, без изменений: 5 файлов, с ошибками: 1 файл /"), summary
    r = run_cli("fmt", cwd=base)
    summary = r.stderr.strip().splitlines()[-1]
    assert summary.startswith("отформатировано: 1 файл, без изменений: 5 файлов, с ошибками: 1 файл /"), summary
    assert summary.endswith("/ 1 reformatted, 5 unchanged, 1 failed"), summary


def test_fmt_single_file_argument(base: Path) -> None:
    write(base, "processes/child-benefit.yaml", "title: T\nid: child-benefit\ndirection: services\n")
    r = run_cli("fmt", str(base / "processes" / "child-benefit.yaml"), "--check")
    assert r.code == 1 and "processes/child-benefit.yaml" in r.stdout
    assert "touchpoints.yaml" not in r.stdout


def test_fmt_keeps_anchor_valid_when_keys_move() -> None:
    text = "title: &t Заголовок\ndescription: *t\nid: x\ndirection: services\n"
    out = format_text(text, "process")
    assert parse(out).data == parse(text).data
    assert list(parse(out).data) == ["id", "title", "direction", "description"]


def test_precommit_hooks_file_offers_tpkit_fmt() -> None:
    hooks = parse((Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")).data
    fmt_hook = next(h for h in hooks if h["id"] == "tpkit-fmt")
    assert fmt_hook["entry"] == "tpkit fmt"
    import re

    assert re.search(fmt_hook["files"], "registry/processes/x.yaml")
    assert not re.search(fmt_hook["files"], ".gitlab-ci.yml")


def test_new_procedure_then_lint_names_only_the_new_file(demo: Path) -> None:
    assert run_cli("new", "procedure", "contact-center", cwd=demo).code == 0
    found = [f for f in lint_json(demo)["findings"] if f["severity"] in ("error", "warning")]
    assert found, "an empty procedure still needs its sections"
    assert {f["path"] for f in found} == {"procedures/contact-center.yaml"}
    assert "TP301" in {f["rule"] for f in found}
    # nothing structural; its title, not given, is a placeholder to replace (TP009)
    assert not [f for f in found if f["rule"].startswith("TP0") and f["rule"] != "TP009"]
    assert [f["line"] for f in found if f["rule"] == "TP009"] == [4]


def test_new_without_a_title_writes_a_placeholder_that_lint_reports(demo: Path) -> None:
    # «Процесс x (наименование)» was a title no rule reported: a document printed it as the process's name
    from tpkit.registry.placeholders import PLACEHOLDERS

    for kind, ident in (("process", "x"), ("touchpoint", "t1"), ("touchpoint", "t2"), ("procedure", "y")):
        assert run_cli("new", kind, ident, cwd=demo).code == 0
    found = [f for f in lint_json(demo)["findings"] if f["rule"] == "TP009"]
    for value in ("PROCESS_TITLE", "PROCEDURE_TITLE", "TOUCHPOINT_NAME"):
        assert any(PLACEHOLDERS[value] in f["message"] for f in found), value
    assert len([f for f in found if PLACEHOLDERS["TOUCHPOINT_NAME"] in f["message"]]) == 2
    # two touchpoints still unnamed are not one touchpoint
    assert "TP114" not in {f["rule"] for f in lint_json(demo)["findings"]}


HOSTILE = Path(__file__).resolve().parent / "corpus"


@pytest.mark.skipif(not HOSTILE.is_dir(), reason="no hostile corpus")
def test_fmt_never_crashes_on_hostile_files() -> None:
    from tpkit.author.fmt import FmtError

    for path in sorted(HOSTILE.glob("*.yaml")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        try:
            out = format_text(text, "process")
        except FmtError:
            continue
        assert parse(out).data == parse(text).data, path.name


def test_fmt_keeps_an_end_of_line_comment_after_an_alias() -> None:
    out = format_text((FMT_CORPUS / "processes" / "anchors.yaml").read_text(encoding="utf-8"), "process")
    assert "    needs: *std  # ссылка на тот же список\n" in out


def test_fmt_comments_stay_next_to_their_lines() -> None:
    """Not only the same comments: each end-of-line comment stays on the line of its key."""
    out = format_text((FMT_CORPUS / "processes" / "messy.yaml").read_text(encoding="utf-8"), "process")
    lines = out.splitlines()
    assert any(line.startswith("direction: services") and line.endswith("# направление") for line in lines)
    assert any(line.strip().startswith("- submit") and line.endswith("# подача") for line in lines)
    i = lines.index("# перед id")
    assert lines[i + 1] == "id: messy"
    j = next(k for k, line in enumerate(lines) if line.strip() == "# перед result")
    assert lines[j + 1].strip() == "- result"


@pytest.mark.parametrize(
    "args",
    [
        ("lint",),
        ("lint", "--format", "json"),
        ("fmt", "--check"),
        ("matrix", "--format", "csv"),
        ("new", "process", "y"),
    ],
)
def test_every_command_that_reads_a_registry_takes_dash_c(demo: Path, tmp_path: Path, args: tuple[str, ...]) -> None:
    # `tpkit lint -C registry/` (as `site`, `render`, `diff` and `import` take it) was «Нет параметра: -C»
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    r = run_cli(*args, "-C", str(demo), cwd=elsewhere)
    assert r.code in (0, 1) and r.stdout, r.stdout + r.stderr  # fmt --check: the filled-in procedure would change
    r = run_cli(*args, "--registry", str(demo), cwd=elsewhere)
    assert r.code != 2 or "уже есть" in r.stderr, r.stderr  # new: the second time the process exists
    if args[0] != "new":
        r = run_cli(*args, "-C", str(demo), str(demo), cwd=elsewhere)
        assert r.code == 2 and "-C" in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr


def test_fmt_keeps_a_file_s_windows_line_endings(demo: Path) -> None:
    # a registry checked out on Windows (core.autocrlf) has CRLF: `tpkit fmt --check` called every canonical file
    # «будет изменен» (the pre-commit hook blocked each commit), and `tpkit fmt` wrote LF with a CRLF left after each
    # comment — mixed line endings
    assert run_cli("fmt", cwd=demo).code == 0
    path = demo / "processes" / "example-service.yaml"
    lf = path.read_bytes()
    assert b"\r" not in lf and b"#" in lf
    path.write_bytes(lf.replace(b"\n", b"\r\n"))
    r = run_cli("fmt", "--check", cwd=demo)
    assert r.code == 0, r.stdout + r.stderr
    # a file to format: formatted, and every line still ends in CRLF
    path.write_bytes(lf.replace(b"\n", b"\r\n").replace(b"needs: [info, forms]", b"needs:   [info, forms]"))
    assert run_cli("fmt", cwd=demo).code == 0
    out = path.read_bytes()
    assert out == lf.replace(b"\n", b"\r\n"), out[:300]


def test_new_touchpoint_keeps_the_catalogue_s_windows_line_endings(demo: Path) -> None:
    # the appended entry had LF lines in a CRLF touchpoints.yaml (a Windows checkout): mixed line endings
    path = demo / "touchpoints.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert run_cli("new", "touchpoint", "vk", "--channel", "social_network", cwd=demo).code == 0
    out = path.read_bytes()
    assert b"id: vk" in out and out.count(b"\n") == out.count(b"\r\n"), out[-300:]
