"""Inline clean-up of one line of Markdown-ish text.

Removes the markup noise that job boards leave behind (bold and italic
markers, stray ``****``, backticks, escapes, links, decorative emoji) while
keeping the words and the punctuation.
"""

from __future__ import annotations

import html
import re

from tailor.inputs.emoji import is_emoji

__all__ = ["clean_inline", "is_emoji_only", "strip_emoji_edges"]

_INVISIBLE = dict.fromkeys(
    [*range(0x09), *range(0x0B, 0x20), 0x7F, 0x200B, 0x200C, 0x2060, 0xFEFF, 0x00AD, 0xE000, 0xE001], None
)
_STAR, _UNDERSCORE = "\ue000", "\ue001"  # private-use placeholders for escaped \* and \_
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))+\)")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>\s]+)>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_STARS_RUN = re.compile(r"\s*\*{3,}\s*")
_BOLD_PUNCT = re.compile(r"\s*\*\*([.,;:!?]+)\*\*")
_BOLD_SPACE_PUNCT = re.compile(r"\*\*\s+([,.;:!?])(?=\s|$)")
_ITALIC_STAR = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_UNDERSCORE_OPEN = re.compile(r"(?<!\w)_+(?=\S)")
_UNDERSCORE_CLOSE = re.compile(r"(?<=\S)_+(?!\w)")
_UNDERSCORE_LONE = re.compile(r"(?<!\S)_+(?!\S)")
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=[\w)\]%])\s+([,.;:!?])(?=\s|$)")
_TAG = re.compile(
    r"</?(?:a|b|i|u|em|strong|span|div|p|br|li|ul|ol|h[1-6]|font|small|sup|sub|section|table|tr|td|th"
    r"|hr|img|code|pre|blockquote)\b[^<>]*/?>",
    re.IGNORECASE,
)
"""Stray HTML tags left in a Markdown posting (``<br>``, ``<b>``): markup, never words."""
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{1,6}|#x[0-9A-Fa-f]{1,5});")
_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200a\u202f\u205f\u3000]+")


def is_emoji_only(text: str) -> bool:
    """Tell whether ``text`` holds emoji (and spaces) but no words.

    Args:
        text: One line of text.

    Returns:
        True if every non-space character is an emoji and there is at least one.
    """
    chars = [c for c in text if not c.isspace()]
    return bool(chars) and all(is_emoji(c) for c in chars)


def strip_emoji_edges(text: str) -> str:
    """Remove decorative emoji (and the spaces next to them) at both ends.

    Args:
        text: One line of text.

    Returns:
        The text without leading or trailing emoji; emoji inside are kept.
    """
    start, end = 0, len(text)
    while start < end and (is_emoji(text[start]) or text[start].isspace()):
        start += 1
    while end > start and (is_emoji(text[end - 1]) or text[end - 1].isspace()):
        end -= 1
    return text[start:end]


def _drop_emphasis(text: str) -> str:
    text = _STARS_RUN.sub(" ", text)
    text = _BOLD_PUNCT.sub(r"\1", text)
    text = _BOLD_SPACE_PUNCT.sub(r"\1", text)
    text = text.replace("**", "")
    text = _ITALIC_STAR.sub(r"\1", text)
    text = _UNDERSCORE_LONE.sub("", text)
    text = _UNDERSCORE_OPEN.sub("", text)
    return _UNDERSCORE_CLOSE.sub("", text)


def clean_inline(text: str) -> str:
    """Turn one line of Markdown-ish text into plain text.

    Args:
        text: The line without its block marker (no ``#`` or bullet).

    Returns:
        Plain text: no emphasis markers, backticks, escapes, link syntax, emoji
        (decorative, and no CV font draws them),
        stray HTML tags or entities (``&nbsp;`` becomes a space),
        no decorative emoji at the ends, single spaces, stripped.
    """
    text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), _TAG.sub(" ", text))
    text = text.translate(_INVISIBLE)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = text.replace("\\*", _STAR).replace("\\_", _UNDERSCORE)
    text = _drop_emphasis(text.replace("`", ""))
    text = text.replace(_STAR, "*").replace(_UNDERSCORE, "_")
    text = _ESCAPE.sub(r"\1", text)
    text = _SPACES.sub(" ", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = "".join(char for char in strip_emoji_edges(text.strip()) if not is_emoji(char))
    return _SPACES.sub(" ", text).strip()
