"""TP112 uniform-process-split: a uniform appeals process is split into identical copies."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ....registry.enums import DIRECTIONS
from ...finding import Bi, Hit
from ...rule import Rule, register
from ..examples import sub
from ..words import WHY_REGISTER, names, process_place

if TYPE_CHECKING:
    from ....registry import Registry
    from ....registry import models as m


def _appeals(title: str, ident: str, unit: str) -> str:
    return (
        f"id: {ident}\n"
        f"title: {title}\n"
        "direction: appeals\n"
        f"units: [{unit}]\n"
        "basis: [ar-benefit]\n"
        "touchpoints:\n"
        "  - touchpoint: site\n"
        "    needs: [info, submit]\n"
        "  - touchpoint: phone\n"
        "    needs: [consultation, status]\n"
        "  - touchpoint: reception\n"
        "    needs: [submit, result, feedback]\n"
    )


def _others(titles: list[str]) -> Bi:
    n = names(titles)
    word = Bi(
        "процессом " if len(titles) == 1 else "процессами ", "the process " if len(titles) == 1 else "the processes "
    )
    return Bi(word.ru + n.ru, word.en + n.en)


@register
class UniformProcessSplit(Rule):
    """A uniform appeals process is split into identical copies."""

    code = "TP112"
    name = "uniform-process-split"
    severity = "info"
    summary = {
        "ru": "несколько процессов рассмотрения обращений с одинаковыми точками и потребностями",
        "en": "several appeals processes have identical touchpoints and needs",
    }
    message = {
        "ru": "процесс «{title}» совпадает по точкам и потребностям с {others} (направление «{direction}»): "
        "опишите один процесс для всего направления (scope: direction)",
        "en": "the process «{title}» has the same touchpoints and needs as {others} (direction '{direction}'): "
        "describe one process for the whole direction (scope: direction)",
    }
    rationale = {
        "ru": "Если направление деятельности предполагает единообразный процесс во всех структурных "
        "подразделениях (например, рассмотрение обращений), точки взаимодействия определяются для всего "
        "направления, а не по подразделениям (" + WHY_REGISTER["ru"] + ").",
        "en": "When a direction of activity is one uniform process in every unit (appeals, say), the touchpoints "
        "are determined for the whole direction, not per unit (" + WHY_REGISTER["en"] + ").",
    }
    anti_pattern = {
        "processes/appeals-benefits.yaml": _appeals(
            "Рассмотрение обращений граждан в отделе назначения выплат", "appeals-benefits", "benefits"
        ),
        "processes/appeals-minister.yaml": _appeals(
            "Рассмотрение обращений граждан, адресованных министру", "appeals-minister", "benefits"
        ),
    }
    best_practice = {
        "processes/appeals.yaml": sub(
            _appeals("Рассмотрение обращений граждан", "appeals", "benefits"),
            "direction: appeals\n",
            "direction: appeals\nscope: direction           # один процесс для всех подразделений\n",
        )
    }

    def check(self, reg: Registry) -> Iterator[Hit]:
        groups: dict[frozenset[tuple[str, frozenset[str]]], list[m.Process]] = defaultdict(list)
        for proc in reg.iter_processes():
            if proc.direction != "appeals" or not proc.touchpoints:
                continue
            sig = frozenset((e.touchpoint, frozenset(e.needs)) for e in proc.touchpoints)
            groups[sig].append(proc)
        direction = Bi(DIRECTIONS["appeals"]["ru"], DIRECTIONS["appeals"]["en"])
        for procs in groups.values():
            if len(procs) < 2:
                continue
            procs.sort(key=lambda p: p.id)
            for proc in procs:
                others = [p.title for p in procs if p is not proc]
                args: dict[str, Any] = {"title": proc.title, "others": _others(others), "direction": direction}
                yield self.hit(*process_place(reg, proc, "touchpoints"), **args)
