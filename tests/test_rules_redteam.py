"""A red-team review of methodology round 3 (issue 25): registers written as an agency's analyst writes them.

Each test is a case found by trying to make a round-3 rule fire on a correct register (a false alarm: it must stay
quiet) or stay quiet on the named mistake in a shape the round's own tests did not cover (a loophole: it must
fire). The catalogue and processes below are the shapes of a real regional register: a unit's phone line reached
through the agency's number with an extension, e-mail addresses written without ``mailto:``, several receptions
in one building, services whose titles share «отдельным категориям граждан».
"""

from __future__ import annotations

from pathlib import Path

from conftest import codes, edit, lint_json, only

PROC = "processes/child-benefit.yaml"
CATALOGUE = "touchpoints.yaml"


def _append(root: Path, rel: str, block: str) -> None:
    path = root / rel
    path.write_text(path.read_text(encoding="utf-8") + block, encoding="utf-8")


def _lint(root: Path) -> dict:
    """The lint report of a registry read whole: a rule's test must not pass on a broken file."""
    report = lint_json(root)
    assert not [c for c in codes(report) if c < "TP009"], codes(report)
    return report


def _entries(root: Path, *ids: str) -> None:
    """List catalogue touchpoints in the process (one entry each)."""
    block = "".join(f"  - touchpoint: {i}\n    needs: [consultation]\n" for i in ids)
    edit(root, PROC, "notifications:\n", block + "notifications:\n")


def _point(ident: str, name: str, channel: str, **fields: str) -> str:
    extra = "".join(f"    {k}: {v}\n" for k, v in fields.items())
    return (
        f"  - id: {ident}\n    name: {name}\n    channel: {channel}\n{extra}"
        "    basis: [ar-benefit]\n    responsible: petrova\n"
    )


# --- sameness: what identifies a touchpoint ------------------------------------------------------------------------


def test_unit_lines_on_one_number_with_different_extensions_are_two_touchpoints(base: Path) -> None:
    _append(
        base,
        CATALOGUE,
        _point("line-care", "Горячая линия отдела опеки", "phone", phone="'+7 (4872) 24-51-00, доб. 1234'")
        + _point("line-control", "Телефон отдела контроля", "phone", phone="8 (4872) 24-51-00 (доб. 2345)"),
    )
    _entries(base, "line-care", "line-control")
    assert not {"TP104", "TP114"} & set(codes(_lint(base)))


def test_places_that_give_one_switchboard_or_hotline_number_are_not_one_touchpoint(base: Path) -> None:
    # the base reception is at г. Энск, ул. Ленина, д. 1; the minister receives citizens there, appointments by the
    # reception's number; two МФЦ offices give the operator's one hotline
    edit(
        base,
        CATALOGUE,
        "    address: г. Энск, ул. Ленина, д. 1\n",
        "    address: г. Энск, ул. Ленина, д. 1\n    phone: 8 (4012) 55-10-00\n",
    )
    _append(
        base,
        CATALOGUE,
        _point("minister", "Личный прием граждан министром", "reception", address="г. Энск, ул. Ленина, 1",
               phone="'+7 (4012) 55-10-00'", accessibility="[Пандус]")
        + _point("mfc-1", "МФЦ «Мои документы» (г. Энск)", "one_stop_center", phone="8-800-100-00-11",
                 operator="ГБУ «МФЦ»", address="г. Энск, ул. Мира, 5", accessibility="[Пандус]")
        + _point("mfc-2", "МФЦ «Мои документы» (г. Заречный)", "one_stop_center", phone="8-800-100-00-11",
                 operator="ГБУ «МФЦ»", accessibility="[Пандус]"),
    )  # fmt: skip
    _entries(base, "minister", "mfc-1", "mfc-2")
    assert not {"TP104", "TP114"} & set(codes(_lint(base)))


def test_one_line_with_its_extension_written_twice_is_one_touchpoint(base: Path) -> None:
    _append(
        base,
        CATALOGUE,
        _point("line-care", "Горячая линия отдела опеки", "phone", phone="'+7 (4872) 24-51-00, доб. 1234'")
        + _point("line-care-2", "Телефон опеки", "phone", phone="8(4872)245100 доб 1234"),
    )
    (f,) = only(_lint(base), "TP114")
    assert "line-care-2" in f["object"]


