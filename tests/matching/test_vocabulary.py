"""Tests for the shipped skills vocabulary and its matcher."""

from __future__ import annotations

import itertools
from importlib import resources

import pytest
import yaml

from tailor.errors import ProfileError
from tailor.matching.spellings import alias_key
from tailor.matching.vocabulary import SkillMention, Vocabulary, load_vocabulary
from tailor.matching.vocabulary_data import _load_yaml
from tailor.matching.vocabulary_data import shipped_vocabulary as _shipped


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return load_vocabulary()


def found(vocab: Vocabulary, text: str) -> list[tuple[str, str]]:
    return [(mention.id, mention.surface) for mention in vocab.find(text)]


def test_ships_at_least_300_skills(vocab: Vocabulary) -> None:
    assert len(vocab.skills) >= 300
    assert len(vocab.families) >= 20


def test_loading_is_cached(vocab: Vocabulary) -> None:
    assert load_vocabulary() is vocab


def test_data_file_is_package_data() -> None:
    raw = yaml.safe_load(resources.files("tailor.data").joinpath("skills.yaml").read_text("utf-8"))
    assert set(raw) == {"families", "skills"}


def test_every_alias_belongs_to_one_term_only() -> None:
    raw = yaml.safe_load(resources.files("tailor.data").joinpath("skills.yaml").read_text("utf-8"))
    owners: dict[str, set[str]] = {}
    for section in ("families", "skills"):
        for term_id, entry in raw[section].items():
            for text in [entry["name"], *entry.get("aliases", []), *entry.get("cased", [])]:
                owners.setdefault(alias_key(text), set()).add(term_id)
    duplicates = {key: ids for key, ids in owners.items() if len(ids) > 1}
    assert duplicates == {}


def test_every_family_referenced_exists(vocab: Vocabulary) -> None:
    for skill in vocab.skills.values():
        assert skill.family in vocab.families
    for family in vocab.families.values():
        assert family.parent is None or family.parent in vocab.families
    assert not set(vocab.skills) & set(vocab.families)


def test_every_spelling_finds_its_own_term(vocab: Vocabulary) -> None:
    # Catches spellings shadowed by another term's longer alias, plural or exclusion.
    terms = [*vocab.families.items(), *vocab.skills.items()]
    wrong = [
        (term_id, text, found(vocab, text))
        for term_id, term in terms
        for text, _ in term.spellings()
        if found(vocab, text) != [(term_id, text)]
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PyTorch", "pytorch"),
        ("torch", "pytorch"),
        ("Kubernetes", "kubernetes"),
        ("k8s", "kubernetes"),
        ("GNN", "gnn"),
        ("graph neural networks", "gnn"),
        ("computer vision", "computer-vision"),
        ("CV", "computer-vision"),
        ("LLM", "llms"),
        ("large language models", "llms"),
        ("RAG", "rag"),
        ("retrieval-augmented generation", "rag"),
        ("Retrieval Augmented Generation", "rag"),
        ("GCP", "gcp"),
        ("Google Cloud", "gcp"),
        ("CI/CD", "ci-cd"),
        ("CI-CD", "ci-cd"),
        ("Node.js", "nodejs"),
        ("NodeJS", "nodejs"),
        ("C++", "cpp"),
        ("C#", "csharp"),
        ("scikit-learn", "scikit-learn"),
        ("scikit learn", "scikit-learn"),
        ("sklearn", "scikit-learn"),
        ("Vertex AI", "vertex-ai"),
        ("BigQuery", "bigquery"),
        ("A/B testing", "ab-testing"),
        ("Golang", "go"),
        ("Kalman filter", "kalman-filters"),
        ("LiDAR", "lidar"),
        ("lidar", "lidar"),
        ("multi-GPU training", "gpu-computing"),
        ("face verification", "face-recognition"),
        ("image retrieval", "visual-search"),
        ("data labelling", "data-annotation"),
        ("Mechanical Turk", "data-annotation"),
        ("differential privacy", "privacy"),
        ("computational biology", "bioinformatics"),
        ("inference latency", "gpu-optimisation"),
        ("recommendations", "recommendation-systems"),
    ],
)
def test_finds_aliases(vocab: Vocabulary, text: str, expected: str) -> None:
    assert [mention.id for mention in vocab.find(f"Experience with {text}.")] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GNNs", "gnn"),
        ("LLMs", "llms"),
        ("transformers", "transformers"),
        ("transformer", "transformers"),
        ("knowledge graph", "knowledge-graphs"),
        ("data pipeline", "data-pipelines"),
        ("microservice", "microservices"),
        ("ontology", "ontologies"),
        ("recommender systems", "recommender-systems"),
    ],
)
def test_finds_plural_and_singular_forms(vocab: Vocabulary, text: str, expected: str) -> None:
    assert [mention.id for mention in vocab.find(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Python, Go and Rust", ["python", "go", "rust"]),
        ("we go to conferences", []),
        ("Go to our careers page", []),
        ("a go-to person", []),
        ("please send your CV and cover letter", []),
        ("Please send your CV", []),
        ("cv", []),
        ("CV and NLP research", ["computer-vision", "nlp"]),
        ("Python/R for statistics", ["python", "r", "statistics"]),
        ("R&D in C-suite", []),
        ("Apache Spark and Spark SQL", ["spark", "spark"]),
        ("a spark of curiosity", []),
        ("React, Swift", ["react", "swift"]),
        ("react quickly to a swift change", []),
        ("C, C++ and C#", ["c", "cpp", "csharp"]),
    ],
)
def test_traps_need_exact_case_and_context(vocab: Vocabulary, text: str, expected: list[str]) -> None:
    assert [mention.id for mention in vocab.find(text)] == expected


