"""tpkit server, driven as an editor drives it: a subprocess speaking JSON-RPC over stdio."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls")

from conftest import EXAMPLE, REPO, run_cli
from lsp_client import LspClient

PROCESS = "processes/child-benefit.yaml"
DUPLICATE = "  - touchpoint: epgu          # тот же портал, другой этап\n    needs: [info]\n"


@pytest.fixture
def reg(tmp_path: Path) -> Path:
    root = tmp_path / "registry"
    shutil.copytree(EXAMPLE, root)
    return root


@pytest.fixture
def client(reg: Path) -> Iterator[LspClient]:
    c = LspClient(cwd=reg)
    c.initialize(reg)
    try:
        yield c
    finally:
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
    merged = apply(text, by_title["Перенести"]["edit"]["changes"][uri])
    assert "needs: [submit, status, result, feedback, info]" in merged
    assert "тот же портал" not in merged and "  - touchpoint: pos\n" in merged
    suppressed = apply(text, by_title["Подавить"]["edit"]["changes"][uri])
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


def test_shutdown_and_exit(reg: Path) -> None:
    c = LspClient(cwd=reg)
    c.initialize(reg)
    assert c.close() == 0


def test_without_pygls_the_command_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import tpkit.server

    monkeypatch.setattr(tpkit.server, "available", lambda: False)
    res = run_cli("server")
    assert res.code == 2
    assert "pip install 'tpkit[server]'" in res.stdout + res.stderr
    assert len((res.stdout + res.stderr).strip().splitlines()) == 1


def test_readme_editor_setups_start_tpkit_server() -> None:
    """The editor snippets parse (where Python can parse them) and all start `tpkit server`."""
    import json
    import re

    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### tpkit server:", 1)[1].split("\n### ", 1)[0]
    blocks = dict(re.findall(r"```(json|lua|toml|elisp)\n(.*?)```", section, re.S))
    assert set(blocks) == {"json", "lua", "toml", "elisp"}
    vscode = json.loads(blocks["json"])
    assert [vscode["glspc.server.command"], *vscode["glspc.server.commandArguments"]] == ["tpkit", "server"]
    helix = tomllib.loads(blocks["toml"])
    assert helix["language-server"]["tpkit"] == {"command": "tpkit", "args": ["server"]}
    assert "tpkit" in helix["language"][0]["language-servers"]
    assert 'cmd = { "tpkit", "server" }' in blocks["lua"] and '"tpkit.yaml"' in blocks["lua"]
    assert '("tpkit" "server")' in blocks["elisp"]
