"""Flatten a profile into the selectable items that matching scores."""

from __future__ import annotations

from dataclasses import dataclass

from tailor.models.profile import MasterProfile

__all__ = ["Candidate", "candidates"]


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
    ) -> None:
        match_text = " . ".join([text, *extra, *skills])
        out.append(Candidate(item_id, kind, section, text, match_text, tuple(skills), len(out), pin))

    for summary in profile.summaries:
        add("summary", "summary", summary.key, summary.text, summary.tags, summary.skills)
    for section, _, role in profile.all_roles():
        for bullet in role.bullets:
            extra = [bullet.lead or "", *bullet.tags]
            add("bullet", section, bullet.key, bullet.text, extra, bullet.skills, pin=bullet.pin)
    for project in profile.projects:
        add(
            "project",
            "projects",
            project.key,
            project.text,
            [project.name, *project.tags],
            project.skills,
            pin=project.pin,
        )
    for pub in profile.publications:
        add(
            "publication",
            "publications",
            pub.key,
            pub.title,
            [pub.venue or "", *pub.tags],
            pub.skills,
            pin=pub.pin,
        )
    for answer in profile.answers:
        add("answer", "answers", answer.key, answer.text, [answer.prompt or "", *answer.tags], answer.skills)
    for story in profile.stories:
        parts = [story.situation, story.task, story.action, story.result]
        text = "\n".join(part for part in parts if part)
        add("story", "stories", story.key, text, [story.title, *story.themes, *story.tags], story.skills)
    return out
