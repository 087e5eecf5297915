"""tpkit.russian: an organisation's name in the genitive, a noun that agrees with a number."""

from __future__ import annotations

import pytest

from tpkit.russian import agree, count, genitive


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Государственная жилищная инспекция Энской области", "Государственной жилищной инспекции Энской области"),
        ("Федеральная служба по надзору в сфере транспорта", "Федеральной службы по надзору в сфере транспорта"),
        ("Главное управление МЧС России по Энской области", "Главного управления МЧС России по Энской области"),
        ("Северо-Западное межрегиональное управление", "Северо-Западного межрегионального управления"),
        ("Счетная палата Российской Федерации", "Счетной палаты Российской Федерации"),
        ("ФНС России", "ФНС России"),
    ],
)
def test_genitive_declines_the_leading_phrase(name: str, expected: str) -> None:
    assert genitive(name) == expected


@pytest.mark.parametrize(
    ("n", "noun", "expected"),
    [
        (0, "ошибка", "ошибок"),
        (1, "ошибка", "ошибка"),
        (2, "ошибка", "ошибки"),
        (19, "предупреждение", "предупреждений"),
        (21, "процесс", "процесс"),
        (3, "процесс", "процесса"),
        (11, "совет", "советов"),
    ],
)
def test_agree_with_a_number(n: int, noun: str, expected: str) -> None:
    assert agree(n, noun) == expected
    assert count(n, noun) == f"{n} {expected}"
