"""The view model: what the documents say, before any format."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import EXAMPLE

from tpkit.registry import load_registry
from tpkit.registry import models as m
from tpkit.render.procedure_view import procedure_view
from tpkit.render.register_columns import act_text
from tpkit.render.view import agency_genitive, fmt_date, make_stamp

AGENCY = m.Agency(
    id="a",
    name="Министерство социальной защиты населения Энской области",
    short_name="Минсоцзащиты",
    head=m.Person(position="Министр социальной защиты населения Энской области", name="А. А. Иванов"),
)


def test_the_agency_name_declines_as_a_phrase() -> None:
    assert agency_genitive(AGENCY) == "Министерства социальной защиты населения Энской области"
    # 0.2.0 declined the first word only: «приказом Государственной жилищная инспекция …»
    gji = AGENCY.model_copy(update={"name": "Государственная жилищная инспекция Энской области"})
    assert agency_genitive(gji) == "Государственной жилищной инспекции Энской области"
    # an abbreviation does not decline, and is not swapped for another name
    assert agency_genitive(AGENCY.model_copy(update={"name": "ГБУ «Центр»"})) == "ГБУ «Центр»"


def test_name_genitive_overrides_the_rule() -> None:
    odd = AGENCY.model_copy(update={"name": "Минсоцзащиты", "name_genitive": "министерства социальной защиты"})
    assert agency_genitive(odd) == "министерства социальной защиты"
    s = make_stamp(m.Approval(kind="order", number="7-од", date=dt.date(2026, 3, 1)), odd)
    assert s.lines[1] == "приказом министерства социальной защиты"


def test_order_stamp() -> None:
    s = make_stamp(m.Approval(kind="order", number="7-од", date=dt.date(2026, 3, 1)), AGENCY)
    assert s.lines == [
        "УТВЕРЖДЕН",
        "приказом Министерства социальной защиты населения Энской области",
        "от 01.03.2026 № 7-од",
    ]


def test_dates_have_four_digit_years_whatever_the_c_library() -> None:
    # YAML allows 0001-01-01; glibc's %Y prints it as "1"
    s = make_stamp(m.Approval(kind="order", number="1", date=dt.date(1, 1, 1)), AGENCY)
    assert s.lines[-1] == "от 01.01.0001 № 1"
    assert fmt_date(dt.date(9999, 12, 31)) == "31.12.9999"
    assert act_text(m.Act(id="a", kind="npa", title="Закон", date=dt.date(33, 5, 2))) == "Закон от 02.05.0033"


def test_resolution_stamp_is_signed_by_the_head() -> None:
    s = make_stamp(m.Approval(kind="resolution", date=dt.date(2026, 3, 1)), AGENCY)
    assert s.lines[0] == "УТВЕРЖДАЮ"
    assert "Министр социальной защиты населения Энской области" in s.lines
    assert any("А. А. Иванов" in x for x in s.lines)


def test_a_draft_without_approval_gets_blanks_to_fill_in() -> None:
    s = make_stamp(None, AGENCY)
    assert s.lines[0] == "УТВЕРЖДЕН" and "____" in s.lines[-1]


def test_a_feature_without_instruction_is_listed_in_section_5(base: Path) -> None:
    p = base / "processes" / "child-benefit.yaml"
    p.write_text(
        p.read_text(encoding="utf-8") + "features:\n  - id: biometrics\n    title: Сбор биометрических данных\n",
        encoding="utf-8",
    )
    reg = load_registry(base)
    view = procedure_view(reg, reg.procedures["all"])
    s5 = next(s for s in view.sections if s.key == "specifics")
    texts = [b.text for b in s5.blocks] + [i for b in s5.blocks for i in b.items]
    assert any("подлежат разработке" in t for t in texts)
    # a feature without touchpoints concerns the whole process: listed once, not per touchpoint
    assert sum("Сбор биометрических данных" in t for t in texts) == 1


def test_the_touchpoints_table_gives_a_contact_centre_its_phone() -> None:
    # 0.3 review: the procedure's table of touchpoints had «Адрес, сайт» only, so the contact centre, whose way in is
    # its phone, showed «—» there
    reg = load_registry(EXAMPLE)
    proc = next(p for p in reg.procedures.values() if "call-center" in reg.covered(p))
    general = next(s for s in procedure_view(reg, proc).sections if s.key == "general")
    table = next(b for b in general.blocks if b.headers and b.headers[0] == "Точка взаимодействия")
    assert "Адрес, телефон, сайт" in table.headers
    place = table.headers.index("Адрес, телефон, сайт")
    row = next(r for r in table.rows if r[0].startswith(reg.touchpoints["call-center"].name))
    assert row[place] == "8-800-000-00-00, доб. 2"
