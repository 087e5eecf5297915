"""The house rules of docs/architecture.md, checked on the source: layers import downward only, no module
imports another module's private names, no module over 650 lines, only cli/ (and server/) talk to the terminal."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "tpkit"

#: package -> its layer; a module may import its own layer and the ones below
LAYERS = {
    "registry": 0,
    "config": 1,  # reads tpkit.yaml and checks its rule codes against the catalogue
    "util": 0,
    "schema": 0,
    "lint": 1,
    "report": 2,
    "render": 2,
    "review": 2,
    "author": 3,
    "site": 3,
    "server": 3,
    "cli": 4,
    "__main__": 5,
}
MAX_LINES = 650
#: the terminal libraries: only the command line (and the language server, through its client) may use them
TERMINAL = ("typer", "rich", "click")


def _modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if "__pycache__" not in p.parts)


def _package(path: Path) -> str:
    rel = path.relative_to(SRC)
    return rel.parts[0].removesuffix(".py") if rel.parts else ""


def _module_name(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[str, list[str], int]]:
    """(absolute module, imported names, line) for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = _module_name(path).split(".")
    if path.name != "__init__.py":
        here = here[:-1]
    out: list[tuple[str, list[str], int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend((a.name, [], node.lineno) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            out.append((module, [a.name for a in node.names], node.lineno))
    return out


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.relative_to(SRC).as_posix())
def test_imports_go_down_the_layers(path: Path) -> None:
    mine = LAYERS.get(_package(path))
    if mine is None:
        return  # tpkit/__init__.py
    for module, names, line in _imports(path):
        if not module.startswith("tpkit."):
            continue
        target = module.split(".")[1]
        if target not in LAYERS:  # ``from tpkit import x``: the names are the packages
            targets = [n for n in names if n in LAYERS]
        else:
            targets = [target]
        for t in targets:
            assert LAYERS[t] <= mine, f"{path.relative_to(SRC)}:{line} imports {module} ({t}) from a higher layer"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.relative_to(SRC).as_posix())
def test_no_private_names_of_other_modules(path: Path) -> None:
    for module, names, line in _imports(path):
        if not module.startswith("tpkit"):
            continue
        private = [n for n in names if n.startswith("_") and not n.startswith("__")]
        assert not private, f"{path.relative_to(SRC)}:{line} imports private names {private} from {module}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.relative_to(SRC).as_posix())
def test_modules_stay_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(SRC)} has {lines} lines (at most {MAX_LINES})"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.relative_to(SRC).as_posix())
def test_only_the_command_line_talks_to_the_terminal(path: Path) -> None:
    if _package(path) in ("cli", "__main__"):
        return
    for module, _names, line in _imports(path):
        root = module.split(".")[0]
        assert root not in TERMINAL, f"{path.relative_to(SRC)}:{line} imports {module}: only tpkit.cli may"


def test_state_lives_where_it_is_owned() -> None:
    """An index of the registry is a ``cached_property`` on ``Registry``, not a string key written into its
    ``__dict__`` by a rule; the one-shot switch of the garbage collector is the command line's, not a library's."""
    found: list[str] = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "__dict__":
                if not (isinstance(node.value, ast.Name) and node.value.id == "cls"):  # a class reading its own
                    found.append(f"{path.relative_to(SRC)}:{node.lineno} uses another object's __dict__")
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "gc"
                and node.attr in ("freeze", "disable")
                and _package(path) != "cli"
            ):
                found.append(f"{path.relative_to(SRC)}:{node.lineno} gc.{node.attr} outside the command line")
    assert not found, found
