"""A mild prior for each item that does not depend on the posting.

The order a person wrote their CV in is real information: the first bullet of
a role is usually the one they are proudest of, and recent roles matter more
than old ones. Substantial bullets carry more evidence than one-liners;
published, peer-reviewed work counts like experience, side projects less, and
teaching and volunteering rarely beat work experience. The prior breaks ties
between equally relevant items and keeps a weak match from outranking the
person's own best work.
"""

from __future__ import annotations

import math

from tailor.matching.candidates import Candidate

__all__ = ["prior"]

SECTION_WEIGHT = {
    "experience": 1.0,
    "projects": 0.4,
    "publications": 1.0,
    "teaching": 0.2,
    "volunteering": 0.2,
}
POSITION_DECAY = 0.15
"""Each later position in a role counts a little less: 1 / (1 + 0.15 * position)."""
RECENCY_DECAY = 0.35
"""Each older role counts less: exp(-0.35 * rank), newest role rank 0."""
LENGTH_EXPONENT = 0.3
LENGTH_NORM = 200
"""Characters of a typical full bullet; longer items get a small boost, capped at twice this."""


def prior(item: Candidate) -> float:
    """The item's prior in (0, 1.3]: section, position, recency and length."""
    value = SECTION_WEIGHT.get(item.section, 0.5)
    value /= 1 + POSITION_DECAY * item.position
    value *= math.exp(-RECENCY_DECAY * item.recency)
    if item.section != "publications":  # a title is short by nature; its venue carries the weight
        value *= float(min(len(item.text) / LENGTH_NORM, 2.0) ** LENGTH_EXPONENT)
    return value
