"""Okapi BM25, written out (small enough not to need numpy)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

__all__ = ["BM25"]


@dataclass
class BM25:
    """BM25 over a fixed corpus of term lists; score a weighted query against each document."""

    documents: Sequence[Sequence[str]]
    k1: float = 1.2
    b: float = 0.75
    _freqs: list[Counter[str]] = field(init=False, repr=False)
    _idf: dict[str, float] = field(init=False, repr=False)
    _avgdl: float = field(init=False, repr=False)
    _norms: list[float] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._freqs = [Counter(doc) for doc in self.documents]
        total = sum(len(doc) for doc in self.documents)
        self._avgdl = total / len(self.documents) if self.documents else 0.0
        df: Counter[str] = Counter()
        for freq in self._freqs:
            df.update(freq.keys())
        n = len(self.documents)
        self._idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        k1, b, avgdl = self.k1, self.b, self._avgdl
        self._norms = [k1 * (1 - b + b * len(doc) / avgdl) if avgdl else k1 for doc in self.documents]

    def terms_of(self, index: int) -> Iterable[str]:
        """The distinct terms of document ``index``."""
        return self._freqs[index].keys()

    def term_scores(self, index: int, query: Mapping[str, float]) -> dict[str, float]:
        """Per-term contribution of each query term found in document ``index``."""
        freq = self._freqs[index]
        if query.keys().isdisjoint(freq.keys()):
            return {}  # most item x line pairs share no term: answered without the loop
        norm, k1, idf = self._norms[index], self.k1, self._idf
        out: dict[str, float] = {}
        for term, weight in query.items():
            tf = freq.get(term, 0)
            if tf:
                out[term] = weight * idf[term] * tf * (k1 + 1) / (tf + norm)
        return out
