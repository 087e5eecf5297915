"""registry.sameness: when two touchpoints are one channel (the importer and TP114 share it)."""

from __future__ import annotations

import unicodedata

from tpkit.registry.sameness import (
    SamenessIndex,
    norm_url,
    phone_digits,
    same_touchpoint,
    strip_stage_words,
    touchpoint_key,
    touchpoint_keys,
)


def test_stage_words_are_stripped_from_a_bracketed_or_dashed_tail() -> None:
    assert strip_stage_words("ЕПГУ (подача заявления)") == "ЕПГУ"
    assert strip_stage_words("ЕПГУ — получение результата") == "ЕПГУ"
    assert strip_stage_words("МФЦ (прием документов и выдача результата)") == "МФЦ"
    assert strip_stage_words("ЕПГУ (подача заявления о назначении выплаты)") == "ЕПГУ"


def test_names_that_only_look_like_stages_are_kept() -> None:
    assert strip_stage_words("Чат-бот") == "Чат-бот"
    assert strip_stage_words("МФЦ (г. Тула)") == "МФЦ (г. Тула)"
    assert strip_stage_words("Прием заявлений") == "Прием заявлений"
    assert strip_stage_words("Телефон: 8 (4872) 12-34-56") == "Телефон: 8 (4872) 12-34-56"


def test_url_ignores_scheme_www_query_and_trailing_slash() -> None:
    assert norm_url("https://www.Gosuslugi.ru/600/?a=1#x") == norm_url("http://gosuslugi.ru/600") == "gosuslugi.ru/600"


def test_phone_digits_read_8_as_7() -> None:
    assert phone_digits("8 (4872) 12-34-56") == phone_digits("+7 4872 123456") == "74872123456"
    assert phone_digits("Приемная, каб. 12") == ""


def test_one_channel_reached_the_same_way_is_one_touchpoint() -> None:
    a = touchpoint_keys("ЕПГУ (подача заявления)", "portal")
    b = touchpoint_keys("ЕПГУ — получение результата", "portal")
    assert same_touchpoint(a, b)
    site1 = touchpoint_keys("Сайт министерства", "website", url="https://www.minsoc.ru/")
    site2 = touchpoint_keys("Официальный сайт", "website", url="http://minsoc.ru")
    assert same_touchpoint(site1, site2)
    assert touchpoint_key("Сайт министерства", "website", url="https://www.minsoc.ru/") == (
        "website",
        "url",
        "minsoc.ru",
    )
    tel1 = touchpoint_keys("Горячая линия", "phone", phone="8 800 100-70-10")
    tel2 = touchpoint_keys("Телефон отдела", "phone", phone="+7 (800) 1007010")
    assert same_touchpoint(tel1, tel2)
    office1 = touchpoint_keys("Приемная", "reception", address="г. Тула, пр. Ленина, д. 2")
    office2 = touchpoint_keys("Прием граждан", "reception", address="г Тула пр Ленина д 2")
    assert same_touchpoint(office1, office2)


def test_another_channel_is_another_touchpoint() -> None:
    assert not same_touchpoint(touchpoint_keys("ЕПГУ", "portal"), touchpoint_keys("ЕПГУ", "chatbot"))
    assert not same_touchpoint(touchpoint_keys("Сайт", "website"), touchpoint_keys("Портал", "website"))


def test_names_compare_in_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Приёмная министерства")
    assert same_touchpoint(touchpoint_keys(nfd, "reception"), touchpoint_keys("Приемная министерства", "reception"))


def test_index_finds_the_first_touchpoint_with_a_shared_key() -> None:
    idx = SamenessIndex()
    idx.add("epgu", touchpoint_keys("ЕПГУ", "portal", url="https://www.gosuslugi.ru"))
    assert idx.find(touchpoint_keys("ЕПГУ (подача заявления)", "portal")) == "epgu"
    assert idx.find(touchpoint_keys("Госуслуги", "portal", url="gosuslugi.ru/")) == "epgu"
    assert idx.find(touchpoint_keys("Сайт", "website")) is None


def test_a_name_is_also_its_abbreviation_in_brackets() -> None:
    full = touchpoint_keys("Единый портал государственных и муниципальных услуг (ЕПГУ)", "portal")
    assert same_touchpoint(full, touchpoint_keys("ЕПГУ (подача заявления)", "portal"))
    assert same_touchpoint(full, touchpoint_keys("Единый портал государственных и муниципальных услуг", "portal"))
    assert not same_touchpoint(
        touchpoint_keys("МФЦ (г. Тула)", "one_stop_center"), touchpoint_keys("г Тула", "one_stop_center")
    )


