"""Bullets and paragraphs -> bullet texts, lead-ins ("Object detection lead.") and link notes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tailor.importing.inline import is_link_marker, plain, split_bold_lead
from tailor.importing.units import Unit

__all__ = ["BulletText", "bullet_text", "clean_text", "split_lead"]

_LEAD = re.compile(r"^(?P<lead>[^.!?]{1,60}?(?:[.!?][”\"’]?|[”\"’][.!?]))\s+(?P<rest>[A-Z“\"‘(].*)$", re.S)
_MAX_LEAD_WORDS = 5


@dataclass
class BulletText:
    """A bullet's words (and bold lead-in), plus notes about links it carried."""

    text: str
    lead: str | None = None
    notes: list[str] = field(default_factory=list)
    urls: list[tuple[str, str]] = field(default_factory=list)
    """(link words, address) for links with a real address."""


def clean_text(text: str) -> tuple[str, list[str], list[tuple[str, str]]]:
    """Plain text of a Markdown line, without link markers such as ``[Link]``.

    Returns:
        The text, notes about links that were dropped or have no address, and the real links.
    """
    result = plain(text)
    notes, urls = [], []
    words = result.text
    for link in result.links:
        if is_link_marker(link.text):
            words = _remove_marker(words, link.text)
            target = link.url if link.has_address else "no address"
            notes.append(f"removed the link marker '{link.text}' ({target})")
        elif link.has_address:
            urls.append((link.text, link.url))
        else:
            notes.append(f"'{link.text}' was a link without an address ({link.url or 'empty'})")
    return words, notes, urls


def _remove_marker(text: str, marker: str) -> str:
    text = text.replace(marker, " ")
    text = re.sub(r"\s+([.,;:)])", r"\1", text)
    return " ".join(text.split())


def split_lead(text: str) -> tuple[str | None, str]:
    """``"Mentorship. I have mentored ..."`` -> ``("Mentorship.", "I have mentored ...")``."""
    match = _LEAD.match(text)
    if not match:
        return None, text
    lead = match.group("lead")
    words = lead.split()
    last_word = re.sub(r"[^\w+#]", "", words[-1])
    first_word = words[0].lower().strip('“"‘(')
    # Leads name a topic ("Object detection lead."); a first word like "Led" or "Quickly" starts a sentence.
    verb_like = first_word.endswith(("ed", "ly")) and len(first_word) > 3
    if len(words) > _MAX_LEAD_WORDS or len(last_word) < 3 or lead[0].islower() or verb_like:
        return None, text
    return lead, match.group("rest")


def bullet_text(unit: Unit) -> BulletText:
    """The bullet a unit holds: a bold first phrase becomes the lead-in. A short plain first sentence
    stays in the text ("Flash memory reliability test framework. Cut ..." was not bold in its CV)."""
    bold = split_bold_lead(unit.text)
    if bold:
        lead_words, lead_notes, _ = clean_text(bold[0])
        text, notes, urls = clean_text(bold[1])
        return BulletText(text, lead_words, lead_notes + notes, urls)
    text, notes, urls = clean_text(unit.text)
    return BulletText(text, None, notes, urls)
