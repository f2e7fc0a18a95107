"""The core of the role: the 1-3 skills a posting is about, from its title and its weighted lines.

A letter answers the core first; a line that names the core is central to the role. Reading:

1. skills the role title names ("Staff ML Engineer (Personalization)": machine learning,
   recommendation systems), in title order;
2. then the skills the posting's lines name most, weighted by the line's weight (the role and
   team introduction, weighted 0 elsewhere, counts as one required line here: "you will build
   object detection models" is what the job is), counted once per line;

leaving out ways of working (leadership, agile, testing, version control, communication): they
matter, but they are not what the role *is*. A skill that only one line names is not core unless
the title names it, or the posting names fewer than two core skills otherwise.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tailor.matching.vocabulary import Vocabulary
from tailor.models.job import JobPosting, Requirement

if TYPE_CHECKING:
    from tailor.matching.evidence import RequirementEvidence

__all__ = [
    "BROAD",
    "CORE_SIZE",
    "CoreSkill",
    "central_lines",
    "core_skills",
    "is_central",
    "missing_domain",
    "unanswered_core",
]

CORE_SIZE = 3
PRACTICE_FAMILIES = frozenset({"engineering-practices", "software-testing"})
"""Families of ways of working, never the core of a role."""
GENERIC = frozenset({"software-engineering"})
"""Ids too broad to say what a role is about."""
BROAD = frozenset({"machine-learning", "artificial-intelligence", "data-science", "deep-learning"})
"""Core fields too broad to lead a letter's paragraph with ("The role centres on ML." says nothing)."""
INTRO_KINDS = frozenset({"about", "other"})
INTRO_WEIGHT = 1.0
MIN_LINES = 2
MIN_CORE = 2
"""With fewer core skills than this from the title and repeated lines, one named once is taken too."""


@dataclass(frozen=True)
class CoreSkill:
    """One core skill: its vocabulary id, display name and where it was read."""

    id: str
    name: str
    source: str
    """``title``, ``lines`` or ``focus`` (given by the person)."""


def _practice(skill: str, vocabulary: Vocabulary) -> bool:
    return skill in GENERIC or bool(PRACTICE_FAMILIES & set(vocabulary.family_of(skill)))


def _line_counts(posting: JobPosting, vocabulary: Vocabulary) -> tuple[dict[str, float], Counter[str]]:
    """Each skill's summed line weight, and the number of lines naming it (the introduction too)."""
    weights: defaultdict[str, float] = defaultdict(float)
    lines: Counter[str] = Counter()
    texts = [(unit.text, unit.weight) for unit in posting.requirements]
    texts += [
        (line, INTRO_WEIGHT)
        for section in posting.sections
        if section.kind in INTRO_KINDS and section.weight == 0
        for line in section.lines
    ]
    for text, weight in texts:
        for skill in vocabulary.ids(text):
            weights[skill] += weight
            lines[skill] += 1
    return weights, lines


def core_skills(posting: JobPosting, vocabulary: Vocabulary) -> tuple[CoreSkill, ...]:
    """The role's core skills, at most :data:`CORE_SIZE`, title first.

    A ``focus`` the person gave (front matter or ``--focus``) replaces them when it names a skill
    the vocabulary knows; one that names none is ignored (the build says so).
    """
    focused = [
        CoreSkill(skill, vocabulary.name(skill), "focus") for skill in vocabulary.ids(posting.focus or "")
    ]
    if focused:
        return tuple(focused[:CORE_SIZE])
    chosen = [
        CoreSkill(skill, vocabulary.name(skill), "title")
        for skill in vocabulary.ids(posting.role or "")
        if not _practice(skill, vocabulary)
    ][: CORE_SIZE - 1]
    weights, lines = _line_counts(posting, vocabulary)
    # A field (a family: computer vision) says more about a role than one tool of it.
    ranked = sorted(
        weights, key=lambda skill: (-weights[skill], skill in vocabulary.skills, -lines[skill], skill)
    )
    for least, size in ((MIN_LINES, CORE_SIZE), (1, MIN_CORE)):
        for skill in ranked:
            if len(chosen) >= size:
                break
            if lines[skill] < least or _practice(skill, vocabulary):
                continue
            if any(core.id == skill or vocabulary.related(core.id, skill) >= 0.5 for core in chosen):
                continue  # PyTorch under a machine-learning core adds nothing new
            chosen.append(CoreSkill(skill, vocabulary.name(skill), "lines"))
    return tuple(chosen)


def is_central(unit: Requirement, core: Sequence[CoreSkill], vocabulary: Vocabulary) -> bool:
    """Whether a requirement line names a core skill (or one of its family)."""
    return any(
        vocabulary.related(c.id, skill) >= 0.5 or vocabulary.related(skill, c.id) >= 0.5
        for skill in vocabulary.ids(unit.text)
        for c in core
    )


def central_lines(
    evidence: Sequence[RequirementEvidence], core: Sequence[CoreSkill], vocabulary: Vocabulary
) -> frozenset[str]:
    """Ids of the requirement lines that name the core of the role (they weigh most in the fit)."""
    return frozenset(
        entry.requirement.id for entry in evidence if is_central(entry.requirement, core, vocabulary)
    )


def _domain(term: str, vocabulary: Vocabulary) -> str:
    chain = vocabulary.family_of(term)
    return vocabulary.families[chain[-1]].domain if chain else "software"


def missing_domain(core: Sequence[CoreSkill], shown: Iterable[str], vocabulary: Vocabulary) -> str | None:
    """The domain the role is in (from its title's core, else its whole core) when the profile
    names nothing of that domain, else None.

    Domains are broad (software, data and ML are one; IT support, healthcare, design and drafting
    are others; see ``domain`` in ``skills.yaml``). An IT-support posting shares Python scripting
    and troubleshooting with an ML engineer's profile, but it is about IT support, which the
    profile never names: whatever it shares is incidental, and its fit is 0. ``shown``: the skill
    ids the profile's items show.
    """
    named = [c for c in core if c.source in ("title", "focus")] or list(core)
    domains = {_domain(c.id, vocabulary) for c in named}
    if not domains:
        return None
    if domains & {_domain(skill, vocabulary) for skill in shown}:
        return None
    return sorted(domains)[0]


def unanswered_core(
    core: Sequence[CoreSkill], evidence: Sequence[RequirementEvidence], vocabulary: Vocabulary
) -> list[CoreSkill]:
    """The core skills no requirement line naming them has strong evidence for (lines that name a
    core skill or one of its family): what the CV and letter cannot show, however they are chosen."""
    return [
        skill
        for skill in core
        if not any(
            entry.strength == "strong" and is_central(entry.requirement, [skill], vocabulary)
            for entry in evidence
        )
    ]
