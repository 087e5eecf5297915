"""TP112 uniform-process-split: one process kept as copies per unit — identical appeals processes, near-copies
with the unit's name in the title, or a unit's copy beside the process of the whole direction."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ....registry.enums import DIRECTIONS
from ...finding import Bi, Hit
from ...rule import Rule, register
from ..coverage import is_uniform
from ..examples import sub
from ..words import names, process_obj, process_place

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


#: a participle that opens a clause about where a request went: «поступивших», «адресованных», «обратившимся»
_PARTICIPLE = (
    r"\w+(?:вш|ш|ющ|ящ|ем|им|нн|т)(?:ий|ая|ое|ее|ие|ого|его|ой|ей|их|ых|им|ым|ими|ыми|ему|ому|ую|юю)(?:ся|сь)?"
)
#: the clause's head before the unit: «, поступивших в », «, направленных в адрес », « в », « для »
_HEAD = r"(?:,?\s*\b" + _PARTICIPLE + r"\s+(?:\w+\s+){0,2}|,?\s*\b(?:в|во|для|по|при|у|через)\s+)?"
#: a unit word: from it the title names the unit («… в отделе опеки», «…, адресованных министру»)
_UNIT_WORD = (
    r"\b(?:отдел(?!ьн)|управлени|департамент|сектор|служб|подразделени|филиал|территориальн|комитет|министр[аеуом]?\b|"
    r"министру|приемн|аппарат|руководител|заместител|адресованн)\w*.*$"
)
#: an agency unit's name, taken out of the title before the clause is (the text after it stays)
_UNIT_NAME = "\x00"
#: a place's adjective before the unit word: «Новомосковским территориальным отделом», «в Заречном отделе»
_PLACE_ADJECTIVE = r"(?:\b\w+(?:ск|цк|н)(?:ий|ого|ому|им|ом|ая|ой|ую|ие|их|ими)\s+)?"
#: a town after a preposition: «… в г. Новомосковске», «… по городу Алексину» (the unit named by its place)
_TOWN = r"\b(?:в|во|по)\s+(?:г|гор|город\w*)\b\.?\s*\w+.*$"
_UNIT_CLAUSE = re.compile(_HEAD + "(?:" + _PLACE_ADJECTIVE + _UNIT_WORD + "|" + _UNIT_NAME + "|" + _TOWN + ")")
#: a unit's abbreviation as registers write it, in capitals after the place's adjective: «Новомосковский ТО»
#: (территориальный отдел), «ТУ» (территориальное управление), «ТОСП» (территориально обособленное структурное
#: подразделение); not «Проведение ТО транспортных средств» (техническое обслуживание)
_UNIT_ABBREVIATION = re.compile(r"(\b\w+(?:ск|цк|н)(?:ий|ого|ому|им|ом|ая|ой|ую|ое)\s+)(?:ТО|ТУ|ТОСП)\b")
#: a bracketed part naming a unit or a place («(отдел выплат)», «(г. Новомосковск)», «(Ленинский район)»): the
#: unit's copy; any other («(до полутора лет)», «(дубликата удостоверения)») tells two services apart and stays
_UNIT_BRACKETS = re.compile(
    r"\(([^()]*(?:"
    + _UNIT_WORD.removesuffix(".*$")
    + r"|\x00|\b(?:г|город|район|р-н|округ|пос|поселок|село)\b)[^()]*)\)"
)


def unitless_title(reg: Registry, title: str) -> str:
    """A title without the unit it was copied for: «Рассмотрение обращений в отделе опеки», «Рассмотрение обращений
    (отдел выплат)» and «Рассмотрение обращений, поступивших в отдел контроля» are all «рассмотрение обращений»."""
    text = _UNIT_ABBREVIATION.sub(r"\1территориальный отдел", title).lower().replace("ё", "е")
    for unit in reg.units.values():
        text = text.replace(unit.name.lower().replace("ё", "е"), _UNIT_NAME)
    text = _UNIT_BRACKETS.sub(" ", text)
    text = _UNIT_CLAUSE.sub(" ", text)
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


#: the stems of a title's words that say what is done or for whom, not what about: «рассмотрение», «работа»,
#: «предоставление», «граждан» (five letters: the forms of a word share them)
_GENERIC = frozenset(("рассм", "работ", "предо", "осуще", "орган", "прове", "выдач", "прием", "гражд", "заявл"))


def _same_subject(reg: Registry, a: str, b: str) -> bool:
    """Whether two titles, units left out, share a word that says what the process is about: «Работа с обращениями
    в отделе контроля» and «Рассмотрение обращений граждан» do («обращ»); «Профилактика нарушений обязательных
    требований» and «Выездная проверка организаций социального обслуживания», or «Рассмотрение запросов
    информации» and «Рассмотрение обращений граждан», do not: two processes of one direction, not a copy."""

    def stems(title: str) -> set[str]:
        return {w[:5] for w in unitless_title(reg, title).split() if len(w) > 3} - _GENERIC

    return bool(stems(a) & stems(b))


def needs_map(proc: m.Process) -> dict[str, frozenset[str]]:
    return {e.touchpoint: frozenset(e.needs) for e in proc.touchpoints}


def differing(a: dict[str, frozenset[str]], b: dict[str, frozenset[str]]) -> int:
    """In how many touchpoint entries two processes with the same touchpoints differ by needs."""
    return sum(1 for t, n in a.items() if b.get(t) != n)


#: at most this many entries may differ for two processes to be one process copied
NEAR = 2

_SAME = Bi("совпадает по точкам и потребностям с", "has the same touchpoints and needs as")
_ONE_PROCESS = Bi(
    "опишите один процесс для всего направления (scope: direction)",
    "describe one process for the whole direction (scope: direction)",
)
_NEAR = Bi(
    "почти совпадает (те же точки, потребности отличаются не более чем в двух записях, название — только "
    "подразделением) с",
    "nearly matches (the same touchpoints, needs differing in at most two entries, the title only by the unit)",
)
_BESIDE = Bi("повторяет процесс всего направления (scope: direction)", "repeats the process of the whole direction")
_BESIDE_COVERING = Bi(
    "повторяет процесс всего направления (scope: direction), который уже охватывает его подразделение (units):",
    "repeats the process of the whole direction (scope: direction), which already covers its unit (units):",
)
_OWN_POINTS = Bi(
    "название отличается только подразделением — внесите его точки в процесс направления и удалите копию подразделения",
    "the title differs only by the unit — put its touchpoints into the direction's process and remove the unit's copy",
)
_REMOVE_COPY = Bi(
    "те же точки, потребности отличаются не более чем в двух записях — удалите копию подразделения: процесс "
    "направления охватывает все подразделения (units), отличия внесите в него",
    "the same touchpoints, needs differing in at most two entries — remove the unit's copy: the direction's "
    "process covers every unit (units); put the differences into it",
)


@register
class UniformProcessSplit(Rule):
    """Summary:
        ru: один процесс записан копиями по подразделениям: те же точки, потребности отличаются не более чем в двух
            записях
        en: one process is kept as per-unit copies: the same touchpoints, needs differing in at most two entries

    Message:
        ru: процесс «{title}» {how} {others} (направление «{direction}»): {todo}
        en: the process «{title}» {how} {others} (direction '{direction}'): {todo}

    Rationale:
        ru: «Если направление деятельности ведомства предполагает осуществление единообразного процесса всеми
            структурными подразделениями (например, рассмотрение обращений), то точки взаимодействия определяются
            для всего направления». Копия процесса для подразделения — те же точки, потребности отличаются в
            одной-двух записях, название отличается только подразделением (или оборотом «…, поступивших в отдел
            …») — или копия рядом с процессом всего направления, охватывающим ее подразделение (в том числе с одной
            лишней или недостающей точкой), означает, что процесс не определен для направления. Процесс направления о
            другом («Рассмотрение жалоб на решения контрольного органа» рядом с «Профилактикой нарушений») — не копия
            (разд. «Формирование перечня точек взаимодействия»).
        en: When a direction of activity is one uniform process in every unit (appeals, say), the touchpoints are
            determined for the whole direction, not per unit. A unit's copy — the same touchpoints, needs differing
            in an entry or two, a title differing only by the unit (or a clause «…, received by the unit …») — or a
            copy beside the process of the whole direction that covers its unit (one touchpoint more or fewer
            included) means the process was not determined for the direction. A process of the direction about
            something else (complaints about the control body's decisions beside prevention) is no copy (section
            «Формирование перечня точек взаимодействия» (forming the register)).
    """

    severity = "info"

    def check(self, reg: Registry) -> Iterator[Hit]:
        # one signature per process (direction, set of touchpoints): copies can only be within a group, so the
        # rule stays linear in the number of processes
        groups: dict[tuple[str, frozenset[str]], list[m.Process]] = defaultdict(list)
        for proc in reg.iter_processes():
            if proc.touchpoints:
                groups[(proc.direction, frozenset(e.touchpoint for e in proc.touchpoints))].append(proc)
        reported: set[str] = set()
        for (direction, _), procs in sorted(groups.items(), key=lambda kv: (kv[0][0], sorted(kv[0][1]))):
            if len(procs) < 2:
                continue
            for hit in self._group(reg, direction, sorted(procs, key=lambda p: p.id)):
                reported.add(hit.object)
                yield hit
        yield from self._one_more(reg, reported)

    def _one_more(self, reg: Registry, reported: set[str]) -> Iterator[Hit]:
        """A unit's copy that lists one touchpoint more or one fewer than the direction's process, or is titled as
        that process once the unit is left out (with the unit's own touchpoints), beside the direction's process
        that already covers the unit (its ``units`` include the copy's, or it names none): the process of the
        direction is the unit's process. Only beside a uniform process (:func:`is_uniform`): a direction-wide process of services is
        TP117's mistake, and a service beside it is not a unit's copy."""
        wide: dict[str, list[m.Process]] = defaultdict(list)
        for proc in reg.iter_processes():
            if is_uniform(proc) and proc.touchpoints:
                wide[proc.direction].append(proc)
        if not wide:
            return
        for p in sorted(reg.iter_processes(), key=lambda p: p.id):
            if p.scope == "direction" or not p.units or process_obj(p) in reported or p.direction not in wide:
                continue
            mine = needs_map(p)
            for w in wide[p.direction]:
                if w.units and not set(p.units) <= set(w.units):
                    continue
                theirs = needs_map(w)
                todo = self._copy_of(reg, p, w, mine, theirs)
                if todo is None:
                    continue
                yield self.hit(
                    *process_place(reg, p, "touchpoints"),
                    title=p.title,
                    direction=Bi(DIRECTIONS[p.direction]["ru"], DIRECTIONS[p.direction]["en"]),
                    how=_BESIDE_COVERING,
                    others=names([w.title]),
                    todo=todo,
                )
                break

    @staticmethod
    def _copy_of(
        reg: Registry, p: m.Process, w: m.Process, mine: dict[str, frozenset[str]], theirs: dict[str, frozenset[str]]
    ) -> Bi | None:
        """What to do when the unit's process ``p`` is a copy of the direction's ``w``; ``None`` when it is not."""
        extra, fewer = set(mine) - set(theirs), set(theirs) - set(mine)
        if unitless_title(reg, p.title) == unitless_title(reg, w.title) and (extra or fewer):
            return _OWN_POINTS  # the direction's process by its title, with the unit's own touchpoints
        if len(extra) + len(fewer) != 1 or not _same_subject(reg, p.title, w.title):
            return None
        if differing({t: n for t, n in mine.items() if t in theirs}, theirs) > NEAR:
            return None
        (point,) = extra or fewer
        name = reg.tp_name(point)
        return (
            Bi(
                f"отличается точкой «{name}» — добавьте ее в процесс направления и удалите копию подразделения",
                f"it differs by the touchpoint «{name}» — add it to the direction's process and remove the unit's copy",
            )
            if extra
            else Bi(
                f"в нем только нет точки «{name}» — удалите копию подразделения: процесс направления "
                "охватывает все подразделения (units)",
                f"it only lacks the touchpoint «{name}» — remove the unit's copy: the direction's process "
                "covers every unit (units)",
            )
        )

    def _group(self, reg: Registry, direction: str, procs: list[m.Process]) -> Iterator[Hit]:
        label = Bi(DIRECTIONS[direction]["ru"], DIRECTIONS[direction]["en"])
        maps = {p.id: needs_map(p) for p in procs}
        wide = [p for p in procs if p.scope == "direction"]
        exact: dict[frozenset[tuple[str, frozenset[str]]], list[m.Process]] = defaultdict(list)
        by_title: dict[str, list[m.Process]] = defaultdict(list)
        for p in procs:
            if p.scope == "direction":
                continue
            exact[frozenset(maps[p.id].items())].append(p)
            by_title[unitless_title(reg, p.title)].append(p)
        for p in procs:
            if p.scope == "direction":
                continue
            args: dict[str, Any] = {"title": p.title, "direction": label}
            beside = [
                w.title
                for w in wide
                if differing(maps[p.id], maps[w.id]) <= NEAR and _same_subject(reg, p.title, w.title)
            ]
            same = [q.title for q in exact[frozenset(maps[p.id].items())] if q is not p]
            near = [
                q.title
                for q in by_title[unitless_title(reg, p.title)]
                if q is not p and differing(maps[p.id], maps[q.id]) <= NEAR
            ]
            if beside:
                args.update(how=_BESIDE, others=names(beside), todo=_REMOVE_COPY)
            elif same and direction == "appeals":
                args.update(how=_SAME, others=_others(same), todo=_ONE_PROCESS)
            elif near:
                args.update(how=_NEAR, others=_others(near), todo=_ONE_PROCESS)
            else:
                continue
            yield self.hit(*process_place(reg, p, "touchpoints"), **args)

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
