"""Output formats: each one parsed back and checked against the JSON report, field by field as contracted."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from ci_helpers import break_registry
from conftest import HERE, lint_json, run_cli

from tpkit.lint.engine import LintResult
from tpkit.lint.finding import Finding
from tpkit.lint.rule import catalogue
from tpkit.report import FORMATS, get_reporter
from tpkit.report import github_report as gh

SARIF_SCHEMA = HERE / "data" / "sarif-schema-2.1.0.json"
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
GITLAB_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


@pytest.fixture
def broken(base: Path) -> tuple[Path, list[dict]]:
    break_registry(base)
    expected = lint_json(base)["findings"]
    sev = {f["severity"] for f in expected}
    assert sev == {"error", "warning", "info"}, expected  # the fixture really mixes the three
    return base, expected


def _report(root: Path, fmt: str, *extra: str) -> str:
    r = run_cli("lint", str(root), "--format", fmt, "--fail-on", "never", *extra)
    assert r.code == 0, r.stdout + r.stderr
    return r.stdout


def _key(path: str, line: int, rule: str) -> tuple[str, int, str]:
    return (path, line, rule)


# -- SARIF ---------------------------------------------------------------------------------------


def test_sarif_is_valid_against_the_official_2_1_0_schema(broken: tuple[Path, list[dict]]) -> None:
    root, _ = broken
    doc = json.loads(_report(root, "sarif"))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(doc), key=str)
    assert not errors, [e.message for e in errors[:5]]
    assert doc["version"] == "2.1.0"


def test_sarif_schema_check_catches_a_broken_log(broken: tuple[Path, list[dict]]) -> None:
    """The vendored schema is strict enough to matter: a region starting at line 0 is rejected."""
    root, _ = broken
    doc = json.loads(_report(root, "sarif"))
    doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert list(jsonschema.Draft4Validator(schema).iter_errors(doc))


def test_sarif_driver_lists_the_rule_catalogue(broken: tuple[Path, list[dict]]) -> None:
    root, _ = broken
    driver = json.loads(_report(root, "sarif"))["runs"][0]["tool"]["driver"]
    assert driver["name"] == "tpkit" and driver["version"] and driver["informationUri"].startswith("https://")
    cat = catalogue()
    assert [r["id"] for r in driver["rules"]] == list(cat)
    for r in driver["rules"]:
        rule = cat[r["id"]]
        assert r["name"] == rule.name
        assert r["shortDescription"]["text"] == rule.summary["ru"]
        assert r["fullDescription"]["text"] == rule.rationale["ru"]
        assert r["id"] in r["help"]["text"] and r["help"]["markdown"]
        assert r["defaultConfiguration"]["level"] == SARIF_LEVEL[rule.severity]


def test_sarif_results_match_the_findings(broken: tuple[Path, list[dict]]) -> None:
    root, expected = broken
    run = json.loads(_report(root, "sarif"))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert len(results) == len(expected)
    for res, f in zip(results, expected, strict=True):
        assert res["ruleId"] == f["rule"]
        assert rules[res["ruleIndex"]]["id"] == f["rule"]
        assert res["level"] == SARIF_LEVEL[f["severity"]]
        assert res["message"]["text"] == f["message"]
        (loc,) = res["locations"]
        art = loc["physicalLocation"]["artifactLocation"]
        assert art["uri"] == f["path"] and not art["uri"].startswith("/") and ":" not in art["uri"]
        assert art["uriBaseId"] == "%SRCROOT%"
        region = loc["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (f["line"], f["column"])
        assert (region["endLine"], region["endColumn"]) >= (region["startLine"], region["startColumn"])
        assert min(region.values()) >= 1
        assert res["partialFingerprints"] == {"tpkit/v1": f["fingerprint"]}


def test_sarif_english_rule_texts(broken: tuple[Path, list[dict]]) -> None:
    root, _ = broken
    driver = json.loads(_report(root, "sarif", "--lang", "en"))["runs"][0]["tool"]["driver"]
    tp001 = next(r for r in driver["rules"] if r["id"] == "TP001")
    assert tp001["shortDescription"]["text"] == catalogue()["TP001"].summary["en"]


def test_sarif_of_a_clean_registry_has_no_results(base: Path) -> None:
    doc = json.loads(_report(base, "sarif"))
    assert doc["runs"][0]["results"] == []


# -- GitHub --------------------------------------------------------------------------------------

_CMD = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def _parse_command(line: str) -> tuple[str, dict[str, str], str]:
    m = _CMD.match(line)
    assert m, line
    props = dict(p.split("=", 1) for p in m.group(2).split(","))
    return m.group(1), props, m.group(3)


def test_github_one_workflow_command_per_finding(broken: tuple[Path, list[dict]]) -> None:
    root, expected = broken
    lines = _report(root, "github").splitlines()
    commands = [ln for ln in lines if ln.startswith("::")]
    assert len(commands) == len(expected)
    kinds = {"error": "error", "warning": "warning", "info": "notice"}
    for line, f in zip(commands, expected, strict=True):
        kind, props, message = _parse_command(line)
        assert kind == kinds[f["severity"]]
        assert props["file"] == f["path"]
        assert (int(props["line"]), int(props["col"])) == (f["line"], f["column"])
        assert props["title"] == f"{f['rule']} {f['name']}"
        if "endColumn" in props:
            assert int(props["endLine"]) == f["line"]
        assert message == gh.escape_data(f["message"])
    # the summary closes the log
    assert not lines[-1].startswith("::") and "1" in lines[-1]


def test_github_escapes_message_and_properties() -> None:
    f = Finding(
        "TP101",
        "formal-approach",
        "error",
        "50% готово\r\nвторая строка, этап: 2",
        "processes/a,b:c.yaml",
        line=3,
        column=5,
        end_line=3,
        end_column=9,
    )
    line = gh.command(f, ".")
    assert "\n" not in line and "\r" not in line
    assert line.endswith("::50%25 готово%0D%0Aвторая строка, этап: 2")
    assert "file=processes/a%2Cb%3Ac.yaml," in line
    assert line.startswith(
        "::error file=processes/a%2Cb%3Ac.yaml,line=3,col=5,endLine=3,endColumn=9,title=TP101 formal-approach::"
    )


def test_github_multiline_finding_has_no_end_column() -> None:
    f = Finding("TP101", "formal-approach", "warning", "m", "p.yaml", line=3, column=1, end_line=7, end_column=20)
    kind, props, _ = _parse_command(gh.command(f, "."))
    assert kind == "warning" and props["endLine"] == "7" and "endColumn" not in props


def test_github_is_the_default_format_on_github_actions(broken: tuple[Path, list[dict]]) -> None:
    root, expected = broken
    r = run_cli("lint", str(root), env={"GITHUB_ACTIONS": "true"})
    assert r.code == 1
    assert sum(ln.startswith("::") for ln in r.stdout.splitlines()) == len(expected)
    r = run_cli("lint", str(root), env={"GITHUB_ACTIONS": ""})
    assert not any(ln.startswith("::") for ln in r.stdout.splitlines())


# -- GitLab --------------------------------------------------------------------------------------


def test_gitlab_code_quality_fields(broken: tuple[Path, list[dict]]) -> None:
    root, expected = broken
    issues = json.loads(_report(root, "gitlab"))
    assert isinstance(issues, list) and len(issues) == len(expected)
    fps = [i["fingerprint"] for i in issues]
    assert len(set(fps)) == len(fps) and all(fps)
    for issue, f in zip(issues, expected, strict=True):
        assert issue["check_name"] == f["rule"]
        assert f["message"] in issue["description"]
        assert issue["fingerprint"] == f["fingerprint"]
        assert issue["severity"] == GITLAB_SEVERITY[f["severity"]]
        assert issue["location"]["path"] == f["path"]
        assert issue["location"]["lines"]["begin"] == f["line"]


def test_gitlab_clean_registry_is_an_empty_array(base: Path) -> None:
    assert json.loads(_report(base, "gitlab")) == []


def test_ci_paths_are_relative_to_the_working_folder(broken: tuple[Path, list[dict]]) -> None:
    """The registry in a sub-folder of the repository: GitHub and GitLab resolve paths against the checkout."""
    root, expected = broken
    repo = root.parent
    r = run_cli("lint", root.name, "--format", "gitlab", "--fail-on", "never", cwd=repo)
    issues = json.loads(r.stdout)
    assert [i["location"]["path"] for i in issues] == [f"{root.name}/{f['path']}" for f in expected]
    r = run_cli("lint", root.name, "--format", "sarif", "--fail-on", "never", cwd=repo)
    uris = [
        res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for res in json.loads(r.stdout)["runs"][0]["results"]
    ]
    assert uris == [f"{root.name}/{f['path']}" for f in expected]
    # the JSON report keeps paths relative to the registry root, and says where the root is
    doc = json.loads(run_cli("lint", root.name, "--format", "json", "--fail-on", "never", cwd=repo).stdout)
    assert doc["root"] == root.name and [f["path"] for f in doc["findings"]] == [f["path"] for f in expected]


# -- JUnit ---------------------------------------------------------------------------------------


def test_junit_one_suite_per_file_one_failure_per_finding(broken: tuple[Path, list[dict]]) -> None:
    root, expected = broken
    top = ET.fromstring(_report(root, "junit").encode("utf-8"))
    assert top.tag == "testsuites"
    suites = {s.get("name"): s for s in top.findall("testsuite")}
    files = {p.relative_to(root).as_posix() for p in root.rglob("*.yaml")} - {"tpkit.yaml"}  # settings, not data
    assert set(suites) == files
    failures = []
    for name, suite in suites.items():
        cases = suite.findall("testcase")
        failed = [c for c in cases if c.find("failure") is not None]
        assert int(suite.get("tests")) == len(cases) and int(suite.get("failures")) == len(failed)
        if not failed:
            assert len(cases) == 1  # a clean file: one passing testcase
        failures += [(name, c) for c in failed]
    assert len(failures) == len(expected) == int(top.get("failures"))
    got = sorted(
        (name, int(c.get("name").split()[2].split(":")[0]), c.find("failure").get("message")) for name, c in failures
    )
    assert got == sorted((f["path"], f["line"], f["message"]) for f in expected)
    for _, c in failures:
        assert c.find("failure").get("type").split()[0] == c.get("name").split()[0]


def test_junit_clean_registry_passes(base: Path) -> None:
    top = ET.fromstring(_report(base, "junit").encode("utf-8"))
    assert top.findall("testsuite")
    assert list(top.iter("failure")) == []
    assert all(len(s.findall("testcase")) == 1 for s in top.findall("testsuite"))


def test_junit_findings_at_one_spot_are_distinct_test_cases_with_only_attributes_readers_use() -> None:
    """GitLab keys a test case by suite, class and name and keeps one: two TP304 at 25:3 must stay two."""
    fs = [
        Finding("TP304", "feature-without-instruction", "warning", f"feature {k}", "procedures/p.yaml", 25, 3)
        for k in ("a", "b", "c")
    ]
    xml = get_reporter("junit")(LintResult(fs, 1, paths=["procedures/p.yaml"]), root=".", lang="en")
    top = ET.fromstring(xml.encode("utf-8"))
    cases = list(top.iter("testcase"))
    keys = {(c.get("classname"), c.get("name")) for c in cases}
    assert len(keys) == len(cases) == 3
    assert [c.get("name") for c in cases][1:] == [
        "TP304 feature-without-instruction 25:3 #2",
        "TP304 feature-without-instruction 25:3 #3",
    ]
    for c in cases:  # pytest's xunit2 schema: no «line»; GitLab reads «file»
        assert set(c.attrib) == {"classname", "name", "file", "time"}


def test_junit_survives_characters_xml_cannot_hold() -> None:
    f = Finding("TP002", "schema-violation", "error", 'bell \x07 & <tag> "q"\nline', "p.yaml")
    xml = get_reporter("junit")(LintResult([f], 1, paths=["p.yaml"]), root=".", lang="en")
    top = ET.fromstring(xml.encode("utf-8"))
    failure = next(top.iter("failure"))
    assert "<tag>" in failure.get("message") and "\x07" not in failure.get("message")


# -- all formats ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_file_gets_the_report_and_the_terminal_the_summary(
    broken: tuple[Path, list[dict]], fmt: str, tmp_path: Path
) -> None:
    root, _ = broken
    out = tmp_path / "out" / f"report.{fmt}"
    r = run_cli("lint", str(root), "--format", fmt, "--output", str(out))
    assert r.code == 1  # the error still fails the run
    assert r.stdout == ""
    assert re.search(r"\d+ ошиб(ка|ки|ок), ", r.stderr) and "Traceback" not in r.stderr
    direct = run_cli("lint", str(root), "--format", fmt).stdout
    assert out.read_text(encoding="utf-8") == direct


@pytest.mark.parametrize("fmt", FORMATS)
def test_reports_are_deterministic(broken: tuple[Path, list[dict]], fmt: str) -> None:
    root, _ = broken
    assert _report(root, fmt) == _report(root, fmt)


def test_unknown_format_is_exit_2(base: Path) -> None:
    r = run_cli("lint", str(base), "--format", "xml")
    assert r.code == 2 and "junit" in r.stderr and "Traceback" not in r.stderr


def test_output_file_is_not_private(broken: tuple[Path, list[dict]], tmp_path: Path) -> None:
    """A report written with --output is readable like any file the user writes (CI uploads it as an artifact)."""
    import os

    root, _ = broken
    out = tmp_path / "gl.json"
    old = os.umask(0o022)
    try:
        run_cli("lint", str(root), "--format", "gitlab", "--output", str(out), "--fail-on", "never")
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("findings", [0, 1, 3])
def test_json_is_exactly_what_json_dumps_writes(findings: int) -> None:
    """The JSON report writes findings without the slow indenting encoder: the bytes must not change."""
    odd = ['кавычки "и" \\ обратная черта', "tab\tnew\nline \u2028 \x1b", "emoji 😀 é", ""]
    result = LintResult(
        [
            Finding(
                rule="TP101",
                name="n",
                severity="warning",
                message=odd[i % len(odd)],
                path=f"processes/п{i}.yaml",
                line=10**i,
                yaml_path="/a/0",
                object=odd[(i + 1) % len(odd)],
                fingerprint="f" * i,
            )
            for i in range(findings)
        ],
        files=3,
    )
    out = get_reporter("json")(result, root="реестр", lang="ru")
    assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n"
    assert len(json.loads(out)["findings"]) == findings


@pytest.mark.parametrize(
    ("severities", "files", "ru", "en"),
    [
        ([], 12, "Замечаний нет (12 файлов)", "No findings (12 files)"),
        ([], 1, "Замечаний нет (1 файл)", "No findings (1 file)"),
        (["error"], 3, "1 ошибка, 0 предупреждений, 0 советов (3 файла)", "1 error, 0 warnings, 0 infos (3 files)"),
        (
            ["error"] * 2 + ["warning"] * 19 + ["info"] * 21,
            5,
            "2 ошибки, 19 предупреждений, 21 совет (5 файлов)",
            "2 errors, 19 warnings, 21 infos (5 files)",
        ),
    ],
)
def test_the_summary_line_agrees_with_its_numbers(severities: list[str], files: int, ru: str, en: str) -> None:
    """0.2.0 wrote «ошибок: 1»; the site «0 ошибка», «19 предупреждение». «к сведению» cannot agree: «совет»."""
    from tpkit.report.text_report import summary_line

    findings = [Finding("TP101", "formal-approach", s, "m", "p.yaml") for s in severities]
    result = LintResult(findings=findings, files=files)
    assert summary_line(result, "ru") == ru
    assert summary_line(result, "en") == en
