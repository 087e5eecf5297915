"""Methodology round 3 (issue 25): correct registers pass, clever mistakes don't.

Each test is a register an agency really keeps: the false alarms of 0.2.0 on correct registers (they must stay
quiet now) and the shapes of the methodology's named mistakes that slipped through (they must be caught).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import codes, edit, lint_json, only

PROC = "processes/child-benefit.yaml"
CATALOGUE = "touchpoints.yaml"


def _add_touchpoint(root: Path, block: str) -> None:
    edit(root, CATALOGUE, "  - id: phone\n", block + "  - id: phone\n")


def _append_touchpoint(root: Path, block: str) -> None:
    path = root / CATALOGUE
    path.write_text(path.read_text(encoding="utf-8") + block, encoding="utf-8")


def _lint(root: Path, *extra: str) -> dict:
    """The lint report of a registry that is read whole: a test of a rule must not pass on a broken file."""
    report = lint_json(root, *extra)
    assert not [c for c in codes(report) if c < "TP009"], codes(report)
    return report


def _line(root: Path, rel: str, line: int) -> str:
    return (root / rel).read_text(encoding="utf-8").splitlines()[line - 1]


# --- 4. suppressions are not judged while the registry cannot be read whole ------------------------------------

MFC = (
    "  - id: mfc\n    name: МФЦ «Мои документы»\n    channel: one_stop_center\n"
    "    operator: ГБУ «МФЦ Энской области»\n    address: г. Энск, ул. Советская, д. 5\n"
    "    accessibility: [Пандус]\n    basis: [ar-benefit]\n    responsible: petrova\n"
)
MFC_ENTRY_SUPPRESSED = (
    "  - touchpoint: mfc   # tpkit: ignore[TP111] -- соглашение с МФЦ на подписании\n"
    "    needs: [submit, result]\nnotifications:\n"
)


def test_a_tab_in_the_catalogue_does_not_make_a_needed_suppression_unused(base: Path) -> None:
    _add_touchpoint(base, MFC)
    edit(base, PROC, "notifications:\n", MFC_ENTRY_SUPPRESSED)
    assert not {"TP111", "TP901"} & set(codes(lint_json(base)))  # the comment is used
    edit(base, CATALOGUE, "  - id: site\n", "\t- id: site\n")
    report = lint_json(base)
    assert "TP001" in codes(report)
    assert "TP901" not in codes(report)  # the catalogue is unread: whether TP111 would fire is unknown


def test_an_unknown_reference_also_stops_judging_suppressions(base: Path) -> None:
    _add_touchpoint(base, MFC)
    edit(base, PROC, "notifications:\n", MFC_ENTRY_SUPPRESSED)
    edit(base, PROC, "  - touchpoint: site\n", "  - touchpoint: sitte\n")
    report = lint_json(base)
    assert "TP003" in codes(report) and "TP901" not in codes(report)


def test_an_unused_suppression_is_still_reported_beside_a_structure_warning(base: Path) -> None:
    edit(base, PROC, "touchpoints:\n", "touchpoints:  # tpkit: ignore[TP110] -- отзывы собирает МФЦ\n")
    (base / PROC).rename(base / "processes/benefit.yaml")  # TP007, a warning: the registry is read whole
    report = lint_json(base)
    assert "TP007" in codes(report) and len(only(report, "TP901")) == 1


# --- 1. distinct identifiers make distinct touchpoints; free text is not an identifier --------------------------

#: a unit's hotline: its own number is not given; the description says where calls go out of hours
HOTLINE = (
    "  - id: hotline-care\n    name: Горячая линия отдела опеки\n    channel: call_center\n"
    "    description: В нерабочее время звонки переводятся на единый номер 8-800-100-20-30\n"
    "    basis: [cc-statute]\n    responsible: petrova\n"
)
HOTLINE_ENTRY = "  - touchpoint: hotline-care\n    needs: [consultation]\nnotifications:\n"


def test_a_hotline_transferring_calls_to_the_contact_centre_is_not_the_contact_centre(base: Path) -> None:
    edit(base, CATALOGUE, "    schedule: пн–пт 9:00–18:00\n", "    description: Звонок бесплатный, 8 (800) 100-20-30\n")
    _add_touchpoint(base, HOTLINE)
    edit(base, PROC, "notifications:\n", HOTLINE_ENTRY)
    report = _lint(base)
    assert not {"TP104", "TP114"} & set(codes(report))


def test_the_touchpoints_own_phone_is_an_identifier(base: Path) -> None:
    edit(base, CATALOGUE, "    schedule: пн–пт 9:00–18:00\n", "    phone: 8 (800) 100-20-30\n")
    _add_touchpoint(base, HOTLINE)  # mentions the number in its description only: another touchpoint
    assert "TP114" not in codes(_lint(base))
    _append_touchpoint(
        base,
        "  - id: cc-copy\n    name: Единый контактный центр\n    channel: call_center\n    phone: +7 800 1002030\n",
    )
    (f,) = only(_lint(base), "TP114")  # the same own number written another way: one contact centre
    assert "cc-copy" in f["object"] and "номер телефона" in f["message"]


#: a second reception, at another street address, named by what is received there
CONTROL_RECEPTION = (
    "  - id: reception-control\n    name: Приемная министерства (прием граждан по вопросам контроля)\n"
    "    channel: reception\n    address: г. Энск, ул. Мира, д. 7\n    accessibility: [Пандус]\n"
    "    basis: [ar-benefit]\n    responsible: petrova\n"
)


def test_a_second_reception_at_another_address_is_another_touchpoint(base: Path) -> None:
    _add_touchpoint(base, CONTROL_RECEPTION)
    edit(
        base, PROC, "notifications:\n", "  - touchpoint: reception-control\n    needs: [consultation]\nnotifications:\n"
    )
    report = _lint(base)
    assert not {"TP104", "TP114"} & set(codes(report))


def test_a_stage_row_without_address_is_still_the_reception(base: Path) -> None:
    _append_touchpoint(
        base, "  - id: reception-result\n    name: Приемная министерства (выдача результата)\n    channel: reception\n"
    )
    (f,) = only(_lint(base), "TP114")
    assert "reception-result" in f["object"] and "без указания этапа" in f["message"]


def test_different_urls_part_pages_that_share_a_name(base: Path) -> None:
    _add_touchpoint(
        base,
        "  - id: site-services\n    name: Официальный сайт министерства\n    channel: website\n"
        "    url: https://minsoc.example.ru/services\n",
    )
    assert "TP114" not in codes(_lint(base))


# --- 6. a stage-named offline copy of a point another organisation runs --------------------------------------

MFC_FULL = (
    "  - id: mfc\n"
    "    name: Многофункциональный центр предоставления государственных и муниципальных услуг «Мои документы»\n"
    "    channel: one_stop_center\n    operator: ГБУ «МФЦ Энской области»\n"
    "    accessibility: [Пандус]\n    basis: [ar-benefit]\n    responsible: petrova\n"
)
MFC_STAGE = (
    "  - id: mfc-result\n    name: МФЦ (выдача результата)\n    channel: one_stop_center\n"
    "    operator: ГБУ «МФЦ Энской области»\n    accessibility: [Пандус]\n    basis: [ar-benefit]\n"
    "    responsible: petrova\n"
)


def test_a_stage_named_copy_of_the_mfc_run_by_the_same_operator_is_the_mfc(base: Path) -> None:
    _add_touchpoint(base, MFC_FULL + MFC_STAGE)
    edit(
        base,
        PROC,
        "notifications:\n",
        "  - touchpoint: mfc\n    needs: [submit]\n  - touchpoint: mfc-result\n    needs: [result]\nnotifications:\n",
    )
    report = _lint(base)
    (cat,) = only(report, "TP114")
    assert "mfc-result" in cat["object"] and "оператор" in cat["message"]
    (dup,) = only(report, "TP104")
    assert _line(base, PROC, dup["line"]).strip() == "- touchpoint: mfc-result"


def test_a_stage_named_mfc_at_another_address_is_another_office(base: Path) -> None:
    _add_touchpoint(
        base,
        MFC_FULL.replace("    accessibility", "    address: г. Энск, ул. Советская, д. 5\n    accessibility")
        + MFC_STAGE.replace("    accessibility", "    address: г. Энск, ул. Мира, д. 12\n    accessibility"),
    )
    assert "TP114" not in codes(_lint(base))


def test_a_stage_named_mfc_beside_two_offices_of_its_operator_is_not_guessed(base: Path) -> None:
    second = MFC_FULL.replace("id: mfc\n", "id: mfc-2\n").replace("«Мои документы»", "«Мои документы» (г. Энск-2)")
    _add_touchpoint(base, MFC_FULL + second + MFC_STAGE)
    assert "TP114" not in codes(_lint(base))


# --- 2. a stated term is a term -----------------------------------------------------------------------------------

STATED = ["через неделю", "к 25 числу следующего месяца", "в течение 5 рабочих дней", "не позднее 1 марта"]
STATED += ["в день обращения", "незамедлительно"]
UNSTATED = ["в установленный срок", "в кратчайшие сроки", "своевременно", "по мере рассмотрения"]
UNSTATED += ["в срок, установленный регламентом", "по мере поступления"]


@pytest.mark.parametrize("term", STATED)
def test_a_stated_term_is_not_tp307(base: Path, term: str) -> None:
    edit(base, PROC, "next_step: Решение принимается в течение 10 рабочих дней", f"next_step: Решение — {term}")
    assert "TP307" not in codes(_lint(base))


@pytest.mark.parametrize("term", UNSTATED)
def test_a_term_stated_elsewhere_or_a_promise_is_tp307(base: Path, term: str) -> None:
    edit(base, PROC, "next_step: Решение принимается в течение 10 рабочих дней", f'next_step: "Решение — {term}"')
    (f,) = only(_lint(base), "TP307")
    assert f["yaml_path"] == "/notifications/0/next_step"


# --- 3. one finding per fault: a catalogue entry without basis or responsible ------------------------------------


def _copies(root: Path, n: int) -> None:
    """``n`` more processes like the base one (each uses the contact centre without a basis of its own)."""
    text = (root / PROC).read_text(encoding="utf-8")
    for i in range(1, n + 1):
        (root / f"processes/service-{i}.yaml").write_text(
            text.replace("id: child-benefit", f"id: service-{i}").replace(
                "title: Назначение ежемесячной выплаты на ребенка", f"title: Услуга номер {i}"
            ),
            encoding="utf-8",
        )


def test_a_catalogue_entry_without_basis_is_one_finding_naming_the_processes(base: Path) -> None:
    edit(base, CATALOGUE, "    basis: [cc-statute]\n", "")
    _copies(base, 4)
    edit(
        base,
        "processes/service-4.yaml",
        "    needs: [consultation, status]\n",
        "    needs: [consultation, status]\n    basis: [cc-statute]\n",
    )
    report = _lint(base)
    (f,) = only(report, "TP106")
    assert f["path"] == CATALOGUE and f["object"] == "touchpoint:phone"
    assert _line(base, CATALOGUE, f["line"]).strip() == "- id: phone"
    assert "«Назначение ежемесячной выплаты на ребенка»" in f["message"] and "«Услуга номер 1»" in f["message"]
    assert "еще 1" in f["message"]  # four processes lack it: three named, one counted
    assert "Услуга номер 4" not in f["message"]  # its entry gives its own basis


def test_entries_that_all_give_their_own_basis_leave_the_catalogue_alone(base: Path) -> None:
    edit(base, CATALOGUE, "    basis: [cc-statute]\n", "")
    edit(
        base,
        PROC,
        "    needs: [consultation, status]\n",
        "    needs: [consultation, status]\n    basis: [cc-statute]\n",
    )
    assert "TP106" not in codes(_lint(base))


def test_a_catalogue_entry_without_responsible_is_one_finding(base: Path) -> None:
    edit(base, CATALOGUE, "    basis: [cc-statute]\n    responsible: petrova\n", "    basis: [cc-statute]\n")
    _copies(base, 2)
    (f,) = only(_lint(base), "TP201")
    assert f["path"] == CATALOGUE and f["object"] == "touchpoint:phone"
    assert "«Услуга номер 2»" in f["message"] and "еще" not in f["message"]
    en = only(_lint(base, "--lang", "en"), "TP201")[0]["message"]
    assert "«Услуга номер 2»" in en and "responsible" in en


# --- 5. TP111: the partner's shared point is the touchpoint it runs ------------------------------------------------

MFC_IN_PROCESS = "  - touchpoint: mfc\n    needs: [submit, result]\nnotifications:\n"


def _with_mfc(root: Path, head: str = "") -> None:
    """The МФЦ (run by ГБУ «МФЦ Энской области») in the catalogue and in the process; ``head`` goes before the
    process's touchpoints (partners, joint_procedure)."""
    _add_touchpoint(root, MFC)
    edit(root, PROC, "notifications:\n", MFC_IN_PROCESS)
    if head:
        edit(root, PROC, "touchpoints:\n", head + "touchpoints:\n")


