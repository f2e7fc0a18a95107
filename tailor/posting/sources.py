"""Load a posting from a file (or from text read off standard input).

Decides the format from the suffix (``.txt``, ``.md``, ``.html``, ``.htm``,
``.pdf``); other or no suffix: sniff the content. PDF text is extracted with
pypdf, imported only when a PDF is actually read.
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
_SUFFIXES: dict[str, Format] = {
    ".txt": "markdown",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}
_MARKUP = re.compile(r"<(?:!doctype html|html|body|div|p|ul|ol|li|h[1-6]|br|span|section|table)\b", re.I)
_MIN_TAGS = 3


@dataclass(frozen=True)
class Loaded:
    """The text of a posting, how to name it, and its format."""

    label: str
    text: str
    format: Format | None
    """None when the content must be sniffed (after any front matter is removed)."""


def sniff_format(text: str) -> Format:
    """Guess whether text is HTML or Markdown/plain text.

    Args:
        text: The content.

    Returns:
        "html" if it starts with a tag or holds several HTML tags, else "markdown".
    """
    head = text.lstrip()
    if (head.startswith("<") and _MARKUP.match(head)) or head[:15].lower().startswith("<!doctype"):
        return "html"
    return "html" if len(_MARKUP.findall(text)) >= _MIN_TAGS else "markdown"


def _decode(data: bytes, label: str) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = f"{label}: not UTF-8 text (byte {exc.start} cannot be decoded)"
        raise PostingError(
            msg,
            hint="save the posting as UTF-8, or as .html/.pdf if that is what it is",
        ) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
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
        the format the suffix implies (None: sniff the content).

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
        clean = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
        return Loaded(STDIN_NAME, clean, None)
    path = Path(source)
    data = _read_bytes(path)
    fmt = _SUFFIXES.get(path.suffix.lower())
    if fmt == "pdf" or (fmt is None and data.startswith(b"%PDF-")):
        return Loaded(str(path), _pdf_text(data, str(path)), "pdf")
    return Loaded(str(path), _decode(data, str(path)), fmt)
