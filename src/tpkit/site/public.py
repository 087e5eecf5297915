"""The public view (``tpkit site --public``): where a person goes for what, in plain words.

For each service, function, support measure, control and appeals process: each need it lists (the vocabulary's
in its order, then the agency's own), in words a person uses («Подать заявление»), and the touchpoints that meet
it with what it takes to get there — address, schedule, phone (a ``tel:`` link), web address (a link when it is
http(s)), accessibility. No need codes, findings, rule codes or analyst figures; a draft register says so on
every page (:func:`tpkit.lint.rules.approval.is_draft`, as the documents print «ПРОЕКТ»). It is the page an
agency links from its official site.
"""

from __future__ import annotations

from types import SimpleNamespace as NS
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..registry.enums import DIRECTIONS, NEEDS, form_of
from ..russian import agree
from .context import register_draft
from .env import a, render, static
from .lookup import Entry, az_page, search_page, see_also
from .names import Names, rel
from .objects import contacts
from .page import Part, h2, items, markup, para, props, shell
from .search import SearchIndex, synonyms
from .summary import DRAFT_REGISTER, approval_text

if TYPE_CHECKING:
    from ..registry import Registry
    from ..registry import models as m
    from ..registry.models import Config

NAV = (("index.html", "Главная"), ("az.html", "А–Я"))
SEARCH = ("Поиск: услуга, мера поддержки, куда обратиться", "Например: пособие, госуслуги, приемная")
#: each need in the words of a person who has it
NEED_WORDS = {
    "info": "Узнать о порядке и условиях",
    "consultation": "Получить консультацию",
    "forms": "Получить бланки и формы документов",
    "submit": "Подать заявление, обращение или документы",
    "status": "Узнать, как идет рассмотрение",
    "result": "Получить результат или ответ",
    "inspection": "Предъявить объект для осмотра (проверки)",
    "feedback": "Оставить отзыв или оценку",
    "feedback_result": "Узнать, что сделано по отзыву",
}
#: how a person reaches a touchpoint of a channel (offline ones not named here: in person)
HOW = {
    "website": "в интернете",
    "portal": "в интернете",
    "mobile_app": "в мобильном приложении",
    "social_network": "в социальной сети",
    "messenger": "в мессенджере",
    "chatbot": "в чате",
    "voice_assistant": "с голосовым помощником",
    "call_center": "по телефону",
    "phone": "по телефону",
    "email": "по электронной почте",
    "api": "через информационную систему",
    "other_digital": "в электронном виде",
    "mail": "по почте",
}
#: what a process is, for a person, by direction
KIND = {
    "services": "услуга",
    "functions": "функция",
    "support": "мера поддержки",
    "control": "контроль",
    "appeals": "обращения",
}


def how(channel: str) -> str:
    return HOW.get(channel, "лично" if channel and form_of(channel) == "offline" else "")


class Public:
    """The registry as the public view shows it: page paths and the shell of every page."""

    def __init__(self, reg: Registry) -> None:
        self.reg = reg
        self.names = Names()
        for p in reg.processes:
            self.names.add("process", p)
        for t in reg.touchpoints:
            self.names.add("touchpoint", t)
        ag = reg.agency
        self.agency = (ag.short_name or ag.name) if ag else "Куда обращаться"
        self.draft = DRAFT_REGISTER if register_draft(reg) else ""
        self.footer = f"Сведения из перечня точек взаимодействия: {ag.name if ag else ''}. Сформировано tpkit."

    def needs(self) -> list[tuple[str, str]]:
        """Every need a process may list, in order, with its words: the vocabulary's, then the agency's own."""
        return [(c, NEED_WORDS[c]) for c in NEEDS] + [
            (c, label) for c, label in self.reg.needs.items() if c not in NEEDS
        ]

    def shell(self, path: str, title: str, crumbs: bool = True) -> dict[str, object]:
        return shell(
            path,
            title,
            agency=self.agency,
            crumbs=[("index.html", "Главная")] if crumbs else [],
            draft=self.draft,
            nav=NAV,
            footer=self.footer,
            search=SEARCH,
        )

    def page(self, path: str, title: str, body: list[Part], crumbs: bool = True) -> str:
        return render("page.html.j2", parts=body, **self.shell(path, title, crumbs))


def _place(pub: Public, here: str, n: int, tp: m.Touchpoint, can: list[str]) -> NS:
    return NS(
        anchor=f"place-{n}",
        name=a(rel(here, pub.names.add("touchpoint", tp.id)), tp.name),
        how=how(tp.channel),
        rows=[(k, v) for k, v in [("Кто обеспечивает", tp.operator or ""), *contacts(tp)] if v],
        can=can,
    )


