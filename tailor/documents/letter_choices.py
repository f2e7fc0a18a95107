"""What a letter is chosen from and into: its sizes, the cited items, and the choices per paragraph."""

from __future__ import annotations

from dataclasses import dataclass, field

from tailor.documents.first_person import Sentence
from tailor.documents.items import ProfileItem
from tailor.matching.core import CoreSkill
from tailor.matching.evidence import RequirementEvidence, Strength
from tailor.models.profile import LetterParagraph

MOTIVATION_TAGS = frozenset({"motivation", "mission"})
LETTER_KINDS = frozenset({"bullet", "answer", "project", "publication"})
SIDE_SECTIONS = frozenset({"teaching", "volunteering"})
SIDE_TAGS = frozenset({"mentoring", "teaching", "volunteering"})
"""Evidence about helping others learn: never cited for a technical line when work evidence exists."""
MAX_EVIDENCE_CHARS = 600
MAX_REQUIREMENT_CHARS = 300
KIND_RANK = {"required": 0, "responsibilities": 1, "other": 2, "preferred": 3}


@dataclass(frozen=True)
class LetterSize:
    """How much the letter says: the fitter tries ever smaller sizes."""

    paragraphs: int = 3
    per_paragraph: int = 2
    summary: bool = True


def letter_sizes() -> list[LetterSize]:
    """Variants in order of preference: three paragraphs of two items, more when that says too little
    (under 250 words), less when it does not fit a page and 400 words."""
    return [
        LetterSize(3, 2, True),
        LetterSize(3, 3, True),
        LetterSize(4, 3, True),
        LetterSize(5, 3, True),
        LetterSize(3, 2, False),
        LetterSize(3, 1, True),
        LetterSize(2, 2, False),
        LetterSize(2, 1, False),
        LetterSize(1, 1, False),
    ]


@dataclass(frozen=True)
class Cited:
    """One profile item cited in a body paragraph, with its sentences in letter form."""

    item: ProfileItem
    strength: Strength
    sentences: tuple[Sentence, ...]
    shows_core: tuple[str, ...] = ()
    """The core skills its line names that the item shows (a paragraph is led only by those)."""
    shows_line: tuple[str, ...] = ()
    """The line's own skills that the item shows itself ("You ask for Python and C++.")."""
    score: float = 0.0
    """The item's score for the whole posting (a paragraph without a lead puts the highest first)."""


@dataclass(frozen=True)
class EvidenceChoice:
    """A body paragraph built from items: the line it answers and the items that answer it."""

    entry: RequirementEvidence
    central: bool
    core: tuple[CoreSkill, ...]
    """The core skills this line names (the paragraph's lead names them)."""
    items: tuple[Cited, ...]


@dataclass(frozen=True)
class BankChoice:
    """A body paragraph of the person's own, and the line it answers best."""

    paragraph: LetterParagraph
    entry: RequirementEvidence
    strength: Strength
    central: bool


@dataclass(frozen=True)
class LetterChoice:
    """Everything the letter template needs to know about content."""

    body: list[EvidenceChoice | BankChoice] = field(default_factory=list)
    motivation: ProfileItem | LetterParagraph | None = None
    summary: bool = False
