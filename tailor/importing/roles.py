"""Experience, teaching and volunteering sections -> roles with verbatim bullets."""

from __future__ import annotations

import re
from typing import Any

from tailor.importing.bullets import BulletText, bullet_text, clean_text
from tailor.importing.dates import find_date, find_range, profile_date
from tailor.importing.draft import Draft
from tailor.importing.entries import Entry, group_entries, is_header_text, promote_list_entries
from tailor.importing.header_fields import HeaderFields, parse_header
from tailor.importing.units import Unit
from tailor.importing.words import has_title_word, split_location

__all__ = ["add_roles", "section_of_title"]

_TEACHING = re.compile(r"\b(?:teaching|lecturer|tutor|instructor|teacher|docent)\b", re.I)
_VOLUNTEER = re.compile(r"\bvolunteer", re.I)


def section_of_title(title: str, default: str) -> str:
    """Roles listed under Experience whose title says teaching or volunteering move there."""
    if default != "experience":
        return default
    if _VOLUNTEER.search(title):
        return "volunteering"
    if _TEACHING.search(title):
        return "teaching"
    return default


def add_roles(draft: Draft, section: str, title: str, units: list[Unit]) -> None:
    """Parse a role section and add its roles to ``draft``.

    Args:
        draft: The profile being built.
        section: "experience", "teaching" or "volunteering".
        title: The section heading as written (for notes).
        units: The section's units.
    """
    before, entries = group_entries(promote_list_entries(units, _is_role_line))
    for unit in before:
        draft.put_aside(f"{title} (line {unit.line}, before the first role)", unit.plain)
    previous: HeaderFields | None = None
    employer: HeaderFields | None = None
    for number, entry in enumerate(entries):
        if _employer_over_roles(entry, entries[number + 1 : number + 2]):
            previous = employer = _employer(draft, title, entry)  # "F5 Networks, Seattle WA – 2004-Present"
            continue
        fields = parse_header(entry.header)
        checks: list[str] = []
        if fields.organisations:
            employer = None  # a role that names its own organisation ends the employer's run
        if not fields.organisations and not fields.units and employer is None and _org_below(entry):
            fields.organisations = [entry.body[0].plain]  # "* 2021 - Now: Engineer" over "  * Acme Inc"
            entry = Entry(entry.header, entry.body[1:])
            checks.append("organisation taken from the first line below the role")
        if not fields.organisations and previous and previous.organisations and not previous.org_in_title:
            fields.organisations = list(previous.organisations)
            fields.units = fields.units or list(previous.units)
            fields.location = fields.location or previous.location
            checks.append("organisation taken from the role above")
        role, role_checks = _role(fields, entry)
        target = section_of_title(role.get("title") or "", section)
        if target != section:
            checks.append(f"listed under '{title}'; moved to {target} because of its title")
        if not role.get("title") or not (role.get("organisation") or role.get("start")):
            draft.put_aside(
                f"{title} (line {entry.header[0].line}, a role without a title or organisation)",
                "\n".join(unit.plain for unit in entry.header + entry.body),
            )
            continue
        if not role.get("organisation"):  # a dated title alone: freelance work, or an organisation missed
            checks.append("no organisation found (freelance work has none); add one if there is")
        draft.add(target, role, checks + role_checks)
        previous = fields


def _employer_over_roles(entry: Entry, following: list[Entry]) -> bool:
    """An employer's own dated line over the roles held there ("F5 Networks, Seattle WA – 2004-Present"
    then "Senior Product Management Engineer – 2015-Present"): one header line, no job title, nothing
    below it, and the next entry names a job."""
    if entry.body or len(entry.header) != 1 or not following:
        return False
    text = entry.header[0].plain
    dates = find_range(text)
    if dates is None or has_title_word(dates.remove_from(text)):
        return False
    nxt = parse_header(following[0].header)
    return nxt.title is not None and has_title_word(nxt.title) and not nxt.organisations


