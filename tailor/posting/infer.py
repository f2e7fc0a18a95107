"""Infer the hiring company and the role from the posting's own words.

Used when neither an option, the front matter, JSON-LD nor an aggregator header names them.
Company, in this order: an "About <Company>" heading; a paragraph opening "<Company> is ..."
(in the opening text or an "about" section only, so that "Python is a must" names no
company); "At <Company>, we", "Join <Company>", "Enter <Company>:", "<Company> is hiring",
"<Company>'s mission"; as a last resort the domain of an e-mail address or web address in
the text (job boards' own domains excepted). Role: the first top-level heading, then "We're
hiring a <Title>" / "seeking a <Title>", then "As a <Title>, you will", then the file name.
"""

from __future__ import annotations

import re

from tailor.posting.classify import classify_heading
from tailor.posting.lines import Line

__all__ = ["infer_company", "infer_role", "plain_title", "role_from_file_name"]

_ROLE_NOUNS = (
    "engineer|scientist|developer|researcher|analyst|manager|designer|architect|lead|director"
    "|specialist|consultant|administrator|coder|programmer|technician|coordinator|officer"
)
_AS_A = re.compile(
    rf"\bAs an? ((?:[A-Z][\w/&+\-]*\s+){{0,5}}(?:{_ROLE_NOUNS})s?)\b"
    r"(?=\s+(?:on|in|at|for|with|of|within)\b|,)",
    re.IGNORECASE,
)

_ABOUT = re.compile(r"^about\s+(?:us\s*[-\u2013\u2014:]\s*)?(.+?)[\s:.!?]*$", re.IGNORECASE)
_NAME = r"[A-Z][\w&'.\-]*(?: (?:[A-Z][\w&'.\-]*|&|of|and))*"
_PARENTHESIS = r"(?: \([^)]{1,40}\))?"
_APPOSITION = r"(?:,[^,]{1,60},)?"
_IS = re.compile(
    rf"^({_NAME}){_PARENTHESIS}{_APPOSITION} (?:is|are) (?:a|an|the|one|on|building|developing)\b"
)
_MAX_WORDS = 4
_GENERIC = frozenset(
    {
        "the", "this", "our", "your", "a", "an", "it", "we", "you", "they", "there", "here",
        "job", "role", "position", "team", "company", "opportunity", "us", "me", "candidate",
    }
)  # fmt: skip


def _plausible(name: str) -> bool:
    words = name.split()
    return 0 < len(words) <= _MAX_WORDS and name[0].isupper() and words[0].casefold() not in _GENERIC


def _from_about_heading(lines: list[Line]) -> str | None:
    for line in lines:
        match = _ABOUT.match(line.text) if line.kind == "heading" else None
        if match and _plausible(match.group(1)):
            return match.group(1)
    return None


def _from_sentence(lines: list[Line]) -> str | None:
    """Look only in the opening text and in "about" sections, not in requirement lists."""
    in_about = True
    for line in lines:
        if line.kind == "heading":
            in_about = classify_heading(line.text)[0] == "about"
            continue
        match = _IS.match(line.text) if in_about and line.kind == "para" else None
        if match and _plausible(match.group(1)):
            return match.group(1)
    return None


_HIRING = re.compile(
    rf"\b(?:hiring|seeking|looking for|recruiting|recherchons|recherche) (?:an?|our|one|un|une) (?:new )?"
    rf"((?:[A-Z.][\w/&+.\-]*\s+){{0,5}}(?:{_ROLE_NOUNS})s?)\b"
)
_TITLE_WORD = re.compile(rf"\b(?:{_ROLE_NOUNS}|intern|stagiaire|ingénieur|développeur)s?\b", re.IGNORECASE)
_MAX_TITLE_WORDS = 12


def _capitalised(title: str) -> bool:
    return all(w[0].isupper() or not w[0].isalpha() for w in title.split())


def _from_top_heading(lines: list[Line]) -> str | None:
    """The first level-1 heading that reads like a job title (HTML ``<h1>``, Markdown ``#``)."""
    for line in lines:
        if line.kind == "heading" and line.level == 1:
            words = line.text.split()
            if len(words) <= _MAX_TITLE_WORDS and not line.text.casefold().startswith("about"):
                return line.text
            return None
    return None


