"""A realistic corpus: three small registers kept the way agencies keep them in Excel — one row per stage, ЕПГУ
repeated per stage, the МФЦ without an agreement, next steps without terms — imported with ``tpkit import
xlsx``, and the findings each must produce, written down."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lint_json, run_cli, write

from tpkit.registry.yaml import parse

HEADER = [
    "№ п/п",
    "Наименование процесса",
    "Точка взаимодействия",
    "Форма",
    "Удовлетворяемые потребности",
    "Основание",
    "Особенности",
    "Ответственный",
    "Востребованность",
]
INFO = "получение информации"
CONSULT = "получение консультации"
SUBMIT = "предоставление заявления, обращения, запроса, документов"
STATUS = "получение информации о ходе рассмотрения заявления, обращения, запроса"
RESULT = "получение результата, ответа, разъяснения"
FEEDBACK = "предоставление обратной связи"

#: the МФЦ as the agency's catalogue has it: run by another organisation, no agreement named
MFC = (
    "  - id: mfc\n"
    "    name: МФЦ «Мои документы»\n"
    "    channel: one_stop_center\n"
    "    operator: ГБУ «МФЦ Энской области»\n"
    "    address: г. Энск, ул. Советская, д. 5\n"
    "    accessibility: [Пандус у входа]\n"
    "    responsible: petrova\n"
)

# --- 1. a service, one row per stage: ЕПГУ three times, the МФЦ, a notification without a term ------------

PAYMENT = "Назначение ежемесячной денежной выплаты"
PAYMENT_ROWS = [
    (PAYMENT, "Официальный сайт министерства", "цифровая", INFO),
    (PAYMENT, "ЕПГУ (подача заявления)", "цифровая", SUBMIT),
    (PAYMENT, "ЕПГУ (уведомления о ходе рассмотрения)", "цифровая", STATUS),
    (PAYMENT, "ЕПГУ (получение результата)", "цифровая", f"{RESULT}; {FEEDBACK}"),
    (PAYMENT, "МФЦ «Мои документы»", "оффлайн", f"{SUBMIT}; {RESULT}"),
]
#: last year's file of the process: what the table does not show (its notification) stays
PAYMENT_FILE = (
    "id: payment\n"
    f"title: {PAYMENT}\n"
    "direction: services\n"
    "basis: [ar-benefit]\n"
    "touchpoints:\n"
    "  - touchpoint: epgu\n"
    "    needs: [submit]\n"
    "notifications:\n"
    "  - event: Заявление принято к рассмотрению\n"
    "    touchpoint: epgu\n"
    "    automatic: true\n"
    "    next_step: О решении заявителю сообщат дополнительно\n"
)

# --- 2. appeals copied per unit, the reception once per stage --------------------------------------------

APPEALS_ROWS = [
    (
        "Рассмотрение обращений граждан в отделе выплат",
        "Официальный сайт министерства",
        "цифровая",
        f"{INFO}; {SUBMIT}",
    ),
    (
        "Рассмотрение обращений граждан в отделе выплат",
        "Контактный центр министерства",
        "цифровая",
        f"{CONSULT}; {STATUS}",
    ),
    ("Рассмотрение обращений граждан в отделе выплат", "Приемная министерства (прием обращений)", "оффлайн", SUBMIT),
    (
        "Рассмотрение обращений граждан в отделе выплат",
        "Приемная министерства (выдача ответов)",
        "оффлайн",
        f"{RESULT}; {FEEDBACK}",
    ),
    ("Рассмотрение обращений граждан в отделе опеки", "Официальный сайт министерства", "цифровая", f"{INFO}; {SUBMIT}"),
    (
        "Рассмотрение обращений граждан в отделе опеки",
        "Контактный центр министерства",
        "цифровая",
        f"{CONSULT}; {STATUS}",
    ),
    ("Рассмотрение обращений граждан в отделе опеки", "Приемная министерства", "оффлайн", f"{SUBMIT}; {RESULT}"),
]

# --- 3. a support measure: the formal pair, padded with every need ---------------------------------------

COMPENSATION = "Компенсация расходов на оплату жилого помещения"
COMPENSATION_ROWS = [
    (COMPENSATION, "ЕПГУ — информирование", "цифровая", f"{INFO}; {CONSULT}"),
    (COMPENSATION, "ЕПГУ — подача заявления", "цифровая", f"{SUBMIT}; {STATUS}; {FEEDBACK}"),
    (COMPENSATION, "Приемная министерства — консультации", "оффлайн", f"{INFO}; {CONSULT}"),
    (COMPENSATION, "Приемная министерства — прием документов", "оффлайн", f"{SUBMIT}; {RESULT}"),
]


def _book(path: Path, sheet: str, rows: list[tuple[str, str, str, str]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(["Перечень точек взаимодействия министерства"])
    ws.append(HEADER)
    for n, (process, tp, form, needs) in enumerate(rows, 1):
        ws.append([n, process, tp, form, needs, "", "", "", ""])
    wb.save(path)
    return path


def _import(root: Path, book: Path) -> str:
    r = run_cli("import", "xlsx", str(book), "--force", cwd=root)
    assert r.code == 0, r.stdout + r.stderr
    return r.stderr


def _process(root: Path, title: str) -> tuple[str, dict]:
    """The file (relative to the root) and the data of the process with ``title``."""
    for p in sorted((root / "processes").glob("*.yaml")):
        data = parse(p.read_text(encoding="utf-8")).data
        if data.get("title") == title:
            return f"processes/{p.name}", data
    raise AssertionError(f"no process «{title}»")


def _findings(root: Path) -> set[tuple[str, str]]:
    """Every finding in the imported processes (the catalogue's МФЦ is unused and unassessed in the base: info), and
    the catalogue's findings about them (TP106, TP201: once at the catalogue entry, naming the processes)."""
    report = lint_json(root)
    by_process = {"TP106", "TP201"}
    assert not [
        f
        for f in report["findings"]
        if f["path"] == "touchpoints.yaml" and f["severity"] != "info" and f["rule"] not in by_process
    ]
    return {
        (f["rule"], f["path"])
        for f in report["findings"]
        if f["path"].startswith("processes/") or f["rule"] in by_process
    }


@pytest.fixture
def agency(base: Path) -> Path:
    """The base registry with the МФЦ in its catalogue (no agreement, run by another organisation)."""
    text = (base / "touchpoints.yaml").read_text(encoding="utf-8")
    write(base, "touchpoints.yaml", text + MFC)
    return base


def test_service_kept_one_row_per_stage(agency: Path, tmp_path: Path) -> None:
    write(agency, "processes/payment.yaml", PAYMENT_FILE)
    report = _import(agency, _book(tmp_path / "payment.xlsx", "Услуги (сервисы)", PAYMENT_ROWS))
    _, proc = _process(agency, PAYMENT)
    entries = {e["touchpoint"]: e["needs"] for e in proc["touchpoints"]}
    # the three ЕПГУ rows are one touchpoint, the catalogue's, with the needs joined
    assert entries == {
        "site": ["info"],
        "epgu": ["submit", "status", "result", "feedback"],
        "mfc": ["submit", "result"],
    }
    # each merge is reported, never silent
    assert report.count("объединена / merged") == 2 and "ЕПГУ (получение результата)" in report
    assert proc["notifications"][0]["next_step"] == "О решении заявителю сообщат дополнительно"
    assert _findings(agency) == {
        ("TP103", "processes/payment.yaml"),  # the client submits, and no touchpoint helps
        ("TP106", "touchpoints.yaml"),  # the МФЦ without an agreement: no basis
        ("TP111", "processes/payment.yaml"),  # the МФЦ is another organisation's: no partner, no joint procedure
        ("TP307", "processes/payment.yaml"),  # the next step without a term
    }


def test_appeals_copied_per_unit(agency: Path, tmp_path: Path) -> None:
    report = _import(agency, _book(tmp_path / "appeals.xlsx", "Обращения и запросы", APPEALS_ROWS))
    assert report.count("объединена / merged") == 1 and "Приемная министерства (выдача ответов)" in report
    payments, data = _process(agency, "Рассмотрение обращений граждан в отделе выплат")
    custody, _ = _process(agency, "Рассмотрение обращений граждан в отделе опеки")
    entries = {e["touchpoint"]: e["needs"] for e in data["touchpoints"]}
    assert entries["reception"] == ["submit", "result", "feedback"]
    found = _findings(agency)
    # two copies of one uniform process, differing in one entry's needs; the copy without feedback is TP110
    assert found == {("TP112", payments), ("TP112", custody), ("TP110", custody)}


def test_support_measure_as_the_padded_formal_pair(agency: Path, tmp_path: Path) -> None:
    report = _import(agency, _book(tmp_path / "compensation.xlsx", "Меры господдержки", COMPENSATION_ROWS))
    assert report.count("объединена / merged") == 2
    path, data = _process(agency, COMPENSATION)
    entries = {e["touchpoint"]: e["needs"] for e in data["touchpoints"]}
    assert entries == {
        "epgu": ["info", "consultation", "submit", "status", "feedback"],
        "reception": ["info", "consultation", "submit", "result"],
    }
    # the formal pair, however padded: not TP101 (information and consultation are written in), but TP115
    assert _findings(agency) == {("TP115", path)}


def test_stage_rows_of_a_new_touchpoint_become_one_catalogue_entry(agency: Path, tmp_path: Path) -> None:
    rows = [
        ("Запись в кружки", "Портал «Активный гражданин» (подача заявления)", "цифровая", SUBMIT),
        ("Запись в кружки", "Портал «Активный гражданин» (получение результата)", "цифровая", RESULT),
        ("Запись в кружки", "Официальный сайт министерства", "цифровая", INFO),
    ]
    report = _import(agency, _book(tmp_path / "clubs.xlsx", "Услуги (сервисы)", rows))
    catalogue = parse((agency / "touchpoints.yaml").read_text(encoding="utf-8")).data["touchpoints"]
    (new,) = [t for t in catalogue if t["name"].startswith("Портал")]
    assert new["name"] == "Портал «Активный гражданин»" and new["channel"] == "website"
    _, data = _process(agency, "Запись в кружки")
    assert [e["needs"] for e in data["touchpoints"] if e["touchpoint"] == new["id"]] == [["submit", "result"]]
    assert report.count("объединена / merged") == 1 and "объединено 1," in report
