"""tpkit server, driven as an editor drives it: a subprocess speaking JSON-RPC over stdio.

The feature tests share one server per module (``client``: each test closes the documents it opened);
the framing and lifecycle tests, which confuse or end a server, start their own (``fresh``).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls")

from conftest import EXAMPLE, REPO, run_cli
from lsp_client import LspClient, frame

PROCESS = "processes/child-benefit.yaml"
DUPLICATE = "  - touchpoint: epgu          # тот же портал, другой этап\n    needs: [info]\n"
#: what VS Code and neovim declare: versioned edits
CAPABILITIES = {
    "textDocument": {"publishDiagnostics": {"versionSupport": True}},
    "workspace": {"workspaceEdit": {"documentChanges": True}},
}


@pytest.fixture(scope="module")
def reg(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The worked example, copied once per module: the tests change buffers, never the files."""
    root = tmp_path_factory.mktemp("server") / "registry"
    shutil.copytree(EXAMPLE, root)
    return root


@pytest.fixture(scope="module")
def server(reg: Path) -> Iterator[LspClient]:
    c = LspClient(cwd=reg)
    c.initialize(reg, CAPABILITIES)
    try:
        yield c
    finally:
        c.close()


@pytest.fixture
def client(server: LspClient) -> Iterator[LspClient]:
    """The module's server, clean: the test's documents are closed after it and its notifications dropped."""
    server.sync()
    server.drop_notes()
    yield server
    if server.proc.poll() is None:
        for uri in sorted(server.opened):
            server.close_doc(uri)
        server.sync()
        server.drop_notes()


@pytest.fixture
def fresh(reg: Path) -> Iterator[Callable[[], LspClient]]:
    """A server of the test's own (not initialized), for the tests that confuse or end it."""
    started: list[LspClient] = []

    def start() -> LspClient:
        c = LspClient(cwd=reg)
        started.append(c)
        return c

    yield start
    for c in started:
        c.close()


def at(uri: str, line: int, character: int) -> dict[str, Any]:
    return {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}


def line_of(text: str, needle: str) -> int:
    return next(i for i, ln in enumerate(text.splitlines()) if needle in ln)


def with_duplicate(text: str) -> str:
    return text.replace("  - touchpoint: pos\n", DUPLICATE + "  - touchpoint: pos\n")


def apply(text: str, edits: list[dict[str, Any]]) -> str:
    """Apply LSP text edits (positions in UTF-16 units) to a text, last first."""
    lines = text.splitlines(keepends=True)

    def offset(pos: dict[str, int]) -> int:
        before = sum(len(ln) for ln in lines[: pos["line"]])
        line = lines[pos["line"]] if pos["line"] < len(lines) else ""
        units, chars = 0, 0
        for ch in line:
            if units >= pos["character"]:
                break
            units += 2 if ord(ch) > 0xFFFF else 1
            chars += 1
        return before + chars

    for e in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]), reverse=True):
        a, b = offset(e["range"]["start"]), offset(e["range"]["end"])
        text = text[:a] + e["newText"] + text[b:]
        lines = text.splitlines(keepends=True)
    return text


def test_duplicate_typed_in_an_unsaved_buffer_appears_and_disappears(client: LspClient, reg: Path) -> None:
    path = reg / PROCESS
    text = path.read_text(encoding="utf-8")
    uri = client.open(path)
    assert client.diagnostics(uri) == []
    changed = with_duplicate(text)
    client.change(uri, changed, 2)
    diags = client.diagnostics(uri, lambda d: bool(d))
    (d,) = [d for d in diags if d["code"] == "TP104"]
    assert d["severity"] == 1
    assert d["source"] == "tpkit"
    assert "codeDescription" not in d  # no docs_url, no TPKIT_DOCS_URL: no link to a page about nothing
    assert d["range"]["start"] == {"line": line_of(changed, "тот же портал"), "character": 4}
    # the rule's text comes inline instead, on a hover over the finding
    hover = client.request("textDocument/hover", at(uri, d["range"]["start"]["line"], 5))
    assert "**TP104**" in hover["contents"]["value"] and "Почему." in hover["contents"]["value"]
    assert path.read_text(encoding="utf-8") == text  # the file on disk is untouched
    client.change(uri, text, 3)
    assert client.diagnostics(uri, lambda d: not d) == []


