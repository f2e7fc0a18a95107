"""The cover letter's fit: the fullest variant that says enough and stays on one page.

The letter is written in ever shorter variants (see :func:`tailor.documents.letter.letter_sizes`);
this picks one, the way the page fit picks a CV's items: by words first (a hiring manager reads
250-400 words to the end), then by the rendered page count, rendering as few variants as it can.
The caller gives the variants and the renderer, so the rule lives here and the layers stay apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from tailor.errors import RenderError
from tailor.models.documents import Document

__all__ = ["MAX_LETTER_PAGES", "MAX_LETTER_WORDS", "MIN_LETTER_WORDS", "fit_letter", "letter_words"]

MAX_LETTER_PAGES = 1
MAX_LETTER_WORDS = 400
MIN_LETTER_WORDS = 250
"""A letter a hiring manager reads to the end: 250-400 words, the fullest size that stays under."""

Render = Callable[[Document], tuple[bytes, int]]
"""A letter to its PDF and page count."""


def letter_words(document: Document) -> int:
    """The words of a letter, date, address and signature included."""
    return sum(len(block.text.split()) for block in document.blocks)


def fit_letter(variants: Iterable[Document], render: Render) -> tuple[Document, bytes]:
    """The first variant (in order of preference) of 250-400 words that renders on one page, else
    the longest shorter one that does; with its PDF, rendered once.

    Raises:
        RenderError: Even the shortest variant takes more than one page.
    """
    pages = 0
    short: list[tuple[int, int, Document]] = []
    for number, letter in enumerate(variants):
        words = letter_words(letter)
        if words > MAX_LETTER_WORDS:
            continue
        if words < MIN_LETTER_WORDS:
            short.append((-words, number, letter))  # kept in case no variant says enough
            continue
        pdf, pages = render(letter)
        if pages <= MAX_LETTER_PAGES:
            return letter, pdf
    # The profile has less to say: the longest letter that fits (rendered only until one fits).
    for _, _, letter in sorted(short, key=lambda entry: entry[:2]):
        pdf, pages = render(letter)
        if pages <= MAX_LETTER_PAGES:
            return letter, pdf
    msg = f"the cover letter takes {pages} pages even in its shortest form; a letter has one page at most"
    hint = "shorten the answer tagged motivation or mission, or the letter template's fixed text"
    raise RenderError(msg, hint=hint)
