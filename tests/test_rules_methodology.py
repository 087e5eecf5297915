"""The methodology's mistakes as people really make them (issue 13): registers from Excel, many authors, last
year's copies. Each test is one way a real register breaks a sentence of the methodology."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BASE, codes, edit, lint_json, only, write

from tpkit.lint.rule import catalogue
from tpkit.registry.enums import SECTION_KEYS

PROC = "processes/child-benefit.yaml"
CATALOGUE = "touchpoints.yaml"


def _add_touchpoint(root: Path, block: str) -> None:
    edit(root, CATALOGUE, "  - id: phone\n", block + "  - id: phone\n")


def _line(root: Path, rel: str, line: int) -> str:
    return (root / rel).read_text(encoding="utf-8").splitlines()[line - 1]


# --- 1. the same touchpoint under two ids ---------------------------------------------------------------------

EPGU_AGAIN = """\
  - id: epgu2
    name: Единый портал государственных и муниципальных услуг (ЕПГУ)
    channel: portal
    url: https://www.gosuslugi.ru
    basis: [ar-benefit]
    responsible: petrova
"""


def test_same_portal_under_two_ids_is_one_touchpoint_in_the_catalogue_and_in_the_process(base: Path) -> None:
    _add_touchpoint(base, EPGU_AGAIN)
    edit(
        base,
        PROC,
        "    needs: [submit, status, result, feedback]\n",
        "    needs: [submit, status, feedback]\n  - touchpoint: epgu2\n    needs: [result]\n",
    )
    report = lint_json(base)
    (cat,) = only(report, "TP114")
    assert cat["path"] == CATALOGUE and _line(base, CATALOGUE, cat["line"]).strip() == "- id: epgu2"
    assert cat["severity"] == "warning" and "(строка 8)" in cat["message"]
    (dup,) = only(report, "TP104")
    assert dup["path"] == PROC and _line(base, PROC, dup["line"]).strip() == "- touchpoint: epgu2"
    # both lines: this entry's (the finding's own) and the first one's
    assert "(строка 11)" in dup["message"] and "та же точка" in dup["message"]


def test_stage_names_of_one_portal_are_one_touchpoint(base: Path) -> None:
    _add_touchpoint(
        base,
        "  - id: epgu-submit\n    name: ЕПГУ (подача заявления)\n    channel: portal\n"
        "  - id: epgu-result\n    name: ЕПГУ — получение результата\n    channel: portal\n"
        '  - id: epgu-notes\n    name: "«ЕПГУ»: уведомления"\n    channel: portal\n',
    )
    found = only(lint_json(base), "TP114")
    # all three are the portal the catalogue already has as «… (ЕПГУ)»
    assert {_line(base, CATALOGUE, f["line"]).strip() for f in found} == {
        "- id: epgu-submit",
        "- id: epgu-result",
        "- id: epgu-notes",
    }
    assert all("«Единый портал государственных и муниципальных услуг (ЕПГУ)»" in f["message"] for f in found)
    assert all("то же название без указания этапа" in f["message"] for f in found)


def test_same_phone_number_written_two_ways_is_one_touchpoint(base: Path) -> None:
    _add_touchpoint(
        base,
        "  - id: hotline\n    name: Горячая линия 8 (800) 100-20-30\n    channel: call_center\n"
        "  - id: hotline-status\n    name: Справочная о ходе рассмотрения\n    channel: call_center\n"
        "    url: tel:+78001002030\n",
    )
    (f,) = only(lint_json(base), "TP114")
    assert "тот же номер телефона" in f["message"]


def test_same_street_address_is_one_reception_but_not_the_post(base: Path) -> None:
    _add_touchpoint(
        base,
        "  - id: reception-2\n    name: Кабинет приема документов\n    channel: reception\n"
        "    address: 300000, г Энск, улица Ленина, дом 1\n    accessibility: [Пандус]\n"
        "  - id: post\n    name: Почтовый адрес министерства\n    channel: mail\n    address: г. Энск, ул. Ленина, д. 1\n",
    )
    (f,) = only(lint_json(base), "TP114")
    # the new office stands above the reception in the catalogue: the reception is the repeat
    assert _line(base, CATALOGUE, f["line"]).strip() == "- id: reception" and "тот же адрес" in f["message"]
    assert "«Кабинет приема документов»" in f["message"]


def test_different_hosts_and_paths_are_different_touchpoints(base: Path) -> None:
    _add_touchpoint(
        base,
        "  - id: pos\n    name: Платформа обратной связи ЕПГУ (ПОС)\n    channel: portal\n"
        "    url: https://pos.gosuslugi.ru\n"
        "  - id: help\n    name: Помощник на сайте министерства\n    channel: chatbot\n"
        "    url: https://minsoc.example.ru/help\n",
    )
    assert "TP114" not in codes(lint_json(base))


def test_keys_ignore_scheme_www_slash_query_and_stage_words() -> None:
    from tpkit.registry.sameness import name_key, name_keys, norm_address, norm_url, phone_numbers, strip_stage_words

    assert norm_url("https://www.gosuslugi.ru/") == norm_url("http://gosuslugi.ru?utm=x") == "gosuslugi.ru"
    assert norm_url("https://gosuslugi.ru/600") != norm_url("https://gosuslugi.ru")
    assert phone_numbers("8-800-000-00-00") == phone_numbers("+7 (800) 000 00 00") == ["78000000000"]
    assert norm_address("150000, г. Ярославль, ул. Свободы, д. 62") == norm_address("г Ярославль улица Свободы дом 62")
    assert name_key("ЕПГУ (подача заявления)") == name_key("ЕПГУ (получение результата)") == "епгу"
    assert name_key("Контактный центр, консультации") == name_key("Контактный центр") == "контактный центр"
    assert name_key("Единый портал государственных и муниципальных услуг (ЕПГУ)") != "епгу"
    # …but the abbreviation it gives in parentheses names the same channel; a place in parentheses does not
    assert "епгу" in name_keys("Единый портал государственных и муниципальных услуг (ЕПГУ)")
    assert name_keys("Приемная (г. Тула)") == ["приемная г тула"]
    assert strip_stage_words("ЕПГУ (подача заявления)") == "ЕПГУ"


def test_a_stage_row_of_the_portal_without_url_is_the_catalogue_portal(base: Path) -> None:
    edit(
        base,
        CATALOGUE,
        "  - id: phone\n",
        "  - id: epgu-status\n    name: ЕПГУ (статус заявления)\n    channel: portal\n  - id: phone\n",
    )
    (f,) = only(lint_json(base), "TP114")
    assert "«Единый портал государственных и муниципальных услуг (ЕПГУ)»" in f["message"]


# --- 2. the formal pair, however padded -------------------------------------------------------------------------

PADDED = """\
id: child-benefit
title: Назначение ежемесячной выплаты на ребенка
direction: services
basis: [ar-benefit]
touchpoints:
  - touchpoint: epgu
    needs: [info, consultation, forms, submit, status, result, feedback]
  - touchpoint: reception
    needs: [info, consultation, submit, result, feedback_result]
