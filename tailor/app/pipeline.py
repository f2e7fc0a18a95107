"""Public use cases. Each CLI command calls exactly one function here.

The pipeline owns file-system access: it reads inputs (through loading and
posting), runs matching and rendering, and chooses output paths.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tailor.app.tailoring import RuleOptions
from tailor.errors import PostingError, TailorError
from tailor.inputs.loading import load_profile
from tailor.inputs.themes import ThemeInfo, copy_theme, list_themes, load_theme, theme_files
from tailor.layout import FitResult
from tailor.matching import Selection
from tailor.models.job import JobPosting
from tailor.models.profile import MasterProfile
from tailor.models.rules import Rules
from tailor.models.theme import Theme
from tailor.report.match_json import match_report
from tailor.report.match_md import match_markdown
from tailor.writing.files import application_folder, write_all, write_folder

__all__ = [
    "EXPORT_FORMATS",
    "FORMATS",
    "BuildRequest",
    "BuildResult",
    "ImportOutcome",
    "ImportRequest",
    "MatchOutcome",
    "PreviewRequest",
    "build",
    "check_profile",
    "copy_template",
    "export_profile",
    "import_profile",
    "list_templates",
    "match",
    "posting_warnings",
    "preview",
    "profile_schema",
    "watch",
]

FORMATS = ("pdf", "docx")


def check_profile(path: Path) -> MasterProfile:
    """Load and validate a profile; raises ProfileError listing every problem."""
    return load_profile(path)


def profile_schema() -> str:
    """The master profile's JSON Schema, as stable, pretty-printed JSON."""
    schema = MasterProfile.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "tailor master profile"
    _allow_plain_bullets(schema)
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _allow_plain_bullets(node: Any) -> None:
    """Bullets may be written as plain strings; say so in the schema for editors."""
    ref = {"$ref": "#/$defs/Bullet"}
    if isinstance(node, dict):
        for key, value in node.items():
            if value == ref:
                node[key] = {"anyOf": [{"type": "string", "description": "The bullet text."}, ref]}
            else:
                _allow_plain_bullets(value)
    elif isinstance(node, list):
        for item in node:
            _allow_plain_bullets(item)


MAX_WHY_BYTES = 20_000
MAX_IMPORT_BYTES = 20_000_000
"""A CV to import: a PDF or Word file of a few pages is well under 1 MB; scans with images are more."""


def read_stdin() -> tuple[str, str | None]:
    """The posting piped in, decoded like a file (UTF-8, else Windows-1252), and a note when not UTF-8.

    Raises:
        PostingError: More than the limit (``/dev/zero`` piped in ends here, not in memory).
    """
    import sys

    from tailor.inputs.bounded import InputRefused, read_stream_limited
    from tailor.posting.sources import MAX_TEXT_BYTES, STDIN_NAME, decode

    try:
        data = read_stream_limited(sys.stdin.buffer, MAX_TEXT_BYTES, "job posting")
    except InputRefused as err:
        msg = f"standard input {err.message}"
        raise PostingError(msg, hint=err.hint) from err
    return decode(data.removeprefix(b"\xef\xbb\xbf"), STDIN_NAME)


def read_why(path: Path) -> str:
    """The text of a ``--why`` file: why this company, in the person's own words.

    Raises:
        PostingError: The file cannot be read, is not UTF-8 text, is empty or too long for a letter.
    """
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_WHY_BYTES + 1)
        text = data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        msg = f"{path}: cannot read the --why file ({err})"
        raise PostingError(
            msg, hint="give a UTF-8 text file with a paragraph or two in your own words"
        ) from err
    if len(data) > MAX_WHY_BYTES:
        msg = f"{path}: the --why file is over {MAX_WHY_BYTES // 1000} KB; a letter paragraph is a few lines"
        raise PostingError(msg, hint="keep one or two short paragraphs")
    if not text.strip():
        msg = f"{path}: the --why file is empty"
        raise PostingError(msg, hint="write why you want to work there, or leave out --why")
    return text.strip()


