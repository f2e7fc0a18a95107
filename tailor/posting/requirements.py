"""Turn a posting's sections into requirement units: one line, one id, one weight.

A unit is a line that asks something of the candidate: a required or preferred
qualification, a responsibility, or a line under an unrecognised heading. Lines
about the company, benefits, pay, logistics and legal text are not units (their
weight is zero or near it). Inside a requirements list, a line that calls
itself optional ("... is a plus", "preferred but not required", "Ideally you...") counts as
preferred. Legal, logistics and "visit us" lines inside such a list are not units either,
nor is a lead-in line ending in a colon ("You have professional experience
with:"): the lines it introduces are. A posting without any recognised section falls back to every line
that carries weight, so that matching always has something to work with.
"""

from __future__ import annotations

import re

from tailor.models.job import PostingSection, Requirement, SectionKind
from tailor.posting.classify import WEIGHTS, line_says

__all__ = ["requirement_units"]

_UNIT_KINDS: frozenset[SectionKind] = frozenset({"required", "preferred", "responsibilities", "other"})
_FALLBACK_WEIGHT = WEIGHTS["other"]

_WORD = re.compile(r"[^\W\d_]{2,}")
_BOILERPLATE_LINE = re.compile(
    r"\bequal (?:employment )?opportunity\b|\b(?:never|not|without) discriminat(?:e|es|ing|ion)\b"
    r"|\bdiscriminat(?:e|es|ion) (?:on the basis|based on|against)\b|\bprotected veteran"
    r"|\bdiverse and inclusive (?:workforce|workplace|culture|environment)\b"
    r"|\b(?:visit|follow) us\b|\blearn more about (?:us|who we are)\b"
    r"|\bwork from (?:the|our) office\b|\bbandwidth requirements?\b|\b\d+% remote company\b"
    r"|\bwe conduct (?:all )?interviews\b|\b(?:prefer|require) candidates to be based\b",
    re.IGNORECASE,
)
"""Legal, logistics and invitation lines inside a weighted section: not requirements."""


def _kind_and_weight(section: PostingSection, line: str) -> tuple[SectionKind, float]:
    if section.kind in ("required", "other") and line_says(line, "preferred"):
        return "preferred", min(section.weight, WEIGHTS["preferred"]) or WEIGHTS["preferred"]
    return section.kind, section.weight


def _is_unit(line: str) -> bool:
    return bool(_WORD.search(line)) and not line_says(line, "negative") and not _BOILERPLATE_LINE.search(line)


def _is_lead_in(lines: tuple[str, ...], index: int) -> bool:
    """A line ending in a colon that introduces the lines after it ("Experience with:")."""
    return index + 1 < len(lines) and lines[index].rstrip().endswith(":")


def requirement_units(sections: tuple[PostingSection, ...]) -> tuple[Requirement, ...]:
    """The posting's requirement units in posting order, numbered r1, r2, ...

    Args:
        sections: The posting's classified sections.

    Returns:
        One unit per weighted line. Sections of kind about, benefits, pay,
        logistics and legal give none, unless the posting has nothing else.
    """
    found: list[tuple[PostingSection, str, SectionKind, float]] = []
    for section in sections:
        if section.kind not in _UNIT_KINDS or section.weight <= 0:
            continue
        for index, line in enumerate(section.lines):
            if _is_unit(line) and not _is_lead_in(section.lines, index):
                kind, weight = _kind_and_weight(section, line)
                found.append((section, line, kind, weight))
    if not found:
        found = [
            (section, line, section.kind, max(section.weight, _FALLBACK_WEIGHT))
            for section in sections
            if section.weight > 0
            for line in section.lines
            if _is_unit(line)
        ]
    return tuple(
        Requirement(id=f"r{n}", section=section.heading, kind=kind, text=line, weight=weight)
        for n, (section, line, kind, weight) in enumerate(found, start=1)
    )
