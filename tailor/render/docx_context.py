"""The values a Word template reads (person, sections, meta), as documented in :mod:`tailor.render.docx`."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

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


LINK_STYLE = "Hyperlink"
BOLD_STYLE = "Strong"
CONTACT_SEPARATOR = "  \u00b7  "
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff]")
Context = dict[str, Any]
Span = tuple[str, "str | None"]  # a piece of rich text and the URL it links to


class RichText:
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
                rich.add(clean_text(text), style=LINK_STYLE, bold=bold, url_id=self._tpl.build_url_id(url))
            else:
                rich.add(clean_text(text), style=BOLD_STYLE if bold else None)
        return rich


def template_context(cv: TailoredCV, rich: RichText, theme: Theme | None) -> Context:
    """The plain-data context the template reads."""
    sections = []
    for name in cv.sections:
        entries = _ENTRIES[name](cv, rich)
        title = cv.titles.get(name) or (
            theme.section_title(name, SECTION_TITLES[name]) if theme else SECTION_TITLES[name]
        )
        if entries:
            sections.append({"name": name, "title": clean_text(title), "entries": entries})
    meta = {
        "company": clean_text(cv.company),
        "role": clean_text(cv.role),
        "date": cv.document_date.isoformat(),
    }
    return {"person": person_context(cv.person, rich), "sections": sections, "meta": meta}


def person_context(person: Person, rich: RichText) -> Context:
    """Name, headline and the contact line as rich text ("" when there is none).

    ``contact`` holds every item; ``details`` (location, phone, email) and
    ``links`` split it for templates that put links on a line of their own.
    """
    items = contact_items(person)
    split = len(items) - len(person.links)
    return {
        "name": clean_text(person.name),
        "headline": clean_text(person.headline),
        "contact": rich.line(items),
        "details": rich.line(items[:split]),
        "links": rich.line(items[split:]),
    }


def _summary(cv: TailoredCV, rich: RichText) -> list[str]:
    """The summary, split into paragraphs at blank lines."""
    return [clean_text(part.strip()) for part in re.split(r"\n\s*\n", cv.summary or "") if part.strip()]


def _bullet(bullet: TailoredBullet | Bullet) -> Context:
    return {"lead": clean_text(bullet.lead), "text": clean_text(bullet.text)}


def _role(role: TailoredRole, rich: RichText) -> Context:
    where = ", ".join(part for part in (role.organisation, role.unit, role.location) if part)
    return {
        "title": clean_text(role.title),
        "organisation": clean_text(", ".join(part for part in (role.organisation, role.unit) if part)),
        "location": clean_text(role.location),
        "where": clean_text(where),
        "dates": rich.dates(role.start, role.end),
        "description": clean_text(role.description),
        "bullets": [_bullet(bullet) for bullet in role.bullets],
    }


def _education(entry: Education, rich: RichText) -> Context:
    return {
        "institution": clean_text(entry.institution),
        "location": clean_text(entry.location),
        "dates": rich.dates(entry.start, entry.end),
        "degree": clean_text(education_heading(entry)),
        "thesis": clean_text(entry.thesis),
        "advisors": [clean_text(name) for name in entry.advisors],
        "details": [_bullet(bullet) for bullet in entry.details],
    }


def _project(project: TailoredProject, rich: RichText) -> Context:
    name = rich([(project.name, project.url), *_full_stop(project.name)], bold=True)
    return {"name": name, "text": clean_text(project.text)}


def _publication(pub: Publication, rich: RichText) -> Context:
    title, rest = publication_parts(pub)
    return {"title": rich([(title, pub.url), *_full_stop(title)], bold=True), "rest": clean_text(rest)}


def _full_stop(text: str) -> list[Span]:
    """A plain "." to end a bold lead-in, unless it already ends in punctuation."""
    return [] if text.endswith((".", "?", "!", ":")) else [(".", None)]


def _skill(group: SkillGroup) -> Context:
    return {"name": clean_text(group.name), "skills": [clean_text(item) for item in group.items]}


def _award(award: Award, rich: RichText) -> Context:
    return {
        "title": clean_text(award.title),
        "issuer": clean_text(award.issuer),
        "date": rich.dates(award.start, award.date) if award.start else rich.date(award.date),
        "text": clean_text(award.text),
    }


_ENTRIES: dict[str, Callable[[TailoredCV, RichText], list[Any]]] = {
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


def clean_text(text: str | None) -> str:
    """Text without control characters ("" for None); newlines stay and become line breaks.

    docxtpl would turn tabs, BEL and form feeds into tabs, paragraphs and page breaks.
    """
    return _UNSAFE.sub("", text.replace("\t", " ")) if text else ""
