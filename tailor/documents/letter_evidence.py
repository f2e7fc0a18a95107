"""Which items a letter may cite for a posting line, and the chooser that spends each item once."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tailor.documents.first_person import Sentence, first_person_sentences
from tailor.documents.items import ProfileItem, profile_items
from tailor.documents.letter_choices import (
    KIND_RANK,
    LETTER_KINDS,
    MAX_EVIDENCE_CHARS,
    MAX_REQUIREMENT_CHARS,
    SIDE_SECTIONS,
    SIDE_TAGS,
    Cited,
)
from tailor.matching import Selection
from tailor.matching.candidates import candidates
from tailor.matching.core import BROAD, CoreSkill, is_central
from tailor.matching.degrees import lowest_level_asked
from tailor.matching.evidence import Evidence, RequirementEvidence, Strength
from tailor.matching.reasons import Reason
from tailor.matching.vocabulary import Vocabulary
from tailor.models.profile import MasterProfile

_STANDS_ALONE = re.compile(r"^(?:One|The|A|An|Most|Part|Each|Both|All|Several|Some)\b")
"""A sentence that is not led by a verb but reads on after "At Capital One, " ("one of my ...")."""
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|includes?|involved?|allows?|uses?|used)\b")
"""A verb: "An automatic music generator." is a fragment, "One of my contributions is ..." is not."""
_REFERS_BACK = re.compile(
    r"\b(?:such(?! (?:as|that)\b)|this|these|those|above|latter|former)\b", re.IGNORECASE
)
"""A word pointing at an earlier sentence ("One of such solutions"; "such that" and "such as" do not)."""
_WORDS = re.compile(r"[a-z0-9+#]+")
_LIST_LINE = re.compile(r"^\s*[-*\u2022] ", re.MULTILINE)
_STRENGTH_RANK: dict[Strength, int] = {"strong": 0, "partial": 1, "none": 2}


def letter_line(entry: RequirementEvidence) -> bool:
    """Whether the letter may answer this line at all."""
    if not entry.evidence or entry.strength == "none" or entry.requirement.weight <= 0:
        return False
    if entry.evidence[0].kind == "education" or lowest_level_asked(entry.requirement.text) is not None:
        return False  # a degree line: the CV's education answers it; the letter speaks of work
    return len(entry.requirement.text) <= MAX_REQUIREMENT_CHARS


def _on_topic(evidence: Evidence, loose: bool = False, fill: bool = False) -> bool:
    """Evidence a letter can cite for a line: the item shows the line's own skill, or shares a phrase
    with it. A family cousin or shared single words may rank an item, but in a letter that says
    "You ask for X." the next sentence has to be about X. ``loose`` (a letter that would otherwise
    have fewer than two paragraphs) also takes a skill of the line's family; ``fill`` (a letter that
    says too little even so) takes any evidence the matcher found."""
    if evidence.exact or fill:
        return True
    return any(reason.is_phrase or (loose and reason.kind == "skill") for reason in evidence.reasons)


def _flat(text: str) -> str:
    return " ".join(text.replace("- ", " ").split())


def overlaps(a: str, b: str) -> bool:
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


def people_line(entry: RequirementEvidence) -> bool:
    """A line that asks for mentoring, teaching or coaching (not a technical skill)."""
    return bool(_PEOPLE_LINE.search(entry.requirement.text))


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
    return bool(_STANDS_ALONE.match(text) and _FINITE.search(text) and not refers_back(text))


def refers_back(text: str) -> bool:
    """Whether a sentence points at one before it ("One of such solutions …", "This allows …")."""
    return bool(_REFERS_BACK.search(text))


_FIELD_WORDS = frozenset({"ml", "ai", "machine", "learning", "artificial", "intelligence"})


def beyond_the_field(reasons: Sequence[Reason], own: set[str], vocabulary: Vocabulary) -> bool:
    """Whether a match shows more than the broad field both sides are in: a skill narrower than
    machine learning or AI that the item names itself (``own``: its skill ids; "responsible AI",
    TypeScript), or a shared phrase without those words ("research engineer"). Every paragraph or
    answer of an ML person "answers" "experience with ML and AI"; cited for that, a mission paragraph
    written for one company went to the next."""
    shown = {vocabulary.name(skill) for skill in own if skill not in BROAD}
    return any(
        (reason.kind == "skill" and reason.name in shown)
        or (reason.is_phrase and not _FIELD_WORDS & set(reason.name.split()))
        for reason in reasons
    )


class EvidenceChooser:
    def __init__(self, profile: MasterProfile, selection: Selection, vocabulary: Vocabulary) -> None:
        self.items = profile_items(profile)
        self.scores = {item.id: item.score for item in selection.items}
        self.selection = selection
        self.vocabulary = vocabulary
        self.used: set[str] = set()
        self.quoted: list[str] = []
        self.skills = {
            c.id: vocabulary.with_implied({s for text in (c.text, *c.skills) for s in vocabulary.ids(text)})
            for c in candidates(profile)
        }
        self.publications = 0
        self.position = {e.requirement.id: n for n, e in enumerate(selection.requirements)}
        """Each requirement line's place in the posting (ids are names, not numbers to parse)."""
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
        number = self.position.get(entry.requirement.id, len(self.position))
        kind = KIND_RANK.get(entry.requirement.kind, 2)
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
        if len(item.text) > MAX_EVIDENCE_CHARS or any(overlaps(item.text, t) for t in self.quoted):
            return None
        return item

    def cite(
        self, entry: RequirementEvidence, per_paragraph: int, *, loose: bool = False, fill: bool = False
    ) -> list[Cited]:
        found: list[tuple[tuple[float, ...], Cited]] = []
        people = people_line(entry)
        for order, evidence in enumerate(entry.more or entry.evidence):
            item = self.usable(evidence)
            if item is None or not _on_topic(evidence, loose, fill):
                continue
            own = self.skills.get(item.id, set())
            if item.kind == "answer" and not beyond_the_field(evidence.reasons, own, self.vocabulary):
                continue  # an answer quoted whole must speak to this line, not only to the field
            prose = item.kind in ("bullet", "project")
            sentences = tuple(first_person_sentences(item.text, drop_tools=True)) if prose else ()
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
            line = tuple(s for s in self.vocabulary.ids(entry.requirement.text) if s in own)
            score = self.scores.get(item.id, 0.0)
            found.append((key, Cited(item, evidence.strength, sentences, shows, line, score)))
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
            if rank[:2] == best[:2] and not any(overlaps(cited.item.text, k.item.text) for k in kept):
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
