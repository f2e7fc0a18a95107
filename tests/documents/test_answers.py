"""The answer sheet: the posting's own headings, answers first, an explicit no-evidence marker."""

from __future__ import annotations

from pathlib import Path

import pytest

from tailor.documents.answers import answers_document
from tailor.inputs.loading import load_profile
from tailor.matching import select
from tailor.models.documents import Document
from tailor.models.profile import MasterProfile
from tailor.posting import read_posting
from tests.conftest import EXAMPLE_POSTING, EXAMPLE_PROFILES, PROFILES, SHARED_JOBS, TODAY

ANTHROPIC = SHARED_JOBS / "11-anthropic-research-engineer-scientist-alignment-science.html"


def sheet(profile: str, posting_path: Path) -> tuple[Document, MasterProfile]:
    loaded = load_profile(PROFILES / profile)
    posting = read_posting(posting_path)
    return answers_document(loaded, posting, select(loaded, posting, today=TODAY), today=TODAY), loaded


def headings(document: Document) -> list[str]:
    return [b.text for b in document.blocks if b.kind == "heading"]


def test_headings_are_the_postings_own_in_posting_order() -> None:
    document, _ = sheet("eric-kim.yaml", EXAMPLE_POSTING)
    assert headings(document) == ["Requirements", "Nice to have"]


def test_requirement_without_evidence_says_so() -> None:
    document, _ = sheet("cuong-dao.yaml", EXAMPLE_POSTING)
    notes = [b.text for b in document.blocks if b.kind == "note"]
    assert "No evidence in profile." in notes


@pytest.mark.skipif(not ANTHROPIC.is_file(), reason="the shared job postings are not available")
def test_ai_lab_posting_is_answered_under_its_own_headings_with_the_seed_answers() -> None:
    document, profile = sheet("research-engineer.yaml", ANTHROPIC)
    # "Logistics" holds the posting's "Education requirements: ... Bachelor's degree" line.
    assert headings(document) == ["You may be a good fit if you:", "Strong candidates may also:", "Logistics"]
    answers = {f"profile:{a.key}" for a in profile.answers}
    used = {s.source for b in document.blocks for s in b.segments} & answers
    # Six of the seed's seven answers have a line in this version of the posting; the "prioritize
    # and direct effort" line is gone from it, so that answer is no evidence for any other line.
    assert len(used) >= 5
    assert not any(u.startswith("profile:ans-made-big-contribution") for u in used)
    blocks = list(document.blocks)
    # Each requirement line: answers come before bullets and projects.
    for index, block in enumerate(blocks):
        if block.kind != "subheading":
            continue
        kinds = []
        for after in blocks[index + 1 :]:
            if after.kind in ("subheading", "heading"):
                break
            source = after.segments[-1].source if after.kind == "note" else after.segments[0].source
            kinds.append("answer" if source in answers else "other")
        assert kinds == sorted(kinds), block.text
    empirical = next(
        i for i, b in enumerate(blocks) if b.text.startswith("Have some experience contributing")
    )
    assert (
        blocks[empirical + 1].text
        == "Strong: Answer to: Have some experience contributing to empirical AI research projects"
    )


@pytest.mark.parametrize("profile", ["research-engineer.yaml", "data-scientist.yaml"])
def test_items_for_the_persons_eyes_only_never_answer(profile: str) -> None:
    document, loaded = sheet(profile, EXAMPLE_POSTING)
    text = "\n".join(b.text for b in document.blocks)
    hidden = [a for a in loaded.answers if {"weakness", "private", "notes"} & set(a.tags)]
    assert hidden
    assert all(a.text.splitlines()[0] not in text for a in hidden)


def test_an_item_answers_a_third_line_only_as_its_best_evidence() -> None:
    document, _ = sheet("research-engineer.yaml", EXAMPLE_POSTING)
    lines: dict[str, set[int]] = {}
    line, first_source = 0, None
    for block in document.blocks:
        if block.kind == "subheading":
            line, first_source = line + 1, None
            continue
        for source in {s.source for s in block.segments if s.source.startswith("profile:")}:
            first_source = first_source or source
            lines.setdefault(source, set()).add(line)
            assert len(lines[source]) <= 2 or source == first_source, (source, block.text)


BENCHSCI = SHARED_JOBS / "04-benchsci-senior-ml-engineer-knowledge-enrichment-graph.txt"


@pytest.mark.skipif(not BENCHSCI.is_file(), reason="the shared job postings are not available")
def test_a_line_with_evidence_shows_it_and_its_strength() -> None:
    document, _ = sheet("eric-kim.yaml", BENCHSCI)
    blocks = list(document.blocks)
    for index, block in enumerate(blocks):
        if block.kind != "subheading":
            continue
        after = blocks[index + 1]
        assert after.kind in ("bullet", "note"), block.text
        assert after.text.startswith(("Strong: ", "Partial: ", "No evidence in profile.")), after.text


@pytest.mark.parametrize("name", EXAMPLE_PROFILES)
def test_every_evidence_shows_its_strength_in_md_pdf_and_docx(name: str) -> None:
    from tests.documents.support import OUT, build
    from tests.normalise import docx_text, pdf_plain_text

    built = build(PROFILES / name, EXAMPLE_POSTING, docs=("answers",))
    document = built.docs.documents["answers"]
    blocks = list(document.blocks)
    labels = 0
    for index, block in enumerate(blocks):
        if block.kind != "subheading":
            continue
        after = blocks[index + 1] if index + 1 < len(blocks) else None
        assert after is not None
        assert after.text.startswith(("Strong: ", "Partial: ", "No evidence in profile.")), after.text
        labels += after.text.startswith(("Strong: ", "Partial: "))
    assert labels
    files = built.docs.files
    markdown = files[OUT / "answers.md"].decode()
    pdf = pdf_plain_text(files[OUT / "answers.pdf"])
    docx = docx_text(files[OUT / "answers.docx"])
    for text in (markdown, pdf, docx):
        assert text.count("Strong:") + text.count("Partial:") >= labels


@pytest.mark.parametrize("name", EXAMPLE_PROFILES)
def test_no_evidence_below_partial_and_no_partial_beside_strong(name: str) -> None:
    from tailor.documents.answers import allocate, sheet_units
    from tailor.documents.items import profile_items
    from tailor.matching.vocabulary import load_vocabulary

    profile = load_profile(PROFILES / name)
    posting = read_posting(EXAMPLE_POSTING)
    selection = select(profile, posting, today=TODAY)
    chosen = allocate(sheet_units(selection), profile_items(profile), load_vocabulary(profile.vocabulary))
    for shown in chosen.values():
        strengths = [evidence.strength for _, evidence in shown]
        assert "none" not in strengths
        if "strong" in strengths:
            assert set(strengths) == {"strong"}


def test_a_degree_line_is_never_answered_by_a_tutorial_or_a_course() -> None:
    document, profile = sheet("eric-kim.yaml", BENCHSCI)
    blocks = list(document.blocks)
    education = {f"profile:{e.key}" for e in profile.education}
    for index, block in enumerate(blocks):
        if block.kind != "subheading" or "degree" not in block.text.lower():
            continue
        for after in blocks[index + 1 :]:
            if after.kind in ("subheading", "heading"):
                break
            sources = {s.source for s in after.segments if s.source.startswith("profile:")}
            assert sources <= education, after.text
