"""The touchpoint of every row: the catalogue's, or a new catalogue entry.

A row's touchpoint is the catalogue's when its name is, or when it is the same channel reached the same way
(:mod:`tpkit.registry.sameness`: «ЕПГУ (подача заявления)» is ``epgu``); else a new one. A new touchpoint gets its
id and its channel once every row has been resolved, so the channel can follow what happens there over all the
rows that name it (:mod:`.channel`), and the basis and responsible official every one of those rows agrees on. A row
naming a new touchpoint with another form than the first row naming it is a conflict: the first is kept.
"""

from __future__ import annotations

from typing import Any

from ...registry import Registry
from ...registry.enums import CHANNELS, FORM_LABELS
from ...registry.sameness import SamenessIndex, strip_stage_words, touchpoint_keys, touchpoint_keys_of
from .cells import Lookup, ParsedRow
from .channel import from_name, new_channel
from .ledger import Unmapped
from .match import guess_channel, norm, touchpoint_id, well_known_id

RowKey = tuple[str, int]


def row_key(p: ParsedRow) -> RowKey:
    return (p.row.sheet, p.row.number)


def form_label(form: str) -> str:
    return FORM_LABELS[form]["ru"]


class Touchpoints:
    """Touchpoint names of the rows -> ids: the catalogue's, or new ones (by a provisional key until
    :meth:`finish`)."""

    def __init__(self, reg: Registry) -> None:
        self.reg = reg
        self.of: dict[RowKey, str] = {}
        #: new | catalogue | same (a new touchpoint an earlier row named)
        self.how: dict[RowKey, str] = {}
        self.new: dict[str, dict[str, Any]] = {}
        #: a new touchpoint -> the rows naming it, the first first
        self.rows: dict[str, list[ParsedRow]] = {}
        #: a new touchpoint's id -> why its channel (a key of :data:`.texts.CHANNEL_WHY`)
        self.why: dict[str, str] = {}
        self.same = SamenessIndex()
        for tp in reg.touchpoints.values():
            self.same.add(tp.id, touchpoint_keys_of(tp))

    def id_of(self, p: ParsedRow) -> str:
        return self.of[row_key(p)]

    def catalogue(self, tid: str) -> tuple[list[str], str | None]:
        """The basis and the responsible official the catalogue gives a touchpoint."""
        if tid in self.new:
            return list(self.new[tid].get("basis", [])), self.new[tid].get("responsible")
        tp = self.reg.touchpoints[tid]
        return list(tp.basis), tp.responsible

    def resolve(self, look: Lookup, p: ParsedRow, report: list[Unmapped], conflicts: list[Unmapped]) -> None:
        """Give the row its touchpoint: by name in the catalogue, by sameness, or a new entry."""
        key = row_key(p)
        existing = look.touchpoints.get(norm(p.tp_name))
        channel = guess_channel(strip_stage_words(p.tp_name), p.form)
        if existing is None:
            existing = self.same.find(touchpoint_keys(p.tp_name, channel))
        if existing is None:  # «МФЦ» is the catalogue's ``mfc`` of the same channel, whatever its full name
            known = well_known_id(p.tp_name)
            if known is not None and known in self.reg.touchpoints and self.reg.touchpoints[known].channel == channel:
                existing = known
        if existing is None:
            existing = f"#{len(self.new)}"  # provisional: the id follows the channel, known at the end
            self.how[key] = "new"
            self.new[existing] = {"name": strip_stage_words(p.tp_name), "channel": channel}
            self.rows[existing] = [p]
            self.same.add(existing, touchpoint_keys(p.tp_name, channel))
            look.touchpoints.setdefault(norm(p.tp_name), existing)
        elif existing in self.new:
            self.how[key] = "same"
            self._same_form(p, self.rows[existing], conflicts)
            self.rows[existing].append(p)
        else:
            self.how[key] = "catalogue"
            self._catalogue_entry(p, existing, report)
        self.of[key] = existing

    @staticmethod
    def _same_form(p: ParsedRow, earlier: list[ParsedRow], conflicts: list[Unmapped]) -> None:
        first = next((e for e in earlier if e.form is not None), None)
        if p.form is not None and first is not None and first.form is not None and p.form != first.form:
            said = form_label(p.form)
            conflicts.append(p.row.unmapped("form", said, "conflict", first.row.where, form_label(first.form)))
            p.notes.append(f"форма: {said}")

    def _catalogue_entry(self, p: ParsedRow, tid: str, report: list[Unmapped]) -> None:
        tp = self.reg.touchpoints[tid]
        if p.form is not None and CHANNELS[tp.channel]["form"] != p.form:
            report.append(p.row.unmapped("form", p.tp_name, "catalogue-form"))
        for a in p.accessibility:
            if a not in tp.accessibility:
                report.append(p.row.unmapped("features", a, "catalogue-access"))

    def finish(self) -> None:
        """Ids and channels of the new touchpoints, and what every row naming each agrees on."""
        taken = set(self.reg.touchpoints) | set(self.reg.raw_ids.get("touchpoint", set()))
        ids: dict[str, str] = {}
        final: dict[str, dict[str, Any]] = {}
        for provisional, tp in self.new.items():
            uses = self.rows[provisional]
            form = next((u.form for u in uses if u.form is not None), None)
            needs = {n for u in uses for n in u.needs}
            channel, why = new_channel(uses[0].tp_name, form, needs)
            ident = touchpoint_id(tp["name"], channel, taken)
            ids[provisional] = ident
            self.why[ident] = why
            data: dict[str, Any] = {"id": ident, "name": tp["name"], "channel": channel}
            data.update(from_name(tp["name"], channel, why))
            common = [b for b in uses[0].basis if all(b in u.basis for u in uses)]
            if common:
                data["basis"] = common
            resps = {u.responsible for u in uses}
            if len(resps) == 1 and None not in resps:
                data["responsible"] = uses[0].responsible
            access = list(dict.fromkeys(a for u in uses for a in u.accessibility))
            if access:
                data["accessibility"] = access
            final[ident] = data
        self.of = {k: ids.get(v, v) for k, v in self.of.items()}
        self.new = final
