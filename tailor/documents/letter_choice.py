"""What a cover letter says: which of the person's paragraphs or items answer which posting lines.

The choice, all deterministic:

- **lines** are ranked as a hiring manager reads a posting: lines with strong evidence first,
  then lines that name the core of the role (:mod:`tailor.matching.core`), then by weight
  (required before preferred), then in posting order. Partial evidence is used only when
  fewer than two lines have strong evidence.
- **items** for a line: the strongest evidence first; work before teaching, volunteering and
  mentoring (those never stand in for a technical skill when work evidence exists); then the
  item's overall score for the posting; no item is cited twice, and an item the letter already
  quotes elsewhere (summary, motivation) is not cited again.
- **the person's own paragraphs** (``letter.paragraphs`` in the profile) come first when they
  answer a core or required line (strong, or partial on a core line); the prose built from
  items fills up to the number of body paragraphs.
- **motivation**: the posting's ``why`` (front matter or ``--why``), else the best-scoring
  paragraph or answer tagged ``motivation`` or ``mission``.
"""

from __future__ import annotations

from collections.abc import Sequence

from tailor.documents.items import ProfileItem
from tailor.documents.letter_choices import (
    MOTIVATION_TAGS,
    BankChoice,
    EvidenceChoice,
    LetterChoice,
    LetterSize,
    letter_sizes,
)
from tailor.documents.letter_evidence import (
    EvidenceChooser,
    beyond_the_field,
    letter_line,
    overlaps,
    people_line,
)
from tailor.documents.letter_facts import summary_sentence
from tailor.matching import Selection
from tailor.matching.candidates import Candidate
from tailor.matching.evidence import RequirementEvidence, strength_of
from tailor.matching.scoring import Score, score_candidates
from tailor.matching.vocabulary import Vocabulary, load_vocabulary
from tailor.models.job import JobPosting
from tailor.models.profile import LetterParagraph, MasterProfile

__all__ = ["BankChoice", "EvidenceChoice", "LetterChoice", "LetterSize", "choose_letter", "letter_sizes"]


def _bank_matches(
    paragraphs: Sequence[LetterParagraph], posting: JobPosting, vocabulary: Vocabulary
) -> list[Score]:
    candidates = [
        Candidate(
            p.key,
            "answer",
            "letter",
            p.text,
            " . ".join([p.text, *p.tags, *p.skills]),
            tuple(p.skills),
            order,
        )
        for order, p in enumerate(paragraphs)
    ]
    return score_candidates(candidates, posting, vocabulary)


def _bank_choices(
    profile: MasterProfile, posting: JobPosting, chooser: EvidenceChooser, limit: int
) -> tuple[list[BankChoice], LetterParagraph | None]:
    """The person's paragraphs that answer core or required lines, and their best motivation paragraph."""
    paragraphs = profile.letter.paragraphs
    if not paragraphs:
        return [], None
    entries = {e.requirement.id: e for e in chooser.selection.requirements}
    scores = _bank_matches(paragraphs, posting, chooser.vocabulary)
    ranked: list[tuple[tuple[float, ...], BankChoice]] = []
    motivation: list[tuple[float, int, LetterParagraph]] = []
    for order, (paragraph, score) in enumerate(zip(paragraphs, scores, strict=True)):
        own = {s for text in (paragraph.text, *paragraph.skills) for s in chooser.vocabulary.ids(text)}
        telling = [match for match in score.units if beyond_the_field(match.reasons, own, chooser.vocabulary)]
        if MOTIVATION_TAGS & set(paragraph.tags):
            if telling:  # why this role: it speaks to this posting, not only to the field
                motivation.append((-score.value, order, paragraph))
            continue
        best: tuple[tuple[int, ...], BankChoice] | None = None
        for match in score.units:
            entry = entries.get(match.requirement)
            strength = strength_of(match)
            if entry is None or strength == "none" or entry.requirement.weight <= 0:
                continue
            central = chooser.central(entry)
            if strength == "partial" and not central:
                continue
            key = chooser.line_key(entry, strength)
            if best is None or key < best[0]:
                best = (key, BankChoice(paragraph, entry, strength, central))
        if best is not None:
            ranked.append(((*best[0][:3], -score.value, order), best[1]))
    ranked.sort(key=lambda pair: pair[0])
    motivation.sort(key=lambda triple: triple[:2])
    return [choice for _, choice in ranked[:limit]], motivation[0][2] if motivation else None


def _motivation_answer(profile: MasterProfile, chooser: EvidenceChooser) -> ProfileItem | None:
    telling = {
        evidence.item
        for entry in chooser.selection.requirements
        for evidence in entry.more or entry.evidence
        if beyond_the_field(evidence.reasons, chooser.skills.get(evidence.item, set()), chooser.vocabulary)
    }
    tagged = [
        chooser.items[answer.key]
        for answer in profile.answers
        if MOTIVATION_TAGS & set(answer.tags)
        and not chooser.items[answer.key].hidden
        and answer.key in telling
    ]
    ranked = sorted(enumerate(tagged), key=lambda pair: (-chooser.scores.get(pair[1].id, 0.0), pair[0]))
    return ranked[0][1] if ranked else None