def test_a_finding_links_to_its_rule_where_the_rules_are_documented(reg: Path) -> None:
    """``docs_url`` in tpkit.yaml (the agency's published site), and TPKIT_DOCS_URL over it."""
    config = reg / "tpkit.yaml"
    config.write_text(
        config.read_text(encoding="utf-8") + "docs_url: https://tpkit.agency.example/rules/{lower}.html\n",
        encoding="utf-8",
    )
    path = reg / PROCESS
    text = with_duplicate(path.read_text(encoding="utf-8"))
    for env, href in (
        ({"TPKIT_DOCS_URL": ""}, "https://tpkit.agency.example/rules/tp104.html"),
        ({"TPKIT_DOCS_URL": "https://wiki.example.ru/tpkit#{code}"}, "https://wiki.example.ru/tpkit#TP104"),
    ):
        c = LspClient(cwd=reg, env=env)
        try:
            c.initialize(reg)
            uri = c.open(path, text)
            diags = c.diagnostics(uri, lambda d: bool(d))
            (d,) = [d for d in diags if d["code"] == "TP104"]
            assert d["codeDescription"]["href"] == href
            hover = c.request("textDocument/hover", at(uri, d["range"]["start"]["line"], 5))
            assert f"]({href})" in hover["contents"]["value"]
        finally:
            c.close()


def test_lang_after_server_gives_findings_and_hovers_in_english(reg: Path) -> None:
    # `tpkit server --lang en` was «No such option: --lang», and `tpkit --lang en server` still spoke Russian: the
    # server read only tpkit.yaml's language
    import sys

    path = reg / PROCESS
    text = with_duplicate(path.read_text(encoding="utf-8"))
    c = LspClient(cwd=reg, command=[sys.executable, "-m", "tpkit", "server", "--lang", "en"], env={"TPKIT_LANG": ""})
    try:
        c.initialize(reg)
        uri = c.open(path, text)
        (d,) = [d for d in c.diagnostics(uri, lambda d: bool(d)) if d["code"] == "TP104"]
        assert "уже указана" not in d["message"] and "touchpoint" in d["message"], d["message"]
        hover = c.request("textDocument/hover", at(uri, d["range"]["start"]["line"], 5))
        assert "Why." in hover["contents"]["value"], hover
    finally:
        c.close()


def test_a_registry_in_english_gets_its_findings_in_english(tmp_path: Path) -> None:
    # `language: en` in tpkit.yaml gave English hovers and Russian diagnostics: the server linted in Russian always
    root = tmp_path / "registry"
    shutil.copytree(EXAMPLE, root)
    config = root / "tpkit.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: ru", "language: en"), encoding="utf-8")
    assert "language: en" in config.read_text(encoding="utf-8")
    path = root / PROCESS
    c = LspClient(cwd=root, env={"TPKIT_LANG": ""})
    try:
        c.initialize(root)
        uri = c.open(path, with_duplicate(path.read_text(encoding="utf-8")))
        (d,) = [d for d in c.diagnostics(uri, lambda d: bool(d)) if d["code"] == "TP104"]
        assert "уже указана" not in d["message"] and "touchpoint" in d["message"], d["message"]
    finally:
        c.close()


def test_a_docs_url_variable_that_is_not_http_links_nowhere_and_keeps_the_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the commands refuse TPKIT_DOCS_URL=javascript:… (exit 2); the server, which lives on, links nowhere and keeps
    # tpkit.yaml's own settings (a refusal would have put the defaults in their place)
    from tpkit.server.workspace import RegistryWorkspace

    reg = tmp_path / "registry"
    shutil.copytree(EXAMPLE, reg)
    config = reg / "tpkit.yaml"
    config.write_text(
        config.read_text(encoding="utf-8") + "docs_url: https://tpkit.agency.example/{lower}.html\n", "utf-8"
    )
    monkeypatch.setenv("TPKIT_DOCS_URL", "javascript:alert(1)//{code}")
    ws = RegistryWorkspace(reg)
    assert ws.config_error is None and ws.config.docs_url is not None
    assert ws.rule_link("TP104") is None


def test_a_change_in_the_catalogue_reaches_the_open_processes(client: LspClient, reg: Path) -> None:
    proc_uri = client.open(reg / PROCESS)
    assert client.diagnostics(proc_uri) == []
    cat = reg / "touchpoints.yaml"
    cat_text = cat.read_text(encoding="utf-8")
    cat_uri = client.open(cat)
    client.diagnostics(cat_uri)
    client.change(cat_uri, cat_text.replace("  - id: epgu\n", "  - id: epgu-new\n"), 2)
    diags = client.diagnostics(proc_uri, lambda d: bool(d))
    assert {d["code"] for d in diags} >= {"TP003"}
    assert any("epgu" in d["message"] for d in diags)


