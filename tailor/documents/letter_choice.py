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

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from tailor.documents.first_person import Sentence, first_person_sentences
from tailor.documents.items import ProfileItem, profile_items
from tailor.matching import Selection
from tailor.matching.candidates import Candidate, candidates
from tailor.matching.core import CoreSkill, is_central
from tailor.matching.degrees import lowest_level_asked
from tailor.matching.evidence import Evidence, RequirementEvidence, Strength, strength_of
from tailor.matching.scoring import Score, score_candidates
from tailor.matching.vocabulary import Vocabulary, load_vocabulary
from tailor.models.job import JobPosting
from tailor.models.profile import LetterParagraph, MasterProfile

__all__ = ["BankChoice", "EvidenceChoice", "LetterChoice", "LetterSize", "choose_letter", "letter_sizes"]

MOTIVATION_TAGS = frozenset({"motivation", "mission"})
LETTER_KINDS = frozenset({"bullet", "answer", "project", "publication"})
SIDE_SECTIONS = frozenset({"teaching", "volunteering"})
SIDE_TAGS = frozenset({"mentoring", "teaching", "volunteering"})
"""Evidence about helping others learn: never cited for a technical line when work evidence exists."""
MAX_EVIDENCE_CHARS = 600
MAX_REQUIREMENT_CHARS = 300
_STANDS_ALONE = re.compile(r"^(?:One|The|A|An|Most|Part|Each|Both|All|Several|Some)\b")
"""A sentence that is not led by a verb but reads on after "At Capital One, " ("one of my ...")."""
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|includes?|involved?|allows?|uses?|used)\b")
"""A verb: "An automatic music generator." is a fragment, "One of my contributions is ..." is not."""
_REFERS_BACK = re.compile(r"\b(?:such|this|these|those|above|latter|former)\b", re.IGNORECASE)
_WORDS = re.compile(r"[a-z0-9+#]+")
_LIST_LINE = re.compile(r"^\s*[-*\u2022] ", re.MULTILINE)
_STRENGTH_RANK: dict[Strength, int] = {"strong": 0, "partial": 1, "none": 2}
_KIND_RANK = {"required": 0, "responsibilities": 1, "other": 2, "preferred": 3}


@dataclass(frozen=True)
class LetterSize:
    """How much the letter says: the fitter tries ever smaller sizes."""

    paragraphs: int = 3
    per_paragraph: int = 2
    summary: bool = True


def letter_sizes() -> list[LetterSize]:
    """Variants in order of preference: three paragraphs of two items, more when that says too little
    (under 250 words), less when it does not fit a page and 400 words."""
    return [
        LetterSize(3, 2, True),
        LetterSize(3, 3, True),
        LetterSize(4, 3, True),
        LetterSize(5, 3, True),
        LetterSize(3, 2, False),
        LetterSize(3, 1, True),
        LetterSize(2, 2, False),
        LetterSize(2, 1, False),
        LetterSize(1, 1, False),
    ]


@dataclass(frozen=True)
class Cited:
    """One profile item cited in a body paragraph, with its sentences in letter form."""

    item: ProfileItem
    strength: Strength
    sentences: tuple[Sentence, ...]
    shows_core: tuple[str, ...] = ()
    """The core skills its line names that the item shows (a paragraph is led only by those)."""
    shows_line: tuple[str, ...] = ()
    """The line's own skills that the item shows itself ("You ask for Python and C++.")."""


@dataclass(frozen=True)
class EvidenceChoice:
    """A body paragraph built from items: the line it answers and the items that answer it."""

    entry: RequirementEvidence
    central: bool
    core: tuple[CoreSkill, ...]
    """The core skills this line names (the paragraph's lead names them)."""
    items: tuple[Cited, ...]


@dataclass(frozen=True)
class BankChoice:
    """A body paragraph of the person's own, and the line it answers best."""

    paragraph: LetterParagraph
    entry: RequirementEvidence
    strength: Strength
    central: bool


@dataclass(frozen=True)
class LetterChoice:
    """Everything the letter template needs to know about content."""

    body: list[EvidenceChoice | BankChoice] = field(default_factory=list)
    motivation: ProfileItem | LetterParagraph | None = None
    summary: bool = False


