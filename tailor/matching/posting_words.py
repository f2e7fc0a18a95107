"""How telling a posting's word is: rare across job postings says much, common says little.

"technical", "team", "data" or "solve" appear in most job postings; a bullet that shares them with
a requirement line shares little. ``tailor/data/posting_words.json`` holds, for each matching term
(stemmed word or two-word phrase), in how many of a corpus of real postings it appears (made by
``bench/build_posting_words.py``; counts only, no posting text). A term's weight is its inverse
document frequency over that corpus, scaled to [0, 1] (a term no posting used weighs 1) and
softened by a square root, so that common words still count a little. Skills are weighed the
same way, by how many postings name them.
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources

__all__ = ["skill_weight", "term_weight"]

DATA = "posting_words.json"


@cache
def _table() -> tuple[int, dict[str, int], dict[str, int]]:
    data = json.loads(resources.files("tailor.data").joinpath(DATA).read_text(encoding="utf-8"))
    return int(data["postings"]), dict(data["df"]), dict(data["skills"])


def _weight(postings: int, count: int) -> float:
    top = math.log((postings + 1) / 0.5)
    return math.sqrt(max(0.0, min(1.0, math.log((postings + 1) / (count + 0.5)) / top)))


@cache
def term_weight(term: str) -> float:
    """The weight of a matching term in a requirement line's query, in (0, 1]."""
    postings, df, _ = _table()
    return _weight(postings, df.get(term, 0))


@cache
def skill_weight(skill: str) -> float:
    """The weight of a vocabulary skill a requirement line names: Python or communication, which most
    postings ask for, count less than Kubeflow or object detection."""
    postings, _, skills = _table()
    return _weight(postings, skills.get(skill, 0))