def test_completion_after_touchpoint_offers_the_catalogue(client: LspClient, reg: Path) -> None:
    path = reg / PROCESS
    text = path.read_text(encoding="utf-8").replace("  - touchpoint: pos\n", "  - touchpoint: \n  - touchpoint: pos\n")
    uri = client.open(path, text)
    n = text.splitlines().index("  - touchpoint: ")
    result = client.request("textDocument/completion", at(uri, n, len("  - touchpoint: ")))
    items = {i["label"]: i for i in result["items"]}
    assert {"site", "epgu", "mfc", "call-center"} <= set(items)
    assert items["epgu"]["detail"].startswith("Единый портал")
    assert items["epgu"]["textEdit"]["newText"] == "epgu"


def test_completion_of_needs_has_russian_labels_and_the_agencys_own(client: LspClient, reg: Path) -> None:
    agency = reg / "agency.yaml"
    own = agency.read_text(encoding="utf-8") + "needs:\n  - id: appointment\n    name: запись на прием\n"
    client.open(agency, own)  # unsaved: the buffer counts
    path = reg / PROCESS
    text = path.read_text(encoding="utf-8")
    uri = client.open(path)
    n = line_of(text, "needs: [info, forms]")
    col = text.splitlines()[n].index("forms]") + len("forms, ") - 1
    edited = text.replace("needs: [info, forms]", "needs: [info, forms, ap]")
    client.change(uri, edited, 2)
    col = edited.splitlines()[n].index("ap]") + 2
    items = client.request("textDocument/completion", at(uri, n, col))["items"]
    labels = {i["label"]: i["detail"] for i in items}
    assert labels == {"appointment": "запись на прием"}
    edited_start = edited.splitlines()[n].index("ap]")
    (item,) = items
    assert item["textEdit"]["range"]["start"]["character"] == edited_start
    everything = client.request("textDocument/completion", at(uri, n, edited_start))["items"]
    labels = {i["label"]: i["detail"] for i in everything}
    assert labels["status"] == "получение информации о ходе рассмотрения заявления, обращения, запроса"
    assert "appointment" in labels


def test_completion_of_acts_officials_and_sections(client: LspClient, reg: Path) -> None:
    path = reg / "procedures" / "digital.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("responsible: volkova\n", "responsible: \n", 1)
    uri = client.open(path, text)
    n = text.splitlines().index("responsible: ")
    items = client.request("textDocument/completion", at(uri, n, len("responsible: ")))["items"]
    assert {i["label"] for i in items} >= {"volkova", "petrova"}
    assert any("Волкова" in i["detail"] for i in items)
    text2 = text.replace("sections:\n", "sections:\n  gen\n", 1)
    client.change(uri, text2, 2)
    n2 = text2.splitlines().index("  gen")
    items = client.request("textDocument/completion", at(uri, n2, 5))["items"]
    assert [i["label"] for i in items] == ["general"]
    assert items[0]["textEdit"]["newText"] == "general:"


def test_hover_and_definition_on_a_touchpoint_id(client: LspClient, reg: Path) -> None:
    path = reg / PROCESS
    text = path.read_text(encoding="utf-8")
    uri = client.open(path)
    n = line_of(text, "- touchpoint: epgu")
    col = text.splitlines()[n].index("epgu") + 1
    hover = client.request("textDocument/hover", at(uri, n, col))
    value = hover["contents"]["value"]
    assert "Единый портал государственных и муниципальных услуг (ЕПГУ)" in value
    assert "портал" in value and "цифровая" in value and "Петрова Мария Ивановна" in value
    (loc,) = client.request("textDocument/definition", at(uri, n, col))
    assert loc["uri"] == (reg / "touchpoints.yaml").as_uri()
    cat = (reg / "touchpoints.yaml").read_text(encoding="utf-8")
    assert loc["range"]["start"]["line"] == line_of(cat, "- id: epgu")


def test_hover_on_an_act_a_need_and_an_official(client: LspClient, reg: Path) -> None:
    path = reg / PROCESS
    text = path.read_text(encoding="utf-8")
    uri = client.open(path)
    n = line_of(text, "basis: [ar-child-benefit]")
    act = client.request("textDocument/hover", at(uri, n, text.splitlines()[n].index("ar-child") + 2))
    assert "Административный регламент" in act["contents"]["value"] and "45-п" in act["contents"]["value"]
    n = line_of(text, "needs: [submit, status")
    need = client.request("textDocument/hover", at(uri, n, text.splitlines()[n].index("status") + 1))
    assert "получение информации о ходе рассмотрения" in need["contents"]["value"]
    cat = reg / "touchpoints.yaml"
    cat_text = cat.read_text(encoding="utf-8")
    cat_uri = client.open(cat)
    n = line_of(cat_text, "responsible: volkova")
    who = client.request("textDocument/hover", at(cat_uri, n, cat_text.splitlines()[n].index("volkova") + 1))
    assert "Волкова Анна Викторовна" in who["contents"]["value"]
    assert "Начальник отдела цифровой трансформации" in who["contents"]["value"]


