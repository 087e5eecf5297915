"""tpkit.yaml: tool settings. An invalid file is a usage error (exit 2), not a finding."""

from __future__ import annotations

from pathlib import Path

from .registry.models import Config
from .registry.source import read_source
from .registry.validate import validate


class ConfigError(Exception):
    """tpkit.yaml cannot be used; the message names file, line and column."""


def load_config(root: Path, lang: str | None = None) -> Config:
    path = root / "tpkit.yaml"
    if not path.exists():
        return Config()
    src = read_source(root, path, "tpkit")
    use_en = lang == "en"
    for p in src.problems:
        if p.code in ("TP001", "TP005", "TP002"):
            raise ConfigError(f"tpkit.yaml:{p.line}:{p.column}: {p.en if use_en else p.ru}")
    data = src.data if src.data is not None else {}
    obj, problems = validate(Config, data)
    if problems:
        p = problems[0]
        span = src.span(p.yaml_path)
        raise ConfigError(f"tpkit.yaml:{span.line}:{span.column}: {p.en if use_en else p.ru}")
    assert isinstance(obj, Config)
    return obj
