"""``tpkit diff --format md``: a merge-request comment (GitLab note, GitHub pull-request comment).

A headline with counts, then per changed process a compact table of its
touchpoint entries with the needs as labels. Long parts fold into
``<details>``; past a size budget (GitHub refuses comments over 65,536
characters) the rest of the processes are listed by id only. Text from the
registry is escaped: a title cannot inject HTML, a table break or an
``@mention`` into the comment.
"""

from __future__ import annotations

import html

from .. import __version__
from ..lint.finding import Finding
from .diff import Diff, KindDiff, ProcedureChange, ProcessChange
from .words import changed_counts, clip, fmt_field, name_of, section_label, w

#: characters of the comment before per-process tables give way to a list of ids
BUDGET = 55_000
#: up to this many changed processes, their tables are shown unfolded
OPEN_UP_TO = 5
#: lists longer than this fold into <details>
FOLD_OVER = 10
#: findings listed in a table; the rest are counted
MAX_FINDINGS = 100

_SEV = {"error": "🔴", "warning": "🟡", "info": "🔵"}

_ESC = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "|": "\\|",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "@": "&#64;",
        "#": "&#35;",
        "\\": "\\\\",
        "\n": " ",
        "\r": " ",
    }
)

_MW = {
    "ru": {
        "kind": "",
        "tp_col": "Точка взаимодействия",
        "needs_col": "Потребности",
        "other_col": "Прочее",
        "what": "Что",
        "rule": "Правило",
        "where": "Где",
        "message": "Сообщение",
        "new_findings": "Новые замечания",
        "resolved_findings": "Устраненные замечания",
        "no_new": "Новых замечаний нет.",
        "more_findings": "…и еще {n}: {cmd}",
        "rest": "Остальные процессы ({n}) — подробности не поместились в комментарий; полный отчет: {cmd}",
    },
    "en": {
        "kind": "",
        "tp_col": "Touchpoint",
        "needs_col": "Needs",
        "other_col": "Other",
        "what": "What",
        "rule": "Rule",
        "where": "Where",
        "message": "Message",
        "new_findings": "New findings",
        "resolved_findings": "Resolved findings",
        "no_new": "No new findings.",
        "more_findings": "…and {n} more: {cmd}",
        "rest": "Other processes ({n}) — their details do not fit in a comment; the full report: {cmd}",
    },
}


def esc(text: str) -> str:
    """Registry text made inert inside Markdown and table cells."""
    return text.translate(_ESC)


def code(text: str) -> str:
    """Text as inline code that nothing inside can break out of (HTML, so no backtick games)."""
    return "<code>" + html.escape(" ".join(text.split())).replace("|", "&#124;").replace("@", "&#64;") + "</code>"


def _mw(lang: str) -> dict[str, str]:
    return _MW["ru" if lang == "ru" else "en"]


def _ref(d: Diff, kind: str, ident: str, limit: int = 80) -> str:
    name = name_of(d, kind, ident)
    return f"{code(ident)} {esc(clip(name, limit))}" if name else code(ident)


def _needs(d: Diff, codes: list[str]) -> str:
    return "; ".join(esc(d.need_labels.get(c, c)) for c in codes) or "—"


def _id_list(d: Diff, kind: str, ids: list[str], title: str) -> list[str]:
    if not ids:
        return []
    items = [f"- {_ref(d, kind, x)}" for x in ids]
    head = f"{title} ({len(ids)})"
    if len(ids) > FOLD_OVER:
        return ["<details>", f"<summary>{head}</summary>", "", *items, "", "</details>", ""]
    return [f"**{head}**", "", *items, ""]