def test_e_mail_addresses_on_one_domain_are_two_touchpoints(base: Path) -> None:
    _append(
        base,
        CATALOGUE,
        _point("email", "Электронная почта министерства", "email", url="minsoc@tularegion.ru")
        + _point("email-care", "Электронная почта отдела опеки", "email", url="opeka.minsoc@tularegion.ru")
        + _point("email-control", "Электронная почта", "email", url="mailto:control@tularegion.ru")
        + _point("email-appeals", "Электронная почта", "email", url="mailto:obr@tularegion.ru"),
    )
    _entries(base, "email", "email-care", "email-control", "email-appeals")
    assert not {"TP104", "TP114"} & set(codes(_lint(base)))


def test_one_e_mail_address_written_twice_is_one_touchpoint(base: Path) -> None:
    _append(
        base,
        CATALOGUE,
        _point("email", "Электронная почта министерства", "email", url="Minsoc@TulaRegion.ru")
        + _point("email-2", "Почта для обращений", "email", url="mailto:minsoc@tularegion.ru"),
    )
    (f,) = only(_lint(base), "TP114")
    assert "email-2" in f["object"]


#: the personal reception of the minister, in the building of the main reception (no room numbers written)
MINISTER = _point(
    "reception-minister",
    "Личный прием граждан министром",
    "reception",
    address="г. Энск, ул. Ленина, 1",
    accessibility="[Прием на первом этаже]",
)


def test_two_receptions_named_for_two_places_in_one_building_are_two_touchpoints(base: Path) -> None:
    _append(
        base,
        CATALOGUE,
        MINISTER
        + _point(
            "reception-care",
            "Приемная отдела опеки и попечительства",
            "reception",
            address="город Энск, улица Ленина, дом 1",
            accessibility="[Пандус]",
        ),
    )
    _entries(base, "reception-minister", "reception-care")
    assert not {"TP104", "TP114"} & set(codes(_lint(base)))


def test_a_stage_row_at_the_receptions_address_is_still_the_reception(base: Path) -> None:
    _append(
        base,
        CATALOGUE,
        _point("issue", "Выдача результатов", "reception", address="г. Энск, ул. Ленина, д. 1")
        + _point("ministry-result", "Министерство (получение результата)", "reception", address="г Энск ул Ленина 1"),
    )
    found = {f["object"] for f in only(_lint(base), "TP114")}
    assert found == {"touchpoint:issue", "touchpoint:ministry-result"}


def test_an_avenue_written_short_and_in_full_is_one_address(base: Path) -> None:
    edit(base, CATALOGUE, "г. Энск, ул. Ленина, д. 1", "г. Энск, пр-т Ленина, д. 1")
    _append(base, CATALOGUE, _point("issue", "Выдача результатов", "reception", address="г. Энск, проспект Ленина, 1"))
    (f,) = only(_lint(base), "TP114")
    assert "issue" in f["object"]


# --- TP112: copies per unit, by meaning -------------------------------------------------------------------------

SERVICE = """\
id: {id}
title: {title}
direction: {direction}
{scope}units: [{units}]
touchpoints:
  - touchpoint: site
    needs: [info, forms]
  - touchpoint: phone
    needs: [consultation, status]
  - touchpoint: epgu
    needs: [submit, status, result, feedback]
  - touchpoint: reception
    needs: [submit, result]
{extra}"""


def _process(root: Path, ident: str, title: str, *, direction: str = "services", scope: str = "",
             units: str = "benefits", extra: str = "") -> None:  # fmt: skip
    (root / f"processes/{ident}.yaml").write_text(
        SERVICE.format(id=ident, title=title, direction=direction, scope=scope, units=units, extra=extra),
        encoding="utf-8",
    )


def test_services_for_certain_categories_of_citizens_are_not_unit_copies(base: Path) -> None:
    # «отдельным категориям граждан» is not «отдел»: the social ministry's services all start so
    _process(base, "edv", "Предоставление отдельным категориям граждан ежемесячной денежной выплаты")
    _process(
        base,
        "jku",
        "Предоставление отдельным категориям граждан компенсации расходов на оплату жилищно-коммунальных услуг",
    )
    assert "TP112" not in codes(_lint(base))


