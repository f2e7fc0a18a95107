"""Public use cases. Each CLI command calls exactly one function here.

The pipeline owns file-system access: it reads inputs (through loading and
posting), runs matching and rendering, and chooses output paths.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tailor.app.posting_input import PostingInput, read_posting_input
from tailor.app.tailoring import RuleOptions
from tailor.inputs.loading import load_profile
from tailor.inputs.themes import load_theme
from tailor.layout import FitResult
from tailor.matching import Selection
from tailor.models.job import JobPosting
from tailor.models.profile import MasterProfile
from tailor.models.rules import Rules
from tailor.models.theme import Theme
from tailor.report.match_json import checked, match_report, report_json
from tailor.report.match_md import match_markdown
from tailor.writing.files import application_folder, write_folder

__all__ = ["FORMATS", "BuildRequest", "BuildResult", "MatchOutcome", "build", "match", "posting_warnings"]

FORMATS = ("pdf", "docx")


@dataclass(frozen=True)
class MatchOutcome:
    """The posting as read, the selection, and the JSON report."""

    posting: JobPosting
    selection: Selection
    report: dict[str, Any]
    theme: Theme
    profile: MasterProfile
    rules: Rules
    """The effective rules of this run (profile, posting, rules file and flags)."""
    squeeze: float = 0.0
    """How much the fitter tightened the theme's spacing (0: not at all)."""
    measured: Any = field(default=None, repr=False, compare=False)
    """The fitter's PdfMeasurer, whose paragraphs the CV's PDF reuses (see render_pdf)."""


def match(
    profile_path: Path,
    posting: PostingInput,
    *,
    today: dt.date,
    theme: str | Path = "classic",
    rules: RuleOptions | None = None,
) -> MatchOutcome:
    """Score, select and fit a profile's items to a posting, with the theme's page layout.

    The theme's section order applies unless a rules source names ``sections``.
    """
    from tailor.app.tailoring import tailor

    profile = load_profile(profile_path)
    job = read_posting_input(posting)
    loaded = load_theme(theme)
    result = tailor(profile, job, loaded, today=today, options=rules or RuleOptions())
    report = match_report(job, result.selection, _layout_report(result.fit))
    return MatchOutcome(
        job, result.selection, report, loaded, profile, result.rules, result.fit.squeeze, result.measured
    )


def _layout_report(fit: FitResult) -> dict[str, Any]:
    return {
        "pages": fit.pages,
        "last_page_fill": round(fit.last_page_fill, 3),
        "squeeze": fit.squeeze,
        "shortened": list(fit.shortened),
    }


@dataclass(frozen=True)
class BuildRequest:
    """Everything ``tailor build`` needs."""

    profile: Path
    posting: PostingInput
    today: dt.date
    out: Path | None = None
    out_root: Path = Path("out")
    formats: tuple[str, ...] = FORMATS
    force: bool = False
    theme: str | Path = "classic"
    docx_template: Path | None = None
    """A Word template to use instead of the theme's own."""
    rules: RuleOptions = field(default_factory=RuleOptions)
    docs: tuple[str, ...] = ("cv", "letter", "answers", "prep")
    """Documents to write: cv, letter, answers, prep (see tailor.app.application_docs)."""
    letter_template: str | Path = "standard"
    """A letter template in templates/letters/ by name, or a template file."""
    report: bool = True
    """Write match.json and match.md (single-document commands leave them out)."""


@dataclass(frozen=True)
class BuildResult:
    """What was built and where."""

    out_dir: Path
    files: list[Path]
    changed: list[Path]
    outcome: MatchOutcome
    notes: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    """Documents asked for but left out, with why (a letter when the posting names no role)."""


def _out_dir(request: BuildRequest, job: JobPosting) -> Path:
    if request.out is not None:
        return request.out
    return application_folder(job.company, job.role, request.out_root)


def _notes(job: JobPosting) -> list[str]:
    notes = []
    for name, value, source in (
        ("company", job.company, job.company_source),
        ("role", job.role, job.role_source),
    ):
        if source == "inferred":
            notes.append(f"inferred {name}: {value!r} (set it with --{name} or front matter to change it)")
        elif source == "file name":
            notes.append(
                f"{name} {value!r} taken from the posting's file name, as the text does not state it: "
                f'check it, or pass --{name} "..." to set it'
            )
        elif source == "missing":
            notes.append(f"no {name} found in the posting; pass --{name} to name it")
    return notes + posting_warnings(job)


def _focus_notes(outcome: MatchOutcome) -> list[str]:
    """A ``focus`` that names no skill tailor knows is ignored: say so, and what was used instead."""
    focus = outcome.posting.focus
    core = outcome.selection.core
    if not focus or any(skill.source == "focus" for skill in core):
        return []
    used = ", ".join(skill.name for skill in core) or "nothing"
    return [f"focus '{focus}' names no skill tailor knows; the core read from the posting is used ({used})"]


