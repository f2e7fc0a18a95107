"""Profile items by id, with what the documents need to quote them: text, tags, where."""

from __future__ import annotations

from dataclasses import dataclass

from tailor.models.documents import Segment
from tailor.models.profile import MasterProfile

__all__ = ["KIND_ORDER", "ProfileItem", "profile_items"]

KIND_ORDER = {"answer": 0, "bullet": 1, "project": 2, "publication": 3, "summary": 4, "story": 5}
"""Evidence order on the answer sheet: the person's answers first, then bullets and projects."""


@dataclass(frozen=True)
class ProfileItem:
    """One quotable profile item."""

    id: str
    kind: str
    text: str
    tags: tuple[str, ...]
    where: Segment | None = None
    """Where it happened (a bullet's organisation, a project's name), traced to its item."""
    prompt: str | None = None
    """An answer's prompt."""
    section: str = ""
    """The profile section a bullet comes from: experience, teaching or volunteering."""

    @property
    def source(self) -> str:
        """The item's trace source."""
        return f"profile:{self.id}"


def profile_items(profile: MasterProfile) -> dict[str, ProfileItem]:
    """Every bullet, project, publication, summary, answer and story of the profile, by id."""
    items: dict[str, ProfileItem] = {}

    def add(item: ProfileItem) -> None:
        items[item.id] = item

    for summary in profile.summaries:
        add(ProfileItem(summary.key, "summary", summary.text, tuple(summary.tags)))
    for section, _index, role in profile.all_roles():
        where = Segment(text=role.organisation, source=f"profile:{role.key}")
        for bullet in role.bullets:
            add(ProfileItem(bullet.key, "bullet", bullet.text, tuple(bullet.tags), where, section=section))
    for project in profile.projects:
        name = Segment(text=project.name, source=f"profile:{project.key}")
        add(ProfileItem(project.key, "project", project.text, tuple(project.tags), name))
    for pub in profile.publications:
        add(ProfileItem(pub.key, "publication", pub.title, tuple(pub.tags)))
    for answer in profile.answers:
        add(ProfileItem(answer.key, "answer", answer.text, tuple(answer.tags), prompt=answer.prompt))
    for story in profile.stories:
        title = Segment(text=story.title, source=f"profile:{story.key}")
        parts = (story.situation, story.task, story.action, story.result)
        text = "\n".join(part for part in parts if part)
        add(ProfileItem(story.key, "story", text, (*story.tags, *story.themes), title))
    return items
