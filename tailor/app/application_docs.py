"""Build the application documents of a build: cover letter, answer sheet, prep sheet.

Called by :func:`tailor.app.pipeline.build`; everything is rendered in memory, and the
pipeline writes the files together with the CV. The letter is fitted to one page
by :func:`tailor.layout.letter_fit.fit_letter`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tailor.layout.letter_fit import fit_letter, letter_words
from tailor.matching import Selection
from tailor.models.documents import Document, Segment
from tailor.models.job import JobPosting
from tailor.models.profile import MasterProfile
from tailor.models.theme import Theme

__all__ = ["DOCS", "DocumentSet", "build_documents", "fitted_letter", "letter_words", "trace"]

DOCS = ("cv", "letter", "answers", "prep")


@dataclass(frozen=True)
class DocumentSet:
    """Rendered files by path, the traceability map for match.json, and notes for the user."""

    files: dict[Path, bytes] = field(default_factory=dict)
    trace: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    """Documents left out, with why and how to add them (a letter without a role)."""


def trace(document: Document) -> list[dict[str, str]]:
    """The document's text as ``{"text", "source"}`` runs (adjacent runs of one source merged),
    with ``"rule"`` naming the mechanical grammar applied to a run of the person's words."""
    runs: list[Segment] = []
    for block in document.blocks:
        for segment in block.segments:
            if runs and (runs[-1].source, runs[-1].rule) == (segment.source, segment.rule):
                runs[-1] = runs[-1].model_copy(update={"text": runs[-1].text + segment.text})
            else:
                runs.append(segment)
        if runs:
            runs[-1] = runs[-1].model_copy(update={"text": runs[-1].text + "\n"})
    return [
        {"text": run.text.strip(), "source": run.source, **({"rule": run.rule} if run.rule else {})}
        for run in runs
        if run.text.strip()
    ]


def fitted_letter(
    profile: MasterProfile,
    posting: JobPosting,
    selection: Selection,
    *,
    today: dt.date,
    theme: Theme,
    template: str | Path = "standard",
) -> Document:
    """The fullest letter variant that fits on one page of the theme.

    Raises:
        PostingError: The posting lacks the company or role.
        RenderError: Even the shortest variant takes more than one page.
    """
    return _fit_letter(profile, posting, selection, today=today, theme=theme, template=template)[0]


def _fit_letter(
    profile: MasterProfile,
    posting: JobPosting,
    selection: Selection,
    *,
    today: dt.date,
    theme: Theme,
    template: str | Path,
) -> tuple[Document, bytes]:
    """The fitted letter and its PDF, rendered once: the pass that counts its pages is the output."""
    from tailor.documents.letter import letter_document, letter_sizes, letter_template
    from tailor.render.document_pdf import render_document_pdf_pages

    loaded = letter_template(template)
    variants = (
        letter_document(profile, posting, selection, today=today, template=loaded, size=size)
        for size in letter_sizes()
    )
    return fit_letter(variants, lambda letter: render_document_pdf_pages(letter, theme))


def build_documents(
    profile: MasterProfile,
    posting: JobPosting,
    selection: Selection,
    *,
    docs: tuple[str, ...],
    formats: tuple[str, ...],
    theme: Theme,
    docx_template: Path,
    letter_template: str | Path,
    today: dt.date,
    out_dir: Path,
) -> DocumentSet:
    """Render the requested documents (``letter``, ``answers``, ``prep``) in memory."""
    from tailor.documents.letter import missing_letter_inputs
    from tailor.render.document_docx import render_document_docx
    from tailor.render.document_md import render_document_md
    from tailor.render.document_pdf import render_document_pdf

    out = DocumentSet()
    built: dict[str, Document] = {}
    pdfs: dict[str, bytes] = {}
    missing = missing_letter_inputs(posting) if "letter" in docs else None
    if missing is not None and set(docs) - {"letter"}:
        # Degrade, never drop: the other documents do not need the company or role.
        message, hint = missing
        out.skipped["letter"] = f"{message}; {hint}"
    elif "letter" in docs:
        built["letter"], pdfs["letter"] = _fit_letter(
            profile, posting, selection, today=today, theme=theme, template=letter_template
        )
    if "answers" in docs:
        from tailor.documents.answers import answers_document

        built["answers"] = answers_document(profile, posting, selection, today=today)
    if "prep" in docs:
        from tailor.documents.prep import prep_document

        built["prep"] = prep_document(profile, posting, selection, today=today)
    from tailor.documents.trace_check import check_quotes

    for name, document in built.items():
        check_quotes(document, profile, posting)  # every quote is the person's or the posting's words
        if name != "letter":
            out.files[out_dir / f"{name}.md"] = render_document_md(document).encode("utf-8")
        if "pdf" in formats:
            out.files[out_dir / f"{name}.pdf"] = pdfs.get(name) or render_document_pdf(document, theme)
        if "docx" in formats and name != "prep":
            out.files[out_dir / f"{name}.docx"] = render_document_docx(document, docx_template, theme=theme)
        out.trace[name] = trace(document)
        out.documents[name] = document
    out.notes.extend(_notes(profile, posting, built))
    return out


def _notes(profile: MasterProfile, posting: JobPosting, built: dict[str, Any]) -> list[str]:
    notes = []
    if "letter" in built and not posting.why:
        from tailor.documents.letter import MOTIVATION_TAGS

        tagged = [*profile.answers, *profile.letter.paragraphs]
        if not any(MOTIVATION_TAGS & set(item.tags) for item in tagged):
            notes.append(
                "the letter says nothing of why this company: add `why:` (in your words) to the posting's "
                "front matter or pass --why FILE, or tag a `letter:` paragraph or an answer `motivation`"
            )
    if "prep" in built and not profile.stories:
        notes.append(
            "the prep sheet has no stories: add `stories:` to your profile to match them to questions"
        )
    return notes
