"""Formatting shared by every renderer: dates, contact lines, citations.

Pure functions from model values to plain strings (no markup); each renderer
escapes and styles them itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from tailor.models.fields import MONTH_NAMES
from tailor.models.profile import Education, Person, Publication
from tailor.models.rules import SectionName

__all__ = [
    "SECTION_TITLES",
    "ContactItem",
    "contact_items",
    "education_heading",
    "format_date",
    "format_range",
    "publication_parts",
    "unbreakable",
]

SECTION_TITLES: dict[SectionName, str] = {
    "summary": "Summary",
    "experience": "Experience",
    "education": "Education",
    "projects": "Projects",
    "publications": "Publications",
    "skills": "Skills",
    "teaching": "Teaching",
    "volunteering": "Volunteering & Mentoring",
    "awards": "Awards",
}

EN_DASH = "\u2013"
NBSP = "\u00a0"


def unbreakable(text: str) -> str:
    """The text with no-break spaces, so that a line never breaks inside it (a date range, a place)."""
    return text.replace(" ", NBSP)


def format_date(value: str | None, fmt: str = "MMM YYYY", present: str = "Present") -> str:
    """Format a profile date (``2017-01``, ``2017`` or ``present``).

    ``fmt`` is one of ``MMM YYYY`` (Jan 2017), ``MMMM YYYY`` (January 2017),
    ``MM/YYYY`` (01/2017), ``YYYY-MM`` (2017-01) or ``YYYY`` (2017). A date
    without a month is always just the year.
    """
    if not value:
        return ""
    if value == "present":
        return present
    year, _, month = value.partition("-")
    if not month or fmt == "YYYY":
        return year
    index = int(month) - 1
    formats = {
        "MMMM YYYY": f"{MONTH_NAMES[index]} {year}",
        "MM/YYYY": f"{month}/{year}",
        "YYYY-MM": f"{year}-{month}",
    }
    return formats.get(fmt, f"{MONTH_NAMES[index][:3]} {year}")


def format_range(start: str | None, end: str | None, fmt: str = "MMM YYYY", present: str = "Present") -> str:
    """A date range such as ``Jan 2017 – Present``; a single date when only one is known."""
    first, last = format_date(start, fmt, present), format_date(end, fmt, present)
    if first and last and first != last:
        return f"{first} {EN_DASH} {last}"
    return first or last


@dataclass(frozen=True)
class ContactItem:
    """One item of the header's contact line; ``url`` makes it a link."""

    text: str
    url: str | None = None


def contact_items(person: Person) -> list[ContactItem]:
    """The contact line: location, phone, email, then links, in that order."""
    items: list[ContactItem] = []
    if person.location:
        items.append(ContactItem(person.location))
    if person.phone:
        items.append(ContactItem(person.phone, "tel:" + "".join(person.phone.split())))
    if person.email:
        items.append(ContactItem(person.email, f"mailto:{person.email}"))
    items.extend(ContactItem(link.label, link.url) for link in person.links)
    return items


def education_heading(entry: Education) -> str:
    """``M.S., Computer Science`` (degree and field, whichever are given)."""
    return entry.heading()


def publication_parts(pub: Publication) -> tuple[str, str]:
    """(title, rest) where rest is ``Authors. Venue, Year. Note.``."""
    rest: list[str] = []
    if pub.authors:
        rest.append(", ".join(pub.authors) + ".")
    venue = ", ".join(part for part in (pub.venue, str(pub.year) if pub.year else None) if part)
    if venue:
        rest.append(venue + ".")
    if pub.note:
        rest.append(f"({pub.note})")
    return pub.title, " ".join(rest)
