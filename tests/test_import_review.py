"""tpkit import, reviewed with tables as agencies keep them (issue 28's red team): each test a table built here that
lost or misread a value before its fix."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

from tpkit.author.importer.cells import demand_value
from tpkit.registry.yaml import parse


@pytest.fixture
def initialised(tmp_path: Path) -> Path:
    root = tmp_path / "reg"
    r = run_cli("init", "--empty", str(root))
    assert r.code == 0, r.stdout + r.stderr
    return root


def _data(root: Path, rel: str) -> Any:
    return parse((root / rel).read_text(encoding="utf-8")).data


def _book(path: Path, rows: list[list[Any]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Услуги"
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize(
    "cell",
    [
        datetime.datetime(2024, 1, 15),
        datetime.date(2024, 1, 15),
        "15.01.2024",
        "12,5",
        12.5,
        "10-20",
        "1.200.000",
    ],
)
def test_a_demand_that_is_no_count_is_reported_not_turned_into_a_number(cell: Any) -> None:
    """0.2.0 took the digits of any cell: a date 15.01.2024 was demand 15012024, a range «10-20» 1020, «12,5» 125."""
    assert demand_value(cell) == (None, False)


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        (1200, 1200),
        (1200.0, 1200),
        ("1200", 1200),
        ("1 200", 1200),
        ("1\u00a0200", 1200),
        ("1 200 обращений в год", 1200),
    ],
)
def test_a_count_of_requests_is_read_with_its_thousands_spaced(cell: Any, value: int) -> None:
    assert demand_value(cell) == (value, True)


def test_a_date_in_the_demand_column_stays_in_the_plan(initialised: Path, tmp_path: Path) -> None:
    book = _book(
        tmp_path / "dates.xlsx",
        [
            ["Процесс", "Точка взаимодействия", "Потребности", "Востребованность"],
            ["Выдача справки", "Официальный сайт", "информирование", datetime.date(2024, 1, 15)],
        ],
    )
    r = run_cli("import", "xlsx", str(book), cwd=initialised)
    assert r.code == 0, r.stdout + r.stderr
    entry = _data(initialised, "processes/vydacha-spravki.yaml")["touchpoints"][0]
    assert "demand" not in entry
    assert "2024-01-15" in r.stdout + r.stderr or "2024-01-15" in str(entry.get("notes"))