def _digital_procedure(root: Path) -> None:
    text = (root / "procedures/all.yaml").read_text(encoding="utf-8")
    text = text.replace("id: all\n", "id: digital\n").replace("touchpoints: all\n", "touchpoints: [site, epgu]\n")
    (root / "procedures/digital.yaml").write_text(text, encoding="utf-8")


def test_a_partner_named_for_information_does_not_silence_the_mfc_check(base: Path) -> None:
    _with_mfc(base, "partners:\n  - name: ГИБДД МВД России\n")  # asked for data, no touchpoints
    (f,) = only(_lint(base), "TP111")
    assert f["yaml_path"] == "/touchpoints/4" and "ГБУ «МФЦ Энской области»" in f["message"]


def test_the_mfc_operator_as_a_partner_still_needs_the_joint_procedure(base: Path) -> None:
    _with_mfc(base, "partners:\n  - name: ГБУ «МФЦ Энской области»\n")
    (f,) = only(_lint(base), "TP111")
    assert "joint_procedure" in f["message"]


def test_a_joint_procedure_that_does_not_cover_the_mfc_is_a_finding(base: Path) -> None:
    _digital_procedure(base)
    _with_mfc(base, "partners:\n  - name: ГБУ «МФЦ Энской области»\n    touchpoints: [mfc]\njoint_procedure: digital\n")
    (f,) = only(_lint(base), "TP111")
    assert f["yaml_path"] == "/joint_procedure" and "«МФЦ «Мои документы»»" in f["message"]
    en = only(_lint(base, "--lang", "en"), "TP111")[0]["message"]
    assert "does not cover" in en


