"""Markdown or plain text -> logical units (headings, bullets, paragraphs) with their line numbers.

Every reader produces Markdown-flavoured text; this module is the one place that
knows how lines become units: bullet markers, Markdown and setext headings,
wrapped bullet and paragraph lines, horizontal rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from tailor.importing.hyphens import join_wrapped
from tailor.importing.inline import plain

__all__ = ["Unit", "UnitKind", "read_units"]

UnitKind = Literal["heading", "bullet", "text"]

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
"""A Markdown table's rule under its header row ("| --- |:---|")."""
_HIDDEN_BLOCK = re.compile(r"<(style|script)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.I | re.S)
"""A page's style sheet, script or comment inside Markdown: never text a reader sees."""
_RULE = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|(?:=\s*){3,})$")
_BULLET = re.compile(
    r"^(\s*)(?:\\?[-*+•·▪‣◦●○■□➢➤►✓–\x7f\uf0b7\uf0a7]|\d{1,2}[.)]|\(\d{1,2}\)|[a-z][.)])\s+(\S.*)$"
)
_WRAP_LENGTH = 60
_SHORT = 40
_HEADING_WORDS = 5
_CONTACT = re.compile(r"@|https?://|www\.|\.com/|\.org/")


@dataclass(frozen=True)
class Unit:
    """One logical piece of the CV: a heading, a bullet or a paragraph (Markdown inline kept)."""

    kind: UnitKind
    text: str
    line: int
    level: int = 0
    """Heading level (1 = document title, 2 = section, 3+ = entry) for headings; 0 otherwise."""
    indent: int = 0
    """How deep a bullet is nested (0 = a top-level list item; 1 = inside another item, ...)."""

    @property
    def plain(self) -> str:
        """The text without Markdown markup."""
        return plain(self.text).text


def read_units(text: str, notes: list[str] | None = None) -> list[Unit]:
    """Split Markdown or plain text into units.

    Args:
        text: The whole document.
        notes: Where to record repairs (words re-joined at a hyphen).

    Returns:
        Headings, bullets and paragraphs in reading order; wrapped lines joined.
    """
    text = _html_blocks(text).replace("\r\n", "\n").replace("\r", "\n")
    rows = _table_rows(text)
    units: list[Unit] = []
    everything = " ".join(text.split())
    notes = notes if notes is not None else []
    blank_before = True
    previous_raw = ""
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.replace("\t", "    ").rstrip()
        if not line.strip():
            blank_before = True
            continue
        if number in rows:  # a table's row: one line of fields, never wrapped into another
            if row := rows[number]:
                units.append(Unit("text", row, number))
            blank_before, previous_raw = False, line
            continue
        _add_line(units, line, number, blank_before, previous_raw, (everything, notes))
        blank_before = False
        previous_raw = line
    return [unit for unit in units if unit.text.strip()]


_HTML_HEADING = re.compile(r"<h([1-6])[^>]*>(.*?)</h\1>", re.I | re.S)
_HTML_BLOCK = re.compile(
    r"<(?:p|li|span|strong|em|b|i)\b[^>]*>(.*?)</(?:p|li|span|strong|em|b|i)>", re.I | re.S
)
_HTML_BREAK_AT_END = re.compile(r"\s*<br\s*/?>\s*$", re.I | re.M)
_HTML_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.I)
_HTML_INLINE = re.compile(r"</?(?:small|i|time|span|sup|sub|u|ins|mark|abbr|font)\b[^>]*>", re.I)
_HTML_IMAGE = re.compile(r"\s*<img\b[^>]*>", re.I)
_HTML_TAG = re.compile(r"^\s*</?(?:div|img|section|ul|ol|br|hr|table|tr|td|th|span|a)\b[^>]*>\s*$", re.I)