def test_references_of_a_touchpoint(client: LspClient, reg: Path) -> None:
    cat = reg / "touchpoints.yaml"
    text = cat.read_text(encoding="utf-8")
    uri = client.open(cat)
    n = line_of(text, "- id: epgu")
    refs = client.request("textDocument/references", {**at(uri, n, 10), "context": {"includeDeclaration": False}})
    files = {r["uri"].rsplit("/", 2)[-2] + "/" + r["uri"].rsplit("/", 1)[-1] for r in refs}
    assert "processes/child-benefit.yaml" in files
    assert "procedures/digital.yaml" in files
    assert all(r["uri"] != uri for r in refs)
    for r in refs:
        target = Path(r["uri"].removeprefix("file://")).read_text(encoding="utf-8").splitlines()
        rng = r["range"]
        assert target[rng["start"]["line"]][rng["start"]["character"] : rng["end"]["character"]] == "epgu"


def test_quick_fixes_merge_the_duplicate_and_suppress(client: LspClient, reg: Path) -> None:
    path = reg / PROCESS
    text = with_duplicate(path.read_text(encoding="utf-8"))
    uri = client.open(path, text)
    diags = client.diagnostics(uri, lambda d: bool(d))
    (dup,) = [d for d in diags if d["code"] == "TP104"]
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": dup["range"], "context": {"diagnostics": [dup]}},
    )
    by_title = {a["title"].split()[0]: a for a in actions}
    merged = apply(text, edits_of(by_title["Перенести"], uri)[0])
    assert "needs: [submit, status, result, feedback, info]" in merged
    assert "тот же портал" not in merged and "  - touchpoint: pos\n" in merged
    suppressed = apply(text, edits_of(by_title["Подавить"], uri)[0])
    n = line_of(suppressed, "тот же портал")
    assert suppressed.splitlines()[n].endswith("# tpkit: ignore[TP104] -- ")
    client.change(uri, merged, 2)
    assert client.diagnostics(uri, lambda d: not d) == []


def test_a_yaml_syntax_error_mid_typing_is_a_diagnostic_not_a_crash(client: LspClient, reg: Path) -> None:
    path = reg / PROCESS
    text = path.read_text(encoding="utf-8")
    uri = client.open(path)
    client.diagnostics(uri)
    broken = text.replace("  - touchpoint: chatbot\n", "  - touchpoint: [chatbot\n")
    client.change(uri, broken, 2)
    diags = client.diagnostics(uri, lambda d: bool(d))
    assert [d["code"] for d in diags] == ["TP001"]
    # still answering, on the broken buffer too
    n = line_of(broken, "touchpoint: site")
    assert client.request("textDocument/hover", at(uri, n, 17)) is not None
    client.change(uri, text, 3)
    assert client.diagnostics(uri, lambda d: not d) == []