def test_a_joint_procedure_covering_the_mfc_or_an_agreement_is_accepted(base: Path) -> None:
    _digital_procedure(base)
    _with_mfc(base, "partners:\n  - name: ГБУ «МФЦ Энской области»\n    touchpoints: [mfc]\njoint_procedure: all\n")
    assert "TP111" not in codes(_lint(base))
    edit(base, PROC, "joint_procedure: all\n", "joint_procedure: ar-benefit\n")  # an act: the agreement itself
    assert "TP111" not in codes(_lint(base))


def test_a_partner_without_shared_points_needs_no_joint_procedure(base: Path) -> None:
    edit(base, PROC, "touchpoints:\n", "partners:\n  - name: ГИБДД МВД России\ntouchpoints:\n")
    assert "TP111" not in codes(_lint(base))


# --- 7. TP112: a unit's copy by meaning, not by wording ------------------------------------------------------------

APPEALS = """\
id: {id}
title: {title}
direction: {direction}
{scope}units: [{units}]
touchpoints:
  - touchpoint: site
    needs: [info, submit]
  - touchpoint: phone
    needs: [consultation, status]
  - touchpoint: reception
    needs: [{needs}]
{extra}"""


def _process(root: Path, ident: str, title: str, *, direction: str = "appeals", scope: str = "", units: str = "benefits",
             needs: str = "submit, result, feedback", extra: str = "") -> None:  # fmt: skip
    (root / f"processes/{ident}.yaml").write_text(
        APPEALS.format(id=ident, title=title, direction=direction, scope=scope, units=units, needs=needs, extra=extra),
        encoding="utf-8",
    )


