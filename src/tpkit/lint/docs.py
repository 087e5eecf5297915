"""Rule documentation generated from the rule classes: ``tpkit rules``, ``tpkit explain``, docs/rules.md."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any

from ..registry.weburl import web_href
from .rule import Rule, catalogue

if TYPE_CHECKING:
    from ..registry.models import Config

#: the variable that says where the rules are documented (over ``docs_url`` in tpkit.yaml)
DOCS_URL_VARIABLE = "TPKIT_DOCS_URL"


def docs_url(config: Config) -> str | None:
    """Where each rule is documented, as a template with ``{code}`` and ``{lower}``: ``TPKIT_DOCS_URL``, else
    ``docs_url`` in tpkit.yaml (the agency's published ``tpkit site`` has a page per rule). None: nowhere that
    tpkit knows of, so reports give no link and carry the rule's text themselves.

    A variable that is not an http(s) address links nowhere (``javascript:`` never becomes a link); the commands
    refuse it before they run (:func:`refused_docs_url_variable`, read by ``config.load_config``)."""
    value = os.environ.get(DOCS_URL_VARIABLE, "").strip()
    if value:
        return value if web_href(value) is not None else None
    return config.docs_url


def refused_docs_url_variable() -> str | None:
    """``TPKIT_DOCS_URL`` when it is set to something that is not an http(s) address, else None."""
    value = os.environ.get(DOCS_URL_VARIABLE, "").strip()
    return value if value and web_href(value) is None else None


def rule_url(template: str | None, code: str) -> str | None:
    """The link to one rule's documentation (``{code}`` -> TP101, ``{lower}`` -> tp101), or None without one."""
    if not template:
        return None
    return template.replace("{code}", code).replace("{lower}", code.lower())


_GROUPS = {
    "TP0": {"ru": "TP0 — структура", "en": "TP0 — structure"},
    "TP1": {"ru": "TP1 — перечень точек взаимодействия", "en": "TP1 — the register of touchpoints"},
    "TP2": {"ru": "TP2 — ответственность и утверждение", "en": "TP2 — responsibility and approval"},
    "TP3": {"ru": "TP3 — порядки взаимодействия", "en": "TP3 — interaction procedures"},
    "TP9": {"ru": "TP9 — сам линтер", "en": "TP9 — the linter itself"},
}

_L = {
    "ru": {
        "why": "Почему",
        "anti": "Антипаттерн",
        "best": "Как правильно",
        "removed": "(файл отсутствует)",
        "binary": "(файл не в UTF-8: {n})",
        "sev": "Важность",
        "review": "только в tpkit diff и lint --since",
        "more": "Описание правила",
    },
    "en": {
        "why": "Why",
        "anti": "Anti-pattern",
        "best": "Best practice",
        "removed": "(the file is absent)",
        "binary": "(a file that is not UTF-8: {n})",
        "sev": "Severity",
        "review": "only in tpkit diff and lint --since",
        "more": "The rule's documentation",
    },
}


def rule_dict(r: type[Rule], lang: str) -> dict[str, Any]:
    return {
        "code": r.code,
        "name": r.name,
        "severity": r.severity,
        "summary": r.summary[lang],
        "rationale": r.rationale[lang],
        "always_on": r.always_on,
        "review_only": r.review_only,
        "anti_pattern": {k: _file_text(v, lang) for k, v in r.anti_pattern.items()},
        "best_practice": {k: _file_text(v, lang) for k, v in r.best_practice.items()},
    }


def _file_text(v: str | bytes | None, lang: str) -> str:
    if v is None:
        return _L[lang]["removed"]
    if isinstance(v, bytes):
        from ..russian import count

        size = count(len(v), "байт") if lang == "ru" else f"{len(v)} byte{'' if len(v) == 1 else 's'}"
        return _L[lang]["binary"].format(n=size)
    return v


def rules_text(lang: str) -> str:
    lines = []
    for r in catalogue().values():
        lines.append(f"{r.code}  {r.name:<34} {r.severity:<8} {r.summary[lang]}")
    return "\n".join(lines) + "\n"


def rules_json(lang: str) -> str:
    return json.dumps([rule_dict(r, lang) for r in catalogue().values()], ensure_ascii=False, indent=2) + "\n"


def _examples(title: str, files: dict[str, str | bytes | None], lang: str, fence: bool) -> list[str]:
    out = [f"**{title}**" if fence else f"{title}:", ""]
    for path, body in files.items():
        text = _file_text(body, lang)
        if fence:
            out += [f"`{path}`", "", "```yaml", text.rstrip("\n"), "```", ""]
        else:
            out += [f"  # {path}"] + [f"  {ln}" for ln in text.rstrip("\n").splitlines()] + [""]
    return out


def explain(code: str, lang: str) -> str | None:
    r = catalogue().get(code.upper())
    if r is None:
        return None
    w = _L[lang]
    out = [f"{r.code} {r.name} ({w['sev']}: {r.severity})", "", r.summary[lang], ""]
    if r.review_only:
        out += [f"[{w['review']}]", ""]
    out += [f"{w['why']}:", r.rationale[lang], ""]
    if r.anti_pattern:
        out += _examples(w["anti"], r.anti_pattern, lang, fence=False)
    if r.best_practice:
        out += _examples(w["best"], r.best_practice, lang, fence=False)
    return "\n".join(out).rstrip("\n") + "\n"


def rules_markdown(lang: str = "ru") -> str:
    title = "Правила tpkit" if lang == "ru" else "tpkit rules"
    intro = {
        "ru": "Каждое правило — из Методических рекомендаций; примеры — файлы, которые накладываются на небольшой "
        "чистый реестр (`tests/fixtures/base`): антипаттерн вызывает замечание, «как правильно» — нет "
        "(это проверяется тестами). Настройка и подавление замечаний — в README, раздел «Rules».",
        "en": "Each rule comes from the methodology; the examples are files laid over a small clean registry "
        "(`tests/fixtures/base`): the anti-pattern triggers the finding, the best practice does not (tests "
        "check both). Configuration and suppression: README, section «Rules».",
    }
    out = [
        f"# {title}",
        "",
        "<!-- generated by `tpkit rules --format md`; do not edit by hand -->",
        "",
        intro[lang],
        "",
    ]
    cat = catalogue()
    for prefix, names in _GROUPS.items():
        group = [r for r in cat.values() if r.code.startswith(prefix)]
        if not group:
            continue
        out += [
            f"## {names[lang]}",
            "",
            "| code | name | severity | " + ("что проверяет" if lang == "ru" else "checks") + " |",
            "|---|---|---|---|",
        ]
        out += [f"| [{r.code}](#{r.code.lower()}) | {r.name} | {r.severity} | {r.summary[lang]} |" for r in group]
        out.append("")
        for r in group:
            out += [f"### {r.code}", "", *_rule_body_md(r, lang)]
    return "\n".join(out).rstrip("\n") + "\n"


def _rule_body_md(r: type[Rule], lang: str) -> list[str]:
    w = _L[lang]
    out = [f"`{r.name}` — {w['sev']}: **{r.severity}**", "", r.summary[lang], ""]
    if r.review_only:
        out += [f"_{w['review']}_", ""]
    out += [f"**{w['why']}.** {r.rationale[lang]}", ""]
    if r.anti_pattern:
        out += _examples(w["anti"], r.anti_pattern, lang, fence=True)
    if r.best_practice:
        out += _examples(w["best"], r.best_practice, lang, fence=True)
    return out


def rule_hover(code: str, lang: str, url: str | None = None) -> str | None:
    """What an editor shows on a finding's code: the rule's summary and why, and its link when there is one."""
    r = catalogue().get(code.upper())
    if r is None:
        return None
    w = _L[lang]
    out = f"**{r.code}** `{r.name}` — {r.summary[lang]}\n\n**{w['why']}.** {r.rationale[lang]}\n"
    if url:
        out += f"\n[{w['more']}]({url})\n"
    return out


def rule_markdown(code: str, lang: str) -> str | None:
    """One rule's documentation in Markdown (the SARIF ``help.markdown``), without a heading."""
    r = catalogue().get(code.upper())
    if r is None:
        return None
    return "\n".join(_rule_body_md(r, lang)).rstrip("\n") + "\n"
