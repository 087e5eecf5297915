"""``tpkit rules``, ``tpkit explain`` and ``tpkit schema``: what the rules and the file format are."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .app import LangOpt, RegistryOpt, app
from .common import check_choice, chosen_lang, registry_root
from .errors import fail


def _lang(ctx: typer.Context, lang: str | None) -> str:
    """Rules are not read from a registry, but speak its language when run inside one."""
    from ..config import registry_language

    return chosen_lang(ctx, lang) or registry_language(Path.cwd()) or "ru"


@app.command()
def rules(
    ctx: typer.Context,
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="Output format: text | json | md.")
    ] = "text",
    lang: LangOpt = None,
) -> None:
    """List the rules."""
    from ..lint import docs

    check_choice("--format", fmt, ("text", "json", "md"))
    writers = {"text": docs.rules_text, "json": docs.rules_json, "md": docs.rules_markdown}
    sys.stdout.write(writers[fmt](_lang(ctx, lang)))


@app.command()
def explain(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(metavar="CODE", help="A rule code, e.g. TP101.")],
    lang: LangOpt = None,
) -> None:
    """Explain one rule: what it checks, why, the anti-pattern and the best practice."""
    from ..lint import docs

    text = docs.explain(code, _lang(ctx, lang))
    if text is None:
        fail(f"нет правила {code} (список: tpkit rules) / no rule {code}")
    sys.stdout.write(text)


@app.command()
def schema(
    output: Annotated[
        Optional[Path],
        typer.Option(
            "--output",
            "-o",
            metavar="DIR",
            help="Folder for the schema files (default: .tpkit/schemas of the registry, else schemas).",
        ),
    ] = None,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if the folder differs from the models.")] = False,
    registry: RegistryOpt = None,
    lang: LangOpt = None,
) -> None:
    """Write the JSON Schemas (draft 2020-12) of every file kind."""
    # inside a registry (found from the current folder, or --registry) the schemas list the agency's own needs
    # from agency.yaml and go to its .tpkit/schemas, where tpkit init wired them for the editor
    from .. import schema as sch
    from ..author.init import SCHEMA_DIR
    from ..registry import NoRegistryError, find_root

    root: Path | None = None
    if registry is not None:
        root = registry_root(registry)
    else:
        try:
            root = find_root(Path.cwd())
        except NoRegistryError:
            root = None
    needs = sch.registry_needs(root) if root is not None else None
    folder = output if output is not None else (root / SCHEMA_DIR if root is not None else Path("schemas"))
    if output is None and root is not None and root.is_relative_to(Path.cwd().resolve()):
        folder = folder.relative_to(Path.cwd().resolve())
    if folder.exists() and not folder.is_dir():
        fail(f"{folder}: это файл, а нужна папка / not a folder")
    if check:
        stale = sch.check(folder, needs)
        hint = (
            "tpkit schema"
            + ("" if registry is None else f" -C {registry}")
            + ("" if output is None else f" -o {output}")
        )
        for name in stale:
            state = "устарела / out of date" if (folder / name).is_file() else "нет файла / missing"
            typer.echo(f"{folder / name}: {state} ({hint})")
        raise typer.Exit(1 if stale else 0)
    for path in sch.write(folder, needs):
        typer.echo(f"записано / written: {path}")
