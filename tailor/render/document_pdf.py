"""Render a letter, answer sheet or prep sheet to PDF in a theme's style.

The page, fonts, colours and the person's header are the theme's, exactly as on
the CV (the header is drawn by the CV's own :class:`~tailor.render.pdf_story.Story`).
Headings keep the text they are given (the posting's own headings stay as written).
"""

from __future__ import annotations

import io
from typing import Any

from tailor.models.documents import Block, Document
from tailor.models.tailored import TailoredCV
from tailor.models.theme import Theme
from tailor.render.fonts import check_glyphs, family_for
from tailor.render.pdf import RenderOptions, _doc, _footer_canvas
from tailor.render.pdf_blocks import esc
from tailor.render.pdf_story import Story
from tailor.render.pdf_style import metrics, paragraph_styles

__all__ = ["document_pages", "render_document_pdf", "render_document_pdf_pages"]

LEVEL_INDENT = 12.0


class _DocumentStory:
    """Flowables for one document."""

    def __init__(self, document: Document, theme: Theme) -> None:
        body, heading = family_for(theme.fonts.body), family_for(theme.fonts.heading_font)
        self.m = metrics(theme)
        self.styles = paragraph_styles(theme, self.m, body, heading)
        self.cv = TailoredCV(
            person=document.person,
            company=document.company,
            role=document.role,
            document_date=document.document_date,
            sections=(),
        )
        self.story = Story(self.cv, theme, self.m, (body, heading), self.styles)
        self.document, self.theme = document, theme
        self.fonts = (body, heading)

    def markup(self, block: Block) -> str:
        parts = []
        for segment in block.segments:
            text = esc(segment.text)
            parts.append(f"<b>{text}</b>" if segment.bold else text)
        return "".join(parts)

    def flowables(self) -> list[Any]:
        from reportlab.platypus import KeepTogether, Spacer

        out: list[Any] = [*self.story.header(), Spacer(1, self.m.gap(14))]
        pending: list[Any] = []  # headings kept with what follows them
        previous: Block | None = None
        for block in self.document.blocks:
            flowable = self.block(block, previous)
            previous = block
            if block.kind in ("title", "heading", "subheading"):
                pending.append(flowable)
                continue
            if pending:
                out.append(KeepTogether([*pending, flowable]))
                pending = []
            else:
                out.append(flowable)
        out.extend(pending)
        return out

    def block(self, block: Block, previous: Block | None) -> Any:
        markup = self.markup(block)
        body = self.m.sizes["body"]
        letter = self.document.kind == "letter"
        if block.kind == "title":
            return self.story.p(
                markup, "name", fontSize=self.m.sizes["heading"] + 3, leading=self.m.leading("heading") + 4
            )
        if block.kind == "subtitle":
            return self.story.p(markup, "headline", spaceBefore=2)
        if block.kind == "heading":
            return self.story.p(markup, "heading", spaceAfter=self.m.gap(4))
        if block.kind == "subheading":
            return self.story.p(markup, "entry", spaceBefore=self.m.gap(7), spaceAfter=self.m.gap(1.5))
        if block.kind == "bullet":
            indent = self.theme.spacing.bullet_indent + LEVEL_INDENT * block.level
            return self.story.p(
                markup,
                "bullet",
                leftIndent=indent,
                bulletIndent=indent - self.theme.spacing.bullet_indent * 0.75,
                bulletText=self.theme.bullet if block.level == 0 else "\u2013",
            )
        if block.kind == "note":
            return self.story.p(markup, "meta", spaceBefore=self.m.gap(1.5))
        gap = body * 0.75 if letter else self.m.gap(3)
        if previous is not None and previous.kind in ("subheading", "heading", "title", "subtitle"):
            gap = self.m.gap(1.5)
        return self.story.p(markup.replace("\n", "<br/>"), "body", spaceBefore=gap, leftIndent=0)


def _texts(document: Document) -> dict[str, str]:
    texts = {f"block {n}": block.text for n, block in enumerate(document.blocks)}
    person = document.person
    for field in ("name", "headline", "email", "phone", "location"):
        value = getattr(person, field)
        if value:
            texts[f"person.{field}"] = value
    return texts


def _build(document: Document, theme: Theme, options: RenderOptions) -> tuple[bytes, int]:
    content = _DocumentStory(document, theme)
    check_glyphs(list(content.fonts), _texts(document))
    buffer = io.BytesIO()
    target = content.cv.model_copy(update={"role": None})
    doc = _doc(buffer, target, content.m, content.fonts[0], compress=options.compress)
    doc.title = document.title
    doc.build(content.flowables(), canvasmaker=_footer_canvas(document.person.name, content.story, content.m))
    return buffer.getvalue(), doc.page


def render_document_pdf(document: Document, theme: Theme, *, options: RenderOptions | None = None) -> bytes:
    """Lay out and render a document.

    Raises:
        RenderError: A font cannot draw a character of the document.
    """
    return _build(document, theme, options or RenderOptions())[0]


def render_document_pdf_pages(document: Document, theme: Theme) -> tuple[bytes, int]:
    """Lay out and render a document; also say how many pages it took."""
    return _build(document, theme, RenderOptions())


def document_pages(document: Document, theme: Theme) -> int:
    """How many pages the document takes in this theme."""
    return _build(document, theme, RenderOptions(compress=False))[1]
