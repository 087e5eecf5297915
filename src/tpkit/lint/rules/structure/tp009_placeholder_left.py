"""TP009 placeholder-left: a value ``tpkit init`` or ``tpkit new`` wrote as a placeholder is still there."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ....registry.placeholders import PLACEHOLDERS, placeholders_in
from ...finding import Hit, YamlPath
from ...rule import Rule, register
from ..examples import AGENCY, sub

if TYPE_CHECKING:
    from ....registry import Registry

_PERSON = PLACEHOLDERS["PERSON"]


def _texts(node: Any, path: YamlPath) -> Iterator[tuple[YamlPath, str]]:
    """Every text in a file's data, with its path."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _texts(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _texts(value, (*path, i))


@register
class PlaceholderLeft(Rule):
    """Summary:
        ru: осталась заглушка из tpkit init или tpkit new («<Фамилия Имя Отчество>»): значение не заменено настоящим
        en: a placeholder tpkit init or tpkit new wrote («<Фамилия Имя Отчество>») is still there: no real value yet

    Message:
        ru: {field}: {value} — заглушка, которую записал tpkit: замените ее настоящим значением
        en: {field}: {value} is a placeholder tpkit wrote: replace it with the real value

    Rationale:
        ru: tpkit init и tpkit new не придумывают данных, которые можно по ошибке подписать (ФИО, номер и дату
            приказа, адрес): где значение знает только ведомство, они пишут заметную заглушку в угловых скобках.
            Пока она не заменена, документы и сайт покажут ее как есть. Это замечание, а не ошибка структуры:
            реестр с заглушками проверяется и печатается (документ-черновик), а подавить замечание можно, как
            любое другое.
        en: tpkit init and tpkit new invent no data that could be signed by mistake (a name, an order's number and
            date, an address): where only the agency knows the value they write a visible placeholder in angle
            brackets. Until it is replaced, documents and the site show it as it is. It is a finding, not a
            structure error: a registry with placeholders is checked and rendered (a draft), and the finding can be
            suppressed like any other.
    """

    severity = "warning"

    def check(self, reg: Registry) -> Iterator[Hit]:
        values = tuple(PLACEHOLDERS.values())
        for rel, src in reg.files.items():
            if not src.text or "<" not in src.text or not any(v in src.text for v in values):
                continue  # most files: one scan of the text in C, no walk
            for path, text in _texts(src.data, ()):
                for value in placeholders_in(text):
                    field = next((str(p) for p in reversed(path) if isinstance(p, str)), "")
                    yield self.hit(rel, path, "", key=value, field=field, value=f"«{value}»")

    anti_pattern = {"agency.yaml": sub(AGENCY, "    name: Петрова Мария Ивановна\n", f"    name: {_PERSON}\n")}
    best_practice = {"agency.yaml": AGENCY}
