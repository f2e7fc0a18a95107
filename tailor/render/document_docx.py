"""Render a letter or answer sheet to Word, in the theme's own Word template.

The theme's CV template supplies everything that makes the document look like
the CV: page, margins, fonts, named styles and footer. Its body is replaced by
a generic docxtpl body (the person's header, then one paragraph per block in
the style for the block's kind), rendered in the same sandbox as the CV.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import pathlib
from collections.abc import Iterable
from importlib import resources
from typing import TYPE_CHECKING, Any

from tailor.models.documents import Block, Document
from tailor.models.theme import Theme
from tailor.render.docx import normalised_docx_zip, set_properties, with_fonts
from tailor.render.docx_context import RichText, clean_text, person_context
from tailor.render.docx_sandbox import load_template, render_template

if TYPE_CHECKING:
    from docxtpl import DocxTemplate

__all__ = ["PREBUILT", "prebuilt_json", "render_document_docx"]

STYLES = {
    "title": "Heading 1",
    "subtitle": "Entry Detail",
    "heading": "Heading 1",
    "subheading": "Heading 2",
    "paragraph": "Body Text",
    "bullet": "List Bullet",
    "note": "Entry Detail",
    "label": "Body Text",
}
LEVEL_INDENT_PT = 12


def _body(tpl: DocxTemplate, letter: bool, theme: Theme | None) -> None:
    """Replace the template's body with the header and a loop over ``blocks``."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = tpl.docx
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    names = {style.name for style in doc.styles}

    bullet = theme.spacing.bullet_indent if theme else 12.0

    def para(
        text: str,
        style: str = "Normal",
        before: float | None = None,
        level: int | None = None,
        *,
        loose: bool = False,
    ) -> None:
        paragraph = doc.add_paragraph(text, style=style if style in names else "Normal")
        layout = paragraph.paragraph_format
        if before is not None:
            layout.space_before = Pt(before)
        if loose:
            # A note ("No evidence in profile.") stands alone, as in the PDF: the CV's "Entry Detail"
            # style keeps with the next paragraph, which here chained whole runs of requirement
            # lines into one block that Word moved to the next page.
            layout.keep_with_next = False
        if style == "List Bullet":
            # The CV's bullets sit in a theme's date column; a letter's start at the margin.
            layout.left_indent = Pt(bullet + LEVEL_INDENT_PT * (level or 0))
            layout.first_line_indent = Pt(-bullet * 0.75)
        elif level is not None:
            layout.left_indent = layout.first_line_indent = Pt(0)

    para("{{ person.name }}", "Title")
    para("{%p if person.headline %}")
    para("{{ person.headline }}", "Subtitle")
    para("{%p endif %}")
    para("{%p if person.contact %}")
    para("{{r person.contact }}", "Contact")
    para("{%p endif %}")
    para("{%p for block in blocks %}")
    first = True
    for kind, style in STYLES.items():
        para(f'{{%p {"if" if first else "elif"} block.kind == "{kind}" and block.level == 0 %}}')
        gap = 8.0 if kind == "paragraph" and letter else (4.0 if kind in ("paragraph", "note") else None)
        before = 14.0 if kind == "title" else gap
        para("{{r block.text }}", style, before=before, level=0, loose=kind == "note")
        first = False
    for level in (1, 2):
        para(f"{{%p elif block.level == {level} %}}")
        para("{{r block.text }}", "List Bullet", level=level)
    para("{%p endif %}")
    para("{%p endfor %}")


_BODIES: dict[str, str] = {}
"""Body XML made by :func:`_body`, by :func:`_body_key` (one process)."""
PREBUILT = "word_bodies.json"
"""The built-in themes' bodies, in ``tailor/data`` (made by ``python -m tailor._prebuilt``)."""


def _body_key(template: pathlib.Path, letter: bool, theme: Theme | None) -> str:
    """What the body depends on: the template's content, the kind and the bullet indent."""
    digest = hashlib.sha256(template.read_bytes()).hexdigest()
    return f"{digest} {'letter' if letter else 'sheet'} {theme.spacing.bullet_indent if theme else None}"


def _set_body(tpl: DocxTemplate, template: pathlib.Path, letter: bool, theme: Theme | None) -> None:
    """:func:`_body`, made once per template and kind (or prebuilt for the built-in themes)."""
    from docx.oxml import parse_xml

    key = _body_key(template, letter, theme)
    xml = _BODIES.get(key) or _prebuilt_bodies().get(key)
    if xml is None:
        _body(tpl, letter, theme)
        if len(_BODIES) >= 16:  # a watched template, edited again and again
            _BODIES.clear()
        _BODIES[key] = tpl.get_xml()
    else:
        tpl.map_tree(parse_xml(xml))


def _versions() -> str:
    import docx
    import docxtpl

    return f"python-docx {docx.__version__}, docxtpl {docxtpl.__version__}"


@functools.cache
def _prebuilt_bodies() -> dict[str, str]:
    """The prebuilt bodies by key; {} when missing or made with other versions of python-docx/docxtpl."""
    try:
        record = json.loads(resources.files("tailor.data").joinpath(PREBUILT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(record, dict) or record.get("made_with") != _versions():
        return {}
    bodies: dict[str, str] = record.get("bodies", {})
    return bodies


def prebuilt_json(themes: Iterable[Theme]) -> str:
    """The JSON of :data:`PREBUILT`: the letter and answer-sheet bodies of each theme's Word template."""
    bodies = {}
    for theme in themes:
        template = pathlib.Path(theme.word_template)
        for letter in (True, False):
            tpl = load_template(template)
            _body(tpl, letter, theme)
            bodies[_body_key(template, letter, theme)] = tpl.get_xml()
    record = {"made_with": _versions(), "bodies": dict(sorted(bodies.items()))}
    return json.dumps(record, ensure_ascii=False, indent=1) + "\n"


def _rich_block(block: Block) -> Any:
    from docxtpl import RichText

    rich = RichText()
    for segment in block.segments:
        rich.add(clean_text(segment.text), bold=segment.bold or None)
    return rich


def render_document_docx(document: Document, template: pathlib.Path, *, theme: Theme | None = None) -> bytes:
    """Render ``document`` in the styles of a theme's Word template.

    Raises:
        TemplateError: The template is missing or not a Word file.
    """
    tpl = load_template(template)
    _set_body(tpl, template, document.kind == "letter", theme)
    context = {
        "person": person_context(document.person, RichText(tpl, theme)),
        "blocks": [
            {"kind": block.kind, "level": block.level, "text": _rich_block(block)}
            for block in document.blocks
        ],
    }
    render_template(tpl, context, template)
    set_properties(
        tpl, document.title, document.person.name, (document.kind, document.role, document.company)
    )
    buffer = io.BytesIO()
    tpl.save(buffer)
    return normalised_docx_zip(with_fonts(buffer.getvalue(), theme))
