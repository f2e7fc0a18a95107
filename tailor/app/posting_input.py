"""The posting as the person gives it (a file, standard input, options, a why file), read."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tailor.errors import PostingError
from tailor.models.job import JobPosting

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


def read_posting_input(posting: PostingInput) -> JobPosting:
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
