"""The interview prep sheet: likely questions with the best stories, the story bank, topics to prepare.

- **Likely questions** come from the shipped question bank: themes asked in
  almost every interview, plus themes the posting signals ("mentor" ->
  leadership). Each question lists up to :data:`STORIES_PER_QUESTION` stories
  whose themes answer it: most shared themes first, then the more complete
  story (situation, task, action, result), then the story's relevance to the
  posting, then profile order. A question no story answers offers, marked as
  such, the bullets, answers and projects tagged for it (the question bank's
  ``material:`` tags), most relevant to the posting first.
- **Your stories**: the whole story bank, most relevant to the posting first.
- **Topics to prepare**: skills the posting names that the profile does not
  show (or shows only through a related skill), and requirement lines with
  no evidence in the profile.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from tailor.documents.answers import title_blocks
from tailor.documents.blocks import blocks_from_segments, traced
from tailor.documents.items import ProfileItem, profile_items
from tailor.documents.phrases import phrase
from tailor.documents.questions import Question, likely_themes, load_questions
from tailor.matching import Selection
from tailor.matching.candidates import candidates
from tailor.matching.vocabulary import Vocabulary, load_vocabulary
from tailor.models.documents import Block, Document, Segment
from tailor.models.job import JobPosting
from tailor.models.profile import MasterProfile, Story

__all__ = ["material_for", "prep_document", "stories_for"]

STORIES_PER_QUESTION = 2
STAR = ("situation", "task", "action", "result")


def _fit(story: Story, question: Question, relevance: float, order: int) -> tuple[int, int, float, int]:
    shared = len(set(story.themes) & set(question.stories))
    parts = sum(1 for part in STAR if getattr(story, part))
    return (-shared, -parts, -relevance, order)


def stories_for(question: Question, stories: list[Story], relevance: dict[str, float]) -> list[Story]:
    """The stories that best answer ``question`` (sharing at least one theme with it)."""
    ranked = sorted(
        (
            (_fit(story, question, relevance.get(story.key, 0.0), order), story)
            for order, story in enumerate(stories)
            if set(story.themes) & set(question.stories)
        ),
        key=lambda pair: pair[0],
    )
    return [story for _, story in ranked[:STORIES_PER_QUESTION]]


def _story_ref(story: Story) -> Block:
    segments = [traced(story.title, f"profile:{story.key}")]
    if story.themes:
        segments.append(phrase("prep/open"))
        segments.extend(_joined(story.themes, f"profile:{story.key}"))
        segments.append(phrase("prep/close"))
    return Block(kind="bullet", segments=tuple(segments))


def _joined(values: list[str], source: str) -> list[Segment]:
    out: list[Segment] = []
    for value in values:
        out.extend([phrase("prep/list")] if out else [])
        out.append(traced(value, source))
    return out


MATERIAL_KINDS = frozenset({"bullet", "answer", "project", "summary"})
MATERIAL_PER_QUESTION = 2
MATERIAL_REPEATS = 2
"""How often one item is offered as material on a sheet (it fits several questions, but a sheet that
offers the same bullet everywhere helps nobody)."""


def material_for(
    question: Question, items: dict[str, ProfileItem], scores: dict[str, float], offered: Counter[str]
) -> list[ProfileItem]:
    """Bullets, answers and projects tagged for this question (``material:`` and ``stories:`` tags),
    most relevant to the posting first, for a question no story answers."""
    wanted = set(question.material) | set(question.stories)
    found = [
        (order, item)
        for order, item in enumerate(items.values())
        if item.kind in MATERIAL_KINDS and wanted & set(item.tags) and offered[item.id] < MATERIAL_REPEATS
    ]
    found.sort(key=lambda pair: (-scores.get(pair[1].id, 0.0), pair[0]))
    chosen = [item for _, item in found[:MATERIAL_PER_QUESTION]]
    offered.update(item.id for item in chosen)
    return chosen


def _material_block(item: ProfileItem) -> Block:
    if item.kind == "answer" and item.prompt:
        return Block(kind="bullet", segments=(phrase("prep/answer"), traced(item.prompt, item.source)))
    segments = [traced(item.text, item.source)]
    if item.where is not None:
        segments += [phrase("sheet/separator"), item.where]
    return Block(kind="bullet", segments=tuple(segments))


def _questions(
    profile: MasterProfile, posting: JobPosting, relevance: dict[str, float], scores: dict[str, float]
) -> list[Block]:
    items = profile_items(profile)
    offered: Counter[str] = Counter()
    blocks = [Block(kind="heading", segments=(phrase("prep/questions"),))]
    for _theme_id, theme, _hits in likely_themes(load_questions(), posting.text):
        for question in theme.questions:
            blocks.append(
                Block(kind="subheading", segments=(traced(question.text, f"question:{question.id}"),))
            )
            chosen = stories_for(question, profile.stories, relevance)
            blocks.extend(_story_ref(story) for story in chosen)
            material = [] if chosen else material_for(question, items, scores, offered)
            if material:
                blocks.append(Block(kind="note", segments=(phrase("prep/material"),)))
                blocks.extend(_material_block(item) for item in material)
            elif not chosen:
                blocks.append(Block(kind="note", segments=(phrase("prep/no-story"),)))
    return blocks


def _story_blocks(story: Story) -> list[Block]:
    source = f"profile:{story.key}"
    blocks = [Block(kind="subheading", segments=(traced(story.title, source),))]
    for label, values in (("prep/themes", story.themes), ("prep/skills", story.skills)):
        if values:
            blocks.append(Block(kind="note", segments=(phrase(label), *_joined(values, source))))
    for part in STAR:
        text = getattr(story, part)
        if text:
            parts = blocks_from_segments([phrase(f"prep/{part}", bold=True), traced(text, source)])
            blocks.extend(parts)
    return blocks


def _story_bank(profile: MasterProfile, relevance: dict[str, float]) -> list[Block]:
    if not profile.stories:
        return []
    ranked = sorted(enumerate(profile.stories), key=lambda pair: (-relevance.get(pair[1].key, 0.0), pair[0]))
    blocks = [Block(kind="heading", segments=(phrase("prep/stories"),))]
    for _, story in ranked:
        blocks.extend(_story_blocks(story))
    return blocks


def _profile_skills(profile: MasterProfile, vocabulary: Vocabulary) -> dict[str, Segment]:
    """Skill id -> how the profile first writes it (traced to the item)."""
    found: dict[str, Segment] = {}
    for item in candidates(profile):
        for text in (item.text, *item.skills):
            for mention in vocabulary.find(text):
                found.setdefault(mention.id, traced(mention.surface, f"profile:{item.id}"))
    for group in profile.skills:
        for skill in group.items:
            for mention in vocabulary.find(skill):
                found.setdefault(mention.id, traced(mention.surface, "profile:skills"))
    return found


def _skill_topics(
    profile: MasterProfile, posting: JobPosting, selection: Selection
) -> tuple[list[Block], list[Block]]:
    vocabulary = load_vocabulary(profile.vocabulary)
    own = _profile_skills(profile, vocabulary)
    missing: list[Block] = []
    weak: list[Block] = []
    seen: set[str] = set()
    for entry in selection.requirements:
        unit = entry.requirement
        for mention in vocabulary.find(unit.text):
            if mention.id in seen or mention.id in own:
                continue
            seen.add(mention.id)
            name = traced(mention.surface, f"posting:{unit.id}")
            related = max(own, key=lambda other: (vocabulary.related(mention.id, other), other), default=None)
            if related is not None and vocabulary.related(mention.id, related) >= 0.5:
                weak.append(Block(kind="bullet", segments=(name, phrase("prep/related"), own[related])))
            else:
                missing.append(Block(kind="bullet", segments=(name,)))
    return missing, weak


def _topics(profile: MasterProfile, posting: JobPosting, selection: Selection) -> list[Block]:
    blocks = [Block(kind="heading", segments=(phrase("prep/topics"),))]
    missing, weak = _skill_topics(profile, posting, selection)
    for label, found in (("prep/missing-skills", missing), ("prep/weak-skills", weak)):
        if found:
            blocks.append(Block(kind="paragraph", segments=(phrase(label, bold=True),)))
            blocks.extend(found)
    if not missing and not weak:
        blocks.append(Block(kind="paragraph", segments=(phrase("prep/all-covered"),)))
    unanswered = [e.requirement for e in selection.requirements if e.strength == "none"]
    if unanswered:
        blocks.append(Block(kind="paragraph", segments=(phrase("prep/unanswered", bold=True),)))
        blocks.extend(
            Block(kind="bullet", segments=(traced(unit.text, f"posting:{unit.id}"),)) for unit in unanswered
        )
    return blocks


def prep_document(
    profile: MasterProfile, posting: JobPosting, selection: Selection, *, today: dt.date
) -> Document:
    """The interview prep sheet as a traced document."""
    relevance = {item.id: item.score for item in selection.items if item.kind == "story"}
    scores = {item.id: item.score for item in selection.items}
    blocks = [
        *title_blocks("prep/title", posting),
        *_questions(profile, posting, relevance, scores),
        *_story_bank(profile, relevance),
        *_topics(profile, posting, selection),
    ]
    return Document.for_posting("prep", "Interview preparation", profile.person, posting, today, blocks)
