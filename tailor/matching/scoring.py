"""Pure relevance scores with reasons: requirement units matched by terms and skills.

Every item is matched against every requirement unit of the posting. A unit
match adds up two kinds of evidence:

- **terms**: BM25 over the profile's items, with the unit's stemmed words and
  adjacent-word phrases as the query (phrases count double), each weighted by how rare it is
  across job postings (see :mod:`tailor.matching.posting_words`: "technical" says little);
- **skills**: the skills vocabulary finds canonical skills in the unit and in
  the item (its text, lead, tags and declared skills); the same skill counts
  fully, a skill of the same family half, a cousin a quarter (Caffe2 is some
  evidence for "deep learning frameworks"). A cousin is reported as
  ``related:Name``, not ``skill:Name``: the item does not show that skill.

A match of single words or distant cousins only (nothing specific) counts half. An item's relevance
is the weighted sum of its unit matches (required lines
weigh most, boilerplate nothing), scaled so that the best item has 1. The broad field both sides
share (machine learning, AI, data science, deep learning: the skill or its words) counts once per
item, in its best line: every bullet of an ML person shares the field with every line of an ML
posting, and summed over twenty lines it outweighed the one line an item really answers. The
final score adds a mild prior (see :mod:`tailor.matching.prior`) for the
person's own ordering, recency and substance, and, when meaning scoring is on (see
:mod:`tailor.matching.semantic`), the item's similarity to its closest requirement line, scaled
per posting so that the closest item has 1 and the farthest 0.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from tailor.matching import reasons
from tailor.matching.bm25 import BM25
from tailor.matching.candidates import Candidate
from tailor.matching.core import BROAD, CoreSkill, core_skills
from tailor.matching.posting_words import skill_weight, term_weight
from tailor.matching.prior import prior
from tailor.matching.reasons import Reason
from tailor.matching.semantic import Closest
from tailor.matching.tokens import surface_terms, terms
from tailor.matching.vocabulary import Vocabulary
from tailor.models.job import JobPosting, Requirement

__all__ = ["Score", "UnitMatch", "posting_units", "score_candidates"]

PHRASE_WEIGHT = 2.0
"""A matched two-word phrase counts this many times a single word."""
SKILL_WEIGHT = 2.0
"""A matched vocabulary skill, relative to one BM25 point of term evidence."""
PRIOR_WEIGHT = 0.8
"""How much the prior adds to a relevance scaled to [0, 1]."""
MEANING_WEIGHT = 0.4
"""How much meaning similarity (scaled to [0, 1] per posting) adds, when it is on."""
CORE_WEIGHT = 0.4
"""How much showing all of the role's core skills adds (see :mod:`tailor.matching.core`)."""
MAX_MATCHED = 8
LOOSE_CREDIT = 0.5
"""What a match counts for when it is only single words or a distant cousin skill (no shared phrase,
no skill of the line's own): words agree, meaning may not ("pipeline" in sales and in data)."""
FIELD_TERMS = frozenset({"ml", "ai", "deep-learning", "data scienc", "artifici intellig"})
"""The broad fields' words as :func:`tailor.matching.tokens.terms` gives them ("machine learning" is
"ml"); with the skills in :data:`tailor.matching.core.BROAD` they count once per item."""
FAMILY_CREDIT = 0.5
"""Relatedness of a skill and one of its own family; a cousin (0.25) is not specific evidence."""


@dataclass(frozen=True)
class UnitMatch:
    """How well one item answers one requirement unit, and why."""

    requirement: str
    value: float
    reasons: tuple[Reason, ...]
    """Matched terms and skills, strongest first: ``skill:Name`` for the skill itself or one of its
    family, ``related:Name`` for a distant cousin (a little credit, never evidence on its own)."""
    specific: bool | None = None
    """Whether a shared phrase, the skill itself or a skill of its own family matched (a distant
    cousin skill or common single words alone are not specific); None: judge by the reasons."""
    exact: bool = False
    """Whether the item shows one of the line's own skills itself (not only one of its family)."""
    telling: float = 0.0
    """The value for ranking: each term and skill weighted by how rare it is across job postings,
    halved when nothing specific matched. ``value`` (unweighted) is what evidence is judged by."""
    field: float = 0.0
    """The part of ``telling`` that is the broad field alone (ML, AI, data science, deep learning):
    an item's relevance counts it once, in the line where it is largest."""


