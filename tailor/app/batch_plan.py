"""What a batch is asked to do: its postings, its request, each outcome, the checks made before any work."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tailor.app.pipeline import BuildRequest
from tailor.app.posting_input import PostingInput
from tailor.errors import PostingError

if TYPE_CHECKING:
    from tailor.models.job import JobPosting


POSTING_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf")
MISSING_SHOWN = 3
"""How many missing requirements an application's summary names."""


def find_postings(folder: Path) -> list[Path]:
    """The posting files in ``folder`` (not its subfolders), sorted by name.

    Hidden files and notes named in capitals (``README.md``, ``SOURCES.md``) are skipped.

    Raises:
        PostingError: ``folder`` is not a folder, or holds no posting.
    """
    if not folder.is_dir():
        msg = f"{folder}: not a folder"
        raise PostingError(
            msg, hint="pass a folder of postings with --postings, or the posting files themselves"
        )
    found = sorted(
        path
        for path in folder.iterdir()
        if path.is_file()
        and path.suffix.lower() in POSTING_SUFFIXES
        and not path.name.startswith(".")
        and not path.stem.isupper()
    )
    if not found:
        msg = f"{folder}: no postings here ({', '.join(POSTING_SUFFIXES)} files)"
        raise PostingError(msg, hint="save each posting as its own file in the folder")
    return found


@dataclass(frozen=True)
class BatchRequest:
    """Everything ``tailor batch`` needs: the postings, and the build each of them gets."""

    postings: tuple[Path, ...]
    each: BuildRequest
    """The build every posting gets; its posting (and, later, its folder) are set per posting."""
    jobs: int = 0
    """Worker processes (0: one per CPU)."""

    @classmethod
    def of(
        cls, profile: Path, postings: Sequence[Path], today: dt.date, *, jobs: int = 0, **build: Any
    ) -> BatchRequest:
        """A batch of ``postings``, each built from ``profile`` with the BuildRequest fields in ``build``."""
        return cls(tuple(postings), BuildRequest(profile, PostingInput(""), today, **build), jobs)

    def build_request(self, posting: Path, parsed: JobPosting | None = None) -> BuildRequest:
        """The single build for one posting (its folder is set later), given the posting if read already."""
        return replace(self.each, posting=PostingInput(str(posting), parsed=parsed))


@dataclass(frozen=True)
class Application:
    """The outcome for one posting: its folder and summary, or the error that stopped it."""

    posting: Path
    folder: Path | None = None
    company: str | None = None
    role: str | None = None
    fit: float | None = None
    pages: int | None = None
    missing: tuple[str, ...] = ()
    """The heaviest requirements the profile has no evidence for."""
    files: tuple[Path, ...] = ()
    changed: int = 0
    notes: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    """Documents left out of the folder (the letter when the posting names no role)."""
    error: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the application was built."""
        return self.error is None


def check_inputs(request: BatchRequest) -> None:
    """Load the profile, theme and rules file once, so their errors stop the batch before it starts.

    Raises:
        ProfileError: The profile or rules file is invalid.
        TemplateError: The theme or Word template is missing or broken.
    """
    from tailor.inputs.loading import load_profile
    from tailor.inputs.rule_sources import load_rules_file
    from tailor.inputs.themes import load_theme

    each = request.each
    load_profile(each.profile)
    load_theme(each.theme)
    if each.rules.file is not None:
        load_rules_file(each.rules.file)
    if each.docx_template is not None and not each.docx_template.is_file():
        from tailor.errors import TemplateError

        msg = f"Word template not found: {each.docx_template}"
        raise TemplateError(msg, hint="pass an existing .docx file")
