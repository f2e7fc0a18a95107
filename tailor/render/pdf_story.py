"""Turn a TailoredCV into reportlab flowables laid out as a theme says.

Every layout keeps a single reading flow, so that text extracts in order:
dates sit on a muted line under an entry's title (``stacked``), at the end of
the title line (``inline``), or in a narrow column on the title's own line
(``date-column``), never in a separate block beside the text.

Keep rules: a section heading is kept with the head of its first entry, and an
entry's head (title, meta line, description) with its first bullet.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from tailor.models.rules import SectionName
from tailor.models.tailored import TailoredCV, TailoredRole
from tailor.models.theme import Theme
from tailor.render.fonts import FontFamily
from tailor.render.pdf_measure import FlowableCache, memo_paragraph, quiet_classes
from tailor.render.pdf_style import Metrics
from tailor.render.text import (
    SECTION_TITLES,
    contact_items,
    education_heading,
    format_range,
    publication_parts,
    unbreakable,
)

__all__ = ["Story", "esc"]

DOT = " \u00b7 "
TIED_DOT = "\u00a0\u00b7\u00a0"
"""A separator that no line breaks at."""


def esc(text: str) -> str:
    """Escape user text (NFC) for reportlab's paragraph markup."""
    return html.escape(unicodedata.normalize("NFC", text), quote=True).replace("\n", "<br/>")


@dataclass
class Entry:
    """An entry's head (kept with its first bullet) and the rest of it."""

    head: list[Any]
    rest: list[Any] = field(default_factory=list)