def test_stage_stems_catch_more_wordings_and_keep_what_is_not_a_stage() -> None:
    assert strip_stage_words("ЕПГУ (статус заявления)") == "ЕПГУ"
    assert strip_stage_words("«ЕПГУ»: уведомления") == "ЕПГУ"
    assert strip_stage_words("Контактный центр, консультации") == "Контактный центр"
    assert strip_stage_words("ЕПГУ — приёма документов") == "ЕПГУ"
    assert strip_stage_words("Министерство — приемная") == "Министерство — приемная"  # a channel, not a stage


def test_phone_numbers_everywhere_but_not_postcodes_or_counts() -> None:
    from tpkit.registry.sameness import phone_numbers

    assert phone_numbers("Горячая линия 8 (800) 100-20-30", "tel:+78001002030") == ["78001002030"]
    assert phone_numbers("150000, г. Ярославль", "более 1 000 000 обращений") == []
    assert phone_numbers("Приемная: 12-34-56") == ["123456"]


def test_address_identifies_in_person_points_only() -> None:
    a = touchpoint_keys("Сайт министерства", "website", address="г. Тула, ул. Ленина, д. 2")
    b = touchpoint_keys("Портал министерства", "website", address="г Тула ул Ленина д 2")
    assert not same_touchpoint(a, b)


# --- issue 25: identifiers that differ make two touchpoints; free text is not an identifier ---------------------


def test_a_number_in_the_description_is_not_an_identity() -> None:
    from tpkit.registry.models import Touchpoint
    from tpkit.registry.sameness import touchpoint_keys_of

    hotline = Touchpoint(
        id="hotline",
        name="Горячая линия отдела опеки",
        channel="call_center",
        description="В нерабочее время звонки переводятся на 8-800-100-20-30",
    )
    assert [k for k in touchpoint_keys_of(hotline) if k[1] == "phone"] == []
    own = Touchpoint(id="cc", name="Контактный центр", channel="call_center", phone="8 (800) 100-20-30")
    assert ("call_center", "phone", "78001002030") in touchpoint_keys_of(own)


def test_a_number_in_the_name_is_the_touchpoints_own_unless_it_has_a_phone() -> None:
    named = touchpoint_keys("Телефон горячей линии 8 (4872) 12-34-56", "phone")
    assert ("phone", "phone", "74872123456") in named
    given = touchpoint_keys("Телефон горячей линии 8 (4872) 12-34-56", "phone", phone="8 (4872) 70-00-00")
    assert [k[2] for k in given if k[1] == "phone"] == ["74872700000"]


def test_a_differing_identifier_wins_over_a_shared_name() -> None:
    from tpkit.registry.sameness import conflicting

    main = touchpoint_keys("Приемная министерства", "reception", address="г. Тула, пр. Ленина, д. 2")
    second = touchpoint_keys(
        "Приемная министерства (прием по вопросам контроля)", "reception", address="г. Тула, ул. Мира, д. 7"
    )
    row = touchpoint_keys("Приемная министерства (выдача результата)", "reception")
    assert conflicting(main, second) and not same_touchpoint(main, second)
    assert same_touchpoint(main, row)  # only one of them has an address: it says nothing
    a = touchpoint_keys("Горячая линия", "phone", phone="8 800 100-70-10")
    b = touchpoint_keys("Горячая линия", "phone", phone="8 800 100-70-11")
    assert not same_touchpoint(a, b)
    site = touchpoint_keys("Сайт министерства", "website", url="https://minsoc.ru")
    part = touchpoint_keys("Сайт министерства", "website", url="https://minsoc.ru/uslugi")
    assert not same_touchpoint(site, part)


def test_a_group_keeps_the_identifiers_of_its_members() -> None:
    idx = SamenessIndex()
    assert idx.add("cc", touchpoint_keys("Контактный центр", "call_center")) == "cc"
    assert idx.add("cc-phone", touchpoint_keys("Контактный центр", "call_center", phone="8 800 100-70-10")) == "cc"
    # the same name, another own number: not that contact centre (which is 8 800 100-70-10)
    other = touchpoint_keys("Контактный центр", "call_center", phone="8 800 200-00-00")
    assert idx.find(other) is None