def test_services_told_apart_in_brackets_are_not_unit_copies(base: Path) -> None:
    _process(base, "care-15", "Назначение ежемесячного пособия по уходу за ребенком (до полутора лет)")
    _process(base, "care-3", "Назначение ежемесячного пособия по уходу за ребенком (от полутора до трех лет)")
    _process(base, "card", "Выдача удостоверения многодетной семьи (дубликата удостоверения)")
    _process(base, "card-new", "Выдача удостоверения многодетной семьи")
    assert "TP112" not in codes(_lint(base))


def test_a_copy_named_for_a_unit_or_a_town_in_brackets_is_still_found(base: Path) -> None:
    _process(base, "s1", "Выдача справки о составе семьи (отдел выплат)")
    _process(base, "s2", "Выдача справки о составе семьи (г. Новомосковск)")
    found = only(_lint(base), "TP112")
    assert sorted(f["path"] for f in found) == ["processes/s1.yaml", "processes/s2.yaml"]


def test_a_units_copy_with_one_touchpoint_fewer_beside_the_direction_process(base: Path) -> None:
    edit(base, "agency.yaml", "officials:\n", "  - id: control\n    name: Отдел контроля\nofficials:\n")
    _process(
        base, "appeals", "Рассмотрение обращений граждан", direction="appeals", scope="scope: direction\n",
        units="benefits, control",
    )  # fmt: skip
    (base / "processes/appeals-control.yaml").write_text(
        (base / "processes/appeals.yaml")
        .read_text(encoding="utf-8")
        .replace("id: appeals", "id: appeals-control")
        .replace("Рассмотрение обращений граждан", "Рассмотрение обращений, поступивших в отдел контроля")
        .replace("scope: direction\n", "")
        .replace("units: [benefits, control]", "units: [control]")
        .replace("  - touchpoint: site\n    needs: [info, forms]\n", ""),
        encoding="utf-8",
    )
    (f,) = only(_lint(base), "TP112")
    assert f["path"] == "processes/appeals-control.yaml" and "«Рассмотрение обращений граждан»" in f["message"]
    assert "Официальный сайт министерства" in f["message"]


# --- TP314: §3 in the words a procedure uses -------------------------------------------------------------------------

ALL = "procedures/all.yaml"
REQUIREMENTS = (
    "    politeness: Сотрудник представляется и обращается к заявителю по имени и отчеству\n"
    "    accessibility: Маломобильным заявителям помогает дежурный сотрудник\n"
    "    result_orientation: Сотрудник доводит обращение до результата\n"
    "    methods: [Метод активного слушания]\n"
    "    notifications: В уведомлении указывается срок следующего этапа\n"
)


def test_the_four_aspects_in_other_items_in_everyday_words_are_accepted(base: Path) -> None:
    # the format's own politeness example, equal access without «доступность», a result without «результат»
    edit(
        base,
        ALL,
        REQUIREMENTS,
        "    other:\n"
        "      - Сотрудник приветствует заявителя, представляется и обращается к нему по имени и отчеству\n"
        "      - Обеспечивается равный доступ к приему для всех категорий граждан\n"
        "      - Сотрудник доводит обращение до решения вопроса заявителя или передает его ответственному\n"
        "      - Применяются техники активного слушания\n",
    )
    assert "TP314" not in codes(_lint(base))


def test_a_notifications_text_is_not_result_orientation(base: Path) -> None:
    edit(
        base,
        ALL,
        REQUIREMENTS,
        "    politeness: Сотрудник представляется и обращается к заявителю по имени и отчеству\n"
        "    accessibility: Маломобильным заявителям помогает дежурный сотрудник\n"
        "    methods: [Метод активного слушания]\n"
        "    notifications: В уведомлении указывается срок следующего этапа и получения результата\n",
    )
    (f,) = only(_lint(base), "TP314")
    assert "нацеленность на результат" in f["message"] and "вежливость" not in f["message"]


