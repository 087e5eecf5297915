"""Map, cell by cell: the labels of one row back to registry codes (needs, acts, officials, demand, form).

Labels are mapped through the registry the import runs in: needs through
their labels (full, short, or the code), else through the word stems of free
text (:mod:`.needs`); acts through ``acts.yaml`` (as the export prints them, by
title, or by id), officials through ``agency.yaml``, touchpoints through the
catalogue by name. What cannot be mapped is reported, never guessed silently;
a needs item that names no need is kept in the entry's ``notes``.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from ...registry import Registry
from ...registry.enums import DEMAND_WORDS, DIRECTIONS, FORM_LABELS, NEEDS
from ...registry.models import ID_PATTERN
from ...registry.synonyms import needs_in
from ...render.register_columns import LIST_SEP, act_text, official_text
from .channel import address_only, phone_only
from .match import FORM_WORDS, guess_channel, norm
from .needs import form_in, is_accessibility, split_items
from .read import Row, Unmapped, cell_text


def _index(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """Normalized name -> id; the first name wins."""
    out: dict[str, str] = {}
    for name, ident in pairs:
        out.setdefault(norm(name), ident)
    return out


_SURNAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
#: a surname with initials, either way round: «Петрова М. И.», «М.И. Петрова»
_INITIALS = re.compile(
    rf"(?P<s1>{_SURNAME})\s+(?P<f1>[А-ЯЁ])\.\s*(?P<m1>[А-ЯЁ])\.?|(?P<f2>[А-ЯЁ])\.\s*(?P<m2>[А-ЯЁ])\.\s*(?P<s2>{_SURNAME})"
)


class Lookup:
    """The registry's names for needs, acts, officials and touchpoints, normalized, to their ids."""

    def __init__(self, reg: Registry) -> None:
        need_names = [(name, code) for code, v in NEEDS.items() for name in (v["ru"], v["en"], v["short"], code)]
        if reg.agency is not None:
            need_names += [
                (name, need.id) for need in reg.agency.needs for name in (need.name, need.short or "", need.id) if name
            ]
        self.needs = _index(need_names)
        acts = list(reg.acts.values())
        self.acts = _index([(act_text(a), a.id) for a in acts] + [(x, a.id) for a in acts for x in (a.title, a.id)])
        officials = list(reg.officials.values())
        self.officials = _index(
            [(official_text(o), o.id) for o in officials] + [(x, o.id) for o in officials for x in (o.name, o.id)]
        )
        #: (id, name) of each official with a real name, for a cell that names one among other words
        self.people = [(o.id, o.name) for o in officials if "<" not in o.name]
        self.touchpoints = _index([(x, tp.id) for tp in reg.touchpoints.values() for x in (tp.name, tp.id)])
        self.forms = {norm(v["ru"]): k for k, v in FORM_LABELS.items()}

    def official_in(self, text: str) -> str | None:
        """The one official a cell names among other words (a phone, the position): by the full name, or by the
        surname and initials («Петрова М. И.», «М.И. Петрова»); ``None`` when it names none or several."""
        said = f" {norm(text)} "
        found = {oid for oid, name in self.people if f" {norm(name)} " in said}
        for mt in _INITIALS.finditer(text):
            surname, first, middle = mt["s1"] or mt["s2"], mt["f1"] or mt["f2"], mt["m1"] or mt["m2"]
            for oid, name in self.people:
                parts = name.split()
                if len(parts) == 3 and parts[0] == surname and (parts[1][0], parts[2][0]) == (first, middle):
                    found.add(oid)
        return next(iter(found)) if len(found) == 1 else None

    def need_codes(self, text: str) -> tuple[list[str], list[str]]:
        """The need codes of a cell and the items that name none.

        An item (split by «;», lines and list marks) is a need's label, or labels split by commas, or free text
        whose word stems name needs («подача заявления в электронной форме» -> ``submit``).
        """
        codes: list[str] = []
        unknown: list[str] = []
        for piece in split_items(text):
            code = self.needs.get(norm(piece))
            if code is not None:
                codes.append(code)
                continue
            parts = [p.strip() for p in piece.split(",") if p.strip()]
            mapped = [self.needs.get(norm(p)) for p in parts]
            if parts and all(mapped):
                codes.extend(m for m in mapped if m)
                continue
            found = needs_in(piece)
            if found:
                codes.extend(found)
            else:
                unknown.append(piece)
        return list(dict.fromkeys(codes)), unknown


def split_list(value: Any) -> list[str]:
    """The items of a cell that holds several (separated as the export writes them, or by lines)."""
    text = cell_text(value)
    if not text:
        return []
    return [p.strip() for p in re.split(rf"{re.escape(LIST_SEP.strip())}\s*|\n+", text) if p.strip()]


#: a count of requests: digits, or groups of three spaced (a no-break space too)
_COUNT = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+")


def demand_value(value: Any) -> tuple[int | str | None, bool]:
    """The demand of a cell (a number of requests a year or a demand word) and whether the cell made sense."""
    if value is None or cell_text(value) == "":
        return None, True
    if isinstance(value, (bool, datetime.date, datetime.time, datetime.timedelta)):
        return None, False  # a date is no count (0.2.0 read 15.01.2024 as 20240115)
    if isinstance(value, (int, float)):
        return (int(value), True) if float(value).is_integer() and value >= 0 else (None, False)
    text = norm(value)
    for code, labels in DEMAND_WORDS.items():
        if text in (norm(labels["ru"]), norm(labels["en"]), code):
            return code, True
    # a count, its thousands spaced («1 200 обращений в год»); not any cell's digits run together: «10-20», «12,5»
    count = re.sub(r"\s*(обращени[йяе])?\s*(в год)?$", "", cell_text(value).casefold())
    if _COUNT.fullmatch(count):
        return int(re.sub(r"\s", "", count)), True
    if text in ("низкая", "маловостребованная", "мало"):
        return "low", True
    if text in ("нет данных", "не велся", "учет не ведется", "неизвестно"):
        return "unknown", True
    return None, False


