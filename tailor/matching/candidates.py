"""Flatten a profile into the selectable items that matching scores."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tailor.models.fields import date_sort_key
from tailor.models.profile import MasterProfile, Role
from tailor.models.rules import ROLE_SECTIONS

__all__ = ["Candidate", "candidates", "newest_first"]


def newest_first(roles: Iterable[Role]) -> list[Role]:
    """Roles as a CV shows them: current first, then by end date, then start date.

    An undated role stays where the person wrote it: it sorts with the dated role above it (first, when
    it is written first), so a role whose dates are still to be fixed is not sent to the bottom.
    """
    keyed: list[tuple[tuple[tuple[int, int], tuple[int, int]], Role]] = []
    above = ((10000, 0), (10000, 0))
    for role in roles:
        if role.start or role.end:
            above = (date_sort_key(role.end or role.start), date_sort_key(role.start))
        keyed.append((above, role))
    return [role for _, role in sorted(keyed, key=lambda pair: pair[0], reverse=True)]


@dataclass(frozen=True)
class Candidate:
    """One selectable item: its id, where it lives, and the text it is scored on."""

    id: str
    kind: str
    section: str
    text: str
    """The item's full text as written in the profile."""
    match_text: str
    """Text scored against the posting (text plus lead, name, skills and tags)."""
    skills: tuple[str, ...]
    order: int
    """Position in the profile, for stable tie-breaking."""
    pinned: bool = False
    position: int = 0
    """Position within its role or section, as the person wrote it (0 = first)."""
    recency: int = 0
    """Rank of the item's role among the roles of its section, newest first (0 for other items)."""


def candidates(profile: MasterProfile) -> list[Candidate]:
    """Every selectable item in profile order."""
    out: list[Candidate] = []

    def add(
        kind: str,
        section: str,
        item_id: str,
        text: str,
        extra: list[str],
        skills: list[str],
        *,
        pin: bool = False,
        position: int = 0,
        recency: int = 0,
    ) -> None:
        match_text = " . ".join([text, *extra, *skills])
        out.append(
            Candidate(
                item_id, kind, section, text, match_text, tuple(skills), len(out), pin, position, recency
            )
        )

    for summary in profile.summaries:
        add("summary", "summary", summary.key, summary.text, summary.tags, summary.skills)
    for section in ROLE_SECTIONS:
        roles: list[Role] = getattr(profile, section)
        rank = {id(role): n for n, role in enumerate(newest_first(roles))}
        for role in roles:
            for position, bullet in enumerate(role.bullets):
                extra = [bullet.lead or "", *bullet.tags]
                add(
                    "bullet",
                    section,
                    bullet.key,
                    bullet.text,
                    extra,
                    bullet.skills,
                    pin=bullet.pin,
                    position=position,
                    recency=rank[id(role)],
                )
    for position, project in enumerate(profile.projects):
        add(
            "project",
            "projects",
            project.key,
            project.text,
            [project.name, *project.tags],
            project.skills,
            pin=project.pin,
            position=position,
        )
    for position, pub in enumerate(profile.publications):
        add(
            "publication",
            "publications",
            pub.key,
            pub.title,
            [pub.venue or "", *pub.tags],
            pub.skills,
            pin=pub.pin,
            position=position,
        )
    for answer in profile.answers:
        add("answer", "answers", answer.key, answer.text, [answer.prompt or "", *answer.tags], answer.skills)
    for story in profile.stories:
        parts = [story.situation, story.task, story.action, story.result]
        text = "\n".join(part for part in parts if part)
        add("story", "stories", story.key, text, [story.title, *story.themes, *story.tags], story.skills)
    return out
