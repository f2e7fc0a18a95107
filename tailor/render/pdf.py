"""Render a TailoredCV to PDF with reportlab platypus (real, selectable text in reading order)."""

from __future__ import annotations

import html
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from tailor.models.tailored import TailoredCV, TailoredRole
from tailor.render.fonts import check_glyphs, source_sans
from tailor.render.pdf_style import ClassicTheme, paragraph_styles
from tailor.render.text import (
    SECTION_TITLES,
    contact_items,
    education_heading,
    format_range,
    publication_parts,
)

__all__ = ["RenderOptions", "render_pdf"]

Flowables = list[Any]


@dataclass(frozen=True)
class RenderOptions:
    """How to render: ``compress=False`` keeps PDF streams readable (tests)."""

    compress: bool = True


def esc(text: str) -> str:
    """Escape user text for reportlab's paragraph markup."""
    return html.escape(text, quote=True).replace("\n", "<br/>")


def link(text: str, url: str | None, color: str) -> str:
    """Markup for ``text``, clickable when ``url`` is given."""
    if not url:
        return esc(text)
    return f'<a href="{esc(url)}" color="{color}">{esc(text)}</a>'


class _Builder:
    """Turns each section of the CV into flowables."""

    def __init__(self, cv: TailoredCV, theme: ClassicTheme) -> None:
        self.cv = cv
        self.theme = theme
        self.fonts = source_sans()
        self.styles = paragraph_styles(theme, self.fonts)
        self.width = 0.0

    def p(self, markup: str, style: str) -> Any:
        from reportlab.platypus import Paragraph

        return Paragraph(markup, self.styles[style])

    def entry(self, title: str, meta: list[str]) -> Flowables:
        """An entry's bold title line and its muted meta line (dates, place), in reading order."""
        out = [self.p(title, "entry")]
        shown = [esc(part) for part in meta if part]
        if shown:
            out.append(self.p(" \u00b7 ".join(shown), "meta"))
        return out

    def header(self) -> Flowables:
        person = self.cv.person
        out = [self.p(esc(person.name), "name")]
        if person.headline:
            out.append(self.p(esc(person.headline), "headline"))
        items = [link(item.text, item.url, self.theme.link) for item in contact_items(person)]
        if items:
            out.append(self.p("  |  ".join(items), "contact"))
        return out

    def heading(self, section: str) -> Flowables:
        from reportlab.lib.colors import HexColor
        from reportlab.platypus import HRFlowable

        title = SECTION_TITLES[section].upper()  # type: ignore[index]
        heading = self.p(esc(title), "heading")
        heading.keepWithNext = True
        rule = HRFlowable(
            width="100%", thickness=0.8, color=HexColor(self.theme.accent), spaceBefore=0, spaceAfter=3
        )
        rule.keepWithNext = True
        return [heading, rule]

    def bullet(self, text: str, lead: str | None = None) -> Any:
        from reportlab.platypus import Paragraph

        markup = (f"<b>{esc(lead)}</b> " if lead else "") + esc(text)
        return Paragraph(markup, self.styles["bullet"], bulletText=self.theme.bullet)

    def role(self, role: TailoredRole) -> Flowables:
        org = ", ".join(part for part in (role.organisation, role.unit) if part)
        title = f"{esc(role.title)}<font name='{self.fonts.regular}'> \u00b7 {esc(org)}</font>"
        out = self.entry(title, [format_range(role.start, role.end), role.location or ""])
        if role.description:
            out.append(self.p(esc(role.description), "body"))
        out.extend(self.bullet(b.text, b.lead) for b in role.bullets)
        return self.keep_head(out, len(out) - len(role.bullets))

    @staticmethod
    def keep_head(out: Flowables, head_count: int) -> Flowables:
        """A role's header lines stay with its first bullet; the entry gets space above it."""
        from reportlab.platypus import Spacer

        for flowable in out[: head_count if head_count < len(out) else len(out) - 1]:
            flowable.keepWithNext = True
        return [Spacer(1, 4), *out]

    def section(self, name: str) -> Flowables:
        body: Callable[[], Iterator[Any]] = getattr(self, f"s_{name}")
        return [*self.heading(name), *body()]

    def s_summary(self) -> Iterator[Any]:
        yield self.p(esc(self.cv.summary or ""), "body")

    def s_experience(self) -> Iterator[Any]:
        for role in self.cv.experience:
            yield from self.role(role)

    def s_teaching(self) -> Iterator[Any]:
        for role in self.cv.teaching:
            yield from self.role(role)

    def s_volunteering(self) -> Iterator[Any]:
        for role in self.cv.volunteering:
            yield from self.role(role)

    def s_education(self) -> Iterator[Any]:
        for entry in self.cv.education:
            degree = education_heading(entry)
            title = f"{esc(degree)}<font name='{self.fonts.regular}'> \u00b7 " if degree else ""
            title += esc(entry.institution) + ("</font>" if degree else "")
            out = self.entry(title, [format_range(entry.start, entry.end), entry.location or ""])
            if entry.thesis:
                out.append(self.p(f"<i>Thesis:</i> {esc(entry.thesis)}", "body"))
            if entry.advisors:
                out.append(self.p(f"<i>Advisors:</i> {esc(', '.join(entry.advisors))}", "body"))
            out.extend(self.bullet(d.text, d.lead) for d in entry.details)
            yield from self.keep_head(out, len(out))

    def s_projects(self) -> Iterator[Any]:
        for project in self.cv.projects:
            name = link(project.name, project.url, self.theme.link)
            yield self.p(f"<b>{name}.</b> {esc(project.text)}", "item")

    def s_publications(self) -> Iterator[Any]:
        for pub in self.cv.publications:
            title, rest = publication_parts(pub)
            yield self.bullet_markup(f"<b>{link(title, pub.url, self.theme.link)}.</b> {esc(rest)}")

    def bullet_markup(self, markup: str) -> Any:
        from reportlab.platypus import Paragraph

        return Paragraph(markup, self.styles["bullet"], bulletText=self.theme.bullet)

    def s_skills(self) -> Iterator[Any]:
        for group in self.cv.skills:
            yield self.p(f"<b>{esc(group.name)}:</b> {esc(', '.join(group.items))}", "item")

    def s_awards(self) -> Iterator[Any]:
        for award in self.cv.awards:
            title = f"<b>{esc(award.title)}</b>" + (f", {esc(award.issuer)}" if award.issuer else "")
            date = format_range(None, award.date)
            text = f"{title} \u00b7 {esc(date)}" if date else title
            if award.text:
                text += f"<br/>{esc(award.text)}"
            yield self.p(text, "item")