def _units(root: Path) -> None:
    edit(
        root,
        "agency.yaml",
        "officials:\n",
        "  - id: control\n    name: Отдел контроля\nofficials:\n",
    )


def test_a_copy_whose_title_adds_a_participle_and_a_unit_clause_is_found(base: Path) -> None:
    _units(base)
    _process(base, "appeals", "Рассмотрение обращений граждан")
    _process(
        base,
        "appeals-control",
        "Рассмотрение обращений граждан, поступивших в отдел контроля",
        units="control",
        needs="submit, result",
    )
    found = only(_lint(base), "TP112")
    assert sorted(f["path"] for f in found) == ["processes/appeals-control.yaml", "processes/appeals.yaml"]


def test_titles_that_differ_by_who_is_served_are_different_processes(base: Path) -> None:
    for ident, title in (
        ("fire", "Назначение пособия гражданам, пострадавшим от пожара"),
        ("jobless", "Назначение пособия гражданам, утратившим работу"),
    ):
        _process(base, ident, title, direction="support", needs="submit, result")
    edit(base, "processes/jobless.yaml", "needs: [submit, result]", "needs: [submit, result, feedback]")
    assert "TP112" not in codes(_lint(base))


def test_a_units_copy_with_one_touchpoint_more_beside_the_direction_process(base: Path) -> None:
    _units(base)
    _process(base, "appeals", "Рассмотрение обращений граждан", scope="scope: direction\n", units="benefits, control")
    _process(
        base,
        "appeals-control",
        "Работа с обращениями в отделе контроля",
        units="control",
        extra="  - touchpoint: epgu\n    needs: [submit, status]\n",
    )
    (f,) = only(_lint(base), "TP112")
    assert f["path"] == "processes/appeals-control.yaml" and "«Рассмотрение обращений граждан»" in f["message"]
    assert "ЕПГУ" in f["message"]


