"""The answer sheet: every requirement unit of the posting with the profile's best evidence.

Like a requirement-by-requirement answer written by hand: grouped under the
posting's own section headings (in posting order), each requirement line
followed by the evidence, the person's answers first, then bullets and
projects; "No evidence in profile." where there is none. Items tagged
``weakness``, ``private`` or ``notes`` are never quoted, and no item answers
more than twice: after that, the line says it is covered above.

Which units: the posting's qualifications (``required`` and ``preferred``
sections) when it has any, since those are what an answer sheet answers;
otherwise every unit (responsibilities and unrecognised sections).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from tailor.documents.blocks import blocks_from_segments, traced
from tailor.documents.items import KIND_ORDER, ProfileItem, profile_items
from tailor.documents.phrases import phrase
from tailor.matching import Selection
from tailor.matching.evidence import RequirementEvidence
from tailor.models.documents import Block, Document, Segment
from tailor.models.job import JobPosting
from tailor.models.profile import MasterProfile

__all__ = ["answers_document", "sheet_units", "title_blocks"]


QUALIFICATIONS = ("required", "preferred")
MAX_EVIDENCE = 2
MAX_REPEATS = 2
"""How often one item may answer on a sheet; after that the line points to the answers above."""


def title_blocks(title: str, posting: JobPosting) -> list[Block]:
    """The sheet's title, and a subtitle naming the role and company when they are known."""
    blocks = [Block(kind="title", segments=(phrase(title),))]
    parts: list[Segment] = []
    if posting.role:
        parts.append(traced(posting.role, "posting:role"))
    if posting.company:
        parts.extend([phrase("sheet/at")] if parts else [])
        parts.append(traced(posting.company, "posting:company"))
    if parts:
        blocks.append(Block(kind="subtitle", segments=tuple(parts)))
    return blocks


def sheet_units(selection: Selection) -> list[RequirementEvidence]:
    """The units the sheet answers: qualifications when there are any, else all."""
    qualifications = [e for e in selection.requirements if e.requirement.kind in QUALIFICATIONS]
    return qualifications or list(selection.requirements)


def _evidence_items(
    entry: RequirementEvidence, items: dict[str, ProfileItem], shown: Counter[str]
) -> tuple[list[ProfileItem], bool]:
    """Evidence answers first, then bullets, projects, ...; items an answer already quotes are left out.

    Items tagged for the person's eyes only are never quoted, and an item already shown
    ``MAX_REPEATS`` times stays above rather than filling the sheet again.

    Returns:
        The items to show, and whether the line has evidence at all (perhaps only above).
    """
    found = [items[e.item] for e in entry.evidence if e.item in items and not items[e.item].hidden]
    ordered = sorted(enumerate(found), key=lambda pair: (KIND_ORDER.get(pair[1].kind, 9), pair[0]))
    kept: list[ProfileItem] = []
    for _, item in ordered:
        if shown[item.id] < MAX_REPEATS and not any(_flat(item.text) in _flat(other.text) for other in kept):
            kept.append(item)
    kept = kept[:MAX_EVIDENCE]
    shown.update(item.id for item in kept)
    return kept, bool(found)


def _flat(text: str) -> str:
    return " ".join(text.replace("\n-", " ").split()).replace("- ", "")


def _item_blocks(item: ProfileItem) -> list[Block]:
    """An item's own text as blocks; bullets, projects and degrees carry where they come from."""
    if item.kind == "answer":
        blocks = blocks_from_segments([traced(item.text, item.source)])
        if item.prompt:
            prompt = (phrase("sheet/prompt"), traced(item.prompt, item.source))
            blocks.insert(0, Block(kind="note", segments=prompt))
        return blocks
    if item.kind == "story" and item.where is not None:
        return [Block(kind="bullet", segments=(phrase("sheet/story"), item.where))]
    segments = [traced(item.text, item.source)]
    if item.kind == "education":  # "M.S., Computer Science": two profile fields and a comma
        segments = [traced(part, item.source) for part in item.parts]
        segments[1:] = [s for segment in segments[1:] for s in (phrase("sheet/comma"), segment)]
    if item.where is not None:
        segments += [phrase("sheet/separator"), item.where]
    return [Block(kind="bullet", segments=tuple(segments))]


def answers_document(
    profile: MasterProfile, posting: JobPosting, selection: Selection, *, today: dt.date
) -> Document:
    """The answer sheet as a traced document."""
    items = profile_items(profile)
    blocks = title_blocks("answers/title", posting)
    heading: str | None = None
    shown: Counter[str] = Counter()
    for entry in sheet_units(selection):
        unit = entry.requirement
        if unit.section != heading:
            heading = unit.section
            text = traced(heading, "posting:section") if heading else phrase("answers/untitled")
            blocks.append(Block(kind="heading", segments=(text,)))
        blocks.append(Block(kind="subheading", segments=(traced(unit.text, f"posting:{unit.id}"),)))
        evidence, answered = _evidence_items(entry, items, shown)
        for item in evidence:
            blocks.extend(_item_blocks(item))
        if not evidence:
            note = "answers/see-above" if answered else "answers/no-evidence"
            blocks.append(Block(kind="note", segments=(phrase(note),)))
    return Document(
        kind="answers",
        person=profile.person,
        title=f"Requirements and evidence: {profile.person.name}",
        company=posting.company,
        role=posting.role,
        document_date=today,
        blocks=tuple(blocks),
    )
