"""The methodology as rules: each rule fires on its own anti-pattern and stays quiet on its best practice,
and the focused cases the methodology names."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BASE, codes, edit, lint_json, only, write

from tpkit.lint.rule import Rule, catalogue

RULES = [r for r in catalogue().values() if not r.review_only]


def _lay(root: Path, files: dict[str, str | bytes | None]) -> None:
    for rel, text in files.items():
        write(root, rel, text)


def _line_of(root: Path, rel: str, line: int) -> str:
    return (root / rel).read_text(encoding="utf-8").splitlines()[line - 1]


# --- every rule documents itself and keeps its word ----------------------------------


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_fires_on_its_anti_pattern(rule: type[Rule], base: Path) -> None:
    assert rule.anti_pattern, f"{rule.code} has no anti-pattern"
    _lay(base, rule.anti_pattern)
    for lang in ("ru", "en"):
        mine = only(lint_json(base, "--lang", lang), rule.code)
        assert mine, f"{rule.code} is silent on its own anti-pattern"
        # every placeholder of the message was filled in
        assert not any("{" in f["message"] for f in mine), mine


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_quiet_on_its_best_practice(rule: type[Rule], base: Path) -> None:
    _lay(base, rule.best_practice)
    report = lint_json(base)
    assert rule.code not in codes(report)
    # and the best practice is good practice altogether: no error or warning from any rule
    loud = [
        f"{f['rule']} {f['path']}:{f['line']} {f['message']}" for f in report["findings"] if f["severity"] != "info"
    ]
    assert loud == []


@pytest.mark.parametrize("rule", list(catalogue().values()), ids=lambda r: r.code)
def test_rule_documents_itself_in_both_languages(rule: type[Rule]) -> None:
    for field in ("summary", "message", "rationale"):
        texts = getattr(rule, field)
        assert set(texts) == {"ru", "en"} and all(t.strip() for t in texts.values()), (rule.code, field)
    # the rationale names the methodology's section (or the linter's own reason for TP0/TP9)
    if rule.code[:3] in ("TP1", "TP2", "TP3"):
        assert "разд." in rule.rationale["ru"] and "section" in rule.rationale["en"], rule.code
    # the message placeholders are the same in both languages
    import string

    fields = [{f for _, f, _, _ in string.Formatter().parse(rule.message[lang]) if f} for lang in ("ru", "en")]
    assert fields[0] == fields[1], rule.code
    # the house writes «е» for «ё» («еще», «прием»); TP117 said «описывает всё направление» (0.3 review)
    for field in ("summary", "message", "rationale"):
        assert "ё" not in getattr(rule, field)["ru"].lower(), (rule.code, field)


def test_example_texts_are_the_base_fixture() -> None:
    from tpkit.lint.rules import examples

    assert examples.AGENCY == (BASE / "agency.yaml").read_text(encoding="utf-8")
    assert examples.TOUCHPOINTS == (BASE / "touchpoints.yaml").read_text(encoding="utf-8")
    assert examples.PROCEDURE == (BASE / "procedures/all.yaml").read_text(encoding="utf-8")
    assert examples.PROCESS == (BASE / "processes/child-benefit.yaml").read_text(encoding="utf-8")


def test_a_code_and_name_are_the_file_name_and_its_first_line() -> None:
    import sys

    for rule in catalogue().values():
        module = sys.modules[rule.__module__]
        assert Path(module.__file__ or "").name == f"{rule.code.lower()}_{rule.name.replace('-', '_')}.py"
        assert (module.__doc__ or "").startswith(f"{rule.code} {rule.name}: "), rule.code
        assert Path(module.__file__ or "").parent.name == GROUPS[rule.code[:3]], rule.code


GROUPS = {"TP0": "structure", "TP1": "register", "TP2": "responsibility", "TP3": "procedures", "TP9": "tool"}


def test_a_rule_module_must_be_named_by_its_code() -> None:
    from tpkit.lint.rule import Rule, register

    class Stray(Rule):
        severity = "info"

    Stray.__module__ = "tpkit.lint.rules.register.journey"
    with pytest.raises(ValueError, match=r"tpNNN_<name>\.py"):
        register(Stray)


def test_every_problem_kind_is_reported_by_its_structure_rule() -> None:
    from tpkit.lint.engine import problem_code
    from tpkit.registry.problem import KINDS

    assert [problem_code(k) for k in KINDS] == ["TP001", "TP002", "TP003", "TP004", "TP005", "TP006", "TP007", "TP008"]


def test_the_base_registry_is_clean_under_every_rule(base: Path) -> None:
    assert lint_json(base)["findings"] == []


# --- TP1: the register ---------------------------------------------------------------

FORMAL = """\
id: child-benefit
title: Назначение ежемесячной выплаты на ребенка
direction: services
basis: [ar-benefit]
touchpoints:
  - touchpoint: epgu
    needs: [submit, result]
  - touchpoint: reception
    needs: [submit, result]
