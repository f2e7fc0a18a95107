"""The tailored result: every decision made, ready for a renderer.

Renderers take a :class:`TailoredCV` and lay it out; they decide nothing.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from tailor.models.profile import Award, Education, Person, Publication, SkillGroup
from tailor.models.rules import ROLE_SECTIONS, SectionName

__all__ = [
    "ItemReason",
    "ScoredItem",
    "TailoredBullet",
    "TailoredCV",
    "TailoredProject",
    "TailoredRole",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TailoredBullet(_Frozen):
    id: str
    text: str
    lead: str | None = None
    variant: str | None = None
    """Name of the user-written variant shown, or None for the bullet's own text."""
    shorter: tuple[str, str] | None = None
    """A shorter wording (variant name, or "" for the bullet's own text; text) the fitter may use."""
    capitalised: bool = False
    """Its first letter was made a capital for the CV (the person wrote it in lower case; the
    mechanical change is listed in match.json under ``cv.capitalised``)."""


class TailoredRole(_Frozen):
    id: str
    title: str
    organisation: str | None = None
    unit: str | None = None
    location: str | None = None
    start: str | None = None
    end: str | None = None
    description: str | None = None
    bullets: tuple[TailoredBullet, ...] = ()
    description_capitalised: bool = False
    """The description's first letter was made a capital for the CV (listed under ``cv.capitalised``)."""


class TailoredProject(_Frozen):
    id: str
    name: str
    text: str
    url: str | None = None
    capitalised: bool = False
    """Its text's first letter was made a capital for the CV (listed under ``cv.capitalised``)."""


class ItemReason(_Frozen):
    """One requirement unit an item answers, and the posting terms or skills that matched."""

    requirement: str
    matched: tuple[str, ...]


class ScoredItem(_Frozen):
    """One selectable item with its score and the posting terms it matched."""

    id: str
    kind: str
    section: str
    text: str
    score: float
    relevance: float = 0.0
    """Requirement evidence, scaled so that the best item of the profile has 1."""
    prior: float = 0.0
    """Posting-independent part: the person's own order, recency, section and length."""
    core: float = 0.0
    """Share of the role's core skills the item shows, itself or one of their family."""
    selected: bool
    matched: tuple[str, ...] = ()
    """Matched posting terms and skills (``skill:Name``; ``related:Name`` for a distant cousin of a
    skill the posting names), strongest first."""
    reasons: tuple[ItemReason, ...] = ()
    """The requirement units this item answers, strongest first, with the terms behind each."""
    closest: str | None = None
    """With meaning scoring: the requirement unit closest in meaning (it ranks, it is not evidence)."""
    similarity: float | None = None
    """With meaning scoring: the cosine similarity to that unit."""


class TailoredCV(_Frozen):
    """A CV for one posting, with every item chosen and ordered."""

    person: Person
    company: str | None = None
    role: str | None = None
    document_date: dt.date
    sections: tuple[SectionName, ...] = Field(description="Non-empty sections in display order.")
    titles: dict[SectionName, str] = Field(
        default_factory=dict, description="The profile's own section titles (rules.titles)."
    )
    summary: str | None = None
    summary_id: str | None = None
    experience: tuple[TailoredRole, ...] = ()
    education: tuple[Education, ...] = ()
    projects: tuple[TailoredProject, ...] = ()
    publications: tuple[Publication, ...] = ()
    skills: tuple[SkillGroup, ...] = ()
    teaching: tuple[TailoredRole, ...] = ()
    volunteering: tuple[TailoredRole, ...] = ()
    awards: tuple[Award, ...] = ()

    @property
    def title(self) -> str:
        """Document title used in PDF/DOCX metadata."""
        parts = [self.person.name, "CV"]
        if self.role:
            parts.append(f"— {self.role}")
        return " ".join(parts)

    def selected_bullets(self) -> list[TailoredBullet]:
        """Every selected bullet in the order it appears in the document."""
        return [
            bullet
            for section in self.sections
            if section in ROLE_SECTIONS
            for role in getattr(self, section)
            for bullet in role.bullets
        ]
