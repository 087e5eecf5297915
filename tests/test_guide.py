"""The Russian user guide (docs/guide.ru.md) cannot rot: its runnable blocks run, its words are tpkit's words.

How the guide marks what is checked:

- ```` ```bash runnable ```` — a shell block that is run. The blocks run in order, each in a fresh bash in the
  registry folder ``реестр`` (``cwd=..``: in the folder above it, where the guide's first block makes it with
  ``tpkit init``); ``tpkit`` on PATH is this checkout and ``python`` the Python that runs it. Every command must
  exit 0 unless the comment at the end of its line (or on the line after it) says otherwise:
  ``# ожидается: код 1, «TP104», «ошибок: 1»`` — the exit code, and texts that the command's output (stdout and
  stderr) contains.
- ```` ```yaml file=processes/x.yaml ```` — a file the reader writes: the test writes it into the registry
  at that point of the sequence; ```` ```yaml append=agency.yaml ```` — lines the reader adds at a file's end.
- A table row whose first cell is a rule code (``| TP104 | duplicate-touchpoint | … |``) gives the rule's name
  and, when there is a third cell, its summary exactly as ``tpkit rules`` prints them.
- ``<!-- справка: tpkit lint -->`` before a table: each row's first cell is an option (in backticks) and the
  second its help text, word for word as ``tpkit lint --help`` prints it in Russian.
- Every rule code named anywhere must exist (``tpkit rules --format json``); every link to the methodology
  (``methodology.ru.md#p2-10``) must lead to a numbered point; every relative link to a file must lead to one.

The guide makes what it imports, as a reader would: the chapter on starting from an approved register makes its
own registry, ``мой-реестр``, beside ``реестр`` (``cwd=../мой-реестр``), and its Word appendix with ``python``
(python-docx); the Excel chapter makes ``перечень.xlsx`` next to the registry with ``python`` (openpyxl), rows
tpkit cannot map included.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from conftest import REPO

GUIDE = REPO / "docs" / "guide.ru.md"
REGISTRY = "реестр"

FENCE = re.compile(r"^```(?P<info>[^\n]*)\n(?P<body>.*?)^```\s*$", re.M | re.S)
EXPECT = re.compile(r"#\s*ожидается:\s*(?P<spec>.*)$")


@dataclass
class Command:
    text: str
    line: int  # in the guide, for messages
    code: int = 0
    contains: list[str] = field(default_factory=list)


@dataclass
class Block:
    kind: str  # "run" | "file" | "append"
    line: int
    body: str
    cwd: str = "."
    path: str = ""
    commands: list[Command] = field(default_factory=list)


def _parse_expect(spec: str, cmd: Command) -> None:
    m = re.search(r"код\s+(\d+)", spec)
    if m:
        cmd.code = int(m.group(1))
    cmd.contains += re.findall(r"«([^»]+)»", spec)


def _commands(body: str, first_line: int) -> list[Command]:
    """Split a shell block into commands: a line (with ``\\`` continuations and here-documents) is one."""
    out: list[Command] = []
    lines = body.splitlines()
    i = 0
    while i < len(lines):
        raw = lines[i]
        stripped = raw.strip()
        if not stripped:
            i += 1
            continue
        if stripped.startswith("#"):
            m = EXPECT.search(stripped)
            if m and out:  # an expectation on the line after a command
                _parse_expect(m.group("spec"), out[-1])
            i += 1
            continue
        start = i
        text = raw
        while text.endswith("\\") and i + 1 < len(lines):
            i += 1
            text = text[:-1] + "\n" + lines[i]
        heredoc = re.search(r"<<-?\s*'?(\w+)'?", text)
        if heredoc:
            end = heredoc.group(1)
            while i + 1 < len(lines):
                i += 1
                text += "\n" + lines[i]
                if lines[i].strip() == end:
                    break
        cmd = Command(text=text, line=first_line + start + 1)
        first = text.splitlines()[0]
        m = EXPECT.search(first)
        if m:
            _parse_expect(m.group("spec"), cmd)
        out.append(cmd)
        i += 1
    return out


def guide_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    for m in FENCE.finditer(text):
        info = m.group("info").split()
        line = text.count("\n", 0, m.start()) + 1
        if not info:
            continue
        opts = dict(w.split("=", 1) for w in info[1:] if "=" in w)
        if info[0] in ("bash", "sh") and "runnable" in info[1:]:
            b = Block("run", line, m.group("body"), cwd=opts.get("cwd", "."))
            b.commands = _commands(m.group("body"), line)
            blocks.append(b)
        elif "file" in opts:
            blocks.append(Block("file", line, m.group("body"), path=opts["file"]))
        elif "append" in opts:
            blocks.append(Block("append", line, m.group("body"), path=opts["append"]))
    return blocks


def _guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


# --- the environment the blocks run in -----------------------------------------------------------------


def _tpkit_on_path(tmp: Path) -> dict[str, str]:
    """``tpkit`` on PATH runs this checkout (a wrapper script over ``python -m tpkit``)."""
    bin_dir = tmp / "bin"
    bin_dir.mkdir()
    wrapper = bin_dir / "tpkit"
    wrapper.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m tpkit "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    # ``python`` is the Python tpkit runs on (the guide's Word appendix is made with python-docx, a dependency)
    python = bin_dir / "python"
    python.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} "$@"\n', encoding="utf-8")
    python.chmod(0o755)
    env = dict(os.environ)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONPATH"] = str(REPO / "src")
    for var in ("TPKIT_LANG", "GITHUB_ACTIONS", "NO_COLOR", "GIT_DIR", "GIT_WORK_TREE"):
        env.pop(var, None)
    env.update(
        GIT_AUTHOR_NAME="Аналитик",
        GIT_AUTHOR_EMAIL="analyst@example.ru",
        GIT_COMMITTER_NAME="Аналитик",
        GIT_COMMITTER_EMAIL="analyst@example.ru",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        COLUMNS="200",
        SOURCE_DATE_EPOCH="1767225600",
    )
    return env


@dataclass
class Outcome:
    cmd: Command
    code: int
    output: str


def _run_block(block: Block, ws: Path, env: dict[str, str]) -> list[Outcome]:
    cwd = ws / REGISTRY if block.cwd == "." else (ws / REGISTRY / block.cwd).resolve()
    assert cwd.is_dir(), f"guide line {block.line}: the folder {cwd} does not exist (yet)"
    out_dir = ws / ".outcomes"
    out_dir.mkdir(exist_ok=True)
    for old in out_dir.iterdir():
        old.unlink()
    script = ["set -u"]
    for n, cmd in enumerate(block.commands):
        script.append(f"{{\n{cmd.text}\n}} > {out_dir}/{n}.out 2>&1\necho $? > {out_dir}/{n}.rc")
    subprocess.run(["bash", "-c", "\n".join(script)], cwd=cwd, env=env, timeout=600, check=False)
    res = []
    for n, cmd in enumerate(block.commands):
        rc_file = out_dir / f"{n}.rc"
        assert rc_file.exists(), f"guide line {cmd.line}: the block stopped before `{cmd.text}`"
        res.append(
            Outcome(
                cmd,
                int(rc_file.read_text().strip()),
                (out_dir / f"{n}.out").read_text(encoding="utf-8", errors="replace"),
            )
        )
    return res


def test_runnable_blocks_run(tmp_path: Path) -> None:
    blocks = guide_blocks(_guide())
    assert sum(b.kind == "run" for b in blocks) >= 8, "the guide lost its runnable blocks"
    ws = tmp_path / "ws"
    ws.mkdir()
    env = _tpkit_on_path(tmp_path)
    failures: list[str] = []
    for block in blocks:
        if block.kind in ("file", "append"):
            target = ws / REGISTRY / block.path
            target.parent.mkdir(parents=True, exist_ok=True)
            before = target.read_text(encoding="utf-8") if block.kind == "append" else ""
            target.write_text(before + block.body, encoding="utf-8")
            continue
        for o in _run_block(block, ws, env):
            missing = [t for t in o.cmd.contains if t not in o.output]
            if o.code != o.cmd.code or missing:
                failures.append(
                    f"guide line {o.cmd.line}: `{o.cmd.text}` exited {o.code} (expected {o.cmd.code})"
                    + (f", output lacks {missing}" if missing else "")
                    + f"\n{o.output[-1500:]}"
                )
        if failures:
            break  # later blocks build on this one
    assert not failures, "\n\n".join(failures)


def test_commands_parse_with_expectations() -> None:
    cmds = _commands(
        "tpkit lint   # ожидается: код 1, «TP104», «ошибок: 1»\n"
        "# a comment\n"
        "tpkit render register \\\n  --format xlsx\n"
        "# ожидается: «записано»\n"
        "cat > x.yaml <<'EOF'\na: 1\nEOF\n",
        10,
    )
    assert [c.code for c in cmds] == [1, 0, 0]
    assert cmds[0].contains == ["TP104", "ошибок: 1"] and cmds[1].contains == ["записано"]
    assert cmds[1].text.endswith("--format xlsx") and cmds[2].text.endswith("EOF")
    assert cmds[0].line == 11


# --- the words of the guide are tpkit's words ----------------------------------------------------------


def _rules() -> dict[str, dict[str, str]]:
    r = subprocess.run(
        [sys.executable, "-m", "tpkit", "rules", "--format", "json"],
        env=dict(os.environ, PYTHONPATH=str(REPO / "src")),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return {rule["code"]: rule for rule in json.loads(r.stdout)}


def test_every_rule_code_in_the_guide_exists() -> None:
    rules = _rules()
    named = set(re.findall(r"\bTP\d{3}\b", _guide()))
    assert named, "the guide names no rule"
    assert sorted(named - set(rules)) == []


def test_the_guide_lists_every_rule() -> None:
    rows = {m.group(1) for m in re.finditer(r"^\|\s*(TP\d{3})\s*\|", _guide(), flags=re.M)}
    assert sorted(set(_rules()) - rows) == [], "a rule is missing from the guide's tables"


def _cells(line: str) -> list[str]:
    """A Markdown table row's cells; ``\\|`` is a ``|`` inside a cell."""
    inner = line.strip().removeprefix("|").removesuffix("|")
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", inner)]