def test_the_aspects_in_the_words_of_59_fz_and_service_standards_are_accepted(base: Path) -> None:
    # «лица с ограниченными возможностями здоровья», «ответ по существу», «нормы делового общения», «возражения»
    edit(
        base,
        ALL,
        REQUIREMENTS,
        "    other:\n"
        "      - Сотрудник соблюдает нормы делового общения\n"
        "      - Обеспечивается беспрепятственный доступ лиц с ограниченными возможностями здоровья\n"
        "      - Заявителю дается ответ по существу поставленных вопросов\n"
        "      - Применяются приемы работы с возражениями\n",
    )
    assert "TP314" not in codes(_lint(base))
    edit(base, ALL, "беспрепятственный доступ лиц", "прием лиц")
    edit(base, ALL, "нормы делового общения", "культуру речи")
    assert "TP314" not in codes(_lint(base))


def test_a_dash_or_net_in_a_field_is_not_its_content(base: Path) -> None:
    # a section filled with «—» and «нет» to make the warning go away says nothing
    edit(base, ALL, "    methods: [Метод активного слушания]\n", "    methods: [—]\n")
    edit(
        base,
        ALL,
        "    result_orientation: Сотрудник доводит обращение до результата\n",
        "    result_orientation: нет\n",
    )
    edit(
        base, ALL, "    goals: [Своевременное и вежливое обслуживание заявителей]\n", "    goals: [не предусмотрено]\n"
    )
    edit(base, ALL, "      usage: Талон выдается при входе, вызов — на табло\n", "      usage: '-'\n")
    found = {f["message"] for f in only(_lint(base), "TP314")}
    assert len(found) == 3, found
    assert any("нацеленность на результат" in m and "методики" in m for m in found)
    assert any("цели взаимодействия" in m for m in found) and any("как оно применяется" in m for m in found)


def test_a_dash_or_net_in_the_feedback_and_control_sections_is_not_their_content(base: Path) -> None:
    # §6 and §7 filled the same way: «pretrial_appeal: нет», «tool: —», «corrective_measures: [не предусмотрены]»
    edit(
        base,
        ALL,
        "    pretrial_appeal: Сотрудник разъясняет право на досудебное обжалование\n",
        "    pretrial_appeal: нет\n",
    )
    edit(base, ALL, "      tool: Выгрузка из системы электронной очереди\n", "      tool: —\n")
    edit(base, ALL, "      corrective_measures: [Перераспределение сотрудников в часы пик]\n",
         "      corrective_measures: [не предусмотрены]\n")  # fmt: skip
    report = _lint(base)
    assert "досудебное обжалование" in only(report, "TP303")[0]["message"]
    found = " ".join(f["message"] for f in only(report, "TP302"))
    assert "инструмента" in found and "корректирующих" in found


# --- TP111: the organisation that runs a point -------------------------------------------------------------------


def test_a_reception_whose_operator_is_the_agency_itself_is_not_shared(base: Path) -> None:
    # an Excel register fills «оператор» on every row, the agency's own reception included
    edit(
        base,
        CATALOGUE,
        "    address: г. Энск, ул. Ленина, д. 1\n",
        "    operator: Минсоцзащиты\n    address: г. Энск, ул. Ленина, д. 1\n",
    )
    assert "TP111" not in codes(_lint(base))
    edit(
        base,
        CATALOGUE,
        "    operator: Минсоцзащиты\n",
        "    operator: министерство социальной защиты населения Энской области\n",
    )
    assert "TP111" not in codes(_lint(base))
    # a subordinate institution is another organisation
    edit(
        base,
        CATALOGUE,
        "министерство социальной защиты населения Энской области",
        "ГКУ «Центр социальных выплат Энской области»",
    )
    (f,) = only(_lint(base), "TP111")
    assert "ГКУ «Центр социальных выплат Энской области»" in f["message"]


# --- TP118: what a notification tells of ---------------------------------------------------------------------------

SURVEY = _point("sms", "СМС-опрос удовлетворенности качеством услуг", "other_digital")


def _notify(root: Path, event: str, touchpoint: str) -> None:
    _append(root, PROC, f"  - event: {event}\n    touchpoint: {touchpoint}\n    automatic: true\n"
            "    next_step: Ответ на отзыв направляется в течение 8 рабочих дней\n")  # fmt: skip


