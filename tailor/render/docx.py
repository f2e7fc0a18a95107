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
import html
import io
import pathlib
import re
import zipfile
from typing import TYPE_CHECKING

from tailor.errors import TemplateError
from tailor.models.rules import ROLE_SECTIONS
from tailor.models.tailored import TailoredCV, TailoredRole
from tailor.models.theme import Theme
from tailor.render.docx_context import (
    RichText,
    template_context,
)
from tailor.render.docx_sandbox import (
    load_template,
    render_template,
)

if TYPE_CHECKING:
    from docxtpl import DocxTemplate

__all__ = ["render_docx"]


FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


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
    tpl = load_template(template)
    context = template_context(cv, RichText(tpl, theme), theme)
    render_template(tpl, context, template)
    _check_rendered(tpl, cv, template)
    _set_properties(tpl, cv)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return normalised_docx_zip(with_fonts(buffer.getvalue(), theme))


def _letters(text: str) -> str:
    """Only the letters and digits: Word text and the CV's may differ in spaces and punctuation."""
    return "".join(char for char in text if char.isalnum())


def _check_rendered(tpl: DocxTemplate, cv: TailoredCV, template: pathlib.Path) -> None:
    """Refuse a template that rendered without error but left out what the CV holds: a
    ``{% for %}`` closed by a ``{%p endfor %}`` in the wrong paragraph can swallow every section."""

    xml = tpl.docx.element.body.xml
    text = html.unescape("".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", xml)))
    flat = _letters(text)

    def shown(role: TailoredRole) -> bool:
        # A bullet's own words are unique to it; a title or organisation may recur elsewhere.
        probes = [_letters(b.text)[:24] for b in role.bullets] or [_letters(role.title)]
        return any(probe in flat for probe in probes if probe)

    missing = [
        f"{section} ({len(roles)} {'role' if len(roles) == 1 else 'roles'})"
        for section in ROLE_SECTIONS
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


def normalised_docx_zip(data: bytes) -> bytes:
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
