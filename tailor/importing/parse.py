"""Units -> a draft profile: split into sections, then hand each section to its parser."""

from __future__ import annotations

from collections.abc import Callable

from tailor.importing.dates import find_range
from tailor.importing.draft import Draft
from tailor.importing.education import add_education
from tailor.importing.entries import is_header_line
from tailor.importing.lists import add_awards, add_projects, add_skills, add_summary, put_aside_section
from tailor.importing.person import add_contact, add_person
from tailor.importing.publications import add_publications
from tailor.importing.roles import add_roles
from tailor.importing.sections import Section, split_sections
from tailor.importing.units import Unit
from tailor.importing.words import is_strong_org
from tailor.models.rules import ROLE_SECTIONS

__all__ = ["parse_units"]


def _known_organisations(units: list[Unit]) -> list[str]:
    """Organisation names written on their own line (they help split "Institution Field" lines)."""
    names = {
        u.plain.strip() for u in units if u.kind != "bullet" and is_header_line(u) and is_strong_org(u.plain)
    }
    return sorted(names)


def _contact(draft: Draft, title: str, units: list[Unit]) -> None:
    for unit in units:
        if not add_contact(draft, unit):
            draft.put_aside(f"section '{title}' (line {unit.line})", unit.plain)


def _interests(draft: Draft, title: str, units: list[Unit]) -> None:
    add_summary(draft, title, units, tags=["interests"])


_PARSERS: dict[str, Callable[[Draft, str, list[Unit]], None]] = {
    "skills": add_skills,
    "languages": add_skills,
    "projects": add_projects,
    "publications": add_publications,
    "awards": add_awards,
    "summary": add_summary,
    "interests": _interests,
    "contact": _contact,
}


def _section(draft: Draft, section: Section, known: list[str]) -> None:
    key, title, units = section.key, section.title, section.units
    if key in ROLE_SECTIONS:
        add_roles(draft, key, title, units)
    elif key == "education":
        add_education(draft, title, units, known)
    else:
        _PARSERS.get(key, put_aside_section)(draft, title, units)


def parse_units(units: list[Unit], source: str, name_hint: str, hint_origin: str = "the file name") -> Draft:
    """Build a draft profile from a document's units.

    Args:
        units: The document, as read by one of the readers.
        source: How to name the document in notes.
        name_hint: The person's name to use when the CV does not state it.
        hint_origin: Where ``name_hint`` comes from, for the check comment.

    Returns:
        The draft, with notes and unplaced text.
    """
    draft = Draft(source)
    sections = _roles_without_heading(split_sections(units))
    add_person(draft, sections[0].units, name_hint, hint_origin)
    known = _known_organisations(units)
    for section in sections[1:]:
        _section(draft, section, known)
    return draft


def _roles_without_heading(sections: list[Section]) -> list[Section]:
    """A CV with no roles section whose top holds dated entry lines after the person's block (a plain
    text CV that goes from its summary box straight to "F5 Networks, Seattle WA – 2004-Present"):
    those lines and what follows them are its experience."""
    if any(section.key in ROLE_SECTIONS for section in sections):
        return sections
    header = sections[0]
    dated = [
        i for i, unit in enumerate(header.units) if i > 0 and is_header_line(unit) and find_range(unit.plain)
    ]
    if len(dated) < 2:
        return sections
    first = dated[0]
    experience = Section("experience", "Experience", header.units[first].line, header.units[first:])
    return [Section(header.key, header.title, header.line, header.units[:first]), experience, *sections[1:]]
