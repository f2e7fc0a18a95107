"""An entry's header lines -> title, organisation, unit, location, dates and leftovers.

Parts come in any order over one to four lines ("Title / Company / Dates / Place",
"Title · Company, Unit" + "Dates · Place", "Title — Company | Dates"), so each part
is classified by what it looks like: a date range, a place, a job title, a unit of
an organisation ("Department of ...", "... Lab"), or an organisation.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from tailor.importing.dates import DateRange, find_date, find_range
from tailor.importing.units import Unit
from tailor.importing.words import (
    has_singular_title_word,
    has_title_word,
    is_location,
    is_strong_org,
    is_unit,
    split_location,
)

__all__ = ["HeaderFields", "parse_header", "split_org_unit"]

_SEPARATORS = re.compile(r"\s+[|·•:]\s+|\s+[—–]\s+|\s+-\s+|\s*\t\s*|\s{3,}|\s+\|\s*|\s*\|\s+")
_AT = re.compile(r"^(?P<title>.+?)\s+(?:at|@)\s+(?P<org>[A-Z].+)$")


@dataclass
class HeaderFields:
    """What an entry header says; ``extra`` holds parts that fit nowhere else."""

    title: str | None = None
    organisations: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    location: str | None = None
    dates: DateRange | None = None
    extra: list[str] = field(default_factory=list)
    heading: str | None = None
    """The text of an entry heading (``###``), when the entry had one."""
    org_in_title: bool = False
    """Whether the organisation was written in the title's own part ("Intern at Orange Labs"): it is
    that role's alone, never one for the roles below it to share."""


@dataclass(frozen=True)
class _Part:
    text: str
    heading: bool


def _parts(units: list[Unit], fields: HeaderFields) -> list[_Part]:
    parts = []
    for unit in units:
        text = re.sub(r"(?<=\w),(?=[A-Z])", ", ", unit.plain)  # "Developer,Beta Systems"
        dates = find_range(text) or _lone_date(text)
        if dates and fields.dates is None:
            fields.dates = dates
            text = dates.remove_from(text)
        for piece in _SEPARATORS.split(text):
            piece = _strip_brackets(
                "".join(c for c in piece if unicodedata.category(c) != "So").strip(" ,;:")
            )
            if piece:
                parts.append(_Part(piece, unit.kind == "heading"))
        if unit.kind == "heading" and fields.heading is None:
            fields.heading = text
    return parts


def _strip_brackets(text: str) -> str:
    """Brackets left over at either end by a split, not the pair of "Meta (FAIR)"."""
    for left, right in ("()", "[]"):
        while text.endswith(right) and text.count(right) > text.count(left):
            text = text[:-1].rstrip()
        while text.startswith(left) and text.count(left) > text.count(right):
            text = text[1:].lstrip()
        if text.startswith(left) and text.endswith(right) and text.count(left) == 1:
            text = text[1:-1].strip()  # "(Remote)" on its own
    return text.strip(" ,;:")


def _lone_date(text: str) -> DateRange | None:
    """A single date on a header line: "Present" ends a role, any other date starts it."""
    found = find_date(text)
    if found is None or found.end is None:
        present = re.search(r"\b(?:present|current)\b", text, re.I)
        return DateRange(None, "present", present.span()) if present else None
    return DateRange(found.end, None, found.span)


def split_org_unit(text: str) -> tuple[str, str | None]:
    """``"Pinterest, Inc., Advanced Technologies Group"`` -> ``("Pinterest, Inc.", "Advanced ...")``."""
    pieces = text.split(", ")
    for index in range(1, len(pieces)):
        if is_unit(re.split(r"[;,]", pieces[index])[0]):
            return ", ".join(pieces[:index]), ", ".join(pieces[index:])
    return text, None


def _split_title(part: str, fields: HeaderFields) -> str:
    """Take a title; "Title, Unit" and "Title, Organisation" give the rest its own field."""
    if at := _AT.match(part):
        fields.org_in_title = True
        _add_org(at.group("org"), fields)
        return at.group("title")
    title, sep, tail = part.partition(", ")
    if not sep or has_title_word(tail) or len(tail.split()) == 1:
        return part
    if is_unit(tail):
        fields.units.append(tail)
    else:
        _add_org(tail, fields)
    return title


def _title_comma_org(fields: HeaderFields) -> None:
    """ "Software Quality Specialist, Waymo" with no organisation elsewhere: the last part is it."""
    assert fields.title is not None
    title, _, tail = fields.title.rpartition(", ")
    if has_title_word(title) and not has_title_word(tail) and not is_location(tail) and tail[:1].isupper():
        fields.title = title
        _place_org(tail, fields)


_PARENTHESIS = re.compile(r"^(?P<org>.*\S)\s*\((?P<inner>[^()]+)\)$")
_WORK_MODE = re.compile(r"remote|hybrid|on-?site|in-?office|full-?time|part-?time", re.IGNORECASE)


def _add_org(text: str, fields: HeaderFields) -> None:
    """An organisation, without a bracketed place ("(Remote)") or team in lower case ("(fullstack)"),
    which go to their own fields; a bracketed name ("Meta (FAIR)") stays part of it."""
    found = _PARENTHESIS.match(text)
    inner = found.group("inner").strip() if found else ""
    if found and (_WORK_MODE.fullmatch(inner) or is_location(inner)) and fields.location is None:
        fields.location, text = inner, found.group("org")
    elif found and inner[:1].islower():
        fields.units.append(inner)
        text = found.group("org")
    fields.organisations.append(text)


def _place_org(part: str, fields: HeaderFields) -> None:
    org, place = split_location(part)
    if place and fields.location is None:
        fields.location = place
    org, unit = split_org_unit(org)
    _add_org(org, fields)
    if unit:
        fields.units.append(unit)


_SELF_EMPLOYED = re.compile(r"(?:freelance|freelancer|self-employed|independent)", re.IGNORECASE)


def _title_index(parts: list[_Part]) -> int | None:
    """The part naming the job: the first with a title word (in the singular before the plural:
    "Connelly Partners" is a firm), else the entry heading."""
    for names_a_job in (has_singular_title_word, has_title_word):
        found = [i for i, part in enumerate(parts) if names_a_job(part.text) and not is_location(part.text)]
        # "Freelance | 2014 - Present" over "Web Developer": a bare "Freelance" is where, not the job
        jobs = [i for i in found if not _SELF_EMPLOYED.fullmatch(parts[i].text.strip())]
        if found:
            return (jobs or found)[0]
    heading = next((index for index, part in enumerate(parts) if part.heading), None)
    if heading is not None or not parts:
        return heading
    # no job word anywhere ("Duke University | 2014 - 2019" over "Ph.D. Candidate"): not the university
    return next((index for index, part in enumerate(parts) if not is_strong_org(part.text)), 0)


_DURATION = re.compile(r"^\d+\+?\s+(?:years?|months?)\s+(?:as\s+)?(?=\S)", re.IGNORECASE)
"""A duration before a title ("2 years as Front-End Captain at Synthesio"): the dates say it."""


def _take_title(text: str, fields: HeaderFields) -> tuple[str, str] | None:
    """Set the title from its part; returns (the part, the organisation read after its comma), if any."""
    text = _DURATION.sub("", text)
    named = len(fields.organisations)
    fields.title = _split_title(text, fields)
    if len(fields.organisations) > named and not fields.org_in_title:
        return text, fields.organisations[-1]
    return None


def _keep_title_tail(fields: HeaderFields, title_tail: tuple[str, str] | None) -> None:
    """ "NTUC ENTERPRISE" over "Data Scientist, Data Science": the organisation has a line of its own,
    so the part after the title's comma is the title's (a field or team), as written."""
    if title_tail is not None and len(fields.organisations) > 1:
        fields.title, tail = title_tail
        fields.organisations.remove(tail)


def parse_header(units: list[Unit]) -> HeaderFields:
    """Classify the parts of an entry header."""
    fields = HeaderFields()
    parts = _parts(units, fields)
    title_at = _title_index(parts)
    title_tail: tuple[str, str] | None = None
    for index, part in enumerate(parts):
        text = part.text
        if index == title_at:
            title_tail = _take_title(text, fields)
        elif fields.location is None and is_location(text) and (text.count(",") < 2 or fields.organisations):
            fields.location = text
        elif is_unit(text) and not is_strong_org(text) and split_org_unit(text)[1] is None:
            fields.units.append(text)
        elif not fields.organisations or is_strong_org(text):
            _place_org(text, fields)
        elif fields.units:
            fields.units.append(text)
        else:
            fields.extra.append(text)
    _keep_title_tail(fields, title_tail)
    if not fields.organisations and fields.units:
        fields.organisations.append(fields.units.pop(0))
    if not fields.organisations and fields.title and ", " in fields.title:
        _title_comma_org(fields)
    if fields.title is None and fields.extra:
        fields.title = fields.extra.pop(0)
    return fields
