"""Render a :class:`~tailor.models.tailored.TailoredCV` into a Word document.

The layout lives in a docxtpl template (``templates/classic.docx``, made by
:mod:`tailor.render.word_template`);
this module builds the context it reads, renders it in a sandbox and makes the output reproducible.

Template context (plain, pre-formatted text; "" when absent):

* ``person``: ``name``, ``headline``, ``contact`` (rich text with links: ``{{r person.contact }}``),
  and the same split in two: ``details`` (location, phone, email) and ``links``.
* ``sections``: non-empty sections in display order, each ``name``, ``title`` and ``entries``:

  - ``summary``: paragraphs (strings);
  - ``experience``/``teaching``/``volunteering``: ``title``, ``organisation`` (with the unit),
    ``location``, ``where`` (organisation, unit and location), ``dates``, ``description``,
    ``bullets`` (each ``lead``, ``text``);
  - ``education``: ``institution``, ``location``, ``dates``, ``degree``, ``thesis``,
    ``advisors`` (list), ``details`` (bullets);
  - ``projects``: ``name`` (rich text, linked when there is a URL), ``text``;
  - ``publications``: ``title`` (rich text, linked when there is a URL), ``rest``;
  - ``skills``: ``name``, ``skills`` (list);
  - ``awards``: ``title``, ``issuer``, ``date``, ``text``.

* ``meta``: ``company``, ``role`` and ``date`` (ISO) of the application.

Dates and section titles follow the theme when one is given.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import io
import pathlib
import re
import traceback
import zipfile
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from tailor.errors import TemplateError
from tailor.models.profile import Award, Bullet, Education, Person, Publication, SkillGroup
from tailor.models.tailored import TailoredBullet, TailoredCV, TailoredProject, TailoredRole
from tailor.models.theme import Theme
from tailor.render.text import (
    SECTION_TITLES,
    ContactItem,
    contact_items,
    education_heading,
    format_date,
    format_range,
    publication_parts,
    unbreakable,
)

if TYPE_CHECKING:
    from docxtpl import DocxTemplate

__all__ = ["render_docx"]

FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
LINK_STYLE = "Hyperlink"
BOLD_STYLE = "Strong"
CONTACT_SEPARATOR = "  \u00b7  "
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff]")
_TAG = re.compile(r"{[{%#].*?[}%#]}")
_COMPILED_TEMPLATES = 16
_SANDBOX_HINT = (
    "Word templates run in a sandbox: they may read the values tailor gives them "
    "(person, sections, meta) but not Python internals; remove the tag"
)
_HINT = "fix the tag in the template, or remake a theme's own with `tailor templates build-docx DIR`"

Context = dict[str, Any]
Span = tuple[str, "str | None"]  # a piece of rich text and the URL it links to


class _Rich:
    """Builds docxtpl RichText values whose links are real Word hyperlinks."""

    def __init__(self, tpl: DocxTemplate, theme: Theme | None = None) -> None:
        from docxtpl import RichText

        self._tpl = tpl
        self._rich_text = RichText
        self._dates = (theme.date_format, theme.present) if theme else ("MMM YYYY", "Present")
        self._separator = theme.header.separator if theme else CONTACT_SEPARATOR

    def line(self, items: Sequence[ContactItem]) -> Any:
        """Contact items joined by the theme's separator ("" when there are none).

        RichText is always truthy; "" lets a template's ``{%p if %}`` test the line.
        """
        spans: list[Span] = []
        for item in items:
            spans.extend([(self._separator, None)] if spans else [])
            spans.append((item.text, item.url))
        return self(spans) if spans else ""

    def dates(self, start: str | None, end: str | None) -> str:
        """A date range in the theme's format that never breaks across lines."""
        return _dates(format_range(start, end, *self._dates))

    def date(self, value: str | None) -> str:
        """One date in the theme's format."""
        return _dates(format_date(value, *self._dates))

    def __call__(self, spans: Sequence[Span], *, bold: bool = False) -> Any:
        """Rich text from ``spans``; linked spans use the template's Hyperlink style."""
        rich = self._rich_text()
        for text, url in spans:
            if url:
                rich.add(_clean(text), style=LINK_STYLE, bold=bold, url_id=self._tpl.build_url_id(url))
            else:
                rich.add(_clean(text), style=BOLD_STYLE if bold else None)
        return rich


def render_docx(cv: TailoredCV, template: pathlib.Path, *, theme: Theme | None = None) -> bytes:
    """Render ``cv`` with a docxtpl Word template.

    Args:
        cv: The tailored CV to lay out.
        template: Path of a ``.docx`` template (the module docstring lists its context).
        theme: The theme whose date format and section titles to use (defaults otherwise).

    Returns:
        The document's bytes, identical for identical input.

    Raises:
        TemplateError: The template is missing, not a Word file, or has a bad tag.
    """
    tpl = _load(template)
    context = _context(cv, _Rich(tpl, theme), theme)
    _render(tpl, context, template)
    _check_rendered(tpl, cv, template)
    _set_properties(tpl, cv)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return _normalised_zip(with_fonts(buffer.getvalue(), theme))


