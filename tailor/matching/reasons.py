"""Why an item matches a requirement line, as values: no module parses a reason's text back.

A reason is a shared posting term or phrase, a skill (the line's own, or a member of the family it
names), a distant cousin skill (a little credit, never evidence alone), or a degree and its field.
Each reason *is* the string match.json shows ("training", "computer vision", ``skill:PyTorch``,
``related:Go``, ``degree:M.S.``), so sorting, hashing and the report stay as they were, and it
carries its ``kind`` and ``name`` as values for the code that decides what it is worth.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["Reason", "ReasonKind", "degree", "field", "related", "skill", "term"]

ReasonKind = Literal["term", "skill", "related", "degree", "field"]


class Reason(str):
    """One thing an item and a requirement line share; its text is how match.json writes it."""

    kind: ReasonKind
    name: str
    """The posting's own words (a term or phrase), or the display name of a skill, degree or field."""

    def __new__(cls, kind: ReasonKind, name: str) -> Reason:
        made = super().__new__(cls, name if kind == "term" else f"{kind}:{name}")
        made.kind, made.name = kind, name
        return made

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]
        return (self.kind, self.name)  # pickled for batch workers and copies: rebuilt from its values

    @property
    def is_phrase(self) -> bool:
        """A shared phrase of two or more words (a single common word says little)."""
        return self.kind == "term" and " " in self.name

    @property
    def is_evidence(self) -> bool:
        """The item's own words or skills: everything but a distant cousin skill."""
        return self.kind != "related"


def term(text: str) -> Reason:
    return Reason("term", text)


def skill(name: str) -> Reason:
    return Reason("skill", name)


def related(name: str) -> Reason:
    return Reason("related", name)


def degree(name: str) -> Reason:
    return Reason("degree", name)


def field(name: str) -> Reason:
    return Reason("field", name)
