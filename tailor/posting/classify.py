"""Classify a posting's section headings into kinds, each with a weight.

The weights say how much a section's lines should count when matching a CV
against the posting: requirements count fully, nice-to-haves somewhat less,
boilerplate (benefits, pay, logistics, legal) not at all. The rules are
checked in order; the first that matches wins.
"""

from __future__ import annotations

import re

from tailor.models.job import SectionKind

__all__ = ["WEIGHTS", "classify_heading"]

WEIGHTS: dict[SectionKind, float] = {
    "required": 1.0,
    "preferred": 0.6,
    "responsibilities": 0.5,
    "other": 0.4,
    "about": 0.2,
    "benefits": 0.0,
    "pay": 0.0,
    "logistics": 0.0,
    "legal": 0.0,
}

_NEGATIVE = re.compile(r"need not have|not required|don't need|do not need|no need to have")

_RULES: tuple[tuple[SectionKind, re.Pattern[str]], ...] = (
    (
        "legal",
        re.compile(
            r"equal (?:employment )?opportunit|\beeo\b|accommodation|discriminat|diversity|inclusion"
            r"|privacy|notice|fraud|disclaimer|e-verify|legal"
        ),
    ),
    ("pay", re.compile(r"compensation|salary|\bpay\b|pay range|wage|remuneration")),
    (
        "benefits",
        re.compile(r"benefit|perk|we offer|offer you|why join|give you|what's in it|rewards|why you'll love"),
    ),
    (
        "logistics",
        re.compile(
            r"logistic|location|visa|sponsorship|relocation|work arrangement|hybrid|\bremote\b"
            r"|physical demands|working conditions|schedule|travel|additional information"
            r"|how to apply|application process|interview process"
        ),
    ),
    (
        "preferred",
        re.compile(
            r"nice to have|nice-to-have|bonus|preferred|\bplus\b|strong candidates may|desired"
            r"|ideally|would be great|extra credit|good to have|stand out|not required but"
        ),
    ),
    (
        "required",
        re.compile(
            r"requirement|qualification|what you'll need|you'll need|what you need|you will need"
            r"|must[- ]haves?|you have|who you are|good fit|is this you"
            r"|(?:what|who) (?:we're|we are) looking for"
            r"|about you|you bring|required|minimum|essential|skills and experience"
            r"|skills & experience|knowledge/skills|skills/abilities|knowledge, skills"
            r"|^education\b|^experience\b|to succeed|what it takes|you should have"
        ),
    ),
    (
        "responsibilities",
        re.compile(
            r"responsibilit|what you'll do|what you will do|you will|you'll|duties|\bthe role\b"
            r"|this role|role overview|your role|scope|day[- ]to[- ]day|projects|your impact"
            r"|in this role|the job\b|the position|what you'll work on|your mission"
        ),
    ),
    (
        "about",
        re.compile(
            r"\babout\b|who we are|description|overview|company|the team|meet the|our team"
            r"|why we're hiring|why we are hiring|how we're different|mission|culture|values"
            r"|work with us|join us|introduction|who are we"
        ),
    ),
)


def _normalise(heading: str) -> str:
    text = heading.casefold().replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.split())


def classify_heading(heading: str) -> tuple[SectionKind, float]:
    """Classify one section heading.

    Args:
        heading: The heading text as it appears (case and punctuation ignored).

    Returns:
        The section kind and its weight. "Candidates need not have" and
        similar negative lists are kind "other" with weight 0.0.
    """
    text = _normalise(heading)
    if _NEGATIVE.search(text):
        return "other", 0.0
    for kind, pattern in _RULES:
        if pattern.search(text):
            return kind, WEIGHTS[kind]
    return "other", WEIGHTS["other"]
