"""The skills vocabulary as data: its schema (skills, families, spellings), checks, additions."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import resources
from typing import Any

import yaml
from pydantic import Field, field_validator

from tailor.errors import Problem
from tailor.matching.spellings import alias_key
from tailor.models.fields import Model

SOURCE = "vocabulary"
PREBUILT = "skills.json"
"""``skills.yaml`` as JSON, in ``tailor/data`` (made by ``python -m tailor._prebuilt``)."""


class _Spellings(Model):
    aliases: list[str] = Field(default_factory=list)
    """Other spellings, matched regardless of case."""
    cased: list[str] = Field(default_factory=list)
    """Spellings matched only with exactly this capitalisation (e.g. "CV", "Go")."""
    match_case: bool = False
    """Match the name itself only with its exact capitalisation."""
    exclude: list[str] = Field(default_factory=list)
    """Phrases that look like a mention but are not ("Go to"); matched regardless of case."""


class Term(_Spellings):
    """Fields shared by skills and families: how the term is written and matched."""

    name: str

    def spellings(self) -> list[tuple[str, bool]]:
        """Every (spelling, case_sensitive) pair, name first, without duplicates."""
        name, cased = self.name, self.match_case
        unique = {(name if cased else name.casefold(), cased): (name, cased)}
        for alias in self.aliases:
            unique.setdefault((alias.casefold(), False), (alias, False))
        for alias in self.cased:
            unique.setdefault((alias, True), (alias, True))
        return list(unique.values())


class Family(Term):
    """A group of related skills, e.g. deep learning frameworks."""

    parent: str | None = None
    distinct: bool = False
    """Members are alternatives, not evidence for each other: knowing Java does not show
    JavaScript. Siblings in such a family count only as distant relatives (0.25)."""
    domain: str = "software"
    """The broad domain of a root family ("software" covers software, data and ML; "IT support",
    "healthcare" ...). A posting whose core is in a domain the profile never names has a fit of 0.
    Only a root family's domain counts."""


class Skill(Term):
    """One canonical skill, e.g. PyTorch."""

    family: str | None = None
    implies: list[str] = Field(default_factory=list)
    """Skills that showing this one shows as well: work on PostgreSQL is work in SQL (one way only:
    SQL does not show PostgreSQL)."""


class _Patch(_Spellings):
    """A user entry: a new term, or more spellings for an existing one."""

    name: str | None = None
    family: str | None = None
    parent: str | None = None
    implies: list[str] = Field(default_factory=list)
    """For a skill: skills that showing it shows too (added to a known skill's own)."""


class VocabularyExtra(Model):
    families: dict[str, _Patch] = Field(default_factory=dict)
    skills: dict[str, _Patch] = Field(default_factory=dict)

    @field_validator("families")
    @classmethod
    def _families_imply_nothing(cls, families: dict[str, _Patch]) -> dict[str, _Patch]:
        for family_id, patch in families.items():
            if patch.implies:
                msg = f"family {family_id!r}: `implies` is for skills (a skill shows the skills it implies)"
                raise ValueError(msg)
        return families


class VocabularyData(Model):
    families: dict[str, Family] = Field(default_factory=dict)
    skills: dict[str, Skill] = Field(default_factory=dict)


def vocabulary_problems(data: VocabularyData) -> list[Problem]:
    """Dangling family references, ids used twice, and aliases claimed by two terms."""
    problems: list[Problem] = []
    refs = [(f"families.{k}.parent", f.parent) for k, f in data.families.items()]
    refs += [(f"skills.{k}.family", s.family) for k, s in data.skills.items()]
    for path, ref in refs:
        if ref is not None and ref not in data.families:
            problems.append(Problem(path, f"unknown family {ref!r}", hint="add it under families:"))
    for k, s in data.skills.items():
        for implied in s.implies:
            if implied not in data.skills:
                problems.append(Problem(f"skills.{k}.implies", f"unknown skill {implied!r}"))
    for term_id in sorted(set(data.families) & set(data.skills)):
        problems.append(Problem(f"skills.{term_id}", "this id is also a family; ids must be unique"))
    owners: dict[str, str] = {}
    terms: list[tuple[str, Term]] = [(f"families.{k}", v) for k, v in data.families.items()]
    terms += [(f"skills.{k}", v) for k, v in data.skills.items()]
    for path, term in terms:
        for text, _ in term.spellings():
            owner = owners.setdefault(alias_key(text), path)
            if owner != path:
                problems.append(Problem(path, f"alias {text!r} also belongs to {owner!r}"))
    return problems


def merge_extra(base: dict[str, dict[str, dict[str, Any]]], extra: VocabularyExtra) -> None:
    """Merge user entries into the shipped data: new ids are added, known ones gain spellings."""
    for section, patches in (("families", extra.families), ("skills", extra.skills)):
        for term_id, patch in patches.items():
            entry = base[section].get(term_id)
            if entry is None:
                new = patch.model_dump(exclude_none=True, exclude_defaults=True)
                new.setdefault("name", term_id)
                new.pop("parent" if section == "skills" else "family", None)
                base[section][term_id] = new
                continue
            for field in ("aliases", "cased", "exclude", *(("implies",) if section == "skills" else ())):
                entry[field] = [*entry.get(field, []), *getattr(patch, field)]


@cache
def shipped_vocabulary() -> dict[str, Any]:
    """The shipped data: from ``skills.json`` when it was made from this ``skills.yaml``, else the YAML."""
    folder = resources.files("tailor.data")
    text = folder.joinpath("skills.yaml").read_text(encoding="utf-8")
    try:
        prebuilt = json.loads(folder.joinpath(PREBUILT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        prebuilt = None
    if isinstance(prebuilt, dict) and prebuilt.get("source_sha256") == _digest(text):
        shipped: dict[str, Any] = prebuilt["data"]
        return shipped
    data: dict[str, Any] = _load_yaml(text)
    return data


def prebuilt_json(text: str) -> str:
    """``skills.yaml``'s text as the JSON of :data:`PREBUILT`, with the digest of the text.

    JSON loads ~40 times faster than the YAML; the digest makes a stale copy harmless.
    """
    record = {"source_sha256": _digest(text), "data": _load_yaml(text)}
    return json.dumps(record, ensure_ascii=False, indent=1) + "\n"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _load_yaml(text: str) -> Any:
    """``yaml.safe_load`` with libyaml's parser when PyYAML has it (ten times faster)."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
