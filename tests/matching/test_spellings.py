"""Tests for the spelling index: it finds exactly what the first, regex-based matcher found."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tailor.matching.spellings import SpellingIndex, fold, word_forms
from tailor.matching.vocabulary import SkillMention, Vocabulary, load_vocabulary
from tests.conftest import PROFILES, shared_jobs
from tests.matching.regex_reference import RegexMatcher


@functools.cache
def reference() -> RegexMatcher:
    return RegexMatcher(load_vocabulary())


def same_as_reference(vocab: Vocabulary, matcher: RegexMatcher, text: str) -> list[SkillMention]:
    mentions = vocab.find(text)
    assert mentions == matcher.find(text), text
    return mentions


@pytest.mark.parametrize("job", shared_jobs(), ids=lambda p: p.name[:12])
def test_real_postings_give_the_same_mentions_as_the_regex_matcher(job: Path) -> None:
    mentions = same_as_reference(load_vocabulary(), reference(), job.read_text(encoding="utf-8"))
    assert mentions or job.name == "SOURCES.md"


@pytest.mark.parametrize("profile", sorted(PROFILES.glob("*.yaml")), ids=lambda p: p.stem)
def test_example_profiles_give_the_same_mentions_as_the_regex_matcher(profile: Path) -> None:
    assert same_as_reference(load_vocabulary(), reference(), profile.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "text",
    [
        "Google  Cloud, GoogleCloud, Google-\nCloud, Goo gle Cloud, Google Cloudy",
        "scikitlearn, scikit_learn, scikit – learn, sk-learn, SKLEARN, sklearns",
        "C++11 and c++, C#. C#x C++-based C--, F# and c#",
        ".NET, ASP.NET, x.NET, .net core, .NETs, (.NET)",
        "Node.js. node.jsx NodeJS's Node JS, node.js/TypeScript",
        "CI/CD/ML, CI-CD, CI / CD, A/B-testing, a/b test, A/B tests",
        "R&D, R-squared, R's, R., R.x, 'R', -R, .R, R+, R# and R",
        "Go-to, Golang's, GO, go, Go., Go!, Go/Rust, (Go)",
        "AI/ML, ML-based, GenAI-powered, LLM-as-a-judge, LLMs' output",
        "k8s, K8S, Kubernete, kubernetees, PyTorch's, pytorches",
        "ontology, ontologies, Ontologys, knowledge graphs, knowledge-graph",
        "send your CV, Your cv, CV/resume, CV & cover letter, the CV of a robot",
        "_Python, Python_3, python3, Python 3.11, Python-3",
        "ſpark, SPARK, Spark, İOS, iOS, ıos, KUBERNETES, ΣQL, \u212aafka",
        "Kafka\u00a0Streams, Apache\u2011Kafka, Apache\u2013Kafka, Apache\u2014Kafka",
        "Hugging Face Transformers-based, HF Transformers, huggingface",
        "machine learning engineering, machine-learning, MachineLearning, ML, ml",
        "",
        " ",
        "-",
        "C",
        "#C",
        ".",
    ],
)
def test_tricky_texts_give_the_same_mentions_as_the_regex_matcher(text: str) -> None:
    same_as_reference(load_vocabulary(), reference(), text)


@functools.cache
def spellings() -> list[str]:
    vocab = load_vocabulary()
    terms = [*vocab.families.values(), *vocab.skills.values()]
    return sorted({text for term in terms for text in [*(s for s, _ in term.spellings()), *term.exclude]})


def variants(text: str) -> st.SearchStrategy[str]:
    return st.sampled_from(
        [text, text.lower(), text.upper(), text.title(), text.replace(" ", "-"), text.replace(" ", "")]
    )


PIECES = [
    *[".", ",", "/", "&", "'", "-", "+", "#", "(", ")", ":", ";", "!", "?", "_", "\u2013", "\u2014"],
    *["\u00a0", "\n"],
    *["s", "es", "ies", "y", "x", ".x", "'s", "-based", "go", "to", "the", "c", "r", "cv", "a", "is"],
    *["İ", "ı", "ſ", "\u212a", "Σ", "ς", "ß", "é", "😀", "Ⅻ", "٣"],
]


@st.composite
def texts(draw: st.DrawFn) -> str:
    parts = draw(
        st.lists(
            st.one_of(
                st.sampled_from(spellings()).flatmap(variants),
                st.sampled_from(PIECES),
                st.text(alphabet="aAcCgGrRsS+#.-/ &'", max_size=4),
            ),
            max_size=12,
        )
    )
    joins = draw(st.lists(st.sampled_from(["", " ", "-", "\n", "/", ", ", "_", "."]), min_size=len(parts)))
    return "".join(part + join for part, join in zip(parts, joins, strict=False))


@settings(max_examples=400, deadline=None)
@given(texts())
def test_generated_texts_give_the_same_mentions_as_the_regex_matcher(text: str) -> None:
    same_as_reference(load_vocabulary(), reference(), text)


def test_user_spellings_behave_like_the_regex_matcher() -> None:
    extra = {
        "skills": {
            "maui": {"name": ".NET MAUI", "family": "backend-frameworks", "aliases": ["MAUI"]},
            "scope": {"name": "@scope/pkg", "family": "frontend-frameworks"},
            "zurich": {"name": "Zürich stack", "aliases": ["ZÜRICH-STACK", "straße"]},
            "bmm": {"name": "B--", "match_case": True, "aliases": ["B minus minus"]},
            "pytorch": {"aliases": ["PT2"], "cased": ["TORCH"], "exclude": ["torch light"]},
            "ab": {"name": "a b", "aliases": ["A&B", "Σ-Δ"], "exclude": ["I/O"]},
        }
    }
    vocab = load_vocabulary(extra)
    matcher = RegexMatcher(vocab)
    text = (
        ".NET MAUI and MAUI apps; x.NET MAUI; @scope/pkg, scope/pkg; zürich stack, Zurich stack,"
        " ZÜRICH STACK, zürich-stacks, STRASSE, straße; B-- and b--, B minus minus, B--x; PT2, PT2s,"
        " TORCH, torch light, Torch; a b, ab, a-b, A&B, a&b, σ-δ, Σ Δ, ΣΔs; I/O, i/o"
    )
    assert same_as_reference(vocab, matcher, text)


def test_fold_keeps_length_and_matches_ignorecase() -> None:
    for text in ["PyTorch", "İstanbul", "ſpark", "ΟΔΟΣ", "Straße", "\u212aelvin", "ﬅ"]:
        assert len(fold(text)) == len(text)
    assert fold("ſPARK") == "spark"
    assert fold("İOS") == "ios"
    assert fold("ΟΔΟΣ") == fold("οδος") == fold("οδοσ")


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("model", ("model", "models")),
        ("ontologies", ("ontology", "ontologies")),
        ("systems", ("system", "systems", "systemes")),
        ("class", ("class", "classes")),
        ("box", ("box", "boxes")),
        ("library", ("library", "libraries")),
        ("key", ("key", "keys")),
        ("GNN", ("GNN", "GNNs")),
        ("C++", ("C++",)),
        ("k8", ("k8",)),
        ("Go", ("Go",)),
    ],
)
def test_word_forms(word: str, forms: tuple[str, ...]) -> None:
    assert word_forms(word) == forms


def test_first_spelling_in_order_wins_and_scan_goes_on_after_it() -> None:
    entries = [("deep learning", False, "dl"), ("learning", False, "learning"), ("deep", True, None)]
    index = SpellingIndex(entries)
    assert index.scan("Deep learning, learning, deep, Deep") == [(0, 13, "dl"), (15, 23, "learning")]
