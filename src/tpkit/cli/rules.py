"""``tpkit rules``, ``tpkit explain`` and ``tpkit schema``: what the rules and the file format are."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .app import LangOpt, app
from .common import check_choice, chosen_lang
from .errors import fail


def _lang(lang: str | None) -> str:
    """Rules are not read from a registry, but speak its language when run inside one."""
    from .i18n import choose

    return chosen_lang(lang) or choose([])


@app.command()
def rules(
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="Output format: text | json | md.")
    ] = "text",
    lang: LangOpt = None,
) -> None:
    """List the rules."""
    from ..lint import docs

    check_choice("--format", fmt, ("text", "json", "md"))
    writers = {"text": docs.rules_text, "json": docs.rules_json, "md": docs.rules_markdown}
    sys.stdout.write(writers[fmt](_lang(lang)))


@app.command()
def explain(
    code: Annotated[str, typer.Argument(metavar="CODE", help="A rule code, e.g. TP101.")], lang: LangOpt = None
) -> None:
    """Explain one rule: what it checks, why, the anti-pattern and the best practice."""
    from ..lint import docs

    text = docs.explain(code, _lang(lang))
    if text is None:
        fail(f"нет правила {code} (список: tpkit rules) / no rule {code}")
    sys.stdout.write(text)


def _schema_dir() -> Path:
    """Where a registry keeps its schemas (``tpkit init``: ``.tpkit/schemas``); outside a registry, ``schemas``."""
    from ..author.init import SCHEMA_DIR
    from ..registry.model import NoRegistryError, find_root

    try:
        return find_root(Path.cwd()) / SCHEMA_DIR
    except NoRegistryError:
        return Path("schemas")


@app.command()
def schema(
    output: Annotated[
        Optional[Path],
        typer.Option(
            "--output",
            "-o",
            metavar="DIR",
            help="Folder for the schema files (default: .tpkit/schemas in a registry, else schemas).",
            show_default=False,
        ),
    ] = None,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if the folder differs from the models.")] = False,
) -> None:
    """Write the JSON Schemas (draft 2020-12) of every file kind."""
    from .. import schema as sch

    if output is None:
        output = _schema_dir()
    if check:
        stale = sch.check(output)
        for name in stale:
            what = "устарела / out of date" if (output / name).is_file() else "отсутствует / missing"
            typer.echo(f"{output / name}: {what} (tpkit schema --output {output})")
        raise typer.Exit(1 if stale else 0)
    for path in sch.write(output):
        typer.echo(f"записано / written: {path}")
