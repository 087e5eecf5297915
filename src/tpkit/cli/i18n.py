"""The language of the command line: help, headings and findings follow one choice.

The choice, first that applies: ``--lang ru|en`` anywhere on the command line (before ``--``), the ``TPKIT_LANG``
variable, ``language:`` in the ``tpkit.yaml`` of the registry above the working folder, Russian.

Help texts are written in English in the command modules (the code's language); :func:`translate` walks the click
command tree typer builds and puts the Russian text in place, and click's and typer's own words ("Usage:",
"Options:", "Show this message and exit.") are translated through the ``_`` each of their modules looks up when
it formats help. Looking at the arguments for ``--lang`` here is not a second parser: nothing else is read, and
typer still parses everything.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

LANGS = ("ru", "en")

#: help texts and command descriptions: English (as written in the code) -> Russian
HELP_RU: dict[str, str] = {
    # tpkit
    "The register of client touchpoints and interaction procedures, as YAML in git.": (
        "Реестр точек взаимодействия с клиентом и порядков взаимодействия в YAML и git."
    ),
    "Print the version and exit.": "Показать версию и выйти.",
    "Show tracebacks of internal errors.": "Показывать трассировку внутренних ошибок.",
    "Language of messages and help: ru | en.": "Язык сообщений и справки: ru | en.",
    # lint
    "Check the registry against the methodology (rules TP001…TP901).": (
        "Проверить реестр по методическим рекомендациям (правила TP001…TP901)."
    ),
    "Registry folder, or files in it (default: the registry).": "Папка реестра или файлы в нем (по умолчанию — весь "
    "реестр).",
    "Report format: text | json | sarif | github | gitlab | junit.": (
        "Формат отчета: text | json | sarif | github | gitlab | junit."
    ),
    "Write the report to FILE (- for stdout).": "Записать отчет в ФАЙЛ (- — в стандартный вывод).",
    "Codes or prefixes to enable.": "Коды или префиксы включаемых правил.",
    "Codes or prefixes to disable.": "Коды или префиксы отключаемых правил.",
    "Exit 1 from this severity up: error | warning | info | never.": (
        "Код выхода 1 начиная с этой важности: error | warning | info | never."
    ),
    "Report only findings not recorded in this baseline FILE.": (
        "Сообщать только о замечаниях, которых нет в этом файле базовой линии."
    ),
    "Record today's findings in FILE (to adopt tpkit on an existing register).": (
        "Записать сегодняшние замечания в ФАЙЛ (для поэтапного внедрения на существующем перечне)."
    ),
    "Report only findings absent at git revision REV, plus TP113.": (
        "Сообщать только о замечаниях, которых не было в ревизии git REV, и TP113."
    ),
    # rules, explain, schema
    "List the rules.": "Список правил.",
    "Output format: text | json | md.": "Формат вывода: text | json | md.",
    "Explain one rule: what it checks, why, the anti-pattern and the best practice.": (
        "Объяснить правило: что проверяет, почему, антипаттерн и лучшая практика."
    ),
    "A rule code, e.g. TP101.": "Код правила, например TP101.",
    "Write the JSON Schemas (draft 2020-12) of every file kind.": (
        "Записать JSON-схемы (draft 2020-12) всех видов файлов."
    ),
    "Folder for the schema files (default: .tpkit/schemas of the registry, else schemas).": (
        "Папка для файлов схем (по умолчанию .tpkit/schemas реестра, вне реестра schemas)."
    ),
    "Exit 1 if the folder differs from the models.": "Код выхода 1, если папка расходится с моделями.",
    # render
    "Documents from the registry: Word, PDF, ODT, Markdown, HTML, Excel, CSV.": (
        "Документы из реестра: Word, PDF, ODT, Markdown, HTML, Excel, CSV."
    ),
    "With --format pdf: PDF/A-2b for archiving (LibreOffice's export filter).": (
        "С --format pdf: PDF/A-2b для архивного хранения (фильтр экспорта LibreOffice)."
    ),
    "An interaction procedure (порядок взаимодействия) as a document.": "Порядок взаимодействия — документом.",
    "The procedure's id.": "Идентификатор порядка.",
    "Every procedure of the registry.": "Все порядки реестра.",
    "Document format: docx | pdf | odt | md | html.": "Формат документа: docx | pdf | odt | md | html.",
    "Document format: docx | md | html.": "Формат документа: docx | md | html.",
    "FILE (one procedure), DIR (--all), or - for stdout.": "ФАЙЛ (один порядок), ПАПКА (--all) или - (вывод).",
    "The registry folder (default: found from the current one).": "Папка реестра (по умолчанию — найденная от текущей).",
    "The register of touchpoints (перечень точек взаимодействия): a table per direction of activity.": (
        "Перечень точек взаимодействия: таблица по каждому направлению деятельности."
    ),
    "Direction of activity: services | functions | support | control | appeals.": (
        "Направление деятельности: services | functions | support | control | appeals."
    ),
    "Document format: docx | pdf | odt | xlsx | md | html | csv.": (
        "Формат документа: docx | pdf | odt | xlsx | md | html | csv."
    ),
    "FILE, DIR, or - for stdout.": "ФАЙЛ, ПАПКА или - (вывод).",
    "Seconds a template may run per document (default 5, or TPKIT_TEMPLATE_TIME_LIMIT; tpkit.yaml may only "
    "lower it).": "Сколько секунд шаблон может работать над одним документом (по умолчанию 5 или "
    "TPKIT_TEMPLATE_TIME_LIMIT; tpkit.yaml может только уменьшить).",
    # diff
    "Compare the registry at two git revisions by meaning (for a merge request).": (
        "Сравнить реестр в двух ревизиях git по смыслу (для запроса на слияние)."
    ),
    "The git revision to compare with (default: agency.yaml register.approval.revision, the approved one).": (
        "Ревизия git для сравнения (по умолчанию — утвержденная, register.approval.revision в agency.yaml)."
    ),
    "Changes of the register since its approved revision, for an amending order (о внесении изменений).": (
        "Изменения перечня с утвержденной ревизии — для приказа о внесении изменений."
    ),
    "The revision to review (default: the working tree).": "Проверяемая ревизия (по умолчанию — рабочая копия).",
    "Report format: text | md | json.": "Формат отчета: text | md | json.",
    "Registry folder (default: the current one).": "Папка реестра (по умолчанию — текущая).",
    # author
    "Create a registry that lints clean: worked example, CI files, pre-commit, VS Code schemas.": (
        "Создать реестр, проходящий проверку: пример, файлы CI, pre-commit, схемы для VS Code."
    ),
    "Folder for the new registry (created if missing).": "Папка нового реестра (создается, если ее нет).",
    "Write into a folder that is not empty.": "Записать в непустую папку.",
    "Add a valid, commented skeleton: processes/ID.yaml, procedures/ID.yaml or an entry in touchpoints.yaml.": (
        "Добавить заготовку с комментариями: processes/ID.yaml, procedures/ID.yaml или запись в touchpoints.yaml."
    ),
    "What to add: process | touchpoint | procedure.": "Что добавить: process | touchpoint | procedure.",
    "The new object's id.": "Идентификатор нового объекта.",
    "Title (name for a touchpoint).": "Название (для точки — наименование).",
    "Touchpoint channel (default: other_digital).": "Канал точки (по умолчанию other_digital).",
    "Canonical formatting of the registry's YAML: key order, indentation; comments and data kept.": (
        "Единое оформление YAML реестра: порядок ключей, отступы; комментарии и данные сохраняются."
    ),
    "Change nothing; exit 1 if some file would change.": "Ничего не менять; код 1, если файл изменился бы.",
    "Import a register kept elsewhere into the registry's YAML files.": (
        "Импортировать перечень, который велся в другом месте, в файлы YAML реестра."
    ),
    "A register kept in Excel becomes touchpoints.yaml and processes/*.yaml; unmapped rows are reported.": (
        "Перечень из Excel становится touchpoints.yaml и processes/*.yaml; несопоставленные строки перечисляются."
    ),
    "Replace process files that already exist.": "Заменить существующие файлы процессов.",
    "No example process, procedure, touchpoints or acts: the start for tpkit import.": (
        "Без примера процесса, порядка, точек и актов: начало для tpkit import."
    ),
    "Direction for rows under no direction heading, on a sheet whose name is not one (default: services).": (
        "Направление для строк без заголовка направления на листе, название которого им не является "
        "(по умолчанию services)."
    ),
    "An .xlsx workbook: tpkit's register export or an agency's own table, any sheet.": (
        "Книга .xlsx: выгрузка перечня tpkit или собственная таблица ведомства, любой лист."
    ),
    "A .docx document whose tables are the register (an order's appendix).": (
        "Документ .docx, таблицы которого — перечень (приложение к приказу)."
    ),
    "A register published in Word (its tables) becomes touchpoints.yaml and processes/*.yaml.": (
        "Перечень, утвержденный в Word (его таблицы), становится touchpoints.yaml и processes/*.yaml."
    ),
    "Print the plan (rows, what each became, what was not understood); write nothing.": (
        "Показать план (строки, во что превратилась каждая, что не понято); ничего не записывать."
    ),
    "Also write the plan to FILE.md (for the merge request).": (
        "Записать план также в FILE.md (для запроса на слияние)."
    ),
    "Processes × touchpoints with the needs in the cells; the journey gaps of each process.": (
        "Процессы × точки взаимодействия, в ячейках — потребности; пробелы пути клиента по каждому процессу."
    ),
    "Output format: text | html | csv.": "Формат вывода: text | html | csv.",
    # tpkit site
    "The register as a static web site: pages, journey pictures, findings, offline search (exit as lint).": (
        "Перечень как статический веб-сайт: страницы, схемы пути клиента, замечания, поиск без сети "
        "(коды выхода как у lint)."
    ),
    "The folder to write the site into (default: build/site; build/public with --public).": (
        "Папка, в которую записывается сайт (по умолчанию build/site; с --public — build/public)."
    ),
    "The public view alone: where a person goes for what, no findings (for the agency's site).": (
        "Только публичный вид: куда обращаться и за чем, без замечаний (для официального сайта ведомства)."
    ),
    "Write into a non-empty folder tpkit did not write (never over or deleting others' files).": (
        "Писать в непустую папку, которую записал не tpkit (чужие файлы не перезаписываются и не удаляются)."
    ),
    "Also each procedure as DOCX (and PDF where LibreOffice is) to download.": (
        "Также каждый порядок в DOCX (и PDF, если есть LibreOffice) для скачивания."
    ),
    "A page of the figures of the last N commits.": "Страница с показателями последних N коммитов.",
    # server
    "A Language Server Protocol server over stdio: diagnostics, completion, hover, definition, references.": (
        "Языковой сервер (LSP) через stdio: замечания, дополнение, подсказки, переход к определению, ссылки."
    ),
}

#: click's and typer's own words in help and errors
WORDS_RU: dict[str, str] = {
    "Usage:": "Использование:",
    "Options": "Параметры",
    "Arguments": "Аргументы",
    "Commands": "Команды",
    "Positional arguments": "Позиционные аргументы",
    "Show this message and exit.": "Показать эту справку и выйти.",
    "default: {default}": "по умолчанию: {default}",
    "required": "обязательно",
    "Missing command.": "Не указана команда.",
    "Error": "Ошибка",
    "Try {command!r} for help.": "Справка: {command!r}.",
    "Try '{command} {option}' for help.": "Справка: '{command} {option}'.",
    "No such command {name!r}.": "Нет команды {name!r}.",
    "No such option: {name}": "Нет параметра: {name}",
    "Missing argument {param_hint}.": "Не указан аргумент {param_hint}.",
    "Missing option {param_hint}.": "Не указан параметр {param_hint}.",
    "Option {name!r} requires an argument.": "Параметру {name!r} нужно значение.",
    "Got unexpected extra argument ({args})": "Лишний аргумент ({args})",
    "Aborted!": "Прервано.",
}

#: where click's words are looked up: typer vendors click as ``typer._click`` (0.2x), older typer uses click
_CLICK_MODULES = (
    *(
        f"{pkg}.{mod}"
        for pkg in ("click", "typer._click")
        for mod in ("core", "formatting", "exceptions", "decorators")
    ),
    "typer.core",
)


def _from_argv(argv: Iterable[str]) -> str | None:
    args = list(argv)
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def _from_registry(start: Path) -> str | None:
    """``language:`` of the tpkit.yaml above ``start``, read as text (a broken file is lint's to report)."""
    try:
        here = start.resolve()
    except OSError:
        return None
    for folder in (here, *here.parents):
        config = folder / "tpkit.yaml"
        if config.is_file():
            try:
                text = config.read_text(encoding="utf-8", errors="replace")[:65536]
            except OSError:
                return None
            m = re.search(r"^language:\s*[\"']?(ru|en)[\"']?\s*(#.*)?$", text, re.MULTILINE)
            return m.group(1) if m else None
    return None


def choose(argv: Iterable[str], cwd: Path | None = None) -> str:
    """The language of this run (see the module's docstring); an unknown value counts as none."""
    for value in (_from_argv(argv), os.environ.get("TPKIT_LANG", "").strip().lower() or None):
        if value in LANGS:
            return value
    return _from_registry(cwd or Path.cwd()) or "ru"


def env_lang() -> str | None:
    """``TPKIT_LANG`` if it names a language."""
    value = os.environ.get("TPKIT_LANG", "").strip().lower()
    return value if value in LANGS else None


def _ru_words(message: str) -> str:
    return WORDS_RU.get(message, message)


def translate(command: Any, lang: str) -> None:
    """Put the help of ``command`` (a click command typer built) and every sub-command and parameter in ``lang``
    (English is as written)."""
    import sys

    if lang != "ru":
        return
    for name in _CLICK_MODULES:
        module = sys.modules.get(name)
        if module is not None and hasattr(module, "_"):
            setattr(module, "_", _ru_words)  # noqa: B010  (the module's own lookup of gettext)
    _translate(command)


def _translate(command: Any) -> None:
    from types import SimpleNamespace

    try:  # the --help option is made on demand; make it now to put its text in Russian
        option = command.get_help_option(SimpleNamespace(help_option_names=["--help"]))
    except Exception:  # pragma: no cover - another click version
        option = None
    if option is not None and option.help:
        option.help = WORDS_RU.get(option.help, option.help)
    if command.help:
        command.help = HELP_RU.get(command.help.strip(), command.help)
    if command.short_help:
        command.short_help = HELP_RU.get(command.short_help.strip(), command.short_help)
    for param in command.params:
        text = getattr(param, "help", None)
        if isinstance(text, str):
            param.help = HELP_RU.get(text, text)
    if isinstance(getattr(command, "commands", None), dict):
        for sub in command.commands.values():
            _translate(sub)
