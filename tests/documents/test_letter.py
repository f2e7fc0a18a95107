"""The cover letter: recipient, opening, evidence pairs, motivation, one page, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tailor.app.application_docs import fitted_letter
from tailor.documents.letter import check_letter_inputs, letter_document, letter_template
from tailor.documents.letter_choice import LetterSize, choose_letter
from tailor.documents.template_text import Traced, render_traced
from tailor.errors import PostingError, TemplateError
from tailor.inputs.loading import load_profile
from tailor.inputs.themes import load_theme
from tailor.matching import select
from tailor.models.job import JobPosting
from tailor.posting import read_posting
from tailor.render.document_pdf import document_pages
from tests.conftest import EXAMPLE_POSTING, EXAMPLE_PROFILES, PROFILES, SHARED_JOBS, TODAY

THEMES = ("classic", "modern", "compact")


def letter_for(profile: str, posting: JobPosting, theme: str = "classic") -> tuple[str, int]:
    loaded = load_profile(PROFILES / profile)
    selection = select(loaded, posting, today=TODAY)
    chosen = load_theme(theme)
    letter = fitted_letter(loaded, posting, selection, today=TODAY, theme=chosen)
    return "\n\n".join(block.text for block in letter.blocks), document_pages(letter, chosen)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("name", EXAMPLE_PROFILES)
def test_letter_fits_one_page(name: str, theme: str) -> None:
    _, pages = letter_for(name, read_posting(EXAMPLE_POSTING), theme)
    assert pages == 1


def test_letter_names_role_company_and_contact() -> None:
    text, _ = letter_for("research-engineer.yaml", read_posting(EXAMPLE_POSTING))
    assert "Dear Priya Raman," in text
    assert "Senior Machine Learning Engineer, Perception position at Northwind Robotics." in text
    assert text.endswith("Sincerely,\nAlex Morgan")


def test_letter_without_contact_greets_the_hiring_team() -> None:
    posting = read_posting(EXAMPLE_POSTING).model_copy(update={"contact": None})
    text, _ = letter_for("research-engineer.yaml", posting)
    assert "Dear Hiring Team," in text
    assert "Priya" not in text


def test_motivation_is_a_tagged_paragraph_of_the_letter_bank() -> None:
    profile = load_profile(PROFILES / "research-engineer.yaml")
    posting = read_posting(EXAMPLE_POSTING)
    chosen = choose_letter(profile, posting, select(profile, posting, today=TODAY), LetterSize()).motivation
    assert chosen is not None
    assert chosen in profile.letter.paragraphs
    assert {"motivation", "mission"} & set(chosen.tags)
    text, _ = letter_for("research-engineer.yaml", posting)
    assert chosen.text in text


def test_without_a_bank_the_motivation_is_a_tagged_answer() -> None:
    profile = load_profile(PROFILES / "research-engineer.yaml")
    profile = profile.model_copy(update={"letter": profile.letter.model_copy(update={"paragraphs": []})})
    posting = read_posting(EXAMPLE_POSTING)
    chosen = choose_letter(profile, posting, select(profile, posting, today=TODAY), LetterSize()).motivation
    assert chosen is not None
    assert {"motivation", "mission"} & set(chosen.tags)
    assert chosen.id in {answer.key for answer in profile.answers}


def test_the_postings_why_is_the_motivation(tmp_path: Path) -> None:
    text = EXAMPLE_POSTING.read_text(encoding="utf-8")
    why = "Northwind's robots are the reason I got into perception work."
    posting_file = tmp_path / "job.md"
    posting_file.write_text(text.replace("---\n", f'---\nwhy: "{why}"\n', 1), encoding="utf-8")
    letter, _ = letter_for("eric-kim.yaml", read_posting(posting_file))
    assert why in letter


def test_letter_never_quotes_an_answer_tagged_weakness() -> None:
    profile = load_profile(PROFILES / "research-engineer.yaml")
    weak = [a.text.splitlines()[-1] for a in profile.answers if "weakness" in a.tags]
    text, _ = letter_for("research-engineer.yaml", read_posting(EXAMPLE_POSTING))
    assert weak
    assert all(line not in text for line in weak)


def test_a_summary_that_the_motivation_repeats_is_quoted_once() -> None:
    profile = load_profile(PROFILES / "research-engineer.yaml")
    posting = read_posting(EXAMPLE_POSTING)
    summary = select(profile, posting, today=TODAY).cv.summary
    assert summary
    paragraphs = [
        p.model_copy(update={"text": f"{p.text} {summary}"}) if "motivation" in p.tags else p
        for p in profile.letter.paragraphs
    ]
    loaded = profile.model_copy(
        update={"letter": profile.letter.model_copy(update={"paragraphs": paragraphs})}
    )
    selection = select(loaded, posting, today=TODAY)
    letter = fitted_letter(loaded, posting, selection, today=TODAY, theme=load_theme("classic"))
    text = "\n\n".join(block.text for block in letter.blocks)
    assert text.count(summary) == 1


def test_a_paragraph_about_the_role_is_not_quoted_back(tmp_path: Path) -> None:
    paragraph = (
        "You are a computer vision engineer who loves PyTorch and C++. "
        + "You will own object detection models end to end, from data to deployment, and you "
        + "will work with researchers and product teams across the company to ship them. " * 3
    )
    assert len(paragraph) > 300
    posting_file = tmp_path / "job.md"
    posting_file.write_text(
        "---\ncompany: Acme\nrole: Engineer\n---\n## Requirements\n\n"
        f"- {paragraph}\n- Experience with PyTorch and object detection.\n",
        encoding="utf-8",
    )
    text, _ = letter_for("eric-kim.yaml", read_posting(posting_file))
    # The short line is answered (PyTorch is only in the bullets' tool lists, which a letter leaves
    # out, so no "You ask for experience with PyTorch ..." lead promises what the prose does not show).
    assert "I served as the primary owner of the company’s object detection tech stack." in text
    assert "You ask for experience with PyTorch" not in text
    assert "You are a computer vision engineer" not in text


def test_an_answer_tagged_notes_stays_off_the_letter() -> None:
    profile = load_profile(PROFILES / "data-scientist.yaml")
    (notes,) = [a for a in profile.answers if "notes" in a.tags]
    untagged = [a.model_copy(update={"tags": ["motivation"]}) if a is notes else a for a in profile.answers]
    posting = read_posting(EXAMPLE_POSTING)
    theme = load_theme("classic")

    def text_of(answers_profile: object) -> str:
        loaded = profile.model_copy(update={"answers": answers_profile})
        selection = select(loaded, posting, today=TODAY)
        letter = fitted_letter(loaded, posting, selection, today=TODAY, theme=theme)
        return "\n\n".join(block.text for block in letter.blocks)

    line = "Goal: learn recommender system, ideally in a big company"
    assert line in notes.text
    assert line in text_of(untagged)  # the same answer, tagged motivation, would be quoted
    assert line not in text_of(profile.answers)


@pytest.mark.parametrize(
    ("company", "role", "wanted"),
    [
        (None, "Engineer", "the company name"),
        ("Acme", None, "the role title"),
        (None, None, "the company name and the role title"),
    ],
)
def test_missing_company_or_role_is_an_error_naming_what_to_supply(
    company: str | None, role: str | None, wanted: str
) -> None:
    posting = JobPosting(source="job.txt", text="Python", company=company, role=role)
    with pytest.raises(PostingError) as caught:
        check_letter_inputs(posting)
    assert f"the cover letter needs {wanted}" in caught.value.message
    assert caught.value.hint is not None
    assert "front matter" in caught.value.hint
    if company is None:
        assert "--company" in caught.value.hint


def test_template_errors_are_located(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="unknown variable"):
        render_traced("--- x\n{{ nope }}\n", "t", tmp_path / "t.txt", {})
    with pytest.raises(TemplateError, match=r"t\.txt:2: template syntax error"):
        render_traced("--- x\n{% if %}\n", "t", tmp_path / "t.txt", {})
    with pytest.raises(TemplateError, match="before the first"):
        render_traced("Hello\n--- x\n", "t", tmp_path / "t.txt", {})
    with pytest.raises(TemplateError, match="missing"):
        render_traced("--- x\n{{ value }}\n", "t", tmp_path / "t.txt", {"value": None})
    with pytest.raises(TemplateError, match="no letter template named"):
        letter_template("nope")


def test_template_is_sandboxed(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="unsafe"):
        render_traced(
            "--- x\n{{ name.__class__.__mro__ }}\n", "t", tmp_path / "t.txt", {"name": Traced("a", "s")}
        )


def test_values_and_phrases_are_traced_apart(tmp_path: Path) -> None:
    segments = render_traced(
        "--- hello\n**Hi** {{ name }}!\n", "mine", tmp_path / "t.txt", {"name": Traced("Ada", "profile:x")}
    )
    assert [(s.text, s.source, s.bold) for s in segments] == [
        ("Hi", "phrase:mine/hello", True),
        (" ", "phrase:mine/hello", False),
        ("Ada", "profile:x", False),
        ("!\n", "phrase:mine/hello", False),
    ]


def test_own_template_file_is_used(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text("--- only\nTo {{ company }}: {{ name }}\n", encoding="utf-8")
    profile = load_profile(PROFILES / "eric-kim.yaml")
    posting = read_posting(EXAMPLE_POSTING)
    letter = letter_document(
        profile, posting, select(profile, posting, today=TODAY), today=TODAY, template=letter_template(path)
    )
    assert [block.text for block in letter.blocks] == [f"To Northwind Robotics: {profile.person.name}"]
    assert letter.blocks[0].segments[0].source == "phrase:short/only"


def _with_bank(paragraphs: list[dict[str, object]]) -> object:
    profile = load_profile(PROFILES / "eric-kim.yaml")
    from tailor.models.profile import LetterBank

    return profile.model_copy(update={"letter": LetterBank.model_validate({"paragraphs": paragraphs})})


def test_own_paragraphs_fill_in_company_and_role_and_trace_them() -> None:
    profile = _with_bank(
        [
            {
                "id": "lp-vision",
                "text": "At {{ company }} I would bring object detection in PyTorch to the {{ role }} team.",
                "skills": ["object detection", "PyTorch"],
            }
        ]
    )
    posting = read_posting(EXAMPLE_POSTING)
    selection = select(profile, posting, today=TODAY)  # type: ignore[arg-type]
    theme = load_theme("classic")
    letter = fitted_letter(profile, posting, selection, today=TODAY, theme=theme)  # type: ignore[arg-type]
    text = "\n".join(block.text for block in letter.blocks)
    wanted = f"At {posting.company} I would bring object detection in PyTorch to the {posting.role} team."
    assert wanted in text
    sources = [s.source for s in letter.segments() if s.text in (posting.company, posting.role)]
    assert "posting:company" in sources
    assert "posting:role" in sources
    assert "{{" not in text


def test_an_unknown_variable_in_a_paragraph_names_the_paragraph() -> None:
    from tailor.documents.template_text import render_user_text

    with pytest.raises(TemplateError, match="letter paragraph lp-bad") as caught:
        render_user_text("Dear {{ manager }},", "profile:lp-bad", "letter paragraph lp-bad", {})
    assert caught.value.hint is not None


def test_a_letter_section_error_names_line_and_field(tmp_path: Path) -> None:
    from tailor.errors import ProfileError

    text = (PROFILES / "eric-kim.yaml").read_text(encoding="utf-8")
    path = tmp_path / "me.yaml"
    path.write_text(text + "letter:\n  paragraphs:\n    - txt: My own words.\n", encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    message = str(caught.value)
    assert "letter.paragraphs" in message or "letter" in message
    assert "txt" in message


def test_a_colon_list_summary_is_said_as_a_sentence_with_its_rules_traced() -> None:
    from tailor.documents.letter_facts import AND_RULE, COLON_RULE, summary_sentence
    from tailor.documents.trace_check import quotes

    text = "I am an engineer with expertise in: computer vision, visual search, ML serving systems."
    run = summary_sentence(text, "profile:s")
    assert run is not None
    assert (
        str(run)
        == "I am an engineer with expertise in computer vision, visual search and ML serving systems."
    )
    assert [piece.rule for piece in run] == [COLON_RULE, None, None, AND_RULE]
    assert all(quotes(piece, text, piece.rule) for piece in run)
    assert str(summary_sentence("I build models.", "profile:s")) == "I build models."
    assert summary_sentence("Skills: a, b. More: c, d.", "profile:s") is None  # two sentences
    assert summary_sentence("Expertise: vision", "profile:s") is None  # one item is no list


needs_jobs = pytest.mark.skipif(not SHARED_JOBS.is_dir(), reason="the shared job postings are not available")


@needs_jobs
def test_mentoring_paragraphs_come_after_the_technical_case() -> None:
    from tailor.documents.letter_evidence import people_line

    profile = load_profile(PROFILES / "eric-kim.yaml")
    posting = read_posting(SHARED_JOBS / "03-spot-ai-staff-swe-ai-video.txt")

    for size in (LetterSize(3, 2, True), LetterSize(4, 3, True)):
        body = choose_letter(profile, posting, select(profile, posting, today=TODAY), size).body
        people = [people_line(choice.entry) for choice in body]
        assert people == sorted(people)  # no mentoring paragraph before a technical one
        assert not people[0]


@needs_jobs
def test_a_letter_that_says_too_little_cites_partial_evidence_too() -> None:
    profile = load_profile(PROFILES / "data-scientist.yaml")
    posting = read_posting(SHARED_JOBS / "12-vericast-data-scientist-fi-solutions.txt")
    selection = select(profile, posting, today=TODAY)
    small = choose_letter(profile, posting, selection, LetterSize(3, 2, True)).body
    more = choose_letter(profile, posting, selection, LetterSize(5, 3, True)).body
    assert len(more) > len(small)
    assert any(item.strength == "partial" for choice in more for item in getattr(choice, "items", ()))


def test_such_that_does_not_read_as_pointing_back() -> None:
    """ "One of such solutions is …" points at an earlier sentence (the CV's neighbour bullet) and
    stays off the letter; "… modularizing the pipeline such that …" does not, and is cited."""
    from tailor.documents.letter_evidence import refers_back

    assert refers_back("One of such end-to-end solutions is using Kubeflow.")
    assert refers_back("This allows our code to parallelize.")
    assert not refers_back(
        "One of my contributions is modularizing the pipeline such that parts are swappable."
    )
    assert not refers_back("Tools such as Airflow are used.")
    text, _ = letter_for("data-scientist.yaml", read_posting(EXAMPLE_POSTING))
    assert "one of my contributions is modularizing the end-to-end pipeline" in text


def test_there_is_left_out_after_the_place_is_named() -> None:
    """A reviewer's worst sentence: "At Boston Fusion, my role there was mostly …" names the place
    twice. After "At <place>, " the "there" is left out, and match.json names the rule."""
    profile = load_profile(PROFILES / "data-scientist.yaml")
    posting = read_posting(EXAMPLE_POSTING)
    selection = select(profile, posting, today=TODAY)
    letter = fitted_letter(profile, posting, selection, today=TODAY, theme=load_theme("classic"))
    text = " ".join(block.text for block in letter.blocks)
    assert "At Boston Fusion, my role was mostly working" in text
    assert "my role there" not in text
    traced = [seg for block in letter.blocks for seg in block.segments if "my role was mostly" in seg.text]
    assert traced
    assert "'there' left out" in (traced[0].rule or "")
    from tailor.documents.letter_facts import THERE_RULE
    from tailor.documents.trace_check import quotes

    source = "My role there was mostly working with coding neural networks."
    assert quotes("my role was mostly working with coding neural networks", source, THERE_RULE)
    assert not quotes("my role was never working", source, THERE_RULE)
