"""The Language Server Protocol side: pygls handlers, open documents, debounced diagnostics.

One :class:`RegistryWorkspace` per registry root found above an opened file. A change to a buffer is
recorded at once and the registry is linted after :data:`DEBOUNCE` seconds without further changes; the
diagnostics of every open file of that registry are then published when they differ from the last ones
sent (a duplicate id in ``touchpoints.yaml`` changes what the processes show).
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lsprotocol import types as t
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path
from pygls.workspace import TextDocument

from .. import __version__
from . import debounce, features
from .workspace import Loc, RegistryWorkspace, kind_of, root_of

#: seconds of quiet after a change before the registry is linted again (``tpkit server`` has checked the variable)
DEBOUNCE = debounce()


class TpkitServer(LanguageServer):
    def __init__(self, lang: str | None = None) -> None:
        super().__init__("tpkit", __version__, text_document_sync_kind=t.TextDocumentSyncKind.Incremental)
        #: the language of findings and hovers asked for on the command line (None: each registry's own)
        self.lang = lang
        self.registries: dict[Path, RegistryWorkspace] = {}
        #: open document uri -> (root, path relative to the root)
        self.open_docs: dict[str, tuple[Path, str]] = {}
        self.published: dict[str, list[tuple[Any, ...]]] = {}
        #: open document uri -> (the version the last lint saw, its diagnostics): what code actions work from
        self.current: dict[str, tuple[int | None, list[t.Diagnostic]]] = {}
        self.timers: dict[Path, asyncio.TimerHandle] = {}

    # -- documents ----------------------------------------------------------------------------

    def place(self, uri: str) -> tuple[RegistryWorkspace, str] | None:
        """The registry of a document and its path in it (``None``: not a registry file)."""
        known = self.open_docs.get(uri)
        if known is not None:
            return self.registries[known[0]], known[1]
        fs = to_fs_path(uri)
        if fs is None:
            return None
        path = Path(fs)
        root = root_of(path.parent)
        if root is None:
            return None
        try:
            rel = path.resolve().relative_to(root).as_posix()
        except ValueError:
            return None
        if kind_of(rel) is None:
            return None
        ws = self.registries.get(root)
        if ws is None:
            ws = self.registries[root] = RegistryWorkspace(root, self.lang)
        return ws, rel

    def opened(self, uri: str) -> None:
        placed = self.place(uri)
        if placed is None:
            return
        ws, rel = placed
        self.open_docs[uri] = (ws.root, rel)
        ws.set_buffer(rel, self.workspace.get_text_document(uri).source)
        self.schedule(ws.root, 0.0)

    def changed(self, uri: str) -> None:
        placed = self.open_docs.get(uri)
        if placed is None:
            return
        root, rel = placed
        self.registries[root].set_buffer(rel, self.workspace.get_text_document(uri).source)
        self.schedule(root, DEBOUNCE)

    def closed(self, uri: str) -> None:
        placed = self.open_docs.pop(uri, None)
        if placed is None:
            return
        root, rel = placed
        self.registries[root].drop_buffer(rel)
        self.published.pop(uri, None)
        self.current.pop(uri, None)
        self.text_document_publish_diagnostics(t.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        self.schedule(root, DEBOUNCE)

    # -- diagnostics --------------------------------------------------------------------------

    def schedule(self, root: Path, delay: float) -> None:
        old = self.timers.pop(root, None)
        if old is not None:
            old.cancel()
        loop = asyncio.get_running_loop()
        self.timers[root] = loop.call_later(delay, self.publish, root)

    def publish(self, root: Path) -> None:
        """Lint the registry now (a pending debounce is cancelled) and publish what changed."""
        pending = self.timers.pop(root, None)
        if pending is not None:
            pending.cancel()
        ws = self.registries[root]
        docs = {rel: uri for uri, (r, rel) in self.open_docs.items() if r == root}
        if not docs:
            return
        try:
            by_file = ws.refresh(set(docs))
        except Exception as exc:  # a bug in tpkit: say so in the editor's log, keep serving
            message = f"tpkit server: linting failed: {type(exc).__name__}: {exc}"
            self.window_log_message(t.LogMessageParams(type=t.MessageType.Error, message=message))
            return
        ranges = DocRanges(self, ws)
        for rel, uri in docs.items():
            doc = self.workspace.get_text_document(uri)
            diags = [features.diagnostic(d, ranges, ws.rule_link(d.code), doc.version) for d in by_file.get(rel, [])]
            self.current[uri] = (doc.version, diags)
            key = [(d.range, d.code, d.message, d.severity) for d in diags]
            if self.published.get(uri) == key:
                continue
            self.published[uri] = key
            self.text_document_publish_diagnostics(
                t.PublishDiagnosticsParams(uri=uri, diagnostics=diags, version=doc.version)
            )

    # -- requests -----------------------------------------------------------------------------

    def client_supports_document_changes(self) -> bool:
        """The client applies versioned edits (``documentChanges``), so it refuses one made for other text."""
        ws = self.client_capabilities.workspace
        edit = ws.workspace_edit if ws is not None else None
        return bool(edit is not None and edit.document_changes)

    def at(self, uri: str, pos: t.Position) -> features.Spot | None:
        """The registry, path, kind, lines and code-point position of a request on an open document."""
        placed = self.open_docs.get(uri)
        if placed is None:
            return None
        ws = self.registries[placed[0]]
        rel = placed[1]
        kind = kind_of(rel)
        if kind is None:
            return None
        doc = self.workspace.get_text_document(uri)
        lines = list(doc.lines)
        server_pos = doc.position_codec.position_from_client_units(lines, pos)
        lines = [ln.rstrip("\r\n") for ln in lines]
        return features.Spot(ws, rel, kind, lines, server_pos.line, server_pos.character)


class DocRanges:
    """:class:`features.Ranges` over the open documents (else the registry's texts)."""

    def __init__(self, server: TpkitServer, ws: RegistryWorkspace) -> None:
        self.server = server
        self.ws = ws
        self._lines: dict[str, Sequence[str]] = {}

    def uri(self, rel: str) -> str:
        return str(from_fs_path(str(self.ws.root / rel)))

    def _doc_lines(self, rel: str) -> Sequence[str]:
        lines = self._lines.get(rel)
        if lines is None:
            text = self.ws.text(rel) or ""
            lines = self._lines[rel] = text.splitlines()
        return lines

    def range(self, loc: Loc) -> t.Range:
        codec = self.server.workspace.position_codec
        lines = self._doc_lines(loc.rel)
        start = codec.position_to_client_units(lines, t.Position(loc.line, loc.column))
        end = codec.position_to_client_units(lines, t.Position(loc.end_line, loc.end_column))
        if loc.line >= len(lines):
            start = t.Position(loc.line, loc.column)
        if loc.end_line >= len(lines):
            end = t.Position(loc.end_line, loc.end_column)
        return t.Range(start=start, end=end)


def build(lang: str | None = None) -> TpkitServer:
    server = TpkitServer(lang)

    @server.feature(t.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: TpkitServer, params: t.DidOpenTextDocumentParams) -> None:
        ls.opened(params.text_document.uri)

    @server.feature(t.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: TpkitServer, params: t.DidChangeTextDocumentParams) -> None:
        ls.changed(params.text_document.uri)

    @server.feature(t.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(ls: TpkitServer, params: t.DidCloseTextDocumentParams) -> None:
        ls.closed(params.text_document.uri)

    @server.feature(t.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: TpkitServer, params: t.DidSaveTextDocumentParams) -> None:
        placed = ls.open_docs.get(params.text_document.uri)
        if placed is not None:
            ls.schedule(placed[0], DEBOUNCE)

    @server.feature(
        t.TEXT_DOCUMENT_COMPLETION, t.CompletionOptions(trigger_characters=[" ", "[", ",", "-"], resolve_provider=False)
    )
    def completion(ls: TpkitServer, params: t.CompletionParams) -> t.CompletionList | None:
        spot = ls.at(params.text_document.uri, params.position)
        if spot is None:
            return None
        return t.CompletionList(is_incomplete=False, items=features.completion(spot, DocRanges(ls, spot.ws)))

    @server.feature(t.TEXT_DOCUMENT_HOVER)
    def hover(ls: TpkitServer, params: t.HoverParams) -> t.Hover | None:
        spot = ls.at(params.text_document.uri, params.position)
        return None if spot is None else features.hover(spot, DocRanges(ls, spot.ws))

    @server.feature(t.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: TpkitServer, params: t.DefinitionParams) -> list[t.Location] | None:
        spot = ls.at(params.text_document.uri, params.position)
        return (spot and features.definition(spot, DocRanges(ls, spot.ws))) or None

    @server.feature(t.TEXT_DOCUMENT_REFERENCES)
    def references(ls: TpkitServer, params: t.ReferenceParams) -> list[t.Location] | None:
        spot = ls.at(params.text_document.uri, params.position)
        include = params.context.include_declaration
        return (spot and features.references(spot, include, DocRanges(ls, spot.ws))) or None

    @server.feature(t.TEXT_DOCUMENT_CODE_ACTION, t.CodeActionOptions(code_action_kinds=[t.CodeActionKind.QuickFix]))
    def code_action(ls: TpkitServer, params: t.CodeActionParams) -> list[t.CodeAction] | None:
        uri = params.text_document.uri
        placed = ls.open_docs.get(uri)
        if placed is None:
            return None
        root, rel = placed
        doc: TextDocument = ls.workspace.get_text_document(uri)
        if root in ls.timers or ls.current.get(uri, (None, []))[0] != doc.version:
            ls.publish(root)  # the editor asks before the debounced lint: lint the text it shows first
        version, fresh = ls.current.get(uri, (None, []))
        if version != doc.version:
            return None  # the lint failed (logged): no edit computed on other text
        asked = features.current_diagnostics(params.context.diagnostics, fresh, version, params.range)
        ws = ls.registries[root]
        lines = [ln.rstrip("\r\n") for ln in doc.lines]
        versioned = ls.client_supports_document_changes()
        actions = features.code_actions(
            ws, rel, lines, asked, DocRanges(ls, ws), version=version if versioned else None
        )
        return actions or None

    return server


def serve(*, debug: bool = False, lang: str | None = None) -> int:
    """Run the server on stdin and stdout until the client says exit; the exit code (LSP: 0 after shutdown)."""
    from .rpc import run

    return run(build(lang), debug=debug)
