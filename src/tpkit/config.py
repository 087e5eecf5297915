"""tpkit.yaml: tool settings. An invalid file is a usage error (exit 2), not a finding."""

from __future__ import annotations

from pathlib import Path

from .registry.files import CONFIG_FILE
from .registry.models import Config
from .registry.problem import SCHEMA, SYNTAX, UNREADABLE
from .registry.source import read_source
from .registry.validate import validate_model


class ConfigError(Exception):
    """tpkit.yaml cannot be used; the message names file, line and column."""


def default_config() -> Config:
    """The settings of a registry without tpkit.yaml."""
    return Config()


def registry_language(start: Path) -> str | None:
    """``language:`` of the registry above ``start``, as :func:`load_config` reads it: for help and ``tpkit rules``,
    which speak the registry's language when run inside one. None outside a registry, or when its tpkit.yaml does
    not load (the commands that read the registry report that)."""
    from .registry import NoRegistryError, find_root

    try:
        return load_config(find_root(start)).language
    except (NoRegistryError, ConfigError, OSError):
        return None


def load_config(root: Path, lang: str | None = None, *, environment: bool = True) -> Config:
    """The registry's settings. ``environment``: also hold the variables that stand for settings to their rules
    (a command refuses a bad one; the language server, which lives on, links nowhere instead, and keeps the
    registry's own settings)."""
    use_en = lang == "en"
    if environment:
        _check_environment(use_en)
    path = root / CONFIG_FILE
    if not path.exists():
        return default_config()
    src = read_source(root, path, "tpkit")
    for p in src.problems:
        if p.kind in (SYNTAX, UNREADABLE, SCHEMA):
            at = p.span if p.span is not None else src.span(p.yaml_path)
            raise ConfigError(f"tpkit.yaml:{at.line}:{at.column}: {p.en if use_en else p.ru}")
    data = src.data if src.data is not None else {}
    obj, problems = validate_model(Config, data)
    if problems:
        p = problems[0]
        span = src.span(p.yaml_path)
        raise ConfigError(f"tpkit.yaml:{span.line}:{span.column}: {p.en if use_en else p.ru}")
    assert obj is not None
    problem = _check_codes(obj, use_en)
    if problem is not None:
        where, message = problem
        span = src.span(where)
        raise ConfigError(f"tpkit.yaml:{span.line}:{span.column}: {message}")
    return obj


def _check_environment(use_en: bool) -> None:
    """The variables that stand for settings of tpkit.yaml are held to the same rules (``TPKIT_DOCS_URL`` as
    ``docs_url``: an http(s) address)."""
    from .lint.docs import DOCS_URL_VARIABLE, refused_docs_url_variable

    value = refused_docs_url_variable()
    if value is not None:
        if use_en:
            raise ConfigError(
                f"{DOCS_URL_VARIABLE}: an address starting with https:// (or http://) is expected, not '{value}'"
            )
        raise ConfigError(
            f"{DOCS_URL_VARIABLE}: ожидается адрес, начинающийся с https:// (или http://), а не «{value}»"
        )


def _check_codes(config: Config, use_en: bool) -> tuple[tuple[str | int, ...], str] | None:
    """The first rule code or prefix in ``lint`` that names no rule, as (YAML path, message)."""
    from .lint.rule import catalogue, unknown_patterns

    def unknown(value: str, where: str) -> str:
        if use_en:
            return f"{where}: '{value}' names no rule (see tpkit rules)"
        return f"{where}: «{value}» — нет такого правила (список: tpkit rules)"

    lint = config.lint
    for key in ("select", "ignore"):
        values: list[str] = getattr(lint, key)
        for i, v in enumerate(values):
            if unknown_patterns([v]):
                return ("lint", key, i), unknown(v, f"lint.{key}")
    cat = catalogue()
    for code in lint.severity:
        rule = cat.get(code.upper())
        if rule is None:
            return ("lint", "severity", code), unknown(code, "lint.severity")
        if rule.always_on:
            msg = (
                f"lint.severity: the severity of the structure rule {rule.code} cannot be changed"
                if use_en
                else f"lint.severity: важность структурного правила {rule.code} не меняется"
            )
            return ("lint", "severity", code), msg
    for glob, codes in lint.per_file_ignores.items():
        for i, v in enumerate(codes):
            if unknown_patterns([v]):
                return ("lint", "per_file_ignores", glob, i), unknown(v, "lint.per_file_ignores")
    return None