def test_an_invitation_to_rate_at_a_touchpoint_taking_feedback_is_not_tp118(base: Path) -> None:
    _append(base, CATALOGUE, SURVEY)
    edit(base, PROC, "notifications:\n", "  - touchpoint: sms\n    needs: [feedback]\nnotifications:\n")
    _notify(base, "Предложение оценить качество предоставления услуги", "sms")
    assert "TP118" not in codes(_lint(base))


def test_an_answer_to_feedback_at_a_touchpoint_that_only_takes_feedback_is_tp118(base: Path) -> None:
    _append(base, CATALOGUE, SURVEY)
    edit(base, PROC, "notifications:\n", "  - touchpoint: sms\n    needs: [feedback]\nnotifications:\n")
    _notify(base, "Направлен ответ на отзыв", "sms")
    (f,) = only(_lint(base), "TP118")
    assert "«Направлен ответ на отзыв»" in f["message"]


def test_a_proactive_notice_at_a_touchpoint_giving_information_is_not_tp118(base: Path) -> None:
    # «проактивное информирование»: the agency tells a family of a benefit it may claim, before any application
    edit(base, PROC, "    needs: [submit, status, result, feedback]\n", "    needs: [info, submit, feedback]\n")
    edit(
        base,
        PROC,
        "  - event: Заявление принято к рассмотрению\n",
        "  - event: Проактивное уведомление о праве на выплату\n",
    )
    assert "TP118" not in codes(_lint(base))
    edit(base, PROC, "    needs: [info, submit, feedback]\n", "    needs: [submit, feedback]\n")
    (f,) = only(_lint(base), "TP118")
    assert "«получение информации»" in f["message"]


def test_informing_by_sms_of_benefits_laws_and_renewals_meets_information(base: Path) -> None:
    # an SMS mailing that gives information (its entry: info) tells of no application: not TP118
    _append(base, CATALOGUE, _point("sms", "SMS-информирование", "other_digital"))
    edit(base, PROC, "notifications:\n", "  - touchpoint: sms\n    needs: [info]\nnotifications:\n")
    for event in (
        "Информирование о положенных мерах социальной поддержки",
        "Рассылка о новых мерах социальной поддержки",
        "Информирование об изменении законодательства",
        "Напоминание о необходимости подать заявление на продление выплаты",
        "Информирование о сроках перерасчета",
    ):
        _notify(base, event, "sms")
    assert "TP118" not in codes(_lint(base))
    # a notice of the course of handling or of a decision at that entry is still TP118
    _notify(base, "Информирование о принятом решении", "sms")
    _notify(base, "Уведомление о продлении срока рассмотрения обращения", "sms")
    assert len(only(_lint(base), "TP118")) == 2


def test_a_withdrawn_application_or_a_revoked_licence_is_not_feedback(base: Path) -> None:
    # «отзыв заявления» is not «отзыв» (a review): a notice of it at an entry that only takes feedback is TP118
    _append(base, CATALOGUE, SURVEY)
    edit(base, PROC, "notifications:\n", "  - touchpoint: sms\n    needs: [feedback]\nnotifications:\n")
    _notify(base, "Уведомление об отзыве заявления", "sms")
    _notify(base, "Уведомление об отзыве лицензии", "sms")
    assert len(only(_lint(base), "TP118")) == 2


# --- TP106/TP201 at the catalogue entry: what the configuration switched off for process files ---------------------


def test_per_file_ignores_of_process_files_still_switch_tp106_off_for_them(base: Path) -> None:
    # the contract's own example: «processes/legacy-*.yaml»: [TP106]; since round 3 TP106 stands in the catalogue
    edit(base, CATALOGUE, "    basis: [cc-statute]\n", "")
    legacy = (base / PROC).read_text(encoding="utf-8").replace("id: child-benefit", "id: legacy-benefit")
    (base / "processes/legacy-benefit.yaml").write_text(legacy.replace("title: Назначение", "title: Старое назначение"))
    edit(
        base,
        PROC,
        "    needs: [consultation, status]\n",
        "    needs: [consultation, status]\n    basis: [cc-statute]\n",
    )
    _append(base, "tpkit.yaml", 'lint:\n  per_file_ignores:\n    "processes/legacy-*.yaml": [TP106]\n')
    assert "TP106" not in codes(_lint(base))
    # a process the configuration does not switch off still makes the finding
    edit(
        base,
        PROC,
        "    needs: [consultation, status]\n    basis: [cc-statute]\n",
        "    needs: [consultation, status]\n",
    )
    (f,) = only(_lint(base), "TP106")
    assert f["path"] == CATALOGUE


