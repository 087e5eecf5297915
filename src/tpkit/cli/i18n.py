"""The language of the command line: help, headings and findings follow one choice.

The choice, first that applies: ``--lang ru|en`` anywhere on the command line (before ``--``), the ``TPKIT_LANG``
variable, ``language:`` in the ``tpkit.yaml`` of the registry above the working folder (as the config loader reads
it: :func:`tpkit.config.registry_language`), Russian.

Help is printed while the options are parsed, before any command runs, so the language of help is chosen from the
arguments as given: looking at them for ``--lang`` is not a second parser (nothing else is read, typer still
parses everything, and ``--lang``'s value is checked once, by its option). It is chosen when help or a usage error
is first shown, not before: reading ``tpkit.yaml`` costs the config loader's imports, which ``tpkit --version``
and a clean ``tpkit lint`` never need.

Help texts are written in English in the command modules (the code's language); :func:`follow_language` has the
click command tree typer builds put the Russian text in place when its help is asked for, and click's and typer's
own words ("Usage:", "Options:", "Show this message and exit.") follow through the ``_`` each of their modules
looks up when it formats help, until the run's undo puts their own back.
"""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import typer

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
    "Write nothing and exit 1 when tpkit lint would fail on the registry (lint.fail_on in tpkit.yaml).": (
        "Не записывать ничего и завершиться с кодом 1, если tpkit lint не проходит (lint.fail_on в tpkit.yaml)."
    ),
    "Findings recorded in this baseline FILE do not count (as for tpkit lint).": (
        "Замечания, записанные в ФАЙЛ базовой линии, не учитываются (как в tpkit lint)."
    ),
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
    "Create a registry: a worked example with placeholders <…> for your data, CI files, pre-commit, VS Code schemas.": (
        "Создать реестр: пример с заглушками <…> для ваших данных, файлы CI, pre-commit, схемы для VS Code."
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

#: click's usage errors as typer 0.2x's own copy of click writes them (literal English, no ``_`` to hook): pattern ->
#: Russian, applied line by line to what ``UsageError.show`` prints
USAGE_RU: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), ru)
    for pattern, ru in (
        (r"^Try '(.+)' for help\.$", r"Справка: '\1'."),
        (r"^Error: ", "Ошибка: "),
        (r"No such option: ", "Нет параметра: "),
        (r"\(Possible options: (.+)\)$", r"(возможно: \1)"),
        (r"Missing argument (.+)\.$", r"Не указан аргумент \1."),
        (r"Missing option (.+)\.$", r"Не указан параметр \1."),
        (r"Option (.+) requires an argument\.$", r"Параметру \1 нужно значение."),
        (r"Option (.+) requires (\d+) arguments\.$", r"Параметру \1 нужно значений: \2."),
        (r"Got unexpected extra argument(?:s|\(s\))? \((.+)\)$", r"Лишнее в команде: \1"),
        (r"No such command (.+)\.$", r"Нет команды \1."),
        (r"Invalid value for (.+?): ", r"Недопустимое значение \1: "),
    )
)

#: the modules whose ``UsageError`` prints a usage error: click's own and typer's copy of it
_EXCEPTION_MODULES = ("click.exceptions", "typer._click.exceptions")


def usage_ru(text: str) -> str:
    """A usage error as click printed it, in Russian (a line no pattern knows stays as it is)."""
    out = []
    for line in text.split("\n"):
        for pattern, ru in USAGE_RU:
            line = pattern.sub(ru, line)
        out.append(line)
    return "\n".join(out)


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


def env_lang() -> str | None:
    """``TPKIT_LANG`` if it names a language."""
    value = os.environ.get("TPKIT_LANG", "").strip().lower()
    if not value:
        return None
    from ..registry.enums import LANGUAGES  # not on the way of tpkit --version

    return value if value in LANGUAGES else None


def choose(argv: Iterable[str], cwd: Path | None = None) -> str:
    """The language of this run's help (see the module's docstring); an unknown ``--lang`` counts as none here (its
    option refuses it)."""
    from ..config import registry_language
    from ..registry.enums import LANGUAGES

    asked = _from_argv(argv)
    if asked in LANGUAGES:
        return asked
    return env_lang() or registry_language(cwd or Path.cwd()) or "ru"


