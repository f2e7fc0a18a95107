"""Split the title block off the top of a Markdown posting.

A leading ``# Title`` line is the posting's title. Postings copied from the
RemoteWLB aggregator follow it with ``### Company`` (sometimes ``### None``)
and a ``#### `💰 pay` `🌎 location``` line; these three lines are metadata,
not part of the posting body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tailor.posting.inline import clean_inline

__all__ = ["Header", "split_header"]

_TITLE = re.compile(r"^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_COMPANY = re.compile(r"^ {0,3}###[ \t]+(.*?)[ \t]*$")
_META = re.compile(r"^ {0,3}####(?:[ \t]+(.*?))?[ \t]*$")
_CODE_SPAN = re.compile(r"`([^`]*)`")
_GLOBE = "\U0001f30e"
_NO_VALUE = {"", "none", "null", "n/a", "-"}


@dataclass(frozen=True)
class Header:
    """What the title block says, and the text that follows it."""

    body: str
    title: str | None = None
    company: str | None = None
    location: str | None = None


def _value(text: str) -> str | None:
    cleaned = clean_inline(text)
    return None if cleaned.casefold() in _NO_VALUE else cleaned


def _tidy_location(location: str) -> str:
    """``remote,London, England`` -> ``Remote, London, England``."""
    head, sep, rest = location.partition(",")
    if not sep or head.strip().casefold() != "remote":
        return location
    rest = rest.strip()
    if rest.casefold().startswith("remote"):
        return rest
    return f"Remote, {rest}" if rest else "Remote"


def _location(meta: str) -> str | None:
    for span in _CODE_SPAN.findall(meta):
        if span.strip().startswith(_GLOBE):
            found = _value(span.strip()[len(_GLOBE) :])
            return _tidy_location(found) if found else None
    return None


def split_header(text: str) -> Header:
    """Take the title (and aggregator company/location lines) off the top.

    Args:
        text: The posting as Markdown-ish text.

    Returns:
        The header values found and the remaining body text.
    """
    lines = text.split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    title = _TITLE.match(lines[start]) if start < len(lines) else None
    if title is None:
        return Header(body=text)
    rest = lines[start + 1 :]
    company = _COMPANY.match(rest[0]) if rest else None
    meta = _META.match(rest[1]) if len(rest) > 1 else None
    if company is None or meta is None:
        return Header(body="\n".join(rest), title=_value(title.group(1)))
    return Header(
        body="\n".join(rest[2:]),
        title=_value(title.group(1)),
        company=_value(company.group(1)),
        location=_location(meta.group(1) or ""),
    )
