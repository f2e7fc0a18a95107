"""Turn a TailoredCV into reportlab flowables laid out as a theme says.

Every layout keeps a single reading flow, so that text extracts in order:
dates sit on a muted line under an entry's title (``stacked``), at the end of
the title line (``inline``), or in a narrow column on the title's own line
(``date-column``), never in a separate block beside the text.

Keep rules: a section heading is kept with the head of its first entry, and an
entry's head (title, meta line, description) with its first bullet.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from tailor.models.rules import SectionName
from tailor.models.tailored import TailoredRole
from tailor.render.pdf_blocks import DOT, TIED_DOT, StoryBlocks, esc
from tailor.render.text import (
    SECTION_TITLES,
    contact_items,
    education_heading,
    publication_parts,
    unbreakable,
)

__all__ = ["Story", "esc"]


@dataclass
class Entry:
    """An entry's head (kept with its first bullet) and the rest of it."""

    head: list[Any]
    rest: list[Any] = field(default_factory=list)


class Story(StoryBlocks):
    """Builds the flowables of a CV for one theme and one set of metrics."""

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

    def heading(self, section: SectionName) -> list[Any]:
        title = self.cv.titles.get(section) or self.theme.section_title(section, SECTION_TITLES[section])
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
            title = esc(degree or entry.institution or "")
            if degree and entry.institution:
                title += self.regular(DOT + esc(entry.institution))
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
            date = self.date(award.start, award.date)
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