def test_a_copy_for_a_unit_the_direction_process_does_not_cover_is_its_own(base: Path) -> None:
    _units(base)
    _process(base, "appeals", "Рассмотрение обращений граждан", scope="scope: direction\n", units="benefits")
    _process(
        base,
        "appeals-control",
        "Работа с обращениями в отделе контроля",
        units="control",
        extra="  - touchpoint: epgu\n    needs: [submit, status]\n",
    )
    assert "TP112" not in codes(_lint(base))


# --- 8. TP118: a notification tells of the course of handling or of the result -------------------------------------


def test_a_notification_through_a_touchpoint_without_status_or_result(base: Path) -> None:
    edit(base, PROC, "    needs: [submit, status, result, feedback]\n", "    needs: [submit, feedback]\n")
    (f,) = only(_lint(base), "TP118")
    assert f["yaml_path"] == "/notifications/0/touchpoint" and f["severity"] == "warning"
    assert "«Заявление принято к рассмотрению»" in f["message"] and "«Единый портал" in f["message"]


def test_a_notification_of_the_result_at_a_touchpoint_giving_the_result(base: Path) -> None:
    edit(base, PROC, "    needs: [submit, status, result, feedback]\n", "    needs: [submit, result, feedback]\n")
    assert "TP118" not in codes(_lint(base))


