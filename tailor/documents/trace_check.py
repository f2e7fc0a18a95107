"""Check, on every build, that a document quotes the person and the posting and invents nothing.

Every segment traced to ``profile:<id>`` must be that item's own words, and every segment traced to
``posting:<requirement id>`` that line's words, up to the mechanical grammar its ``rule`` names
(a lowered first letter, "Leads" written "lead" after "I", link labels left out of a tool list).
A segment that fails is a bug in tailor, never the user's fault: the build stops with an internal
error rather than write a letter that says something the person did not.
"""

from __future__ import annotations

import re
from typing import Any

from tailor.documents.letter_facts import AND_RULE, THERE_RULE
from tailor.errors import InternalError
from tailor.models.documents import Document
from tailor.models.job import JobPosting
from tailor.models.profile import MasterProfile

__all__ = ["check_quotes", "quotes"]

_PRESENT = re.compile(r"first-person present: ([^\s;]+) -> ([^\s;]+)")


def _flat(text: str) -> str:
    return " ".join(text.split())


def quotes(text: str, source_text: str, rule: str | None) -> bool:
    """Whether ``text`` is words of ``source_text``, up to the change ``rule`` names."""
    text, source_text = _flat(text), _flat(source_text)
    if rule is None:
        return text in source_text
    present = _PRESENT.search(rule)
    if present and text.startswith(present.group(2)):
        text = present.group(1) + text[len(present.group(2)) :]
    text, source_text = text.lower(), source_text.lower()
    if THERE_RULE in rule:
        # "my role was mostly …" from "My role there was mostly …": "there" put back after 2-3 words
        words = text.split(" ")
        return any(" ".join([*words[:n], "there", *words[n:]]) in source_text for n in (2, 3))
    if AND_RULE in rule and text.startswith("and "):
        text = text[len("and ") :]  # "and ML serving systems." from "…, ML serving systems."
    if "link labels dropped" in rule:
        # "… outfits (python)" from "… outfits (python, blog post)": the words, and each tool kept
        head, _, tools = text.partition(" (")
        kept = [tool.strip() for tool in tools.rstrip(")").split(",") if tool.strip()]
        return head in source_text and all(tool in source_text for tool in kept)
    return text in source_text


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


def _profile_sources(profile: MasterProfile) -> dict[str, list[str]]:
    """Every string of every item with an id (text, lead, skills, organisation, ...), by source."""
    texts: dict[str, list[str]] = {}

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("id"), str):
                texts.setdefault(f"profile:{value['id']}", []).extend(_strings(value))
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(profile.model_dump(mode="json"))
    for name in ("opening", "closing"):
        text = getattr(profile.letter, name)
        if text:
            texts[f"profile:letter.{name}"] = [text]
    texts["profile:person.name"] = [profile.person.name]
    return texts


def _sources(profile: MasterProfile, posting: JobPosting) -> dict[str, str]:
    texts = _profile_sources(profile)
    for unit in posting.requirements:
        texts[f"posting:{unit.id}"] = [unit.text]
    for name in ("company", "role", "contact", "why"):
        value = getattr(posting, name)
        if value:
            texts[f"posting:{name}"] = [value]
    return {source: "\n".join(parts) for source, parts in texts.items()}


def check_quotes(document: Document, profile: MasterProfile, posting: JobPosting) -> None:
    """Raise :class:`InternalError` when a profile or posting segment is not that source's words."""
    sources = _sources(profile, posting)
    for segment in document.segments():
        kind = segment.source.partition(":")[0]
        if kind not in ("profile", "posting") or not segment.text.strip():
            continue
        known = sources.get(segment.source)
        if known is None:
            continue  # a source this check does not know (skills lines, sections): not a quote
        if not quotes(segment.text, known, segment.rule):
            msg = (
                f"the {document.kind} quotes {segment.source} as {segment.text[:60]!r}, "
                "which is not its text; please report this bug"
            )
            raise InternalError(msg)