def test_a_stage_named_entry_is_the_one_office_of_its_operator() -> None:
    from tpkit.registry.models import Touchpoint
    from tpkit.registry.sameness import same_in_catalogue, stage_named

    def mfc(ident: str, name: str, address: str | None = None) -> Touchpoint:
        return Touchpoint(id=ident, name=name, channel="one_stop_center", operator="ГБУ «МФЦ»", address=address)

    assert stage_named("МФЦ (выдача результата)") and not stage_named("МФЦ (г. Тула)")
    full = mfc("mfc", "Многофункциональный центр «Мои документы»")
    stage = mfc("mfc-result", "МФЦ (выдача результата)")
    assert same_in_catalogue({"mfc": full, "mfc-result": stage}) == {"mfc-result": ("mfc", "operator")}
    assert same_in_catalogue({"mfc-result": stage, "mfc": full}) == {"mfc": ("mfc-result", "operator")}
    branch = mfc("mfc-2", "Многофункциональный центр «Мои документы», отделение № 2")
    assert same_in_catalogue({"mfc": full, "mfc-2": branch, "mfc-result": stage}) == {}
    # a plain second office of the operator is not a stage copy
    assert same_in_catalogue({"mfc": full, "mfc-2": branch}) == {}


def test_a_placeholder_identifies_nothing() -> None:
    from tpkit.registry.placeholders import PLACEHOLDERS

    a = touchpoint_keys("Приемная отдела опеки", "reception", address=PLACEHOLDERS["ADDRESS"])
    b = touchpoint_keys("Приемная отдела контроля", "reception", address=PLACEHOLDERS["ADDRESS"])
    assert not same_touchpoint(a, b) and not [k for k in a if k[1] == "address"]


# --- the red-team review of round 3 -----------------------------------------------------------------------------


def test_an_extension_is_part_of_the_number() -> None:
    from tpkit.registry.sameness import phone_numbers

    assert phone_numbers("+7 (4872) 24-51-00, доб. 1234") == phone_numbers("8(4872)245100 доб 1234")
    assert phone_numbers("8 (4872) 24-51-00 (доб. 2345)") != phone_numbers("8 (4872) 24-51-00, доб. 1234")
    assert phone_numbers("8 (4872) 24-51-00") != phone_numbers("8 (4872) 24-51-00 вн. 12")


def test_an_e_mail_address_is_itself_not_its_domain() -> None:
    assert norm_url("opeka@tularegion.ru") == norm_url("mailto:Opeka@TulaRegion.ru?subject=x") == "opeka@tularegion.ru"
    assert norm_url("minsoc@tularegion.ru") != norm_url("opeka@tularegion.ru")
    assert norm_url("tel:+78001002030") == ""


def test_a_shared_address_makes_one_touchpoint_only_beside_a_stage_name() -> None:
    from tpkit.registry.sameness import names_a_stage

    assert names_a_stage("Выдача результатов") and names_a_stage("Министерство (получение результата)")
    assert not names_a_stage("Личный прием граждан министром") and not names_a_stage("Приемная отдела опеки")
    assert not names_a_stage("Прием граждан по личным вопросам")
    main = touchpoint_keys("Приемная министерства", "reception", address="г. Тула, ул. Оборонная, д. 114")
    minister = touchpoint_keys("Личный прием граждан министром", "reception", address="г Тула ул Оборонная 114")
    issue = touchpoint_keys("Выдача результатов", "reception", address="г. Тула, ул. Оборонная, 114")
    assert not same_touchpoint(main, minister)
    assert same_touchpoint(main, issue) and same_touchpoint(minister, issue)
    idx = SamenessIndex()
    idx.add("main", main)
    assert idx.find(minister) is None
    assert idx.find(issue) == "main"


def test_a_stage_named_office_in_another_town_is_not_the_operators_one_office() -> None:
    from tpkit.registry.models import Touchpoint
    from tpkit.registry.sameness import same_in_catalogue

    def mfc(ident: str, name: str) -> Touchpoint:
        return Touchpoint(id=ident, name=name, channel="one_stop_center", operator="ГБУ ТО «МФЦ»")

    tula = mfc("mfc", "МФЦ «Мои документы» (г. Тула)")
    assert same_in_catalogue({"mfc": tula, "m2": mfc("m2", "МФЦ г. Новомосковск (выдача результатов)")}) == {}
    assert same_in_catalogue({"mfc": tula, "m2": mfc("m2", "МФЦ, офис в Заречье (выдача результатов)")}) == {}
    # the same town, or no place named: the operator's one office
    assert same_in_catalogue({"mfc": tula, "m2": mfc("m2", "МФЦ г. Тула (выдача результатов)")}) == {
        "m2": ("mfc", "operator")
    }
    assert same_in_catalogue({"mfc": tula, "m2": mfc("m2", "МФЦ — выдача результатов")}) == {"m2": ("mfc", "operator")}


