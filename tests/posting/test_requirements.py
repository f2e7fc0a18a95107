"""Requirement units and section detection, on small texts and on every shipped posting."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tailor.models.job import PostingSection
from tailor.posting import read_posting
from tailor.posting.requirements import requirement_units
from tests.conftest import SHARED_JOBS, shared_jobs


def section(heading: str, kind: str, weight: float, *lines: str) -> PostingSection:
    return PostingSection.model_validate({"heading": heading, "kind": kind, "weight": weight, "lines": lines})


def test_units_come_from_requirement_sections_in_order() -> None:
    units = requirement_units(
        (
            section("About us", "about", 0.2, "We build robots."),
            section("Requirements", "required", 1.0, "Python", "Kubernetes"),
            section("Benefits", "benefits", 0.0, "Free lunch"),
            section("Nice to have", "preferred", 0.6, "Rust"),
        )
    )
    assert [(u.id, u.section, u.kind, u.text, u.weight) for u in units] == [
        ("r1", "Requirements", "required", "Python", 1.0),
        ("r2", "Requirements", "required", "Kubernetes", 1.0),
        ("r3", "Nice to have", "preferred", "Rust", 0.6),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Experience with Kafka is a plus",
        "Go or Rust would be a big plus.",
        "Master's degree preferred but not required",
        "Familiarity with Spark (nice to have)",
        "Ideally you have worked with biologists",
        "Good to have: Overall Understanding of Visualizations Framework in Angular/Java/Looker",
    ],
)
def test_inline_optional_lines_count_as_preferred(line: str) -> None:
    (unit,) = requirement_units((section("Requirements", "required", 1.0, line),))
    assert (unit.kind, unit.weight) == ("preferred", 0.6)


def test_ideally_inside_a_line_does_not_make_it_optional() -> None:
    (unit,) = requirement_units((section("Requirements", "required", 1.0, "Minimum 3, ideally 5+ years"),))
    assert unit.kind == "required"


def test_negative_lists_and_disclaimers_are_not_requirements() -> None:
    units = requirement_units(
        (
            section("Requirements", "required", 1.0, "Python"),
            section("Candidates need not have:", "other", 0.0, "A PhD"),
            section(
                "A final note", "other", 0.4, "You do not need to match every listed expectation to apply."
            ),
        )
    )
    assert [u.text for u in units] == ["Python"]


@pytest.mark.parametrize(
    "line",
    [
        "Upwork is proudly committed to fostering a diverse and inclusive workforce. We never discriminate.",
        "Curious to learn more about who we are and how we operate? Visit us here",
        "Based in Bangalore and willing to work from the office 3 days a week",
        "We are a 100% remote company and we strive to build a thriving workplace.",
        "Note: we conduct all interviews in Python and prefer candidates to be based in the US.",
        "We recognize the breadth of skills required and do not expect candidates to have experience in all.",
    ],
)
def test_legal_logistics_and_invitation_lines_in_a_list_are_not_units(line: str) -> None:
    units = requirement_units((section("Requirements", "required", 1.0, "Python", line),))
    assert [u.text for u in units] == ["Python"]


def test_ml_words_that_look_like_boilerplate_stay_requirements() -> None:
    lines = ("Experience with discriminative and generative models", "Build a diverse and inclusive team")
    units = requirement_units((section("Requirements", "required", 1.0, *lines),))
    assert [u.text for u in units] == list(lines)


def test_a_lead_in_line_is_not_a_unit_but_the_lines_it_introduces_are() -> None:
    units = requirement_units(
        (
            section(
                "Requirements", "required", 1.0, "You have professional experience with:", "PyTorch", "vLLM"
            ),
            section("Extra", "other", 0.4, "A closing line that ends in a colon:"),
        )
    )
    assert [u.text for u in units] == ["PyTorch", "vLLM", "A closing line that ends in a colon:"]


def test_posting_without_requirement_sections_falls_back_to_its_text() -> None:
    units = requirement_units((section("", "about", 0.2, "We need a Python developer who knows Django."),))
    assert [(u.text, u.weight) for u in units] == [("We need a Python developer who knows Django.", 0.4)]


# Headings of every shipped development posting and the kind tailor must give them.
EXPECTED_HEADINGS: dict[str, dict[str, str]] = {
    "01-zoox-staff-swe-perception": {
        "Qualifications": "required",
        "Bonus Qualifications": "preferred",
        "Compensation": "pay",
        "Accommodations": "legal",
    },
    "02-latitude-ai-senior-swe-perception-state-estimation": {
        "What you’ll do:": "responsibilities",
        "What you'll need to succeed:": "required",
        "Nice to have:": "preferred",
        "What we offer you:": "benefits",
    },
    "03-spot-ai-staff-swe-ai-video": {"Who you are.": "required", "Compensation and Benefits.": "pay"},
    "04-benchsci-senior-ml-engineer-knowledge-enrichment-graph": {
        "You Will:": "responsibilities",
        "You Have:": "required",
    },
    "05-fetch-staff-ml-engineer-personalization": {
        "Responsibilities:": "responsibilities",
        "Requirements:": "required",
        "Nice to Have:": "preferred",
        "Compensation:": "pay",
    },
    "06-upwork-contract-senior-ai-ml-engineer-search": {
        "Work/Project Scope:": "responsibilities",
        "Must Haves (Required Skills):": "required",
    },
    "07-rackspace-cloud-ml-ops-engineer": {"Requirements:": "required", "Must Have:": "required"},
    "08-writer-platform-engineer-mlops": {
        "Your responsibilities:": "responsibilities",
        "Is this you?": "required",
        "Preferred skills and experience:": "preferred",
        "Benefits & perks (US Full-time employees)": "benefits",
    },
    "09-evenup-ml-engineer-document-ai-rag": {
        "What you'll do:": "responsibilities",
        "What We Are Looking For:": "required",
        "Benefits & Perks:": "benefits",
        "Notice to Candidates:": "legal",
    },
    "10-promptcloud-data-scientist-nlp": {
        "Responsibilities:": "responsibilities",
        "Requirements:": "required",
        "Perks": "benefits",
    },
    "11-anthropic-research-engineer-scientist-alignment-science": {
        "You may be a good fit if you:": "required",
        "Strong candidates may also:": "preferred",
        "Candidates need not have:": "other",
        "Annual Salary:": "pay",
        "Logistics": "logistics",
    },
    "12-vericast-data-scientist-fi-solutions": {
        "KEY DUTIES/RESPONSIBILITIES": "responsibilities",
        "KNOWLEDGE/SKILLS/ABILITIES": "required",
        "Additional Information": "logistics",
    },
    "13-abnormal-security-senior-full-stack-engineer": {
        "What you will do": "responsibilities",
        "Must Haves": "required",
        "Nice to Have": "preferred",
    },
    "14-surgical-notes-medical-coder": {
        "Responsibilities:": "responsibilities",
        "Required Knowledge, Skills, Abilities & Education:": "required",
        "Preferred Knowledge, Skills, Abilities & Education:": "preferred",
        "Physical Demands": "logistics",
    },
    # Shapes met in the postings added later: headings by role, in English and French.
    "22-senior-machine-learning-engineer-137866": {
        "You’ll love this role if:": "required",
        "Our role won’t be for you if:": "other",
        "Benefits": "benefits",
    },
    "28-data-engineer-industrie-services-clermont-ferrand-108008": {
        "Votre rôle et vos missions:": "responsibilities",
        "Votre profil:": "required",
        "Les avantages à nous rejoindre:": "benefits",
    },
    "47-software-engineer-mlops-106847": {
        "Responsibilities": "responsibilities",
        "Qualifications": "required",
    },
    "48-python-backend-developer-mlops-engineer": {"Why work for Prompt?": "benefits"},
    "56-anthropic-it-support-engineer": {"Logistics": "logistics"},
}
BOILERPLATE = ("benefits", "pay", "logistics", "legal")


def _shipped_names() -> list[str]:
    """Every development posting beside this checkout, or the named ones when it is absent."""
    found = sorted({p.stem for p in shared_jobs() if p.stem[0].isdigit()}) if shared_jobs() else []
    return found or sorted(EXPECTED_HEADINGS)


def test_every_named_posting_is_shipped() -> None:
    if shared_jobs():
        assert set(EXPECTED_HEADINGS) <= set(_shipped_names())


@pytest.mark.parametrize("name", _shipped_names())
def test_section_detection_on_shipped_posting(name: str) -> None:
    paths = sorted(SHARED_JOBS.glob(f"{name}.*")) if SHARED_JOBS.is_dir() else []
    if not paths:
        pytest.skip("the development postings (../shared/jobs) are not beside this checkout")
    posting = read_posting(Path(paths[0]))
    kinds = {s.heading: s.kind for s in posting.sections}
    for heading, kind in EXPECTED_HEADINGS.get(name, {}).items():
        assert kinds.get(heading) == kind, heading
    for s in posting.sections:
        if s.kind in BOILERPLATE or "need not" in s.heading:
            assert s.weight == 0.0, s.heading
        if s.kind == "about":
            assert s.weight <= 0.2, s.heading
    units = posting.requirements
    assert len(units) >= 5
    assert [u.id for u in units] == [f"r{n}" for n in range(1, len(units) + 1)]
    assert all(u.weight > 0 and u.kind not in BOILERPLATE for u in units)
    boilerplate = ("discriminat", "visit us", "work from the office", "remote company", "interviews in")
    assert not [u.text for u in units if any(b in u.text.casefold() for b in boilerplate)]
    assert not [u.text for u in units if u.text.endswith(":") and u is not units[-1]]
    required = [u for u in units if u.kind == "required"]
    assert required, "every shipped posting states requirements"
    assert max(u.weight for u in units) == 1.0
    # Weights never invert: no preferred (or bonus) line outweighs a required one.
    preferred = [u.weight for u in units if u.kind == "preferred"]
    assert not preferred or max(preferred) <= min(u.weight for u in required)
    # No markup reaches a unit, a heading or the text.
    markup = re.compile(r"<\s*/?\s*[A-Za-z][A-Za-z0-9]*[\s>/]|&nbsp;|&amp;")
    texts = [u.text for u in units] + [s.heading for s in posting.sections] + [posting.text]
    assert not [t for t in texts if markup.search(t)]
