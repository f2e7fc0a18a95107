"""Degree requirement lines are answered by the profile's education."""

from __future__ import annotations

import pytest

from tailor.documents.answers import answers_document
from tailor.inputs.loading import load_profile
from tailor.matching import select
from tailor.matching.degrees import (
    BACHELOR,
    DOCTORATE,
    MASTER,
    degree_evidence,
    degree_level,
    lowest_level_asked,
)
from tailor.matching.evidence import Evidence, Strength, evidence_map
from tailor.matching.reasons import degree
from tailor.models.job import Requirement
from tailor.models.profile import Education
from tailor.posting import read_posting
from tests.conftest import PROFILES, SHARED_JOBS, TODAY
from tests.documents.support import build, check_sources


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("Master's degree or PhD in computer science or related field", MASTER),
        ("Bachelor's degree in Computer Science or a related field (or Master's degree, or PhD)", BACHELOR),
        ("Ph.D. with machine learning focus, or equivalent experience", DOCTORATE),
        ("Degree, preferably PhD, in Software Engineering, Computer Science, or a similar area", BACHELOR),
        ("Technical degree: Computer Science, software engineering or related", BACHELOR),
        ("BS degree in Computer Science or related engineering field", BACHELOR),
        ("Master's pf Science (MS) degree in relative field (Computer Science, Statistics)", MASTER),
        ("Mastery of several ML frameworks", None),
        ("Experience with MS SQL Server and BS-free hiring", None),
        ("5+ years of Python", None),
    ],
)
def test_lowest_level_a_line_accepts(line: str, level: int | None) -> None:
    assert lowest_level_asked(line) == level


@pytest.mark.parametrize(
    ("degree", "level"),
    [("M.S.", MASTER), ("B.A.", BACHELOR), ("Master's Programme", MASTER), ("PhD", DOCTORATE),
     ("Engineering Degree", BACHELOR), ("BSc (Hons)", BACHELOR), ("MEng", MASTER), ("Diploma", None)],
)  # fmt: skip
def test_level_of_an_education_entry(degree: str, level: int | None) -> None:
    assert degree_level(degree) == level


def unit(text: str, kind: str = "required") -> Requirement:
    return Requirement.model_validate(
        {"id": "r1", "section": "Requirements", "kind": kind, "text": text, "weight": 1.0}
    )


MS_CS = Education.model_validate({"institution": "UCLA", "degree": "M.S.", "field": "Computer Science"})
BA_CS = Education.model_validate({"institution": "Berkeley", "degree": "B.A.", "field": "Computer Science"})
MS_ML = Education.model_validate(
    {"institution": "KTH", "degree": "Master's Programme", "field": "Machine Learning"}
)


def strengths(line: str, *education: Education, kind: str = "required") -> list[tuple[str, str]]:
    found = degree_evidence(education, [unit(line, kind)]).get("r1", ())
    return [(e.item, e.strength) for e in found]


def test_named_field_is_strong_and_a_lower_degree_is_no_evidence() -> None:
    line = "Master's degree or PhD in computer science or related field"
    assert strengths(line, BA_CS, MS_CS) == [(MS_CS.key, "strong")]


def test_related_field_is_partial_and_another_field_is_nothing() -> None:
    assert strengths("Master's degree in computer science or related field", MS_ML) == [
        (MS_ML.key, "partial")
    ]
    assert strengths("Master's degree in chemistry", MS_ML) == []


def test_a_higher_degree_answers_a_lower_one() -> None:
    assert strengths("BS degree in Computer Science", MS_CS) == [(MS_CS.key, "strong")]


def test_duties_mentioning_phds_are_not_degree_lines() -> None:
    assert strengths("Work with PhD researchers in computer science", MS_CS, kind="responsibilities") == []


def test_direct_evidence_alone_sets_the_strength() -> None:
    strengths: tuple[Strength, ...] = ("strong", "partial")
    for strength in strengths:
        direct = {"r1": (Evidence(MS_CS.key, "education", strength, 4.0, (degree("M.S."),)),)}
        entry = evidence_map([], [unit("Master's degree")], direct)[0]
        assert [e.item for e in entry.evidence] == [MS_CS.key]
        assert entry.strength == strength


ZOOX = SHARED_JOBS / "01-zoox-staff-swe-perception.txt"
BENCHSCI = SHARED_JOBS / "04-benchsci-senior-ml-engineer-knowledge-enrichment-graph.txt"


def _needs_jobs() -> None:
    if not ZOOX.is_file():
        pytest.skip("the shared job postings are not available")


def test_degree_line_answered_by_the_degree_on_the_answer_sheet() -> None:
    _needs_jobs()
    profile = load_profile(PROFILES / "eric-kim.yaml")
    posting = read_posting(ZOOX)
    selection = select(profile, posting, today=TODAY)
    degree = next(e for e in selection.requirements if e.requirement.text.startswith("Master's degree"))
    assert degree.evidence[0].kind == "education"
    assert degree.evidence[0].reasons == ("degree:M.S.", "field:Computer Science")
    sheet = answers_document(profile, posting, selection, today=TODAY)
    lines = [b.text for b in sheet.blocks]
    at = lines.index("Master's degree or PhD in computer science or related field")
    assert lines[at + 1] == "Strong: M.S., Computer Science · University of California, Los Angeles"


def test_letter_leaves_degree_lines_to_the_cv() -> None:
    _needs_jobs()
    from tailor.documents.letter_choice import EvidenceChoice, LetterSize, choose_letter

    profile = load_profile(PROFILES / "eric-kim.yaml")
    for path in (ZOOX, BENCHSCI):
        posting = read_posting(path)
        body = choose_letter(profile, posting, select(profile, posting, today=TODAY), LetterSize()).body
        pairs = [choice for choice in body if isinstance(choice, EvidenceChoice)]
        assert pairs
        assert all("degree" not in choice.entry.requirement.text.lower() for choice in pairs)
        assert all(cited.item.kind != "education" for choice in pairs for cited in choice.items)


def test_degree_evidence_is_traced_to_the_education_entry() -> None:
    _needs_jobs()
    built = build(PROFILES / "eric-kim.yaml", BENCHSCI)
    sheet = built.docs.documents["answers"]
    check_sources(sheet, built)
    sources = {s.source for s in sheet.segments() if s.text in ("M.S.", "Computer Science")}
    assert any(source.startswith("profile:e-") for source in sources)


def test_report_counts_a_shown_degree_as_covered() -> None:
    _needs_jobs()
    from tailor.report.match_json import match_report

    profile = load_profile(PROFILES / "eric-kim.yaml")
    posting = read_posting(ZOOX)
    report = match_report(posting, select(profile, posting, today=TODAY))
    degree = next(r for r in report["requirements"] if r["text"].startswith("Master's degree"))
    assert degree["coverage"] == "covered"
    assert degree["evidence"][0]["kind"] == "education"
