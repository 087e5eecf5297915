"""The language features over a :class:`~tpkit.server.workspace.RegistryWorkspace`.

Positions here are 0-based lines and columns in code points (:class:`Loc`); the protocol layer converts
them to the client's units with a :class:`Ranges`. Nothing here reads stdin or writes stdout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from lsprotocol import types as t

from .workspace import Diag, Entry, IdInfo, Loc, RegistryWorkspace
from .yamlctx import Token, context_at, ref_kind, scan, token_at

SEVERITY = {
    "error": t.DiagnosticSeverity.Error,
    "warning": t.DiagnosticSeverity.Warning,
    "info": t.DiagnosticSeverity.Information,
}
_ITEM_KIND = {
    "touchpoint": t.CompletionItemKind.Reference,
    "need": t.CompletionItemKind.EnumMember,
    "act": t.CompletionItemKind.File,
    "official": t.CompletionItemKind.Variable,
    "unit": t.CompletionItemKind.Folder,
    "feature": t.CompletionItemKind.Property,
    "procedure": t.CompletionItemKind.Module,
    "section": t.CompletionItemKind.Field,
}
SOURCE = "tpkit"
MERGE_CODE = "TP104"


class Ranges(Protocol):
    """Converts a :class:`Loc` to the client's position units (it knows every file's text)."""

    def range(self, loc: Loc) -> t.Range: ...

    def uri(self, rel: str) -> str: ...


@dataclass(frozen=True, slots=True)
class Spot:
    """Where a request stands: the registry, the file (its path and kind), its lines, the code-point position."""

    ws: RegistryWorkspace
    rel: str
    file_kind: str
    lines: Sequence[str]
    line: int
    column: int

    def token(self) -> tuple[str, Token] | None:
        """The reference kind and the id token under the cursor."""
        return token_at(self.file_kind, self.lines, self.line, self.column)


def _kinds(kind: str) -> list[str]:
    return kind.split("|")


# --- diagnostics ------------------------------------------------------------------------------


def diagnostic(d: Diag, ranges: Ranges, href: str | None, version: int | None = None) -> t.Diagnostic:
    """A finding for the editor; ``href`` (the rule's documentation) only where it is documented: without it
    the code links nowhere, and a hover on the finding shows the rule's text (:func:`hover`). ``version``: the
    document's version the lint saw (in ``data``: a code action checks it)."""
    return t.Diagnostic(
        range=ranges.range(d.loc),
        message=d.message,
        severity=SEVERITY.get(d.severity, t.DiagnosticSeverity.Information),
        code=d.code,
        code_description=t.CodeDescription(href=href) if href else None,
        source=SOURCE,
        data={"name": d.name, "always_on": d.always_on, "version": version},
    )


def _lines(r: t.Range) -> tuple[int, int]:
    end = r.end.line
    if r.end.character == 0 and end > r.start.line:
        end -= 1  # a range up to the start of a line does not touch that line
    return r.start.line, end


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def current_diagnostics(
    asked: Sequence[t.Diagnostic], fresh: Sequence[t.Diagnostic], version: int | None, where: t.Range
) -> list[t.Diagnostic]:
    """The current diagnostics a code action request is about (fixes are computed from these only).

    A diagnostic the client holds from the current version is one of ``fresh``; one from an older version
    (``data.version``) stands for the current ones of its code on its lines or the request's lines (the
    client may or may not have moved it with the edits); when none is left, it gets no fix.
    """
    out: list[t.Diagnostic] = []
    for d in asked:
        if d.source != SOURCE or not isinstance(d.code, str):
            continue
        same = [f for f in fresh if f.code == d.code]
        data_version = d.data.get("version") if isinstance(d.data, dict) else None
        exact = [f for f in same if f.range == d.range] if data_version == version else []
        near = exact or [
            f for f in same if _overlap(_lines(f.range), _lines(d.range)) or _overlap(_lines(f.range), _lines(where))
        ]
        out.extend(f for f in near if f not in out)
    return out


# --- completion --------------------------------------------------------------------------------


def completion(spot: Spot, ranges: Ranges) -> list[t.CompletionItem]:
    ctx = context_at(spot.file_kind, spot.lines, spot.line, spot.column)
    if ctx is None:
        return []
    items: list[t.CompletionItem] = []
    replace = ranges.range(Loc(spot.rel, spot.line, ctx.start, spot.line, spot.column))
    for kind in _kinds(ctx.kind):
        for n, info in enumerate(spot.ws.ids(kind)):
            if ctx.prefix and not (info.ident.startswith(ctx.prefix) or ctx.prefix.lower() in info.detail.lower()):
                continue
            new_text = ctx.lead + info.ident + (":" if kind == "section" else "")
            items.append(
                t.CompletionItem(
                    label=info.ident,
                    kind=_ITEM_KIND.get(kind),
                    detail=info.detail,
                    documentation=t.MarkupContent(kind=t.MarkupKind.Markdown, value=info.markdown),
                    filter_text=f"{info.ident} {info.detail}",
                    sort_text=f"{n:05d}",
                    text_edit=t.TextEdit(range=replace, new_text=new_text),
                )
            )
    return items


# --- hover, definition, references -------------------------------------------------------------


def _lookup(ws: RegistryWorkspace, kind: str, ident: str) -> IdInfo | None:
    for k in _kinds(kind):
        info = ws.describe(k, ident)
        if info is not None:
            return info
    return None


def hover(spot: Spot, ranges: Ranges) -> t.Hover | None:
    """What the id under the cursor is, and the rule of each finding that covers the cursor (its summary, why,
    and its link when the rule is documented somewhere)."""
    parts: list[str] = []
    where: Loc | None = None
    found = spot.token()
    if found is not None:
        kind, tok = found
        info = _lookup(spot.ws, kind, tok.text)
        if info is not None:
            parts.append(info.markdown)
            where = Loc(spot.rel, spot.line, tok.start, spot.line, tok.end)
    for d in spot.ws.diagnostics_at(spot.rel, spot.line, spot.column):
        text = spot.ws.rule_hover(d.code)
        if text is not None and text not in parts:
            parts.append(text)
            where = where or d.loc
    if where is None:
        return None
    return t.Hover(
        contents=t.MarkupContent(kind=t.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
        range=ranges.range(where),
    )


def definition(spot: Spot, ranges: Ranges) -> list[t.Location]:
    found = spot.token()
    if found is None:
        return []
    kind, tok = found
    for k in _kinds(kind):
        loc = spot.ws.declaration(k, tok.text)
        if loc is not None:
            return [t.Location(uri=ranges.uri(loc.rel), range=ranges.range(loc))]
    return []


def references(spot: Spot, include_declaration: bool, ranges: Ranges) -> list[t.Location]:
    """Every place that names the id under the cursor (a touchpoint: processes, features, procedures)."""
    found = spot.token()
    if found is None:
        return []
    kind, tok = found
    wanted = set(_kinds(kind))
    out: list[t.Location] = []
    for rel, kind_of_file, text in spot.ws.files():
        for info in scan(text.splitlines()):
            k = ref_kind(kind_of_file, info.path)
            if k is None or not wanted & set(_kinds(k)):
                continue
            if info.path[-1] == "id" and not include_declaration:
                continue
            for token in info.tokens:
                if token.text == tok.text:
                    loc = Loc(rel, info.line, token.start, info.line, token.end)
                    out.append(t.Location(uri=ranges.uri(rel), range=ranges.range(loc)))
    return out


# --- code actions ------------------------------------------------------------------------------


def suppression_edit(rel: str, lines: Sequence[str], line: int, code: str, ranges: Ranges) -> t.TextEdit | None:
    """Add ``# tpkit: ignore[CODE] -- `` to a line (or the code to the line's ignore list)."""
    if not 0 <= line < len(lines):
        return None
    text = lines[line].rstrip("\r\n")
    marker = "# tpkit: ignore["
    at = text.find(marker)
    if at >= 0:
        close = text.find("]", at)
        if close < 0:
            return None
        codes = [c.strip() for c in text[at + len(marker) : close].split(",") if c.strip()]
        if code in codes:
            return None
        return t.TextEdit(range=ranges.range(Loc(rel, line, close, line, close)), new_text=f", {code}")
    end = len(text)
    return t.TextEdit(range=ranges.range(Loc(rel, line, end, line, end)), new_text=f"  # tpkit: ignore[{code}] -- ")


def merge_edits(
    rel: str, entries: list[Entry], line: int, lines: Sequence[str], ranges: Ranges
) -> list[t.TextEdit] | None:
    """For the repeated touchpoint entry starting on ``line``: its needs into the first entry, itself removed."""
    second = next((i for i, e in enumerate(entries) if e.item.line == line), None)
    if second is None:
        return None
    tp = entries[second].touchpoint
    first = next(i for i, e in enumerate(entries) if e.touchpoint == tp)
    if first == second:
        return None
    a, b = entries[first], entries[second]
    merged = list(a.needs) + [n for n in b.needs if n not in a.needs]
    edits: list[t.TextEdit] = []
    flow = f"needs: [{', '.join(merged)}]"
    if a.needs_loc is not None:
        edits.append(t.TextEdit(range=ranges.range(a.needs_loc), new_text=flow))
    elif merged:
        at = a.touchpoint_loc
        eol = len(lines[at.end_line].rstrip("\r\n"))
        end = Loc(rel, at.end_line, eol, at.end_line, eol)
        edits.append(t.TextEdit(range=ranges.range(end), new_text="\n" + " " * at.column + flow))
    # the second entry: from its line (with the dash) to the end of its last line
    last = b.item.end_line
    if last < len(lines) and not lines[last][: b.item.end_column].strip(" -"):
        last -= 1  # the node ends where the next item's dash begins
    cut = (
        Loc(rel, b.item.line, 0, last + 1, 0)
        if last + 1 < len(lines)
        else Loc(rel, b.item.line, 0, last, len(lines[last]))
    )
    edits.append(t.TextEdit(range=ranges.range(cut), new_text=""))
    return edits


def _edit(uri: str, edits: list[t.TextEdit], version: int | None) -> t.WorkspaceEdit:
    if version is None:
        return t.WorkspaceEdit(changes={uri: edits})
    doc = t.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
    return t.WorkspaceEdit(document_changes=[t.TextDocumentEdit(text_document=doc, edits=list(edits))])


def code_actions(
    ws: RegistryWorkspace,
    rel: str,
    lines: Sequence[str],
    diagnostics: Sequence[t.Diagnostic],
    ranges: Ranges,
    version: int | None = None,
) -> list[t.CodeAction]:
    """Quick fixes for tpkit's current diagnostics (only their start lines are read: lines need no conversion).

    ``ws`` must have linted ``lines`` (see :func:`current_diagnostics`); ``version``: the document version the
    edits are for (a client that knows versioned edits refuses them on any other text).
    """
    uri = ranges.uri(rel)
    out: list[t.CodeAction] = []
    for d in diagnostics:
        if d.source != SOURCE or not isinstance(d.code, str):
            continue
        always_on = isinstance(d.data, dict) and bool(d.data.get("always_on"))
        line = d.range.start.line
        if d.code == MERGE_CODE:
            edits = merge_edits(rel, ws.process_entries(rel), line, lines, ranges)
            if edits:
                out.append(
                    t.CodeAction(
                        title="Перенести потребности в первую запись этой точки и удалить повтор",
                        kind=t.CodeActionKind.QuickFix,
                        diagnostics=[d],
                        is_preferred=True,
                        edit=_edit(uri, edits, version),
                    )
                )
        if not always_on:
            edit = suppression_edit(rel, lines, line, d.code, ranges)
            if edit is not None:
                out.append(
                    t.CodeAction(
                        title=f"Подавить {d.code} в этой строке (# tpkit: ignore[{d.code}] -- причина)",
                        kind=t.CodeActionKind.QuickFix,
                        diagnostics=[d],
                        edit=_edit(uri, [edit], version),
                    )
                )
    return out