def test_an_address_in_another_order_or_with_its_region_is_one_address() -> None:
    from tpkit.registry.sameness import norm_address

    one = norm_address("г. Тула, ул. Оборонная, д. 114")
    assert norm_address("ул. Оборонная, д. 114, г. Тула") == one
    assert norm_address("300041, Тульская обл., г. Тула, ул. Оборонная, 114") == one
    assert norm_address("Тульская область, город Тула, улица Оборонная, дом 114") == one
    assert norm_address("г. Тула, ул. Оборонная, д. 116") != one
    assert norm_address("г. Тула, ул. Ленина, д. 2, корп. 1") != norm_address("г. Тула, ул. Ленина, д. 1, корп. 2")


def test_one_receptions_name_with_words_added_at_its_address_is_that_reception() -> None:
    main = touchpoint_keys("Приемная министерства", "reception", address="г. Тула, ул. Оборонная, д. 114")
    more = touchpoint_keys("Приемная граждан министерства", "reception", address="г Тула ул Оборонная 114")
    care = touchpoint_keys("Приемная отдела опеки", "reception", address="г. Тула, ул. Оборонная, д. 114")
    assert same_touchpoint(main, more) and not same_touchpoint(main, care)
    short = touchpoint_keys("Приемная", "reception", address="г. Тула, ул. Оборонная, д. 114")
    assert same_touchpoint(short, main) and not same_touchpoint(short, care)
    idx = SamenessIndex()
    idx.add("main", main)
    assert idx.find(more) == "main" and idx.find(care) is None


def test_the_feedback_platform_of_the_portal_is_a_channel_not_a_stage() -> None:
    # «Платформа обратной связи» (ПОС, pos.gosuslugi.ru) is its own entry beside the portal: written in brackets or
    # after a colon it is not «ЕПГУ» once per stage; «ЕПГУ — обратная связь» still is
    epgu = touchpoint_keys("ЕПГУ", "portal", url="https://www.gosuslugi.ru")
    for name in (
        "ЕПГУ (Платформа обратной связи)",
        "ЕПГУ: платформа обратной связи",
        "Госуслуги — Платформа обратной связи",
    ):
        assert not same_touchpoint(epgu, touchpoint_keys(name, "portal")), name
    assert same_touchpoint(epgu, touchpoint_keys("ЕПГУ — обратная связь", "portal"))


def test_a_switchboard_or_hotline_number_shared_by_places_does_not_make_them_one() -> None:
    # the receptions in one building give the agency's switchboard, the offices of one МФЦ operator its hotline
    main = touchpoint_keys(
        "Приемная министерства", "reception", phone="8 (4872) 24-52-01", address="г. Тула, ул. Пушкинская, д. 29"
    )
    minister = touchpoint_keys(
        "Личный прием граждан министром", "reception", phone="8 (4872) 24-52-01", address="г. Тула, Пушкинская, 29"
    )
    care = touchpoint_keys("Приемная отдела опеки", "reception", phone="+7 4872 245201")
    tula = touchpoint_keys(
        "МФЦ (г. Тула)", "one_stop_center", phone="8 800 450-00-71", address="г. Тула, ул. Жаворонкова, 2"
    )
    nmsk = touchpoint_keys("МФЦ (г. Новомосковск)", "one_stop_center", phone="8-800-450-00-71")
    assert not same_touchpoint(main, minister) and not same_touchpoint(main, care) and not same_touchpoint(tula, nmsk)
    idx = SamenessIndex()
    idx.add("main", main)
    idx.add("tula", tula)
    assert idx.find(minister) is None and idx.find(care) is None and idx.find(nmsk) is None
    # the reception written once per stage, or with words added, on its number is still the reception
    assert same_touchpoint(main, touchpoint_keys("Прием документов", "reception", phone="8 (4872) 24-52-01"))
    assert same_touchpoint(main, touchpoint_keys("Приемная граждан министерства", "reception", phone="84872245201"))
    assert idx.find(touchpoint_keys("Выдача результатов", "reception", phone="8 (4872) 24-52-01")) == "main"
    # a contact centre's number is the contact centre's, whatever the name
    cc = touchpoint_keys("Контактный центр", "call_center", phone="8 800 200-71-02")
    assert same_touchpoint(cc, touchpoint_keys("Горячая линия министерства", "call_center", phone="88002007102"))
    # «Мои документы» is the МФЦ's name, not a stage that receives documents
    from tpkit.registry.sameness import names_a_stage

    assert not names_a_stage("МФЦ «Мои документы» (г. Новомосковск)")
    assert names_a_stage("МФЦ «Мои документы» (прием документов)")