def follow_language(command: Any, argv: list[str]) -> Callable[[], None]:
    """Have the help of ``command`` (the click command typer built), of its sub-commands and parameters, and click's
    own words, follow the language of the run ``argv`` starts, chosen when help or a usage error is first shown.
    Returns what undoes it (click's words are module state)."""
    chosen: list[str] = []

    def lang() -> str:
        if not chosen:
            chosen.append(choose(argv))
        return chosen[0]

    def words(message: str) -> str:
        return WORDS_RU.get(message, message) if lang() == "ru" else message

    translated: list[bool] = []
    #: (object, attribute, English text): the command tree is reused by later runs in the process
    restore: list[tuple[Any, str, Any]] = []

    class HelpContext(typer.Context):
        """A context that puts the command tree's help in the run's language before it shows help or usage."""

        def _follow(self) -> None:
            if not translated:
                translated.append(True)
                if lang() == "ru":
                    restore.extend(_translate(command))

        def get_help(self) -> str:
            self._follow()
            return super().get_help()

        def get_usage(self) -> str:
            self._follow()
            return super().get_usage()

    _each_command(command, lambda cmd: setattr(cmd, "context_class", HelpContext))
    saved: dict[str, Any] = {}
    for name in _CLICK_MODULES:
        module = sys.modules.get(name)
        if module is not None and hasattr(module, "_"):
            saved[name] = module._
            setattr(module, "_", words)  # noqa: B010  (the module's own lookup of gettext)

    shows: list[tuple[Any, Any]] = []
    for name in _EXCEPTION_MODULES:
        usage_error = getattr(sys.modules.get(name), "UsageError", None)
        if usage_error is not None and "show" in vars(usage_error):
            original_show = vars(usage_error)["show"]
            shows.append((usage_error, original_show))

            def show(self: Any, file: Any = None, _show: Any = original_show) -> None:
                if lang() != "ru":
                    _show(self, file)
                    return
                buf = io.StringIO()
                _show(self, buf)
                target = file if file is not None else sys.stderr
                target.write(usage_ru(buf.getvalue()))

            usage_error.show = show

    def undo() -> None:
        for cls, original_show in shows:
            cls.show = original_show
        for name, original in saved.items():
            setattr(sys.modules[name], "_", original)  # noqa: B010
        for obj, attr, text in reversed(restore):
            setattr(obj, attr, text)
        restore.clear()

    return undo


def _each_command(command: Any, fn: Callable[[Any], None]) -> None:
    fn(command)
    if isinstance(getattr(command, "commands", None), dict):
        for sub in command.commands.values():
            _each_command(sub, fn)


def _translate(command: Any) -> list[tuple[Any, str, Any]]:
    """Put the help of ``command`` and of everything under it in Russian; returns the (object, attribute, English
    text) it replaced, to put back."""
    from types import SimpleNamespace

    replaced: list[tuple[Any, str, Any]] = []

    def put(obj: Any, attr: str, table: dict[str, str], key: str) -> None:
        text = table.get(key)
        if text is not None:
            replaced.append((obj, attr, getattr(obj, attr)))
            setattr(obj, attr, text)

    def one(cmd: Any) -> None:
        try:  # the --help option is made on demand; make it now to put its text in Russian
            option = cmd.get_help_option(SimpleNamespace(help_option_names=["--help"]))
        except Exception:  # pragma: no cover - another click version
            option = None
        if option is not None and option.help:
            put(option, "help", WORDS_RU, option.help)
        if cmd.help:
            put(cmd, "help", HELP_RU, cmd.help.strip())
        if cmd.short_help:
            put(cmd, "short_help", HELP_RU, cmd.short_help.strip())
        for param in cmd.params:
            text = getattr(param, "help", None)
            if isinstance(text, str):
                put(param, "help", HELP_RU, text)

    _each_command(command, one)
    return replaced
