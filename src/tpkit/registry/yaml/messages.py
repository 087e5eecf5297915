"""What is wrong with a file's YAML, in the user's terms: Russian and English messages.

:func:`yaml_error` turns libyaml's (and PyYAML's) errors into a problem at the place the user must look at;
the other functions word the problems the converter finds (tags, keys, merges, limits, characters).
"""

from __future__ import annotations

import yaml

from ..problem import SYNTAX, Problem
from ..span import Span
from .decode import line_col

Message = tuple[str, str]

TAB: Message = (
    "табуляция в отступе: YAML допускает только пробелы",
    "tab character in indentation: YAML allows spaces only",
)
_ESCAPE: Message = (
    "обратная косая черта «\\» в двойных кавычках начинает escape-последовательность: "
    "возьмите текст в одинарные кавычки или удвойте «\\»",
    "a backslash in double quotes starts an escape sequence: use single quotes or double the backslash",
)
_NESTING = "exceeded maximum nesting depth"
#: libyaml's messages (and PyYAML's, where they differ) -> Russian and English for the user
_LIBYAML: dict[str, Message] = {
    "tab character": TAB,
    "found character '\\t' that cannot start any token": TAB,
    "found duplicate anchor": ("повторяющийся якорь (anchor)", "duplicate anchor"),
    "found undefined alias": ("ссылка на неопределенный якорь (alias)", "undefined alias"),
    "mapping values are not allowed": (
        "здесь не может стоять «ключ: значение» (проверьте отступ или двоеточие в тексте — возьмите текст в кавычки)",
        "mapping values are not allowed here (check the indentation, or quote a text that holds a colon)",
    ),
    "could not find expected ':'": (
        "не найдено ожидаемое двоеточие «:» после ключа",
        "could not find the expected ':' after a key",
    ),
    "expected <block end>, but found '-'": (
        "элемент списка «-» не на своем уровне отступа",
        "a list item '-' is at the wrong indentation",
    ),
    "did not find expected key": (
        "строка не на своем уровне отступа: ожидался ключ «ключ: значение» или конец блока",
        "a line at the wrong indentation: a 'key: value' or the end of the block was expected",
    ),
    "did not find expected '-' indicator": (
        "строка не на своем уровне отступа: ожидался элемент списка «-»",
        "a line at the wrong indentation: a list item '-' was expected",
    ),
    "did not find expected ',' or": (
        "скобка «[» или «{», открытая здесь, не закрыта (или между элементами нет запятой)",
        "the '[' or '{' opened here is not closed (or a comma is missing between items)",
    ),
    "found unexpected end of stream": (
        "файл закончился внутри кавычек, открытых здесь: закройте их",
        "the file ends inside the quotes opened here: close them",
    ),
    "but found another document": (
        "в файле больше одного документа YAML («---»)",
        "the file holds more than one YAML document ('---')",
    ),
    _NESTING: ("", ""),  # worded by too_deep() with the converter's limit
    "expected escape sequence": _ESCAPE,
    "did not find expected hexdecimal number": _ESCAPE,
    "found unknown escape character": _ESCAPE,
}
#: errors whose cause is where the construct opened (the quote, the bracket, the key), not where libyaml gave up
_AT_CONTEXT = ("did not find expected ',' or", "found unexpected end of stream", "could not find expected ':'")


def yaml_error(exc: yaml.YAMLError, text: str, max_depth: int) -> Problem:
    """The problem a YAML error stands for, at the place that caused it (``max_depth``: the nesting limit)."""
    problem = getattr(exc, "problem", None) or str(exc)
    position = getattr(exc, "position", None)  # a ReaderError: a byte offset into the UTF-8 text
    if isinstance(exc, yaml.reader.ReaderError) and isinstance(position, int):
        line, col = line_col(text.encode("utf-8"), position)
        char = getattr(exc, "character", None)
        code = f"U+{char:04X}" if isinstance(char, int) else "?"
        return Problem(
            SYNTAX,
            f"недопустимый управляющий символ {code} в файле",
            f"a control character {code} that YAML does not allow",
            Span.at(line, col),
        )
    mark = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context_mark", None)
    if context is not None and (mark is None or any(k in problem for k in _AT_CONTEXT)):
        mark = context
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    ru = en = None
    if "cannot start any token" in problem and mark is not None and text[mark.index : mark.index + 1] == "\t":
        ru, en = TAB
    if "unexpected end of stream" in problem and "quoted" not in (getattr(exc, "context", None) or ""):
        ru, en = "файл неожиданно закончился (незакрытая скобка?)", "unexpected end of file (an unclosed bracket?)"
    for key, (r, e) in _LIBYAML.items():
        if ru is None and key in problem:
            ru, en = too_deep(max_depth) if key == _NESTING else (r, e)
    if ru is None:
        if "special characters are not allowed" in problem or "unacceptable character" in problem:
            ru = "недопустимый управляющий символ в файле"
            en = "a control character that YAML does not allow"
        else:
            ru = f"синтаксическая ошибка YAML: {problem}"
            en = f"YAML syntax error: {problem}"
    assert en is not None
    return Problem(SYNTAX, ru, en, Span.at(line, col))


# --- what the converter finds ----------------------------------------------------------


def too_deep(limit: int) -> Message:
    return f"вложенность глубже {limit} уровней", f"nesting deeper than {limit} levels"


RECURSION_TOO_DEEP: Message = ("слишком глубокая вложенность", "nesting too deep")
BOMB: Message = (
    "якоря и ссылки (anchors/aliases) раскрываются в слишком большой документ (YAML-бомба?)",
    "anchors and aliases expand past a safe bound (a YAML bomb?)",
)
RECURSIVE_ALIAS: Message = (
    "якорь ссылается сам на себя (рекурсивная ссылка *alias внутри &anchor)",
    "an anchor refers to itself (a recursive *alias inside its &anchor)",
)
COMPLEX_KEY: Message = (
    "ключ должен быть строкой, а не списком или словарем",
    "a key must be a plain string, not a list or mapping",
)
MERGE_NOT_MAPPING: Message = ("слияние «<<» принимает только словари", "a merge key '<<' takes mappings only")


def duplicate_key(key: object) -> Message:
    return f"ключ «{key}» повторяется в одном словаре", f"duplicate key '{key}' in a mapping"


def unsupported_tag(tag: str) -> Message:
    short = tag.replace("tag:yaml.org,2002:", "!!")
    return (
        f"неподдерживаемый тег YAML «{short}»: в реестре допустимы только обычные значения",
        f"unsupported YAML tag '{short}': a registry holds plain values only",
    )


def invisible_char(char: str) -> Message:
    code = f"U+{ord(char):04X}"
    return (
        f"текст содержит невидимый символ {code} (направление текста или нулевая ширина): удалите его",
        f"the text holds the invisible character {code} (text direction or zero width): remove it",
    )


def control_char(char: str) -> Message:
    code = f"U+{ord(char):04X}"
    return (
        f"текст содержит управляющий символ {code}, который нельзя записать в документ",
        f"the text holds control character {code}, which a document cannot hold",
    )
