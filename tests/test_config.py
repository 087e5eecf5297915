"""Configuration and suppression: select/ignore, severities, fail_on, per-file ignores, inline comments, TP901."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import codes, edit, lint_json, only, run_cli, write

# the contact centre loses its basis: TP106 fires once, at its catalogue entry (touchpoints.yaml, line 15)
NO_BASIS = ("    basis: [cc-statute]\n", "")
PHONE_ENTRY = "  - touchpoint: phone\n"
PHONE_TP = "  - id: phone\n"


@pytest.fixture
def tp106(base: Path) -> Path:
    edit(base, "touchpoints.yaml", *NO_BASIS)
    assert codes(lint_json(base)) == ["TP106"]
    return base


@pytest.fixture
def mixed(base: Path) -> Path:
    """TP106 (warning), TP110 (warning), TP101 in a second process (error)."""
    edit(base, "touchpoints.yaml", *NO_BASIS)
    edit(
        base,
        "processes/child-benefit.yaml",
        "needs: [submit, status, result, feedback]",
        "needs: [submit, status, result]",
    )
    write(
        base,
        "processes/permit.yaml",
        "id: permit\ntitle: Выдача справки\ndirection: services\ntouchpoints:\n"
        "  - touchpoint: epgu\n    needs: [submit, result, feedback, status]\n",
    )
    assert sorted(set(codes(lint_json(base)))) == ["TP101", "TP106", "TP110"]
    return base


# --- selection --------------------------------------------------------------------


def test_select_by_code_on_the_command_line(mixed: Path) -> None:
    assert set(codes(lint_json(mixed, "--select", "TP106"))) == {"TP106"}


def test_select_by_prefix_and_comma_separated(mixed: Path) -> None:
    assert set(codes(lint_json(mixed, "--select", "TP10"))) == {"TP101", "TP106"}
    assert set(codes(lint_json(mixed, "--select", "TP101,TP110"))) == {"TP101", "TP110"}


def test_ignore_by_code_and_prefix(mixed: Path) -> None:
    assert set(codes(lint_json(mixed, "--ignore", "TP106"))) == {"TP101", "TP110"}
    assert set(codes(lint_json(mixed, "--ignore", "TP11"))) == {"TP101", "TP106"}
    assert codes(lint_json(mixed, "--ignore", "TP1")) == []


def test_config_select_and_ignore(mixed: Path) -> None:
    write(mixed, "tpkit.yaml", "version: 1\nlint:\n  select: [TP1]\n  ignore: [TP110]\n")
    assert set(codes(lint_json(mixed))) == {"TP101", "TP106"}
    # the command line's --select replaces the config's; its --ignore adds to it
    assert set(codes(lint_json(mixed, "--select", "TP110,TP106"))) == {"TP106"}
    assert set(codes(lint_json(mixed, "--ignore", "TP101"))) == {"TP106"}


def test_structure_rules_cannot_be_ignored_but_tp007_can(base: Path) -> None:
    write(base, "processes/broken.yaml", "id: broken\ntitle: [\n")
    (base / "processes/child-benefit.yaml").rename(base / "processes/benefit.yaml")
    assert {"TP001", "TP007"} <= set(codes(lint_json(base)))
    found = set(codes(lint_json(base, "--ignore", "TP0")))
    assert "TP001" in found and "TP007" not in found
    write(base, "tpkit.yaml", "version: 1\nlint:\n  ignore: [TP001, TP007]\n")
    found = set(codes(lint_json(base)))
    assert "TP001" in found and "TP007" not in found


# --- severities and fail_on --------------------------------------------------------


def test_severity_override_makes_a_warning_fail(tp106: Path) -> None:
    assert run_cli("lint", str(tp106)).code == 0
    write(tp106, "tpkit.yaml", "version: 1\nlint:\n  severity:\n    TP106: error\n")
    (f,) = lint_json(tp106)["findings"]
    assert f["severity"] == "error"
    assert run_cli("lint", str(tp106)).code == 1


def test_fail_on_in_config_and_on_the_command_line(tp106: Path) -> None:
    write(tp106, "tpkit.yaml", "version: 1\nlint:\n  fail_on: warning\n")
    assert run_cli("lint", str(tp106)).code == 1
    assert run_cli("lint", str(tp106), "--fail-on", "error").code == 0
    assert run_cli("lint", str(tp106), "--fail-on", "never").code == 0
    assert run_cli("lint", str(tp106), "--fail-on", "sometimes").code == 2


def test_fail_on_values_are_written_once(base: Path) -> None:
    """``--fail-on`` and ``lint.fail_on`` accept the same values, from one definition."""
    from typing import get_args

    from tpkit.registry.enums import FAIL_ON
    from tpkit.registry.models import LintConfig

    assert FAIL_ON == ("error", "warning", "info", "never")
    assert get_args(LintConfig.model_fields["fail_on"].annotation) == FAIL_ON
    r = run_cli("lint", str(base), "--fail-on", "sometimes")
    assert r.code == 2 and "error | warning | info | never" in r.stderr


def test_fail_on_info_counts_advice(base: Path) -> None:
    edit(
        base,
        "processes/child-benefit.yaml",
        "  - touchpoint: site\n    needs: [info, forms]\n",
        "  - touchpoint: site\n    needs: [info, forms]\n    demand: low\n",
    )
    write(base, "tpkit.yaml", "version: 1\nlint:\n  fail_on: info\n")
    assert run_cli("lint", str(base)).code == 0
    edit(
        base,
        "processes/child-benefit.yaml",
        "  - touchpoint: reception\n    needs: [submit, result, feedback_result]\n",
        "",
    )
    assert codes(lint_json(base)) == ["TP108"]
    assert run_cli("lint", str(base)).code == 1


def test_per_file_ignores_by_glob(base: Path) -> None:
    # no feedback touchpoint (TP110) in the process and in its legacy copy
    edit(
        base,
        "processes/child-benefit.yaml",
        "needs: [submit, status, result, feedback]",
        "needs: [submit, status, result]",
    )
    src = (base / "processes/child-benefit.yaml").read_text(encoding="utf-8")
    write(base, "processes/legacy-benefit.yaml", src.replace("id: child-benefit", "id: legacy-benefit"))
    assert sorted(f["path"] for f in only(lint_json(base), "TP110")) == [
        "processes/child-benefit.yaml",
        "processes/legacy-benefit.yaml",
    ]
    write(base, "tpkit.yaml", 'version: 1\nlint:\n  per_file_ignores:\n    "processes/legacy-*.yaml": [TP110]\n')
    assert [f["path"] for f in only(lint_json(base), "TP110")] == ["processes/child-benefit.yaml"]


# --- languages -----------------------------------------------------------------------


def test_findings_are_russian_by_default_english_on_request(tp106: Path) -> None:
    (ru,) = lint_json(tp106)["findings"]
    assert "нет основания" in ru["message"]
    (en,) = lint_json(tp106, "--lang", "en")["findings"]
    assert "has no basis" in en["message"] and "«Контактный центр министерства»" in en["message"]
    write(tp106, "tpkit.yaml", "version: 1\nlanguage: en\n")
    (cfg,) = lint_json(tp106)["findings"]
    assert cfg["message"] == en["message"]
    (back,) = lint_json(tp106, "--lang", "ru")["findings"]
    assert back["message"] == ru["message"]
    assert run_cli("lint", str(tp106), "--lang", "de").code == 2


def test_text_report_in_english_summary(tp106: Path) -> None:
    r = run_cli("lint", str(tp106), "--lang", "en")
    assert "touchpoints.yaml:15:5 TP106 touchpoint-without-basis" in r.stdout
    assert "0 errors, 1 warning, 0 infos (" in r.stdout  # the noun agrees with its number


# --- inline suppressions -------------------------------------------------------------


def test_inline_suppression_on_the_findings_line(tp106: Path) -> None:
    edit(tp106, "touchpoints.yaml", PHONE_TP, "  - id: phone  # tpkit: ignore[TP106] -- основание готовится\n")
    assert lint_json(tp106)["findings"] == []


def test_inline_suppression_on_the_containing_keys_line(tp106: Path) -> None:
    edit(tp106, "touchpoints.yaml", "touchpoints:\n", "touchpoints:  # tpkit: ignore[TP106]\n")
    assert lint_json(tp106)["findings"] == []


def test_inline_suppression_lists_several_codes(tp106: Path) -> None:
    edit(tp106, "touchpoints.yaml", PHONE_TP, "  - id: phone  # tpkit: ignore[TP201, TP106]\n")
    report = lint_json(tp106)
    # TP106 is suppressed; TP201 suppressed nothing there
    assert [(f["rule"], f["line"]) for f in report["findings"]] == [("TP901", 15)]
    assert "TP201" in report["findings"][0]["message"]


def test_suppression_on_one_entry_does_not_hide_another(tp106: Path) -> None:
    # two entries without basis: a comment on the first must not hide the second
    edit(
        tp106,
        "touchpoints.yaml",
        "    basis: [ar-benefit]\n    responsible: petrova\n  - id: phone",
        "    responsible: petrova\n  - id: phone",
    )
    before = only(lint_json(tp106), "TP106")
    assert sorted(f["line"] for f in before) == [8, 14]
    edit(tp106, "touchpoints.yaml", PHONE_TP, "  - id: phone  # tpkit: ignore[TP106]\n")
    assert [f["line"] for f in only(lint_json(tp106), "TP106")] == [8]


def test_suppression_on_the_first_list_item_does_not_cover_the_list(tp106: Path) -> None:
    edit(tp106, "touchpoints.yaml", "  - id: site\n", "  - id: site  # tpkit: ignore[TP106]\n")
    report = lint_json(tp106)
    assert sorted(codes(report)) == ["TP106", "TP901"]


def test_ignore_file_comment(tp106: Path) -> None:
    p = tp106 / "touchpoints.yaml"
    p.write_text(
        "# tpkit: ignore-file[TP106] -- основания уточняются юристами\n" + p.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    assert lint_json(tp106)["findings"] == []


def test_unused_suppression_is_tp901_at_the_comment(base: Path) -> None:
    edit(base, "processes/child-benefit.yaml", PHONE_ENTRY, "  - touchpoint: phone  # tpkit: ignore[TP106]\n")
    (f,) = lint_json(base)["findings"]
    assert (f["rule"], f["severity"], f["line"], f["column"]) == ("TP901", "info", 9, 24)
    assert "TP106" in f["message"]
    assert codes(lint_json(base, "--ignore", "TP901")) == []


def test_tp901_is_quiet_when_the_suppressed_rule_is_off(base: Path) -> None:
    edit(base, "processes/child-benefit.yaml", PHONE_ENTRY, "  - touchpoint: phone  # tpkit: ignore[TP106]\n")
    assert codes(lint_json(base, "--select", "TP3,TP9")) == []
    write(base, "tpkit.yaml", 'version: 1\nlint:\n  per_file_ignores:\n    "processes/*.yaml": [TP106]\n')
    assert codes(lint_json(base)) == []


def test_structure_findings_cannot_be_suppressed(base: Path) -> None:
    write(base, "processes/x.yaml", "id: x\ntitle: X\ndirection: nope  # tpkit: ignore[TP002]\n")
    assert sorted(codes(lint_json(base))) == ["TP002", "TP901"]


# --- invalid configuration -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("version: 1\nlint:\n  selct: [TP1]\n", "tpkit.yaml:3:", "select"),
        ("version: 1\nlint:\n  fail_on: warnings\n", "tpkit.yaml:3:", "warning"),
        ("version: 1\nlint:\n  select: [TP1, TP999]\n", "tpkit.yaml:3:", "TP999"),
        ("version: 1\nlint:\n  ignore: [E501]\n", "tpkit.yaml:3:", "E501"),
        ("version: 1\nlint:\n  severity:\n    TP1O6: error\n", "tpkit.yaml:4:", "TP1O6"),
        ("version: 1\nlint:\n  severity:\n    TP001: info\n", "tpkit.yaml:4:", "TP001"),
        ('version: 1\nlint:\n  per_file_ignores:\n    "processes/*.yaml": [TP10X]\n', "tpkit.yaml:4:", "TP10X"),
        ("version: 1\nlanguage: de\n", "tpkit.yaml:2:", "en"),
        ("lint: [\n", "tpkit.yaml:", ""),
    ],
)
def test_invalid_config_is_a_clear_error(base: Path, text: str, where: str, words: str) -> None:
    write(base, "tpkit.yaml", text)
    r = run_cli("lint", str(base))
    assert r.code == 2, r.stdout + r.stderr
    assert where in r.stderr and words in r.stderr and "Traceback" not in r.stderr
    assert r.stderr.count("\n") == 1


def test_unknown_code_on_the_command_line_is_a_usage_error(base: Path) -> None:
    for opt in ("--select", "--ignore"):
        r = run_cli("lint", str(base), opt, "TP1,XYZ")
        assert r.code == 2 and "XYZ" in r.stderr and "Traceback" not in r.stderr


def test_empty_config_is_valid(base: Path) -> None:
    write(base, "tpkit.yaml", "")
    assert run_cli("lint", str(base)).code == 0


def test_readme_config_and_suppression_examples_work(base: Path) -> None:
    import re

    from conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Rules") :]
    blocks = re.findall(r"```yaml\n(.*?)```", section, flags=re.S)
    config, inline, whole = blocks[0], blocks[1], blocks[2]
    write(base, "tpkit.yaml", config)
    assert run_cli("lint", str(base)).code == 0
    assert "# tpkit: ignore[TP106] -- " in inline
    # the inline comment, as written there, silences the catalogue entry's TP106
    write(base, "tpkit.yaml", "version: 1\n")
    edit(base, "touchpoints.yaml", *NO_BASIS)
    assert codes(lint_json(base)) == ["TP106"]
    edit(base, "touchpoints.yaml", "  - id: phone\n", inline.splitlines()[1].replace("vk", "phone", 1) + "\n")
    assert codes(lint_json(base)) == []
    # the file-wide comment, as written there, silences the file's TP110
    edit(base, "procedures/all.yaml", "    channels: [epgu]\n", "")
    edit(
        base,
        "processes/child-benefit.yaml",
        "needs: [submit, status, result, feedback]",
        "needs: [submit, status, result]",
    )
    assert codes(lint_json(base)) == ["TP110"]
    p = base / "processes/child-benefit.yaml"
    p.write_text(whole + p.read_text(encoding="utf-8"), encoding="utf-8")
    assert codes(lint_json(base)) == ["TP901"]  # TP109 had nothing to suppress
