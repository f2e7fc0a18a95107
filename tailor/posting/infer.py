"""Infer the hiring company from the posting's own words.

Used when neither an option, the front matter, JSON-LD nor an aggregator
header names the company: first an "About <Company>" heading, then a
paragraph opening "<Company> is ..." (in the opening text or an "about"
section only, so that "Python is a must" names no company).
"""

from __future__ import annotations

import re

from tailor.posting.classify import classify_heading
from tailor.posting.lines import Line

__all__ = ["infer_company", "infer_role", "plain_title"]

_ROLE_NOUNS = (
    "engineer|scientist|developer|researcher|analyst|manager|designer|architect|lead|director"
    "|specialist|consultant|administrator|coder|programmer|technician|coordinator|officer"
)
_AS_A = re.compile(
    rf"\bAs an? ((?:[A-Z][\w/&+\-]*\s+){{0,5}}(?:{_ROLE_NOUNS})s?)\b"
    r"(?=\s+(?:on|in|at|for|with|of|within)\b|,)",
    re.IGNORECASE,
)

_ABOUT = re.compile(r"^about\s+(?:us\s*[-\u2013\u2014:]\s*)?(.+?)[\s:.!?]*$", re.IGNORECASE)
_NAME = r"[A-Z][\w&'.\-]*(?: (?:[A-Z][\w&'.\-]*|&|of|and))*"
_PARENTHESIS = r"(?: \([^)]{1,40}\))?"
_APPOSITION = r"(?:,[^,]{1,60},)?"
_IS = re.compile(
    rf"^({_NAME}){_PARENTHESIS}{_APPOSITION} (?:is|are) (?:a|an|the|one|on|building|developing)\b"
)
_MAX_WORDS = 4
_GENERIC = frozenset(
    {
        "the", "this", "our", "your", "a", "an", "it", "we", "you", "they", "there", "here",
        "job", "role", "position", "team", "company", "opportunity", "us", "me", "candidate",
    }
)  # fmt: skip


def _plausible(name: str) -> bool:
    words = name.split()
    return 0 < len(words) <= _MAX_WORDS and name[0].isupper() and words[0].casefold() not in _GENERIC


def _from_about_heading(lines: list[Line]) -> str | None:
    for line in lines:
        match = _ABOUT.match(line.text) if line.kind == "heading" else None
        if match and _plausible(match.group(1)):
            return match.group(1)
    return None


def _from_sentence(lines: list[Line]) -> str | None:
    """Look only in the opening text and in "about" sections, not in requirement lists."""
    in_about = True
    for line in lines:
        if line.kind == "heading":
            in_about = classify_heading(line.text)[0] == "about"
            continue
        match = _IS.match(line.text) if in_about and line.kind == "para" else None
        if match and _plausible(match.group(1)):
            return match.group(1)
    return None


def infer_role(lines: list[Line]) -> str | None:
    """Guess the role from the posting's own "As a Research Engineer on ..., you'll" sentence.

    Only capitalised titles count ("As a Research Engineer", not "as a team").
    """
    for line in lines:
        if line.kind != "para":
            continue
        match = _AS_A.search(line.text)
        if match and match.group(1)[0].isupper() and all(w[0].isupper() for w in match.group(1).split()):
            return match.group(1)
    return None


def infer_company(lines: list[Line]) -> str | None:
    """Guess the company from an "About X" heading or an "X is a ..." sentence.

    Args:
        lines: The posting's cleaned lines.

    Returns:
        The company name, or None if nothing plausible was found.
    """
    return _from_about_heading(lines) or _from_sentence(lines)


_ARRANGEMENT = (
    r"(?:remote|hybrid|on[- ]?site|in[- ]office|contract|contractor|freelance|full[- ]time|part[- ]time)"
)
_TITLE_NOISE = (
    re.compile(rf"^\s*{_ARRANGEMENT}\s*[:\-\u2013\u2014|]\s*", re.IGNORECASE),
    re.compile(rf"\s*\((?:[^()]*\b)?{_ARRANGEMENT}\b[^()]*\)", re.IGNORECASE),
    re.compile(rf"\s+[-\u2013\u2014|,]\s*{_ARRANGEMENT}\b.*$", re.IGNORECASE),
)


def plain_title(title: str | None) -> str | None:
    """A job title without the board's work-arrangement labels, for "the ... position".

    "Data Scientist - Remote", "Senior ML Engineer (Remote)" and "Contract: Senior AI/ML
    Engineer" become the titles themselves; a title that is nothing but such a label stays.
    """
    if title is None:
        return None
    plain = title
    for pattern in _TITLE_NOISE:
        plain = pattern.sub("", plain)
    plain = plain.strip()
    return plain or title
