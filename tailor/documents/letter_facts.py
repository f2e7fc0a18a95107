"""The letter's opening facts in the user's words: current role, degree, where an item happened."""

from __future__ import annotations

import re
from typing import Any

from tailor.documents.items import ProfileItem
from tailor.documents.template_text import Traced, TracedRun
from tailor.models.profile import MasterProfile

MAX_LEAD_SKILLS = 3
YEARS = re.compile(r"\b\d+\s*(?:\+|-\s*\d+\+?)?\s*(?:years?|yrs)\b", re.IGNORECASE)
_LEGAL_SUFFIX = re.compile(r",?\s+(?:Inc|Ltd|LLC|GmbH|Corp|Co|S\.A|SAS|AG|plc)\.?$", re.IGNORECASE)


_JOB_TITLE = re.compile(
    r"\b(?:engineer|scientist|developer|researcher|manager|analyst|intern|lead|architect|consultant|"
    r"programmer|assistant|designer|director|head|specialist|officer|fellow|student|professor|"
    r"lecturer|postdoc|founder|owner|tutor|teacher)s?\b",
    re.IGNORECASE,
)
"""A role title that reads after "I am currently a …" ("ML model development" does not)."""
_VOWEL_SOUND = re.compile(r"^(?:[AEIOU]|[FHLMNRSX](?:\.|[A-Z]|$)|(?:MSc|MEng|MPhil|MA|MS|MBA)\b)")


def _an(text: str) -> bool:
    """Whether "an" goes before ``text`` ("an M.S.", "an Engineer", "a PhD", "a Software Engineer")."""
    return bool(_VOWEL_SOUND.match(text.strip()))


def who_facts(profile: MasterProfile) -> dict[str, Any] | None:
    """The person's latest job for the opening: "I am currently a Software Engineer at Pinterest"."""
    from tailor.matching.candidates import newest_first

    roles = newest_first(profile.experience)
    if not roles:
        return None
    role = roles[0]
    if not (role.start or role.end) or not role.organisation:
        return None  # undated roles: which one is the latest is unknown, so "Most recently" is not said
    organisation = _LEGAL_SUFFIX.sub("", role.organisation)
    rule = "legal suffix dropped" if organisation != role.organisation else None
    title = Traced(role.title, f"profile:{role.key}") if _JOB_TITLE.search(role.title) else None
    return {
        "title": title,
        "an": _an(role.title),
        "where": Traced(organisation, f"profile:{role.key}", rule),
        "present": (role.end or "").lower() == "present",
    }


def degree_facts(profile: MasterProfile) -> dict[str, Any] | None:
    """The highest degree, for the opening: "I hold an M.S. in Computer Science from the University of …"."""
    from tailor.matching.degrees import degree_level

    ranked = [
        (level, -order, entry)
        for order, entry in enumerate(profile.education)
        if entry.degree and (level := degree_level(entry.degree)) is not None
    ]
    if not ranked:
        return None
    entry = max(ranked, key=lambda triple: triple[:2])[2]
    source = f"profile:{entry.key}"
    return {
        "degree": Traced(entry.degree or "", source),
        "an": _an(entry.degree or ""),
        "field": Traced(entry.field, source) if entry.field else None,
        "institution": Traced(entry.institution, source) if entry.institution else None,
        "the": takes_the(entry.institution or ""),
        "programme": bool(re.search(r"\bprogram", entry.degree or "", re.IGNORECASE)),
    }


def takes_the(place: str) -> bool:
    """ "the University of California", "the Institute of ...": a name that reads with "the"."""
    return place.startswith(("University of", "Institute of"))


def place_of(item: ProfileItem) -> Traced | None:
    """Where an item happened, as the letter names it ("Pinterest" for "Pinterest, Inc.")."""
    if item.where is None:
        return None
    text = item.where.text
    short = _LEGAL_SUFFIX.sub("", text) if item.kind == "bullet" else text
    rule = "legal suffix dropped" if short != text else None
    return Traced(short, item.where.source, rule)


_COLON_LIST = re.compile(r"^(?P<head>[^:.;]+?):\s*(?P<items>[^:.;]+?)\.?$")
"""One sentence whose end is a list after a colon: "I am … with expertise in: A, B, C."."""
AND_RULE = "'and' before the last item"
THERE_RULE = "'there' left out (the place is named)"
THERE = re.compile(r"^((?:my|our)(?: [a-z]+){1,2}) there\b")
"""A sentence that names its place with "there" ("My role there was …"), written after "At X, "."""
COLON_RULE = "colon before a list dropped"


def summary_sentence(text: str, source: str) -> TracedRun | None:
    """A summary the letter can say as a sentence, traced piece by piece: "… with expertise in
    computer vision, visual search and ML serving systems." from the CV's "… with expertise in:
    computer vision, visual search, ML serving systems." (the colon dropped and "and" set before
    the last item, both named as rules). None when the summary is a colon list it cannot say so
    (several sentences, or fewer than two items); a summary without a colon is written as it is."""
    text = " ".join(text.split())
    if ":" not in text:
        return TracedRun([Traced(text, source)])
    found = _COLON_LIST.match(text)
    if found is None:
        return None
    items = [item.strip() for item in found["items"].split(",")]
    if len(items) < 2 or not all(items) or any(" and " in item for item in items[:-1]):
        return None
    pieces = [Traced(found["head"].rstrip(), source, COLON_RULE), Traced(" " + items[0], source)]
    pieces += [Traced(", " + item, source) for item in items[1:-1]]
    last = items[-1] if items[-1].startswith("and ") else "and " + items[-1]
    rule = None if last == items[-1] else AND_RULE
    pieces.append(Traced(" " + last + ".", source, rule))
    return TracedRun(pieces)
