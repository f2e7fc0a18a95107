"""The master profile: everything a person has done, in their own words.

This module is the single source of truth for the profile's shape; the JSON
Schema in ``docs/profile.schema.json`` is generated from it.
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import Field, model_validator

from tailor.models.application_material import (
    Answer,
    LetterBank,
    LetterParagraph,
    Story,
)
from tailor.models.fields import Date, EndDate, Id, Line, Model, Paragraph, Url, date_sort_key
from tailor.models.profile_entry import (
    ProfileEntry,
    derive_id,
    text_to_mapping,
)
from tailor.models.rules import ROLE_SECTIONS, Rules

__all__ = [
    "Answer",
    "Award",
    "Bullet",
    "Education",
    "LetterBank",
    "LetterParagraph",
    "Link",
    "MasterProfile",
    "Person",
    "Project",
    "Publication",
    "Role",
    "SkillGroup",
    "Story",
    "Summary",
    "derive_id",
]


class Bullet(ProfileEntry):
    """One achievement, exactly as the person wrote it."""

    text: Line = Field(description="The bullet in your own words; tailor never rewrites it.")
    lead: Line | None = Field(
        default=None, description="Optional bold lead-in, e.g. 'Object detection lead.'"
    )
    variants: dict[Id, Line] = Field(
        default_factory=dict,
        description="Alternative wordings you wrote yourself, by name, e.g. {short: '...'}.",
    )
    pin: bool = Field(default=False, description="Always include this bullet.")

    id_prefix: ClassVar[str] = "b"

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return text_to_mapping(value)

    def _id_source(self) -> str:
        return self.text


class Link(Model):
    """A labelled link (LinkedIn, GitHub, homepage, ...)."""

    label: Line
    url: Url


class Person(Model):
    """Who the CV is about."""

    name: Line
    headline: Line | None = None
    email: Line | None = None
    phone: Line | None = None
    location: Line | None = None
    links: list[Link] = Field(default_factory=list)


class Summary(ProfileEntry):
    """A short profile paragraph; the best-matching one heads the CV."""

    text: Paragraph
    id_prefix: ClassVar[str] = "s"

    def _id_source(self) -> str:
        return self.text


class Role(ProfileEntry):
    """A position held: a job, a research post, teaching or volunteering."""

    title: Line
    organisation: Line | None = Field(
        default=None, description="Employer or institution; leave it out for freelance or self-employed work."
    )
    unit: Line | None = Field(default=None, description="Team, department or group.")
    location: Line | None = None
    start: Date | None = None
    end: EndDate | None = Field(default=None, description="End date, or 'present'.")
    description: Line | None = Field(default=None, description="Optional one-line description of the role.")
    bullets: list[Bullet] = Field(default_factory=list)

    id_prefix: ClassVar[str] = "r"

    def _id_source(self) -> str:
        return f"{self.title}|{self.organisation}|{self.start}"

    @model_validator(mode="after")
    def _dates_in_order(self) -> Role:
        if self.start and self.end and date_sort_key(self.end) < date_sort_key(self.start):
            msg = f"ends ({self.end}) before it starts ({self.start}); swap start and end"
            raise ValueError(msg)
        return self


class Education(ProfileEntry):
    """A degree or programme."""

    institution: Line | None = Field(
        default=None, description="School or university; may be left out when the degree names it all."
    )
    degree: Line | None = None
    field: Line | None = None
    location: Line | None = None
    start: Date | None = None
    end: EndDate | None = None
    thesis: Line | None = None
    advisors: list[Line] = Field(default_factory=list)
    details: list[Bullet] = Field(default_factory=list, description="Optional bullets (courses, honours).")

    id_prefix: ClassVar[str] = "e"

    def _id_source(self) -> str:
        return f"{self.institution or ''}|{self.degree}|{self.start}"

    @model_validator(mode="after")
    def _named(self) -> Education:
        if not self.institution and not self.degree:
            msg = "needs an institution or a degree (or both)"
            raise ValueError(msg)
        return self

    def heading(self) -> str:
        """``M.S., Computer Science`` (degree and field, whichever are given)."""
        return ", ".join(part for part in (self.degree, self.field) if part)


class Project(ProfileEntry):
    """A project, in the person's own words."""

    name: Line
    text: Paragraph = Field(description="What the project is and what you did.")
    url: Url | None = None
    start: Date | None = None
    end: EndDate | None = None
    pin: bool = False

    id_prefix: ClassVar[str] = "p"

    def _id_source(self) -> str:
        return f"{self.name}|{self.text}"


class Publication(ProfileEntry):
    """A paper, article or talk."""

    title: Line
    authors: list[Line] = Field(default_factory=list)
    venue: Line | None = None
    year: int | None = Field(default=None, ge=1900, le=2200)
    url: Url | None = None
    note: Line | None = Field(default=None, description="E.g. 'Accepted, publication pending'.")
    pin: bool = False

    id_prefix: ClassVar[str] = "pub"

    def _id_source(self) -> str:
        return self.title


class SkillGroup(Model):
    """A named group of skills, e.g. 'Languages: Python, C++'."""

    name: Line
    items: list[Line] = Field(min_length=1)


class Award(ProfileEntry):
    """An award, honour or grant."""

    title: Line
    issuer: Line | None = None
    start: Date | None = Field(
        default=None, description="When a scholarship, course or grant began (`date` is when it ended)."
    )
    date: EndDate | None = None
    text: Line | None = None

    id_prefix: ClassVar[str] = "a"

    def _id_source(self) -> str:
        return f"{self.title}|{self.issuer}|{self.date}"

    @model_validator(mode="after")
    def _dates_in_order(self) -> Award:
        if self.start and self.date and date_sort_key(self.date) < date_sort_key(self.start):
            msg = f"date ({self.date}) is before start ({self.start}); swap them"
            raise ValueError(msg)
        return self


class MasterProfile(Model):
    """Everything about one person; tailor selects from it for each application."""

    person: Person
    summaries: list[Summary] = Field(default_factory=list)
    experience: list[Role] = Field(default_factory=list)
    education: list[Education] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    publications: list[Publication] = Field(default_factory=list)
    skills: list[SkillGroup] = Field(default_factory=list)
    teaching: list[Role] = Field(default_factory=list)
    volunteering: list[Role] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)
    answers: list[Answer] = Field(default_factory=list)
    stories: list[Story] = Field(default_factory=list)
    letter: LetterBank = Field(
        default_factory=LetterBank, description="Your own cover-letter paragraphs (optional)."
    )
    rules: Rules = Field(default_factory=Rules, description="Default selection rules for this profile.")
    vocabulary: dict[str, dict[str, dict[str, Any]]] = Field(
        default_factory=dict,
        description=(
            "Extra skills and families for matching, in the shape of tailor's skills vocabulary: "
            "`skills: {id: {name, family, aliases, implies}}`, `families: {id: {name, parent, aliases}}`. "
            "A known id gains the aliases (and implied skills) given."
        ),
    )
    unplaced: list[Paragraph] = Field(
        default_factory=list,
        description=(
            "Text `tailor import` found but could not place. Move each piece into the right section "
            "(or delete it); tailor never renders or selects it."
        ),
    )

    def all_roles(self) -> list[tuple[str, int, Role]]:
        """Every role with its section name and index."""
        return [
            (section, index, role)
            for section in ROLE_SECTIONS
            for index, role in enumerate(getattr(self, section))
        ]