def test_longest_match_wins_without_overlap(vocab: Vocabulary) -> None:
    text = "Built RAG pipelines on Google Cloud Platform with GitHub Actions and Spark Streaming."
    mentions = vocab.find(text)
    assert [(m.id, m.surface) for m in mentions] == [
        ("rag", "RAG pipelines"),
        ("gcp", "Google Cloud Platform"),
        ("github-actions", "GitHub Actions"),
        ("spark", "Spark Streaming"),
    ]
    for before, after in itertools.pairwise(mentions):
        assert before.end <= after.start


def test_mentions_carry_offsets(vocab: Vocabulary) -> None:
    text = "Deep learning frameworks such as Caffe2"
    assert vocab.find(text) == [
        SkillMention("deep-learning-frameworks", "Deep learning frameworks", 0, 24, "family"),
        SkillMention("caffe2", "Caffe2", 33, 39, "skill"),
    ]
    for mention in vocab.find(text):
        assert text[mention.start : mention.end] == mention.surface


def test_does_not_match_inside_words(vocab: Vocabulary) -> None:
    assert found(vocab, "Ruthless Javanese rage; Pythonic Gopher") == []
    assert found(vocab, "Java and JavaScript") == [("java", "Java"), ("javascript", "JavaScript")]


def test_find_is_deterministic(vocab: Vocabulary) -> None:
    text = "PyTorch, TensorFlow, JAX, k8s, Terraform, dbt, Airflow, Kafka"
    assert vocab.find(text) == vocab.find(text) == load_vocabulary().find(text)


def test_family_chain_goes_up_to_the_root(vocab: Vocabulary) -> None:
    assert vocab.family_of("caffe2") == ["deep-learning-frameworks", "machine-learning"]
    assert vocab.family_of("langchain") == ["llms", "nlp", "machine-learning"]
    assert vocab.family_of("deep-learning-frameworks") == ["deep-learning-frameworks", "machine-learning"]
    assert vocab.family_of("no-such-skill") == []


@pytest.mark.parametrize(
    ("a", "b", "score"),
    [
        ("pytorch", "pytorch", 1.0),
        ("caffe2", "pytorch", 0.5),
        ("caffe2", "deep-learning-frameworks", 0.5),
        ("pytorch", "gnn", 0.25),
        ("langchain", "bert", 0.25),
        ("object-detection", "semantic-segmentation", 0.5),
        ("javascript", "java", 0.25),  # programming languages are distinct: one does not show another
        ("python", "cpp", 0.25),
        ("pytorch", "kubernetes", 0.0),
        ("pytorch", "no-such-skill", 0.0),
    ],
)
def test_related_gives_partial_credit_for_families(vocab: Vocabulary, a: str, b: str, score: float) -> None:
    assert vocab.related(a, b) == score
    assert vocab.related(b, a) == score


def test_a_language_still_shows_programming_languages(vocab: Vocabulary) -> None:
    assert vocab.related("programming-languages", "java") == 0.5


