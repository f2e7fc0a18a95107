"""How far two independent judges agree, and how tailor does against each (python bench/agreement.py).

bench/labels/ holds the main development labels (14 postings); bench/labels_second/ holds a second
annotator's blind labels for 6 of those postings. Agreement is NDCG@8 of one judge's ranking (ties
in profile order) scored with the other judge's grades: it is the ceiling a scorer can hope for.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

import yaml
from relevance import (
    KINDS,
    LABELS,
    REPO,
    K,
    find_posting,
    ndcg,
    rank_bm25,
    rank_profile_order,
    rank_tailor,
    rank_tailor_meaning,
)

from tailor.inputs.loading import load_profile
from tailor.matching.candidates import candidates
from tailor.matching.semantic import semantic_available
from tailor.posting import read_posting

SECOND = REPO / "bench" / "labels_second"


def by_grades(ids: list[str], grades: dict[str, int]) -> list[str]:
    return sorted(ids, key=lambda i: (-grades.get(i, 0), ids.index(i)))


def main() -> int:
    rows: dict[str, list[float]] = {}
    for path in sorted(SECOND.glob("*.yaml")):
        second = yaml.safe_load(path.read_text(encoding="utf-8"))
        first = yaml.safe_load((LABELS / path.name).read_text(encoding="utf-8"))
        items = [c for c in candidates(load_profile(REPO / "profiles" / path.name)) if c.kind in KINDS]
        ids = [c.id for c in items]
        for name, g2 in second["postings"].items():
            g1 = first["postings"][name]
            posting = read_posting(find_posting(name))
            rankings = {
                "second judge vs first": (by_grades(ids, g2), g1),
                "first judge vs second": (by_grades(ids, g1), g2),
                "tailor vs first": (rank_tailor(items, posting), g1),
                "tailor vs second": (rank_tailor(items, posting), g2),
                **(
                    {
                        "+meaning vs first": (rank_tailor_meaning(items, posting), g1),
                        "+meaning vs second": (rank_tailor_meaning(items, posting), g2),
                    }
                    if semantic_available()
                    else {}
                ),
                "bm25 vs second": (rank_bm25(items, posting), g2),
                "profile order vs second": (rank_profile_order(items, posting), g2),
            }
            for label, (ranking, grades) in rankings.items():
                value = ndcg(ranking, grades)
                if value is not None:
                    rows.setdefault(label, []).append(value)
    print(f"NDCG@{K} over {len(next(iter(rows.values())))} profile x posting pairs")
    for label, values in rows.items():
        print(f"{label:<26}{statistics.mean(values):.3f}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    sys.exit(main())
