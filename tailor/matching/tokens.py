"""Tokenisation for matching: lower-case terms that keep C++, C#, Node.js, CI/CD intact.

Plurals are folded ("models" -> "model"), stop words dropped, a few common
aliases mapped to one canonical term, and adjacent terms also form bigrams so
that phrases like "computer vision" match as phrases. Matching terms are
stemmed (Snowball English, via PyStemmer), so "recommend" meets "recommendation".
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache

from tailor.matching.stopwords import (
    STOPWORDS,
)

__all__ = ["STOPWORDS", "surface_terms", "terms", "tokens"]


_PROTECTED = [
    "c++",
    "c#",
    "f#",
    ".net",
    "asp.net",
    "node.js",
    "vue.js",
    "next.js",
    "react.js",
    "express.js",
    "d3.js",
    "three.js",
    "ci/cd",
    "a/b",
    "tcp/ip",
    "i/o",
    "pl/sql",
    "r&d",
    "objective-c",
    "x86_64",
]
_TOKEN = re.compile(
    r"(?<![a-z0-9])(?:"
    + "|".join(re.escape(p) for p in sorted(_PROTECTED, key=len, reverse=True))
    + r")(?![a-z0-9+#])|[a-z0-9]+[+#]*"
)

# One canonical term for common spellings; multi-word keys are matched on token runs.
_ALIASES: dict[tuple[str, ...], str] = {
    ("torch",): "pytorch",
    ("k8s",): "kubernetes",
    ("js",): "javascript",
    ("ts",): "typescript",
    ("golang",): "go",
    ("postgres",): "postgresql",
    ("node",): "node.js",
    ("reactjs",): "react",
    ("react.js",): "react",
    ("tensorflow", "2"): "tensorflow",
    ("google", "cloud"): "gcp",
    ("google", "cloud", "platform"): "gcp",
    ("amazon", "web", "service"): "aws",
    ("amazon", "aws"): "aws",
    ("machine", "learning"): "ml",
    ("deep", "learning"): "deep-learning",
    ("computer", "vision"): "computer-vision",
    ("natural", "language", "processing"): "nlp",
    ("large", "language", "model"): "llm",
    ("retrieval", "augmented", "generation"): "rag",
    ("graph", "neural", "network"): "gnn",
    ("ci", "cd"): "ci/cd",
    ("scikit", "learn"): "scikit-learn",
    ("sci", "kit", "learn"): "scikit-learn",
    ("sklearn",): "scikit-learn",
}
_MAX_ALIAS = max(len(key) for key in _ALIASES)

# Posting filler that says nothing about the work itself.


def _fold(word: str) -> str:
    """Fold simple English plurals: models -> model, libraries -> library."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ous")):
        return word[:-1]
    return word


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[str, ...]:
    """Canonical tokens of ``text`` in order, stop words included (needed for phrases)."""
    folded = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    raw = [_fold(tok) for tok in _TOKEN.findall(folded)]
    out: list[str] = []
    i = 0
    while i < len(raw):
        for size in range(min(_MAX_ALIAS, len(raw) - i), 0, -1):
            canonical = _ALIASES.get(tuple(raw[i : i + size]))
            if canonical:
                out.append(canonical)
                i += size
                break
        else:
            out.append(raw[i])
            i += 1
    return tuple(out)


@cache
def _stemmer() -> Callable[[str], str]:
    import Stemmer  # type: ignore[import-not-found]  # PyStemmer: Snowball compiled to C, ~100x faster

    stem: Callable[[str], str] = Stemmer.Stemmer("english").stemWord
    return stem


@lru_cache(maxsize=16384)
def _stem(token: str) -> str:
    return _stemmer()(token) if token.isalpha() and len(token) > 3 else token


@lru_cache(maxsize=4096)
def terms(text: str) -> tuple[str, ...]:
    """Matching terms: stemmed content tokens plus bigrams of adjacent content tokens."""
    toks = [_stem(tok) for tok in tokens(text) if tok not in STOPWORDS and not tok.isdigit()]
    bigrams = [f"{a} {b}" for a, b in itertools.pairwise(toks)]
    return tuple(toks + bigrams)


@lru_cache(maxsize=4096)
def surface_terms(text: str) -> dict[str, str]:
    """Each matching term of ``text`` mapped to the words it came from, for explanations."""
    toks = [tok for tok in tokens(text) if tok not in STOPWORDS and not tok.isdigit()]
    stems = [_stem(tok) for tok in toks]
    out: dict[str, str] = {}
    for stem, tok in zip(stems, toks, strict=True):
        out.setdefault(stem, tok)
    for (s1, s2), (t1, t2) in zip(itertools.pairwise(stems), itertools.pairwise(toks), strict=True):
        out.setdefault(f"{s1} {s2}", f"{t1} {t2}")
    return out
