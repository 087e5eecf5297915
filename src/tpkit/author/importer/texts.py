"""What the import says, in Russian and in English: why a cell or a row was not taken as it stood, the kinds of
structural row, how a channel was chosen, and the words of the plan. One table, read by the plan, the command's lines
and the tests alike; ``lang`` is ``ru`` or ``en`` (anything else reads as English)."""

from __future__ import annotations

from ...render.register_columns import COLUMNS

#: why a cell was not taken as it stood (the row is written), or why a row was not understood (it is not)
REASONS: dict[str, tuple[str, str]] = {
    "act": (
        "акт не найден в acts.yaml — добавьте его и повторите импорт (--force)",
        "no such act in acts.yaml — add it and import again (--force)",
    ),
    "official": (
        "должностное лицо не найдено в agency.yaml — не указано",
        "no such official in agency.yaml — left out",
    ),
    "need": ("потребность не распознана — записано в notes", "not a need — kept in notes"),
    "demand": (
        "не число обращений, «маловостребована» или «учет не велся»",
        "not a number of requests, «маловостребована» or «учет не велся»",
    ),
    "form": (
        "форма не «цифровая» и не «оффлайн» — определена по названию точки",
        "the form is neither «цифровая» nor «оффлайн» — taken from the touchpoint's name",
    ),
    "form-twice": (
        "особенности называют другую форму, чем столбец формы — оставлена из столбца, текст записан в notes",
        "the features name another form than the form column — the column's kept, the text kept in notes",
    ),
    "pid": (
        "не идентификатор (a-z, 0-9, -, _) — id взят из наименования",
        "not an id (a-z, 0-9, -, _) — the id is made from the title",
    ),
    "catalogue-form": (
        "форма расходится с каталогом — оставлена из каталога",
        "the form differs from the catalogue's — the catalogue's kept",
    ),
    "catalogue-access": (
        "доступность точки каталога не изменена — добавьте в touchpoints.yaml сами",
        "a catalogue touchpoint's accessibility is not changed — add it to touchpoints.yaml yourself",
    ),
    "basis-missing": (
        "в строке нет основания, указанного для точки в каталоге",
        "the row lacks a basis the catalogue gives the touchpoint",
    ),
    "responsible-empty": (
        "пусто, но в каталоге ответственный указан — он и останется",
        "empty, but the catalogue names one — it stays",
    ),
    "title": (
        "наименование расходится с процессом {0} — оставлено из реестра",
        "the title differs from process {0} — the registry's kept",
    ),
    "no-needs": ("нет ни одной потребности (TP105)", "no need at all (TP105)"),
    "heading": (
        "заголовок не назван направлением деятельности — строки ниже отнесены к прежнему",
        "the heading names no direction of activity — the rows below keep the previous one",
    ),
    "heading-process": (
        "заголовок не назван направлением деятельности — прочитан как наименование процесса строк ниже, "
        "направление прежнее",
        "the heading names no direction of activity — read as the process title of the rows below, the direction kept",
    ),
    "direction": (
        "не названо направление деятельности — строка отнесена к направлению листа или заголовка",
        "names no direction of activity — the row keeps the sheet's or the heading's",
    ),
    "several-touchpoints": (
        "в ячейке, похоже, несколько точек взаимодействия — строка записана к одной; разделите ее на строки по точкам",
        "the cell seems to name several touchpoints — the row is written to one; split it into a row per touchpoint",
    ),
    "official-in": (
        "должностное лицо {0} найдено по имени в ячейке — проверьте",
        "official {0} found by the name in the cell — check it",
    ),
    "footnote": (
        "сноска к строке, которая не записывается, — текст здесь",
        "a footnote to a row that is not written — its text is here",
    ),
    "extra-column": (
        "столбец не из перечня — текст его ячеек записан в notes",
        "not a register column — the text of its cells goes to notes",
    ),
    # a row not understood: nothing of it is written, its text is in the report
    "no-process": ("нет наименования процесса — строка пропущена", "no process title — the row is left out"),
    "no-touchpoint": ("нет точки взаимодействия — строка пропущена", "no touchpoint — the row is left out"),
    "no-header": (
        "не найдена строка заголовков (точка взаимодействия, потребности…) — таблица не прочитана",
        "no header row (touchpoint, needs…) — the table is not read",
    ),
    "no-direction": (
        "ни лист, ни заголовок над строками не названы направлением — строки пропущены (--direction)",
        "neither the sheet nor a heading above names a direction — rows left out (--direction)",
    ),
    "no-tables": ("в документе нет таблиц", "the document has no tables"),
}