def _letter_line(entry: RequirementEvidence) -> bool:
    """Whether the letter may answer this line at all."""
    if not entry.evidence or entry.strength == "none" or entry.requirement.weight <= 0:
        return False
    if entry.evidence[0].kind == "education" or lowest_level_asked(entry.requirement.text) is not None:
        return False  # a degree line: the CV's education answers it; the letter speaks of work
    return len(entry.requirement.text) <= MAX_REQUIREMENT_CHARS


def _on_topic(evidence: Evidence, loose: bool = False) -> bool:
    """Evidence a letter can cite for a line: the item shows the line's own skill, or shares a phrase
    with it. A family cousin or shared single words may rank an item, but in a letter that says
    "You ask for X." the next sentence has to be about X. ``loose`` (a letter that would otherwise
    have fewer than two paragraphs) also takes a skill of the line's family."""
    if evidence.exact:
        return True
    return any(
        (" " in reason and not reason.startswith(("skill:", "related:")))
        or (loose and reason.startswith("skill:"))
        for reason in evidence.reasons
    )


def _flat(text: str) -> str:
    return " ".join(text.replace("- ", " ").split())


def _overlaps(a: str, b: str) -> bool:
    """One text says what the other says: it is inside it, or nearly all of its words are (a summary
    and a copy-edited letter paragraph that repeats it)."""
    a, b = _flat(a), _flat(b)
    if a in b or b in a:
        return True
    words_a, words_b = set(_WORDS.findall(a.lower())), set(_WORDS.findall(b.lower()))
    shorter = min(words_a, words_b, key=len)
    return len(shorter) >= 8 and len(words_a & words_b) >= 0.8 * len(shorter)


def _asks_papers(entry: RequirementEvidence) -> bool:
    return bool(re.search(r"publica|paper|research", entry.requirement.text, re.IGNORECASE))


_PEOPLE_LINE = re.compile(r"\b(?:mentor|teach|coach|tutor|volunteer)", re.IGNORECASE)
"""A line that asks for mentoring or teaching: there, that work is the evidence, not a stand-in."""


def _side(item: ProfileItem) -> bool:
    return item.section in SIDE_SECTIONS or bool(SIDE_TAGS & set(item.tags))


def _prose_ready(item: ProfileItem, sentences: Sequence[Sentence]) -> bool:
    """An item the letter can write as prose: its first sentence starts with a verb or "I"/"My".
    A bullet that starts "One of such solutions is ..." or a project that starts "An automatic music
    generator." reads as a pasted fragment in a letter; the CV and the answer sheet keep it."""
    if item.kind in ("answer", "publication"):
        return True
    if not sentences:
        return False
    first = sentences[0]
    if first.form != "quoted":
        return True
    if item.kind == "project":
        return False  # "In my project X, the second project I had was …"
    text = first.text
    return bool(_STANDS_ALONE.match(text) and _FINITE.search(text) and not _REFERS_BACK.search(text))


