"""The cover letter: a Jinja text template filled with the profile's and posting's own words.

What it says is chosen in :mod:`tailor.documents.letter_choice` (the person's own paragraphs
first, else prose from their bullets, strongest evidence for the core of the role first);
how a bullet becomes a first-person sentence is :mod:`tailor.documents.first_person`. This
module turns that choice into the template's variables, each a traced string, and renders
the template. The pipeline renders ever shorter sizes (:func:`letter_sizes`) until the letter
fits one page and 400 words.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tailor.documents.blocks import blocks_from_segments
from tailor.documents.items import ProfileItem
from tailor.documents.letter_choice import choose_letter
from tailor.documents.letter_choices import MOTIVATION_TAGS, LetterChoice, LetterSize, letter_sizes
from tailor.documents.letter_facts import (
    degree_facts,
    summary_sentence,
    who_facts,
)
from tailor.documents.letter_paragraphs import (
    body_paragraphs,
    paragraph_pair,
    user_text,
)
from tailor.documents.letter_template import (
    LetterTemplate,
    check_letter_inputs,
    letter_template,
    long_date,
    missing_letter_inputs,
)
from tailor.documents.template_text import Traced, TracedRun, render_traced
from tailor.matching import Selection
from tailor.models.documents import Block, Document
from tailor.models.job import JobPosting
from tailor.models.profile import LetterParagraph, MasterProfile

__all__ = [
    "MOTIVATION_TAGS",
    "LetterSize",
    "LetterTemplate",
    "check_letter_inputs",
    "letter_document",
    "letter_sizes",
    "letter_template",
    "long_date",
    "missing_letter_inputs",
]


def _motivation(choice: LetterChoice, posting: JobPosting) -> TracedRun | None:
    if posting.why:
        return TracedRun([Traced(posting.why, "posting:why")])
    chosen = choice.motivation
    if isinstance(chosen, LetterParagraph):
        return user_text(chosen.text, f"profile:{chosen.key}", f"letter paragraph {chosen.key}", posting)
    if isinstance(chosen, ProfileItem):
        return TracedRun([Traced(chosen.text, chosen.source)])
    return None


def _context(
    profile: MasterProfile, posting: JobPosting, selection: Selection, today: dt.date, size: LetterSize
) -> dict[str, Any]:
    choice = choose_letter(profile, posting, selection, size)
    cv = selection.cv
    bank = profile.letter
    summary = cv.summary if choice.summary and cv.summary and cv.summary_id else None
    return {
        "date": Traced(long_date(today), "date"),
        "name": Traced(profile.person.name, "profile:person.name"),
        "company": Traced(posting.company or "", "posting:company"),
        "role": Traced(posting.role or "", "posting:role"),
        "contact": Traced(posting.contact, "posting:contact") if posting.contact else None,
        "summary": summary_sentence(summary, f"profile:{cv.summary_id}") if summary else None,
        "who": who_facts(profile),
        "degree": degree_facts(profile),
        "opening": user_text(bank.opening, "profile:letter.opening", "letter opening", posting)
        if bank.opening
        else None,
        "paragraphs": body_paragraphs(choice.body, posting),
        "pairs": [paragraph_pair(one, posting) for one in choice.body],
        "motivation": _motivation(choice, posting),
        "closing": user_text(bank.closing, "profile:letter.closing", "letter closing", posting)
        if bank.closing
        else None,
    }


def letter_document(
    profile: MasterProfile,
    posting: JobPosting,
    selection: Selection,
    *,
    today: dt.date,
    template: LetterTemplate,
    size: LetterSize | None = None,
) -> Document:
    """The cover letter as a traced document.

    Raises:
        PostingError: The posting lacks the company or role (see :func:`check_letter_inputs`).
        TemplateError: The template is broken.
    """
    check_letter_inputs(posting)
    context = _context(profile, posting, selection, today, size or LetterSize())
    segments = render_traced(template.text, template.name, template.path, context)
    blocks: list[Block] = blocks_from_segments(segments)
    return Document.for_posting("letter", "Cover letter", profile.person, posting, today, blocks)