"""


def test_padded_formal_pair_is_flagged_naming_what_is_missing(base: Path) -> None:
    write(base, PROC, PADDED)
    report = lint_json(base)
    assert "TP101" not in codes(report)
    (f,) = only(report, "TP115")
    assert f["severity"] == "warning" and f["yaml_path"] == "/touchpoints"
    assert "официальный сайт" in f["message"] and "контактный центр" in f["message"] and "чат-бот" in f["message"]
    (en,) = only(lint_json(base, "--lang", "en"), "TP115")
    assert "information channel" in en["message"] and "help channel" in en["message"]


def test_formal_pair_unpadded_is_tp101_only(base: Path) -> None:
    write(base, PROC, PADDED.replace("info, consultation, forms, ", "").replace("info, consultation, ", ""))
    report = lint_json(base)
    assert "TP101" in codes(report) and "TP115" not in codes(report)


def test_one_stop_centre_and_portal_with_a_site_is_not_formal(base: Path) -> None:
    write(base, PROC, PADDED + "  - touchpoint: site\n    needs: [info]\n")
    assert "TP115" not in codes(lint_json(base))


def test_appeals_at_portal_and_reception_is_not_tp115(base: Path) -> None:
    write(base, PROC, PADDED.replace("direction: services", "direction: appeals"))
    assert "TP115" not in codes(lint_json(base))


def test_tp101_on_the_methodology_example_does_not_call_status_a_final_goal(base: Path) -> None:
    _add_touchpoint(
        base,
        "  - id: mfc\n    name: МФЦ\n    channel: one_stop_center\n    address: г. Энск\n"
        "    accessibility: [Пандус]\n    basis: [ar-benefit]\n    responsible: petrova\n",
    )
    write(
        base,
        PROC,
        "id: child-benefit\ntitle: Назначение выплаты\ndirection: services\nbasis: [ar-benefit]\ntouchpoints:\n"
        "  - touchpoint: epgu\n    needs: [submit, status]\n  - touchpoint: mfc\n    needs: [submit]\n"
        "  - touchpoint: phone\n    needs: [status]\n",
    )
    for lang, banned in (("ru", "итоговую цель"), ("en", "final goal")):
        (f,) = only(lint_json(base, "--lang", lang), "TP101")
        assert banned not in f["message"]
    (f,) = only(lint_json(base), "TP101")
    assert "не дает ни информации, ни консультации" in f["message"]


# --- 3. features, notifications and their touchpoints --------------------------------------------------------


def test_whole_process_feature_needs_an_instruction(base: Path) -> None:
    edit(
        base,
        PROC,
        "notifications:\n",
        "features:\n  - id: biometrics\n    title: Сбор биометрических данных\nnotifications:\n",
    )
    (f,) = only(lint_json(base), "TP304")
    assert "«Сбор биометрических данных»" in f["message"]


TERMS = [
    "Решение принимается в течение 10 рабочих дней",
    "Первая выплата поступает на счет до 25 числа следующего месяца",
    "Ответ направляется не позднее 30 календарных дней со дня регистрации",
    "Результат можно получить с 15.03.2026",
    "Срок рассмотрения — 30 дней",
    "Выплата перечисляется через пять рабочих дней",
    "Решение будет принято до 1 марта",
    "Ответ направляется в течение трех рабочих дней",
    "Документы передаются в МФЦ на следующий рабочий день",
    "Удостоверение выдается в день обращения",
    "Специалист свяжется с вами в течение 2 часов",
]
NO_TERMS = [
    "Заявление будет рассмотрено",
    "Ожидайте решения",
    "О результате сообщат дополнительно",
    "Результат направляется в личный кабинет",
    "Сотрудник свяжется с вами",
    "Заявление передано в отдел назначения выплат",
    "Результат можно получить в личном кабинете или в МФЦ по месту подачи",
    "После проверки документов будет принято решение",
]


@pytest.mark.parametrize("text", TERMS)
def test_next_step_with_a_term_is_accepted(base: Path, text: str) -> None:
    edit(base, PROC, "next_step: Решение принимается в течение 10 рабочих дней", f"next_step: {text}")
    assert "TP307" not in codes(lint_json(base))


@pytest.mark.parametrize("text", NO_TERMS)
def test_next_step_without_a_term_is_flagged_at_the_next_step(base: Path, text: str) -> None:
    edit(base, PROC, "next_step: Решение принимается в течение 10 рабочих дней", f"next_step: {text}")
    (f,) = only(lint_json(base), "TP307")
    assert f["yaml_path"] == "/notifications/0/next_step" and "не срок" in f["message"]


def test_notification_and_feature_at_an_unlisted_touchpoint(base: Path) -> None:
    edit(
        base,
        PROC,
        "    touchpoint: epgu\n    automatic: true\n",
        "    touchpoint: reception\n    automatic: true\n",
    )
    edit(base, PROC, "  - touchpoint: reception\n    needs: [submit, result, feedback_result]\n", "")
    edit(
        base,
        PROC,
        "notifications:\n",
        "features:\n  - id: photo\n    title: Фотографирование\n    touchpoints: [epgu, reception]\nnotifications:\n",
    )
    found = only(lint_json(base), "TP116")
    assert sorted(f["yaml_path"] for f in found) == ["/features/0/touchpoints/1", "/notifications/0/touchpoint"]
    assert all(f["severity"] == "error" and "«Приемная министерства»" in f["message"] for f in found)
    assert all(
        _line(base, PROC, f["line"]).strip().endswith("reception") or "reception]" in _line(base, PROC, f["line"])
        for f in found
    )


# --- 4. approval and embedding ----------------------------------------------------------------------------------


def test_register_approved_by_resolution_needs_no_number(base: Path) -> None:
    edit(base, "agency.yaml", "    kind: order\n", "    kind: resolution\n")
    edit(base, "agency.yaml", "    number: 45-од\n", "")
    assert "TP203" not in codes(lint_json(base))
    edit(base, "agency.yaml", "    date: 2026-02-10\n", "")
    (f,) = only(lint_json(base), "TP203")
    assert "нет даты" in f["message"] and "номера" not in f["message"].split("—")[0]


def test_register_approved_by_order_needs_its_number(base: Path) -> None:
    edit(base, "agency.yaml", "    number: 45-од\n", "")
    (f,) = only(lint_json(base), "TP203")
    assert "нет номера" in f["message"]


def test_procedure_without_approval_or_embedding(base: Path) -> None:
    edit(base, "procedures/all.yaml", "approval:\n  kind: order\n  number: 46-од\n  date: 2026-02-10\n", "")
    (f,) = only(lint_json(base), "TP311")
    assert f["path"] == "procedures/all.yaml" and "embedded_in" in f["message"]


def test_procedure_embedded_in_an_internal_act_needs_no_approval(base: Path) -> None:
    edit(base, "procedures/all.yaml", "approval:\n  kind: order\n  number: 46-од\n  date: 2026-02-10\n", "")
    edit(base, "procedures/all.yaml", "responsible: petrova\n", "responsible: petrova\nembedded_in: cc-statute\n")
    report = lint_json(base)
    assert not {"TP311", "TP312"} & set(codes(report))


def test_procedure_embedded_in_a_federal_law(base: Path) -> None:
    edit(base, "procedures/all.yaml", "approval:\n  kind: order\n  number: 46-од\n  date: 2026-02-10\n", "")
    edit(base, "procedures/all.yaml", "responsible: petrova\n", "responsible: petrova\nembedded_in: ar-benefit\n")
    report = lint_json(base)
    (wrong,) = only(report, "TP312")
    assert wrong["severity"] == "error" and wrong["yaml_path"] == "/embedded_in"
    assert "нормативный правовой акт" in wrong["message"]
    assert only(report, "TP311")  # and it is still not approved


# --- 5. partners ----------------------------------------------------------------------------------------------

MFC = (
    "  - id: mfc\n    name: МФЦ «Мои документы»\n    channel: one_stop_center\n"
    "    operator: ГБУ «МФЦ Энской области»\n    address: г. Энск, ул. Советская, д. 5\n"
    "    accessibility: [Пандус]\n    basis: [ar-benefit]\n    responsible: petrova\n"
)


def test_mfc_run_by_another_organisation_without_partner_or_joint_procedure(base: Path) -> None:
    _add_touchpoint(base, MFC)
    edit(base, PROC, "notifications:\n", "  - touchpoint: mfc\n    needs: [submit, result]\nnotifications:\n")
    (f,) = only(lint_json(base), "TP111")
    assert f["yaml_path"] == "/touchpoints/4" and "ГБУ «МФЦ Энской области»" in f["message"]
    edit(base, PROC, "touchpoints:\n", "joint_procedure: all\ntouchpoints:\n")
    assert "TP111" not in codes(lint_json(base))


def test_a_portal_run_by_another_body_is_not_a_partner(base: Path) -> None:
    # the base's ЕПГУ has operator: Минцифры России and the process has no partners
    assert "TP111" not in codes(lint_json(base))


# --- 6. per-unit copies, equal access -------------------------------------------------------------------------

APPEALS = """\
id: {id}
title: {title}
direction: appeals
{scope}touchpoints:
  - touchpoint: site
    needs: [info, submit]
  - touchpoint: phone
    needs: [consultation, status]
  - touchpoint: reception
    needs: [{needs}]