class _Chooser:
    def __init__(self, profile: MasterProfile, selection: Selection, vocabulary: Vocabulary) -> None:
        self.items = profile_items(profile)
        self.scores = {item.id: item.score for item in selection.items}
        self.selection = selection
        self.vocabulary = vocabulary
        self.used: set[str] = set()
        self.quoted: list[str] = []
        self.skills = {
            c.id: {s for text in (c.text, *c.skills) for s in vocabulary.ids(text)}
            for c in candidates(profile)
        }
        self.publications = 0
        texts = [_flat(item.text) for item in self.items.values()]
        self.shared = {text for text in texts if texts.count(text) > 1}
        """Passages that several items share ("I have 3 favorite projects, …"): about none of them."""

    def central(self, entry: RequirementEvidence) -> bool:
        return is_central(entry.requirement, self.selection.core, self.vocabulary)

    def core_shown(self, item_id: str, core: Sequence[CoreSkill] | None = None) -> int:
        """How many of the role's core skills (or of ``core``) an item shows (itself or its family)."""
        own = self.skills.get(item_id, set())
        chosen = self.selection.core if core is None else core
        return sum(1 for c in chosen if any(self.vocabulary.related(c.id, s) >= 0.5 for s in own))

    def shows(self, item_id: str, core: CoreSkill) -> bool:
        """The item shows this core skill itself, or, for a field (computer vision), one of its own."""
        own = self.skills.get(item_id, set())
        if core.id in self.vocabulary.families:
            return any(self.vocabulary.related(core.id, s) >= 0.5 for s in own)
        return core.id in own

    def line_key(self, entry: RequirementEvidence, strength: Strength | None = None) -> tuple[int, ...]:
        """Strong first, then lines naming more of the core, required before preferred, weight, order."""
        number = int(entry.requirement.id.lstrip("r") or 0)
        kind = _KIND_RANK.get(entry.requirement.kind, 2)
        named = len(self.core_named(entry))
        rank = _STRENGTH_RANK[strength or entry.strength]
        return (rank, -named, kind, int(-entry.requirement.weight * 100), number)

    def core_named(self, entry: RequirementEvidence) -> tuple[CoreSkill, ...]:
        skills = self.vocabulary.ids(entry.requirement.text)
        return tuple(
            c
            for c in self.selection.core
            if any(
                self.vocabulary.related(c.id, s) >= 0.5 or self.vocabulary.related(s, c.id) >= 0.5
                for s in skills
            )
        )

    def usable(self, evidence: Evidence) -> ProfileItem | None:
        item = self.items.get(evidence.item)
        if item is None or item.kind not in LETTER_KINDS or item.hidden or item.id in self.used:
            return None
        if item.kind == "answer" and _LIST_LINE.search(item.text):
            return None  # a list of notes reads as a form, not a letter: the answer sheet has it
        if _flat(item.text) in self.shared:
            return None
        if len(item.text) > MAX_EVIDENCE_CHARS or any(_overlaps(item.text, t) for t in self.quoted):
            return None
        return item

    def cite(self, entry: RequirementEvidence, per_paragraph: int, *, loose: bool = False) -> list[Cited]:
        found: list[tuple[tuple[float, ...], Cited]] = []
        people = bool(_PEOPLE_LINE.search(entry.requirement.text))
        for order, evidence in enumerate(entry.more or entry.evidence):
            item = self.usable(evidence)
            if item is None or not _on_topic(evidence, loose):
                continue
            prose = item.kind in ("bullet", "project")
            sentences = tuple(first_person_sentences(item.text)) if prose else ()
            if not _prose_ready(item, sentences):
                continue
            if item.kind == "publication" and self.publications:
                continue  # one paper per letter
            key = (
                _STRENGTH_RANK[evidence.strength],
                1 if _side(item) and not people else 0,
                -self.core_shown(item.id),
                1 if item.kind == "publication" and not _asks_papers(entry) else 0,
                0 if evidence.exact else 1,
                -self.scores.get(item.id, 0.0),
                -evidence.value,
                order,
            )
            shows = tuple(c.id for c in self.core_named(entry) if self.shows(item.id, c))
            own = self.skills.get(item.id, set())
            line = tuple(s for s in self.vocabulary.ids(entry.requirement.text) if s in own)
            found.append((key, Cited(item, evidence.strength, sentences, shows, line)))
        found.sort(key=lambda pair: pair[0])
        work = any(
            (item := self.items.get(e.item)) is not None and not _side(item) and item.kind in LETTER_KINDS
            for e in entry.more or entry.evidence
        )
        if not found or (work and found[0][0][1] and not people):
            return []  # teaching or mentoring never stands in for work evidence already cited
        best = found[0][0]
        # Never partial when strong exists; never teaching or mentoring when work evidence exists;
        # never two items that say the same (two projects with one description).
        kept: list[Cited] = []
        for rank, cited in found:
            if rank[:2] == best[:2] and not any(_overlaps(cited.item.text, k.item.text) for k in kept):
                kept.append(cited)
        papers = [cited for cited in kept if cited.item.kind == "publication"][:1]  # one paper a letter
        others = [cited for cited in kept if cited.item.kind != "publication"]
        # A paper supports a paragraph about skills; it leads only one that asks for papers.
        kept = papers + others if _asks_papers(entry) else others + papers
        return kept[:per_paragraph]

    def take(self, cited: Sequence[Cited]) -> None:
        for one in cited:
            self.publications += one.item.kind == "publication"
            self.used.add(one.item.id)
            self.quoted.append(one.item.text)


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
    profile: MasterProfile, posting: JobPosting, chooser: _Chooser, limit: int
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
        if MOTIVATION_TAGS & set(paragraph.tags):
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