@dataclass(frozen=True)
class PostingInput:
    """Where the posting comes from, and values that override what is in it."""

    source: str
    stdin_text: str | None = None
    company: str | None = None
    role: str | None = None
    why: str | None = None
    """Why this company, in the person's words (``--why FILE``); overrides the front matter."""
    focus: str | None = None
    """What the role is about (``--focus``); overrides the front matter and the core read from it."""
    name: str | None = None
    """How reports name the posting (default: ``source``); bundles use the original file name."""
    parsed: JobPosting | None = None
    """The posting already read from ``source`` with these overrides (a batch reads each one once)."""


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


def _read_posting(posting: PostingInput) -> JobPosting:
    from tailor.posting import read_posting

    if posting.source == "-" and posting.stdin_text is None:
        msg = "the posting is '-' but nothing was read from standard input"
        raise PostingError(msg, hint="pipe the posting in, e.g. `tailor build me.yaml - < job.txt`")
    job = posting.parsed
    if job is None:
        text, company, role = posting.stdin_text, posting.company, posting.role
        job = read_posting(posting.source, text=text, company=company, role=role)
    if posting.why:
        job = job.model_copy(update={"why": posting.why})
    if posting.focus:
        job = job.model_copy(update={"focus": posting.focus})
    return job if posting.name is None else job.model_copy(update={"source": posting.name})


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
    job = _read_posting(posting)
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
            report = json.dumps(full, indent=2, ensure_ascii=False) + "\n"
            files[out_dir / "match.json"] = report.encode("utf-8")
            files[out_dir / "match.md"] = match_markdown(outcome.report).encode("utf-8")
    changed = write_folder(out_dir, files, force=request.force)
    from tailor.app.profile_warnings import thin_profile_warnings

    thin = thin_profile_warnings(outcome.profile, str(request.profile)) + _focus_notes(outcome)
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


@dataclass(frozen=True)
class ImportRequest:
    """Everything ``tailor import`` needs."""

    source: Path
    out: Path
    force: bool = False


@dataclass(frozen=True)
class ImportOutcome:
    """Where the profile was written and what needs the user's attention."""

    out: Path
    format: str
    checks: int
    unplaced: int
    counts: dict[str, int]
    unplaced_share: float = 0.0
    warnings: tuple[str, ...] = ()
    """What makes the imported profile thin (no roles, no dates, mostly unplaced)."""


def import_profile(request: ImportRequest) -> ImportOutcome:
    """Turn a CV (md, txt, docx, pdf or JSON Resume) into a profile YAML, written atomically.

    Raises:
        ImportSourceError: The CV cannot be read.
        OutputError: The output exists and ``force`` is off, or cannot be written.
    """
    from tailor.errors import ImportSourceError, InternalError, OutputError, ProfileError
    from tailor.importing import import_cv
    from tailor.inputs.loading import load_profile_text

    if request.out.exists() and not request.force:
        msg = f"{request.out} already exists"
        raise OutputError(msg, hint="pass --force to replace it, or choose another -o path")
    from tailor.inputs.bounded import InputRefused, read_limited

    try:
        data = read_limited(request.source, MAX_IMPORT_BYTES, "CV")
    except InputRefused as err:
        msg = f"{request.source}: {err.message}"
        raise ImportSourceError(msg, hint=err.hint) from err
    except OSError as err:
        msg = f"{request.source}: cannot be read ({err.strerror})"
        raise ImportSourceError(msg, hint="check the path") from err
    name_hint = request.out.stem.replace("-", " ").replace("_", " ").title()
    result = import_cv(data, str(request.source), name_hint)
    from tailor.app.profile_warnings import thin_profile_warnings

    try:
        profile = load_profile_text(result.yaml, str(request.out))
    except ProfileError as err:  # the importer validates every item, so this is a bug
        msg = f"tailor import produced an invalid profile:\n{err}"
        raise InternalError(msg) from err
    write_all({request.out: result.yaml.encode("utf-8")}, force=True)
    warnings = tuple(thin_profile_warnings(profile, str(request.out)))
    return ImportOutcome(
        request.out,
        result.format,
        result.checks,
        result.unplaced,
        result.counts,
        result.unplaced_share,
        warnings,
    )


EXPORT_FORMATS = ("json-resume", "text")


