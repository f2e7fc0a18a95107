"""The cover letter: a Jinja text template filled with the profile's and posting's own words.

Content choices (all deterministic):

- **pairs**: the strongest requirement -> evidence pairs (strong before partial,
  then requirement weight, then evidence value, then posting order). Evidence is
  a bullet, an answer or a project; every item is used once; items tagged
  ``weakness``, ``private`` or ``notes`` never appear; very long items, and requirement
  "lines" that are whole paragraphs about the role, are left to the answer sheet.
- **motivation**: the answer tagged ``motivation`` or ``mission`` that scores
  highest against the posting (profile order breaks ties), if there is one.
- **size**: :func:`letter_sizes` lists ever shorter variants; the pipeline
  renders the first that fits on one page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tailor.documents.blocks import blocks_from_segments
from tailor.documents.items import ProfileItem, profile_items
from tailor.documents.template_text import Traced, render_traced
from tailor.errors import PostingError, TemplateError
from tailor.matching import Selection
from tailor.matching.evidence import RequirementEvidence
from tailor.models.documents import Block, Document
from tailor.models.fields import MONTH_NAMES
from tailor.models.job import JobPosting
from tailor.models.profile import MasterProfile

__all__ = [
    "LetterSize",
    "LetterTemplate",
    "check_letter_inputs",
    "letter_document",
    "letter_sizes",
    "letter_template",
    "long_date",
    "missing_letter_inputs",
]

MOTIVATION_TAGS = frozenset({"motivation", "mission"})
LETTER_KINDS = frozenset({"bullet", "answer", "project"})
MAX_EVIDENCE_CHARS = 600
MAX_REQUIREMENT_CHARS = 300
_STRENGTH_RANK = {"strong": 0, "partial": 1, "none": 2}


@dataclass(frozen=True)
class LetterTemplate:
    """A letter template's name (used in phrase sources), file and text."""

    name: str
    path: Path
    text: str


@dataclass(frozen=True)
class LetterSize:
    """How much the letter says: the fitter tries ever smaller sizes."""

    pairs: int = 3
    per_pair: int = 2
    summary: bool = True


def letter_sizes() -> list[LetterSize]:
    """Variants from the fullest to the shortest, tried in order until one fits a page."""
    return [
        LetterSize(3, 2, True),
        LetterSize(3, 1, True),
        LetterSize(2, 1, True),
        LetterSize(2, 1, False),
        LetterSize(1, 1, False),
    ]


