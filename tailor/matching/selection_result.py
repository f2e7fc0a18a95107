"""What a selection returns (the CV, what was dropped and why) and the units the page fit may drop."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from tailor.matching import reasons
from tailor.matching.core import CoreSkill
from tailor.matching.evidence import RequirementEvidence
from tailor.matching.scoring import Score
from tailor.models.tailored import (
    ScoredItem,
    TailoredCV,
)


@dataclass(frozen=True)
class Dropped:
    """An item left off the CV and why ("rule: max bullets per role", "page budget", ...)."""

    id: str
    reason: str


@dataclass(frozen=True)
class DropUnit:
    """Something the page fitter may remove: one bullet, project or publication, or a whole role."""

    id: str
    kind: str
    value: float
    role: str | None = None
    """For a bullet: its role's id (a role unit comes after all of its bullet units)."""


@dataclass(frozen=True)
class Selection:
    """The tailored CV, every item's score (best first), and the requirement evidence."""

    cv: TailoredCV
    items: tuple[ScoredItem, ...]
    requirements: tuple[RequirementEvidence, ...] = ()
    fit: float = 0.0
    dropped: tuple[Dropped, ...] = ()
    units: tuple[DropUnit, ...] = field(default=(), repr=False)
    """What the page fitter may remove, cheapest first."""
    pages: int = 1
    core: tuple[CoreSkill, ...] = ()
    """The 1-3 skills the role is about (title first), which documents answer first."""
    missing_domain: str | None = None
    """The domain the role is in when the profile names nothing of it (IT support for an ML
    engineer): the fit is then 0, whatever generic lines they share."""


CV_KINDS = frozenset({"bullet", "project", "publication"})
PROTECTED = 100.0
"""Added to the keep value of the most valuable strong CV evidence for each required or core line:
the rules' caps and the page fit drop every other droppable item first (issue #21: the RAG bullet for a RAG
posting is never cut while a bullet that answers nothing required stays)."""


def only_strong_evidence(
    evidence: Sequence[RequirementEvidence], core: Sequence[CoreSkill], value: dict[str, float]
) -> frozenset[str]:
    """For each required line or line of the core with strong CV evidence, the strong item worth the
    most to the CV overall (so that a bullet kept anyway covers the line, not a weak one that merely
    names the skill: "mentored computer vision interns" for a computer-vision line)."""
    core_reasons = {reasons.skill(skill.name) for skill in core}
    protected: set[str] = set()
    for line in evidence:
        found = line.more or line.evidence
        strong = [e for e in found if e.strength == "strong" and e.kind in CV_KINDS]
        is_core = any(core_reasons & set(e.reasons) for e in strong)
        if strong and (line.requirement.kind == "required" or is_core):
            protected.add(max(strong, key=lambda e: (value.get(e.item, 0.0), -found.index(e))).item)
    return frozenset(protected)


def cheapest_first(units: list[DropUnit]) -> tuple[DropUnit, ...]:
    """Lowest value first; a role after every bullet of its own, ties in a stable order."""
    # A role's value is its best bullet's, so it sorts after each of its bullets.
    return tuple(sorted(units, key=lambda u: (u.value, u.kind == "role", u.id)))


def has_section(cv: TailoredCV, section: str) -> bool:
    return bool(cv.summary) if section == "summary" else bool(getattr(cv, section))


def scored_items(
    scores: list[Score], selected: set[str], sections: tuple[str, ...]
) -> tuple[ScoredItem, ...]:
    ordered = sorted(scores, key=lambda s: (-s.value, s.candidate.order))
    return tuple(
        ScoredItem(
            id=s.candidate.id,
            kind=s.candidate.kind,
            section=s.candidate.section,
            text=s.candidate.text,
            score=s.value,
            relevance=s.relevance,
            prior=s.prior,
            core=s.core,
            selected=s.candidate.id in selected and s.candidate.section in sections,
            matched=s.matched,
            # as plain values, validated by pydantic's core in one pass (24k of them for 300 items x 200
            # lines: 3x faster than constructing each model in Python)
            reasons=[{"requirement": m.requirement, "matched": m.reasons[:5]} for m in s.units],
            closest=s.closest.requirement if s.closest else None,
            similarity=s.closest.similarity if s.closest else None,
        )
        for s in ordered
    )