def _motivation_answer(profile: MasterProfile, chooser: _Chooser) -> ProfileItem | None:
    tagged = [
        chooser.items[answer.key]
        for answer in profile.answers
        if MOTIVATION_TAGS & set(answer.tags) and not chooser.items[answer.key].hidden
    ]
    ranked = sorted(enumerate(tagged), key=lambda pair: (-chooser.scores.get(pair[1].id, 0.0), pair[0]))
    return ranked[0][1] if ranked else None


def _motivation(
    profile: MasterProfile, posting: JobPosting, chooser: _Chooser, own: LetterParagraph | None
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
    selection: Selection, chooser: _Chooser, body: list[EvidenceChoice | BankChoice], size: LetterSize
) -> None:
    """Fill the body with prose paragraphs from items, for the lines the person's paragraphs leave."""
    answered = {choice.entry.requirement.id for choice in body if isinstance(choice, BankChoice)}
    lines = [e for e in selection.requirements if _letter_line(e) and e.requirement.id not in answered]
    # Strictly on-topic evidence first; a letter left with fewer than two paragraphs, or one in the
    # sizes that say more (under 250 words), takes evidence of the line's skill family too.
    for loose in (False, True):
        if loose and len(body) >= 2 and size.paragraphs <= 3:
            break  # family evidence only for a letter that would say too little
        for entry in sorted(lines, key=chooser.line_key):
            if len(body) >= size.paragraphs:
                break
            if any(choice.entry.requirement.id == entry.requirement.id for choice in body):
                continue
            if entry.strength != "strong" and not _fills_in(entry, chooser, body, size):
                continue
            per = size.per_paragraph if not body or size.paragraphs > 3 else min(size.per_paragraph, 2)
            cited = chooser.cite(entry, per, loose=loose)
            if cited:
                chooser.take(cited)
                core = chooser.core_named(entry)
                body.append(EvidenceChoice(entry, chooser.central(entry), core, tuple(cited)))


def choose_letter(
    profile: MasterProfile, posting: JobPosting, selection: Selection, size: LetterSize
) -> LetterChoice:
    """The letter's body paragraphs, motivation and whether it quotes the CV's summary."""
    chooser = _Chooser(profile, selection, load_vocabulary(profile.vocabulary))
    bank, own_motivation = _bank_choices(profile, posting, chooser, size.paragraphs)
    chooser.quoted.extend(choice.paragraph.text for choice in bank)
    motivation = _motivation(profile, posting, chooser, own_motivation)
    cv_summary = selection.cv.summary if selection.cv.summary_id else None
    # With letter paragraphs of their own, the person introduces themselves there (`letter.opening`).
    summary = bool(size.summary and cv_summary and not profile.letter.paragraphs)
    if cv_summary and any(_overlaps(cv_summary, text) for text in chooser.quoted):
        summary = False  # the motivation or a paragraph says it already, in the person's own words
    if summary and cv_summary:
        chooser.quoted.append(cv_summary)
    body: list[EvidenceChoice | BankChoice] = list(bank)
    _evidence_body(selection, chooser, body, size)
    body.sort(key=lambda choice: _body_key(choice, chooser))
    return LetterChoice(body=body, motivation=motivation, summary=summary)


def _fills_in(
    entry: RequirementEvidence, chooser: _Chooser, body: Sequence[object], size: LetterSize
) -> bool:
    """Partial evidence only fills in: for a letter with one paragraph so far, or in the sizes that
    say more (a profile with little strong evidence), and then only for the core or a required line."""
    wanted = chooser.central(entry) or entry.requirement.kind == "required"
    return wanted and (len(body) < 2 or size.paragraphs > 3)


def _body_key(choice: EvidenceChoice | BankChoice, chooser: _Chooser) -> tuple[int, ...]:
    """Strongest first, then the core of the role, then required before preferred."""
    strength = choice.strength if isinstance(choice, BankChoice) else choice.items[0].strength
    return chooser.line_key(choice.entry, strength)
