"""Section headings in the styles people use, and splitting units into sections."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from tailor.importing.dates import find_range
from tailor.importing.units import Unit
from tailor.importing.words import word_count

__all__ = ["Section", "SectionKey", "classify_heading", "split_sections"]

SectionKey = Literal[
    "header",
    "summary",
    "experience",
    "education",
    "skills",
    "projects",
    "publications",
    "teaching",
    "volunteering",
    "awards",
    "interests",
    "languages",
    "contact",
    "unknown",
]

# Checked in order: the first rule with a matching word wins ("Teaching Experience" is teaching).
_RULES: tuple[tuple[SectionKey, frozenset[str]], ...] = (
    ("volunteering", frozenset({"volunteer", "volunteering", "community", "mentoring", "outreach"})),
    ("teaching", frozenset({"teaching"})),
    ("publications", frozenset({"publications", "publication", "papers", "articles", "talks", "patents"})),
    ("education", frozenset({"education", "qualifications", "degrees", "studies", "schooling"})),
    ("languages", frozenset({"languages"})),
    (
        "skills",
        frozenset({"skills", "skill", "competencies", "competences", "technologies", "tools", "stack"}),
    ),
    ("projects", frozenset({"projects", "project", "portfolio"})),
    (
        "awards",
        frozenset(
            {
                "awards",
                "honors",
                "honours",
                "achievements",
                "scholarships",
                "grants",
                "prizes",
                "certifications",
                "certification",
                "certificates",
            }
        ),
    ),
    ("experience", frozenset({"experience", "employment", "history", "positions", "work", "career"})),
    ("summary", frozenset({"summary", "profile", "about", "objective", "overview", "introduction"})),
    ("interests", frozenset({"interests", "hobbies"})),
    ("contact", frozenset({"contact", "details"})),
    (
        "unknown",
        frozenset(
            {
                "presentations", "competitions", "conferences", "memberships", "affiliations", "activities",
                "leadership", "references", "referees", "courses", "coursework", "training",
                "extracurricular", "additional", "miscellaneous", "other", "service", "press", "media",
                "exhibitions", "performances", "hackathons", "invited",
            }
        ),
    ),
)  # fmt: skip
# Plain lines (not marked as headings) count only when they are one of these exactly.
_PLAIN_NAMES = frozenset(
    {
        "experience", "work experience", "professional experience", "employment", "employment history",
        "work history", "career history", "education", "skills", "technical skills", "key skills",
        "projects", "selected projects", "publications", "selected publications", "academic papers",
        "teaching", "teaching experience", "volunteering", "volunteer experience", "awards",
        "honors and awards", "awards and honors", "interests", "summary", "profile", "about me",
        "research experience", "certifications", "certificates", "languages",
    }
)  # fmt: skip
_MAX_HEADING_WORDS = 5


@dataclass
class Section:
    """A section of the CV: its key, the heading as written, and its units."""

    key: SectionKey
    title: str
    line: int
    units: list[Unit] = field(default_factory=list)


def _normalise(text: str) -> str:
    text = text.lower().replace("&", " and ").replace("/", " ")
    return " ".join(re.sub(r"[^a-z ]+", " ", text).split())


def classify_heading(text: str) -> SectionKey | None:
    """The section a heading names ("Work History" -> experience), or None.

    "unknown" is a section people name (Presentations, Memberships) that has no place in a profile:
    its text goes under ``unplaced:``, and the heading still ends the section before it."""
    words = _normalise(text).split()
    if not words or len(words) > _MAX_HEADING_WORDS:
        return None
    singular = [word[:-1] for word in words if word.endswith("s") and len(word) > 4]  # "Experiences"
    for key, names in _RULES:
        if names.intersection(words) or names.intersection(singular):
            return key
    return None


def _looks_like_heading(unit: Unit, neighbours_have_dates: bool) -> tuple[bool, SectionKey | None]:
    """Whether a unit is a section heading, and which section it names."""
    text = unit.plain.strip().rstrip(":").strip()
    if not text or word_count(text) > _MAX_HEADING_WORDS or unit.kind == "bullet":
        return False, None
    key = classify_heading(text)
    if unit.kind == "heading":
        if unit.level >= 3 and key is not None and _names_a_job(text):
            return False, None  # "### Senior Full-Stack Developer" is a role, not a Skills section
        return (key is not None or unit.level <= 2), key
    letters = [ch for ch in text if ch.isalpha()]
    all_caps = (
        len(letters) >= 3 and all(ch.isupper() for ch in letters) and not any(ch.isdigit() for ch in text)
    )
    bold = unit.text.startswith(("**", "__")) and unit.text.rstrip(":").endswith(("**", "__"))
    if key and (all_caps or bold or _normalise(text) in _PLAIN_NAMES or _title_case_heading(text)):
        return True, key
    return False, None  # an ALL-CAPS line without a heading word ("MBTA" wrapped) is text


def _names_a_job(text: str) -> bool:
    from tailor.importing.words import has_title_word

    return has_title_word(text) and not re.search(r"\bvolunteer", text, re.I)


def _title_case_heading(text: str) -> bool:
    """ "Projects & Certifications": a few capitalised words naming a section, no job title in them."""
    from tailor.importing.words import has_title_word

    words = [w for w in re.split(r"[\s&/,]+", text) if w and w.lower() not in {"and", "of", "the"}]
    known = set().union(*(names for _, names in _RULES)) | {
        "work",
        "working",
        "professional",
        "technical",
        "selected",
    }
    every_word_names_a_section = all(w.lower() in known or w.lower()[:-1] in known for w in words)
    capitalised = all(w[0].isupper() for w in words)
    return 1 <= len(words) <= 4 and capitalised and every_word_names_a_section and not has_title_word(text)


def split_sections(units: list[Unit]) -> list[Section]:
    """Group units under their section headings; what comes first is the ``header`` section."""
    sections = [Section("header", "", 1)]
    levels = [0]  # the heading level each section was opened by (0: not a Markdown heading)
    outer: tuple[Section, int] | None = None  # a section with a named sub-section heading inside
    for index, unit in enumerate(units):
        around = units[max(index - 1, 0) : index + 2]
        dated = any(find_range(other.plain) for other in around if other is not unit)
        is_heading, key = _looks_like_heading(unit, dated)
        # The first unnamed heading (or ALL CAPS line) of the document is the person's name.
        first_title = key is None and len(sections) == 1 and not sections[0].units
        level = unit.level if unit.kind == "heading" else 0
        if is_heading and not first_title:
            if outer is not None and not outer[1] < level:
                outer = None  # as high as the outer section's heading: a section of its own
            if outer is None and key is not None and 0 < levels[-1] < level:
                outer = (sections[-1], levels[-1])  # "### Skill Set" inside "## Experience"
            sections.append(Section(key or "unknown", unit.plain.strip().rstrip(":"), unit.line))
            levels.append(level)
        elif outer is not None and level > outer[1] and levels[-1] == level:
            # "### michelada.io" after "### Skill Set": an entry of the outer section again
            parent = outer[0]
            sections.append(Section(parent.key, parent.title, unit.line, [unit]))
            levels.append(level)
        else:
            sections[-1].units.append(unit)
    return sections