@dataclass
class ParsedRow:
    """One row with its cells mapped to registry codes."""

    row: Row
    process: str
    direction: str
    tp_name: str
    form: str | None
    needs: list[str]
    basis: list[str]
    responsible: str | None
    demand: int | str | None
    features: list[str] = field(default_factory=list)
    #: needs items that named no need: kept in the entry's ``notes``
    notes: list[str] = field(default_factory=list)
    #: equal-access words («пандус») from the features cell: the catalogue entry's ``accessibility``
    accessibility: list[str] = field(default_factory=list)
    #: the process id from an «id процесса» column, when it holds a valid one
    pid: str | None = None


def _acts(look: Lookup, row: Row, report: list[Unmapped]) -> list[str]:
    basis: list[str] = []
    for item in split_list(row.cells.get("basis")):
        act = look.acts.get(norm(item))
        if act is None:
            report.append(row.unmapped("basis", item, "act"))
        elif act not in basis:
            basis.append(act)
    return basis


def _features(row: Row, form: str | None, report: list[Unmapped]) -> tuple[list[str], list[str], str | None]:
    """The features cell: features proper, accessibility items, and the form when an item names it (an item naming
    another form than the form column is kept with the features: it goes to ``notes``)."""
    features: list[str] = []
    access: list[str] = []
    for item in split_items(cell_text(row.cells.get("features"))):
        said = form_in(item)
        if said is not None and len(norm(item).split()) <= 3 and form in (None, said):
            form = said  # «цифровая точка», «оффлайн точка»
        elif said is not None and len(norm(item).split()) <= 3:
            report.append(row.unmapped("features", item, "form-twice"))
            features.append(item)
        elif is_accessibility(item):
            access.append(item)
        else:
            features.append(item)
    return features, access, form


def _form(look: Lookup, row: Row, report: list[Unmapped]) -> str | None:
    text = cell_text(row.cells.get("form"))
    form_text = norm(text)
    form = FORM_WORDS.get(form_text) or look.forms.get(form_text) or (form_in(text) if text else None)
    if form_text and form is None:
        report.append(row.unmapped("form", text, "form"))
    return form


def _pid(row: Row, report: list[Unmapped]) -> str | None:
    pid = cell_text(row.cells.get("pid"))
    if not pid:
        return None
    if re.fullmatch(ID_PATTERN, pid) is None:
        report.append(row.unmapped("pid", pid, "pid"))
        return None
    return pid


#: a touchpoint cell that names none: the row is not understood (its text in the plan), not a touchpoint «нет»
NO_TOUCHPOINT = ("", "нет", "отсутствует", "не предусмотрено", "none", "n a")


def why_unread(row: Row) -> str | None:
    """Why a row cannot be written (a key of :data:`.texts.REASONS`): no process, no touchpoint; ``None`` if it
    can."""
    if not cell_text(row.cells.get("process")) and not row.per_direction:
        return "no-process"
    if norm(row.cells.get("touchpoint")) in NO_TOUCHPOINT:
        return "no-touchpoint"
    return None


def named_channels(name: str) -> list[str]:
    """The channels the parts of a touchpoint cell name, split by lines, «;» and «,» outside brackets («ЕПГУ⏎МФЦ»:
    portal, one_stop_center); a part that is only a phone number, an address or a web address names none."""
    parts = re.split(r"[\n;,](?![^(«]*[)»])", name)
    found: list[str] = []
    for part in (p.strip() for p in parts):
        if not part or phone_only(part) or address_only(part):
            continue
        channel = guess_channel(part, None)
        if channel not in ("other_digital", "other_offline") and channel not in found:
            found.append(channel)
    return found


def parse_row(look: Lookup, row: Row, report: list[Unmapped]) -> ParsedRow:
    """The row's cells as codes (a row :func:`why_unread` lets through); what cannot be mapped into ``report``."""
    c = row.cells
    tp_name = cell_text(c.get("touchpoint"))
    if len(named_channels(tp_name)) > 1:  # «ЕПГУ⏎МФЦ»: written to one, and said
        report.append(row.unmapped("touchpoint", tp_name, "several-touchpoints"))
    process = cell_text(c.get("process")) or DIRECTIONS[row.direction]["ru"]
    needs, unknown_needs = look.need_codes(cell_text(c.get("needs")))
    for u in unknown_needs:
        report.append(row.unmapped("needs", u, "need"))
    basis = _acts(look, row, report)
    resp_text = cell_text(c.get("responsible"))
    responsible = look.officials.get(norm(resp_text)) if resp_text else None
    if resp_text and responsible is None:
        responsible = look.official_in(resp_text)  # «Петрова М. И., тел. …»: the cell's text stays in the plan
        if responsible is None:
            report.append(row.unmapped("responsible", resp_text, "official"))
        else:
            report.append(row.unmapped("responsible", resp_text, "official-in", responsible))
    demand, ok = demand_value(c.get("demand"))
    if not ok:
        report.append(row.unmapped("demand", cell_text(c.get("demand")), "demand"))
    features, access, form = _features(row, _form(look, row, report), report)
    return ParsedRow(
        row=row,
        process=process,
        direction=row.direction,
        tp_name=tp_name,
        form=form,
        needs=needs,
        basis=basis,
        responsible=responsible,
        demand=demand,
        features=features,
        notes=[*unknown_needs, *(f"{name}: {text}" for name, text in row.extra)],
        accessibility=access,
        pid=_pid(row, report),
    )