def _drawn_texts(cv: TailoredCV) -> dict[str, str]:
    """Every string the PDF will draw, keyed by where it comes from (for glyph checks)."""
    data = cv.model_dump(mode="json", exclude={"document_date", "sections"})
    out: dict[str, str] = {}

    def walk(value: Any, path: str) -> None:
        if isinstance(value, str):
            out[path] = value
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in ("url", "id"):
                    walk(item, f"{path}.{key}" if path else key)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path}[{index}]")

    walk(data, "")
    return out


def render_pdf(cv: TailoredCV, options: RenderOptions | None = None) -> bytes:
    """Lay out and render the CV.

    Args:
        cv: The finished, selected CV.
        options: Rendering options.

    Returns:
        The PDF file's bytes (identical for identical input).

    Raises:
        RenderError: The font cannot draw a character of the CV.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    options = options or RenderOptions()
    theme = ClassicTheme()
    builder = _Builder(cv, theme)
    check_glyphs(builder.fonts, _drawn_texts(cv))
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=theme.margin_x,
        rightMargin=theme.margin_x,
        topMargin=theme.margin_top,
        bottomMargin=theme.margin_bottom,
        title=cv.title,
        author=cv.person.name,
        subject=cv.role or "",
        creator="tailor",
        invariant=1,
        initialFontName=builder.fonts.regular,
        pageCompression=1 if options.compress else 0,
    )
    builder.width = doc.width
    story: Flowables = builder.header()
    for section in cv.sections:
        story.extend(builder.section(section))
    doc.build(story, onLaterPages=_later_page_footer(cv.person.name, builder))
    return buffer.getvalue()


def _later_page_footer(name: str, builder: _Builder) -> Callable[[Any, Any], None]:
    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(builder.fonts.regular, 8.5)
        canvas.setFillColor(builder.styles["contact"].textColor)
        canvas.drawCentredString(doc.pagesize[0] / 2, 22, f"{name} \u00b7 {doc.page}")
        canvas.restoreState()

    return draw
