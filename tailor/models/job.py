"""A job posting, read from text, Markdown, HTML or PDF."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["FieldSource", "JobPosting", "PostingSection", "Requirement"]

FieldSource = Literal["front matter", "option", "inferred", "file name", "missing"]

SectionKind = Literal[
    "about",
    "responsibilities",
    "required",
    "preferred",
    "benefits",
    "pay",
    "logistics",
    "legal",
    "other",
]


class PostingSection(BaseModel):
    """A run of lines under one heading of the posting."""

    model_config = ConfigDict(frozen=True)

    heading: str = ""
    kind: SectionKind = "other"
    weight: float = 1.0
    lines: tuple[str, ...] = ()


class Requirement(BaseModel):
    """One line of the posting that asks something of the candidate, with its weight."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="Stable within the posting: r1, r2, ... in posting order.")
    section: str = Field(description="The posting's own heading for the line ('' before any heading).")
    kind: SectionKind
    text: str
    weight: float


class JobPosting(BaseModel):
    """The posting as tailor understands it."""

    model_config = ConfigDict(frozen=True)

    source: str = Field(description="File path, or '-' for standard input.")
    text: str = Field(description="The posting as plain text (HTML removed, duplicates kept out).")
    company: str | None = None
    role: str | None = None
    location: str | None = None
    contact: str | None = None
    url: str | None = None
    why: str | None = Field(
        default=None,
        description="Why this company, in the applicant's own words (front matter `why:` or --why FILE).",
    )
    focus: str | None = Field(
        default=None,
        description="What the role is about, as the applicant reads it (front matter `focus:` or --focus): "
        "its skills become the core of the role instead of those read from the title and lines.",
    )
    company_source: FieldSource = "missing"
    role_source: FieldSource = "missing"
    sections: tuple[PostingSection, ...] = ()
    requirements: tuple[Requirement, ...] = ()
    rules: dict[str, Any] = Field(
        default_factory=dict, description="Selection rules from the front matter, overriding the profile's."
    )
    notes: tuple[str, ...] = Field(
        default=(), description="Things the reader should know about how the posting was read."
    )