def _core_gap_notes(outcome: MatchOutcome) -> list[str]:
    """The core of the role that nothing in the profile shows strongly: said before anyone sends it."""
    from tailor.matching.core import unanswered_core
    from tailor.matching.vocabulary import load_vocabulary

    selection = outcome.selection
    if selection.missing_domain is not None:
        return []  # the fit sentence says it already: the role is in another domain
    vocabulary = load_vocabulary(outcome.profile.vocabulary)
    gaps = unanswered_core(selection.core, selection.requirements, vocabulary)
    if not gaps:
        return []
    names = " and ".join(skill.name for skill in gaps)
    return [
        f"the role is about {names}, and nothing in your profile is strong evidence for it: the CV and "
        "letter cannot show it (if you have that experience, add it to your profile in your words)"
    ]


def posting_warnings(job: JobPosting) -> list[str]:
    """How the posting was read (e.g. not UTF-8), and whether its sections were recognised."""
    warnings = list(job.notes)
    if all(section.kind == "other" for section in job.sections):
        warnings.append(
            f"{job.source}: no sections recognised (such as Requirements or Responsibilities); "
            "every line counts the same (add headings to the posting to weigh them)"
        )
    return warnings


def build(request: BuildRequest) -> BuildResult:
    """Tailor a CV to a posting and write the requested formats plus match.json.

    Everything is rendered in memory first; files are written only when every
    document rendered and no different existing file would be overwritten.
    """
    from tailor.render.docx import render_docx
    from tailor.render.pdf import render_pdf
    from tailor.render.pdf_clock import pinned_to

    outcome = match(
        request.profile, request.posting, today=request.today, theme=request.theme, rules=request.rules
    )
    theme = outcome.theme
    cv = outcome.selection.cv
    out_dir = _out_dir(request, outcome.posting)
    with pinned_to(request.today):  # the PDFs' creation date is the document date
        files: dict[Path, bytes] = {}
        template, template_notes = _word_templates(request, theme, outcome.squeeze)
        if "pdf" in request.formats and "cv" in request.docs:
            files[out_dir / "cv.pdf"] = render_pdf(
                cv, theme, squeeze=outcome.squeeze, measured=outcome.measured
            )
        if "docx" in request.formats and "cv" in request.docs:
            files[out_dir / "cv.docx"] = render_docx(cv, template.cv, theme=theme)
        documents = _documents(request, outcome, theme, template.documents, out_dir)
        files.update(documents.files)
        if request.report:
            full = {**outcome.report, "documents": documents.trace} if documents.trace else outcome.report
            if documents.skipped:
                full = {**full, "skipped": documents.skipped}
            files[out_dir / "match.json"] = report_json(checked(full))
            files[out_dir / "match.md"] = match_markdown(outcome.report).encode("utf-8")
    changed = write_folder(out_dir, files, force=request.force)
    from tailor.app.profile_warnings import thin_profile_warnings

    thin = thin_profile_warnings(outcome.profile, str(request.profile)) + _focus_notes(outcome)
    thin += _core_gap_notes(outcome)
    notes = thin + _notes(outcome.posting) + template_notes + documents.notes
    return BuildResult(out_dir, list(files), changed, outcome, notes, dict(documents.skipped))


@dataclass(frozen=True)
class _Templates:
    cv: Path
    """The CV's Word template: the theme's, at the page fit's squeeze."""
    documents: Path
    """The letter's and answer sheet's: the theme's at its normal spacing (as their PDFs)."""


def _word_templates(request: BuildRequest, theme: Theme, squeeze: float) -> tuple[_Templates, list[str]]:
    """The Word templates that follow the theme and the fit (see ``word_template_for``)."""
    if request.docx_template is not None:
        return _Templates(request.docx_template, request.docx_template), []
    path = Path(theme.word_template)
    if "docx" not in request.formats:
        return _Templates(path, path), []
    from tailor.inputs.resources import templates_dir
    from tailor.render.word_template import word_template_for

    builtin = path.resolve().parent == templates_dir().resolve()
    cv = word_template_for(theme, squeeze, builtin=builtin)
    documents = cv if squeeze <= 0 else word_template_for(theme, 0.0, builtin=builtin)
    notes = list(dict.fromkeys(note for note in (cv.note, documents.note) if note))
    return _Templates(cv.path, documents.path), notes


def _documents(
    request: BuildRequest, outcome: MatchOutcome, theme: Any, template: Path, out_dir: Path
) -> Any:
    """The letter, answer sheet and prep sheet the request asks for, rendered in memory."""
    from tailor.app.application_docs import DocumentSet, build_documents

    if not set(request.docs) - {"cv"}:
        return DocumentSet()
    return build_documents(
        outcome.profile,
        outcome.posting,
        outcome.selection,
        docs=request.docs,
        formats=request.formats,
        theme=theme,
        docx_template=template,
        letter_template=request.letter_template,
        today=request.today,
        out_dir=out_dir,
    )