def test_a_mobile_host_a_start_page_and_punycode_are_the_same_address() -> None:
    assert norm_url("https://m.vk.com/mintrud71") == norm_url("vk.com/mintrud71/")
    assert norm_url("https://mintrud.tularegion.ru/index.php") == norm_url("https://mintrud.tularegion.ru/")
    assert norm_url("http://www.mintrud.tularegion.ru/default.aspx") == norm_url("mintrud.tularegion.ru")
    assert norm_url("https://xn--d1ahlfpli.xn--p1ai/") == norm_url("https://минтруд.рф")
    assert norm_url("https://mintrud.tularegion.ru/feedback/index.php") != norm_url("https://mintrud.tularegion.ru")
    site = touchpoint_keys("Официальный сайт министерства", "website", url="https://mintrud.tularegion.ru/index.php")
    assert same_touchpoint(site, touchpoint_keys("Сайт министерства", "website", url="http://mintrud.tularegion.ru"))


def test_a_stage_name_that_says_whose_place_it_is_is_that_units_place() -> None:
    # «Прием документов отделом опеки» at the ministry's address is the unit's office, not the reception per stage
    at = "г. Тула, ул. Пушкинская, 29"
    main = touchpoint_keys("Приемная министерства", "reception", address=at)
    assert not same_touchpoint(main, touchpoint_keys("Прием документов отделом опеки", "reception", address=at))
    assert not same_touchpoint(main, touchpoint_keys("Выдача справок начальником отдела", "reception", address=at))
    assert same_touchpoint(main, touchpoint_keys("Выдача результатов", "reception", address=at))
    unit = touchpoint_keys("Приемная отдела опеки", "reception", address=at)
    assert same_touchpoint(unit, touchpoint_keys("Приемная отдела опеки (прием документов)", "reception", address=at))


def test_a_stage_named_entry_that_names_another_channel_is_not_the_operators_one_entry() -> None:
    from tpkit.registry.models import Touchpoint
    from tpkit.registry.sameness import same_in_catalogue

    def point(ident: str, name: str, channel: str, operator: str, **more: str) -> Touchpoint:
        return Touchpoint(id=ident, name=name, channel=channel, operator=operator, **more)

    # the ЕПГУ named by a stage beside the feedback platform, both run by Минцифры
    pos = point("pos", "Платформа обратной связи (ПОС)", "portal", "Минцифры России", url="https://pos.gosuslugi.ru")
    assert (
        same_in_catalogue({"pos": pos, "epgu": point("epgu", "ЕПГУ (подача заявления)", "portal", "Минцифры России")})
        == {}
    )
    # «Мой бизнес» beside «Мои документы», both run by the МФЦ operator
    mfc = point("mfc", "Многофункциональный центр «Мои документы»", "one_stop_center", "ГАУ ТО «МФЦ»")
    biz = point("biz", "Центр «Мой бизнес» (консультации)", "one_stop_center", "ГАУ ТО «МФЦ»")
    assert same_in_catalogue({"mfc": mfc, "biz": biz}) == {}
    # the МФЦ named by a stage is still its operator's one office
    for name in ("МФЦ (выдача результата)", "МФЦ «Мои документы» (выдача результата)"):
        staged = point("m2", name, "one_stop_center", "ГАУ ТО «МФЦ»")
        assert same_in_catalogue({"mfc": mfc, "m2": staged}) == {"m2": ("mfc", "operator")}, name


def test_a_stage_named_office_whose_stage_names_its_place_is_not_the_operators_one_office() -> None:
    # the place may stand in the stage part: «МФЦ (окно приема документов в здании министерства)»
    from tpkit.registry.models import Touchpoint
    from tpkit.registry.sameness import same_in_catalogue

    def mfc(ident: str, name: str) -> Touchpoint:
        return Touchpoint(id=ident, name=name, channel="one_stop_center", operator="ГАУ ТО «МФЦ»")

    tula = mfc("mfc", "МФЦ «Мои документы» (г. Тула)")
    for name in (
        "МФЦ (окно приема документов в здании министерства)",
        "МФЦ — прием документов в помещении администрации",
        "МФЦ (выдача результатов в г. Новомосковске)",
    ):
        assert same_in_catalogue({"mfc": tula, "x": mfc("x", name)}) == {}, name
    assert same_in_catalogue({"mfc": tula, "x": mfc("x", "МФЦ (выдача результатов, г. Тула)")}) == {
        "x": ("mfc", "operator")
    }
