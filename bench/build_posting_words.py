"""Build ``tailor/data/posting_words.json``: in how many job postings each matching term appears.

Scoring weighs a posting's words by how rare they are across job postings (issue #21): "technical",
"team" or "data" appear in most postings and say little about a role; "video" or "segmentation"
say a lot. The counts come from the development postings in ../shared/jobs that carry **no**
relevance labels (15-56; the labelled 01-14 are left out so that the relevance figures are not
measured on postings the table was built from). Only counts of stemmed terms are shipped, never
the postings' text.

    python bench/build_posting_words.py     # rewrites tailor/data/posting_words.json
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from tailor.matching.tokens import terms
from tailor.matching.vocabulary import load_vocabulary
from tailor.posting import read_posting

REPO = Path(__file__).resolve().parent.parent
JOBS = REPO.parent / "shared" / "jobs"
TARGET = REPO / "tailor" / "data" / "posting_words.json"
FIRST_UNLABELLED = 15


def main() -> int:
    numbered = ((re.match(r"(\d\d)-", p.name), p) for p in JOBS.iterdir())
    files = sorted(p for m, p in numbered if m and int(m[1]) >= FIRST_UNLABELLED)
    vocabulary = load_vocabulary()
    counts: Counter[str] = Counter()
    skills: Counter[str] = Counter()
    for path in files:
        text = read_posting(path).text
        counts.update(set(terms(text)))
        skills.update(set(vocabulary.ids(text)))
    kept = {term: n for term, n in sorted(counts.items()) if n >= 2 or " " not in term}
    data = {
        "postings": len(files),
        "source": "../shared/jobs 15-56 (unlabelled)",
        "df": kept,
        "skills": dict(sorted(skills.items())),
    }
    TARGET.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {TARGET.relative_to(REPO)}: {len(kept)} terms from {len(files)} postings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