def letter_template(name_or_path: str | Path) -> LetterTemplate:
    """Load a built-in letter template by name (``standard``) or a template file.

    Raises:
        TemplateError: No such template, or it cannot be read.
    """
    from tailor.resources import templates_dir

    folder = templates_dir() / "letters"
    path = Path(name_or_path)
    if not path.is_file():
        builtin = folder / f"{name_or_path}.txt"
        if isinstance(name_or_path, str) and "/" not in name_or_path and builtin.is_file():
            path = builtin
        else:
            names = ", ".join(p.stem for p in sorted(folder.glob("*.txt")))
            msg = f"no letter template named {str(name_or_path)!r}"
            raise TemplateError(msg, hint=f"use one of {names}, or the path of your own template file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        msg = f"{path}: cannot read the letter template ({err})"
        raise TemplateError(msg) from err
    return LetterTemplate(path.stem, path, text)


def missing_letter_inputs(posting: JobPosting) -> tuple[str, str] | None:
    """Why a letter cannot be written for this posting (message, hint), or None if it can.

    A letter names the company and the role; without either there is no letter.
    """
    missing = [field for field in ("company", "role") if not getattr(posting, field)]
    if not missing:
        return None
    wanted = " and ".join(
        f"the {field} name" if field == "company" else "the role title" for field in missing
    )
    options = " and ".join(f'--{field} "..."' for field in missing)
    keys = ", ".join(f"`{field}:`" for field in missing)
    msg = f"the cover letter needs {wanted}, and the posting {posting.source} does not state it"
    hint = f"pass {options}, or add {keys} to the posting's front matter (a --- block at its top)"
    return msg, hint


def check_letter_inputs(posting: JobPosting) -> None:
    """A letter names the company and the role: refuse to write one without them.

    Raises:
        PostingError: Listing every missing value and how to supply it.
    """
    missing = missing_letter_inputs(posting)
    if missing is not None:
        msg, hint = missing
        raise PostingError(msg, hint=f"{hint}; or leave the letter out, e.g. --docs cv,answers,prep")


def long_date(day: dt.date) -> str:
    """``21 November 2026``."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def motivation_answer(profile: MasterProfile, selection: Selection) -> ProfileItem | None:
    """The best-scoring answer tagged motivation or mission (none when no answer is tagged)."""
    items = profile_items(profile)
    scores = {item.id: item.score for item in selection.items}
    tagged = [
        items[answer.key]
        for answer in profile.answers
        if MOTIVATION_TAGS & set(answer.tags) and not items[answer.key].hidden
    ]
    ranked = sorted(enumerate(tagged), key=lambda pair: (-scores.get(pair[1].id, 0.0), pair[0]))
    return ranked[0][1] if ranked else None


def _rank(entry: RequirementEvidence) -> tuple[int, float, float, int]:
    best = entry.evidence[0].value if entry.evidence else 0.0
    number = int(entry.requirement.id.lstrip("r") or 0)
    return (_STRENGTH_RANK[entry.strength], -entry.requirement.weight, -best, number)


def _flat(text: str) -> str:
    return " ".join(text.replace("- ", " ").split())


def _overlaps(a: str, b: str) -> bool:
    """One text quotes the other (an answer often repeats a bullet or the summary)."""
    a, b = _flat(a), _flat(b)
    return a in b or b in a


def _letter_line(entry: RequirementEvidence) -> bool:
    """Whether the letter may answer this line (it has evidence: the caller checks)."""
    if entry.evidence[0].kind == "education":
        return False  # a degree line: the CV's education answers it; the letter speaks of work
    # A paragraph about the role is not a line to quote back; the answer sheet has it.
    return len(entry.requirement.text) <= MAX_REQUIREMENT_CHARS


def evidence_pairs(
    selection: Selection,
    items: dict[str, ProfileItem],
    size: LetterSize,
    exclude: set[str],
    quoted: list[str],
) -> list[tuple[RequirementEvidence, list[ProfileItem]]]:
    """The strongest requirement -> evidence pairs, each evidence item used at most once.

    Every item is as strong as the requirement's best evidence, and a second item is strong.
    Items that quote (or are quoted by) a text already in the letter are left out, and so are
    degree lines that the education answers best.
    """
    used = set(exclude)
    quoted = list(quoted)
    pairs: list[tuple[RequirementEvidence, list[ProfileItem]]] = []
    for entry in sorted(selection.requirements, key=_rank):
        if len(pairs) >= size.pairs or entry.strength == "none":
            break
        if not _letter_line(entry):
            continue
        chosen: list[ProfileItem] = []
        for evidence in entry.evidence:
            item = items.get(evidence.item)
            if item is None or item.kind not in LETTER_KINDS or item.id in used or item.hidden:
                continue
            if evidence.strength != "strong" and (chosen or evidence.strength != entry.strength):
                continue  # weaker evidence stands in neither for a used strong item nor as a second one
            if len(item.text) > MAX_EVIDENCE_CHARS or len(chosen) >= size.per_pair:
                continue
            if any(_overlaps(item.text, text) for text in quoted):
                continue
            chosen.append(item)
            used.add(item.id)
            quoted.append(item.text)
        if chosen:
            pairs.append((entry, chosen))
    return pairs


def _context(
    profile: MasterProfile, posting: JobPosting, selection: Selection, today: dt.date, size: LetterSize
) -> dict[str, Any]:
    items = profile_items(profile)
    motivation = motivation_answer(profile, selection)
    exclude = {motivation.id} if motivation else set()
    cv = selection.cv
    summary = cv.summary if size.summary and cv.summary and cv.summary_id else None
    if summary and motivation and _overlaps(summary, motivation.text):
        summary = None  # the motivation answer says it already, in the person's own words
    quoted = [text for text in (summary, motivation.text if motivation else None) if text]
    pairs = [
        {
            "requirement": Traced(entry.requirement.text, f"posting:{entry.requirement.id}"),
            "evidence": [
                {
                    "kind": item.kind,
                    "section": item.section,
                    "text": Traced(item.text, item.source),
                    "where": Traced(item.where.text, item.where.source) if item.where else None,
                }
                for item in chosen
            ],
        }
        for entry, chosen in evidence_pairs(selection, items, size, exclude, quoted)
    ]
    return {
        "date": Traced(long_date(today), "date"),
        "name": Traced(profile.person.name, "profile:person.name"),
        "company": Traced(posting.company or "", "posting:company"),
        "role": Traced(posting.role or "", "posting:role"),
        "contact": Traced(posting.contact, "posting:contact") if posting.contact else None,
        "summary": Traced(summary, f"profile:{cv.summary_id}") if summary else None,
        "pairs": pairs,
        "motivation": Traced(motivation.text, motivation.source) if motivation else None,
    }


def letter_document(
    profile: MasterProfile,
    posting: JobPosting,
    selection: Selection,
    *,
    today: dt.date,
    template: LetterTemplate,
    size: LetterSize | None = None,
) -> Document:
    """The cover letter as a traced document.

    Raises:
        PostingError: The posting lacks the company or role (see :func:`check_letter_inputs`).
        TemplateError: The template is broken.
    """
    check_letter_inputs(posting)
    context = _context(profile, posting, selection, today, size or LetterSize())
    segments = render_traced(template.text, template.name, template.path, context)
    blocks: list[Block] = blocks_from_segments(segments)
    return Document(
        kind="letter",
        person=profile.person,
        title=f"Cover letter: {profile.person.name}",
        company=posting.company,
        role=posting.role,
        document_date=today,
        blocks=tuple(blocks),
    )
