"""A skills vocabulary shipped as data: canonical skills, their aliases and families.

The vocabulary lives in ``tailor/data/skills.yaml``. Every skill and family has a
canonical id, a display name and aliases; skills belong to a family and families
may have a parent, so related skills earn partial credit for one another.

Matching (see ``tailor.matching.spellings``) prefers the longest spelling, so that
the longest phrase wins and mentions never overlap. Aliases match
regardless of case, hyphens and spaces ("retrieval augmented generation" and
"Retrieval-Augmented Generation") and in simple plural forms ("GNNs"). Aliases
that are ordinary words or ambiguous abbreviations ("Go", "CV", "Spark") are
listed under ``cased`` and match only with their exact capitalisation; phrases
under ``exclude`` ("Go to") are consumed without producing a mention.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from pydantic import ValidationError

from tailor.errors import InternalError, Problem, ProfileError
from tailor.matching.spellings import SpellingIndex, alias_key
from tailor.matching.vocabulary_data import (
    PREBUILT,
    SOURCE,
    Family,
    Skill,
    Term,
    VocabularyData,
    VocabularyExtra,
    merge_extra,
    prebuilt_json,
    shipped_vocabulary,
    vocabulary_problems,
)

__all__ = [
    "PREBUILT",
    "Family",
    "Skill",
    "SkillMention",
    "Vocabulary",
    "alias_key",
    "load_vocabulary",
    "prebuilt_json",
]


_REMEMBERED = 20_000
"""Texts whose mentions a vocabulary keeps (then it starts afresh)."""


@dataclass(frozen=True, slots=True)
class SkillMention:
    """One mention of a skill (or a family) in a text."""

    id: str
    surface: str
    start: int
    end: int
    kind: Literal["skill", "family"] = "skill"


_Entry = tuple[str, bool, str | None]  # spelling, case-sensitive, term id (None: an exclusion)


class Vocabulary:
    """Canonical skills and families, with an index of all their spellings to find them in text."""

    def __init__(self, families: Mapping[str, Family], skills: Mapping[str, Skill]) -> None:
        self.families: dict[str, Family] = dict(families)
        self.skills: dict[str, Skill] = dict(skills)
        entries: list[_Entry] = []
        terms: list[tuple[str, Term]] = [*self.families.items(), *self.skills.items()]
        for term_id, term in terms:
            entries += [(text, cased, term_id) for text, cased in term.spellings()]
            entries += [(text, False, None) for text in term.exclude]
        # Longest spelling first: where several match at one place, the longest phrase wins.
        entries.sort(key=lambda entry: (-len(entry[0]), entry[0], entry[1]))
        self._index = SpellingIndex(entries)
        # Answers by text and by pair: a batch scores the same profile against every posting.
        self._found: dict[str, tuple[SkillMention, ...]] = {}
        self._related: dict[tuple[str, str], float] = {}

    def find(self, text: str) -> list[SkillMention]:
        """Every skill or family mentioned in ``text``, in order, never overlapping.

        Args:
            text: Any text: a posting, a bullet, a skills line.

        Returns:
            One mention per match, with canonical id, surface form and offsets.
        """
        found = self._found.get(text)
        if found is None:
            found = tuple(
                SkillMention(
                    term_id, text[start:end], start, end, "skill" if term_id in self.skills else "family"
                )
                for start, end, term_id in self._index.scan(text)
            )
            if len(self._found) >= _REMEMBERED:
                self._found.clear()
            self._found[text] = found
        return list(found)

    def ids(self, text: str) -> list[str]:
        """Distinct ids mentioned in ``text``, in order of first mention."""
        return list(dict.fromkeys(mention.id for mention in self.find(text)))

    def with_implied(self, skills: set[str]) -> set[str]:
        """``skills`` and the skills they imply (PostgreSQL shows SQL): what an item shows."""
        implied = {other for skill in skills if skill in self.skills for other in self.skills[skill].implies}
        return skills | implied

    def name(self, term_id: str) -> str:
        """Display name of a skill or family id."""
        term = self.skills.get(term_id) or self.families.get(term_id)
        if term is None:
            msg = f"unknown skill or family id {term_id!r}"
            raise KeyError(msg)
        return term.name

    def family_of(self, term_id: str) -> list[str]:
        """Family chain of a skill (its family, that family's parent, ... up to the root).

        For a family id the chain starts with the family itself. Unknown ids give ``[]``.
        """
        current = self.skills[term_id].family if term_id in self.skills else term_id
        chain: list[str] = []
        while current is not None and current in self.families and current not in chain:
            chain.append(current)
            current = self.families[current].parent
        return chain

    def related(self, a: str, b: str) -> float:
        """How much showing skill ``b`` counts as evidence for skill (or family) ``a``.

        Returns:
            1.0 for the same id; 0.5 for the same family, or when ``b`` belongs to the
            family ``a`` at any depth (PyTorch shows machine learning; the reverse is
            not true); 0.25 when the families share a parent, or for two skills of a
            ``distinct`` family (Java and JavaScript); else 0.0.
        """
        if a == b:
            return 1.0
        found = self._related.get((a, b))
        if found is None:
            if len(self._related) >= _REMEMBERED:
                self._related.clear()
            found = self._related[a, b] = self._relatedness(a, b)
        return found

    def _relatedness(self, a: str, b: str) -> float:
        chain_a, chain_b = self.family_of(a), self.family_of(b)
        if not chain_a or not chain_b:
            return 0.0
        if a in chain_b:
            return 0.5  # b belongs to the family a (PyTorch shows machine learning)
        if chain_a[0] == chain_b[0]:
            siblings = a in self.skills and b in self.skills
            return 0.25 if siblings and self.families[chain_a[0]].distinct else 0.5
        if set(chain_a[:2]) & set(chain_b[:2]):
            return 0.25
        return 0.0


@cache
def _default() -> Vocabulary:
    try:
        return _build(None)
    except ProfileError as err:
        msg = f"the shipped skills vocabulary is invalid: {err}"
        raise InternalError(msg) from err


def _build(extra: Mapping[str, Any] | None) -> Vocabulary:
    # Copy down to the entries: merging must never touch the cached shipped data.
    base = {
        section: {k: dict(v) for k, v in shipped_vocabulary()[section].items()}
        for section in ("families", "skills")
    }
    try:
        if extra:
            merge_extra(base, VocabularyExtra.model_validate(extra))
        data = VocabularyData.model_validate(base)
    except ValidationError as err:
        problems = [Problem(".".join(str(part) for part in e["loc"]), e["msg"]) for e in err.errors()]
        raise ProfileError(SOURCE, problems) from err
    problems = vocabulary_problems(data)
    if problems:
        raise ProfileError(SOURCE, problems)
    return Vocabulary(data.families, data.skills)


def load_vocabulary(extra: Mapping[str, Any] | None = None) -> Vocabulary:
    """The shipped skills vocabulary, optionally extended with user entries.

    Args:
        extra: Entries in the shape of ``skills.yaml`` (``families:`` and ``skills:``).
            A new id adds a term (its name defaults to the id); an existing id
            gains the extra aliases, cased aliases and exclusions.

    Returns:
        The vocabulary; without ``extra`` it is built once and cached.

    Raises:
        ProfileError: An entry is malformed, refers to an unknown family, or
            reuses an alias of another term.
    """
    if not extra:
        return _default()
    return _build(extra)
