"""Render a Jinja2 text template into traced segments.

Letter templates are plain text with Jinja tags, rendered in a
``SandboxedEnvironment`` with ``StrictUndefined``. The template names its fixed
phrases: a line ``--- name`` starts the phrase called ``name``, and every word
the template itself writes after it is traced to ``phrase:<template>/<name>``.
Values come in as :class:`Traced` strings that carry their own source; the
output keeps the two apart, so that every word of a letter can be traced.

Inside fixed text, ``**`` switches bold on and off (values inserted between
the markers are bold too).
"""

from __future__ import annotations

import functools
import re
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from tailor._prebuilt.compiled_templates import prebuilt
from tailor.errors import TemplateError
from tailor.models.documents import Segment

__all__ = ["Traced", "TracedRun", "render_traced", "render_user_text"]

_OPEN, _CLOSE = "\ue000", "\ue001"
_VALUE = re.compile(f"{_OPEN}(\\d+){_CLOSE}")
_PHRASE = re.compile(r"^--- *([A-Za-z][\w-]*) *$")
_PRIVATE = re.compile("[\ue000\ue001]")


class Traced(str):
    """A string value that knows where it comes from."""

    source: str
    rule: str | None

    def __new__(cls, text: str, source: str, rule: str | None = None) -> Traced:
        value = super().__new__(cls, _PRIVATE.sub("", text))
        value.source = source
        value.rule = rule
        return value


class TracedRun(tuple[Traced, ...]):
    """Several traced strings written as one value (a paragraph of the person's with the
    company's name inside it): ``{{ run }}`` writes each piece with its own source."""

    def __str__(self) -> str:
        return "".join(self)


_VALUES: ContextVar[list[Traced]] = ContextVar("traced_values")
"""The values written by the render in progress, in order (their markers hold the index)."""


def _finalize(value: Any) -> Any:
    if isinstance(value, TracedRun):
        return "".join(_finalize(piece) for piece in value)
    if isinstance(value, Traced):
        values = _VALUES.get()
        values.append(value)
        return f"{_OPEN}{len(values) - 1}{_CLOSE}"
    if value is None:
        msg = "the template writes a value that is missing (None)"
        raise TemplateError(msg, hint="guard it with {% if ... %}")
    return value


@functools.cache
def _environment() -> Any:
    import jinja2

    from tailor.template_limits import LimitedSandbox

    return LimitedSandbox(
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )


@functools.lru_cache(maxsize=16)
def _compiled(source: str) -> Any:
    """The compiled template, once per process: a letter is rendered in up to five sizes,
    and a batch renders the same template for every application."""
    env = _environment()
    return prebuilt(env, "text", source) or env.from_string(source)


def render_traced(source: str, template_name: str, path: Path, context: dict[str, Any]) -> list[Segment]:
    """Render ``source`` and return its text as traced segments, in order.

    Args:
        source: The template text.
        template_name: Name used in phrase sources (``phrase:<template_name>/<phrase>``).
        path: The template file, for error messages.
        context: Values; strings should be :class:`Traced`.

    Raises:
        TemplateError: A syntax error, an unknown variable, or text before the first ``--- name`` line.
    """
    import jinja2

    values: list[Traced] = []
    token = _VALUES.set(values)
    try:
        text = _compiled(source).render(context)
    except jinja2.TemplateSyntaxError as err:
        msg = f"{path}:{err.lineno}: template syntax error: {err.message}"
        raise TemplateError(msg, hint="fix the Jinja tag on that line") from err
    except jinja2.UndefinedError as err:
        msg = f"{path}: unknown variable: {err.message}"
        raise TemplateError(
            msg, hint="the variables a letter template can use are listed at its top"
        ) from err
    except jinja2.TemplateError as err:
        msg = f"{path}: template error: {err.message}"
        raise TemplateError(msg) from err
    finally:
        _VALUES.reset(token)
    return _segments(text, values, template_name, path)


def _segments(text: str, values: list[Traced], template_name: str, path: Path) -> list[Segment]:
    out: list[Segment] = []
    phrase: str | None = None
    bold = False
    for line in text.splitlines(keepends=True):
        named = _PHRASE.match(line.strip())
        if named:
            phrase = named.group(1)
            continue
        if phrase is None:
            if line.strip():
                msg = f"{path}: text {line.strip()[:40]!r} comes before the first '--- name' line"
                raise TemplateError(msg, hint="start every piece of fixed text with a '--- name' line")
            continue
        pieces = _VALUE.split(line)
        for index, piece in enumerate(pieces):
            if index % 2:
                value = values[int(piece)]
                out.append(Segment(text=str(value), source=value.source, bold=bold, rule=value.rule))
                continue
            for number, part in enumerate(piece.split("**")):
                if number:
                    bold = not bold
                if part:
                    out.append(Segment(text=part, source=f"phrase:{template_name}/{phrase}", bold=bold))
    return out


def render_user_text(text: str, source: str, where: str, context: dict[str, Traced]) -> list[Segment]:
    """A profile paragraph with ``{{ company }}``/``{{ role }}`` filled in, as traced segments.

    The person's words are traced to ``source``, each inserted value to its own source.
    Text without ``{{`` or ``{%`` is returned as one segment without touching Jinja.

    Raises:
        TemplateError: A Jinja error in the paragraph, or a variable other than those given.
    """
    if "{{" not in text and "{%" not in text:
        return [Segment(text=text, source=source)]
    import jinja2

    values: list[Traced] = []
    token = _VALUES.set(values)
    names = ", ".join("{{ " + name + " }}" for name in context)
    try:
        rendered = _compiled(text).render(context)
    except jinja2.TemplateError as err:
        message = getattr(err, "message", None) or str(err)
        msg = f"{where}: {message}"
        raise TemplateError(msg, hint=f"a letter paragraph may use {names}") from err
    finally:
        _VALUES.reset(token)
    out: list[Segment] = []
    for index, piece in enumerate(_VALUE.split(rendered)):
        if index % 2:
            value = values[int(piece)]
            out.append(Segment(text=str(value), source=value.source))
        elif piece:
            out.append(Segment(text=piece, source=source))
    return out