def process_block(d: Diff, pc: ProcessChange, lang: str, open_: bool) -> list[str]:
    ww, mw = w(lang), _mw(lang)
    signs = (("➕", pc.tp_added), ("➖", pc.tp_removed), ("✏️", pc.tp_changed))
    counts = [f"{sign}{len(entries)}" for sign, entries in signs if entries]
    tail = f" · {' '.join(counts)}" if counts else ""
    title = esc(clip(pc.title, 100))
    out = [
        "<details open>" if open_ else "<details>",
        f"<summary>{code(pc.id)} {title}{tail}</summary>",
        "",
    ]
    rows: list[str] = []
    for tp in pc.tp_added:
        rows.append(f"| ➕ | {_ref(d, 'touchpoint', tp, 50)} | {_needs(d, pc.added_needs.get(tp, []))} | |")
    for tp in pc.tp_removed:
        other = ""
        if tp in pc.removed_demand:
            other = f"{ww['demand']}: {esc(str(pc.removed_demand[tp]))}"
        rows.append(f"| ➖ | {_ref(d, 'touchpoint', tp, 50)} | {_needs(d, pc.removed_needs.get(tp, []))} | {other} |")
    for c in pc.tp_changed:
        needs = []
        if c.needs_added:
            needs.append("➕ " + _needs(d, c.needs_added))
        if c.needs_removed:
            needs.append("➖ " + _needs(d, c.needs_removed))
        other = "<br>".join(esc(fmt_field(k, v, lang, 60)) for k, v in c.fields.items())
        rows.append(f"| ✏️ | {_ref(d, 'touchpoint', c.touchpoint, 50)} | {'<br>'.join(needs) or '—'} | {other} |")
    if rows:
        out += [f"| | {mw['tp_col']} | {mw['needs_col']} | {mw['other_col']} |", "|:-:|---|---|---|", *rows, ""]
    extra: list[str] = []
    if pc.file is not None:
        extra.append(f"{ww['file']}: {code(pc.file[0])} → {code(pc.file[1])}")
    extra += [esc(fmt_field(k, v, lang, 100)) for k, v in pc.fields.items()]
    for key, keyed in ((ww["features"], pc.features), (ww["notifications"], pc.notifications)):
        if keyed:
            parts = [f"➕ {esc(clip(x, 60))}" for x in keyed.added]
            parts += [f"➖ {esc(clip(x, 60))}" for x in keyed.removed]
            parts += [
                f"✏️ {esc(clip(x, 60))} ({esc('; '.join(fmt_field(f, v, lang, 60) for f, v in keyed.details.get(x, {}).items()))})"
                for x in keyed.changed
            ]
            extra.append(f"{key}: {'; '.join(parts)}")
    out += [f"- {x}" for x in extra]
    if extra:
        out.append("")
    out += ["</details>", ""]
    return out


def _objects(d: Diff, title: str, kind: str, kd: KindDiff, lang: str) -> list[str]:
    ww = w(lang)
    out = [f"#### {title}", ""]
    out += _id_list(d, kind, kd.added, f"➕ {ww['added']}")
    out += _id_list(d, kind, kd.removed, f"➖ {ww['removed']}")
    if kd.changed:
        items = []
        for oc in kd.changed:
            fields = "; ".join(esc(fmt_field(k, v, lang, 80, kind=kind)) for k, v in oc.fields.items())
            items.append(f"- {_ref(d, kind, oc.id)}: {fields}")
        head = f"✏️ {ww['changed']} ({len(kd.changed)})"
        if len(items) > FOLD_OVER:
            out += ["<details>", f"<summary>{head}</summary>", "", *items, "", "</details>", ""]
        else:
            out += [f"**{head}**", "", *items, ""]
    if kd.invalid:
        out += [f"⚠️ {', '.join(code(x) for x in kd.invalid)}: {ww['invalid']}", ""]
    return out


def _findings_table(findings: list[Finding], lang: str) -> list[str]:
    mw = _mw(lang)
    rows = [f"| | {mw['rule']} | {mw['where']} | {mw['message']} |", "|:-:|---|---|---|"]
    shown = findings[:MAX_FINDINGS]
    for f in shown:
        rows.append(
            f"| {_SEV.get(f.severity, '')} | {f.rule} {esc(f.name)} | {code(f'{f.path}:{f.line}')} | {esc(clip(f.message, 300))} |"
        )
    if len(findings) > len(shown):
        rows += ["", mw["more_findings"].format(n=len(findings) - len(shown), cmd=code("tpkit lint --since BASE"))]
    return [*rows, ""]


def _summary_table(d: Diff, lang: str) -> list[str]:
    ww = w(lang)
    c = d.counts()
    rows = [f"| | ➕ {ww['added']} | ➖ {ww['removed']} | ✏️ {ww['changed']} |", "|---|--:|--:|--:|"]
    rows += [f"| {ww[word]} | {k['added']} | {k['removed']} | {k['changed']} |" for word, k in changed_counts(c)]
    if d.agency:
        rows.append(f"| {ww['agency']} | | | {len(d.agency)} |")
    return rows if len(rows) > 2 else []


def _added_removed(d: Diff, kind: str, heading: str, kd: KindDiff, ww: dict[str, str]) -> list[str]:
    """A kind's heading, then the ids added and removed."""
    out = [f"#### {heading}", ""]
    out += _id_list(d, kind, kd.added, f"➕ {ww['added']}")
    out += _id_list(d, kind, kd.removed, f"➖ {ww['removed']}")
    return out


def _invalid(kd: KindDiff, ww: dict[str, str]) -> list[str]:
    return [f"⚠️ {', '.join(code(x) for x in kd.invalid)}: {ww['invalid']}", ""] if kd.invalid else []