# --- TP009 and the approval: a placeholder is not a value ---------------------------------------------------------


def test_an_approval_whose_number_is_still_the_placeholder_is_not_approved(base: Path) -> None:
    from tpkit.registry.placeholders import PLACEHOLDERS

    edit(base, "agency.yaml", "    number: 45-од\n", f"    number: {PLACEHOLDERS['NUMBER']}\n")
    report = lint_json(base)
    assert {"TP009", "TP203"} <= set(codes(report))
    (f,) = only(report, "TP203")
    assert "номера" in f["message"]


# --- TP003: the need written in the methodology's own words -------------------------------------------------------


def test_the_methodologys_words_for_a_result_and_for_information_suggest_their_codes() -> None:
    # «получение результата, ответа, разъяснения»; information is also «сведения»
    from tpkit.registry.synonyms import needs_in

    assert needs_in("ответ на обращение") == ["result"]
    assert needs_in("получение разъяснения") == ["result"]
    assert needs_in("получение сведений о порядке предоставления услуги") == ["info"]
    assert needs_in("ответ на жалобу") == ["feedback_result"]
    assert needs_in("предоставление сведений") == ["submit"]
    assert needs_in("сведения о ходе рассмотрения") == ["status"]
    assert needs_in("разъяснение порядка получения услуги") == ["info"]


def test_the_portal_called_gosuslugi_in_a_stage_row_is_the_epgu(base: Path) -> None:
    # an Excel register: «ЕПГУ» on the submission row, «Госуслуги» on the result row
    _append(base, CATALOGUE, _point("gosuslugi-result", "Госуслуги (получение результата)", "portal"))
    _entries(base, "gosuslugi-result")
    report = _lint(base)
    (f,) = only(report, "TP114")
    assert "gosuslugi-result" in f["object"] and "Единый портал" in f["message"]
    assert len(only(report, "TP104")) == 1


def test_a_stage_row_whose_address_is_written_in_another_order_is_the_reception(base: Path) -> None:
    _append(
        base,
        CATALOGUE,
        _point(
            "reception-result",
            "Приемная министерства (выдача результата)",
            "reception",
            address="ул. Ленина, д. 1, Энская обл., г. Энск",
        ),
    )
    (f,) = only(_lint(base), "TP114")
    assert "reception-result" in f["object"]


# --- TP901: a suppression of a review rule is judged only where that rule runs ------------------------------------


def test_a_suppression_of_tp113_is_not_unused_in_a_lint_without_a_base(base: Path) -> None:
    # TP113 runs in `tpkit lint --since` and `tpkit diff` only: a plain lint cannot tell that the comment is unused,
    # and asking to delete it would make the --since job of the same merge request fail
    edit(base, PROC, "touchpoints:\n", "touchpoints:   # tpkit: ignore[TP113] -- прием прекращен приказом № 12-од\n")
    assert "TP901" not in codes(_lint(base))


def _territorial_unit_beside_the_direction_process(base: Path) -> None:
    """A territorial unit «nmsk» and the appeals direction's process, which covers it."""
    edit(
        base,
        "agency.yaml",
        "officials:\n",
        "  - id: nmsk\n    name: Новомосковский территориальный отдел\nofficials:\n",
    )
    _process(
        base, "appeals", "Рассмотрение обращений граждан", direction="appeals", scope="scope: direction\n",
        units="benefits, nmsk",
    )  # fmt: skip


