"""The shape of ``match.json`` (and ``tailor match --json``), as one pydantic model.

Every report is checked against :class:`MatchReport` before it is written, and its JSON Schema is
published as ``docs/match.schema.json``; a test compares that file with the model and fails when a
key was removed or renamed: later versions extend the shape, they never break it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

__all__ = ["MatchReport"]

Coverage = Literal["covered", "dropped", "missing"]
StrengthName = Literal["strong", "partial"]


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PostingFacts(_Part):
    """What tailor read from the posting, and where each fact came from."""

    source: str
    company: str | None
    role: str | None
    location: str | None
    company_source: str
    role_source: str


class CoreEntry(_Part):
    """One core skill of the role: ``source`` is ``title``, ``lines`` or ``focus``."""

    id: str
    name: str
    source: str


class EvidenceEntry(_Part):
    """One item that answers a requirement line, how strongly, and what they share."""

    item: str
    kind: str
    strength: StrengthName
    matched: list[str]


class RequirementEntry(_Part):
    """One requirement line of the posting, its weight, and the evidence in the profile."""

    id: str
    section: str
    kind: str
    text: str
    weight: float
    coverage: Coverage
    evidence: list[EvidenceEntry]


class Reason(_Part):
    requirement: str
    matched: list[str]


class Closest(_Part):
    requirement: str
    similarity: float


class ItemEntry(_Part):
    """One selectable item of the profile with its score and why."""

    id: str
    kind: str
    section: str
    text: str
    score: float
    relevance: float
    prior: float
    core: float = 0.0
    """Share of the role's core skills the item shows (adds ``0.4 x core`` to the score)."""
    selected: bool
    matched: list[str]
    reasons: list[Reason]
    closest_in_meaning: Closest | None = None
    """Only with ``--semantic``: the requirement line closest in meaning."""


class CvFacts(_Part):
    """The CV as built: its date, section order, item order and, after a build, its page fit."""

    date: str
    sections: list[str]
    order: list[str]
    pages: int | None = None
    last_page_fill: float | None = None
    squeeze: float | None = None
    shortened: list[str] | None = None
    capitalised: list[str] | None = None
    """Bullets, projects and roles (for their description) whose first letter the CV made a capital."""


class DroppedEntry(_Part):
    id: str
    reason: str


class TraceEntry(_Part):
    """One run of a document's text and where it came from (``profile:<id>``, ``posting:...``,
    ``phrase:<template>/<block>``), with the grammar rule applied when it was changed."""

    text: str
    source: str
    rule: str | None = None


class MatchReport(_Part):
    """``match.json``: posting facts, fit, requirements with evidence, every item's score, the CV."""

    tailor: str
    posting: PostingFacts
    fit: float
    fit_summary: str
    core: list[CoreEntry]
    requirements: list[RequirementEntry]
    items: list[ItemEntry]
    cv: CvFacts
    dropped: list[DroppedEntry]
    documents: dict[str, list[TraceEntry]] | None = None
    """After a build: each document's text, traced to its sources."""
    skipped: dict[str, str] | None = None
    """After a build: documents left out, and why."""