def _table_rows(text: str) -> dict[int, str]:
    """The lines of Markdown tables, by line number: each data row as its cells joined by " | " (in
    the order title, organisation, dates when the header names the columns), the header row and the
    rule under it as "" (the header names columns, it is not the person's text). A table is a line
    with "|" over a rule ("--- | ---"), then the lines with "|" below it; outer pipes are optional."""
    rows: dict[int, str] = {}
    if "|" not in text:
        return rows
    lines = text.split("\n")
    inside = False
    order: list[int] | None = None
    for index, line in enumerate(lines):
        starts = index + 1 < len(lines) and "|" in line and _TABLE_RULE.match(lines[index + 1]) is not None
        inside = starts or (inside and "|" in line and bool(line.strip()))
        if not inside:
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if starts:
            order = _column_order(cells)
            rows[index + 1] = ""
        elif _TABLE_RULE.match(line):
            rows[index + 1] = ""
        else:
            if order is not None and len(cells) == len(order):
                cells = [cells[position] for position in order]
            rows[index + 1] = " | ".join(cell for cell in cells if cell)
    return rows


_COLUMNS = (
    ("position", "title", "role", "job", "degree", "major", "field", "qualification"),
    ("company", "employer", "organisation", "organization", "school", "university", "institution"),
    ("time", "date", "dates", "period", "duration", "years", "year", "when"),
)
"""Column names of a table of roles or degrees, in the order an entry's line reads: what, where, when."""


def _column_order(header: list[str]) -> list[int] | None:
    """The columns in the order title, organisation, dates (then the rest), when the header names them."""
    kinds = [
        next((rank for rank, names in enumerate(_COLUMNS) if cell.lower().strip("*_ ") in names), None)
        for cell in header
    ]
    if sum(kind is not None for kind in kinds) < 2:
        return None
    return sorted(range(len(header)), key=lambda index: (kinds[index] is None, kinds[index] or 0, index))


def _html_blocks(text: str) -> str:
    """HTML written inside Markdown (a CV's styled blocks): headings as headings, text as text,
    layout tags on their own line dropped; Markdown without tags is returned unchanged."""
    text = _HIDDEN_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), text)  # line numbers stay
    if "</" not in text:
        return text
    text = _HTML_HEADING.sub(lambda m: "#" * int(m.group(1)) + " " + " ".join(m.group(2).split()), text)
    text = _HTML_BLOCK.sub(lambda m: " ".join(m.group(1).split()), text)
    text = _HTML_IMAGE.sub("", text)  # a logo joined to the line before it (a PDF's wrapped text)
    text = _HTML_BREAK_AT_END.sub("", text)  # "*(February 2019 - Present)*<br/>": the line ends anyway
    text = _HTML_BREAK.sub(" | ", text)  # "Virtual Reality Department<br/> Intern": two parts
    text = _HTML_INLINE.sub("", text)  # <small>, <i class="fa ..."></i>, <time>: their text stays
    return "\n".join(line for line in text.split("\n") if not _HTML_TAG.match(line))


def _add_line(
    units: list[Unit],
    line: str,
    number: int,
    blank_before: bool,
    previous: str,
    context: tuple[str, list[str]],
) -> None:
    last = units[-1] if units else None
    if _SETEXT.match(line) and last and not blank_before and last.kind == "text" and "\n" not in last.text:
        units[-1] = replace(last, kind="heading", level=1 if line.strip()[0] == "=" else 2)
        return
    if _RULE.match(line):
        return
    if heading := _HEADING.match(line):
        units.append(Unit("heading", heading.group(2), number, len(heading.group(1))))
        return
    if bullet := _BULLET.match(line):
        depth = len(bullet.group(1)) // 2  # Markdown nests by two to four spaces; tabs are four
        units.append(Unit("bullet", bullet.group(2).strip(), number, indent=min(depth, 3)))
        return
    if last and not blank_before and _continues(last, line, previous):
        units[-1] = replace(last, text=join_wrapped(last.text, line.strip(), *context))
        return
    units.append(Unit("text", line.strip(), number))


def _continues(last: Unit, line: str, previous: str) -> bool:
    """Whether ``line`` wraps the unit before it (no blank line between them)."""
    if last.kind == "heading":
        return False
    body = line.lstrip()
    letters = [ch for ch in body if ch.isalpha()]
    if (
        letters and all(ch.isupper() for ch in letters) and len(body.split()) <= _HEADING_WORDS
    ) or _CONTACT.search(body):
        return False
    indented = len(line) - len(body) >= 2
    if last.kind == "bullet" and indented:
        return True
    if body[:1].islower() and (len(previous.strip()) >= _SHORT or previous.rstrip().endswith("-")):
        return True
    return len(previous.strip()) >= _WRAP_LENGTH and not previous.rstrip().endswith((".", ":", "!", "?"))
