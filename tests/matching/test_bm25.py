from __future__ import annotations

from tailor.matching.bm25 import BM25


def test_matching_document_scores_and_rare_terms_weigh_more() -> None:
    index = BM25([["python", "spark"], ["python", "java"], ["go"]])
    first = index.term_scores(0, {"python": 1.0, "spark": 1.0})
    assert set(first) == {"python", "spark"}
    assert first["spark"] > first["python"]  # spark is rarer in the corpus
    assert index.term_scores(2, {"python": 1.0}) == {}


def test_query_weights_scale_scores() -> None:
    index = BM25([["python"], ["java"]])
    assert (
        index.term_scores(0, {"python": 2.0})["python"] == 2 * index.term_scores(0, {"python": 1.0})["python"]
    )