class Story:
    """Builds the flowables of a CV for one theme and one set of metrics."""

    def __init__(
        self,
        cv: TailoredCV,
        theme: Theme,
        m: Metrics,
        fonts: tuple[FontFamily, FontFamily],
        styles: dict[str, Any],
        measuring: FlowableCache | None = None,
    ) -> None:
        self.cv, self.theme, self.m = cv, theme, m
        self.body, self.heading_font = fonts
        self.styles = styles
        self.measuring = measuring
        """Set for the passes of a fit: paragraphs reused across passes (drawing nothing until
        the drawing pass that renders the fitted CV)."""
        self.width = m.page[0] - m.left - m.right
        self.column = theme.date_column if theme.entry_layout == "date-column" else 0.0

    # --- small pieces -----------------------------------------------------------------

    def paragraph(self, markup: str, style: str, kw: dict[str, Any], bullet: str | None = None) -> Any:
        """A Paragraph of ``markup`` in a named style (``kw`` overrides some of its values)."""
        from reportlab.lib.styles import ParagraphStyle

        def make(cls: type[Any]) -> Any:
            chosen = self.styles[style]
            if kw:
                chosen = ParagraphStyle(f"{style}+", parent=chosen, **kw)
            return cls(markup, chosen, bulletText=bullet)

        if self.measuring is None:
            from reportlab.platypus import Paragraph

            return make(Paragraph)
        cls = memo_paragraph() if self.measuring.drawing else quiet_classes()[0]
        return self.measuring.get((markup, style, tuple(sorted(kw.items())), bullet), lambda: make(cls))

    def p(self, markup: str, style: str, **kw: Any) -> Any:
        return self.paragraph(markup, style, kw)

    def link(self, text: str, url: str | None) -> str:
        if not url:
            return esc(text)
        return f'<a href="{esc(url)}" color="{self.theme.colours.link}">{esc(text)}</a>'

    def muted(self, markup: str) -> str:
        return f"<font name='{self.body.regular}' color='{self.theme.colours.muted}'>{markup}</font>"

    def regular(self, markup: str) -> str:
        return f"<font name='{self.body.regular}'>{markup}</font>"

    def date(self, start: str | None, end: str | None) -> str:
        return format_range(start, end, self.theme.date_format, self.theme.present)

    def bullet(self, markup: str) -> Any:
        return self.paragraph(markup, "bullet", {}, self.theme.bullet)

    def lead_bullet(self, text: str, lead: str | None) -> Any:
        return self.bullet((f"<b>{esc(lead)}</b> " if lead else "") + esc(text))

    def row(self, left: str, right: Any, *, before: float) -> Any:
        """A date-column row: ``left`` in the narrow column, ``right`` beside it, baselines aligned."""
        from reportlab.platypus import Table, TableStyle

        right_style = right.style
        offset = max(right_style.fontSize - self.styles["date"].fontSize, 0) * 0.8
        quiet = self.measuring is not None and not self.measuring.drawing
        table_class = quiet_classes()[1] if quiet else Table
        table = table_class(
            [[self.p(left, "date"), right]],
            colWidths=[self.column, self.width - self.column],
            spaceBefore=before,
        )
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("FONTNAME", (0, 0), (-1, -1), self.body.regular),  # else Table sets Helvetica
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (0, 0), offset),
                ]
            )
        )
        return table

    # --- header and headings ----------------------------------------------------------

    def header(self) -> list[Any]:
        person, header = self.cv.person, self.theme.header
        name = person.name.upper() if header.name_case == "upper" else person.name
        out = [self.p(esc(name), "name", spaceAfter=self.m.gap(3))]
        if person.headline and header.show_headline:
            out.append(self.p(esc(person.headline), "headline", spaceAfter=self.m.gap(2)))
        items = contact_items(person)
        links = len(person.links)
        lines = (
            [items[: len(items) - links], items[len(items) - links :]]
            if header.links_on_own_line
            else [items]
        )
        for line in lines:
            if line:
                out.append(self.p(header.separator.join(self.link(i.text, i.url) for i in line), "contact"))
        if header.rule_below:
            out.append(self.rule(0.6, before=self.m.gap(6), after=0))
        return out

    def rule(self, thickness: float, *, before: float, after: float) -> Any:
        from reportlab.lib.colors import HexColor
        from reportlab.platypus import HRFlowable

        colour = self.theme.colours.rule or self.theme.colours.accent
        return HRFlowable(
            width="100%", thickness=thickness, color=HexColor(colour), spaceBefore=before, spaceAfter=after
        )

    def heading(self, section: SectionName) -> list[Any]:
        title = self.theme.section_title(section, SECTION_TITLES[section])
        if self.theme.sections.heading_case == "upper":
            title = title.upper()
        after = self.m.gap(self.theme.spacing.section_after)
        if not self.theme.sections.heading_rule:
            return [self.p(esc(title), "heading", spaceAfter=after)]
        return [self.p(esc(title), "heading", spaceAfter=1.5), self.rule(0.7, before=0, after=after)]

    # --- sections -----------------------------------------------------------------------

    def flowables(self) -> list[Any]:
        """The whole story: header, then each section with its keep rules."""
        from reportlab.platypus import KeepTogether

        out = self.header()
        for section in self.cv.sections:
            entries: list[Entry] = self._sections[section](self)
            if not entries:
                continue
            first, *others = entries
            out.append(KeepTogether([*self.heading(section), *first.head]))
            out.extend(first.rest)
            for entry in others:
                out.append(KeepTogether(entry.head) if len(entry.head) > 1 else entry.head[0])
                out.extend(entry.rest)
        return out

    def titled(self, title: str, dates: str, meta: list[str]) -> list[Any]:
        """An entry's title with its dates and meta (place), laid out per ``entry_layout``."""
        before = self.m.gap(self.theme.spacing.entry_before)
        shown = [esc(part) for part in meta if part]
        layout = self.theme.entry_layout
        if layout == "inline":
            # Place and dates never break inside, and the title's last word carries them:
            # no line starts or ends with a lone dot, and "Jul 2021 – Mar 2022" stays whole.
            parts = [unbreakable(part) for part in ([*shown, esc(dates)] if dates else shown)]
            tail = self.muted(TIED_DOT + TIED_DOT.join(parts)) if parts else ""
            return [self.p(title + tail, "entry", spaceBefore=before)]
        if layout == "date-column":
            out = [self.row(esc(dates), self.p(title, "entry"), before=before)]
            return out + ([self.p(DOT.join(shown), "meta")] if shown else [])
        line = DOT.join([esc(dates), *shown] if dates else shown)
        return [self.p(title, "entry", spaceBefore=before)] + ([self.p(line, "meta")] if line else [])

    def role(self, role: TailoredRole) -> Entry:
        org = ", ".join(part for part in (role.organisation, role.unit) if part)
        title = esc(role.title) + (self.regular(DOT + esc(org)) if org else "")
        head = self.titled(title, self.date(role.start, role.end), [role.location or ""])
        if role.description:
            head.append(self.p(esc(role.description), "body"))
        bullets = [self.lead_bullet(b.text, b.lead) for b in role.bullets]
        return Entry(head + bullets[:1], bullets[1:])

    def s_summary(self) -> list[Entry]:
        return [Entry([self.p(esc(self.cv.summary or ""), "body")])] if self.cv.summary else []

    def s_roles(self, roles: tuple[TailoredRole, ...]) -> list[Entry]:
        return [self.role(role) for role in roles]

    def s_education(self) -> list[Entry]:
        entries = []
        for entry in self.cv.education:
            degree = education_heading(entry)
            title = (
                esc(degree) + self.regular(DOT + esc(entry.institution)) if degree else esc(entry.institution)
            )
            head = self.titled(title, self.date(entry.start, entry.end), [entry.location or ""])
            if entry.thesis:
                head.append(self.p(f"<i>Thesis:</i> {esc(entry.thesis)}", "body"))
            if entry.advisors:
                label = "Advisors" if len(entry.advisors) > 1 else "Advisor"
                head.append(self.p(f"<i>{label}:</i> {esc(', '.join(entry.advisors))}", "body"))
            details = [self.lead_bullet(d.text, d.lead) for d in entry.details]
            entries.append(Entry(head + details[:1], details[1:]))
        return entries

    def s_projects(self) -> list[Entry]:
        out = []
        for project in self.cv.projects:
            name = self.link(project.name, project.url)
            stop = "" if project.name.endswith((".", "?", "!", ":")) else "."
            out.append(Entry([self.p(f"<b>{name}{stop}</b> {esc(project.text)}", "item")]))
        return out

    def s_publications(self) -> list[Entry]:
        out = []
        for pub in self.cv.publications:
            title, rest = publication_parts(pub)
            out.append(Entry([self.bullet(f"<b>{self.link(title, pub.url)}.</b> {esc(rest)}")]))
        return out

    def s_skills(self) -> list[Entry]:
        out = []
        before = self.m.gap(self.theme.spacing.item_before)
        for group in self.cv.skills:
            items = esc(", ".join(group.items))
            if self.column:
                # "Label: items" in the text column: a label such as "Programming languages" would
                # wrap in the narrow column (and extract as a stray line); the Word template agrees.
                row = self.row("", self.p(f"<b>{esc(group.name)}:</b> {items}", "cell"), before=before)
                out.append(Entry([row]))
            else:
                out.append(Entry([self.p(f"<b>{esc(group.name)}:</b> {items}", "item")]))
        return out

    def s_awards(self) -> list[Entry]:
        out = []
        before = self.m.gap(self.theme.spacing.item_before)
        for award in self.cv.awards:
            title = f"<b>{esc(award.title)}</b>" + (f", {esc(award.issuer)}" if award.issuer else "")
            date = self.date(None, award.date)
            if self.column:
                first = self.row(esc(date), self.p(title, "cell"), before=before)
            else:
                first = self.p(title + (self.muted(DOT + esc(date)) if date else ""), "item")
            out.append(Entry([first], [self.p(esc(award.text), "body")] if award.text else []))
        return out

    _sections: ClassVar[dict[str, Callable[[Story], list[Entry]]]] = {
        "summary": s_summary,
        "experience": lambda self: self.s_roles(self.cv.experience),
        "teaching": lambda self: self.s_roles(self.cv.teaching),
        "volunteering": lambda self: self.s_roles(self.cv.volunteering),
        "education": s_education,
        "projects": s_projects,
        "publications": s_publications,
        "skills": s_skills,
        "awards": s_awards,
    }
