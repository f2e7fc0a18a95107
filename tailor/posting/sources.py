"""Load a posting from a file (or from text read off standard input).

The format is decided by the content, never by the suffix alone: a PDF by its
magic bytes (``%PDF-``), HTML by its tags (a Greenhouse description saved as
``posting.txt`` is HTML), anything else is Markdown or plain text. A ``.pdf``
file is always read as PDF, so that a broken one gets a PDF error. PDF text is
extracted with pypdf, imported only when a PDF is actually read.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tailor.errors import PostingError

__all__ = ["Format", "Loaded", "load_source", "sniff_format"]

Format = Literal["markdown", "html", "pdf"]

STDIN = "-"
STDIN_NAME = "standard input"
_MARKUP = re.compile(r"<(?:!doctype html|html|body|div|p|ul|ol|li|h[1-6]|br|span|section|table)\b", re.I)
_MIN_TAGS = 3
_TAGS_PER_LINE = 0.2
"""Markdown may hold a few stray tags (``<br>``); HTML has many tags for its lines."""
_TEXT_CONTROLS = {9, 10, 12, 13}  # tab, newline, form feed, carriage return
MAX_TEXT_BYTES = 2_000_000
"""Postings are a few pages; anything this large is not one (and would take long to read)."""
MAX_PDF_BYTES = 20_000_000


@dataclass(frozen=True)
class Loaded:
    """The text of a posting, how to name it, and its format."""

    label: str
    text: str
    format: Format | None
    """None when the content must be sniffed (after any front matter is removed)."""
    note: str | None = None
    """Something the reader should know, e.g. that the text was not UTF-8."""


def sniff_format(text: str) -> Format:
    """Guess whether text is HTML or Markdown/plain text.

    Args:
        text: The content.

    Returns:
        "html" if it starts with a block tag, or holds at least three block tags
        and one for every five non-blank lines; else "markdown".
    """
    head = text.lstrip()
    if (head.startswith("<") and _MARKUP.match(head)) or head[:15].lower().startswith("<!doctype"):
        return "html"
    tags = len(_MARKUP.findall(text))
    lines = sum(1 for line in text.split("\n") if line.strip())
    return "html" if tags >= max(_MIN_TAGS, _TAGS_PER_LINE * lines) else "markdown"


def _check_binary(data: bytes, label: str) -> None:
    """Refuse content that is not text at all (NUL bytes, or many control characters)."""
    head = data[:65536]
    controls = sum(1 for byte in head if byte < 32 and byte not in _TEXT_CONTROLS)
    if b"\x00" in head or controls > len(head) // 100:
        msg = f"{label}: this is a binary file, not the text of a posting"
        raise PostingError(msg, hint="save the posting as text (.txt), HTML (.html) or PDF (.pdf)")


def decode(data: bytes, label: str) -> tuple[str, str | None]:
    """The text, and a note when it was not UTF-8 (read as Windows-1252, else Latin-1)."""
    _check_binary(data, label)
    try:
        text, note = data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        where = f"byte {exc.start} is not UTF-8"
        try:
            text = data.decode("cp1252")
            note = f"{label}: {where}; read it as Windows-1252 (cp1252) text"
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            note = f"{label}: {where}; read it as Latin-1 (ISO 8859-1) text"
        note += " (save it as UTF-8 to be sure)"
    return text.replace("\r\n", "\n").replace("\r", "\n"), note


def _check_size(size: int, limit: int, label: str) -> None:
    if size > limit:
        msg = f"{label}: {size / 1e6:.1f} MB is too large for a job posting (at most {limit / 1e6:.0f} MB)"
        raise PostingError(msg, hint="save only the posting's own text, e.g. copy it into a .txt file")


def _read_bytes(path: Path) -> bytes:
    from tailor.inputs.bounded import InputRefused, read_limited

    try:
        return read_limited(path, MAX_PDF_BYTES, "job posting")
    except InputRefused as exc:
        if exc.size is not None:  # a regular file: say how large against the limit for its kind
            limit = MAX_PDF_BYTES if path.suffix.lower() == ".pdf" else MAX_TEXT_BYTES
            _check_size(exc.size, limit, str(path))
        msg = f"{path}: {exc.message}"
        raise PostingError(msg, hint=exc.hint) from exc
    except FileNotFoundError as exc:
        msg = f"{path}: no such file"
        raise PostingError(
            msg,
            hint="check the path, or pass '-' to read the posting from standard input",
        ) from exc
    except IsADirectoryError as exc:
        msg = f"{path}: is a directory"
        raise PostingError(msg, hint="pass the posting file itself") from exc
    except OSError as exc:
        msg = f"{path}: cannot be read ({exc.strerror})"
        raise PostingError(msg, hint="check the file's permissions") from exc


def _pdf_text(data: bytes, label: str) -> str:
    from pypdf import PdfReader  # imported here: only PDF postings need it

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # pypdf raises many exception types on malformed files
        msg = f"{label}: the PDF cannot be read ({exc})"
        raise PostingError(
            msg,
            hint="save the posting as text (.txt) or HTML and pass that instead",
        ) from exc
    text = "\n".join(pages).strip()
    if not text:
        msg = f"{label}: the PDF holds no extractable text (is it a scan?)"
        raise PostingError(
            msg,
            hint="copy the posting's text into a .txt file and pass that instead",
        )
    return text


def load_source(source: str | Path, text: str | None) -> Loaded:
    """Read the posting's content and decide its format.

    Args:
        source: A file path, or "-" when ``text`` holds what was read from
            standard input.
        text: The standard input content; only used with "-".

    Returns:
        The decoded text (PDFs already extracted), a label for messages, and
        "pdf" for a PDF (None otherwise: the caller sniffs the text, after any
        front matter is removed).

    Raises:
        PostingError: If the file is missing, unreadable, not UTF-8, or an
            unreadable PDF, or if "-" is given without text.
    """
    if str(source) == STDIN:
        if text is None:
            msg = "no posting text was given for standard input ('-')"
            raise PostingError(
                msg,
                hint="pipe the posting into tailor, or pass a file path instead of '-'",
            )
        _check_size(len(text.encode("utf-8")), MAX_TEXT_BYTES, STDIN_NAME)
        clean = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
        return Loaded(STDIN_NAME, clean, None)
    path = Path(source)
    data = _read_bytes(path)
    if data.startswith(b"%PDF-") or path.suffix.lower() == ".pdf":
        _check_size(len(data), MAX_PDF_BYTES, str(path))
        text = _pdf_text(data, str(path))
        _check_size(len(text.encode("utf-8")), MAX_TEXT_BYTES, str(path))
        return Loaded(str(path), text, "pdf")
    _check_size(len(data), MAX_TEXT_BYTES, str(path))
    text, note = decode(data, str(path))
    return Loaded(str(path), text, None, note)
