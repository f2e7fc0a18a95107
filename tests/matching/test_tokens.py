from __future__ import annotations

import pytest

from tailor.matching.tokens import surface_terms, terms, tokens


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("C++ and C# on .NET", ("c++", "and", "c#", "on", ".net")),
        ("Node.js, CI/CD pipelines", ("node.js", "ci/cd", "pipeline")),
        ("Python/Java", ("python", "java")),
        ("Graph Neural Networks", ("gnn",)),
        ("torch and k8s", ("pytorch", "and", "kubernetes")),
        ("Google Cloud", ("gcp",)),
        ("libraries, models, analysis", ("library", "model", "analysis")),
    ],
)
def test_tokens_keep_technical_terms_intact(text: str, expected: tuple[str, ...]) -> None:
    assert tokens(text) == expected


def test_terms_drop_stop_words_stem_and_add_bigrams() -> None:
    assert terms("the object detection models") == (
        "object",
        "detect",
        "model",
        "object detect",
        "detect model",
    )


def test_abbreviations_and_possessives_leave_no_single_letter_terms() -> None:
    assert terms("sensor fusion (e.g. LiDAR), i.e. the company's stack") == terms(
        "sensor fusion LiDAR the company stack"
    )
    assert terms("C and R") == ("c", "r", "c r")


def test_stemming_meets_related_word_forms() -> None:
    assert terms("recommendation")[0] == terms("recommend")[0] == terms("recommender")[0]


def test_surface_terms_explain_stems_with_the_posting_words() -> None:
    assert surface_terms("object detection models") == {
        "object": "object",
        "detect": "detection",
        "model": "model",
        "object detect": "object detection",
        "detect model": "detection model",
    }
