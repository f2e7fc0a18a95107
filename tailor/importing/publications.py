"""Publication lines -> title, authors, venue, year, link and note.

Understands the quoted form (“Title,” Authors. *Venue 2020*. (*Note*)), the bold
form tailor writes (**Title.** Authors. Venue, 2020. (Note)) and its plain-text
extraction (Title. Authors. Venue, 2020.).
"""

from __future__ import annotations

import re
from typing import Any

from tailor.importing.bullets import clean_text
from tailor.importing.draft import Draft
from tailor.importing.inline import plain, split_bold_lead
from tailor.importing.units import Unit

__all__ = ["add_publications", "parse_publication"]

_QUOTED = re.compile(r"[“\"](?P<title>.+?)[,.]?[”\"]\s*[,.]?\s*")
_ITALIC = re.compile(r"(?<![*\w])\*(?!\*)(?P<words>[^*]+?)\*(?!\*)")
_NOTE = re.compile(r"\(\s*(?P<note>[^()]+?)\s*\)\s*\.?\s*$")
_YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")
_SENTENCE = re.compile(r"(?<=[^\s.][^\s.][.?!])\s+(?=[A-Z0-9“\"(])")
_NAME = re.compile(r"^(?:and\s+)?[A-ZÀ-Ý][\w.’'-]*(?:\s+[A-ZÀ-Ýa-z][\w.’'-]*){0,4}$")


def add_publications(draft: Draft, title: str, units: list[Unit]) -> None:
    """One publication per bullet or paragraph."""
    for unit in units:
        item, checks = parse_publication(unit.text)
        if item is None:
            draft.put_aside(f"{title} (line {unit.line})", unit.plain)
            continue
        draft.add("publications", item, checks)


def parse_publication(text: str) -> tuple[dict[str, Any] | None, list[str]]:
    """Split one citation into publication fields; notes list anything left over."""
    checks: list[str] = []
    item: dict[str, Any] = {}
    rest = _take_note(text.strip(), item)
    rest = _take_title(rest, item, checks)
    if "title" not in item:
        return None, checks
    venue = _ITALIC.search(rest)
    if venue:
        item["venue"] = venue.group("words").strip(" ,.")
        rest = rest[: venue.start()] + " | " + rest[venue.end() :]
    words, notes, _ = clean_text(rest)
    checks.extend(notes)
    sentences = [s.strip(" .,|") for s in re.split(r"\s\|\s|(?<=[^\s.][^\s.][.?!])\s+", words)]
    leftovers = []
    for sentence in (s for s in sentences if s):
        if "authors" not in item and _authors(sentence):
            item["authors"] = _authors(sentence)
        elif "venue" not in item and not _authors(sentence):
            item["venue"] = sentence
        else:
            leftovers.append(sentence)
    _take_year(item, leftovers)
    if leftovers:
        checks.append(f"not placed: {'; '.join(leftovers)}")
    return item, checks


def _take_note(text: str, item: dict[str, Any]) -> str:
    note = _NOTE.search(text)
    if note and not _YEAR.fullmatch(note.group("note").strip("* ")):
        item["note"] = plain(note.group("note")).text.strip(" *")
        return text[: note.start()].rstrip()
    return text


def _take_title(text: str, item: dict[str, Any], checks: list[str]) -> str:
    bold = split_bold_lead(text)
    quoted = _QUOTED.search(text)
    if bold:
        title, rest = bold
    elif quoted:
        title, rest = quoted.group("title"), text[: quoted.start()] + " | " + text[quoted.end() :]
    else:
        words = plain(text).text
        pieces = _SENTENCE.split(words, maxsplit=1)
        title, rest = pieces[0], pieces[1] if len(pieces) > 1 else ""
    words, notes, urls = clean_text(title)
    checks.extend(notes)
    item["title"] = words.strip().rstrip(".,").strip('“”"')
    if urls:
        item["url"] = urls[0][1]
    return rest


def _authors(sentence: str) -> list[str] | None:
    """ "A, B and C" -> ["A", "B", "C"] when every piece looks like a person's name."""
    pieces = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", sentence) if p.strip()]
    if len(pieces) < 1 or not all(_NAME.match(piece) for piece in pieces):
        return None
    if len(pieces) == 1 and len(pieces[0].split()) < 2:
        return None
    if _YEAR.search(sentence):
        return None
    return [re.sub(r"^and\s+", "", piece) for piece in pieces]


def _take_year(item: dict[str, Any], leftovers: list[str]) -> None:
    venue = item.get("venue", "")
    if year := _YEAR.search(venue):
        item["year"] = int(year.group(1))
        item["venue"] = (venue[: year.start()] + venue[year.end() :]).strip(" ,.") or None
    for index, text in enumerate(leftovers):
        if "year" not in item and (year := _YEAR.search(text)) and text.strip() == year.group(1):
            item["year"] = int(year.group(1))
            leftovers.pop(index)
            break
