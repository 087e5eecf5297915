"""Jinja in a sandbox, for every template: the built-in ones and the agency's.

A template may come from a merge request, so it must not read files, import
modules or run code. ``ImmutableSandboxedEnvironment`` refuses attributes
that start with ``_`` (the usual ``''.__class__.__mro__`` escapes), unsafe
callables and changes to lists and dicts; templates only ever get plain data
(:func:`tpkit.render.view.to_plain`), never live objects with methods.
There is no loader: a template cannot ``include`` or ``import`` another file.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .budget import (
    DEFAULT_TIME_LIMIT,
    MAX_INT_BITS,
    MAX_ITEMS,
    MAX_MEMORY,
    MAX_POWER,
    MAX_TEMPLATE_CHARS,
    MAX_TEMPLATE_TOKENS,
    MAX_TEXT,
    Budget,
    BudgetExceeded,
    memory_guard,
    size_of,
    too_large,
)
from .errors import RenderError


def make_env(*, autoescape: bool, budget: Budget | None = None) -> Any:
    """A fresh sandboxed environment under ``budget`` (by default the default time limit, started now); undefined
    names are errors, not silent blanks."""
    from jinja2 import StrictUndefined

    env = _bounded_env_class()(
        autoescape=autoescape,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize,
    )
    env.tpkit_budget = budget if budget is not None else Budget(DEFAULT_TIME_LIMIT)
    # only harmless globals: no cycler/joiner/namespace/lipsum objects to poke at
    env.globals = {"range": env.globals["range"]}
    env.filters["md"] = md_cell
    env.filters["mdtext"] = md_text
    env.filters["br"] = html_lines
    for name in list(env.filters):
        env.filters[name] = _bounded_filter(name, env.filters[name], env.tpkit_budget)
    return env


def _finalize(value: Any) -> Any:
    """Every ``{{ value }}``: a list or mapping is sized before it is turned into text."""
    if not isinstance(value, str):
        too_large(size_of(value), "a printed value")
    return value


def _num(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _check_format(fmt: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Widths and precisions in a ``%`` or ``{}`` format string (and any taken from the arguments), and the size
    of the arguments it prints."""
    import re
    import string

    if not isinstance(fmt, str):
        return
    specs = [m.group(0) for m in re.finditer(r"%(?:\([^)]*\))?[-#0 +]*(?:\*|\d*)(?:\.(?:\*|\d*))?", fmt)]
    try:
        specs += [spec or "" for _, _, spec, _ in string.Formatter().parse(fmt)]
    except ValueError:
        pass  # not a {} format: the formatter says so itself
    sizes = [int(n) if len(n) < 12 else MAX_TEXT + 1 for spec in specs for n in re.findall(r"\d+", spec)]
    if any("*" in spec or "{" in spec for spec in specs):  # a width passed as an argument
        sizes += [_num(a) for a in (*args, *kwargs.values())]
    too_large(max(sizes, default=0), "a formatted field")
    printed = len(fmt) + size_of(args) + size_of(kwargs)
    too_large(printed + sum(sizes), "a formatted text")


#: filters that take a list or mapping without turning it into text (the rest stringify their input)
_CONTAINER_FILTERS = frozenset(
    "attr batch count d default dictsort first groupby items last length list map max min random reject "
    "rejectattr reverse select selectattr slice sort sum unique".split()
)


