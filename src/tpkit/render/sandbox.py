"""Jinja in a sandbox, for every template: the built-in ones and the agency's.

A template may come from a merge request, so it must not read files, import
modules or run code. ``ImmutableSandboxedEnvironment`` refuses attributes
that start with ``_`` (the usual ``''.__class__.__mro__`` escapes), unsafe
callables and changes to lists and dicts; templates only ever get plain data
(:func:`tpkit.render.view.to_plain`), never live objects with methods.
There is no loader: a template cannot ``include`` or ``import`` another file.
"""

from __future__ import annotations

from typing import Any

from .errors import RenderError


def make_env(*, autoescape: bool) -> Any:
    """A fresh sandboxed environment; undefined names are errors, not silent blanks."""
    from jinja2 import StrictUndefined

    env = _bounded_env_class()(
        autoescape=autoescape,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # only harmless globals: no cycler/joiner/namespace/lipsum objects to poke at
    env.globals = {"range": env.globals["range"]}
    env.filters["md"] = md_cell
    env.filters["mdtext"] = md_text
    env.filters["br"] = html_lines
    return env


#: a template may not build a text or list longer than this with ``*``, nor raise to a power above _MAX_POWER
_MAX_ITEMS = 1_000_000
_MAX_POWER = 1_000
#: nor make one text longer than this with a filter or a method (padding, indenting, joining, formatting)
_MAX_TEXT = 10_000_000


def _too_large(size: int, what: str) -> None:
    if size > _MAX_TEXT:
        from jinja2.exceptions import SecurityError

        raise SecurityError(f"{what} of {size} characters is too large for a template")


def _num(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _check_format(fmt: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Widths and precisions in a ``%`` or ``{}`` format string (and any taken from the arguments)."""
    import re
    import string

    if not isinstance(fmt, str):
        return
    specs = [m.group(0) for m in re.finditer(r"%(?:\([^)]*\))?[-#0 +]*(?:\*|\d*)(?:\.(?:\*|\d*))?", fmt)]
    try:
        specs += [spec or "" for _, _, spec, _ in string.Formatter().parse(fmt)]
    except ValueError:
        pass  # not a {} format: the formatter says so itself
    sizes = [int(n) for spec in specs for n in re.findall(r"\d+", spec)]
    if any("*" in spec or "{" in spec for spec in specs):  # a width passed as an argument
        sizes += [_num(a) for a in (*args, *kwargs.values())]
    _too_large(max(sizes, default=0), "a formatted field")


def _check_call(name: str, owner: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """The str methods and filters that can make a text far longer than their input."""
    first = args[0] if args else None
    if name in ("center", "ljust", "rjust", "zfill"):
        _too_large(_num(first if first is not None else kwargs.get("width")), f"{name}()")
    elif name == "indent":
        width = first if first is not None else kwargs.get("width", 4)
        per_line = len(width) if isinstance(width, str) else _num(width)
        _too_large(per_line * (str(owner).count("\n") + 1), "indent()")
    elif name == "expandtabs":
        _too_large(_num(first if first is not None else kwargs.get("tabsize", 8)) * str(owner).count("\t"), name)
    elif name == "replace" and len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
        text = str(owner)
        hits = len(text) + 1 if not args[0] else text.count(args[0])
        _too_large(len(text) + hits * max(0, len(args[1]) - len(args[0])), "replace()")
    elif name == "join":  # 'sep'.join(items), or items|join(sep)
        sep, items = (owner, first) if isinstance(owner, str) else (first or kwargs.get("d", ""), owner)
        count = len(items) if isinstance(items, (list, tuple, str)) else 0
        _too_large(len(sep) * count if isinstance(sep, str) else 0, "join()")
    elif name in ("batch", "slice"):
        _too_large(_num(first if first is not None else kwargs.get("linecount", kwargs.get("slices"))), f"{name}()")
    elif name == "tojson":
        _too_large(_num(first if first is not None else kwargs.get("indent")) * len(str(owner)), "tojson()")
    elif name in ("format", "format_map"):
        _check_format(owner, args, kwargs)


def _bounded_filter(name: str, fn: Any) -> Any:
    from functools import wraps

    pass_arg = getattr(fn, "jinja_pass_arg", None)

    @wraps(fn)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        rest = args[1:] if pass_arg is not None else args  # the context jinja passes first
        if rest:
            _check_call(name, rest[0], rest[1:], kwargs)
        return fn(*args, **kwargs)

    if pass_arg is not None:
        bounded.jinja_pass_arg = pass_arg  # type: ignore[attr-defined]
    return bounded


_BOUNDED_FILTERS = ("center", "indent", "replace", "join", "batch", "slice", "tojson", "format")


def _bounded_env_class() -> Any:
    """The sandbox, with ``*`` and ``**`` and the text-growing filters and methods bounded: ``{{ 'a' * 10**10 }}``,
    ``{{ 9**9**9 }}`` or ``{{ x|center(10**10) }}`` in a merge request would otherwise eat the CI job's memory or
    time (jinja's sandbox leaves that open)."""
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class BoundedSandbox(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**"})

        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            for name in _BOUNDED_FILTERS:
                self.filters[name] = _bounded_filter(name, self.filters[name])

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "**" and isinstance(right, int) and abs(right) > _MAX_POWER and left not in (0, 1, -1):
                raise SecurityError(f"the power {right} is too large for a template")
            if operator == "*":
                for seq, n in ((left, right), (right, left)):
                    if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > _MAX_ITEMS:
                        raise SecurityError(f"a text or list of {len(seq) * n} items is too large for a template")
            return super().call_binop(context, operator, left, right)

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
            owner = getattr(__obj, "__self__", None)
            if isinstance(owner, str):
                _check_call(getattr(__obj, "__name__", ""), owner, args, kwargs)
            return super().call(__context, __obj, *args, **kwargs)

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


def template_error(name: str, exc: Exception) -> RenderError:
    """A jinja failure as one line naming the template (and the line where jinja knows it)."""
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    line = getattr(exc, "lineno", None)
    where = f"{name}:{line}" if isinstance(exc, TemplateSyntaxError) and line else name
    msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
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


def render_string(name: str, source: str, context: dict[str, Any], *, autoescape: bool) -> str:
    from jinja2 import TemplateError

    env = make_env(autoescape=autoescape)
    try:
        return str(env.from_string(source).render(context))
    except TemplateError as exc:
        raise template_error(name, exc) from None
    except (
        TypeError,
        ValueError,
        AttributeError,
        KeyError,
        IndexError,
        ZeroDivisionError,
        OverflowError,
        RecursionError,
    ) as exc:
        raise template_error(name, exc) from None