def _letters(text: str) -> str:
    """Only the letters and digits: Word text and the CV's may differ in spaces and punctuation."""
    return "".join(char for char in text if char.isalnum())


def _check_rendered(tpl: DocxTemplate, cv: TailoredCV, template: pathlib.Path) -> None:
    """Refuse a template that rendered without error but left out what the CV holds: a
    ``{% for %}`` closed by a ``{%p endfor %}`` in the wrong paragraph can swallow every section."""
    import html

    xml = tpl.docx.element.body.xml
    text = html.unescape("".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", xml)))
    flat = _letters(text)

    def shown(role: TailoredRole) -> bool:
        # A bullet's own words are unique to it; a title or organisation may recur elsewhere.
        probes = [_letters(b.text)[:24] for b in role.bullets] or [_letters(role.title)]
        return any(probe in flat for probe in probes if probe)

    missing = [
        f"{section} ({len(roles)} {'role' if len(roles) == 1 else 'roles'})"
        for section in ("experience", "teaching", "volunteering")
        if section in cv.sections and (roles := getattr(cv, section)) and not any(shown(r) for r in roles)
    ]
    if missing:
        msg = f"{template}: the Word template rendered none of {', '.join(missing)}"
        hint = (
            "check that every {% for %} / {% if %} tag has its {% endfor %} / {% endif %} in the right "
            "paragraph ({%p ...%} tags remove their whole paragraph), or start again from "
            "`tailor templates copy NAME DIR`"
        )
        raise TemplateError(msg, hint=hint)


def with_fonts(docx: bytes, theme: Theme | None) -> bytes:
    """The package with the fonts it names embedded (see :mod:`tailor.render.docx_fonts`)."""
    from tailor.render.docx_fonts import embed_fonts
    from tailor.render.fonts import word_font_families

    return embed_fonts(docx, word_font_families(theme))


MAX_TEMPLATE_BYTES = 20_000_000
"""A Word template's file size (the built-in ones are about 200 KB with their fonts)."""


def check_template_size(template: pathlib.Path) -> bytes:
    """The template's bytes, refused before any part is inflated when it is too large (a zip bomb).

    Raises:
        TemplateError: Larger than 20 MB, or inflating past the limit of
            :func:`tailor.inputs.bounded.check_zip`.
    """
    from tailor.inputs.bounded import InputRefused, check_zip, read_limited

    try:
        data = read_limited(template, MAX_TEMPLATE_BYTES, "Word template")
        check_zip(data, "Word template")
    except InputRefused as err:
        msg = f"{template}: {err.message}"
        raise TemplateError(msg, hint=err.hint) from err
    except OSError as err:
        msg = f"{template}: cannot be read ({err.strerror})"
        raise TemplateError(msg, hint="check the file's permissions") from err
    return data


def _load(template: pathlib.Path) -> DocxTemplate:
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


def _render(tpl: DocxTemplate, context: Context, template: pathlib.Path) -> None:
    """Render in a sandbox with strict undefined handling and XML autoescaping."""
    import jinja2

    try:
        tpl.render(context, jinja_env=_sandbox(), autoescape=True)
    except Exception as exc:
        # Jinja errors, and errors raised while evaluating the template's own
        # expressions (e.g. ``{{ 1 / 0 }}``), are template problems, not bugs.
        if not isinstance(exc, jinja2.TemplateError) and _template_line(exc) is None:
            raise
        unsafe = isinstance(exc, jinja2.exceptions.SecurityError)
        raise TemplateError(_describe(exc, tpl, template), hint=_SANDBOX_HINT if unsafe else _HINT) from exc


@functools.cache
def _sandbox() -> Any:
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


def _context(cv: TailoredCV, rich: _Rich, theme: Theme | None) -> Context:
    """The plain-data context the template reads."""
    sections = []
    for name in cv.sections:
        entries = _ENTRIES[name](cv, rich)
        title = theme.section_title(name, SECTION_TITLES[name]) if theme else SECTION_TITLES[name]
        if entries:
            sections.append({"name": name, "title": _clean(title), "entries": entries})
    meta = {"company": _clean(cv.company), "role": _clean(cv.role), "date": cv.document_date.isoformat()}
    return {"person": _person(cv.person, rich), "sections": sections, "meta": meta}


def _person(person: Person, rich: _Rich) -> Context:
    """Name, headline and the contact line as rich text ("" when there is none).

    ``contact`` holds every item; ``details`` (location, phone, email) and
    ``links`` split it for templates that put links on a line of their own.
    """
    items = contact_items(person)
    split = len(items) - len(person.links)
    return {
        "name": _clean(person.name),
        "headline": _clean(person.headline),
        "contact": rich.line(items),
        "details": rich.line(items[:split]),
        "links": rich.line(items[split:]),
    }


def _summary(cv: TailoredCV, rich: _Rich) -> list[str]:
    """The summary, split into paragraphs at blank lines."""
    return [_clean(part.strip()) for part in re.split(r"\n\s*\n", cv.summary or "") if part.strip()]


def _bullet(bullet: TailoredBullet | Bullet) -> Context:
    return {"lead": _clean(bullet.lead), "text": _clean(bullet.text)}


def _role(role: TailoredRole, rich: _Rich) -> Context:
    where = ", ".join(part for part in (role.organisation, role.unit, role.location) if part)
    return {
        "title": _clean(role.title),
        "organisation": _clean(", ".join(part for part in (role.organisation, role.unit) if part)),
        "location": _clean(role.location),
        "where": _clean(where),
        "dates": rich.dates(role.start, role.end),
        "description": _clean(role.description),
        "bullets": [_bullet(bullet) for bullet in role.bullets],
    }


def _education(entry: Education, rich: _Rich) -> Context:
    return {
        "institution": _clean(entry.institution),
        "location": _clean(entry.location),
        "dates": rich.dates(entry.start, entry.end),
        "degree": _clean(education_heading(entry)),
        "thesis": _clean(entry.thesis),
        "advisors": [_clean(name) for name in entry.advisors],
        "details": [_bullet(bullet) for bullet in entry.details],
    }


def _project(project: TailoredProject, rich: _Rich) -> Context:
    name = rich([(project.name, project.url), *_full_stop(project.name)], bold=True)
    return {"name": name, "text": _clean(project.text)}


def _publication(pub: Publication, rich: _Rich) -> Context:
    title, rest = publication_parts(pub)
    return {"title": rich([(title, pub.url), *_full_stop(title)], bold=True), "rest": _clean(rest)}


def _full_stop(text: str) -> list[Span]:
    """A plain "." to end a bold lead-in, unless it already ends in punctuation."""
    return [] if text.endswith((".", "?", "!", ":")) else [(".", None)]


def _skill(group: SkillGroup) -> Context:
    return {"name": _clean(group.name), "skills": [_clean(item) for item in group.items]}


def _award(award: Award, rich: _Rich) -> Context:
    return {
        "title": _clean(award.title),
        "issuer": _clean(award.issuer),
        "date": rich.date(award.date),
        "text": _clean(award.text),
    }


_ENTRIES: dict[str, Callable[[TailoredCV, _Rich], list[Any]]] = {
    "summary": _summary,
    "experience": lambda cv, rich: [_role(role, rich) for role in cv.experience],
    "teaching": lambda cv, rich: [_role(role, rich) for role in cv.teaching],
    "volunteering": lambda cv, rich: [_role(role, rich) for role in cv.volunteering],
    "education": lambda cv, rich: [_education(entry, rich) for entry in cv.education],
    "projects": lambda cv, rich: [_project(project, rich) for project in cv.projects],
    "publications": lambda cv, rich: [_publication(pub, rich) for pub in cv.publications],
    "skills": lambda cv, rich: [_skill(group) for group in cv.skills],
    "awards": lambda cv, rich: [_award(award, rich) for award in cv.awards],
}


def _dates(text: str) -> str:
    """A date or range that never breaks across lines (it sits at a right tab stop)."""
    return unbreakable(text)


def _clean(text: str | None) -> str:
    """Text without control characters ("" for None); newlines stay and become line breaks.

    docxtpl would turn tabs, BEL and form feeds into tabs, paragraphs and page breaks.
    """
    return _UNSAFE.sub("", text.replace("\t", " ")) if text else ""


def _set_properties(tpl: DocxTemplate, cv: TailoredCV) -> None:
    set_properties(tpl, cv.title, cv.person.name, ("CV", cv.role, cv.company))


PROPERTY_LIMIT = 255
"""Characters Word (and python-docx) allow in a core property such as the title."""


def set_properties(tpl: DocxTemplate, title: str, author: str, keywords: tuple[str | None, ...]) -> None:
    """Document metadata, with fixed dates so the output is reproducible.

    ``keywords`` are the document kind, role and company; each property is clipped to 255 characters
    (a 300-character ``--company`` is kept whole in the text, shortened only here).
    """

    def clip(text: str) -> str:
        return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1] + "…"

    props = tpl.docx.core_properties
    props.title, props.author, props.subject = clip(title), clip(author), clip(keywords[1] or "")
    props.keywords = clip("; ".join(part for part in keywords if part))
    props.comments, props.last_modified_by, props.category = "", "tailor", ""
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1


def _normalised_zip(data: bytes) -> bytes:
    """Re-pack the package with fixed timestamps and attributes, in the same entry order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            # Embedded fonts are most of the bytes: the fastest deflate level costs ~10% in size.
            level = 1 if entry.filename.startswith("word/fonts/") else None
            target.writestr(info, source.read(entry.filename), compresslevel=level)
    return buffer.getvalue()
