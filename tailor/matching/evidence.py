"""Requirement -> evidence: for each unit of the posting, the profile items that answer it.

Strength is read off the unit match (see :mod:`tailor.matching.scoring`):

- **strong**: the item names a skill the line asks for, or shares a phrase with
  it, and the match is substantial;
- **partial**: some real overlap (a skill of the same family, a phrase, several
  shared words; one shared word alone is never evidence, nor is one word plus a
  distant cousin skill; from an interview story or an answer, which are long and
  share common words with anything, several words are not enough either);
- **none**: nothing in the profile answers the line.

The overall fit is the weighted share of requirement units with evidence
(strong counts 1, partial 1/2). It is deliberately plain: a posting the
profile has nothing to do with gets a low figure however many common words
("experience", "team") the two share.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Literal

from tailor.matching.reasons import Reason
from tailor.matching.scoring import Score, UnitMatch
from tailor.models.job import Requirement

__all__ = ["Evidence", "RequirementEvidence", "Strength", "evidence_map", "fit", "fit_sentence"]

Strength = Literal["strong", "partial", "none"]

STRONG = 3.0
"""Unit-match value for strong evidence (one exact skill counts 2, a shared phrase about 2-4)."""
EXACT_STRONG = 2.0
"""An item that shows the line's own skill is strong once its words also match (a long bullet
scores lower on words than a short one that only names the skill)."""
PARTIAL = 1.5
"""Unit-match value for partial evidence."""
TELLING_WORDS = 0.5
"""A match of single words only is partial evidence when, weighted by how rare its words are across
job postings (``UnitMatch.telling``), it still counts this much."""
MAX_EVIDENCE = 3
MAX_MORE = 12
CREDIT: dict[Strength, float] = {"strong": 1.0, "partial": 0.5, "none": 0.0}
_RANK: dict[Strength, int] = {"strong": 0, "partial": 1, "none": 2}
LOOSE_KINDS = frozenset({"story", "answer"})
"""Long free-text items: partial evidence from them needs a shared phrase or skill, not just words."""


@dataclass(frozen=True)
class Evidence:
    """One profile item answering one requirement unit."""

    item: str
    kind: str
    strength: Strength
    value: float
    reasons: tuple[Reason, ...]
    exact: bool = False
    """The item shows one of the line's own skills itself (not only a skill of its family)."""


@dataclass(frozen=True)
class RequirementEvidence:
    """A requirement unit with its best evidence, strongest first."""

    requirement: Requirement
    evidence: tuple[Evidence, ...]
    more: tuple[Evidence, ...] = ()
    """Every item with evidence for the unit, in the same order (``evidence`` is its head): the
    letter looks past the first three for the strongest *work* evidence."""

    @property
    def strength(self) -> Strength:
        return self.evidence[0].strength if self.evidence else "none"


def _is_specific(match: UnitMatch) -> bool:
    """A skill match (itself or its family) or a shared two-word phrase, not just common single words."""
    if match.specific is not None:
        return match.specific
    return any(reason.kind == "skill" or reason.is_phrase for reason in match.reasons)


def _substantive(match: UnitMatch) -> int:
    """Reasons that are the item's own words or skills (a distant cousin skill is not)."""
    return sum(1 for reason in match.reasons if reason.is_evidence)


def strength_of(match: UnitMatch) -> Strength:
    """How strongly one unit match counts as evidence."""
    if match.value >= STRONG and _is_specific(match):
        return "strong"
    if match.exact and match.value > EXACT_STRONG:
        return "strong"  # the line's own skill, shown by the item and named in its words too
    if match.value >= PARTIAL and _is_specific(match):
        return "partial"
    if match.value >= PARTIAL and _substantive(match) >= 2 and match.telling >= TELLING_WORDS:
        return "partial"  # words only: they must be words that say something ("issue", "system" do not)
    return "none"


