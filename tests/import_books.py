"""Registers in the layouts agencies publish, built for the import tests (python-docx, openpyxl)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def _merged_row(table: Any, text: str) -> None:
    row = table.add_row()
    cell = row.cells[0].merge(row.cells[-1])
    cell.text = text


def per_direction_docx(path: Path) -> None:
    """An order's appendix: N | Точки контакта | Порядок взаимодействия | Особенности, merged direction rows."""
    import docx

    doc = docx.Document()
    doc.add_paragraph("Приложение к приказу от 15.01.2024 № 12")
    doc.add_paragraph("Перечень точек взаимодействия с клиентом")
    table = doc.add_table(rows=1, cols=4)
    for cell, text in zip(
        table.rows[0].cells,
        [
            "N",
            "Точки контакта с клиентом",
            "Порядок взаимодействия с клиентом",
            "Особенности взаимодействия с клиентом",
        ],
        strict=True,
    ):
        cell.text = text
    numbers = table.add_row()
    for i, cell in enumerate(numbers.cells, 1):
        cell.text = str(i)
    _merged_row(table, "Предоставление государственных услуг")
    for row in (
        [
            "1",
            "Официальный сайт департамента",
            "- информирование о порядке предоставления услуг;\n- получение форм документов (бланков)",
            "цифровая точка",
        ],
        [
            "2",
            "ЕПГУ",
            "- подача заявления в электронной форме;\n- информирование о ходе рассмотрения заявления;\n"
            "- получение результата",
            "цифровая точка",
        ],
        [
            "3",
            "Приемная департамента",
            "- консультирование;\n- прием заявлений и документов;\n- выдача результата;\n- запись к психологу",
            "оффлайн точка; пандус; кнопка вызова",
        ],
    ):
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    _merged_row(table, "Рассмотрение обращений граждан")
    for row in (
        ["4", "Официальный сайт департамента", "- подача обращения;\n- получение ответа", "цифровая точка"],
        ["5", "Платформа обратной связи (ПОС)", "- подача обращения; - оценка качества ответа", "цифровая"],
    ):
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    _merged_row(table, "Прочая деятельность департамента")
    doc.save(str(path))


def per_service_docx(path: Path) -> None:
    """One row per service and stage: № | Услуга | Точка взаимодействия | Форма | Виды взаимодействия."""
    import docx

    doc = docx.Document()
    table = doc.add_table(rows=1, cols=5)
    for cell, text in zip(
        table.rows[0].cells,
        ["№ п/п", "Наименование услуги", "Точка взаимодействия", "Форма", "Виды взаимодействия"],
        strict=True,
    ):
        cell.text = text
    service = "Выдача удостоверения многодетной семьи"
    for row in (
        ["1", service, "ЕПГУ (подача заявления)", "цифровая", "подача заявления и документов"],
        [
            "2",
            service,
            "ЕПГУ — получение результата",
            "цифровая",
            "уведомление о ходе рассмотрения; получение результата",
        ],
        ["3", service, "МФЦ (прием документов)", "оффлайн", "прием заявления и документов"],
        ["4", service, "МФЦ (выдача результата)", "оффлайн", "выдача удостоверения"],
        ["5", service, "Телефон отдела 8 (4872) 24-51-00", "цифровая", "консультирование по телефону"],
    ):
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    doc.save(str(path))


def other_order_xlsx(path: Path, *, with_ids: bool = False) -> None:
    """An Excel sheet with a title above the header and the columns in another order."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Лист1"
    ws.append(["Перечень точек взаимодействия с клиентом"])
    ws.append([])
    header = ["Точка взаимодействия", "Форма", "Потребности", "№", "Наименование процесса", "Ответственный"]
    if with_ids:
        header.append("id процесса")
    ws.append(header)
    ws.append(["Предоставление мер государственной поддержки"])
    rows: list[list[Any]] = [
        ["Официальный сайт министерства", "цифровая", "получение информации", 1, "Выплата на оздоровление", ""],
        ["ЕПГУ", "цифровая", "подача заявления; получение результата", 2, "Выплата на оздоровление", ""],
        ["Контактный центр", "цифровая", "консультирование", 3, "Компенсация проезда", ""],
    ]
    for r in rows:
        ws.append(r + (["health-payment" if "оздоровление" in str(r[4]) else "travel-refund"] if with_ids else []))
    if with_ids:
        ws.column_dimensions["G"].hidden = True
    wb.save(path)


# --- Word's structures, written into the XML where python-docx has no API (issue 28) ----------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

#: a table as a test writes it: rows of cell texts; a row given as a string is one cell merged across the table
TableSpec = list[list[str] | str]


def w_tag(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def add_word_table(doc: Any, rows: TableSpec) -> Any:
    """A table with ``rows`` (the first is the header) added at the end of ``doc``; the python-docx table."""
    width = max(len(r) for r in rows if not isinstance(r, str))
    table = doc.add_table(rows=0, cols=width)
    for values in rows:
        row = table.add_row()
        if isinstance(values, str):
            row.cells[0].merge(row.cells[-1]).text = values
            continue
        for cell, text in zip(row.cells, values, strict=False):
            cell.text = text
    return table


def word_doc(path: Path, *tables: TableSpec, title: str = "Перечень точек взаимодействия с клиентом") -> Any:
    """A document of ``tables`` (a paragraph between them), saved to ``path``; the document, to change and save."""
    import docx

    doc = docx.Document()
    doc.add_paragraph(title)
    for n, rows in enumerate(tables):
        if n:
            doc.add_paragraph("")
        add_word_table(doc, rows)
    doc.save(str(path))
    return doc


def wrap(element: Any, tag: str) -> Any:
    """Put ``element`` inside a ``w:sdt`` content control (``tag="sdt"``) or a ``w:customXml`` element."""
    from lxml import etree

    outer = etree.Element(w_tag(tag))
    element.addprevious(outer)
    if tag == "sdt":
        etree.SubElement(outer, w_tag("sdtPr"))
        inner = etree.SubElement(outer, w_tag("sdtContent"))
    else:
        outer.set(w_tag("element"), "register")
        inner = outer
    inner.append(element)
    return outer


def grid_before(tr: Any, n: int) -> None:
    """Drop the row's first ``n`` cells and say so with ``w:gridBefore`` (as Word writes a row that starts later)."""
    from lxml import etree

    for tc in tr.findall(w_tag("tc"))[:n]:
        tr.remove(tc)
    props = tr.find(w_tag("trPr"))
    if props is None:
        props = etree.Element(w_tag("trPr"))
        tr.insert(0, props)
    etree.SubElement(props, w_tag("gridBefore")).set(w_tag("val"), str(n))


def vmerge(tc: Any, restart: bool) -> None:
    """Make the cell the start (``restart``) or a continuation of a vertical merge; a continuation's text goes."""
    from lxml import etree

    props = tc.find(w_tag("tcPr"))
    if props is None:
        props = etree.Element(w_tag("tcPr"))
        tc.insert(0, props)
    mark = etree.SubElement(props, w_tag("vMerge"))
    if restart:
        mark.set(w_tag("val"), "restart")
    else:
        for p in tc.findall(w_tag("p")):
            for r in p.findall(w_tag("r")):
                p.remove(r)