def _motivation(
    profile: MasterProfile, posting: JobPosting, chooser: EvidenceChooser, own: LetterParagraph | None
) -> ProfileItem | LetterParagraph | None:
    """The posting's ``why`` wins (the template writes it); else the person's own paragraph or answer."""
    if posting.why:
        chooser.quoted.append(posting.why)
        return None
    motivation = own or _motivation_answer(profile, chooser)
    if isinstance(motivation, ProfileItem):
        chooser.used.add(motivation.id)
    if motivation is not None:
        chooser.quoted.append(motivation.text)
    return motivation


def _evidence_body(
    selection: Selection, chooser: EvidenceChooser, body: list[EvidenceChoice | BankChoice], size: LetterSize
) -> None:
    """Fill the body with prose paragraphs from items, for the lines the person's paragraphs leave."""
    answered = {choice.entry.requirement.id for choice in body if isinstance(choice, BankChoice)}
    lines = [e for e in selection.requirements if letter_line(e) and e.requirement.id not in answered]
    # Strictly on-topic evidence first; a letter left with fewer than two paragraphs, or one in the
    # sizes that say more (under 250 words), takes evidence of the line's skill family too; and
    # those sizes, when that is still too little, any partial evidence for a weighted line (a
    # profile with little strong evidence: its most relevant work, rather than a 70-word letter).
    for mode in ("strict", "loose", "fill"):
        if mode == "loose" and len(body) >= 2 and size.paragraphs <= 3:
            break  # family evidence only for a letter that would say too little
        if mode == "fill" and size.paragraphs <= 3:
            break
        for entry in sorted(lines, key=chooser.line_key):
            if len(body) >= size.paragraphs:
                break
            if any(choice.entry.requirement.id == entry.requirement.id for choice in body):
                continue
            if entry.strength != "strong" and mode != "fill" and not _fills_in(entry, chooser, body, size):
                continue
            per = size.per_paragraph if not body or size.paragraphs > 3 else min(size.per_paragraph, 2)
            cited = chooser.cite(entry, per, loose=mode != "strict", fill=mode == "fill")
            if cited:
                chooser.take(cited)
                core = chooser.core_named(entry)
                body.append(EvidenceChoice(entry, chooser.central(entry), core, tuple(cited)))


def choose_letter(
    profile: MasterProfile, posting: JobPosting, selection: Selection, size: LetterSize
) -> LetterChoice:
    """The letter's body paragraphs, motivation and whether it quotes the CV's summary."""
    chooser = EvidenceChooser(profile, selection, load_vocabulary(profile.vocabulary))
    bank, own_motivation = _bank_choices(profile, posting, chooser, size.paragraphs)
    chooser.quoted.extend(choice.paragraph.text for choice in bank)
    motivation = _motivation(profile, posting, chooser, own_motivation)
    cv_summary = selection.cv.summary if selection.cv.summary_id else None
    # With letter paragraphs of their own, the person introduces themselves there (`letter.opening`).
    summary = bool(size.summary and cv_summary and not profile.letter.paragraphs)
    if cv_summary and summary_sentence(cv_summary, "") is None:
        summary = False  # a colon list the letter cannot say as a sentence is a CV's line, not a letter's
    if cv_summary and any(overlaps(cv_summary, text) for text in chooser.quoted):
        summary = False  # the motivation or a paragraph says it already, in the person's own words
    if summary and cv_summary:
        chooser.quoted.append(cv_summary)
    body: list[EvidenceChoice | BankChoice] = list(bank)
    _evidence_body(selection, chooser, body, size)
    body.sort(key=lambda choice: _body_key(choice, chooser))
    return LetterChoice(body=body, motivation=motivation, summary=summary)


def _fills_in(
    entry: RequirementEvidence, chooser: EvidenceChooser, body: Sequence[object], size: LetterSize
) -> bool:
    """Partial evidence only fills in: for a letter with one paragraph so far, or in the sizes that
    say more (a profile with little strong evidence), and then only for the core or a required line."""
    wanted = chooser.central(entry) or entry.requirement.kind == "required"
    return wanted and (len(body) < 2 or size.paragraphs > 3)


def _body_key(choice: EvidenceChoice | BankChoice, chooser: EvidenceChooser) -> tuple[int, ...]:
    """Work before people (a line that asks for mentoring comes after the technical case), then
    strongest first, then the core of the role, then required before preferred."""
    strength = choice.strength if isinstance(choice, BankChoice) else choice.items[0].strength
    return (int(people_line(choice.entry)), *chooser.line_key(choice.entry, strength))