#: a conflict between rows merged into one entry (or naming one new touchpoint): the value kept and the one put in
#: ``notes``; {0} the column, {1} the later value, {2} the first row, {3} the value kept
CONFLICT: tuple[str, str] = (
    "{0}: «{1}» расходится со строкой {2} («{3}») — оставлено «{3}», «{1}» записано в notes",
    "{0}: «{1}» differs from row {2} («{3}») — «{3}» kept, «{1}» kept in notes",
)

#: the kinds of structural row: counted and listed, never data
STRUCTURAL: dict[str, tuple[str, str]] = {
    "header": ("строка заголовков", "header row"),
    "header-again": ("заголовки повторены (новая страница)", "the header again (a new page)"),
    "sub-header": ("вторая строка заголовков", "the header's second row"),
    "new-header": ("заголовки следующей таблицы", "the header of the next table"),
    "numbers": ("номера столбцов", "column numbers"),
    "total": ("итоговая строка", "a total row"),
    "heading": ("заголовок направления", "direction heading"),
    "process-title": ("наименование процесса для строк ниже", "the process title of the rows below"),
    "title": ("текст над таблицей", "text above the table"),
    "empty": ("пустые", "empty"),
    "frame": ("рамка вокруг вложенной таблицы", "a frame around a nested table"),
}

#: how a new touchpoint's channel was chosen (the plan says it beside the channel)
CHANNEL_WHY: dict[str, tuple[str, str]] = {
    "name": ("по названию", "from the name"),
    "reception": (
        "здесь принимают заявления и выдают результаты — пункт приема",
        "applications are received and results issued here: a reception point",
    ),
    "address": ("названа только адресом — уточните channel", "named only by its address — check the channel"),
    "phone": ("в названии только номер телефона", "only a phone number in the name"),
    "none": (
        "ни название, ни потребности не называют канал — уточните channel",
        "neither the name nor the needs name a channel — check the channel",
    ),
}

#: column keys and the other places a cell is reported at -> (Russian, English)
COLUMN_NAMES: dict[str, tuple[str, str]] = {
    **{c.key: (c.ru, c.en) for c in COLUMNS},
    "pid": ("id процесса", "process id"),
    "direction": ("направление", "direction"),
}

#: the words of the plan
WORDS: dict[str, tuple[str, str]] = {
    "title": ("План импорта", "Import plan"),
    "summary": (
        "Строк: {rows} — записано {written}, объединено {merged}, служебных {structural}, не понято {unread}. "
        "Процессов: {processes} (новых {new}, заменяемых {replaced}); новых точек в каталоге: {touchpoints}; "
        "замечаний к ячейкам: {notes}; расхождений: {conflicts}.",
        "Rows: {rows} — written {written}, merged {merged}, structural {structural}, not understood {unread}. "
        "Processes: {processes} ({new} new, {replaced} replaced); new catalogue touchpoints: {touchpoints}; "
        "notes on cells: {notes}; conflicts: {conflicts}.",
    ),
    "dry": ("Ничего не записано (--dry-run).", "Nothing written (--dry-run)."),
    "files": ("Файлы", "Files"),
    "rows": ("Строки", "Rows"),
    "structural": ("Служебные строки", "Structural rows"),
    "conflicts": ("Расхождения", "Conflicts"),
    "unread": ("Не понято", "Not understood"),
    "none": ("нет", "none"),
    "create": ("создать", "create"),
    "replace": ("заменить", "replace"),
    "points": ("точек", "touchpoints"),
    "append": ("дополнить", "add to"),
    "new": ("новая точка каталога", "a new catalogue touchpoint"),
    "catalogue": ("точка каталога", "a catalogue touchpoint"),
    "same": ("та же точка, что выше", "the same touchpoint as above"),
    "merged": ("объединена со строкой {0}", "merged into row {0}"),
    "continued": ("продолжение строки {0}", "the rest of row {0}"),
    "added": ("добавлено", "added"),
    "in-notes": ("в notes", "in notes"),
    "from-name": ("из названия", "from the name"),
    "columns": ("столбцы", "columns"),
}


def say(table: dict[str, tuple[str, str]], key: str, lang: str, *args: object, **named: object) -> str:
    """The text of ``key`` in ``lang``, with ``args`` (and ``named``) put in."""
    ru, en = table[key]
    return (ru if lang == "ru" else en).format(*args, **named)


def column_name(column: str, lang: str) -> str:
    """A column key in words; a header's own text (an unknown column) as it is."""
    names = COLUMN_NAMES.get(column)
    return column if names is None else names[0 if lang == "ru" else 1]