def evidence_map(
    scores: Sequence[Score],
    units: Sequence[Requirement],
    direct: Mapping[str, Sequence[Evidence]] | None = None,
) -> tuple[RequirementEvidence, ...]:
    """The best evidence items for every requirement unit, in posting order.

    Args:
        scores: Every candidate's score (with its unit matches).
        units: The posting's requirement units.
        direct: Evidence that answers a unit outright, by unit id, listed before the
            matched items (education entries for a degree line, see
            :mod:`tailor.matching.degrees`). On a degree line, a matched item is at most
            partial evidence ("Taught computer science courses" is not a degree in it).

    Returns:
        One entry per unit; at most three evidence items each, strongest first
        (direct evidence of a strength before matched items of the same strength),
        ties in profile order. Units with no evidence have an empty tuple.
    """
    from tailor.matching.degrees import lowest_level_asked

    direct = direct or {}
    found: dict[str, list[tuple[float, int, Evidence]]] = {unit.id: [] for unit in units}
    degree_lines = {unit.id for unit in units if lowest_level_asked(unit.text) is not None}
    for score in scores:
        for match in score.units:
            strength = strength_of(match)
            if strength == "strong" and match.requirement in degree_lines:
                strength = "partial"  # a degree is shown by education: a bullet naming the field is not one
            if strength == "partial" and score.candidate.kind in LOOSE_KINDS and not _is_specific(match):
                continue  # a long story shares common words with anything
            if strength == "none" or match.requirement not in found:
                continue
            item = Evidence(
                score.candidate.id, score.candidate.kind, strength, match.value, match.reasons, match.exact
            )
            found[match.requirement].append((-match.value, score.candidate.order, item))
    entries = []
    for unit in units:
        ordered = [entry[2] for entry in sorted(found[unit.id])]
        for item in reversed(direct.get(unit.id, ())):
            # before the first matched item that is no stronger
            at = next((i for i, e in enumerate(ordered) if _RANK[e.strength] >= _RANK[item.strength]), None)
            ordered.insert(len(ordered) if at is None else at, item)
        entries.append(RequirementEvidence(unit, tuple(ordered[:MAX_EVIDENCE]), tuple(ordered[:MAX_MORE])))
    return tuple(entries)


CENTRAL_WEIGHT = 2.0
"""A line naming the core of the role counts this many times its weight in the fit."""


def fit(evidence: Sequence[RequirementEvidence], central: AbstractSet[str] = frozenset()) -> float:
    """Weighted share of requirement units the profile answers, in [0, 1].

    Lines whose id is in ``central`` (they name the core of the role) weigh
    :data:`CENTRAL_WEIGHT` times more: a posting whose core the profile does not answer is not a
    fit, however many generic lines (communication, Python scripting) it shares.
    """

    def weight(entry: RequirementEvidence) -> float:
        return entry.requirement.weight * (CENTRAL_WEIGHT if entry.requirement.id in central else 1.0)

    total = sum(weight(entry) for entry in evidence)
    if total <= 0:
        return 0.0
    covered = sum(weight(entry) * CREDIT[entry.strength] for entry in evidence)
    return round(covered / total, 3)


def fit_sentence(
    value: float, evidence: Sequence[RequirementEvidence], missing_domain: str | None = None
) -> str:
    """A plain sentence about the fit, for the report and the terminal."""
    answered = sum(1 for entry in evidence if entry.strength != "none")
    strong = sum(1 for entry in evidence if entry.strength == "strong")
    counts = f"{strong} of {len(evidence)} requirement lines have strong evidence, {answered} have some"
    if missing_domain is not None:
        return (
            f"Low fit ({value:.2f}): the role is in {missing_domain}, which the profile does not show; "
            f"what they share is incidental; {counts}."
        )
    if value < 0.2:
        return f"Low fit ({value:.2f}): this posting has little to do with the profile; {counts}."
    required = [entry for entry in evidence if entry.requirement.kind == "required"]
    missing = sum(1 for entry in required if entry.strength == "none")
    strong_required = sum(1 for entry in required if entry.strength == "strong")
    if required and strong_required * 2 < len(required):
        # a posting whose required lines are mostly unanswered is never a good fit, whatever else matches
        gap = f"; {missing} of {len(required)} required lines have no evidence" if missing else ""
        if value < 0.4 or missing * 2 >= len(required):
            return f"Partial fit ({value:.2f}): {counts}{gap}."
        weak = "fewer than half the required lines have strong evidence"
        return f"Partial fit ({value:.2f}): {weak}; {counts}."
    if value < 0.4:
        return f"Partial fit ({value:.2f}): {counts}."
    return f"Good fit ({value:.2f}): {counts}."