"""


def test_unit_copy_beside_the_direction_process_is_flagged(base: Path) -> None:
    write(
        base,
        "processes/appeals.yaml",
        APPEALS.format(
            id="appeals", title="Рассмотрение обращений", scope="scope: direction\n", needs="submit, result"
        ),
    )
    write(
        base,
        "processes/appeals-family.yaml",
        APPEALS.format(id="appeals-family", title="Обращения по делам семьи", scope="", needs="submit, feedback"),
    )
    (f,) = only(lint_json(base), "TP112")
    assert f["path"] == "processes/appeals-family.yaml" and "«Рассмотрение обращений»" in f["message"]
    assert "scope: direction" in f["message"]


def test_near_copies_named_by_unit_are_flagged(base: Path) -> None:
    for ident, title, needs in (
        ("s1", "Выдача справки о составе семьи (отдел выплат)", "submit, result"),
        ("s2", "Выдача справки о составе семьи в отделе опеки", "submit, result, feedback"),
    ):
        write(base, f"processes/{ident}.yaml", APPEALS.format(id=ident, title=title, scope="", needs=needs))
        edit(base, f"processes/{ident}.yaml", "direction: appeals", "direction: services")
    found = only(lint_json(base), "TP112")
    assert sorted(f["path"] for f in found) == ["processes/s1.yaml", "processes/s2.yaml"]


def test_different_services_with_the_same_touchpoints_are_not_copies(base: Path) -> None:
    for ident, title in (("s1", "Выдача справки о составе семьи"), ("s2", "Назначение пособия на погребение")):
        write(base, f"processes/{ident}.yaml", APPEALS.format(id=ident, title=title, scope="", needs="submit"))
        edit(base, f"processes/{ident}.yaml", "direction: appeals", "direction: services")
    assert "TP112" not in codes(lint_json(base))


def test_post_needs_no_ramp(base: Path) -> None:
    _add_touchpoint(base, "  - id: post\n    name: Почтовый адрес\n    channel: mail\n    address: г. Энск\n")
    assert "TP305" not in codes(lint_json(base))
    _add_touchpoint(base, "  - id: office\n    name: Кабинет приема\n    channel: other_offline\n")
    (f,) = only(lint_json(base), "TP305")
    assert "«Кабинет приема»" in f["message"]


# --- 7. the procedure and the register agree -----------------------------------------------------------------


def test_feedback_channel_no_process_marks(base: Path) -> None:
    edit(base, "procedures/all.yaml", "channels: [epgu]", "channels: [epgu, reception]")
    (f,) = only(lint_json(base), "TP313")
    assert f["yaml_path"] == "/sections/feedback/channels/1" and "«Приемная министерства»" in f["message"]
    edit(base, PROC, "needs: [submit, result, feedback_result]", "needs: [submit, result, feedback, feedback_result]")
    assert "TP313" not in codes(lint_json(base))


# --- 9. wording ------------------------------------------------------------------------------------------------

#: key words of every rule's message, in Russian and English, on its own anti-pattern
KEY_WORDS: dict[str, tuple[list[str], list[str]]] = {
    "TP101": (["формальный подход", "информации", "консультации"], ["formal approach", "information", "consultation"]),
    "TP102": (["информацию", "«получение информации»"], ["information", "'getting information'"]),
    "TP103": (["помогают", "«получение консультации»"], ["helps", "'getting a consultation'"]),
    "TP104": (["уже указана", "строка"], ["already listed", "line"]),
    "TP105": (["потребности"], ["needs"]),
    "TP106": (["основания", "touchpoints[].basis", "touchpoints.yaml"], ["basis", "touchpoints[].basis", "catalogue"]),
    "TP107": (["ни одной точки"], ["no touchpoints"]),
    "TP108": (["не указана ни в одном процессе"], ["listed by no process"]),
    "TP109": (["подает документы", "ходе рассмотрения"], ["submits", "status"]),
    "TP110": (["обратную связь"], ["feedback"]),
    "TP111": (["совместный порядок", "joint_procedure"], ["joint procedure", "joint_procedure"]),
    "TP112": (["scope: direction"], ["scope: direction"]),
    "TP114": (["та же точка", "строка", "адрес"], ["same touchpoint", "line", "address"]),
    "TP115": (["формальный подход", "сайт", "контактный центр"], ["formal approach", "website", "contact centre"]),
    "TP116": (["нет среди точек процесса"], ["does not list"]),
    "TP201": (["ответственного"], ["responsible"]),
    "TP202": (["не отмечен как линейный руководитель", "line_manager: true"], ["not marked", "line_manager: true"]),
    "TP203": (["не утвержден", "нет номера и даты"], ["not approved", "no number and date"]),
    "TP204": (["ответственный за формирование перечня"], ["responsible for forming the register"]),
    "TP301": (["нет раздела «7."], ["is missing"]),
    "TP302": (["корректи"], ["corrective"]),
    "TP303": (["оценка на каждом этапе"], ["rating"]),
    "TP304": (["нет инструкции"], ["no instruction"]),
    "TP305": (["равного доступа", "очного приема"], ["accessibility", "in-person"]),
    "TP306": (["mitigation"], ["mitigation"]),
    "TP307": (["не срок", "next_step"], ["not when", "next_step"]),
    "TP308": (["нет порядка"], ["no interaction procedure"]),
    "TP309": (["нет ответственного"], ["no responsible"]),
    "TP310": (["нет оценки"], ["no assessment"]),
    "TP311": (["не утвержден", "embedded_in"], ["not approved", "embedded_in"]),
    "TP312": (["embedded_in", "внутренний"], ["embedded_in", "internal"]),
    "TP117": (["по каждой услуге", "uniform: true"], ["each service", "uniform: true"]),
    "TP118": (["уведомление", "ходе рассмотрения", "status"], ["notification", "course of handling", "status"]),
    "TP119": (["осмотра", "features"], ["inspection", "features"]),
    "TP314": (["неполон", "не указаны цели", "принципы"], ["incomplete", "goals", "principles"]),
    "TP313": (["обратной связи", "channels"], ["feedback channel", "channels"]),
    "TP901": (["ничего не подавило"], ["suppressed nothing"]),
}


def test_every_methodology_rule_has_its_key_words() -> None:
    wanted = {c for c, r in catalogue().items() if not r.review_only and c[:3] in ("TP1", "TP2", "TP3", "TP9")}
    assert wanted == set(KEY_WORDS)


@pytest.mark.parametrize("code", sorted(KEY_WORDS))
def test_message_key_words_in_both_languages(code: str, base: Path) -> None:
    rule = catalogue()[code]
    for rel, text in rule.anti_pattern.items():
        write(base, rel, text)
    for lang, words in zip(("ru", "en"), KEY_WORDS[code], strict=True):
        found = only(lint_json(base, "--lang", lang), code)
        assert found, (code, lang)
        for word in words:
            assert word in found[0]["message"], (code, lang, word, found[0]["message"])


def test_tp202_says_line_manager_false_when_it_is_written(base: Path) -> None:
    edit(base, "agency.yaml", "    line_manager: true\n", "    line_manager: false\n")
    found = only(lint_json(base), "TP202")
    assert len(found) == 4  # petrova is responsible for the four catalogue touchpoints
    assert all("не линейный руководитель (line_manager: false)" in f["message"] for f in found)
    assert not any("line_manager: true" in f["message"] for f in found)


def test_tp109_rationale_does_not_claim_a_touchpoint_per_stage() -> None:
    rationale = catalogue()["TP109"].rationale["ru"]
    assert "у каждого этапа есть точка" not in rationale and "не требует" in rationale


def test_information_only_process_at_the_site_needs_no_feedback(base: Path) -> None:
    write(
        base,
        "processes/info.yaml",
        "id: info\ntitle: Информирование о мерах поддержки\ndirection: support\ntouchpoints:\n"
        "  - touchpoint: site\n    needs: [info]\n",
    )
    assert "TP110" not in codes(lint_json(base))


SECTION_EMPTY = {
    "general": "{}",
    "infrastructure": "[]",
    "requirements": "{}",
    "tools": "[]",
    "specifics": "[]",
    "feedback": "{rating_each_stage: false}",
    "control": "[]",
}


def _procedure_without(key: str, empty: bool) -> str:
    """The base's procedure with section ``key`` removed or emptied."""
    lines = (BASE / "procedures/all.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    out: list[str] = []
    skipping = False
    for line in lines:
        if line.startswith(f"  {key}:"):
            skipping = True
            if empty:
                out.append(f"  {key}: {SECTION_EMPTY[key]}\n")
            continue
        if skipping and (line.startswith("    ") or not line.startswith("  ")) and not line.startswith("assessment"):
            if line.startswith("    "):
                continue
        skipping = False
        out.append(line)
    return "".join(out)


@pytest.mark.parametrize("key", SECTION_KEYS)
@pytest.mark.parametrize("empty", [False, True], ids=["missing", "empty"])
def test_each_section_missing_or_empty_is_tp301(base: Path, key: str, empty: bool) -> None:
    write(base, "procedures/all.yaml", _procedure_without(key, empty))
    found = only(lint_json(base), "TP301")
    assert [f["yaml_path"] for f in found] == [f"/sections/{key}"], found
    n = SECTION_KEYS.index(key) + 1
    word = "пуст раздел" if empty else "нет раздела"
    assert f"{word} «{n}." in found[0]["message"], found[0]["message"]
    (en,) = only(lint_json(base, "--lang", "en"), "TP301")
    assert en["message"].endswith("is empty") if empty else en["message"].endswith("is missing")


#: every rule a comment can switch off, whose anti-pattern fires outside review (TP113 fires in review only); TP901
#: is about the comments themselves (tests/test_config.py)
IGNORABLE = [
    c for c, r in catalogue().items() if not r.always_on and not r.review_only and r.anti_pattern and c != "TP901"
]


@pytest.mark.parametrize("code", IGNORABLE)
def test_every_ignorable_rule_can_be_suppressed_inline(code: str, base: Path) -> None:
    for rel, text in catalogue()[code].anti_pattern.items():
        write(base, rel, text)
    found = only(lint_json(base), code)
    assert found
    for f in found:
        p = base / f["path"]
        lines = p.read_text(encoding="utf-8").splitlines()
        line = lines[f["line"] - 1]
        if "# tpkit: ignore" not in line:
            line = line.split("  #")[0] if "  #" in line else line
            lines[f["line"] - 1] = f"{line}  # tpkit: ignore[{code}] -- известно, исправляется"
        p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = lint_json(base)
    assert code not in codes(report) and "TP901" not in codes(report)
