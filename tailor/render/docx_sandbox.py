"""Loading and rendering a user's Word template in Jinja's sandbox, with limits and located errors."""

from __future__ import annotations

import functools
import html
import pathlib
import re
import traceback
import zipfile
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from tailor.errors import TemplateError

if TYPE_CHECKING:
    from docxtpl import DocxTemplate


from tailor.render.docx_context import (
    Context,
)

_TAG = re.compile(r"{[{%#].*?[}%#]}")
_COMPILED_TEMPLATES = 16
_SANDBOX_HINT = (
    "Word templates run in a sandbox: they may read the values tailor gives them "
    "(person, sections, meta) but not Python internals; remove the tag"
)
_HINT = "fix the tag in the template, or remake a theme's own with `tailor templates build-docx DIR`"

MAX_TEMPLATE_BYTES = 20_000_000
"""A Word template's file size (the built-in ones are about 200 KB with their fonts)."""


def check_template_size(template: pathlib.Path) -> bytes:
    """The template's bytes, refused before any part is inflated when it is too large (a zip bomb).

    Raises:
        TemplateError: Larger than 20 MB, or inflating past the limit of
            :func:`tailor.inputs.bounded.check_zip`.
    """
    from tailor.inputs.bounded import check_zip, read_input

    hint = "check the file's permissions"
    return read_input(template, MAX_TEMPLATE_BYTES, "Word template", TemplateError, hint, check_zip)


def load_template(template: pathlib.Path) -> DocxTemplate:
    """Open the template, turning every way it can be unusable into a TemplateError."""
    from docx.opc.exceptions import PackageNotFoundError
    from docxtpl import DocxTemplate

    if not template.is_file():
        msg = f"Word template not found: {template}"
        raise TemplateError(msg, hint="pass an existing .docx file")
    check_template_size(template)
    tpl = DocxTemplate(str(template))
    try:
        tpl.init_docx()
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        msg = f"{template}: not a readable Word (.docx) document ({exc})"
        raise TemplateError(msg) from exc
    return tpl


def render_template(tpl: DocxTemplate, context: Context, template: pathlib.Path) -> None:
    """Render in a sandbox with strict undefined handling and XML autoescaping."""
    import jinja2

    try:
        tpl.render(context, jinja_env=sandbox(), autoescape=True)
    except Exception as exc:
        # Jinja errors, and errors raised while evaluating the template's own
        # expressions (e.g. ``{{ 1 / 0 }}``), are template problems, not bugs.
        if not isinstance(exc, jinja2.TemplateError) and _template_line(exc) is None:
            raise
        unsafe = isinstance(exc, jinja2.exceptions.SecurityError)
        raise TemplateError(_describe(exc, tpl, template), hint=_SANDBOX_HINT if unsafe else _HINT) from exc


@functools.cache
def sandbox() -> Any:
    """The Jinja sandbox every Word template renders in, one per process.

    It keeps the last few compiled templates by their source: compiling the
    XML of a Word template takes most of a DOCX render, and a batch renders
    the same template again and again. The context (the user's text) is not
    part of the source, so a cached template renders each CV afresh.
    """
    import jinja2

    from tailor._prebuilt.compiled_templates import prebuilt
    from tailor.template_limits import LimitedSandbox

    class CachingSandbox(LimitedSandbox):
        compiled: OrderedDict[str, Any]

        def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
            if globals is not None or template_class is not None or not isinstance(source, str):
                return super().from_string(source, globals, template_class)
            found = self.compiled.get(source)
            if found is None:
                found = self.compiled[source] = self._prebuilt(source) or super().from_string(source)
                while len(self.compiled) > _COMPILED_TEMPLATES:
                    self.compiled.popitem(last=False)
            self.compiled.move_to_end(source)
            return found

        def _prebuilt(self, source: str) -> Any:
            # The built-in templates' code, compiled ahead of time with autoescaping on.
            return prebuilt(self, "docx", source) if self.autoescape is True else None

    env = CachingSandbox(undefined=jinja2.StrictUndefined)
    env.compiled = OrderedDict()
    return env


def _describe(exc: Exception, tpl: DocxTemplate, template: pathlib.Path) -> str:
    """``<template>: <problem>: <message> in <tag>`` for an error raised while rendering."""
    import jinja2

    kinds = {
        jinja2.TemplateSyntaxError: "template syntax error",
        jinja2.UndefinedError: "unknown variable",
        jinja2.exceptions.SecurityError: "unsafe code in the template",
    }
    kind = next((text for cls, text in kinds.items() if isinstance(exc, cls)), "template error")
    message = exc.message if isinstance(exc, jinja2.TemplateError) else f"{type(exc).__name__}: {exc}"
    where = _offending_text(exc, _failed_source(exc, tpl), message or "")
    return f"{template}: {kind}: {message}" + (f" in {where}" if where else "")


def _failed_source(exc: Exception, tpl: DocxTemplate) -> str:
    """The Jinja source docxtpl was rendering (one paragraph per line) when ``exc`` was raised."""
    source = getattr(exc, "source", None)
    if isinstance(source, str):
        return source
    part = getattr(tpl, "current_rendering_part", None)
    xml = tpl.get_xml() if part is None or part is tpl.docx.part else tpl.get_part_xml(part)
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", tpl.patch_xml(xml))


def _offending_text(exc: Exception, source: str, message: str) -> str:
    """The tag (or, failing that, the paragraph text) on the line Jinja blamed."""
    lineno = getattr(exc, "lineno", None) or _template_line(exc)
    lines = source.splitlines()
    if not lineno or lineno > len(lines):
        return ""
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", lines[lineno - 1])).split())
    tags = _TAG.findall(text)
    if "end of template" in message:
        tags = tags[-1:]  # the innermost block left open
    names = re.findall(r"'([^']+)'", message)
    named = [tag for tag in tags if any(name in tag for name in names)]
    return ", ".join(repr(tag[:120]) for tag in (named or tags or [text])[:3])


def _template_line(exc: BaseException) -> int | None:
    """The line of the innermost rendered-template frame in ``exc``'s traceback, if any."""
    frames = traceback.walk_tb(exc.__traceback__)
    lines = [line for frame, line in frames if frame.f_code.co_filename == "<template>"]
    return lines[-1] if lines else None