def test_a_units_copy_titled_as_the_direction_process_with_its_own_touchpoints(base: Path) -> None:
    # a territorial unit's appeals, with its own hotline and reception, beside the direction's process that covers it
    _territorial_unit_beside_the_direction_process(base)
    _append(
        base,
        CATALOGUE,
        _point("hotline-nmsk", "Горячая линия Новомосковского отдела", "phone", phone="8 (48762) 6-15-25")
        + _point(
            "reception-nmsk",
            "Приемная в г. Новомосковске",
            "reception",
            address="г. Новомосковск, ул. Мира, 2",
            accessibility="[Пандус]",
        ),
    )
    (base / "processes/appeals-nmsk.yaml").write_text(
        "id: appeals-nmsk\ntitle: Рассмотрение обращений граждан Новомосковским территориальным отделом\n"
        "direction: appeals\nunits: [nmsk]\ntouchpoints:\n  - touchpoint: site\n    needs: [info]\n"
        "  - touchpoint: hotline-nmsk\n    needs: [consultation, status]\n"
        "  - touchpoint: reception-nmsk\n    needs: [submit, result, feedback]\n",
        encoding="utf-8",
    )
    (f,) = only(_lint(base), "TP112")
    assert f["path"] == "processes/appeals-nmsk.yaml" and "«Рассмотрение обращений граждан»" in f["message"]
    # another process of the direction, titled otherwise, is not a copy
    edit(base, "processes/appeals-nmsk.yaml", "Рассмотрение обращений граждан Новомосковским",
         "Рассмотрение запросов информации о деятельности инспекции Новомосковским")  # fmt: skip
    assert "TP112" not in codes(_lint(base))


def test_a_units_copy_named_by_an_abbreviation_or_a_town_beside_the_direction_process(base: Path) -> None:
    # «Новомосковский ТО» (территориальный отдел) and «в г. Новомосковске» are how registers name a territorial unit
    _territorial_unit_beside_the_direction_process(base)
    _append(base, CATALOGUE, _point("hotline-nmsk", "Горячая линия отдела", "phone", phone="8 (48762) 6-15-25"))
    copy = (
        "id: appeals-nmsk\ntitle: {}\ndirection: appeals\nunits: [nmsk]\ntouchpoints:\n"
        "  - touchpoint: site\n    needs: [info]\n  - touchpoint: hotline-nmsk\n    needs: [consultation, status]\n"
    )
    for title in (
        "Рассмотрение обращений граждан (Новомосковский ТО)",
        "Рассмотрение обращений граждан в Новомосковском ТО",
        "Рассмотрение обращений граждан в г. Новомосковске",
        "Рассмотрение обращений граждан по городу Новомосковску",
    ):
        (base / "processes/appeals-nmsk.yaml").write_text(copy.format(title), encoding="utf-8")
        (f,) = only(_lint(base), "TP112")
        assert f["path"] == "processes/appeals-nmsk.yaml", title
    # another process of the direction, whose title names no unit or town, is not a copy
    (base / "processes/appeals-nmsk.yaml").write_text(
        copy.format("Рассмотрение обращений граждан о работе организаций социального обслуживания"), encoding="utf-8"
    )
    assert "TP112" not in codes(_lint(base))


def test_two_processes_of_the_control_direction_with_one_touchpoint_apart_are_not_a_copy(base: Path) -> None:
    # prevention for the whole direction, and an on-site inspection with the inspected organisation's premises:
    # one touchpoint apart, but two processes of regional control, not a unit's copy
    edit(base, "agency.yaml", "officials:\n", "  - id: control\n    name: Отдел контроля\nofficials:\n")
    _append(base, CATALOGUE, _point("premises", "Помещения проверяемой организации", "other_offline",
                                    accessibility="[Пандус]"))  # fmt: skip
    _process(base, "prevention", "Профилактика нарушений обязательных требований", direction="control",
             scope="scope: direction\n", units="benefits, control")  # fmt: skip
    _process(
        base, "inspection", "Выездная проверка организаций социального обслуживания", direction="control",
        units="control",
        extra="  - touchpoint: premises\n    needs: [inspection]\nfeatures:\n  - id: premises-check\n"
        "    title: Осмотр помещений\n    touchpoints: [premises]\n",
    )  # fmt: skip
    assert "TP112" not in codes(_lint(base))
    # the same with a title that is the direction's process copied for the unit is a copy
    edit(base, "processes/inspection.yaml", "Выездная проверка организаций социального обслуживания",
         "Профилактика нарушений обязательных требований отделом контроля")  # fmt: skip
    assert len(only(_lint(base), "TP112")) == 1


