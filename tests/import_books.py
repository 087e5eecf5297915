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