def process_page(pub: Public, p: m.Process) -> tuple[str, str]:
    reg, here = pub.reg, pub.names.add("process", p.id)
    entries = [(e, reg.touchpoints[e.touchpoint]) for e in p.touchpoints if e.touchpoint in reg.touchpoints]
    anchors = {tp.id: n + 1 for n, (_e, tp) in enumerate(entries)}
    words = dict(pub.needs())
    where = []
    for code, label in pub.needs():
        at = [tp for e, tp in entries if code in e.needs]
        if at:
            links = Markup(", ").join(a(f"#place-{anchors[tp.id]}", tp.name) for tp in at)
            where.append(Markup("<b>{}</b>: {}").format(label, links))
    places = [_place(pub, here, anchors[tp.id], tp, [words[c] for c in words if c in e.needs]) for e, tp in entries]
    body = [
        props([("Направление", DIRECTIONS.get(p.direction, {}).get("ru", "")), ("Описание", p.description or "")]),
        h2("Что и где можно сделать"),
        items(where, "needs-where", "Точки взаимодействия не указаны."),
        h2("Куда обращаться"),
        markup(Markup(render("places.html.j2", places=places))),
    ]
    return here, pub.page(here, p.title, body)


def touchpoint_page(pub: Public, tp: m.Touchpoint) -> tuple[str, str]:
    reg, here = pub.reg, pub.names.add("touchpoint", tp.id)
    words = dict(pub.needs())
    uses = [
        Markup("{}: {}").format(
            a(rel(here, pub.names.add("process", u.process.id)), u.process.title),
            "; ".join(words[c].lower() for c in words if c in u.entry.needs),
        )
        for u in reg.usages.get(tp.id, [])
    ]
    body = [
        props([("Как обратиться", how(tp.channel)), ("Кто обеспечивает", tp.operator or ""), *contacts(tp)]),
        h2("Что здесь можно сделать"),
        items(uses, "links", "Процессы, для которых эта точка указана, в перечне не названы."),
    ]
    if tp.description:
        body.insert(1, para(tp.description))
    return here, pub.page(here, tp.name, body)


def index_page(pub: Public) -> tuple[str, str]:
    reg, here = pub.reg, "index.html"
    body: list[Part] = [
        para(
            "Где получить услугу или меру поддержки, подать обращение, узнать, как идет рассмотрение, и оставить "
            "отзыв: для каждого процесса — какие действия где можно совершить, адреса, телефоны и режим работы."
        ),
        props([("Перечень", approval_text(reg))]),
    ]
    for d, labels in DIRECTIONS.items():
        procs = [p for p in reg.processes.values() if p.direction == d]
        if procs:
            body.append(h2(f"{labels['ru']} ({len(procs)})"))
            body.append(items(a(pub.names.add("process", p.id), p.title) for p in procs))
    n = len(reg.touchpoints)
    body.append(h2(f"Куда можно обратиться: {n} {agree(n, 'точка')} взаимодействия"))
    body.append(
        items(
            Markup('{} <span class="kind">{}</span>').format(
                a(pub.names.add("touchpoint", t), tp.name), how(tp.channel)
            )
            for t, tp in reg.touchpoints.items()
        )
    )
    body.append(para(Markup("Все услуги и точки по алфавиту — в {}.").format(a("az.html", "указателе А–Я"))))
    title = "Куда обращаться"
    return here, pub.page(here, title, body, crumbs=False)


def _index(pub: Public, config: Config) -> tuple[SearchIndex, dict[str, list[int]]]:
    reg, idx = pub.reg, SearchIndex()
    words = dict(pub.needs())
    for p in reg.processes.values():
        needs = " ".join(words.get(n, "") for e in p.touchpoints for n in e.needs)
        idx.add(KIND.get(p.direction, "процесс"), p.title, pub.names.add("process", p.id), p.description or "", needs)
    for tp in reg.touchpoints.values():
        idx.add("куда обратиться", tp.name, pub.names.add("touchpoint", tp.id), tp.address or "", tp.operator or "")
    return idx, idx.colloquial(synonyms(config.site.synonyms))


def render_public(reg: Registry, config: Config) -> dict[str, bytes]:
    """Every file of the public view by its path."""
    pub = Public(reg)
    pages: dict[str, str] = {}
    for path, html in (index_page(pub),):
        pages[path] = html
    for p in reg.processes.values():
        path, html = process_page(pub, p)
        pages[path] = html
    for tp in reg.touchpoints.values():
        path, html = touchpoint_page(pub, tp)
        pages[path] = html
    idx, found = _index(pub, config)
    entries = [Entry(title, path, kind) for kind, title, path in idx.docs]
    pages["az.html"] = az_page(
        "az.html",
        entries,
        see_also(idx, found, (*tuple(KIND.values()), "куда обратиться")),
        intro="Все услуги, функции, меры поддержки и места, куда можно обратиться, — по алфавиту.",
        base=pub.shell("az.html", "Указатель А–Я"),
    )
    pages["search.html"] = search_page(
        "search.html",
        what="услуги и точки",
        hint="Ищите по словам названия услуги или места, в том числе по привычным названиям: «госуслуги», «МФЦ».",
        base=pub.shell("search.html", "Поиск"),
    )
    files = {k: v.encode("utf-8") for k, v in pages.items()}
    files["style.css"] = static("style.css")
    files["search.js"] = static("search.js")
    files["search-index.js"] = idx.script().encode("utf-8")
    return files
