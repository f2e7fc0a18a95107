"""Word lists the heuristics lean on: job titles, units, organisations, places, abbreviations."""

from __future__ import annotations

import re

__all__ = [
    "has_title_word",
    "is_location",
    "is_sentence",
    "is_strong_org",
    "is_unit",
    "split_location",
    "word_count",
]

_TITLE_WORD_NAMES = (
    r"\b(?:engineer|engineering manager|developer|scientist|researcher|intern|internship|manager|director"
    r"|lead|head|analyst|consultant|assistant|associate|programmer|architect|designer|officer|president"
    r"|founder|co-founder|cto|ceo|cfo|coo|vp|mentor|teacher|lecturer|professor|tutor|instructor|fellow"
    r"|postdoc|post-doc|student|specialist|coordinator|administrator|technician|editor|writer|volunteer"
    r"|member|chair|advisor|adviser|owner|partner|principal|staff|trainee|apprentice|contractor"
    r"|freelancer|freelance|sde|swe|sre|devops|administrator|representative|executive|strategist"
    r"|nurse|physician|doctor|accountant|clerk|operator|supervisor|agent|tester|pentester|captain|technologist)"
)
_TITLE_WORDS = re.compile(_TITLE_WORD_NAMES + r"s?\b", re.I)
_ONE_PERSON_TITLE = re.compile(_TITLE_WORD_NAMES + r"\b", re.I)
"""A title word in the singular: "Connelly Partners", "APMK & Associates" are firms, not jobs."""


_UNIT = re.compile(
    r"\b(?:department|dept\.?|division|lab|labs|laboratory|group|team|faculty|unit|centre|center"
    r"|section|chair of|programme office)\b|^school of\b",
    re.I,
)
_STRONG_ORG = re.compile(
    r"\b(?:university|universit[éäà]t?|universidad|universidade|college|academy|inc|ltd|llc|gmbh|corp"
    r"|corporation|plc|ag|ab|s\.a|company|institute|polytechnic|hospital|foundation)\b",
    re.I,
)
_COUNTRIES = {
    "afghanistan", "argentina", "australia", "austria", "bangladesh", "belgium", "brazil", "bulgaria",
    "canada", "chile", "china", "colombia", "croatia", "czech republic", "czechia", "denmark", "egypt",
    "england", "estonia", "finland", "france", "germany", "greece", "hong kong", "hungary", "iceland",
    "india", "indonesia", "iran", "ireland", "israel", "italy", "japan", "jordan", "kenya", "korea",
    "south korea", "latvia", "lithuania", "luxembourg", "malaysia", "mexico", "morocco", "netherlands",
    "the netherlands", "new zealand", "nigeria", "norway", "pakistan", "peru", "philippines", "poland",
    "portugal", "qatar", "romania", "russia", "saudi arabia", "scotland", "serbia", "singapore",
    "slovakia", "slovenia", "south africa", "spain", "sweden", "switzerland", "taiwan", "thailand",
    "turkey", "türkiye", "uae", "united arab emirates", "ukraine", "uk", "u.k.", "united kingdom", "us",
    "u.s.", "usa", "u.s.a.", "united states", "vietnam", "viet nam", "wales", "remote", "worldwide",
}  # fmt: skip
_US_STATES = {
    "al", "ak", "az", "ar", "ca", "co", "ct", "de", "dc", "fl", "ga", "hi", "id", "il", "in", "ia", "ks",
    "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm", "ny", "nc",
    "nd", "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa", "wv", "wi", "wy",
    "california", "new york", "texas", "washington", "massachusetts", "illinois", "colorado", "oregon",
}  # fmt: skip
_PLACE_PART = re.compile(r"[A-ZÀ-Ý][\w .'’-]*")
_ABBREVIATION = re.compile(
    r"(?:[A-Za-z]{1,2}\.){2,}|(?:inc|ltd|co|corp|llc|plc|jr|sr|dept|univ|st|no)\.", re.I
)


def has_title_word(text: str) -> bool:
    """Whether ``text`` names a job title ("Software Engineer", "Research Intern")."""
    return bool(_TITLE_WORDS.search(text))


def has_singular_title_word(text: str) -> bool:
    """Whether ``text`` names one person's job ("Partner", not "Connelly Partners")."""
    return bool(_ONE_PERSON_TITLE.search(text))


def is_unit(text: str) -> bool:
    """Whether ``text`` names part of an organisation ("Department of ...", "... Lab", "... Group")."""
    return bool(_UNIT.search(text))


def is_strong_org(text: str) -> bool:
    """Whether ``text`` is clearly an organisation of its own (university, company suffix, ...)."""
    return bool(_STRONG_ORG.search(text)) and not is_unit(text.split(",")[0])


def is_location(text: str) -> bool:
    """ "Stockholm, Sweden", "San Francisco, CA", "Remote", "Sweden": a place, not an organisation."""
    parts = [part.strip() for part in text.split(",")]
    if not 1 <= len(parts) <= 3 or not all(parts) or any(_STRONG_ORG.search(part) for part in parts):
        return False
    if len(parts) == 1 and (city_state := parts[0].rsplit(" ", 1)) and len(city_state) == 2:
        city, state = city_state  # "Seattle WA": a US city and its state without a comma
        if state.isupper() and state.lower() in _US_STATES and _PLACE_PART.fullmatch(city):
            return True
    last = parts[-1].lower().rstrip(".")
    known = last in _COUNTRIES or last.rstrip(".") in {c.rstrip(".") for c in _COUNTRIES}
    if not known and not (len(parts) > 1 and last in _US_STATES):
        return False
    return all(_PLACE_PART.fullmatch(part) or part.lower() in _COUNTRIES for part in parts)


def split_location(text: str) -> tuple[str, str | None]:
    """``"KTH, Division X, Stockholm, Sweden"`` -> ``("KTH, Division X", "Stockholm, Sweden")``."""
    parts = text.split(", ")
    for size in (2, 1):
        if len(parts) > size and is_location(", ".join(parts[-size:])):
            return ", ".join(parts[:-size]), ", ".join(parts[-size:])
    return text, None


def word_count(text: str) -> int:
    """Number of whitespace-separated words."""
    return len(text.split())


def is_sentence(text: str) -> bool:
    """Whether ``text`` ends like a sentence (".", "!", "?", ":") rather than an abbreviation."""
    stripped = text.rstrip(' )*_”"’')
    if stripped.endswith((":", "!", "?")):
        return True
    if not stripped.endswith("."):
        return False
    last = stripped.split()[-1] if stripped.split() else stripped
    return not _ABBREVIATION.fullmatch(last.lstrip('(“"‘'))
