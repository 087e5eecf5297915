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


def _bounded_env_class() -> Any:
    """The sandbox, with ``*`` and ``**`` bounded: ``{{ 'a' * 10**10 }}`` or ``{{ 9**9**9 }}`` in a
    merge request would otherwise eat the CI job's memory or time (jinja's sandbox leaves that open)."""
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class BoundedSandbox(ImmutableSandboxedEnvironment):  # type: ignore[misc]
        intercepted_binops = frozenset({"*", "**"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "**" and isinstance(right, int) and abs(right) > _MAX_POWER and left not in (0, 1, -1):
                raise SecurityError(f"the power {right} is too large for a template")
            if operator == "*":
                for seq, n in ((left, right), (right, left)):
                    if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > _MAX_ITEMS:
                        raise SecurityError(f"a text or list of {len(seq) * n} items is too large for a template")
            return super().call_binop(context, operator, left, right)

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
