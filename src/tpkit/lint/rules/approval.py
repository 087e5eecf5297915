"""What an approving document must state, by its form. Shared by TP203 (the register) and TP311 (procedures).

The methodology leaves the form to the agency: «Форма утверждающего документа определяется ведомством
самостоятельно (приказ ведомства, структурного подразделения, утверждение резолюцией и др.)». An order
(of the agency or of a unit) always has a number and a date; a resolution or another form has a date, and
often no number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...registry.placeholders import holds_placeholder
from ..finding import Bi

if TYPE_CHECKING:
    from ...registry import Registry
    from ...registry import models as m

#: the forms whose documents always carry a number
NUMBERED_KINDS: frozenset[str] = frozenset({"order"})

_FIELD = {"number": ("номера", "number"), "date": ("даты", "date")}


def approval_lacks(approval: m.Approval) -> list[str]:
    """The fields an approval of its form must have and does not: ``number`` (orders only), ``date``. A value that
    is still the placeholder ``tpkit init`` and ``tpkit new`` write («<номер документа>», TP009) is not there: the
    order has no number until someone enters it."""
    need = ("number", "date") if approval.kind in NUMBERED_KINDS else ("date",)
    return [k for k in need if not (v := getattr(approval, k)) or holds_placeholder(str(v))]


def lacks_words(lacks: list[str]) -> Bi:
    """«нет номера и даты» / 'no number and date'."""
    return Bi(
        "нет " + " и ".join(_FIELD[k][0] for k in lacks),
        "no " + " and ".join(_FIELD[k][1] for k in lacks),
    )


def is_draft(approval: m.Approval | None) -> bool:
    """A document is a draft (проект) while its approval is absent or lacks what its form requires: what TP203 and
    TP311 call unapproved. Documents print «ПРОЕКТ» and a blank stamp for it; the site shows the same state."""
    return approval is None or bool(approval_lacks(approval))


def part_of_internal_act(reg: Registry, procedure: m.Procedure) -> bool:
    """A procedure included in an internal act (``embedded_in``, an act of ``kind: internal``) is approved with that
    act and needs no approval of its own (TP311); documents print no stamp of its own for it."""
    act = reg.acts.get(procedure.embedded_in) if procedure.embedded_in else None
    return act is not None and act.kind == "internal"
