"""Split a section's units into entries: a header (title, organisation, dates, place) and a body.

Two layouts are recognised. With entry headings (Markdown ``###``, Word "Heading 2")
each heading starts an entry. Without them, each dated short line is an anchor and
the entry starts as many short lines before it as the first entry has (CVs are
laid out consistently), so "Title / Dates / Company" and "Title / Company / Dates"
both work.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from tailor.importing.dates import find_date, find_range
from tailor.importing.units import Unit
from tailor.importing.words import is_location, is_sentence, word_count

__all__ = ["Entry", "group_entries", "is_header_line", "is_header_text", "promote_list_entries"]

_MAX_HEADER_WORDS = 20
_MAX_HEADER_CHARS = 170
_MAX_LEAD_LINES = 3
_FIELDS = re.compile(r"\s[·|—–]\s|\t|\s@\s")
_PREFIXED = ("thesis:", "advisor:", "advisors:", "supervisor:", "supervisors:", "gpa:", "grade:")


@dataclass
class Entry:
    """An entry's header lines and its body (bullets and paragraphs)."""

    header: list[Unit]
    body: list[Unit] = field(default_factory=list)


def is_header_line(unit: Unit) -> bool:
    """A short line that is not a sentence: a title, organisation, date or place."""
    if unit.kind == "bullet":
        return False
    if unit.kind == "heading":
        return True
    return is_header_text(unit.plain)


def is_header_text(text: str) -> bool:
    """Whether a line reads as an entry heading (short, not a sentence), wherever it stands."""
    if text.lower().startswith(_PREFIXED):
        return True
    dates = find_range(text)
    rest = dates.remove_from(text).strip(" :|,") if dates else text  # "Covance: 4/2019 - Present"
    if dates and not rest:
        return True
    return word_count(rest) <= _MAX_HEADER_WORDS and len(rest) <= _MAX_HEADER_CHARS and not is_sentence(rest)


def _is_anchor(unit: Unit) -> bool:
    text = unit.plain
    return is_header_line(unit) and (find_range(text) is not None or _date_led(text) or _lone_date(text))


def _lone_date(text: str) -> bool:
    """A line that is one date and nothing else ("Winter 2014" under "Intern at Orange Labs")."""
    found = find_date(text)
    return found is not None and found.span == (0, len(text.strip()))


def _date_led(text: str) -> bool:
    """ "Fall 2015: Senior Event Technician": a single date, then a colon, leads the line; or
    "Robsham Theatre Arts Center | 2015" or "Network Support Engineer – 2004": a single date ends it
    after a bar or a dash."""
    found = find_date(text)
    if found is None:
        return False
    if found.span[0] == 0:
        return text[found.span[1] :].lstrip().startswith(":")
    before = text[: found.span[0]].rstrip()
    return not text[found.span[1] :].strip() and (before.endswith(("|", "–", "—")) or before.endswith(" -"))


def group_entries(units: list[Unit]) -> tuple[list[Unit], list[Entry]]:
    """Split units into entries.

    Returns:
        The units before the first entry, and the entries.
    """
    if any(unit.kind == "heading" for unit in units):
        # A deeper heading right under a heading belongs to its entry ("### Title" over "#### Org: dates").
        starts = [
            i
            for i, unit in enumerate(units)
            if unit.kind == "heading"
            and not (i and units[i - 1].kind == "heading" and units[i - 1].level < unit.level)
        ]
    else:
        starts = _anchor_starts(units)
    if not starts:
        return units, []
    entries = []
    for number, start in enumerate(starts):
        stop = starts[number + 1] if number + 1 < len(starts) else len(units)
        entries.append(_split_entry(units[start:stop]))
    return units[: starts[0]], entries


def _split_entry(units: list[Unit]) -> Entry:
    anchor_seen = False
    for index, unit in enumerate(units):
        if index and not is_header_line(unit):
            return Entry(units[:index], units[index:])
        if index and unit.kind == "heading" and anchor_seen:
            return Entry(units[:index], units[index:])
        anchor_seen = anchor_seen or _is_anchor(unit)
    return Entry(units)


def _short_run_before(units: list[Unit], index: int, floor: int) -> int:
    """How many header-like, undated lines come directly before ``units[index]``."""
    count = 0
    while index - count - 1 >= floor:
        unit = units[index - count - 1]
        if not is_header_line(unit) or _is_anchor(unit):
            break
        count += 1
    return count


def _dates_only(unit: Unit) -> bool:
    """A line holding only dates (and perhaps a place): the title must be above it."""
    if _lone_date(unit.plain):
        return True
    dates = find_range(unit.plain)
    rest = dates.remove_from(unit.plain) if dates else unit.plain
    return not rest or is_location(rest)


def _runs_before_bullets(units: list[Unit]) -> list[int]:
    """Undated entries laid out as heading lines over bullets ("Title / Company (Remote)" then
    "* ..."): each run of heading lines that follows bullets (or opens the section) starts one,
    when every such run has bullets below it."""
    starts = [
        i
        for i, unit in enumerate(units)
        if is_header_line(unit) and (i == 0 or units[i - 1].kind == "bullet")
    ]
    if len(starts) < 2:
        return []
    ends = [*starts[1:], len(units)]
    with_bullets = [any(u.kind == "bullet" for u in units[a:b]) for a, b in zip(starts, ends, strict=True)]
    if all(with_bullets[:-1]):  # the last run may be trailing lines (a heading not recognised)
        return starts if with_bullets[-1] else starts[:-1]
    return []


def _anchor_starts(units: list[Unit]) -> list[int]:
    anchors = [i for i, unit in enumerate(units) if _is_anchor(unit)]
    # a lone date right under another dated line is its end date ("Jan 2020" over "Dec 2021"), not an entry
    anchors = [i for i in anchors if not (i - 1 in anchors and _lone_date(units[i].plain))]
    if not anchors:
        if structural := _runs_before_bullets(units):
            return structural
        # Undated entries: lines such as "Title · Company" or "Title | Company" start them.
        return [i for i, unit in enumerate(units) if is_header_line(unit) and _FIELDS.search(unit.plain)]
    lead = min(_short_run_before(units, anchors[0], 0), _MAX_LEAD_LINES)
    starts = []
    for number, anchor in enumerate(anchors):
        floor = anchors[number - 1] + 1 if number else 0
        run = _short_run_before(units, anchor, floor)
        starts.append(anchor - min(_MAX_LEAD_LINES if _dates_only(units[anchor]) else lead, run))
    if starts[0] > 0 and is_header_line(units[0]) and any(u.kind == "bullet" for u in units[: starts[0]]):
        starts.insert(0, 0)  # an undated entry (heading lines over bullets) before the dated ones
    return starts


def promote_list_entries(units: list[Unit], is_entry: Callable[[Unit], bool]) -> list[Unit]:
    """Top-level list items that are entries become entry header lines; items nested under them
    stay their bullets ("* Sep 2023 - Now : Tutor : Cambridge Spark" over "  * Taught ...").

    Only when the section has no entry headings or dated lines of its own, and every top-level item
    that ``is_entry`` accepts is short enough to be a heading.
    """
    if any(u.kind == "heading" or (u.kind == "text" and _is_anchor(u)) for u in units):
        return units
    bullets = [u for u in units if u.kind == "bullet"]
    if not bullets:
        return units
    top = min(u.indent for u in bullets)
    chosen = {id(u) for u in bullets if u.indent == top and is_header_text(u.plain) and is_entry(u)}
    if not chosen:
        return units
    return [replace(u, kind="text") if id(u) in chosen else u for u in units]