def export_profile(profile_path: Path, fmt: str, out: Path | None = None, *, force: bool = False) -> str:
    """A profile as JSON Resume or plain text; written atomically to ``out`` when given.

    Raises:
        ProfileError: The profile is invalid.
        OutputError: ``out`` exists with different content and ``force`` is off.
    """
    from tailor.exporting import to_json_resume, to_text

    profile = load_profile(profile_path)
    text = to_json_resume(profile) if fmt == "json-resume" else to_text(profile)
    if out is not None:
        write_all({out: text.encode("utf-8")}, force=force)
    return text


# --- themes, previews and watching -----------------------------------------------------


def list_templates() -> list[ThemeInfo]:
    """The built-in themes with their one-line descriptions."""
    return list_themes()


def copy_template(name: str, folder: Path, *, force: bool = False) -> list[Path]:
    """Copy a built-in theme (YAML and Word template) into ``folder`` as a starting point."""
    return copy_theme(name, folder, force=force)


def build_word_template(folder: Path) -> Path:
    """Write a theme folder's Word template from its ``theme.yaml``.

    Raises:
        ThemeError: The folder holds no valid theme.
    """
    from tailor.render.word_template import write_template

    return write_template(load_theme(folder))


@dataclass(frozen=True)
class PreviewRequest:
    """Everything ``tailor preview`` needs."""

    profile: Path
    posting: PostingInput
    today: dt.date
    theme: str | Path = "classic"
    out: Path = Path("out") / "preview"
    dpi: int = 80
    rules: RuleOptions = field(default_factory=RuleOptions)


def preview(request: PreviewRequest) -> list[Path]:
    """Render the tailored CV's PDF pages as PNG files (``<theme>-<n>.png``) with pdftoppm.

    Raises:
        RenderError: pdftoppm (poppler-utils) is not installed or fails.
    """
    import shutil
    import subprocess
    import tempfile

    from tailor.errors import RenderError
    from tailor.render.pdf import render_pdf

    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        msg = "making PNG previews needs pdftoppm from poppler-utils, which is not installed"
        hint = (
            "install it: `sudo apt-get install poppler-utils` (Debian/Ubuntu), `brew install poppler` (macOS)"
        )
        raise RenderError(msg, hint=hint)
    outcome = match(
        request.profile, request.posting, today=request.today, theme=request.theme, rules=request.rules
    )
    theme = outcome.theme
    pdf = render_pdf(outcome.selection.cv, theme, squeeze=outcome.squeeze)
    request.out.mkdir(parents=True, exist_ok=True)
    prefix = request.out / theme.name
    for old in request.out.glob(f"{theme.name}-*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "cv.pdf"
        source.write_bytes(pdf)
        done = subprocess.run(
            [pdftoppm, "-png", "-r", str(request.dpi), str(source), str(prefix)],
            capture_output=True,
            text=True,
        )
    if done.returncode != 0:
        msg = f"pdftoppm failed: {done.stderr.strip()}"
        raise RenderError(msg)
    return sorted(request.out.glob(f"{theme.name}-*.png"))


def watched_files(request: BuildRequest) -> list[Path]:
    """The inputs of a build: profile, posting file, theme files and Word template."""
    files = [request.profile]
    if request.posting.source != "-":
        files.append(Path(request.posting.source))
    files.extend(theme_files(request.theme))
    if request.docx_template is not None:
        files.append(request.docx_template)
    return files


def _stamps(files: list[Path]) -> dict[Path, tuple[int, int]]:
    stamps = {}
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            stamps[path] = (-1, -1)
        else:
            stamps[path] = (stat.st_mtime_ns, stat.st_size)
    return stamps


def watch(
    request: BuildRequest,
    report: Callable[[BuildResult | TailorError], None],
    *,
    interval: float = 0.5,
    should_stop: Callable[[], bool] = lambda: False,
) -> None:
    """Build, then rebuild whenever an input changes (polling modification times).

    Each outcome, a result or a user error, goes to ``report``; errors do not stop
    the loop. After a successful build, rebuilds replace the files it wrote.
    """
    import time

    if request.posting.source == "-":
        msg = "--watch needs a posting file, not standard input"
        raise PostingError(msg, hint="save the posting to a file and pass its path")
    stamps: dict[Path, tuple[int, int]] = {}
    while not should_stop():
        current = _stamps(watched_files(request))
        if current != stamps:
            stamps = current
            try:
                report(build(request))
                request = replace(request, force=True)
            except TailorError as err:
                report(err)
        time.sleep(interval)