def test_a_notification_at_a_touchpoint_the_process_does_not_list_is_tp116_only(base: Path) -> None:
    edit(base, PROC, "  - touchpoint: epgu\n    needs: [submit, status, result, feedback]\n", "")
    edit(base, "procedures/all.yaml", "    channels: [epgu]\n", "")
    found = codes(_lint(base))
    assert "TP116" in found and "TP118" not in found


# --- 9. TP119: an inspection is a feature of the process ----------------------------------------------------------

INSPECTION_PROCESS = """\
id: vehicle-permit
title: Выдача разрешения на перевозку тяжеловесного груза
direction: services
touchpoints:
  - touchpoint: site
    needs: [info, forms]
  - touchpoint: phone
    needs: [consultation, status]
  - touchpoint: reception
    needs: [submit, inspection, result, feedback]
"""


def test_objects_presented_for_inspection_without_a_feature(base: Path) -> None:
    (base / "processes/vehicle-permit.yaml").write_text(INSPECTION_PROCESS, encoding="utf-8")
    (f,) = only(_lint(base), "TP119")
    assert f["path"] == "processes/vehicle-permit.yaml" and f["yaml_path"] == "/touchpoints/2/needs/1"
    assert "«Приемная министерства»" in f["message"]


def test_an_inspection_described_as_a_feature_there_or_of_the_whole_process(base: Path) -> None:
    at = "features:\n  - id: cargo\n    title: Осмотр груза и транспортного средства\n    touchpoints: [reception]\n"
    (base / "processes/vehicle-permit.yaml").write_text(INSPECTION_PROCESS + at, encoding="utf-8")
    assert "TP119" not in codes(_lint(base))
    whole = "features:\n  - id: cargo\n    title: Осмотр груза и транспортного средства\n"
    (base / "processes/vehicle-permit.yaml").write_text(INSPECTION_PROCESS + whole, encoding="utf-8")
    assert "TP119" not in codes(_lint(base))


# --- 10. TP314: a section holds what the methodology names ----------------------------------------------------------

ALL = "procedures/all.yaml"


def test_a_scope_line_is_not_section_one(base: Path) -> None:
    edit(
        base,
        ALL,
        "    goals: [Своевременное и вежливое обслуживание заявителей]\n    principles: [Клиентоцентричность, Открытость]\n",
        "    scope: Порядок применяется во всех точках взаимодействия министерства\n",
    )
    report = _lint(base)
    (f,) = only(report, "TP314")
    assert f["yaml_path"] == "/sections/general" and "цели" in f["message"] and "принципы" in f["message"]
    assert "TP301" not in codes(report)


def test_an_empty_section_is_tp301_only(base: Path) -> None:
    edit(
        base,
        ALL,
        "  general:\n    goals: [Своевременное и вежливое обслуживание заявителей]\n"
        "    principles: [Клиентоцентричность, Открытость]\n",
        "  general: {}\n",
    )
    report = lint_json(base)
    assert "TP301" in codes(report) and "TP314" not in codes(report)


def test_equipment_without_its_use(base: Path) -> None:
    edit(base, ALL, "      usage: Талон выдается при входе, вызов — на табло\n", "")
    (f,) = only(_lint(base), "TP314")
    assert f["yaml_path"] == "/sections/infrastructure/0" and "«Система электронной очереди»" in f["message"]
    assert "usage" in f["message"] and "purpose" not in f["message"]


def test_requirements_in_other_only_name_what_is_missing(base: Path) -> None:
    edit(
        base,
        ALL,
        "    politeness: Сотрудник представляется и обращается к заявителю по имени и отчеству\n"
        "    accessibility: Маломобильным заявителям помогает дежурный сотрудник\n"
        "    result_orientation: Сотрудник доводит обращение до результата\n"
        "    methods: [Метод активного слушания]\n",
        "    other: [Сотрудник соблюдает служебный распорядок]\n",
    )
    (f,) = only(_lint(base), "TP314")
    for word in ("вежливость", "доступность", "нацеленность на результат", "методики"):
        assert word in f["message"]


