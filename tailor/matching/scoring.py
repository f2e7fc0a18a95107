"""Pure relevance scores with reasons: BM25 over posting terms plus a skills bonus."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from tailor.matching.bm25 import BM25
from tailor.matching.candidates import Candidate
from tailor.matching.tokens import STOPWORDS, terms, tokens
from tailor.models.job import JobPosting

__all__ = ["Score", "posting_query", "score_candidates"]

SKILL_WEIGHT = 1.0
"""Bonus per declared item skill that the posting names, times the posting's weight for it."""
MAX_MATCHED = 8


@dataclass(frozen=True)
class Score:
    """A candidate's score and the posting terms that produced it, strongest first."""

    candidate: Candidate
    value: float
    matched: tuple[str, ...]


def _weighted_lines(posting: JobPosting) -> list[tuple[str, float]]:
    lines = [(line, section.weight) for section in posting.sections for line in section.lines]
    if not lines or not any(weight for _, weight in lines):
        return [(line, 1.0) for line in posting.text.splitlines() if line.strip()]
    return [(line, weight) for line, weight in lines if weight > 0]


def posting_query(posting: JobPosting) -> dict[str, float]:
    """Term weights for the posting: section weight per occurrence, dampened by a log."""
    raw: dict[str, float] = defaultdict(float)
    for line, weight in _weighted_lines(posting):
        for term in set(terms(line)):
            raw[term] += weight
    return {term: 1 + math.log(w) if w >= 1 else w for term, w in raw.items()}


def _skill_key(skill: str) -> str:
    return " ".join(tok for tok in tokens(skill) if tok not in STOPWORDS)


def _skill_weights(posting: JobPosting, skills: set[str]) -> dict[str, float]:
    """How strongly the posting asks for each skill phrase (0 when it does not mention it)."""
    lines = [(" " + " ".join(tokens(line)) + " ", weight) for line, weight in _weighted_lines(posting)]
    out: dict[str, float] = {}
    for skill in skills:
        key = _skill_key(skill)
        total = sum(weight for line, weight in lines if key and f" {key} " in line)
        out[skill] = 1 + math.log(total) if total >= 1 else total
    return out


def score_candidates(items: list[Candidate], posting: JobPosting) -> list[Score]:
    """Score every candidate against the posting, in candidate order.

    Args:
        items: Candidates from :func:`tailor.matching.candidates.candidates`.
        posting: The job posting.

    Returns:
        One :class:`Score` per candidate; ``matched`` names the terms behind the score.
    """
    if not items:
        return []
    query = posting_query(posting)
    index = BM25([terms(item.match_text) for item in items])
    skill_weights = _skill_weights(posting, {s for item in items for s in item.skills})
    scores = []
    for position, item in enumerate(items):
        contributions = index.term_scores(position, query)
        for skill in item.skills:
            if skill_weights.get(skill):
                key = f"skill:{skill}"
                contributions[key] = contributions.get(key, 0.0) + SKILL_WEIGHT * skill_weights[skill]
        value = sum(contributions.values())
        ranked = sorted(contributions.items(), key=lambda kv: (-kv[1], kv[0]))
        matched = tuple(term for term, _ in ranked[:MAX_MATCHED])
        scores.append(Score(item, round(value, 4), matched))
    return scores
