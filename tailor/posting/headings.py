"""Recognise heading lines that are not Markdown ``#`` headings.

Job boards mark headings in many ways: a line that is bold and nothing else,
a short line ending with a colon, an ALL-CAPS line, or a short title right
before a bulleted list. :func:`heading_text` tells them from ordinary
sentences.
"""

from __future__ import annotations

import re

from tailor.posting.inline import clean_inline

__all__ = ["heading_text"]

_MAX_SHORT = 60
_MAX_COLON = 100
_MAX_WORDS = 8
_SENTENCE_BREAK = re.compile(r"[.!?]\s")


def _bold_only(line: str) -> str | None:
    """Return the inner text if the whole line is one bold run, else None."""
    stripped = line.strip().strip("_").strip()
    if len(stripped) <= 4 or not (stripped.startswith("**") and stripped.endswith("**")):
        return None
    inner = stripped.strip("*").strip()
    return None if "**" in inner else inner


def _starts_lowercase(text: str) -> bool:
    return text[:1].islower()


def _bold_heading(inner: str) -> str | None:
    text = clean_inline(inner)
    if not text or _starts_lowercase(text):
        return None
    if len(text) <= _MAX_SHORT or (text.endswith(":") and len(text) <= _MAX_COLON):
        return text
    return None


def _is_short(text: str, max_words: int = _MAX_WORDS, max_len: int = _MAX_SHORT) -> bool:
    return len(text) <= max_len and len(text.split()) <= max_words


def _plain_heading(text: str, followed_by_list: bool) -> bool:
    if not text or not text[0].isalpha() or _starts_lowercase(text):
        return False
    if text.endswith(":"):
        return _is_short(text) and not _SENTENCE_BREAK.search(text)
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 3 and not any(c.islower() for c in letters):
        return _is_short(text)
    if followed_by_list and text[-1] not in ".!?,;)":
        return _is_short(text, max_words=4, max_len=40)
    return False


def heading_text(line: str, *, followed_by_list: bool) -> str | None:
    """Decide whether a paragraph line is really a heading.

    Args:
        line: The raw line (not a ``#`` heading and not a bullet).
        followed_by_list: Whether the next non-blank line is a bullet.

    Returns:
        The cleaned heading text, or None if the line is ordinary text.
    """
    inner = _bold_only(line)
    if inner is not None:
        return _bold_heading(inner)
    text = clean_inline(line)
    return text if _plain_heading(text, followed_by_list) else None
