"""The top of a CV -> name, headline, email, phone, location and links."""

from __future__ import annotations

import re
from typing import Any

from tailor.importing.draft import Draft
from tailor.importing.inline import plain
from tailor.importing.units import Unit
from tailor.importing.words import is_location, word_count

__all__ = ["add_contact", "add_person", "label_for_url"]

_EMAIL = re.compile(r"(?:mailto:)?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)", re.I)
_PHONE = re.compile(r"^(?:tel:|phone:?|mobile:?|tel\.?:?)?\s*(\+?[\d][\d\s().\-/]{5,}\d)$", re.I)
_URL = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?$", re.I)
_SPLIT = re.compile(r"\s*(?:\||·|•|◦|⋄|♦|;)\s*|\s{3,}|\t")
_LABELS = (
    ("linkedin.", "LinkedIn"),
    ("github.", "GitHub"),
    ("gitlab.", "GitLab"),
    ("scholar.google", "Google Scholar"),
    ("orcid.", "ORCID"),
    ("twitter.", "Twitter"),
    ("x.com", "X"),
    ("stackoverflow.", "Stack Overflow"),
)
_MIN_DIGITS = 7
_MAX_NAME_WORDS = 5
_MIN_SUMMARY_WORDS = 12


def label_for_url(url: str) -> str:
    """A label for a bare link: "LinkedIn" for linkedin.com, else the domain."""
    lowered = url.lower()
    for needle, label in _LABELS:
        if needle in lowered:
            return label
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", url).split("/")[0]


_DOCUMENT_TITLE = re.compile(
    r"(?:my\s+)?(?:r[eé]sum[eé]|cv|c\.v\.|curriculum\s+vitae|vita|about\s+me)\.?", re.IGNORECASE
)


def _looks_like_name(text: str) -> bool:
    return (
        0 < word_count(text) <= _MAX_NAME_WORDS
        and not any(ch.isdigit() for ch in text)
        and "@" not in text
        and not is_location(text)
        and not _SPLIT.search(text)
    )


def _name(text: str, draft: Draft) -> None:
    letters = [ch for ch in text if ch.isalpha()]
    if re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:[A-ZÀ-Ý][a-zà-ÿ]+)+", text):
        spaced = re.sub(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Ý])", " ", text)
        draft.person["name"] = spaced
        draft.check(("person",), f"the CV writes the name as '{text}'; spaces were added")
    elif letters and all(ch.isupper() for ch in letters):
        draft.person["name"] = text.title()
        draft.check(("person",), f"name written in capitals in the CV ('{text}'); check the casing")
    else:
        draft.person["name"] = text


def add_person(draft: Draft, units: list[Unit], name_hint: str, hint_origin: str = "the file name") -> None:
    """Fill ``draft.person`` from the units before the first section heading."""
    rest = list(units)
    while rest and _DOCUMENT_TITLE.fullmatch(rest[0].plain.strip()):
        draft.put_aside(f"top of the CV (line {rest[0].line}, the document's title)", rest[0].plain)
        rest.pop(0)  # "# Resume" names the document, not the person
    first = next((u for u in rest if u.kind == "heading" or _looks_like_name(u.plain)), None)
    if first is not None and (first.kind == "heading" or first is rest[0]):
        _name(first.plain.strip(), draft)
        rest.remove(first)
    else:
        draft.person["name"] = name_hint
        draft.check(("person",), f"no name found in the CV; '{name_hint}' was taken from {hint_origin}")
    summary: list[str] = []
    for unit in rest:
        if not add_contact(draft, unit) and not _headline(draft, unit, unit is (rest[0] if rest else None)):
            if word_count(unit.plain) >= _MIN_SUMMARY_WORDS:
                summary.append(unit.plain)
            else:
                draft.put_aside(f"top of the CV (line {unit.line})", unit.plain)
    if summary:
        draft.add(
            "summaries", {"text": "\n\n".join(summary)}, ["text before the first section; kept as a summary"]
        )


def _headline(draft: Draft, unit: Unit, first: bool) -> bool:
    if first and "headline" not in draft.person and word_count(unit.plain) <= _MAX_NAME_WORDS * 2:
        draft.person["headline"] = unit.plain
        return True
    return False


def add_contact(draft: Draft, unit: Unit) -> bool:
    """Read a contact line; True when every part of it found a place."""
    parts = [part for part in _SPLIT.split(unit.text) if part.strip()]
    found = [_contact_part(draft, part) for part in parts]
    placed = sum(found)
    if 0 < placed < len(parts):
        for part, ok in zip(parts, found, strict=True):
            words = plain(part).text.strip()
            if ok or not words:
                continue
            if "headline" not in draft.person and word_count(words) <= _MAX_NAME_WORDS:
                draft.person["headline"] = words
                draft.check(("person",), f"headline '{words}' taken from the contact line")
            else:
                draft.put_aside(f"contact line (line {unit.line})", words)
        return True
    return placed == len(parts) and placed > 0


def _contact_part(draft: Draft, part: str) -> bool:
    result = plain(part)
    text = result.text.strip()
    person: dict[str, Any] = draft.person
    if result.links:
        return _link(draft, result.links[0].text, result.links[0].url)
    if (email := _EMAIL.fullmatch(text)) and "email" not in person:
        person["email"] = email.group(1)
    elif (phone := _PHONE.match(text)) and sum(ch.isdigit() for ch in text) >= _MIN_DIGITS:
        person.setdefault("phone", phone.group(1).strip())
    elif is_location(text) and "location" not in person:
        person["location"] = text
    elif _URL.match(text) and "." in text:
        url = text if text.lower().startswith("http") else f"https://{text}"
        person.setdefault("links", []).append({"label": label_for_url(text), "url": url})
    else:
        return False
    return True


def _link(draft: Draft, words: str, url: str) -> bool:
    email = _EMAIL.search(url) if url.lower().startswith("mailto:") else _EMAIL.fullmatch(words)
    if email:
        draft.person.setdefault("email", email.group(1))
        return True
    if url.lower().startswith("tel:"):
        draft.person.setdefault("phone", words)
        return True
    if url.startswith(("http://", "https://")):
        draft.person.setdefault("links", []).append({"label": words or label_for_url(url), "url": url})
        return True
    draft.check(("person",), f"the CV links '{words}' to '{url or 'nothing'}', which is not an address")
    draft.put_aside("contact line (a link without an address)", words)
    return True
