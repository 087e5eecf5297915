"""TP008 merge-conflict-marker: a file holds a line of an unresolved git merge conflict."""

from __future__ import annotations

from ....registry import problem
from ...rule import ProblemRule, register
from ..examples import PORTAL_PROCESS


def _with_conflict(text: str) -> str:
    """The process with its title changed on two branches, merged without resolving: the markers sit inside a
    ``|`` block, where YAML reads them as text and a document would print them."""
    head, rest = text.split("title: ", 1)
    title, tail = rest.split("\n", 1)
    return (
        f"{head}title: |\n"
        "  <<<<<<< HEAD\n"
        f"  {title}\n"
        "  =======\n"
        f"  {title} (новая редакция)\n"
        "  >>>>>>> feature/rename\n"
        f"{tail}"
    )


@register
class MergeConflictMarker(ProblemRule):
    """Summary:
        ru: в файле осталась строка неразрешенного конфликта слияния git (<<<<<<<, =======, >>>>>>>)
        en: a file holds a line of an unresolved git merge conflict (<<<<<<<, =======, >>>>>>>)

    Rationale:
        ru: Внутри блока «|» маркеры конфликта — обычный текст: YAML их принимает, а утвержденный документ напечатал бы
            оба варианта и сами маркеры. Конфликт разрешает человек.
        en: Inside a «|» block the markers are plain text: YAML accepts them and an approved document would print both
            versions and the markers. A person resolves the conflict.
    """

    problem_kind = problem.MERGE_CONFLICT
    anti_pattern = {"processes/child-benefit.yaml": _with_conflict(PORTAL_PROCESS)}
    best_practice = {"processes/child-benefit.yaml": PORTAL_PROCESS}
