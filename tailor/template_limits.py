"""Limits on what a user's Jinja template (a letter or a Word template) may cost to render.

Jinja's sandbox stops a template from reaching Python, not from running long: nested loops over
``range`` or a string multiplied a billion times would hang a build or fill memory. Every template
tailor renders runs in :class:`LimitedSandbox`, which adds, per render:

* :data:`MAX_RANGE_ITEMS` items from all ``range()`` calls together (nested loops multiply);
* no string or list built by ``*`` longer than :data:`MAX_REPEAT`, no ``**`` with a large exponent;
* :data:`MAX_OUTPUT_CHARS` characters of output (a Word body is ~100 KB of XML);
* :data:`MAX_SECONDS` of time, checked at every loop step over ``range``, attribute lookup and
  piece of output.

A template over a limit stops with :class:`TemplateLimitError` (a ``jinja2.TemplateError``), which
the renderers turn into a located message with exit code 2. Built-in templates use a tiny part of each.
"""

from __future__ import annotations

import contextvars
import operator
import time
from collections.abc import Iterator
from typing import Any

import jinja2
import jinja2.sandbox

__all__ = [
    "MAX_OUTPUT_CHARS",
    "MAX_RANGE_ITEMS",
    "MAX_REPEAT",
    "MAX_SECONDS",
    "LimitedSandbox",
    "TemplateLimitError",
]

MAX_RANGE_ITEMS = 10_000
MAX_REPEAT = 100_000
MAX_OUTPUT_CHARS = 10_000_000
MAX_SECONDS = 10.0
_MAX_EXPONENT = 64


class TemplateLimitError(jinja2.TemplateError):
    """The template ran past one of the limits above."""


class _Budget:
    def __init__(self) -> None:
        self.deadline = time.monotonic() + MAX_SECONDS
        self.range_items = 0
        self.output = 0

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            msg = f"the template ran for more than {MAX_SECONDS:.0f} s (a loop that does not end?)"
            raise TemplateLimitError(msg)


_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("template_budget", default=None)


def _budget() -> _Budget:
    budget = _BUDGET.get()
    return budget if budget is not None else _Budget()  # outside LimitedTemplate.render: per call


def _limited_range(*args: int) -> Iterator[int]:
    budget = _budget()
    items = range(*args)
    budget.range_items += len(items)
    if budget.range_items > MAX_RANGE_ITEMS:
        msg = f"the template's range() calls make more than {MAX_RANGE_ITEMS:,} items (loops inside loops?)"
        raise TemplateLimitError(msg)
    for item in items:
        budget.tick()
        yield item


def _repeat_length(value: Any, times: Any) -> int:
    if isinstance(value, str | list | tuple) and isinstance(times, int):
        return len(value) * times
    return 0


class LimitedTemplate(jinja2.Template):
    """A template whose ``render`` streams its output, stopping at the output and time limits."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        token = _BUDGET.set(_Budget())
        try:
            budget = _budget()
            pieces: list[str] = []
            for piece in self.generate(*args, **kwargs):
                budget.output += len(piece)
                if budget.output > MAX_OUTPUT_CHARS:
                    msg = f"the template writes more than {MAX_OUTPUT_CHARS:,} characters"
                    raise TemplateLimitError(msg)
                budget.tick()
                pieces.append(piece)
            return "".join(pieces)
        finally:
            _BUDGET.reset(token)


class LimitedSandbox(jinja2.sandbox.SandboxedEnvironment):
    """Jinja's sandbox with the limits of this module."""

    template_class = LimitedTemplate
    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals["range"] = _limited_range

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name == "*":
            if max(_repeat_length(left, right), _repeat_length(right, left)) > MAX_REPEAT:
                msg = f"the template repeats a text or list to more than {MAX_REPEAT:,} items"
                raise TemplateLimitError(msg)
            return operator.mul(left, right)
        if operator_name == "**":
            if isinstance(right, int | float) and abs(right) > _MAX_EXPONENT:
                msg = f"the template raises a number to a power above {_MAX_EXPONENT}"
                raise TemplateLimitError(msg)
            return operator.pow(left, right)
        return super().call_binop(context, operator_name, left, right)

    def getattr(self, obj: Any, attribute: str) -> Any:
        _budget().tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        _budget().tick()
        return super().getitem(obj, argument)
