"""Selection rules (the simple v1 set; the page-budget issue extends them)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from tailor.models.fields import Id, Model

__all__ = ["DEFAULT_ORDER", "SECTION_NAMES", "Rules", "SectionName"]

SectionName = Literal[
    "summary",
    "experience",
    "education",
    "projects",
    "publications",
    "skills",
    "teaching",
    "volunteering",
    "awards",
]
SECTION_NAMES: tuple[str, ...] = SectionName.__args__  # type: ignore[attr-defined]

DEFAULT_ORDER: list[SectionName] = [
    "summary",
    "experience",
    "projects",
    "publications",
    "education",
    "skills",
    "teaching",
    "volunteering",
    "awards",
]


class Rules(Model):
    """How tailor selects and orders items."""

    max_bullets_per_role: int = Field(default=4, ge=1, description="At most this many bullets under a role.")
    max_projects: int = Field(default=4, ge=0)
    max_publications: int = Field(default=10, ge=0)
    pin: list[Id] = Field(default_factory=list, description="Ids always included.")
    exclude: list[Id] = Field(default_factory=list, description="Ids never included.")
    sections: list[SectionName] | None = Field(
        default=None,
        description="Sections to include, in order (default: the theme's order).",
    )
