"""Degree requirements answered by the profile's education, not by shared words.

"Master's degree or PhD in computer science" is answered by an M.S. in Computer Science,
not by a bullet about teaching computer-science courses. For every requirement line that
asks for a degree, each education entry is evidence when its level is at least the lowest
level the line accepts (a PhD answers "Master's or PhD", an M.S. answers "Bachelor's"):

- **strong** when the line names the entry's field ("computer science");
- **partial** when it accepts a related, similar, quantitative or technical field instead;
- nothing otherwise: tailor does not decide that one field is another.

A level tailor cannot read from the entry (a "Diploma") is never evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tailor.matching import reasons
from tailor.matching.evidence import STRONG, Evidence, Strength
from tailor.matching.reasons import Reason
from tailor.models.job import Requirement
from tailor.models.profile import Education

__all__ = ["degree_evidence", "degree_level", "lowest_level_asked"]

BACHELOR, MASTER, DOCTORATE = 1, 2, 3
LEVEL_NAMES = {BACHELOR: "bachelor's", MASTER: "master's", DOCTORATE: "doctorate"}

_LEVEL_WORDS = (
    (DOCTORATE, re.compile(r"\b(ph\.?\s?d\b\.?|doctorate|doctoral|d\.?phil\b)", re.IGNORECASE)),
    (MASTER, re.compile(r"\b(masters?\b|master[’']s)", re.IGNORECASE)),
    (
        BACHELOR,
        re.compile(r"\b(bachelors?\b|bachelor[’']s|undergraduate degree|engineering degree)", re.IGNORECASE),
    ),
)
"""Level names that make a line a degree requirement by themselves."""
_LEVEL_SHORT = (
    (MASTER, re.compile(r"\b(m\.?sc?\b\.?|m\.?eng\b|mba\b|m\.a\.|m\.?\s?(?:tech|com)\b)", re.IGNORECASE)),
    (BACHELOR, re.compile(r"\b(b\.?sc?\b\.?|b\.a\.|b\.?eng\b|b\.?\s?(?:tech|com)\b)", re.IGNORECASE)),
)
"""Abbreviations ("MS", "B.A."): a level in an education entry, or in a line that says "degree"."""
_LEVELS = (*_LEVEL_WORDS, *_LEVEL_SHORT)
ASKING_KINDS = frozenset({"required", "preferred", "other"})
"""Sections whose lines can ask for a degree ("work with PhD researchers" among duties does not)."""
_DEGREE = re.compile(r"\bdegrees?\b", re.IGNORECASE)
_RELATED_FIELD = re.compile(
    r"\b(related|relevant|similar|equivalent|quantitative|technical)\b.{0,20}\b(field|area|discipline|degree)"
    r"|\btechnical degree\b",
    re.IGNORECASE,
)
_FIELD_WORDS = re.compile(r"[a-z]+")
_SMALL = frozenset({"and", "of", "in", "the", "for", "with", "a", "an", "&"})
PARTIAL_VALUE = STRONG - 1.0
STRONG_VALUE = STRONG + 1.0


def degree_level(text: str) -> int | None:
    """The highest degree level the text names (an education entry's ``degree``), or None."""
    found = [level for level, pattern in _LEVELS if pattern.search(text)]
    return max(found) if found else None


def lowest_level_asked(text: str) -> int | None:
    """The lowest degree level a requirement line accepts, or None when it asks for no degree.

    A bare "degree" (not right after a level, as in "Technical degree: ...") accepts a bachelor's.
    """
    says_degree = _DEGREE.search(text) is not None
    if not says_degree and not any(pattern.search(text) for _, pattern in _LEVEL_WORDS):
        return None
    found = [level for level, pattern in _LEVELS if pattern.search(text)]
    for match in _DEGREE.finditer(text):
        before = text[max(0, match.start() - 30) : match.start()]
        if not any(pattern.search(before) for _, pattern in _LEVELS):
            found.append(BACHELOR)
    return min(found) if found else None


def _names_field(field: str, line: str) -> bool:
    words = [w for w in _FIELD_WORDS.findall(field.lower()) if w not in _SMALL]
    if not words:
        return False
    phrase = r"\b" + r"\W+(?:and\W+|of\W+)?".join(map(re.escape, words)) + r"\b"
    return re.search(phrase, line.lower()) is not None


def _strength(entry: Education, line: str, asked: int) -> tuple[Strength, tuple[Reason, ...]] | None:
    level = degree_level(entry.degree or "")
    if level is None or level < asked:
        return None
    shown = [reasons.degree(entry.degree or "")]
    if entry.field and _names_field(entry.field, line):
        return "strong", (*shown, reasons.field(entry.field))
    if _RELATED_FIELD.search(line):
        return "partial", tuple(shown)
    return None


def degree_evidence(
    education: Sequence[Education], units: Sequence[Requirement]
) -> dict[str, tuple[Evidence, ...]]:
    """For each unit that asks for a degree, the education entries that answer it, strongest first."""
    found: dict[str, tuple[Evidence, ...]] = {}
    for unit in units:
        asked = lowest_level_asked(unit.text)
        if asked is None or unit.weight <= 0 or unit.kind not in ASKING_KINDS:
            continue
        answers = []
        for order, entry in enumerate(education):
            judged = _strength(entry, unit.text, asked)
            if judged is None:
                continue
            strength, reasons = judged
            value = STRONG_VALUE if strength == "strong" else PARTIAL_VALUE
            answers.append((-value, order, Evidence(entry.key, "education", strength, value, reasons)))
        if answers:
            found[unit.id] = tuple(evidence for *_, evidence in sorted(answers))
    return found
