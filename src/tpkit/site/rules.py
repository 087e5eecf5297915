"""A page per rule (``rules/tp101.html``: the text of ``tpkit explain``) and their index (``rules/index.html``).

An agency that publishes its site points the editor's and SARIF's rule links here (``docs_url`` in ``tpkit.yaml``:
``https://its-site/rules/{lower}.html``), so the paths stay as they are.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from ..lint.docs import rule_dict
from ..lint.rule import catalogue
from .context import SEVERITY_LABELS
from .env import a
from .names import rel, rule_page
from .page import Part, h2, h3, items, page, para, pre, props

INDEX = "rules/index.html"
_WORDS = {
    "ru": {
        "title": "Правила проверки",
        "intro": "Каждое правило — из Методических рекомендаций; tpkit lint и страницы этого сайта называют замечания "
        "кодами правил. Примеры — файлы реестра: антипаттерн вызывает замечание, «как правильно» — нет.",
        "severity": "Важность",
        "summary": "Что проверяет",
        "message": "Текст замечания",
        "why": "Почему",
        "anti": "Антипаттерн",
        "best": "Как правильно",
        "review": "только в tpkit diff и lint --since",
        "always": "всегда включено, не отключается",
        "note": "Примечание",
    },
    "en": {
        "title": "Rules",
        "intro": "Each rule comes from the methodology; tpkit lint and this site name findings by their rule's code. "
        "The examples are registry files: the anti-pattern triggers the finding, the best practice does not.",
        "severity": "Severity",
        "summary": "Checks",
        "message": "Message",
        "why": "Why",
        "anti": "Anti-pattern",
        "best": "Best practice",
        "review": "only in tpkit diff and lint --since",
        "always": "always on, cannot be switched off",
        "note": "Note",
    },
}


def message_pattern(message: str) -> str:
    """A finding's message with «…» where the finding puts its own words («ни одна точка процесса «{title}» …» →
    «… «…» …»); empty when the message is all such words (TP001's ``{detail}``)."""
    text = re.sub(r"\{\w+\}", "…", message)
    return "" if not text.strip("… ") else text


def rule_pages(agency: str, lang: str) -> dict[str, str]:
    """Every rule's page and the index, by path."""
    w = _WORDS.get(lang, _WORDS["ru"])
    crumbs = [("index.html", "Обзор"), (INDEX, w["title"])]
    out: dict[str, str] = {}
    rows = []
    for code, rule in catalogue().items():
        here = rule_page(code)
        d = rule_dict(rule, lang)
        severity = SEVERITY_LABELS.get(rule.severity, rule.severity) if lang == "ru" else rule.severity
        notes = [w["review"] if rule.review_only else "", w["always"] if rule.always_on else ""]
        body: list[Part] = [
            props(
                [
                    (w["severity"], severity),
                    (w["summary"], d["summary"]),
                    (w["message"], message_pattern(rule.message[lang])),
                    (w["note"], "; ".join(n for n in notes if n)),
                ]
            ),
            h2(w["why"]),
            para(d["rationale"]),
        ]
        for key, heading in (("anti_pattern", w["anti"]), ("best_practice", w["best"])):
            if d[key]:
                body.append(h2(heading))
                for path, text in d[key].items():
                    body += [h3(path), pre(text)]
        out[here] = page(here, f"{code} {rule.name}", body, agency=agency, crumbs=crumbs)
        rows.append(
            Markup("%s <code>%s</code> (%s): %s") % (a(rel(INDEX, here), code), rule.name, severity, d["summary"])
        )
    # a list, not a table: the summaries are sentences, and a four-column table squeezes them on a phone
    body = [para(w["intro"]), items(rows)]
    out[INDEX] = page(INDEX, w["title"], body, agency=agency, crumbs=[("index.html", "Обзор")])
    return out
