"""The answer sheet: every requirement unit of the posting with the profile's best evidence.

Like a requirement-by-requirement answer written by hand: grouped under the
posting's own section headings (in posting order), each requirement line
followed by the evidence, each led by its strength ("Strong:", "Partial:"): strong
before partial (never partial beside strong), then the person's answers, bullets and
projects; "No evidence in profile." where there is none. Items tagged ``weakness``,
``private`` or ``notes`` are never quoted; an item's uses go to the lines where its
evidence is strongest (see :func:`allocate`); a degree line is answered by education
only, and an answer written for another requirement only when it is strong evidence.

Which units: the posting's qualifications (``required`` and ``preferred``
sections) when it has any, since those are what an answer sheet answers;
otherwise every unit (responsibilities and unrecognised sections).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from tailor.documents.blocks import blocks_from_segments, traced
from tailor.documents.items import KIND_ORDER, ProfileItem, profile_items
from tailor.documents.phrases import phrase
from tailor.matching import Selection
from tailor.matching.degrees import lowest_level_asked
from tailor.matching.evidence import Evidence, RequirementEvidence
from tailor.matching.vocabulary import Vocabulary, load_vocabulary
from tailor.models.documents import Block, Document, Segment
from tailor.models.job import JobPosting, Requirement
from tailor.models.profile import MasterProfile

__all__ = ["allocate", "answers_document", "sheet_units", "title_blocks"]


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


def _answers_line(item: ProfileItem, unit: Requirement, strength: str, vocabulary: Vocabulary) -> bool:
    """An answer written for one requirement is evidence for another only when it is strong, or
    when its prompt names a skill the line names (a GPU answer does not answer "language models")."""
    if strength == "strong" or not item.prompt:
        return strength == "strong" or item.kind != "answer"
    return bool(set(vocabulary.ids(item.prompt)) & set(vocabulary.ids(unit.text)))


_Pair = tuple[tuple[int, int, float, int, int], RequirementEvidence, Evidence]


def _pairs(
    units: Sequence[RequirementEvidence], items: dict[str, ProfileItem], vocabulary: Vocabulary
) -> list[_Pair]:
    """Every (line, item) pair the sheet may show, with its sort key: strongest first, then the kind
    (an answer the person wrote before a bullet), then the match."""
    pairs: list[_Pair] = []
    for number, entry in enumerate(units):
        degree = lowest_level_asked(entry.requirement.text) is not None
        for order, evidence in enumerate(entry.more or entry.evidence):
            item = items.get(evidence.item)
            if item is None or item.hidden or evidence.strength == "none":
                continue
            if degree and item.kind != "education":
                continue  # a tutorial is not a PhD
            if not _answers_line(item, entry.requirement, evidence.strength, vocabulary):
                continue
            rank = 0 if evidence.strength == "strong" else 1
            kind = KIND_ORDER.get(item.kind, 9)  # a degree, then the person's answers, then bullets
            pairs.append(((rank, kind, -evidence.value, number, order), entry, evidence))
    return pairs


def allocate(
    units: Sequence[RequirementEvidence], items: dict[str, ProfileItem], vocabulary: Vocabulary
) -> dict[str, list[tuple[ProfileItem, Evidence]]]:
    """Which items answer which line: every item's uses go where its evidence is strongest.

    A second pass over every (line, item) pair, strongest first (not posting order): an item
    answers at most ``MAX_REPEATS`` lines and a line shows at most ``MAX_EVIDENCE`` items, but a
    line with evidence always shows its best item. A degree line is answered by education only;
    items for the person's eyes only never appear.
    """
    pairs = _pairs(units, items, vocabulary)
    pairs.sort(key=lambda triple: triple[0])
    uses: Counter[str] = Counter()
    chosen: dict[str, list[tuple[ProfileItem, Evidence]]] = {entry.requirement.id: [] for entry in units}
    for _, entry, evidence in pairs:
        shown = chosen[entry.requirement.id]
        item = items[evidence.item]
        if len(shown) >= MAX_EVIDENCE or any(_overlap(item.text, other.text) for other, _ in shown):
            continue
        if uses[item.id] >= MAX_REPEATS:
            continue
        if shown and evidence.strength != "strong" and shown[0][1].strength == "strong":
            continue  # never partial evidence beside strong
        shown.append((item, evidence))
        uses[item.id] += 1
    for _, entry, evidence in pairs:  # a line with evidence shows its best item, used up or not
        shown = chosen[entry.requirement.id]
        if not shown:
            shown.append((items[evidence.item], evidence))
    for shown in chosen.values():
        shown.sort(key=lambda pair: (pair[1].strength != "strong", KIND_ORDER.get(pair[0].kind, 9)))
    return chosen


def _overlap(a: str, b: str) -> bool:
    """One text quotes the other (an answer often repeats a bullet or the summary)."""
    a, b = _flat(a), _flat(b)
    return a in b or b in a


def _flat(text: str) -> str:
    return " ".join(text.replace("\n-", " ").split()).replace("- ", "")


def _item_blocks(item: ProfileItem, strength: str) -> list[Block]:
    """An item's own text as blocks, led by its strength; bullets, projects and degrees carry where
    they come from."""
    label = phrase(f"answers/{strength}", bold=True)
    if item.kind == "answer":
        blocks = blocks_from_segments([traced(item.text, item.source)])
        lead = (label, phrase("sheet/prompt"), traced(item.prompt, item.source)) if item.prompt else (label,)
        blocks.insert(0, Block(kind="note", segments=lead))
        return blocks
    if item.kind == "story" and item.where is not None:
        return [Block(kind="bullet", segments=(label, phrase("sheet/story"), item.where))]
    segments = [label, traced(item.text, item.source)]
    if item.kind == "education":  # "M.S., Computer Science": two profile fields and a comma
        segments = [traced(part, item.source) for part in item.parts]
        segments[1:] = [s for segment in segments[1:] for s in (phrase("sheet/comma"), segment)]
        segments.insert(0, label)
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
    units = sheet_units(selection)
    chosen = allocate(units, items, load_vocabulary(profile.vocabulary))
    for entry in units:
        unit = entry.requirement
        if unit.section != heading:
            heading = unit.section
            text = traced(heading, "posting:section") if heading else phrase("answers/untitled")
            blocks.append(Block(kind="heading", segments=(text,)))
        blocks.append(Block(kind="subheading", segments=(traced(unit.text, f"posting:{unit.id}"),)))
        shown = chosen[unit.id]
        for item, evidence in shown:
            blocks.extend(_item_blocks(item, evidence.strength))
        if not shown:
            blocks.append(Block(kind="note", segments=(phrase("answers/no-evidence"),)))
    return Document.for_posting(
        "answers", "Requirements and evidence", profile.person, posting, today, blocks
    )