def _plain(text: str) -> str:
    return " ".join(text.replace("`", "").split())


def test_rule_names_and_summaries_are_tpkits() -> None:
    rules = _rules()
    for line in _guide().splitlines():
        m = re.match(r"^\|\s*(TP\d{3})\s*\|", line)
        if not m:
            continue
        cells = _cells(line)
        rule = rules[cells[0]]
        assert _plain(cells[1]) == rule["name"], line
        if len(cells) > 2 and cells[2]:
            assert _plain(cells[2]) == rule["summary"], line


def _help(command: str) -> str:
    args = shlex.split(command)[1:]
    r = subprocess.run(
        [sys.executable, "-m", "tpkit", *args, "--help"],
        env=dict(os.environ, PYTHONPATH=str(REPO / "src"), COLUMNS="400", TPKIT_LANG="ru"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    return " ".join(r.stdout.split())


def test_option_tables_quote_the_russian_help() -> None:
    lines = _guide().splitlines()
    seen = 0
    for i, line in enumerate(lines):
        m = re.match(r"<!--\s*справка:\s*(tpkit[^-]*?)\s*-->", line)
        if not m:
            continue
        help_text = _help(m.group(1))
        rows = []
        for row in lines[i + 1 :]:
            if not row.startswith("|") and rows:
                break
            if row.startswith("|") and not re.match(r"^\|[\s:-]+\|", row):
                rows.append(row)
        for row in rows[1:]:  # the header row names the columns
            option, text = _cells(row)[:2]
            option = _plain(option)
            assert option.split()[0] in help_text, (m.group(1), option)
            assert _plain(text) in help_text, (m.group(1), option, text)
            seen += 1
    assert seen >= 10, "the guide lost its option tables"


def test_links_lead_somewhere() -> None:
    text = _guide()
    methodology = (REPO / "docs" / "methodology.ru.md").read_text(encoding="utf-8")
    anchors = set(re.findall(r'<a id="(p\d+-\d+)">', methodology))
    links = re.findall(r"\]\(([^)\s]+)\)", text)
    assert any(link.startswith("methodology.ru.md#") for link in links)
    for link in links:
        if link.startswith(("http://", "https://", "mailto:", "#")):
            continue
        path, _, anchor = link.partition("#")
        assert (GUIDE.parent / path).exists(), link
        if path == "methodology.ru.md" and anchor:
            assert anchor in anchors, link