"""


def test_formal_two_touchpoints_is_flagged(base: Path) -> None:
    write(base, "processes/child-benefit.yaml", FORMAL)
    report = lint_json(base)
    (f,) = only(report, "TP101")
    assert f["severity"] == "error" and (f["line"], f["column"]) == (5, 1)
    assert f["yaml_path"] == "/touchpoints" and f["object"] == "process:child-benefit"
    assert "«Назначение ежемесячной выплаты на ребенка»" in f["message"]
    assert "сайт" in f["message"] and "контактный центр" in f["message"]
    assert "«получение результата, ответа, разъяснения»" in f["message"]
    # the milder cases are not raised on top of it
    assert not {"TP102", "TP103"} & set(codes(report))


def test_formal_approach_in_english(base: Path) -> None:
    write(base, "processes/child-benefit.yaml", FORMAL)
    (f,) = only(lint_json(base, "--lang", "en"), "TP101")
    assert f["message"].startswith("formal approach: no touchpoint of the process «Назначение")
    assert "final goal" not in f["message"]
    assert "'getting the result, answer or explanation'" in f["message"]


def test_one_formal_process_among_good_ones_is_the_only_finding(base: Path) -> None:
    write(base, "processes/permit.yaml", FORMAL.replace("id: child-benefit", "id: permit"))
    report = lint_json(base)
    assert [(f["rule"], f["path"]) for f in report["findings"] if f["severity"] == "error"] == [
        ("TP101", "processes/permit.yaml")
    ]


def test_consultation_only_is_not_formal_but_lacks_information(base: Path) -> None:
    edit(base, "processes/child-benefit.yaml", "  - touchpoint: site\n    needs: [info, forms]\n", "")
    report = lint_json(base)
    assert "TP101" not in codes(report)
    (f,) = only(report, "TP102")
    assert f["yaml_path"] == "/touchpoints" and "«получение информации»" in f["message"]


def test_information_without_help_for_submitting_is_tp103(base: Path) -> None:
    edit(base, "processes/child-benefit.yaml", "needs: [consultation, status]", "needs: [status]")
    report = lint_json(base)
    assert "TP101" not in codes(report) and "TP102" not in codes(report)
    (f,) = only(report, "TP103")
    assert "«получение консультации»" in f["message"]


def test_no_submit_means_no_tp103(base: Path) -> None:
    write(
        base,
        "processes/info-only.yaml",
        "id: info-only\ntitle: Информирование о мерах поддержки\ndirection: support\ntouchpoints:\n"
        "  - touchpoint: site\n    needs: [info, feedback]\n",
    )
    report = lint_json(base)
    assert not {"TP101", "TP102", "TP103", "TP109"} & set(codes(report))


def test_single_need_website_is_not_flagged(base: Path) -> None:
    edit(base, "processes/child-benefit.yaml", "needs: [info, forms]", "needs: [info]")
    assert lint_json(base)["findings"] == []


def test_duplicated_touchpoint_is_one_finding_per_repeat_naming_the_first(base: Path) -> None:
    edit(
        base,
        "processes/child-benefit.yaml",
        "  - touchpoint: epgu\n    needs: [submit, status, result, feedback]\n",
        "  - touchpoint: epgu\n    needs: [submit, result, feedback]\n"
        "  - touchpoint: epgu\n    needs: [status]\n"
        "  - touchpoint: epgu\n    needs: [result]\n",
    )
    found = only(lint_json(base), "TP104")
    assert [f["line"] for f in found] == [13, 15]
    assert all(_line_of(base, "processes/child-benefit.yaml", f["line"]).strip() == "- touchpoint: epgu" for f in found)
    assert all("(строка 11)" in f["message"] and "«Единый портал" in f["message"] for f in found)
    assert "«получение информации о ходе рассмотрения" in found[0]["message"]
    assert len({f["fingerprint"] for f in found}) == 2


def test_touchpoint_without_needs_points_at_the_entry(base: Path) -> None:
    edit(
        base,
        "processes/child-benefit.yaml",
        "  - touchpoint: site\n    needs: [info, forms]\n",
        "  - touchpoint: site\n",
    )
    report = lint_json(base)
    (f,) = only(report, "TP105")
    assert f["line"] == 7 and "«Официальный сайт министерства»" in f["message"]
    # the process still gives information elsewhere? no: but a process without needs is not also 'formal'
    assert "TP101" not in codes(report)


def test_effective_basis_is_the_entry_and_the_catalogue(base: Path) -> None:
    edit(base, "touchpoints.yaml", "    basis: [cc-statute]\n", "")
    (f,) = only(lint_json(base), "TP106")
    assert f["path"] == "touchpoints.yaml" and f["line"] == 15  # once, at the catalogue entry
    assert "«Контактный центр министерства»" in f["message"] and "«Назначение ежемесячной выплаты" in f["message"]
    edit(
        base,
        "processes/child-benefit.yaml",
        "needs: [consultation, status]",
        "needs: [consultation, status]\n    basis: [cc-statute]",
    )
    assert "TP106" not in codes(lint_json(base))


def test_process_without_touchpoints(base: Path) -> None:
    write(base, "processes/empty.yaml", "id: empty\ntitle: Пустой процесс\ndirection: functions\n")
    report = lint_json(base)
    (f,) = only(report, "TP107")
    assert f["path"] == "processes/empty.yaml" and "«Пустой процесс»" in f["message"]
    assert not {"TP101", "TP110"} & set(codes(report))


def test_unused_catalogue_touchpoint_is_info(base: Path) -> None:
    edit(
        base,
        "processes/child-benefit.yaml",
        "  - touchpoint: reception\n    needs: [submit, result, feedback_result]\n",
        "",
    )
    (f,) = only(lint_json(base), "TP108")
    assert f["severity"] == "info" and f["path"] == "touchpoints.yaml" and f["line"] == 21


def test_touchpoint_named_by_a_broken_process_is_not_unused(base: Path) -> None:
    write(
        base,
        "processes/broken.yaml",
        "id: broken\ntitle: Б\ndirection: services\ntuchpoints: 1\ntouchpoints:\n  - touchpoint: reception\n    needs: [info]\n",
    )
    edit(
        base,
        "processes/child-benefit.yaml",
        "  - touchpoint: reception\n    needs: [submit, result, feedback_result]\n",
        "",
    )
    assert "TP108" not in codes(lint_json(base))


def test_journey_gap_says_which_need_is_missing(base: Path) -> None:
    edit(base, "processes/child-benefit.yaml", "needs: [consultation, status]", "needs: [consultation]")
    edit(base, "processes/child-benefit.yaml", "needs: [submit, status, result, feedback]", "needs: [submit, feedback]")
    (f,) = only(lint_json(base), "TP109")
    assert "ходе рассмотрения" in f["message"] and "получение результата" not in f["message"]
    edit(
        base,
        "processes/child-benefit.yaml",
        "needs: [submit, result, feedback_result]",
        "needs: [submit, feedback_result]",
    )
    (f,) = only(lint_json(base), "TP109")
    assert "ходе рассмотрения" in f["message"] and "получение результата" in f["message"]


def test_no_feedback_touchpoint(base: Path) -> None:
    edit(
        base,
        "processes/child-benefit.yaml",
        "needs: [submit, status, result, feedback]",
        "needs: [submit, status, result]",
    )
    (f,) = only(lint_json(base), "TP110")
    assert "«предоставление обратной связи»" in f["message"]


PARTNER = "partners:\n  - name: ГБУ «МФЦ»\n    touchpoints: [МФЦ «Мои документы»]\ntouchpoints:\n"


def test_joint_procedure_missing_with_adjacent_touchpoints(base: Path) -> None:
    edit(base, "processes/child-benefit.yaml", "touchpoints:\n", PARTNER)
    (f,) = only(lint_json(base), "TP111")
    assert f["yaml_path"] == "/partners/0/touchpoints" and "«ГБУ «МФЦ»»" in f["message"]
    edit(base, "processes/child-benefit.yaml", "partners:\n", "joint_procedure: all\npartners:\n")
    assert "TP111" not in codes(lint_json(base))


def test_partner_without_adjacent_touchpoints_needs_no_joint_procedure(base: Path) -> None:
    edit(base, "processes/child-benefit.yaml", "touchpoints:\n", "partners:\n  - name: ПФР\ntouchpoints:\n")
    assert "TP111" not in codes(lint_json(base))


APPEALS = """\
id: {id}
title: {title}
direction: appeals
touchpoints:
  - touchpoint: site
    needs: [info, submit]
  - touchpoint: phone
    needs: [consultation, status]
  - touchpoint: reception
    needs: [{needs}]
