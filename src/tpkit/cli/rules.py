"""``tpkit rules``, ``tpkit explain`` and ``tpkit schema``: what the rules and the file format are."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .app import LangOpt, app
from .common import check_choice, check_lang
from .errors import fail


@app.command()
def rules(
    fmt: Annotated[str, typer.Option("--format", "-f", help="text | json | md")] = "text",
    lang: LangOpt = None,
) -> None:
    """List the rules."""
    from ..lint import docs

    check_choice("--format", fmt, ("text", "json", "md"))
    check_lang(lang)
    writers = {"text": docs.rules_text, "json": docs.rules_json, "md": docs.rules_markdown}
    sys.stdout.write(writers[fmt](lang or "ru"))


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A rule code, e.g. TP101.")], lang: LangOpt = None) -> None:
    """Explain one rule: what it checks, why, the anti-pattern and the best practice."""
    from ..lint import docs

    check_lang(lang)
    text = docs.explain(code, lang or "ru")
    if text is None:
        fail(f"нет правила {code} (список: tpkit rules) / no rule {code}")
    sys.stdout.write(text)


@app.command()
def schema(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the schema files.")] = Path("schemas"),
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if the folder differs from the models.")] = False,
) -> None:
    """Write the JSON Schemas (draft 2020-12) of every file kind."""
    from .. import schema as sch

    if check:
        stale = sch.check(output)
        for name in stale:
            typer.echo(f"{output / name}: устарела / out of date (tpkit schema --output {output})")
        raise typer.Exit(1 if stale else 0)
    for path in sch.write(output):
        typer.echo(f"записано / written: {path}")
