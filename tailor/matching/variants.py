"""Choose among a bullet's own wordings (its text and the variants the person wrote)."""

from __future__ import annotations

from collections.abc import Mapping

from tailor.matching.tokens import terms
from tailor.models.job import JobPosting
from tailor.models.profile import Bullet
from tailor.models.rules import Rules

__all__ = ["choose_variant", "posting_term_weights"]


def posting_term_weights(posting: JobPosting) -> dict[str, float]:
    """How much the posting's requirement units ask for each term."""
    weights: dict[str, float] = {}
    for unit in posting.requirements:
        for term in set(terms(unit.text)):
            weights[term] = weights.get(term, 0.0) + unit.weight
    return weights


def _match(text: str, weights: Mapping[str, float]) -> float:
    return sum(weights.get(term, 0.0) for term in set(terms(text)))


def choose_variant(
    bullet: Bullet, rules: Rules, weights: Mapping[str, float]
) -> tuple[str | None, str, tuple[str, str] | None]:
    """The wording to show and a shorter one the page fitter may switch to.

    Returns:
        ``(variant name or None for the bullet's text, text, shorter (name, text) or None)``.
    """
    options: list[tuple[str | None, str]] = [(None, bullet.text), *sorted(bullet.variants.items())]
    if rules.variants == "original" or len(options) == 1:
        return None, bullet.text, None
    if rules.variants == "shortest":
        name, text = min(options, key=lambda o: (len(o[1]), o[0] is not None, o[0] or ""))
        return name, text, None
    name, text = max(options, key=lambda o: (_match(o[1], weights), o[0] is None, -len(o[1])))
    shorter = min((o for o in options if len(o[1]) < len(text)), key=lambda o: len(o[1]), default=None)
    return name, text, (shorter[0] or "", shorter[1]) if shorter else None
