"""Classify a posting's headings, and lines under generic headings, into kinds with weights.

The rules are data (``tailor/data/posting_sections.yaml``): patterns per kind for headings,
the headings that name the whole posting ("Job Description"), and patterns for single lines
that ask something of the candidate. The weights say how much a section's lines count when
matching a CV against the posting: requirements fully, nice-to-haves less, boilerplate
(benefits, pay, logistics, legal) not at all. They are ordered by kind, so a preferred line
never outweighs a required one, whatever the order of the sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import cast

import yaml

from tailor.models.job import SectionKind

__all__ = [
    "WEIGHTS",
    "boilerplate_kind",
    "classify_heading",
    "classify_line",
    "is_generic_heading",
    "is_negative_heading",
    "line_says",
    "states_requirement",
]

_LINE_KINDS: tuple[str, ...] = ("negative", "preferred", "required", "responsibilities")
_LABELLED = re.compile(r"^[^:]{2,40}?\s*:\s+(\S.*)$")


@dataclass(frozen=True)
class _Rules:
    weights: dict[SectionKind, float]
    negative: tuple[re.Pattern[str], ...]
    headings: tuple[tuple[SectionKind, re.Pattern[str]], ...]
    generic: tuple[re.Pattern[str], ...]
    lines: tuple[tuple[str, re.Pattern[str]], ...]
    boilerplate: tuple[tuple[SectionKind, re.Pattern[str]], ...]
    required_in_boilerplate: re.Pattern[str]


def _any(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    text = resources.files("tailor.data").joinpath("posting_sections.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # C loader: ~3 ms, not 18
    lines = data["lines"]
    return _Rules(
        weights={cast(SectionKind, k): float(v) for k, v in data["weights"].items()},
        negative=tuple(re.compile(p) for p in data["negative"]),
        headings=tuple(
            (cast(SectionKind, rule["kind"]), _any(rule["patterns"])) for rule in data["headings"]
        ),
        generic=tuple(re.compile(p) for p in data["generic"]),
        lines=tuple((kind, _any(lines[kind])) for kind in _LINE_KINDS),
        boilerplate=tuple(
            (cast(SectionKind, kind), _any(patterns)) for kind, patterns in data["boilerplate_lines"].items()
        ),
        required_in_boilerplate=_any(data["required_in_boilerplate"]),
    )


WEIGHTS: dict[SectionKind, float] = _rules().weights


def _normalise(text: str) -> str:
    text = text.casefold().replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.split())


def is_negative_heading(heading: str) -> bool:
    """Whether a heading introduces what is *not* asked ("Candidates need not have")."""
    text = _normalise(heading)
    return any(p.search(text) for p in _rules().negative)


def is_generic_heading(heading: str) -> bool:
    """Whether a heading names the posting as a whole ("Job Description", "About the role").

    Lines under such a heading are classified one by one with :func:`classify_line`.
    """
    text = _normalise(heading).strip(" .:!")
    return any(p.search(text) for p in _rules().generic)


def classify_heading(heading: str) -> tuple[SectionKind, float]:
    """Classify one section heading.

    Args:
        heading: The heading text as it appears (case and punctuation ignored).

    Returns:
        The section kind and its weight. "Candidates need not have", "This role won't be
        for you if" and similar negative lists are kind "other" with weight 0.0.
    """
    text = _normalise(heading)
    if is_negative_heading(heading):
        return "other", 0.0
    for kind, pattern in _rules().headings:
        if pattern.search(text):
            return kind, WEIGHTS[kind]
    return "other", WEIGHTS["other"]


def classify_line(line: str) -> str | None:
    """What one line asks of the candidate, judged from its own words.

    Args:
        line: A line under a generic or unknown heading, or before the first heading.

    Returns:
        "negative" (it says what is not needed), "preferred", "required",
        "responsibilities", or None when the line asks nothing (context).
    """
    text = _normalise(line)
    for kind, pattern in _rules().lines:
        if pattern.search(text):
            return kind
    labelled = _LABELLED.match(text)
    if labelled:
        return classify_line(labelled.group(1))  # "Team Leadership: Lead and mentor backend engineers"
    return None


def line_says(line: str, kind: str) -> bool:
    """Whether one line matches the line rules of ``kind`` ("preferred", "negative", ...).

    Used inside sections whose heading already gave a kind: "Experience with Kafka is a plus"
    under "Requirements" is preferred; "We don't expect you to meet every point" is no unit.
    """
    text = _normalise(line)
    return any(pattern.search(text) for name, pattern in _rules().lines if name == kind)


def boilerplate_kind(line: str) -> SectionKind | None:
    """The kind of a line that is plainly pay, logistics or legal text wherever it stands."""
    text = _normalise(line)
    for kind, pattern in _rules().boilerplate:
        if pattern.search(text):
            return kind
    return None


def states_requirement(line: str) -> bool:
    """Whether a line under a logistics or legal heading states a requirement.

    For example "Education requirements: We require at least a Bachelor's degree".
    """
    return bool(_rules().required_in_boilerplate.search(_normalise(line)))
