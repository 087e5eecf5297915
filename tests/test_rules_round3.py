"""Methodology round 3 (issue 25): correct registers pass, clever mistakes don't.

Each test is a register an agency really keeps: the false alarms of 0.2.0 on correct registers (they must stay
quiet now) and the shapes of the methodology's named mistakes that slipped through (they must be caught).
"""

from __future__ import annotations

from pathlib import Path

from conftest import codes, edit, lint_json, only

PROC = "processes/child-benefit.yaml"
CATALOGUE = "touchpoints.yaml"


def _add_touchpoint(root: Path, block: str) -> None:
    edit(root, CATALOGUE, "  - id: phone\n", block + "  - id: phone\n")


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