def test_a_skill_is_evidence_for_every_family_above_it_but_not_the_reverse(vocab: Vocabulary) -> None:
    assert vocab.related("machine-learning", "pytorch") == 0.5
    assert vocab.related("machine-learning", "langchain") == 0.5
    assert vocab.related("pytorch", "machine-learning") == 0.25


def test_user_entries_extend_the_vocabulary() -> None:
    vocab = load_vocabulary(
        {
            "families": {"quantum": {"name": "Quantum computing"}},
            "skills": {
                "pytorch": {"aliases": ["PT2"]},
                "qiskit": {"name": "Qiskit", "family": "quantum"},
                "cirq": {"family": "quantum"},
            },
        }
    )
    assert found(vocab, "PT2, Qiskit and Cirq") == [
        ("pytorch", "PT2"),
        ("qiskit", "Qiskit"),
        ("cirq", "Cirq"),
    ]
    assert vocab.skills["pytorch"].family == "deep-learning-frameworks"
    assert vocab.related("qiskit", "cirq") == 0.5
    assert "PT2" not in load_vocabulary().skills["pytorch"].aliases


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"skills": {"mine": {"name": "Mine", "aliases": ["k8s"]}}}, "also belongs to 'skills.kubernetes'"),
        ({"skills": {"mine": {"name": "Mine", "family": "nowhere"}}}, "unknown family 'nowhere'"),
        ({"skills": {"mine": {"name": "Mine", "colour": "red"}}}, "colour"),
    ],
)
def test_bad_user_entries_are_reported(extra: dict[str, object], message: str) -> None:
    with pytest.raises(ProfileError, match=message):
        load_vocabulary(extra)


def test_ordinary_english_is_not_a_skill(vocab: Vocabulary) -> None:
    text = (
        "We make great products. You will go through onboarding, cache your notes, rank priorities, "
        "classify tickets and react to feedback with a swift and bright spark. Send your CV and "
        "cover letter; publications welcome. A dash of humour, a lime, a clip, some yarn and an elk."
    )
    assert found(vocab, text) == []


def test_shipped_data_loads_as_yaml_safe_load_reads_it() -> None:
    text = resources.files("tailor.data").joinpath("skills.yaml").read_text("utf-8")
    assert _shipped() == yaml.safe_load(text)


def test_yaml_loading_works_without_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    text = resources.files("tailor.data").joinpath("skills.yaml").read_text("utf-8")
    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    assert _load_yaml(text) == yaml.safe_load(text)


def test_found_mentions_are_remembered_but_each_caller_gets_its_own_list(vocab: Vocabulary) -> None:
    text = "Trained PyTorch models for retrieval-augmented generation on Kubernetes."
    first = vocab.find(text)
    first.clear()
    assert vocab.find(text) == vocab.find(text) != []
    assert vocab.find(text) is not vocab.find(text)


def test_a_skill_shows_the_skills_it_implies_one_way(vocab: Vocabulary) -> None:
    """Work on PostgreSQL is work in SQL (a reviewer: the only proof of SQL was cut), not the reverse."""
    assert vocab.with_implied({"postgresql"}) == {"postgresql", "sql"}
    assert vocab.with_implied({"sql"}) == {"sql"}


def test_an_implied_skill_must_exist() -> None:
    with pytest.raises(ProfileError, match="unknown skill 'no-such-skill'"):
        load_vocabulary({"skills": {"postgresql": {"implies": ["no-such-skill"]}}})


def test_a_family_implies_nothing() -> None:
    with pytest.raises(ProfileError, match="`implies` is for skills"):
        load_vocabulary({"families": {"databases": {"implies": ["sql"]}}})


def test_a_known_family_gains_aliases_without_implies() -> None:
    vocab = load_vocabulary({"families": {"databases": {"aliases": ["data stores"]}}})
    assert "databases" in vocab.ids("We run data stores at scale.")


def test_accelerators_read_as_gpu_computing() -> None:
    """Anthropic's inference posting names "AI accelerators" and "accelerator platforms", never GPUs:
    the research engineer's multi-GPU training bullet ranked last among her Unity bullets."""
    vocabulary = load_vocabulary()
    assert vocabulary.ids("fleet-wide orchestration across diverse AI accelerators") == ["gpu-computing"]
    assert "gpu-computing" in vocabulary.ids("Integrating new AI accelerator platforms")
    assert vocabulary.ids("TPUs") == ["gpu-computing"]