def test_requirements_written_as_other_items_are_accepted(base: Path) -> None:
    edit(
        base,
        ALL,
        "    politeness: Сотрудник представляется и обращается к заявителю по имени и отчеству\n"
        "    accessibility: Маломобильным заявителям помогает дежурный сотрудник\n"
        "    result_orientation: Сотрудник доводит обращение до результата\n"
        "    methods: [Метод активного слушания]\n",
        "    other:\n"
        "      - Вежливое и уважительное обращение к каждому заявителю\n"
        "      - Помощь маломобильным заявителям на всех этапах\n"
        "      - Ответ по существу, до результата\n"
        "      - Методы активного слушания и разрешения конфликтов\n",
    )
    assert "TP314" not in codes(_lint(base))


# --- 12. an unknown need written in words gets its code from the importer's synonym table -------------------------


@pytest.mark.parametrize(
    ("written", "suggested"),
    [
        ("информирование", "«info»"),
        ("консультирование по телефону", "«consultation»"),
        ("информирование о ходе рассмотрения", "«status»"),
        ("подача заявления и получение результата", "[submit, result]"),
        ("infо", "«info»"),  # a Cyrillic «о»: the edit distance still finds it
    ],
)
def test_an_unknown_need_in_words_suggests_its_code(base: Path, written: str, suggested: str) -> None:
    edit(base, PROC, "    needs: [info, forms]\n", f"    needs: [{written}, forms]\n")
    (f,) = only(lint_json(base), "TP003")
    assert f"возможно, {suggested}" in f["message"], f["message"]
    (en,) = only(lint_json(base, "--lang", "en"), "TP003")
    quoted = suggested.replace("«", "'").replace("»", "'")
    assert f"did you mean {quoted}" in en["message"], en["message"]


def test_an_agencys_own_need_written_by_its_name_suggests_its_id(base: Path) -> None:
    edit(base, "agency.yaml", "register:\n", "needs:\n  - id: appointment\n    name: Запись на прием\nregister:\n")
    edit(base, PROC, "    needs: [info, forms]\n", "    needs: [info, forms, запись на прием]\n")
    (f,) = only(lint_json(base), "TP003")
    assert "возможно, «appointment»" in f["message"]


# --- more shapes of the same cases ----------------------------------------------------------------------------------


def test_a_partner_naming_the_mfc_by_its_catalogue_name_shares_it(base: Path) -> None:
    _digital_procedure(base)
    _with_mfc(
        base,
        "partners:\n  - name: ГБУ «МФЦ Энской области»\n    touchpoints: [МФЦ «Мои документы»]\njoint_procedure: digital\n",
    )
    (f,) = only(_lint(base), "TP111")
    assert f["yaml_path"] == "/joint_procedure"


def test_a_copy_titled_for_requests_sent_to_the_unit(base: Path) -> None:
    _units(base)
    _process(base, "appeals", "Рассмотрение обращений граждан")
    _process(
        base,
        "appeals-control",
        "Рассмотрение обращений граждан, направленных в адрес отдела контроля",
        units="control",
        needs="submit, result",
    )
    assert len(only(_lint(base), "TP112")) == 2


def test_methods_said_in_another_requirement_are_methods(base: Path) -> None:
    edit(
        base,
        ALL,
        "    methods: [Метод активного слушания]\n",
        "",
    )
    assert "TP314" in codes(_lint(base))
    edit(
        base,
        ALL,
        "    result_orientation: Сотрудник доводит обращение до результата\n",
        "    result_orientation: Сотрудник доводит обращение до результата, применяя метод активного слушания\n",
    )
    assert "TP314" not in codes(_lint(base))


def test_an_english_need_word_suggests_its_code(base: Path) -> None:
    edit(base, PROC, "    needs: [info, forms]\n", "    needs: [information, forms]\n")
    (f,) = only(lint_json(base), "TP003")
    assert "возможно, «info»" in f["message"]
