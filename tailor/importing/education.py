"""Education sections -> degrees: institution, degree, field, dates, thesis, advisors, details."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from tailor.importing.bullets import bullet_text
from tailor.importing.dates import find_date, find_range, profile_date
from tailor.importing.draft import Draft
from tailor.importing.entries import Entry, group_entries, promote_list_entries
from tailor.importing.units import Unit
from tailor.importing.words import is_location, is_strong_org, split_location

__all__ = ["add_education"]

_DEGREE = re.compile(
    r"\b(?:bachelor[’']?s?|master[’']?s?|doctor|doctorate|ph\.?\s?d|m\.?\s?sc|b\.?\s?sc|m\.?\s?eng|b\.?\s?eng"
    r"|mba|m\.?a|b\.?a|m\.?s|b\.?s|diploma|degree|programme|program|certificate|licentiate|associate|a-levels|abitur"
    r"|baccalaureate|mphil|dphil|llb|llm|md|m\.?\s?com|b\.?\s?com|m\.?\s?tech|b\.?\s?tech|chartered"
    r"|high[- ]school|higher[- ]secondary)\b\.?",
    re.I,
)
_INSTITUTION = re.compile(
    r"\b(?:university|universit|college|school|institute|academy|polytechnic|école)", re.I
)
_PREFIX = re.compile(r"^(thesis|advisors?|supervisors?|gpa|grade)\s*:\s*(.*)$", re.I)
_SEPARATORS = re.compile(r"\s+[|·•]\s+|\s+[—–]\s+|\s*\t\s*|\s{3,}")
_QUOTES = "“”\"'‘’"


def add_education(draft: Draft, title: str, units: list[Unit], known_orgs: list[str]) -> None:
    """Parse an education section into ``draft``; ``known_orgs`` helps split "Institution Field"."""
    before: list[Unit] = []
    entries = _dated_list(units)
    if not entries:
        before, entries = group_entries(promote_list_entries(units, _is_education_line))
    if not entries and before:  # one entry per line; nested list items are its details
        entries, before = _one_per_line(before), []
    for unit in before:
        draft.put_aside(f"{title} (line {unit.line})", unit.plain)
    entries = [part for entry in entries for part in _degrees_apart(entry)]
    for entry in entries:
        item, checks = _entry(entry, known_orgs)
        if not item.get("institution") and not item.get("degree"):
            draft.put_aside(f"{title} (line {entry.header[0].line})", _text(entry))
            continue
        draft.add("education", item, checks)


def _dated_list(units: list[Unit]) -> list[Entry]:
    """A list of one line per degree, each with its year ("* M.Com (Statistics) | 2022", "* High-School |
    2013"): each item is an entry, its wrapped text after the year a detail."""
    if len(units) < 2 or any(unit.kind != "bullet" or unit.indent != units[0].indent for unit in units):
        return []
    if not all(_DEGREE.search(unit.plain[:120]) and find_date(unit.plain[:120]) for unit in units):
        return []
    return [Entry([replace(unit, kind="text")]) for unit in units]


def _split_outside(text: str, sep: str) -> list[str]:
    """``text.split(sep)``, but not inside parentheses: "IPCE, CA (Audit, Tax)" -> two pieces."""
    pieces, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and text.startswith(sep, i):
            pieces.append(text[start:i])
            start = i + len(sep)
    return [*pieces, text[start:]]


def _trim(piece: str) -> str:
    """A part without edge punctuation or an unpaired bracket ("(2019" -> "2019"); a pair stays when
    it closes inside the text ("M.Com (Statistics)") and goes when it wraps it all ("(Remote)")."""
    piece = piece.strip(" ,;")
    if piece.startswith("(") and piece.endswith(")") and _split_outside(piece[1:-1], ")") == [piece[1:-1]]:
        return piece[1:-1].strip(" ,;")
    if piece.startswith("(") and piece.count("(") > piece.count(")"):
        piece = piece[1:]
    if piece.endswith(")") and piece.count(")") > piece.count("("):
        piece = piece[:-1]
    return piece.strip(" ,;")


def _degrees_apart(entry: Entry) -> list[Entry]:
    """An institution heading over one list item per degree ("### Duke University" then "- **Ph.D.**
    ...", "- **M.A.** ..."): one entry per degree, each with the institution line."""
    header = " ".join(unit.plain for unit in entry.header)
    degrees = [unit for unit in entry.body if unit.kind == "bullet" and _DEGREE.match(unit.plain)]
    if _DEGREE.search(header) or not degrees or len(degrees) != len(entry.body):
        return [entry]
    return [Entry([*entry.header, replace(unit, kind="text")]) for unit in degrees]


def _single_end(text: str) -> tuple[str, tuple[int, int]] | None:
    """The one date on a line (a year of graduation), and where it stands."""
    found = find_date(text)
    end = profile_date(found.end, end=True) if found is not None and found.end else None
    return (end, found.span) if found is not None and end is not None else None


def _is_education_line(unit: Unit) -> bool:
    text = unit.plain
    return bool(_DEGREE.search(text) or _INSTITUTION.search(text) or find_range(text))


def _one_per_line(units: list[Unit]) -> list[Entry]:
    """Entries from lines with no dated anchors: a line naming an institution and the next naming a
    degree (or the other way round) make one entry; a line that would name a second institution or
    degree starts the next; items nested under a line are its details."""
    top = min((u.indent for u in units if u.kind == "bullet"), default=0)
    if len(units) > 1 and _names_only_an_institution(units[0]) and "degree" in _kinds(units[1]):
        return _institution_first(units, top)
    entries: list[Entry] = []
    seen: set[str] = set()
    for unit in units:
        nested = unit.kind == "bullet" and unit.indent > top
        if nested and entries:
            entries[-1].body.append(unit)
            continue
        kinds = _kinds(unit)
        if entries and not entries[-1].body and kinds and not kinds & seen and unit.kind != "bullet":
            entries[-1].header.append(unit)
            seen |= kinds
        else:
            entries.append(Entry([unit]))
            seen = set(kinds)
    return entries


def _kinds(unit: Unit) -> set[str]:
    kinds = {"institution"} if _INSTITUTION.search(unit.plain) or is_strong_org(unit.plain) else set()
    return kinds | ({"degree"} if _DEGREE.search(unit.plain) else set())


def _names_only_an_institution(unit: Unit) -> bool:
    """ "Duke University" on its line: no degree, no date, no second part after a comma."""
    text = unit.plain
    return _kinds(unit) == {"institution"} and find_date(text) is None and ", " not in text.strip(" ,")


def _institution_first(units: list[Unit], top: int) -> list[Entry]:
    """A section laid out institution first ("Duke University" over "Ph.D. ..." and "M.A. ...", then
    "Boston University" over "B.A. ..."): each degree line is an entry at the institution above it."""
    entries: list[Entry] = []
    institution: Unit | None = None
    for at, unit in enumerate(units):
        kinds = _kinds(unit)
        if unit.kind == "bullet" and unit.indent > top and entries:
            entries[-1].body.append(unit)
        elif kinds == {"institution"} or _unnamed_institution(unit, units[at + 1 : at + 2]):
            institution = unit
            entries.append(Entry([unit]))
        elif "degree" in kinds and institution is not None:
            if entries and entries[-1].header == [institution]:
                entries[-1].header.append(unit)  # the institution's first degree
            else:
                entries.append(Entry([institution, unit]))  # another degree there
        elif entries:
            entries[-1].body.append(unit)
        else:
            entries.append(Entry([unit]))
    return entries


def _unnamed_institution(unit: Unit, after: list[Unit]) -> bool:
    """ "UC Santa Barbara" over "BA Philosophy, 2014": a short undated line, no degree in it, right
    above a degree line, names where that degree was taken."""
    text = unit.plain
    return (
        unit.kind != "bullet"
        and not _kinds(unit)
        and len(text.split()) <= 6
        and find_date(text) is None
        and bool(after)
        and "degree" in _kinds(after[0])
    )


def _text(entry: Entry) -> str:
    return "\n".join(unit.plain for unit in entry.header + entry.body)


def _entry(entry: Entry, known_orgs: list[str]) -> tuple[dict[str, Any], list[str]]:
    item: dict[str, Any] = {}
    checks: list[str] = []
    parts: list[tuple[str, bool]] = []
    for unit in entry.header:
        text = unit.plain
        if prefixed := _PREFIX.match(text):
            _prefixed(item, prefixed.group(1).lower(), prefixed.group(2), checks)
            continue
        if (dates := find_range(text)) and "start" not in item:
            item["start"], item["end"] = profile_date(dates.start), profile_date(dates.end, end=True)
            if item["start"] is None and item["end"] is None:
                checks.append(f"date not recognised: '{text[dates.span[0] : dates.span[1]]}'")
            text = dates.remove_from(text)
        elif (single := _single_end(text)) and "end" not in item:  # "BSc, MIT, 2015"
            item["end"], span = single
            text = (text[: span[0]] + text[span[1] :]).strip(" ,;|·•—–")
        for piece in _SEPARATORS.split(text):
            parts.extend((part, unit.kind == "heading") for part in _degree_apart(_trim(piece)))
    _classify(item, [(text, heading) for text, heading in parts if text], known_orgs, checks)
    details = [bullet_text(unit) for unit in entry.body]
    item["details"] = [*item.get("details", []), *(detail.text for detail in details)]
    return item, checks


def _degree_apart(text: str) -> list[str]:
    """ "PhD in Machine Learning, University of Edinburgh" -> the degree, then the rest as one part
    (an institution keeps its own commas: "University of California, Los Angeles")."""
    pieces = _split_outside(text, ", ")
    at = next((i for i, piece in enumerate(pieces) if _DEGREE.match(piece)), None)
    if at is None or len(pieces) == 1:
        return [text]
    while at + 1 < len(pieces) and _DEGREE.match(pieces[at + 1]):
        at += 1  # "BA Philosophy, BS Mathematics": a double degree is one
    degree = ", ".join(pieces[: at + 1])
    rest = ", ".join(pieces[at + 1 :])
    return [degree, rest] if rest else [degree]


def _prefixed(item: dict[str, Any], key: str, value: str, checks: list[str]) -> None:
    value = value.strip().strip(_QUOTES).strip()
    if key == "thesis":
        item["thesis"] = value.rstrip(",").strip(_QUOTES)
    elif key.startswith(("advisor", "supervisor")):
        item["advisors"] = [name.strip() for name in re.split(r",\s*|\s+and\s+", value) if name.strip()]
    else:
        item.setdefault("details", []).append(f"{key.upper() if key == 'gpa' else key.title()}: {value}")
        checks.append(f"'{key}' kept as a detail")


def _classify(
    item: dict[str, Any], parts: list[tuple[str, bool]], known: list[str], checks: list[str]
) -> None:
    leftovers = []
    for text, heading in parts:
        if "location" not in item and is_location(text) and (text.count(",") < 2 or "institution" in item):
            item["location"] = text
        elif "institution" not in item and (heading or _INSTITUTION.search(text)) and not _DEGREE.match(text):
            _institution(item, text, known, checks)
        elif "degree" not in item and _DEGREE.search(text):
            _degree(item, text)
        else:
            leftovers.append(text)
    if "institution" not in item and leftovers and not ("degree" in item and _is_list(leftovers[0])):
        item["institution"] = leftovers.pop(0)
        checks.append("institution guessed")
    if leftovers:
        checks.append(f"not placed: {'; '.join(leftovers)}")
        item["details"] = [*item.get("details", []), *leftovers]


def _is_list(text: str) -> bool:
    """Coursework or skills ("Analytics, Data Modeling, Econometrics, ..."), not a school's name."""
    return text.count(",") >= 2 or len(text.split()) > 8


def _institution(item: dict[str, Any], text: str, known: list[str], checks: list[str]) -> None:
    """ "University of California, Los Angeles Computer Science, M.S." -> institution, field, degree."""
    text, place = split_location(text)
    if place:
        item["location"] = place
    pieces = text.split(", ")
    if len(pieces) > 1 and _DEGREE.fullmatch(pieces[-1]):
        item["degree"] = pieces.pop()
        text = ", ".join(pieces)
    for org in sorted(known, key=len, reverse=True):
        if text.startswith(org) and text != org:
            item["institution"], rest = org, text[len(org) :].strip(" ,")
            if "degree" in item:
                item.setdefault("field", rest)
            else:
                _degree(item, rest)
            return
    item["institution"] = text
    if "degree" in item and "field" not in item:
        checks.append("institution and field of study may be run together")


def _degree(item: dict[str, Any], text: str) -> None:
    """ "Master's Programme in Machine Learning", "Computer Science, M.S.", "M.S. in Physics"."""
    degree, sep, field = text.partition(" in ")
    if not sep:
        pieces = _split_outside(text, ", ")
        degrees = [piece for piece in pieces if _DEGREE.search(piece)]
        if degrees and len(degrees) < len(pieces):  # "Computer Science, M.S."; two degrees stay one
            degree = degrees[0]
            field = ", ".join(piece for piece in pieces if piece != degree)
        else:
            degree, field = text, ""
    if not _DEGREE.search(degree):
        item["field"] = text
        return
    item["degree"] = degree.strip()
    if field.strip():
        item["field"] = field.strip()
