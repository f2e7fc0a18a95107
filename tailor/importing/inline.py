"""Markdown inline markup: links, emphasis and escapes turned into plain text.

Readers hand the parser Markdown-flavoured lines (DOCX bold runs and hyperlinks
become ``**...**`` and ``[...](...)``); the parser keeps the words and the link
addresses, never the markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tailor.inputs.emoji import drop_emoji

__all__ = ["InlineLink", "Plain", "is_link_marker", "plain", "split_bold_lead"]

_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\(\s*<?([^)\s>]*)>?\s*\)")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)")
_ITALIC = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*]+?)(?<=[^\s*\\])\*(?![\w*])")
_CODE = re.compile(r"`([^`]+)`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<\"'])")
_MARKER = re.compile(r"\[?\s*(link|pdf|code|paper|slides|video|demo|website|url|here)\s*\]?", re.I)
_BOLD_LEAD = re.compile(r"^\s*(?:\*\*|__)(?=\S)(.+?)(?<=\S)(?:\*\*|__)\s*(.*)$", re.S)


@dataclass(frozen=True)
class InlineLink:
    """A link found in the text: its visible words and its address ("" or "#" when none)."""

    text: str
    url: str

    @property
    def has_address(self) -> bool:
        """True when the address can go into a profile (not empty, not a bare ``#`` anchor)."""
        return bool(self.url) and not self.url.startswith("#")


@dataclass(frozen=True)
class Plain:
    """Text without markup, and the links it contained."""

    text: str
    links: tuple[InlineLink, ...] = ()


def _unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


def plain(text: str) -> Plain:
    """Remove Markdown inline markup, keeping words and link addresses.

    Args:
        text: One line of Markdown-flavoured text.

    Returns:
        The plain text (whitespace collapsed) and the links, in order.
    """
    links: list[InlineLink] = []

    def keep_link(match: re.Match[str]) -> str:
        words = _strip_emphasis(_unescape(match.group(1)))
        links.append(InlineLink(words.strip(), match.group(2)))
        return words.replace("*", "\\*")

    text = _LINK.sub(keep_link, text)
    text = _CODE.sub(r"\1", text)
    text = _strip_emphasis(text)
    return Plain(" ".join(drop_emoji(_unescape(text)).split()), tuple(links))  # "📍Singapore": a pin


_UNDERSCORE_ITALIC = re.compile(r"(?<![\w\\])_(?=\S)([^_]+?)(?<=\S)_(?!\w)")


def _strip_emphasis(text: str) -> str:
    text = _BOLD.sub(lambda m: m.group(1) or m.group(2), text)
    text = _ITALIC.sub(r"\1", text)
    return _UNDERSCORE_ITALIC.sub(r"\1", text)  # "_**Title**_" is italic and bold


def split_bold_lead(text: str) -> tuple[str, str] | None:
    """``**Name:** rest`` -> ``("Name:", "rest")``; None when the line does not start in bold."""
    match = _BOLD_LEAD.match(text)
    if not match or not match.group(2).strip():
        return None
    return match.group(1).strip(), match.group(2).strip()


def is_link_marker(words: str) -> bool:
    """True for link texts that only say "there is a link" (``[Link]``, ``PDF``, ``here``)."""
    return bool(_MARKER.fullmatch(words.strip()))