def _check_call(name: str, owner: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """The str methods and filters that can make a text far longer than their input."""
    first = args[0] if args else None
    if name in ("center", "ljust", "rjust", "zfill"):
        too_large(_num(first if first is not None else kwargs.get("width")), f"{name}()")
    elif name == "indent":
        width = first if first is not None else kwargs.get("width", 4)
        per_line = len(width) if isinstance(width, str) else _num(width)
        too_large(per_line * (str(owner).count("\n") + 1), "indent()")
    elif name == "expandtabs":
        too_large(_num(first if first is not None else kwargs.get("tabsize", 8)) * str(owner).count("\t"), name)
    elif name == "replace" and len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
        text = str(owner)
        hits = len(text) + 1 if not args[0] else text.count(args[0])
        too_large(len(text) + hits * max(0, len(args[1]) - len(args[0])), "replace()")
    elif name == "join":  # 'sep'.join(items), or items|join(sep)
        sep, items = (owner, first) if isinstance(owner, str) else (first or kwargs.get("d", ""), owner)
        count = len(items) if isinstance(items, (list, tuple, str, dict, set)) else 0
        too_large((len(sep) * count if isinstance(sep, str) else 0) + size_of(items), "join()")
    elif name in ("batch", "slice"):
        too_large(_num(first if first is not None else kwargs.get("linecount", kwargs.get("slices"))), f"{name}()")
    elif name == "tojson":
        too_large(_num(first if first is not None else kwargs.get("indent")) * size_of(owner), "tojson()")
    elif name == "wordwrap":
        wrap = kwargs.get("wrapstring", args[2] if len(args) > 2 else "\n")
        width = max(1, _num(first if first is not None else kwargs.get("width", 79)))
        extra = len(wrap) if isinstance(wrap, str) else 0
        too_large(len(str(owner)) + (len(str(owner)) // width + 1) * extra, "wordwrap()")
    elif name == "urlize":
        extra = sum(len(v) for v in (*args, *kwargs.values()) if isinstance(v, str))
        too_large(len(str(owner)) * (1 + extra), "urlize()")
    elif name in ("format", "format_map"):
        _check_format(owner, args, kwargs)


def _bounded_filter(name: str, fn: Any, budget: Budget) -> Any:
    """A filter checked before it runs (arguments that make its result huge, a list about to become text)
    and after (the text it made)."""
    from functools import wraps

    pass_arg = getattr(fn, "jinja_pass_arg", None)

    @wraps(fn)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        budget.tick()
        rest = args[1:] if pass_arg is not None else args  # the context jinja passes first
        if rest:
            if name not in _CONTAINER_FILTERS and not isinstance(rest[0], str):
                too_large(size_of(rest[0]), f"the input of |{name}")
            _check_call(name, rest[0], rest[1:], kwargs)
        result = fn(*args, **kwargs)
        if isinstance(result, str):
            too_large(len(result), f"|{name}")
        return result

    if pass_arg is not None:
        bounded.jinja_pass_arg = pass_arg  # type: ignore[attr-defined]
    return bounded


def _check_binop(operator: str, left: Any, right: Any) -> None:
    if operator == "**" and isinstance(right, int) and left not in (0, 1, -1):
        if abs(right) > MAX_POWER or (isinstance(left, int) and left.bit_length() * abs(right) > MAX_INT_BITS):
            raise BudgetExceeded(
                f"the power {right} is too large for a template (limit {MAX_POWER}, and {MAX_INT_BITS:,} bits)"
            )
    elif operator == "*":
        for seq, n in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_ITEMS:
                raise BudgetExceeded(
                    f"a text or list of {len(seq) * n} items is too large for a template (limit {MAX_ITEMS:,})"
                )
        if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise BudgetExceeded(f"a number of more than {MAX_INT_BITS:,} bits is too large for a template (the limit)")
    elif operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
        too_large(len(left) + len(right), "a text or list made with +")
    elif operator == "%" and isinstance(left, str):
        _check_format(left, right if isinstance(right, tuple) else (right,), {})


def _code_generator() -> Any:
    """jinja's compiler with two hooks: ``~`` goes through :meth:`Budget`-checked joining, and every
    ``{% for %}`` iterates through the budget's clock (a loop that prints nothing calls nothing else)."""
    from jinja2 import nodes
    from jinja2.compiler import CodeGenerator

    class BudgetedCodeGenerator(CodeGenerator):
        def visit_For(self, node: Any, frame: Any) -> None:
            if not node.recursive:
                node.iter = nodes.Call(
                    nodes.EnvironmentAttribute("tpkit_iterate", lineno=node.lineno), [node.iter], [], None, None
                ).set_environment(self.environment)
                node.iter.set_lineno(node.lineno)
            super().visit_For(node, frame)

        def buffer(self, frame: Any) -> None:  # what a macro, {% set %} or {% filter %} captures, checked as it grows
            frame.buffer = self.temporary_identifier()
            self.writeline(f"{frame.buffer} = environment.tpkit_budget.buffer()")

        def visit_Concat(self, node: Any, frame: Any) -> None:  # jinja's, with the join checked first
            if frame.eval_ctx.volatile:
                join = "(markup_join if context.eval_ctx.volatile else str_join)"
            else:
                join = "markup_join" if frame.eval_ctx.autoescape else "str_join"
            self.write(f"environment.tpkit_concat({join}, (")
            for arg in node.nodes:
                self.visit(arg, frame)
                self.write(", ")
            self.write("))")

    return BudgetedCodeGenerator


def _bounded_env_class() -> Any:
    """The sandbox under a :class:`Budget`: ``*``, ``**``, ``+``, ``%``, ``~``, calls, attributes, loops, filters
    and output are checked; ``{{ 'a' * 10**10 }}``, ``{{ 9**9**9 }}``, ``{{ x|center(10**10) }}`` or nested loops
    in a merge request would otherwise eat the CI job's memory or time (jinja's sandbox leaves that open)."""
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class BoundedSandbox(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**", "+", "%"})
        code_generator_class = _code_generator()
        tpkit_budget: Budget

        def from_string(self, source: Any, *args: Any, **kwargs: Any) -> Any:
            """Too long a template is refused before jinja compiles it (compiling is not on the clock)."""
            if isinstance(source, str):
                too_large(len(source), "the template", MAX_TEMPLATE_CHARS)
                tokens = 0
                for _ in self.lex(source):
                    tokens += 1
                    if tokens > MAX_TEMPLATE_TOKENS:
                        raise BudgetExceeded(
                            f"the template has more than {MAX_TEMPLATE_TOKENS:,} jinja tokens (the limit)"
                        )
            return super().from_string(source, *args, **kwargs)

        def concat(self, pieces: Any) -> str:
            return self.tpkit_budget.concat(pieces)

        def tpkit_iterate(self, iterable: Any) -> Any:
            return self.tpkit_budget.iterate(iterable)

        def tpkit_concat(self, join: Any, operands: tuple[Any, ...]) -> Any:
            self.tpkit_budget.tick()
            too_large(sum(size_of(x) for x in operands), "a text made with ~")
            return join(operands)

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            self.tpkit_budget.tick()
            _check_binop(operator, left, right)
            return super().call_binop(context, operator, left, right)

        def getattr(self, obj: Any, attribute: str) -> Any:
            self.tpkit_budget.tick()
            return super().getattr(obj, attribute)

        def getitem(self, obj: Any, argument: Any) -> Any:
            self.tpkit_budget.tick()
            return super().getitem(obj, argument)

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
            __self.tpkit_budget.tick()
            owner = getattr(__obj, "__self__", None)
            if isinstance(owner, str):
                _check_call(getattr(__obj, "__name__", ""), owner, args, kwargs)
            result = super().call(__context, __obj, *args, **kwargs)
            if isinstance(owner, str) and isinstance(result, str):
                too_large(len(result), f"{getattr(__obj, '__name__', 'a method')}()")
            return result

        def wrap_str_format(self, value: Any) -> Any:
            wrapped = super().wrap_str_format(value)
            if wrapped is None:
                return None
            fmt, name = value.__self__, value.__name__

            def bounded(*args: Any, **kwargs: Any) -> Any:
                if name == "format_map" and len(args) == 1 and isinstance(args[0], dict):
                    _check_format(fmt, (), args[0])
                else:
                    _check_format(fmt, args, kwargs)
                return wrapped(*args, **kwargs)

            return bounded

    return BoundedSandbox


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|"})


def md_text(value: object) -> str:
    """Text for a Markdown paragraph: the characters that would change its meaning escaped."""
    return str(value).translate(_MD_SPECIAL).replace("\n", "  \n")


def html_lines(value: object) -> object:
    """HTML-escaped text with line breaks kept as <br>."""
    from markupsafe import Markup, escape

    return Markup("<br>").join(escape(x) for x in str(value).split("\n"))


def md_cell(value: Any) -> str:
    """Text for a Markdown table cell: pipes escaped, line breaks as <br>."""
    text = str(value)
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("&", "&amp;").replace("<", "&lt;")
    return text.replace("\r\n", "\n").replace("\n", "<br>")


def template_error(name: str, exc: BaseException) -> RenderError:
    """A jinja failure as one line naming the template (and the line where jinja knows it)."""
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    line = getattr(exc, "lineno", None)
    # a .docx template's line is a line of its XML, which Word never shows: the name alone
    by_line = isinstance(exc, TemplateSyntaxError) and line and not name.lower().endswith(".docx")
    where = f"{name}:{line}" if by_line else name
    msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if isinstance(exc, BudgetExceeded):
        return RenderError(f"{where}: шаблон превысил свой бюджет / the template exceeded its budget: {msg}")
    if isinstance(exc, MemoryError):
        return RenderError(
            f"{where}: шаблону не хватило памяти (предел {MAX_MEMORY >> 20} МБ сверх уже занятой) / "
            f"the template exceeded its memory limit of {MAX_MEMORY >> 20} MB"
        )
    if isinstance(exc, RecursionError):
        return RenderError(f"{where}: слишком глубокая рекурсия в шаблоне / the template recursed too deep")
    if isinstance(exc, SecurityError):
        return RenderError(
            f"{where}: шаблон пытается выйти из песочницы ({msg}) — шаблоны не могут читать файлы, импортировать "
            f"модули или выполнять код / the template tried to escape the sandbox"
        )
    if isinstance(exc, TypeError) and "no loader" in msg:  # include, import, extends: there are no files to load
        return RenderError(
            f"{where}: шаблон не может подключать другие файлы (include, import, extends) — шаблоны не читают файлы "
            f"/ a template cannot include, import or extend other files"
        )
    if isinstance(exc, UndefinedError):
        return RenderError(f"{where}: в шаблоне неизвестное имя: {msg} / undefined name in the template")
    if isinstance(exc, TemplateSyntaxError):
        return RenderError(f"{where}: ошибка синтаксиса шаблона: {msg} / template syntax error")
    return RenderError(f"{where}: шаблон не выполнен: {type(exc).__name__}: {msg} / the template failed")


#: what a template can raise: its own errors, the budget's, and what Python raises on bad data or operations
TEMPLATE_FAILURES = (
    BudgetExceeded,
    MemoryError,
    RecursionError,
    TypeError,
    ValueError,
    AttributeError,
    KeyError,
    IndexError,
    ArithmeticError,
    UnicodeError,
)


@contextmanager
def running(name: str, budget: Budget) -> Iterator[None]:
    """Run a template (a text one, or the parts of a .docx one) under ``budget``: its clock starts now, the
    process's memory is capped, and every failure becomes one :class:`RenderError` naming the template."""
    from jinja2 import TemplateError

    try:
        with budget.running(), memory_guard():
            yield
    except TemplateError as exc:
        raise template_error(name, exc) from None
    except TEMPLATE_FAILURES as exc:
        raise template_error(name, exc) from None


def render_string(
    name: str, source: str, context: dict[str, Any], *, autoescape: bool, budget: Budget | None = None
) -> str:
    """A text template rendered in the sandbox under ``budget`` (the default time limit if none)."""
    budget = budget if budget is not None else Budget(DEFAULT_TIME_LIMIT)
    env = make_env(autoescape=autoescape, budget=budget)
    with running(name, budget):
        return budget.concat(env.from_string(source).generate(context))
    raise AssertionError("unreachable")  # pragma: no cover  (mypy: a context manager may swallow)