@dataclass(frozen=True)
class Score:
    """A candidate's score, its parts, and the requirement units behind it."""

    candidate: Candidate
    value: float
    relevance: float
    """Weighted requirement evidence, scaled so that the best item has 1."""
    prior: float
    matched: tuple[Reason, ...]
    """Matched terms and skills over all units, strongest first."""
    units: tuple[UnitMatch, ...]
    """Units this item gives evidence for, strongest first."""
    closest: Closest | None = None
    """With meaning scoring: the requirement line closest in meaning."""
    meaning: float = 0.0
    """With meaning scoring: that similarity scaled per posting to [0, 1] (0 without it)."""
    core: float = 0.0
    """The share of the role's core skills (or their families) the item shows itself."""


def posting_units(posting: JobPosting) -> tuple[Requirement, ...]:
    """The posting's requirement units, or its whole text as one unit when it has none."""
    if posting.requirements:
        return posting.requirements
    return (Requirement(id="r1", section="", kind="other", text=posting.text, weight=1.0),)


class _Matcher:
    """Per-posting state: the BM25 index over items and the skills of items and units."""

    def __init__(self, items: Sequence[Candidate], vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.index = BM25([terms(item.match_text) for item in items])
        self.item_skills = [self._skills(item.match_text, item.skills) for item in items]
        self.own_skills = sorted({skill for skills in self.item_skills for skill in skills})
        """Every skill some item shows, worked out once for all lines."""
        self.with_term: defaultdict[str, set[int]] = defaultdict(set)
        self.with_skill: defaultdict[str, set[int]] = defaultdict(set)
        for position in range(len(items)):
            for term in self.index.terms_of(position):
                self.with_term[term].add(position)
            for skill in self.item_skills[position]:
                self.with_skill[skill].add(position)

    def _skills(self, text: str, declared: Sequence[str] = ()) -> set[str]:
        found = set(self.vocabulary.ids(text))
        for skill in declared:
            found.update(self.vocabulary.ids(skill))
        return self.vocabulary.with_implied(found)

    def line(self, unit: Requirement, unit_skills: set[str]) -> _Line:
        """What scoring needs of a requirement line, worked out once for all items."""
        own = self.own_skills
        related = {
            skill: {o: value for o in own if (value := self.vocabulary.related(skill, o))}
            for skill in sorted(unit_skills)
        }
        query = dict.fromkeys(terms(unit.text), 1.0)
        reach: set[int] = set()  # the items that share a term or a related skill with the line
        for term in query:
            reach |= self.with_term.get(term, set())
        best: dict[str, dict[int, float]] = {}  # per line skill: each item's closest own skill
        for skill, values in related.items():
            found = best[skill] = {}
            for other, value in values.items():
                for position in self.with_skill.get(other, ()):
                    if value > found.get(position, 0.0):
                        found[position] = value
            reach.update(found)
        surface = surface_terms(unit.text)
        term_reasons = {
            term: (
                reasons.term(surface.get(term, term)),
                PHRASE_WEIGHT if " " in term else 1.0,
                term_weight(term),
            )
            for term in query
        }
        skill_reasons = {}
        for skill in best:
            name = self.vocabulary.name(skill)
            skill_reasons[skill] = (
                reasons.skill(name),
                reasons.related(name),
                skill in self.vocabulary.families,
                skill_weight(skill),
            )
        return _Line(unit, query, best, frozenset(reach), term_reasons, skill_reasons)

    def unit(self, position: int, line: _Line) -> UnitMatch | None:
        parts: dict[Reason, float] = {}
        telling = field = 0.0
        specific = narrow = False
        for term, value in self.index.term_scores(position, line.query).items():
            reason, weight, rarity = line.term_reasons[term]
            parts[reason] = value * weight
            telling += value * weight * rarity
            field += value * weight * rarity if term in FIELD_TERMS else 0.0
            specific = specific or reason.is_phrase
        narrow = specific
        exact = False
        for skill, items in line.best.items():  # the line's skills, sorted
            best = items.get(position, 0.0)
            if best:
                own, cousin, family, rarity = line.skill_reasons[skill]
                parts[own if best >= FAMILY_CREDIT else cousin] = SKILL_WEIGHT * best
                telling += SKILL_WEIGHT * best * rarity
                field += SKILL_WEIGHT * best * rarity if skill in BROAD else 0.0
                # the skill itself, or one of the family the line names; not a sibling of the line's skill
                shown = best >= 1.0 or (best >= FAMILY_CREDIT and family)
                specific = specific or shown
                narrow = narrow or (shown and skill not in BROAD)
                exact = exact or best >= 1.0
        if not parts:
            return None
        ranked = sorted(parts.items(), key=lambda kv: (-kv[1], kv[0]))
        value = round(sum(parts.values()), 4)
        # For ranking, the broad field alone (any ML bullet for "a strong background in AI") is not
        # specific: it is evidence (``specific``), but it says nothing about which item fits best.
        credit = 1.0 if narrow else LOOSE_CREDIT
        telling, field = round(telling * credit, 4), round(field * credit, 4)
        return UnitMatch(
            line.unit.id, value, tuple(term for term, _ in ranked), specific, exact, telling, field
        )


@dataclass(frozen=True)
class _Line:
    """A requirement line prepared for scoring: its BM25 query, the reason each term and skill makes,
    and for each skill it names, how much the closest skill each item shows counts for it
    (by item position; items without a related skill are absent)."""

    unit: Requirement
    query: dict[str, float]
    best: dict[str, dict[int, float]]
    reach: frozenset[int]
    """The positions of the items that can match the line at all (the others score nothing)."""
    term_reasons: dict[str, tuple[Reason, float, float]]
    """Per query term: its reason (in the posting's spelling), its weight (phrases count double) and
    how telling it is (rare across postings: 1; common: near 0)."""
    skill_reasons: dict[str, tuple[Reason, Reason, bool, float]]
    """Per line skill: its reason when shown, its reason as a distant cousin, whether it names a family,
    and how telling it is."""


def _scaled(closest: Sequence[Closest | None]) -> list[float]:
    """Similarities scaled so that the closest item has 1 and the farthest 0 (0 for items without)."""
    values = [c.similarity for c in closest if c is not None]
    if not values or max(values) == min(values):
        return [0.0] * len(closest)
    low, span = min(values), max(values) - min(values)
    return [0.0 if c is None else (c.similarity - low) / span for c in closest]


def score_candidates(
    items: list[Candidate],
    posting: JobPosting,
    vocabulary: Vocabulary,
    closest: Sequence[Closest | None] | None = None,
) -> list[Score]:
    """Score every candidate against the posting's requirement units, in candidate order.

    Args:
        items: Candidates from :func:`tailor.matching.candidates.candidates`.
        posting: The job posting, with its requirement units.
        vocabulary: The skills vocabulary (shipped, possibly extended by the profile).
        closest: With meaning scoring, each item's closest requirement line
            (:func:`tailor.matching.semantic.closest_requirements`), in item order.

    Returns:
        One :class:`Score` per candidate, with the units and terms behind it.
    """
    if not items:
        return []
    matcher = _Matcher(items, vocabulary)
    units = posting_units(posting)
    lines = [matcher.line(unit, set(vocabulary.ids(unit.text))) for unit in units]
    totals = [0.0] * len(items)
    fields = [0.0] * len(items)  # the broad field's best part per item: counted once
    found_reasons: list[defaultdict[Reason, float]] = [defaultdict(float) for _ in items]
    found_units: list[list[UnitMatch]] = [[] for _ in items]
    for unit, line in zip(
        units, lines, strict=True
    ):  # in unit order, so that each item's sums add up as always
        if unit.weight <= 0:
            continue
        for position in sorted(line.reach):
            match = matcher.unit(position, line)
            if match is None:
                continue
            found_units[position].append(match)
            totals[position] += unit.weight * (match.telling - match.field)
            fields[position] = max(fields[position], unit.weight * match.field)
            matched_reasons = found_reasons[position]
            for rank, reason in enumerate(match.reasons):
                matched_reasons[reason] += unit.weight / (1 + rank)
    totals = [total + field for total, field in zip(totals, fields, strict=True)]
    core = core_skills(posting, vocabulary)
    raw = list(zip(totals, found_reasons, found_units, strict=True))
    best = max(total for total, _, _ in raw) or 1.0
    nearest = list(closest) if closest is not None else [None] * len(items)
    meanings = _scaled(nearest)
    scores = []
    for position, (item, (total, found, matches), near, meaning) in enumerate(
        zip(items, raw, nearest, meanings, strict=True)
    ):
        relevance = total / best
        item_prior = prior(item)
        item_core = _core_share(matcher.item_skills[position], core, vocabulary)
        matched = sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_MATCHED]
        scores.append(
            Score(
                candidate=item,
                value=round(
                    relevance
                    + PRIOR_WEIGHT * item_prior
                    + MEANING_WEIGHT * meaning
                    + CORE_WEIGHT * item_core,
                    4,
                ),
                relevance=round(relevance, 4),
                prior=round(item_prior, 4),
                matched=tuple(term for term, _ in matched),
                units=tuple(sorted(matches, key=lambda m: (-m.value, m.requirement))),
                closest=near,
                meaning=round(meaning, 4),
                core=round(item_core, 4),
            )
        )
    return scores


def _core_share(own: set[str], core: Sequence[CoreSkill], vocabulary: Vocabulary) -> float:
    """How many of the role's core skills the item shows, itself or one of their family, as a share."""
    if not core:
        return 0.0
    shown = sum(
        c.id not in BROAD and any(vocabulary.related(c.id, skill) >= FAMILY_CREDIT for skill in own)
        for c in core
    )
    return shown / len(core)
