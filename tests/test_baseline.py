"""Fingerprints, the baseline (adopting tpkit on an existing register) and exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from ci_helpers import break_registry
from conftest import lint_json, run_cli, write


def _fp(report: dict, rule: str) -> list[str]:
    return [f["fingerprint"] for f in report["findings"] if f["rule"] == rule]


# -- fingerprints --------------------------------------------------------------------------------


def test_fingerprint_survives_lines_inserted_above(base: Path) -> None:
    p = base / "processes/child-benefit.yaml"
    src = p.read_text(encoding="utf-8").replace("touchpoint: epgu\n", "touchpoint: epgu2\n", 1)
    p.write_text(src, encoding="utf-8")
    before = [f for f in lint_json(base)["findings"] if f["rule"] == "TP003"]
    assert len(before) == 1
    # a comment block at the top and a new touchpoint entry above the broken one
    src = "# Процесс назначения выплаты\n# (уточнено)\n" + src.replace(
        "touchpoints:\n", "touchpoints:\n  - touchpoint: reception\n    needs: [consultation]\n", 1
    )
    p.write_text(src, encoding="utf-8")
    after = [f for f in lint_json(base)["findings"] if f["rule"] == "TP003"]
    assert len(after) == 1
    assert after[0]["line"] == before[0]["line"] + 4  # it did move…
    assert after[0]["fingerprint"] == before[0]["fingerprint"]  # …and kept its fingerprint


def test_unused_suppression_keeps_its_fingerprint_when_lines_are_inserted_above(base: Path) -> None:
    p = base / "processes/child-benefit.yaml"
    src = p.read_text(encoding="utf-8").replace(
        "touchpoints:\n", "touchpoints:  # tpkit: ignore[TP105] -- проверено\n", 1
    )
    src = src.replace("title:", "# tpkit: ignore[TP105] -- проверено\ntitle:", 1)  # the same text, twice
    p.write_text(src, encoding="utf-8")
    before = sorted((f["line"], f["fingerprint"]) for f in lint_json(base)["findings"] if f["rule"] == "TP901")
    assert len(before) == 2 and before[0][1] != before[1][1]
    p.write_text("# Процесс назначения выплаты\n# (уточнено)\n" + src, encoding="utf-8")
    after = sorted((f["line"], f["fingerprint"]) for f in lint_json(base)["findings"] if f["rule"] == "TP901")
    assert [line for line, _ in after] == [line + 2 for line, _ in before]
    assert [fp for _, fp in after] == [fp for _, fp in before]


def test_two_findings_of_one_rule_in_one_file_differ(base: Path) -> None:
    p = base / "processes/child-benefit.yaml"
    src = p.read_text(encoding="utf-8")
    src = src.replace("touchpoint: epgu\n", "touchpoint: epgu2\n", 1).replace(
        "touchpoint: phone\n", "touchpoint: phone2\n", 1
    )
    p.write_text(src, encoding="utf-8")
    report = lint_json(base)
    found = [f for f in report["findings"] if f["rule"] == "TP003"]
    assert len(found) == 2 and found[0]["path"] == found[1]["path"]
    assert found[0]["fingerprint"] != found[1]["fingerprint"]


def test_notifications_and_section_items_at_one_touchpoint_are_each_a_finding(base: Path) -> None:
    # two notifications through the portal, one event sent by the portal and by the phone, and two pieces of
    # equipment at one reception: each is its own item (the touchpoint named them all alike, and all but one of
    # their findings were dropped as repeats)
    p = base / "processes/child-benefit.yaml"
    notice = "  - event: {}\n    touchpoint: {}\n    automatic: true\n    next_step: Решение — в установленный срок\n"
    p.write_text(
        p.read_text(encoding="utf-8")
        + notice.format("Заявление передано в комиссию", "epgu")
        + notice.format("Решение принято", "epgu")
        + notice.format("Решение принято", "phone"),
        encoding="utf-8",
    )
    q = base / "procedures/all.yaml"
    q.write_text(
        q.read_text(encoding="utf-8").replace(
            "  infrastructure:\n",
            "  infrastructure:\n    - equipment: Терминал оценки качества\n      touchpoint: reception\n"
            "    - equipment: Информационный киоск\n      touchpoint: reception\n",
        ),
        encoding="utf-8",
    )
    report = lint_json(base)
    assert len(set(_fp(report, "TP307"))) == 3
    assert len(set(_fp(report, "TP314"))) == 2


def test_fingerprint_depends_on_the_file(base: Path) -> None:
    write(base, "processes/a.yaml", "id: a\ntitle: A\ndirection: nope\n")
    write(base, "processes/b.yaml", "id: b\ntitle: A\ndirection: nope\n")
    fps = _fp(lint_json(base), "TP002")
    assert len(fps) == 2 and len(set(fps)) == 2


# -- baseline ------------------------------------------------------------------------------------


def test_write_baseline_records_findings_for_humans_deterministically(base: Path, tmp_path: Path) -> None:
    break_registry(base)
    expected = lint_json(base)["findings"]
    out = tmp_path / "baseline.json"
    r = run_cli("lint", str(base), "--write-baseline", str(out))
    assert r.code == 0, r.stderr  # recording is not failing, even with errors in the register
    assert str(len(expected)) in r.stderr
    first = out.read_bytes()
    doc = json.loads(first)
    assert doc["tool"] == "tpkit" and doc["version"] == 1
    entries = doc["findings"]
    assert sorted(e["fingerprint"] for e in entries) == sorted(f["fingerprint"] for f in expected)
    for e in entries:
        assert {"fingerprint", "rule", "path", "message"} <= set(e)
    assert entries == sorted(
        entries, key=lambda e: (e["path"], e["rule"], e["yaml_path"], e["object"], e["fingerprint"])
    )
    run_cli("lint", str(base), "--write-baseline", str(out))
    assert out.read_bytes() == first


def test_baseline_hides_old_findings_and_reports_new_ones(base: Path, tmp_path: Path) -> None:
    break_registry(base)
    bl = tmp_path / "tpkit-baseline.json"
    assert run_cli("lint", str(base), "--write-baseline", str(bl)).code == 0
    assert run_cli("lint", str(base)).code == 1  # without the baseline the register fails
    r = run_cli("lint", str(base), "--baseline", str(bl), "--format", "json")
    assert r.code == 0, r.stdout
    assert json.loads(r.stdout)["findings"] == []
    assert "базов" in r.stderr  # says how many were left out
    # editing around an old finding does not resurface it
    p = base / "processes/bad.yaml"
    p.write_text("# новый комментарий\n\n" + p.read_text(encoding="utf-8"), encoding="utf-8")
    assert run_cli("lint", str(base), "--baseline", str(bl)).code == 0
    # a new error is reported, alone
    write(base, "processes/new.yaml", "id: new\ntitle: Новый\ndirection: services\nunits: [nobody]\n")
    r = run_cli("lint", str(base), "--baseline", str(bl), "--format", "json")
    assert r.code == 1
    new = json.loads(r.stdout)["findings"]
    assert new and {f["path"] for f in new} == {"processes/new.yaml"}


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "gitlab", "junit"])
def test_baseline_applies_to_every_format(base: Path, tmp_path: Path, fmt: str) -> None:
    break_registry(base)
    bl = tmp_path / "b.json"
    assert run_cli("lint", str(base), "--write-baseline", str(bl)).code == 0
    without = run_cli("lint", str(base), "--format", fmt)
    r = run_cli("lint", str(base), "--baseline", str(bl), "--format", fmt)
    assert without.code == 1 and r.code == 0, r.stdout
    if fmt == "json":
        assert json.loads(without.stdout)["findings"] and json.loads(r.stdout)["findings"] == []
    elif fmt == "sarif":
        assert json.loads(without.stdout)["runs"][0]["results"]
        assert json.loads(r.stdout)["runs"][0]["results"] == []
    elif fmt == "gitlab":
        assert json.loads(without.stdout) and json.loads(r.stdout) == []
    elif fmt == "junit":
        assert "<failure" in without.stdout and "<failure" not in r.stdout
    elif fmt == "github":
        assert "::error" in without.stdout or "::warning" in without.stdout
        assert "::error" not in r.stdout and "::warning" not in r.stdout and "::notice" not in r.stdout
    else:
        assert "TP" in without.stdout and not re.search(r"\bTP\d{3}\b", r.stdout)


def test_unusable_baseline_is_a_one_line_error(base: Path, tmp_path: Path) -> None:
    cases = {
        "missing.json": None,
        "notjson.json": "{fingerprints: [",
        "list.json": "[]",
        "noprint.json": '{"tool": "tpkit", "version": 1, "findings": [{"rule": "TP101"}]}',
        "version.json": '{"tool": "tpkit", "version": 99, "findings": []}',
        "binary.json": b"\xff\xfe\x00",
    }
    for name, content in cases.items():
        p = tmp_path / name
        if isinstance(content, bytes):
            p.write_bytes(content)
        elif content is not None:
            p.write_text(content, encoding="utf-8")
        r = run_cli("lint", str(base), "--baseline", str(p))
        assert r.code == 2, (name, r.stdout, r.stderr)
        assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1, (name, r.stderr)
        assert name in r.stderr


def test_write_baseline_refuses_file_arguments(base: Path, tmp_path: Path) -> None:
    r = run_cli("lint", str(base / "processes/child-benefit.yaml"), "--write-baseline", str(tmp_path / "b.json"))
    assert r.code == 2 and "--write-baseline" in r.stderr
    assert not (tmp_path / "b.json").exists()


# -- exit codes ----------------------------------------------------------------------------------


def test_exit_code_follows_fail_on(base: Path) -> None:
    assert run_cli("lint", str(base)).code == 0
    # a warning only: TP007
    cb = (base / "processes/child-benefit.yaml").read_text(encoding="utf-8")
    (base / "processes/child-benefit.yaml").unlink()
    write(base, "processes/benefit.yaml", cb)
    sev = {f["severity"] for f in lint_json(base)["findings"]}
    assert "warning" in sev and "error" not in sev
    assert run_cli("lint", str(base)).code == 0  # default fail_on: error
    assert run_cli("lint", str(base), "--fail-on", "warning").code == 1
    assert run_cli("lint", str(base), "--fail-on", "info").code == 1
    assert run_cli("lint", str(base), "--fail-on", "never").code == 0
    write(base, "tpkit.yaml", "version: 1\nlint:\n  fail_on: warning\n")
    assert run_cli("lint", str(base)).code == 1  # tpkit.yaml's fail_on
    assert run_cli("lint", str(base), "--fail-on", "error").code == 0  # the option wins


def test_info_only_fails_only_at_fail_on_info(base: Path) -> None:
    p = base / "processes/child-benefit.yaml"
    p.write_text(p.read_text(encoding="utf-8") + "# tpkit: ignore[TP106]\n", encoding="utf-8")
    sev = {f["severity"] for f in lint_json(base)["findings"]}
    assert sev == {"info"}
    assert run_cli("lint", str(base), "--fail-on", "warning").code == 0
    assert run_cli("lint", str(base), "--fail-on", "info").code == 1


def test_usage_errors_are_exit_2(base: Path, tmp_path: Path) -> None:
    for args in (
        ("lint", str(base), "--fail-on", "sometimes"),
        ("lint", str(base), "--format", "pdf"),
        ("lint", str(base), "--lang", "de"),
        ("lint", str(tmp_path / "nowhere")),
        ("lint", str(tmp_path)),  # no registry
    ):
        r = run_cli(*args)
        assert r.code == 2, args
        assert "Traceback" not in r.stderr and r.stderr.strip(), args


# -- the request object behind tpkit lint ---------------------------------------------------------


def test_a_lint_request_writes_applies_and_refuses_baselines_without_the_command_line(base: Path) -> None:
    """``lint/request.py`` carries what ``tpkit lint`` does with a baseline; the command only parses and prints."""
    from tpkit.config import load_config
    from tpkit.lint.request import LintRequest, RequestError

    write(base, "processes/x.yaml", "id: x\ntitle: X\ndirection: nope\n")
    config = load_config(base)
    wrote = LintRequest(base, config, "en", write_baseline=True).run()
    assert wrote.baseline_text is not None and wrote.result.findings and wrote.exit_code == 0
    path = base.parent / "baseline.json"
    path.write_text(wrote.baseline_text, encoding="utf-8")
    applied = LintRequest(base, config, "en", baseline=path).run()
    assert applied.result.findings == [] and applied.hidden == len(wrote.result.findings)
    assert applied.baseline_text is None and applied.exit_code == 0
    plain = LintRequest(base, config, "en").run()
    assert plain.exit_code == 1 and "invalid value" in plain.result.findings[0].message
    with pytest.raises(RequestError, match="--write-baseline"):
        LintRequest(base, config, "en", write_baseline=True, only_files={"processes/x.yaml"}).run()
