"""The register table: the columns every writer and the Excel import share, and rows per direction."""

from __future__ import annotations

from pathlib import Path

from conftest import write

from tpkit.registry import load_registry
from tpkit.registry.enums import DIRECTIONS, FORM_LABELS, NEEDS
from tpkit.render.register_columns import COLUMNS
from tpkit.render.register_table import register_tables


def test_columns_are_the_methodology_ones_in_order() -> None:
    assert [c.ru for c in COLUMNS] == [
        "№",
        "процесс",
        "точка взаимодействия",
        "форма",
        "удовлетворяемые потребности",
        "основание",
        "особенности",
        "ответственный",
        "востребованность",
    ]


def test_rows_carry_labels_not_codes(base: Path) -> None:
    reg = load_registry(base)
    tables = register_tables(reg)
    assert [t.direction for t in tables] == ["services"]
    assert tables[0].title == DIRECTIONS["services"]["ru"]
    rows = tables[0].rows
    assert [r.n for r in rows] == [1, 2, 3, 4]
    epgu = next(r for r in rows if r.touchpoint_id == "epgu")
    assert epgu.process == "Назначение ежемесячной выплаты на ребенка"
    assert epgu.touchpoint.startswith("Единый портал")
    assert epgu.form == FORM_LABELS["digital"]["ru"]
    assert NEEDS["submit"]["ru"] in epgu.needs and "submit" not in epgu.needs
    assert "№ 123" in epgu.basis and "01.05.2024" in epgu.basis
    assert epgu.responsible.startswith("Петрова Мария Ивановна, начальник")
    reception = next(r for r in rows if r.touchpoint_id == "reception")
    assert reception.form == FORM_LABELS["offline"]["ru"]
    assert len(epgu.cells()) == len(COLUMNS)


def test_features_demand_and_direction_filter(base: Path) -> None:
    p = base / "processes" / "child-benefit.yaml"
    text = p.read_text(encoding="utf-8").replace(
        "  - touchpoint: reception\n    needs: [submit, result, feedback_result]\n",
        "  - touchpoint: reception\n    needs: [submit, result, feedback_result]\n    demand: 12000\n",
    )
    text += "features:\n  - id: home-visit\n    title: Обследование жилищных условий\n    touchpoints: [reception]\n"
    p.write_text(text, encoding="utf-8")
    write(
        base,
        "processes/appeals.yaml",
        "id: appeals\ntitle: Рассмотрение обращений граждан\ndirection: appeals\n"
        "touchpoints:\n  - touchpoint: site\n    needs: [submit]\n    demand: low\n",
    )
    reg = load_registry(base)
    tables = register_tables(reg)
    assert [t.direction for t in tables] == ["services", "appeals"]
    services = tables[0].rows
    reception = next(r for r in services if r.touchpoint_id == "reception")
    assert reception.features == "Обследование жилищных условий"
    assert reception.demand == "12\u00a0000 обращений в год"
    site = next(r for r in services if r.touchpoint_id == "site")
    assert site.features == ""
    only = register_tables(reg, "appeals")
    assert len(only) == 1 and only[0].rows[0].demand == "маловостребована"
    assert only[0].rows[0].n == 1


def test_demand_agrees_with_its_number() -> None:
    """«1 обращений в год» was 0.2.0's; the noun agrees with the number, thousands apart by a no-break space."""
    from tpkit.render.register_table import demand_text

    assert demand_text(1) == "1 обращение в год"
    assert demand_text(3) == "3 обращения в год"
    assert demand_text(21_000) == "21\u00a0000 обращений в год"
    assert demand_text(12_001) == "12\u00a0001 обращение в год"


def test_a_direction_without_processes_says_so_instead_of_an_empty_table(base: Path) -> None:
    # 0.3 review: `render register --direction functions` of a registry without functions printed the table's
    # header row and nothing under it; a registry without processes, a title and nothing at all
    from tpkit.render.register_view import register_view

    reg = load_registry(base)
    view = register_view(reg, "functions")
    [section] = view.sections
    assert [b.kind for b in section.blocks] == ["para"]
    assert section.blocks[0].text == "Процессов этого направления в перечне нет."
    for p in (base / "processes").glob("*.yaml"):
        p.unlink()
    view = register_view(load_registry(base))
    assert view.sections == [] and view.closing[0] == "Процессов в перечне нет."
    # the workbook and the CSV keep their header row: an empty sheet is the form to fill in for tpkit import
    assert view.extra["tables"] == []