def _processes(d: Diff, lang: str, size: int) -> list[str]:
    """The processes section; changed processes are shown in full while the comment stays under BUDGET
    (``size``: what comes before), the rest by id."""
    ww, mw = w(lang), _mw(lang)
    out = _added_removed(d, "process", ww["processes"], d.processes, ww)
    changed = d.processes.changed
    if changed:
        out += [f"**✏️ {ww['changed']} ({len(changed)})**", ""]
        size += sum(len(x) + 1 for x in out)
        open_ = len(changed) <= OPEN_UP_TO
        rest: list[ProcessChange] = []
        for i, pc in enumerate(changed):
            block = process_block(d, pc, lang, open_)
            block_size = sum(len(x) + 1 for x in block)
            if size + block_size > BUDGET:
                rest = changed[i:]
                break
            out += block
            size += block_size
        if rest:
            out += [
                "<details>",
                f"<summary>{mw['rest'].format(n=len(rest), cmd=code('tpkit diff ' + d.base + ' --format text'))}</summary>",
                "",
                ", ".join(code(pc.id) for pc in rest),
                "",
                "</details>",
                "",
            ]
    return out + _invalid(d.processes, ww)


def _procedure_row(d: Diff, prc: ProcedureChange, lang: str) -> str:
    ww = w(lang)
    listed = [esc(section_label(s, lang)) for s in prc.sections]
    if prc.register_sections:
        by_register = "; ".join(esc(section_label(s, lang)) for s in prc.register_sections)
        listed.append(f"{ww['register_sections']}: {by_register}")
    sections = "<br>".join(listed) or "—"
    other = [esc(fmt_field(k, v, lang, 80)) for k, v in prc.fields.items()]
    if prc.file is not None:
        other.insert(0, f"{ww['file']}: {code(prc.file[0])} → {code(prc.file[1])}")
    a = prc.assessment
    if a:
        parts = [f"➕ {x}" for x in a.added] + [f"➖ {x}" for x in a.removed] + [f"✏️ {x}" for x in a.changed]
        other.append(f"{ww['assessment']}: {esc(', '.join(parts))}")
    return f"| {_ref(d, 'procedure', prc.id, 60)} | {sections} | {'<br>'.join(other) or '—'} |"


def _procedures(d: Diff, lang: str) -> list[str]:
    ww, mw = w(lang), _mw(lang)
    out = _added_removed(d, "procedure", ww["procedures"], d.procedures, ww)
    changed = d.procedures.changed
    if changed:
        rows = [f"| {mw['what']} | {ww['sections'].capitalize()} | {ww['other'].capitalize()} |", "|---|---|---|"]
        rows += [_procedure_row(d, prc, lang) for prc in changed]
        body = [*rows, ""]
        if len(changed) > FOLD_OVER:
            body = ["<details>", f"<summary>✏️ {ww['changed']} ({len(changed)})</summary>", "", *body, "</details>", ""]
        out += body
    return out + _invalid(d.procedures, ww)


def _findings(d: Diff, lang: str) -> list[str]:
    ww, mw = w(lang), _mw(lang)
    nf, rf = len(d.introduced), len(d.resolved)
    out = [f"#### {ww['findings']}", ""]
    if d.introduced:
        table = _findings_table(d.introduced, lang)
        if nf > FOLD_OVER:
            out += ["<details open>", f"<summary>{mw['new_findings']} ({nf})</summary>", "", *table, "</details>", ""]
        else:
            out += [f"**{mw['new_findings']} ({nf})**", "", *table]
    else:
        out += [mw["no_new"], ""]
    if d.resolved:
        out += [
            "<details>",
            f"<summary>{mw['resolved_findings']} ({rf})</summary>",
            "",
            *_findings_table(d.resolved, lang),
            "</details>",
            "",
        ]
    return out


def render(d: Diff, *, lang: str = "ru", color: bool = False) -> str:
    ww = w(lang)
    out = [f"### tpkit diff: {code(d.base)} → {code(d.head)}", ""]
    if d.empty:
        out += [ww["no_changes"] + ".", ""]
        return "\n".join(out)
    nf, rf = len(d.introduced), len(d.resolved)
    mark = "⚠️" if any(f.severity == "error" for f in d.introduced) else ("🟡" if nf else "✅")
    out += [f"{mark} **{ww['findings']}:** {ww['introduced']} — **{nf}**, {ww['resolved']} — {rf}", ""]
    out += _summary_table(d, lang)
    if out[-1] != "":
        out.append("")
    if d.processes:
        out += _processes(d, lang, sum(len(x) + 1 for x in out))
    if d.touchpoints:
        out += _objects(d, ww["touchpoints"], "touchpoint", d.touchpoints, lang)
    if d.procedures:
        out += _procedures(d, lang)
    for kind, key in (("act", "acts"), ("official", "officials"), ("unit", "units"), ("need", "needs")):
        kd: KindDiff = getattr(d, key)
        if kd:
            out += _objects(d, ww[key], kind, kd, lang)
    if d.agency:
        out += [f"#### {ww['agency']}", ""]
        out += [f"- {esc(fmt_field(k, v, lang, 100))}" for k, v in d.agency.items()]
        out.append("")
    out += _findings(d, lang)
    out += [f"<sub>tpkit {__version__} · {code('tpkit diff ' + d.base)}</sub>", ""]
    return "\n".join(out)