def test_a_buffer_of_10_mb(client: LspClient, reg: Path) -> None:
    path = reg / PROCESS
    text = path.read_text(encoding="utf-8")
    big = text + ("# " + "я" * 60 + "\n") * (10_500_000 // 123)
    assert len(big.encode("utf-8")) > 10 * 1024 * 1024
    uri = client.open(path, big)
    diags = client.diagnostics(uri, timeout=60)
    assert [d["code"] for d in diags] == ["TP001"]
    assert "МБ" in diags[0]["message"]
    client.change(uri, text, 2)
    assert client.diagnostics(uri, lambda d: not d, timeout=30) == []


# --- stale quick fixes ----------------------------------------------------------------------------


def edits_of(action: dict[str, Any], uri: str) -> tuple[list[dict[str, Any]], int | None]:
    """A code action's edits of one document, and the version they were computed for (``changes``: none)."""
    edit = action["edit"]
    if "documentChanges" in edit:
        (change,) = [c for c in edit["documentChanges"] if c["textDocument"]["uri"] == uri]
        return change["edits"], change["textDocument"]["version"]
    return edit["changes"][uri], None


def test_a_quick_fix_asked_right_after_an_edit_is_computed_on_the_current_text(client: LspClient, reg: Path) -> None:
    """The editor asks with the diagnostic it holds (of the text before the edit): the fix fits the text now."""
    path = reg / PROCESS
    before = with_duplicate(path.read_text(encoding="utf-8"))
    uri = client.open(path, before)
    (dup,) = [d for d in client.diagnostics(uri, lambda d: bool(d)) if d["code"] == "TP104"]
    assert dup["data"]["version"] == 1
    # the user deletes the chatbot entry above the duplicate, and at once asks for the fixes of the old diagnostic
    chatbot = "  - touchpoint: chatbot\n    needs: [info, consultation]\n    demand: 9500\n"
    now = before.replace(chatbot, "")
    client.change(uri, now, 2)
    n = line_of(now, "тот же портал")
    here = {"start": {"line": n, "character": 0}, "end": {"line": n, "character": 0}}
    actions = client.request(
        "textDocument/codeAction", {"textDocument": {"uri": uri}, "range": here, "context": {"diagnostics": [dup]}}
    )
    by_title = {a["title"].split()[0]: a for a in actions}
    edits, version = edits_of(by_title["Перенести"], uri)
    assert version == 2
    merged = apply(now, edits)
    expected = now.replace(DUPLICATE, "").replace(
        "    needs: [submit, status, result, feedback]\n", "    needs: [submit, status, result, feedback, info]\n"
    )
    assert merged == expected
    edits, version = edits_of(by_title["Подавить"], uri)
    suppressed = apply(now, edits)
    assert version == 2
    assert suppressed.splitlines()[n].endswith("# tpkit: ignore[TP104] -- ")
    assert suppressed.splitlines()[:n] == now.splitlines()[:n]
    # the lint of the current text was published on the way (the client learns the new line)
    (fresh_dup,) = [d for d in client.diagnostics(uri, lambda d: bool(d)) if d["code"] == "TP104"]
    assert fresh_dup["range"]["start"]["line"] == n and fresh_dup["data"]["version"] == 2


def test_a_stale_diagnostic_that_is_gone_gets_no_fix(client: LspClient, reg: Path) -> None:
    """The duplicate was deleted by hand: the old diagnostic's fixes would edit other lines; none is offered."""
    path = reg / PROCESS
    text = path.read_text(encoding="utf-8")
    uri = client.open(path, with_duplicate(text))
    (dup,) = [d for d in client.diagnostics(uri, lambda d: bool(d)) if d["code"] == "TP104"]
    client.change(uri, text, 2)
    params = {"textDocument": {"uri": uri}, "range": dup["range"], "context": {"diagnostics": [dup]}}
    assert client.request("textDocument/codeAction", params) is None


def test_quick_fix_edits_carry_a_version_only_for_clients_that_apply_versions(reg: Path) -> None:
    """In-process: ``documentChanges`` with the version when asked for, else plain ``changes``."""
    from lsprotocol import types as t

    from tpkit.server import features
    from tpkit.server.workspace import Loc, RegistryWorkspace

    class Plain:
        def uri(self, rel: str) -> str:
            return (reg / rel).as_uri()

        def range(self, loc: Loc) -> t.Range:
            return t.Range(t.Position(loc.line, loc.column), t.Position(loc.end_line, loc.end_column))

    text = with_duplicate((reg / PROCESS).read_text(encoding="utf-8"))
    ws = RegistryWorkspace(reg)
    ws.set_buffer(PROCESS, text)
    fresh = [features.diagnostic(d, Plain(), "", 3) for d in ws.refresh({PROCESS})[PROCESS]]
    lines = text.splitlines()
    (plain, _) = features.code_actions(ws, PROCESS, lines, fresh, Plain())
    assert plain.edit is not None and plain.edit.changes and plain.edit.document_changes is None
    (versioned, _) = features.code_actions(ws, PROCESS, lines, fresh, Plain(), version=3)
    assert versioned.edit is not None and versioned.edit.changes is None
    (change,) = versioned.edit.document_changes or []
    assert isinstance(change, t.TextDocumentEdit) and change.text_document.version == 3
    assert change.edits == plain.edit.changes[Plain().uri(PROCESS)]


# --- the protocol under bad input -------------------------------------------------------------


def initialize_request(reg: Path, rid: int | str = "init") -> dict[str, Any]:
    params = {"processId": None, "rootUri": reg.as_uri(), "capabilities": {}}
    return {"jsonrpc": "2.0", "id": rid, "method": "initialize", "params": params}


def answers(c: LspClient) -> None:
    """The server still reads frames and answers them."""
    assert c.request("textDocument/hover", at("file:///nowhere.yaml", 0, 0)) is None


def no_traceback(c: LspClient, wait_for: str) -> str:
    err = c.stderr_text(wait_for)
    assert "Traceback" not in err and "MemoryError" not in err
    return err


def test_a_frame_over_64_mib_is_refused_and_the_server_reads_on(fresh: Callable[[], LspClient], reg: Path) -> None:
    c = fresh()
    c.send_raw(b"Content-Length: 999999999999\r\n\r\n{}")  # a length no client sends (the server allocated it)
    error = c.wait_orphan()["error"]
    assert error["code"] == -32600 and "64 MiB" in error["message"]
    c.initialize(reg)  # read: the bytes after the refused header were skipped up to this frame's header
    answers(c)
    # a real body over the limit: skipped whole, the next frame is read
    big = b'{"jsonrpc": "2.0", "method": "x", "params": "' + b"a" * (64 * 2**20) + b'"}'
    c.send_raw(f"Content-Length: {len(big)}\r\n\r\n".encode() + big)
    assert "64 MiB" in c.wait_orphan()["error"]["message"]
    answers(c)
    err = no_traceback(c, f"a frame of {len(big)} bytes is over")  # the second line: stderr comes in order
    assert err.count("over the 64 MiB limit") == 2


def test_stray_bytes_before_a_header_then_the_server_reads_on(fresh: Callable[[], LspClient], reg: Path) -> None:
    c = fresh()
    c.send_raw(b"garbage\r\n")  # a line that is not a header
    c.initialize(reg)
    c.send_raw(b"xx")  # bytes glued before the next header
    answers(c)
    c.send_raw(b'{"half": "a body"}\r\n\r\n')  # a body with no header at all
    answers(c)
    err = no_traceback(c, "stray bytes before a Content-Length header")
    assert "stray bytes instead of a header: 'garbage'" in err
    assert "2 stray bytes before a Content-Length header" in err


def test_a_content_length_that_is_not_a_number(fresh: Callable[[], LspClient], reg: Path) -> None:
    c = fresh()
    c.send_raw(b"Content-Length: abc\r\n\r\n{}")
    c.initialize(reg)
    c.send_raw(b"Content-Length: -5\r\n\r\n")
    answers(c)
    err = no_traceback(c, "'-5'")
    assert "Content-Length is not a number: 'abc'" in err and "'-5'" in err


def test_header_names_in_any_case(client: LspClient) -> None:
    hover = {"jsonrpc": "2.0", "method": "textDocument/hover", "params": at("file:///nowhere.yaml", 0, 0)}
    client.send_raw(frame({**hover, "id": "lower"}, header="content-length"))
    client.send_raw(frame({**hover, "id": "upper"}, header="CONTENT-LENGTH"))
    content_type = b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"
    client.send_raw(content_type + frame({**hover, "id": "mixed"}, header="Content-length"))
    for rid in ("lower", "upper", "mixed"):
        assert client.response(rid) == {"jsonrpc": "2.0", "id": rid, "result": None}
    err = client.stderr_text()
    assert "stray" not in err and "header" not in err


def reader_over(data: bytes, step: int) -> Any:
    """A :class:`FrameReader` over ``data`` handed out ``step`` bytes per read (as a pipe may)."""
    from tpkit.server.rpc import FrameReader

    pos = 0

    def source(n: int) -> bytes:
        nonlocal pos
        chunk = data[pos : pos + min(n, step)]
        pos += len(chunk)
        return chunk

    return FrameReader(source)


def read_all(reader: Any) -> list[Any]:
    out = []
    while (item := reader.read()) is not None:
        out.append(item)
    return out


@pytest.mark.parametrize("step", [1, 7, 65536])
def test_frames_split_anywhere_are_read_whole(step: int) -> None:
    a, b = b'{"a": 1}', b'{"b": "\xd0\xb4"}'
    data = b"\r\ncontent-length: 8\r\n\r\n" + a + b"Content-Type: x\r\nCONTENT-LENGTH:11\r\n\r\n" + b
    assert read_all(reader_over(data, step)) == [a, b]


@pytest.mark.parametrize("step", [1, 4096, 65536])
def test_a_header_after_a_long_line_of_junk_is_found(step: int) -> None:
    from tpkit.server.rpc import MAX_HEADER_LINE, Fault

    body = b'{"ok": true}'
    junk = b"j" * (3 * MAX_HEADER_LINE - 5)  # the header straddles the reader's line limit
    items = read_all(reader_over(junk + f"Content-Length: {len(body)}\r\n\r\n".encode() + body, step))
    assert len(items) == 2 and isinstance(items[0], Fault) and items[1] == body
    assert "longer than" in items[0].message


def test_a_body_cut_short_ends_the_input_as_truncated() -> None:
    reader = reader_over(b"Content-Length: 50\r\n\r\n{}", 65536)
    assert read_all(reader) == [] and reader.truncated


def test_a_body_that_is_not_json_rpc_gets_an_error_response(client: LspClient) -> None:
    client.send_raw(b"Content-Length: 5\r\n\r\n{nope")
    assert client.wait_orphan()["error"]["code"] == -32700
    client.send_raw(b"Content-Length: 6\r\n\r\n[1, 2]")
    assert client.wait_orphan()["error"]["code"] == -32600
    client.send_raw(frame({"jsonrpc": "1.0", "id": "old", "method": "textDocument/hover", "params": {}}))
    assert client.response("old")["error"]["code"] == -32600
    assert client.call("textDocument/hover", None)["error"]["code"] == -32602


@pytest.mark.parametrize("method", ["textDocument/hover", "textDocument/completion", "textDocument/definition"])
def test_a_negative_position_gets_invalid_params(client: LspClient, reg: Path, method: str) -> None:
    uri = client.open(reg / PROCESS)
    error = client.error(method, at(uri, -1, 3))
    assert error["code"] == -32602
    assert "Position.line" in error["message"] and "-1" in error["message"]
    assert client.request("textDocument/hover", at(uri, 0, 0)) is None  # still answering


def test_notifications_leave_no_futures_behind(reg: Path) -> None:
    """In-process: pygls keeps a future per notification handler for ever (~3 KB per edit); the session drops them."""
    import asyncio
    import io
    import json

    from tpkit.server.protocol import build
    from tpkit.server.rpc import Session

    server = build()
    session = Session(server, lambda n: b"", io.BytesIO())
    path = reg / PROCESS
    text = path.read_text(encoding="utf-8")

    def send(msg: dict[str, Any]) -> None:
        session.receive(json.dumps({"jsonrpc": "2.0", **msg}).encode())

    async def edit() -> int:
        send(initialize_request(reg))
        send({"method": "initialized", "params": {}})
        doc = {"uri": path.as_uri(), "languageId": "yaml", "version": 1, "text": text}
        send({"method": "textDocument/didOpen", "params": {"textDocument": doc}})
        for v in range(2, 202):
            change = {"textDocument": {"uri": path.as_uri(), "version": v}, "contentChanges": [{"text": text + "#\n"}]}
            send({"method": "textDocument/didChange", "params": change})
            await asyncio.sleep(0)
        send({"id": "last", "method": "textDocument/hover", "params": at(path.as_uri(), 0, 0)})
        return len(server.protocol._request_futures)

    assert asyncio.run(edit()) <= 2


def test_lifecycle_before_initialize_and_after_shutdown(fresh: Callable[[], LspClient], reg: Path) -> None:
    c = fresh()
    assert c.error("textDocument/hover", at("file:///nowhere.yaml", 0, 0))["code"] == -32002
    text = {"uri": (reg / PROCESS).as_uri(), "languageId": "yaml", "version": 1, "text": "id: x\n"}
    c.notify("textDocument/didOpen", {"textDocument": text})  # dropped: not initialized
    c.initialize(reg)
    assert c.error("initialize", initialize_request(reg)["params"])["code"] == -32600  # only once
    answers(c)
    assert c.request("shutdown", None) is None
    for method in ("textDocument/hover", "shutdown", "initialize"):
        assert c.error(method, at("file:///nowhere.yaml", 0, 0))["code"] == -32600
    c.notify("exit", None)
    assert c.wait_exit() == 0
    assert "Traceback" not in c.stderr_text()


def test_exit_without_shutdown_exits_1(fresh: Callable[[], LspClient], reg: Path) -> None:
    c = fresh()
    c.initialize(reg)
    hover = {"jsonrpc": "2.0", "method": "textDocument/hover", "params": at("file:///nowhere.yaml", 0, 0)}
    burst = b"".join(frame({**hover, "id": f"late-{i}"}) for i in range(200))
    c.send_raw(frame({"jsonrpc": "2.0", "method": "exit"}) + burst)  # frames after exit: read, never handled
    assert c.wait_exit() == 1
    assert "Traceback" not in c.stderr_text()


def test_without_pygls_the_command_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import tpkit.server

    monkeypatch.setattr(tpkit.server, "available", lambda: False)
    res = run_cli("server")
    assert res.code == 2
    assert "pip install 'tpkit[server]'" in res.stdout + res.stderr
    assert len((res.stdout + res.stderr).strip().splitlines()) == 1


@pytest.mark.parametrize("value", ["abc", "-1", "nan", "1e9"])
def test_a_debounce_that_is_not_seconds_is_one_line_and_exit_2(value: str) -> None:
    # 0.3 review: TPKIT_SERVER_DEBOUNCE=abc ended tpkit server with «внутренняя ошибка … ValueError: could not convert
    # string to float» (it was read when the module was imported)
    res = run_cli("server", env={"TPKIT_SERVER_DEBOUNCE": value})
    out = res.stdout + res.stderr
    assert res.code == 2 and "TPKIT_SERVER_DEBOUNCE" in out and "внутренняя ошибка" not in out, out
    assert len(out.strip().splitlines()) == 1


def readme_blocks() -> dict[str, str]:
    """The editor snippets of the README's tpkit server section, by language."""
    import re

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### tpkit server:", 1)[1].split("\n### ", 1)[0]
    return dict(re.findall(r"```(json|lua|toml|elisp)\n(.*?)```", section, re.S))


def test_readme_editor_setups_start_tpkit_server() -> None:
    """The editor snippets parse (where Python can parse them) and all start `tpkit server`."""
    import json

    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    blocks = readme_blocks()
    assert set(blocks) == {"json", "lua", "toml", "elisp"}
    vscode = json.loads(blocks["json"])
    assert [vscode["glspc.server.command"], *vscode["glspc.server.commandArguments"]] == ["tpkit", "server"]
    helix = tomllib.loads(blocks["toml"])
    assert helix["language-server"]["tpkit"] == {"command": "tpkit", "args": ["server"]}
    assert "tpkit" in helix["language"][0]["language-servers"]
    assert 'cmd = { "tpkit", "server" }' in blocks["lua"] and '/tpkit.yaml"' in blocks["lua"]
    assert '("tpkit" "server")' in blocks["elisp"]


#: run after the README's init.lua, on the file given to nvim: wait for tpkit's diagnostics, write them, quit
NVIM_HARNESS = """
local buf = vim.api.nvim_get_current_buf()
local ok = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
local out = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(out, { lnum = d.lnum, col = d.col, code = d.code or lsp.code, source = d.source })
end
local clients = {}
for _, c in pairs(vim.lsp.get_active_clients()) do
  table.insert(clients, { name = c.name, root = c.config.root_dir })
end
local result = { ok = ok, filetype = vim.bo.filetype, diagnostics = out, clients = clients }
vim.fn.writefile({ vim.fn.json_encode(result) }, vim.env.TPKIT_NVIM_OUT)
vim.cmd("qa!")
"""


def test_readme_neovim_snippet_gets_diagnostics_headless(tmp_path: Path) -> None:
    """The README's init.lua, as it stands, in the neovim installed here (Debian 12: 0.7.2), on a registry file."""
    import json
    import os
    import subprocess
    import sys

    nvim = shutil.which("nvim")
    if nvim is None:
        pytest.skip("neovim is not installed (apt-get install neovim)")
    if sys.platform == "win32":
        pytest.skip("the test puts a POSIX shell script named tpkit on neovim's PATH")
    root = tmp_path / "registry"
    shutil.copytree(EXAMPLE, root)
    path = root / PROCESS
    text = with_duplicate(path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    # `tpkit` on the editor's PATH: this checkout's
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "tpkit"
    shim.write_text(f'#!/bin/sh\nPYTHONPATH="{REPO / "src"}" exec "{sys.executable}" -m tpkit "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    (tmp_path / "init.lua").write_text(readme_blocks()["lua"], encoding="utf-8")
    (tmp_path / "harness.lua").write_text(NVIM_HARNESS, encoding="utf-8")
    out = tmp_path / "out.json"
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", "TPKIT_NVIM_OUT": str(out)}
    for xdg in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[xdg] = str(tmp_path / xdg.lower())
    cmd = [nvim, "--headless", "-n", "-i", "NONE", "-u", "init.lua", str(path), "-c", "luafile harness.lua"]
    run = subprocess.run(
        cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
    )
    assert out.is_file(), f"nvim wrote nothing (exit {run.returncode}): {run.stdout}{run.stderr}"
    result = json.loads(out.read_text(encoding="utf-8"))
    assert "Error" not in run.stderr + run.stdout, run.stderr + run.stdout
    assert result["filetype"] == "yaml"
    assert result["clients"] == [{"name": "tpkit", "root": str(root)}]
    assert result["ok"], "no diagnostics from tpkit server within 20 s"
    assert result["diagnostics"] == [
        {"lnum": line_of(text, "тот же портал"), "col": 4, "code": "TP104", "source": "tpkit"}
    ]
