"""Profile items by id, with what the documents need to quote them: text, tags, where."""

from __future__ import annotations

from dataclasses import dataclass

from tailor.models.documents import Segment
from tailor.models.profile import MasterProfile

__all__ = ["HIDDEN_TAGS", "KIND_ORDER", "ProfileItem", "profile_items"]

KIND_ORDER = {
    "education": 0,
    "answer": 1,
    "bullet": 2,
    "project": 3,
    "publication": 4,
    "summary": 5,
    "story": 6,
}
"""Evidence order on the answer sheet: a degree for a degree line, the person's answers, bullets, projects."""


HIDDEN_TAGS = frozenset({"weakness", "private", "notes"})
"""Tags that keep an item to the prep sheet: a weakness, something private, rough notes."""


@dataclass(frozen=True)
class ProfileItem:
    """One quotable profile item."""

    id: str
    kind: str
    text: str
    tags: tuple[str, ...]
    where: Segment | None = None
    """Where it happened (a bullet's organisation, a project's name, a degree's institution), traced."""
    prompt: str | None = None
    """An answer's prompt."""
    section: str = ""
    """The profile section a bullet comes from: experience, teaching or volunteering."""
    parts: tuple[str, ...] = ()
    """An education entry's degree and field, each the person's own text (``text`` joins them)."""

    @property
    def source(self) -> str:
        """The item's trace source."""
        return f"profile:{self.id}"

    @property
    def hidden(self) -> bool:
        """Tagged for the person's eyes only: never quoted in a letter or an answer sheet."""
        return bool(HIDDEN_TAGS & set(self.tags))


def profile_items(profile: MasterProfile) -> dict[str, ProfileItem]:
    """Every bullet, project, publication, summary, answer, story and education entry, by id."""
    items: dict[str, ProfileItem] = {}

    def add(item: ProfileItem) -> None:
        items[item.id] = item

    for summary in profile.summaries:
        add(ProfileItem(summary.key, "summary", summary.text, tuple(summary.tags)))
    for section, _index, role in profile.all_roles():
        where = Segment(text=role.organisation, source=f"profile:{role.key}") if role.organisation else None
        for bullet in role.bullets:
            add(ProfileItem(bullet.key, "bullet", bullet.text, tuple(bullet.tags), where, section=section))
    for project in profile.projects:
        name = Segment(text=project.name, source=f"profile:{project.key}")
        add(ProfileItem(project.key, "project", project.text, tuple(project.tags), name))
    for pub in profile.publications:
        venue = Segment(text=pub.venue, source=f"profile:{pub.key}") if pub.venue else None
        add(ProfileItem(pub.key, "publication", pub.title, tuple(pub.tags), venue))
    for entry in profile.education:
        source = f"profile:{entry.key}"
        institution = Segment(text=entry.institution, source=source) if entry.institution else None
        named = tuple(part for part in (entry.degree, entry.field) if part)
        add(
            ProfileItem(
                entry.key, "education", entry.heading(), (), institution, section="education", parts=named
            )
        )
    for answer in profile.answers:
        add(ProfileItem(answer.key, "answer", answer.text, tuple(answer.tags), prompt=answer.prompt))
    for story in profile.stories:
        title = Segment(text=story.title, source=f"profile:{story.key}")
        parts = (story.situation, story.task, story.action, story.result)
        text = "\n".join(part for part in parts if part)
        add(ProfileItem(story.key, "story", text, (*story.tags, *story.themes), title))
    return items