def infer_role(lines: list[Line]) -> str | None:
    """Guess the role from a top-level heading, "We're hiring a <Title>" or "As a <Title>, you'll".

    Only capitalised titles count in sentences ("As a Research Engineer", not "as a team").
    """
    top = _from_top_heading(lines)
    if top is not None:
        return top
    for pattern in (_HIRING, _AS_A):
        for line in lines:
            if line.kind != "para":
                continue
            match = pattern.search(line.text)
            if match and match.group(1)[0].isupper() and _capitalised(match.group(1)):
                return match.group(1)
    return None


_FILE_NUMBER = re.compile(r"^\d+[-_ ]+|[-_ ]+\d{4,}$")
_ACRONYMS = {
    "ai": "AI", "ml": "ML", "it": "IT", "ui": "UI", "ux": "UX", "qa": "QA", "nlp": "NLP", "llm": "LLM",
    "mlops": "MLOps", "devops": "DevOps", "sre": "SRE", "net": ".NET", "api": "API", "ii": "II",
    "iii": "III", "iv": "IV", "cv": "CV", "swe": "SWE", "hr": "HR", "bi": "BI", "etl": "ETL", "aws": "AWS",
    "gcp": "GCP", "sr": "Sr.", "jr": "Jr.", "fe": "FE", "rl": "RL", "gpu": "GPU", "ios": "iOS",
}  # fmt: skip
_SMALL = frozenset({"and", "of", "for", "the", "in", "on", "at", "to", "with"})
_TRAILING_NOUN = re.compile(rf"^(.*\b(?:{_ROLE_NOUNS}))\s+(\S.*)$", re.IGNORECASE)


def role_from_file_name(stem: str, company: str | None) -> str | None:
    """A title from a file name such as ``51-anthropic-research-engineer-ml-reinforcement-learning``.

    Leading numbers, requisition numbers and the company's name are dropped; the rest is
    capitalised (acronyms kept: ML, AI, .NET), with a comma after the role noun when words
    follow it ("Senior Software Engineer, Inference"). None unless a role noun is in it.
    """
    words = _FILE_NUMBER.sub("", _FILE_NUMBER.sub("", stem)).replace("_", "-").split("-")
    words = [w for w in words if w]
    if company:
        slug = [w for w in re.split(r"[^a-z0-9]+", company.casefold()) if w]
        if slug and [w.casefold() for w in words[: len(slug)]] == slug:
            words = words[len(slug) :]
    if not words or not _TITLE_WORD.search(" ".join(words)):
        return None
    shown = [
        _ACRONYMS.get(w.casefold()) or (w.casefold() if i and w.casefold() in _SMALL else w.capitalize())
        for i, w in enumerate(words)
    ]
    title = " ".join(shown)
    split = _TRAILING_NOUN.match(title)
    return f"{split.group(1)}, {split.group(2)}" if split else title


_COMPANY_PHRASES = (
    re.compile(rf"^(?:At|Here at|Life at|Working at) ({_NAME})(?:,| we\b| our\b)"),
    re.compile(rf"\b(?:Join|Enter) ({_NAME})(?=[:!,.]| (?:as|and|in|on|to)\b)"),
    re.compile(rf"^({_NAME}) (?:is hiring|is looking for|is seeking|is growing)\b"),
    re.compile(rf"^({_NAME})['\u2019]s (?:mission|vision|goal|purpose)\b"),
    re.compile(rf"^Why (?:work (?:for|at|with) |join )?({_NAME})\?*$"),
)
_DOMAIN = re.compile(r"(?:@|https?://(?:www\.|careers\.|jobs\.)?)([a-z0-9][a-z0-9-]{1,30})\.[a-z]{2,6}\b")
_BOARD_DOMAINS = frozenset(
    {
        "greenhouse", "lever", "linkedin", "indeed", "workable", "remotewlb", "glassdoor", "smartrecruiters",
        "ashbyhq", "myworkdayjobs", "workday", "bamboohr", "jobvite", "icims", "recruitee", "teamtailor",
        "gmail", "google", "youtube", "twitter", "facebook", "instagram", "x", "example", "bit", "forms",
        "eeoc", "dol", "apple", "microsoft", "github", "medium", "wikipedia", "welcometothejungle",
    }
)  # fmt: skip


def _from_phrases(lines: list[Line]) -> str | None:
    for pattern in _COMPANY_PHRASES:
        for line in lines:
            match = pattern.search(line.text)
            if match and _plausible(match.group(1)):
                return match.group(1)
    return None


def _from_domain(lines: list[Line]) -> str | None:
    """The company behind an e-mail or web address in the text (a last resort)."""
    for line in lines:
        for match in _DOMAIN.finditer(line.text.casefold()):
            name = match.group(1)
            if name not in _BOARD_DOMAINS:
                return name.capitalize()
    return None