"""


def test_uniform_appeals_split_per_unit_is_flagged(base: Path) -> None:
    for i, t in (("a1", "Обращения в отдел выплат"), ("a2", "Обращения в отдел опеки"), ("a3", "Обращения министру")):
        write(base, f"processes/{i}.yaml", APPEALS.format(id=i, title=t, needs="result, feedback, submit"))
    report = lint_json(base)
    found = only(report, "TP112")
    assert sorted(f["path"] for f in found) == ["processes/a1.yaml", "processes/a2.yaml", "processes/a3.yaml"]
    a1 = next(f for f in found if f["path"] == "processes/a1.yaml")
    assert "«Обращения в отдел опеки»" in a1["message"] and "scope: direction" in a1["message"]


def test_appeals_with_different_needs_are_not_split(base: Path) -> None:
    write(base, "processes/a1.yaml", APPEALS.format(id="a1", title="А", needs="submit, result, feedback"))
    write(
        base, "processes/a2.yaml", APPEALS.format(id="a2", title="Б", needs="submit, result, feedback, feedback_result")
    )
    assert "TP112" not in codes(lint_json(base))


def test_identical_services_are_not_tp112(base: Path) -> None:
    write(
        base,
        "processes/a1.yaml",
        APPEALS.format(id="a1", title="А", needs="submit, result, feedback").replace("appeals", "services"),
    )
    write(
        base,
        "processes/a2.yaml",
        APPEALS.format(id="a2", title="Б", needs="submit, result, feedback").replace("appeals", "services"),
    )
    assert "TP112" not in codes(lint_json(base))


def test_rule_texts_are_read_from_the_docstring() -> None:
    from tpkit.lint.rule import Rule

    class Sample(Rule):
        """Summary:
            ru: краткое описание
            en: a summary
        Message:
            ru: у точки «{name}» нет
                ответственного
            en: the touchpoint «{name}» has no
                responsible

        Rationale:
            ru: потому что
            en: because
        """

        code = "TP999"

    assert Sample.summary == {"ru": "краткое описание", "en": "a summary"}
    assert Sample.message == {
        "ru": "у точки «{name}» нет ответственного",
        "en": "the touchpoint «{name}» has no responsible",
    }
    assert Sample.rationale == {"ru": "потому что", "en": "because"}
