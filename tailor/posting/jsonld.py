"""Read the schema.org ``JobPosting`` object embedded as JSON-LD in a page.

Career sites often embed ``<script type="application/ld+json">`` with the
title, the hiring organisation, the location and the description (as HTML).
Broken or unrelated JSON-LD is ignored: it is the page's problem, not the
user's.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["JobFacts", "find_job_posting"]


@dataclass(frozen=True)
class JobFacts:
    """What a JSON-LD ``JobPosting`` says."""

    title: str | None = None
    company: str | None = None
    location: str | None = None
    url: str | None = None
    description: str | None = None


def _objects(node: object) -> Iterator[dict[str, object]]:
    """Every JSON object in ``node``, depth first (``@graph`` included)."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _objects(value)
    elif isinstance(node, list):
        for item in node:
            yield from _objects(item)


def _is_job_posting(obj: dict[str, object]) -> bool:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return "JobPosting" in kinds


def _text(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(html.unescape(value).split())
    if isinstance(value, dict):
        return _text(value.get("name"))
    return None


def _place(place: object) -> str | None:
    if isinstance(place, str):
        return _text(place)
    if not isinstance(place, dict):
        return None
    address = place.get("address", place)
    if not isinstance(address, dict):
        return _text(address)
    parts = [_text(address.get(key)) for key in ("addressLocality", "addressRegion", "addressCountry")]
    found = [part for part in parts if part]
    return ", ".join(dict.fromkeys(found)) or _text(place.get("name"))


def _location(obj: dict[str, object]) -> str | None:
    places = obj.get("jobLocation")
    items = places if isinstance(places, list) else [places]
    found = [place for place in map(_place, items) if place]
    remote = str(obj.get("jobLocationType", "")).upper() == "TELECOMMUTE"
    if remote:
        found.insert(0, "Remote")
    return "; ".join(dict.fromkeys(found)) or None


def _description(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return html.unescape(value) if "&lt;" in value else value


def find_job_posting(blocks: tuple[str, ...]) -> JobFacts | None:
    """Find the first ``JobPosting`` in a page's JSON-LD blocks.

    Args:
        blocks: The bodies of the page's ``application/ld+json`` scripts.

    Returns:
        The facts of the first ``JobPosting`` found, or None.
    """
    for block in blocks:
        try:
            data = json.loads(block)
        except ValueError:
            continue
        for obj in _objects(data):
            if _is_job_posting(obj):
                return JobFacts(
                    title=_text(obj.get("title")),
                    company=_text(obj.get("hiringOrganization")),
                    location=_location(obj),
                    url=_text(obj.get("url")),
                    description=_description(obj.get("description")),
                )
    return None