def infer_company(lines: list[Line]) -> str | None:
    """Guess the company from what the posting says about itself.

    Args:
        lines: The posting's cleaned lines.

    Returns:
        The company name, or None if nothing plausible was found.
    """
    return _from_about_heading(lines) or _from_sentence(lines) or _from_phrases(lines) or _from_domain(lines)


_ARRANGEMENT = (
    r"(?:remote|hybrid|on[- ]?site|in[- ]office|contract|contractor|freelance|full[- ]time|part[- ]time)"
)
_TITLE_NOISE = (
    re.compile(rf"^\s*{_ARRANGEMENT}\s*[:\-\u2013\u2014|]\s*", re.IGNORECASE),
    re.compile(rf"\s*\((?:[^()]*\b)?{_ARRANGEMENT}\b[^()]*\)", re.IGNORECASE),
    re.compile(rf"\s+[-\u2013\u2014|,]\s*{_ARRANGEMENT}\b.*$", re.IGNORECASE),
)


_GENDER = r"(?:m|f|w|d|x|h|n|div|mwd|fmx|all genders?)"
_TITLE_TAGS = (
    re.compile(r"^\s*(?:urgent(?:ly)?|hiring|job title|now hiring|new)\s*[:!\-\u2013|]\s*", re.IGNORECASE),
    re.compile(rf"\s*\(\s*{_GENDER}(?:\s*[/\-|,]\s*{_GENDER})+\s*\)", re.IGNORECASE),
    re.compile(rf"\s+\b{_GENDER}(?:\s*/\s*{_GENDER})+$", re.IGNORECASE),
    re.compile(r"\s*[,\-\u2013|]?\s*\b\d{1,3}\s*%\s*remote\b.*$", re.IGNORECASE),
    re.compile(
        r"\s+(?:on[- ]?site|remote|hybrid)(?:\s+or\s+(?:on[- ]?site|remote|hybrid))?"
        r"\s+(?:in|within|from)\b.*$",
        re.IGNORECASE,
    ),
    re.compile(
        r"\s*[\(\[]?\s*(?:req(?:uisition)?|job|ref)\.?\s*(?:id|no\.?|#)?\s*[:#]?\s*[A-Z]{0,4}-?\d{4,}\s*[\)\]]?$",
        re.IGNORECASE,
    ),
    re.compile(r"\s*[\(\[]\s*#?[A-Z]{0,4}-?\d{5,}\s*[\)\]]$"),
)
_LEADING_ARRANGEMENT = re.compile(r"^(?:remote|hybrid|on[- ]?site)\s+(?=[A-Z])", re.IGNORECASE)
_SENIOR_PREFIX = re.compile(r"^\(\s*(senior|sr\.?|junior|jr\.?|lead|staff)\s*\)\s*", re.IGNORECASE)


def _drop_place(title: str, location: str | None) -> str:
    """Drop a trailing " - Clermont-Ferrand" when that place is the posting's location."""
    if not location:
        return title
    head, sep, tail = title.rpartition(" - ")
    places = {p.strip().casefold() for p in location.split(",")}
    if sep and head and tail.strip().casefold() in places:
        return head
    return title


def plain_title(title: str | None, location: str | None = None) -> str | None:
    """A job title without the board's labels, for "the ... position".

    Drops work-arrangement labels ("Data Scientist - Remote", "Senior ML Engineer (Remote)",
    "Contract: Senior AI/ML Engineer", "onsite or remote in Germany", "100% remote-friendly
    within Poland"), gender tags ("(m/f/x)", "(m/w/d)", "H/F", "(H-F)"), "Urgent:" prefixes,
    requisition numbers, a trailing place that is the posting's location and a stray final
    full stop; "(Senior) Data Scientist" becomes "Senior Data Scientist". A title that is
    nothing but such a label stays.
    """
    if title is None:
        return None
    plain = _SENIOR_PREFIX.sub(lambda m: m.group(1).capitalize() + " ", title)
    for pattern in (*_TITLE_TAGS, *_TITLE_NOISE, *_TITLE_TAGS[:1]):
        plain = pattern.sub("", plain)
    plain = _drop_place(plain.strip(), location).rstrip(" .,;:-\u2013")
    rest = _LEADING_ARRANGEMENT.sub("", plain)
    if rest != plain and _TITLE_WORD.search(rest):
        plain = rest
    return plain or title