def _employer(draft: Draft, title: str, entry: Entry) -> HeaderFields:
    """The employer line as the organisation (and place) of the roles below it; the line itself goes
    under ``unplaced:`` so that its own dates are kept for the person to see."""
    unit = entry.header[0]
    dates = find_range(unit.plain)
    name = dates.remove_from(unit.plain) if dates else unit.plain
    org, place = split_location(name.strip(" ,|–-"))
    draft.put_aside(f"{title} (line {unit.line}, the employer over the roles below; its dates)", unit.plain)
    return HeaderFields(organisations=[org], location=place)


def _org_below(entry: Entry) -> bool:
    """Whether the entry's first body line names an organisation (short, no job title, not "Label:")."""
    if not entry.body:
        return False
    first = entry.body[0].plain
    return (
        is_header_text(first)
        and not has_title_word(first)
        and ":" not in first
        and len(first.split()) <= 10
        and not first[:1].islower()
    )


def _is_role_line(unit: Unit) -> bool:
    """A list item holding a whole role heading: a date range and at least a title or two parts."""
    dates = find_range(unit.plain)
    if dates is None:
        # "Fall 2015: Senior Event Technician": one date leading the item, then a job title
        lone = find_date(unit.plain)
        if lone is None or unit.plain[: lone.span[0]].strip(" *_("):
            return False
        fields = parse_header([unit])
        return fields.title is not None and has_title_word(fields.title)
    fields = parse_header([unit])
    named_job = fields.title is not None and has_title_word(fields.title)
    return bool(fields.title and (fields.organisations or fields.units or named_job))


def _dates(fields: HeaderFields, checks: list[str]) -> dict[str, str | None]:
    if fields.dates is None:
        checks.append("no dates found")
        return {}
    start = profile_date(fields.dates.start)
    end = profile_date(fields.dates.end, end=True)
    for raw, parsed in ((fields.dates.start, start), (fields.dates.end, end)):
        if raw and parsed is None:
            checks.append(f"date not recognised: '{raw}'")
        elif raw and parsed and parsed.isdigit() and not raw.isdigit():
            checks.append(f"'{raw}' read as {parsed}")  # a season: the profile has no field for it
    return {"start": start, "end": end}


def _role(fields: HeaderFields, entry: Entry) -> tuple[dict[str, Any], list[str]]:
    checks: list[str] = []
    role: dict[str, Any] = {
        "title": fields.title,
        "organisation": "; ".join(fields.organisations) or None,
        "unit": "; ".join(fields.units) or None,
        "location": fields.location,
        **_dates(fields, checks),
    }
    description, bullets = _body(entry.body, checks)
    # "Full Stack Developer - SlashDB" over "SlashDB | May 2021 - Feb 2022": the repeat is not a description
    said = {name.casefold() for name in [*fields.organisations, *fields.units, fields.title or ""]}
    extra_parts = [part for part in fields.extra if part.casefold() not in said]
    if extra_parts:
        extra = "; ".join(extra_parts)
        checks.append(f"'{extra}' from the role's heading lines was taken as its description")
        description = f"{extra}. {description}" if description else extra
    role["description"] = description
    role["bullets"] = [_bullet_value(bullet) for bullet in bullets]
    for bullet in bullets:
        checks.extend(f"bullet '{_short(bullet.text)}': {note}" for note in bullet.notes)
        checks.extend(f"bullet '{_short(bullet.text)}': link '{w}' -> {url}" for w, url in bullet.urls)
    return role, checks


def _body(units: list[Unit], checks: list[str]) -> tuple[str | None, list[BulletText]]:
    """A description (leading paragraph) and the bullets; paragraphs count as bullets."""
    has_bullets = any(unit.kind == "bullet" for unit in units)
    description: list[str] = []
    bullets: list[BulletText] = []
    for unit in units:
        leading = not bullets and unit.kind != "bullet"
        if leading and (has_bullets or unit.plain.rstrip().endswith(":")):
            text, notes, _ = clean_text(unit.text)
            description.append(text)
            checks.extend(notes)
            continue
        bullets.append(bullet_text(unit))
    return (" ".join(description) or None), bullets


def _bullet_value(bullet: BulletText) -> str | dict[str, str]:
    return {"lead": bullet.lead, "text": bullet.text} if bullet.lead else bullet.text


def _short(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"