def test_complaints_with_the_touchpoints_of_the_direction_wide_prevention_are_not_a_copy(base: Path) -> None:
    # the same four touchpoints and nearly the same needs, but complaints about the control body's decisions are
    # not prevention copied for a unit
    edit(base, "agency.yaml", "officials:\n", "  - id: control\n    name: Отдел контроля\nofficials:\n")
    _process(base, "prevention", "Профилактика нарушений обязательных требований", direction="control",
             scope="scope: direction\n", units="benefits, control")  # fmt: skip
    _process(base, "complaints", "Рассмотрение жалоб на решения контрольного органа", direction="control",
             units="control")  # fmt: skip
    assert "TP112" not in codes(_lint(base))
    edit(base, "processes/complaints.yaml", "Рассмотрение жалоб на решения контрольного органа",
         "Профилактика нарушений в отделе контроля")  # fmt: skip
    (f,) = only(_lint(base), "TP112")
    assert f["path"] == "processes/complaints.yaml"


def test_services_whose_titles_hold_to_for_maintenance_are_not_unit_copies(base: Path) -> None:
    # «ТО» is also «техническое обслуживание»: two services of a transport ministry are not a unit's copies
    _process(base, "to-cars", "Проведение ТО транспортных средств")
    _process(base, "to-gas", "Проведение ТО газового оборудования")
    assert "TP112" not in codes(_lint(base))


def test_a_file_wide_suppression_in_the_process_still_switches_tp106_off_for_it(base: Path) -> None:
    # «# tpkit: ignore-file[TP106]» in a legacy process: needed, not «unused — delete it»
    edit(base, CATALOGUE, "    basis: [cc-statute]\n", "")
    edit(
        base,
        PROC,
        "id: child-benefit\n",
        "# tpkit: ignore-file[TP106] -- процесс переводится в новый регламент\nid: child-benefit\n",
    )
    assert not {"TP106", "TP901"} & set(codes(_lint(base)))
    # another process without the comment keeps the finding, and the comment is still needed (not TP901)
    legacy = (base / PROC).read_text(encoding="utf-8").replace("id: child-benefit", "id: other-benefit")
    (base / "processes/other-benefit.yaml").write_text(legacy.split("\n", 1)[1], encoding="utf-8")
    report = _lint(base)
    assert len(only(report, "TP106")) == 1 and "TP901" not in codes(report)


def test_tp111_speaks_of_one_partner_in_the_singular_and_of_two_in_the_plural(base: Path) -> None:
    edit(base, PROC, "touchpoints:\n", "partners:\n  - name: ГБУ «МФЦ»\n    touchpoints: [reception]\ntouchpoints:\n")
    (f,) = only(lint_json(base, "--lang", "en"), "TP111")
    assert "the partner «ГБУ «МФЦ»» has adjacent" in f["message"]
    (f,) = only(lint_json(base), "TP111")
    assert "участвует «ГБУ «МФЦ»»" in f["message"]
    edit(base, PROC, "touchpoints:\n", "  - name: ГКУ «ЦСВ»\n    touchpoints: [phone]\ntouchpoints:\n")
    (f,) = only(lint_json(base, "--lang", "en"), "TP111")
    assert "the partners «ГБУ «МФЦ»», «ГКУ «ЦСВ»» have adjacent" in f["message"]
    (f,) = only(lint_json(base), "TP111")
    assert "участвуют «ГБУ «МФЦ»», «ГКУ «ЦСВ»»" in f["message"]


def test_a_code_or_an_id_in_capitals_gets_its_suggestion(base: Path) -> None:
    # a register typed with Caps Lock, or copied from a table heading: «INFO», «EPGU»
    edit(base, PROC, "    needs: [info, forms]\n", "    needs: [INFO, forms]\n")
    edit(base, PROC, "  - touchpoint: epgu\n", "  - touchpoint: EPGU\n")
    messages = [f["message"] for f in only(lint_json(base), "TP003")]
    assert any("«INFO»" in m and "возможно, «info»" in m for m in messages), messages
    assert any("«EPGU»" in m and "возможно, «epgu»" in m for m in messages), messages
