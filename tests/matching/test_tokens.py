from __future__ import annotations

import pytest

from tailor.matching.tokens import terms, tokens


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


def test_terms_drop_stop_words_and_add_bigrams() -> None:
    assert terms("the object detection models") == (
        "object",
        "detection",
        "model",
        "object detection",
        "detection model",
    )
