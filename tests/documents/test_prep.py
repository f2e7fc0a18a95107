"""The prep sheet: likely questions with the best stories, the story bank, topics to prepare."""

from __future__ import annotations

import pytest

from tailor.documents.prep import prep_document
from tailor.documents.questions import likely_themes, load_questions
from tailor.inputs.loading import load_profile
from tailor.matching import select
from tailor.models.documents import Document
from tailor.posting import read_posting
from tests.conftest import EXAMPLE_POSTING, EXAMPLE_PROFILES, PROFILES, TODAY, shared_jobs

TOML = "Proposing TOML instead of YAML configs"
POETRY = "Suggesting poetry over pipenv and finding a security vulnerability"


def prep(profile: str, posting_path: object) -> Document:
    loaded = load_profile(PROFILES / profile)
    posting = read_posting(posting_path)  # type: ignore[arg-type]
    return prep_document(loaded, posting, select(loaded, posting, today=TODAY), today=TODAY)


def answers_by_question(document: Document) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current = None
    for block in document.blocks:
        if block.kind == "heading":
            current = None
        elif block.kind == "subheading" and block.segments[0].source.startswith("question:"):
            current = block.segments[0].source.removeprefix("question:")
            out[current] = []
        elif current and block.kind == "bullet":
            out[current].append(block.segments[0].text)
    return out


def test_toml_and_poetry_stories_answer_conflict_and_influence_questions() -> None:
    postings = [EXAMPLE_POSTING, *shared_jobs()]
    bank = load_questions().themes
    wanted = {q.id for theme in ("conflict", "influence") for q in bank[theme].questions}
    for posting in postings:
        questions = answers_by_question(prep("data-scientist.yaml", posting))
        answering = {story for qid, stories in questions.items() if qid in wanted for story in stories}
        assert {TOML, POETRY} <= answering, posting


def test_signals_in_the_posting_bring_their_themes() -> None:
    bank = load_questions()
    themes = [theme_id for theme_id, _, _ in likely_themes(bank, "You will mentor interns and lead a team.")]
    assert themes[0] == "leadership"
    assert "influence" not in themes
    assert {"conflict", "strengths", "motivation"} <= set(themes)


def test_question_without_a_story_is_marked() -> None:
    document = prep("eric-kim.yaml", EXAMPLE_POSTING)
    notes = [b.text for b in document.blocks if b.kind == "note"]
    assert "No story in profile for this question yet." in notes


def test_missing_skills_are_topics_to_prepare() -> None:
    document = prep("data-scientist.yaml", EXAMPLE_POSTING)
    texts = [b.text for b in document.blocks]
    start = texts.index("Topics to prepare")
    topics = texts[start:]
    assert "Skills the posting names that your profile does not show:" in topics
    assert any(t.startswith("C++") or t.startswith("Spark") for t in topics)
    # Every story of the bank is on the sheet.
    profile = load_profile(PROFILES / "data-scientist.yaml")
    assert all(story.title in texts for story in profile.stories)


@pytest.mark.parametrize("name", EXAMPLE_PROFILES)
def test_prep_sheet_offers_material_or_a_story_for_most_questions(name: str) -> None:
    from tailor.documents.prep import prep_document

    profile = load_profile(PROFILES / name)
    posting = read_posting(EXAMPLE_POSTING)
    document = prep_document(profile, posting, select(profile, posting, today=TODAY), today=TODAY)
    notes = [block.text for block in document.blocks if block.kind == "note"]
    questions = sum(1 for block in document.blocks if block.segments[0].source.startswith("question:"))
    empty = notes.count("No story in profile for this question yet.")
    assert questions
    assert empty <= questions // 2, (empty, questions)
    if not profile.stories:
        assert "No story for this question yet. Material from your profile:" in notes
