"""The letter's body paragraphs: what each answers, and the user's own sentences that answer it."""

from __future__ import annotations

from typing import Any

from tailor.documents.first_person import reads_as_object
from tailor.documents.items import ProfileItem
from tailor.documents.letter_choices import BankChoice, Cited, EvidenceChoice
from tailor.documents.letter_evidence import people_line
from tailor.documents.letter_facts import (
    MAX_LEAD_SKILLS,
    THERE,
    THERE_RULE,
    YEARS,
    place_of,
    takes_the,
)
from tailor.documents.template_text import Traced, TracedRun, render_user_text
from tailor.matching.core import BROAD
from tailor.models.job import JobPosting

COMMON_TOOLS = frozenset({"python", "sql", "git", "linux", "bash"})
"""Tools nearly every technical posting names: a paragraph is not led by them (the CV lists them)."""


def _ask(choice: EvidenceChoice | BankChoice) -> Traced:
    """The requirement line as the object of "You ask for …" (first letter lowered when it reads so)."""
    unit = choice.entry.requirement
    text = unit.text.strip().rstrip(".;:").strip()
    if reads_as_object(text):
        if len(text) > 1 and not text[1].isupper():
            return Traced(text[0].lower() + text[1:], f"posting:{unit.id}", "lower-case first letter")
        return Traced(text, f"posting:{unit.id}")
    return Traced(text, f"posting:{unit.id}")


def _a_name(surface: str, skill: str, vocabulary: Any) -> bool:
    """A tool or language name ("C++", "PyTorch", "AWS", "Spark"), not a practice ("Testing") or a
    common noun ("dashboard"), which read badly after "You ask for"."""
    if surface == surface.lower() and surface.replace(" ", "").replace("-", "").isalpha():
        return False
    if surface.replace(" ", "").isalpha() and _sentence_case(vocabulary.name(skill)):
        return False  # "Data Science", "Machine Learning": a field written in title case
    if surface.lower().endswith("ing"):
        return False
    return not {"engineering-practices", "software-testing"} & set(vocabulary.family_of(skill))


def _written(cited: Cited) -> str:
    """What the letter writes of an item: its sentences (no tool list), or its text."""
    return " ".join(s.text for s in cited.sentences) if cited.sentences else cited.item.text


def _line_skills(choice: EvidenceChoice) -> list[Traced]:
    """The line's skills that its items show themselves, as the posting spells them (at most three):
    a line that is a list ("Java, Python, C++") or an instruction is led by what it asks for."""
    from tailor.matching.vocabulary import load_vocabulary

    unit = choice.entry.requirement
    shown = {skill for cited in choice.items for skill in cited.shows_line}
    own = " ".join(_written(cited) for cited in choice.items).lower()
    seen: set[str] = set()
    out: list[Traced] = []
    vocabulary = load_vocabulary()
    for mention in vocabulary.find(unit.text):
        surface = mention.surface
        if mention.id not in shown or mention.id in seen or len(out) >= MAX_LEAD_SKILLS:
            continue
        # A name ("C++", "PyTorch", "AWS") the item's own words contain: not "Claude" for GPT,
        # not a common noun ("You also ask for dashboard.").
        if mention.id in COMMON_TOOLS:
            continue  # "You ask for experience with Python." says nothing to an ML hiring manager
        if surface.lower() in own and _a_name(surface, mention.id, vocabulary):
            seen.add(mention.id)
            out.append(Traced(surface, f"posting:{unit.id}"))
    return out


def _quotable_ask(choice: EvidenceChoice | BankChoice) -> bool:
    """ "You ask for <line>." only before items that are strong evidence for the line and show every
    skill it names: a reader takes what follows as the answer, and evidence that only shares related
    words ("model training infrastructure" under "Kubeflow or MLflow"), or answers one skill of three,
    reads as a dodge. Such a paragraph is led by the skills its items show, or by nothing."""
    if isinstance(choice, EvidenceChoice):
        first = choice.items[0]
        if first.strength != "strong" or not first.shows_line:
            return False  # strong through related words only: the item does not show what the line names
        from tailor.matching.vocabulary import load_vocabulary

        vocabulary = load_vocabulary()
        named = set(vocabulary.ids(choice.entry.requirement.text))
        shown = {skill for cited in choice.items for skill in cited.shows_line}
        # ... and in the sentences the letter writes: "You ask for fluency in C++." is followed by C++
        written = set(vocabulary.ids(" ".join(_written(cited) for cited in choice.items)))
        if not named <= shown & written:
            return (
                False  # "deep learning, Bayesian filtering and optimization" answered by deep learning alone
            )
    return reads_as_object(choice.entry.requirement.text.strip().rstrip(".;:").strip())


def _lower_word(word: str) -> str:
    """``Learning`` -> ``learning``; ``ML``, ``PyTorch`` and ``iOS`` stay as they are."""
    if len(word) > 1 and word[0].isupper() and word[1:].islower():
        return word.lower()
    return word


def _too_broad(core: Any, vocabulary: Any) -> bool:
    """ "The role centres on ML." says nothing, and "… on AWS." misreads a role: a broad field, a
    language, or a tool read off the lines (not the title) leads no paragraph."""
    if core.id in BROAD or "programming-languages" in vocabulary.family_of(core.id):
        return True
    return core.source != "title" and core.id in vocabulary.skills


def _sentence_case(name: str) -> bool:
    """``Machine learning`` (a field, written in sentence case) rather than ``Python`` (a name)."""
    words = name.split()
    return len(words) > 1 and all(word[:1].islower() for word in words[1:])


def _writes(cited: Cited, skill: str, vocabulary: Any) -> bool:
    """Whether the sentences the letter writes of an item name the skill or a direct member of its
    family (object detection for computer vision; not distillation, two steps below MLOps)."""

    def direct(own: str) -> bool:
        if own == skill:
            return True
        term = vocabulary.skills.get(own) or vocabulary.families.get(own)
        return getattr(term, "family", None) == skill or getattr(term, "parent", None) == skill

    return any(direct(own) for own in vocabulary.ids(_written(cited)))


def _core_names(choice: EvidenceChoice, posting: JobPosting, named: set[str]) -> list[Traced]:
    """The core skills a paragraph answers that no paragraph before it named, as the posting spells them."""
    from tailor.matching.vocabulary import load_vocabulary

    vocabulary = load_vocabulary()
    unit = choice.entry.requirement
    names: list[Traced] = []
    for core in choice.core:
        if core.id in named or core.id not in choice.items[0].shows_core or _too_broad(core, vocabulary):
            continue  # named before, not what the first item shows, or too broad to say anything
        if not _writes(choice.items[0], core.id, vocabulary):
            continue  # "The role centres on MLOps." before a sentence that does not speak of it
        for text, source in ((unit.text, f"posting:{unit.id}"), (posting.role or "", "posting:role")):
            mention = next((m for m in vocabulary.find(text) if m.id == core.id), None)
            if mention is not None:
                surface = mention.surface
                common = core.id in vocabulary.families or _sentence_case(vocabulary.name(core.id))
                lowered = " ".join(_lower_word(w) for w in surface.split(" ")) if common else surface
                if " " not in lowered and (lowered.islower() or (lowered.isupper() and len(lowered) > 3)):
                    # "The role centres on database." or "… on RDBMS." reads as a machine's: the evidence
                    # speaks alone
                    break
                rule = "lower case" if lowered != surface else None
                names.append(Traced(lowered, source, rule))
                named.add(core.id)
                break
    return names


def _cited(cited: Cited, previous: ProfileItem | None) -> dict[str, Any]:
    item = cited.item
    place = place_of(item)
    same = previous is not None and previous.where is not None and item.where is not None
    same = same and previous.where.text == item.where.text  # type: ignore[union-attr]
    sentences = []
    for number, s in enumerate(cited.sentences):
        text, rule = s.text, s.rule
        if number == 0 and place is not None and not same and s.form != "verb" and not text.startswith("I "):
            # "At Capital One, my role on the team is …" (the sentence follows "At <place>, ")
            text, rule = (
                text[0].lower() + text[1:],
                ("lower-case first letter" + (f"; {rule}" if rule else "")),
            )
            there = THERE.match(text)
            if there:  # "At Boston Fusion, my role there was …": the place is named already
                text, rule = there.group(1) + text[there.end() :], f"{rule}; {THERE_RULE}"
        tools = Traced(s.tools, item.source) if s.tools else None
        sentences.append({"form": s.form, "text": Traced(text, item.source, rule), "tools": tools})
    return {
        "kind": item.kind,
        "section": item.section,
        "where": place,
        "the": place is not None and takes_the(str(place)),
        "same_place": same,
        "text": Traced(item.text, item.source),
        "sentences": sentences,
    }


def user_text(text: str, source: str, where: str, posting: JobPosting) -> TracedRun:
    values = {
        "company": Traced(posting.company or "", "posting:company"),
        "role": Traced(posting.role or "", "posting:role"),
    }
    segments = render_user_text(text.strip(), source, where, values)
    return TracedRun(Traced(s.text, s.source) for s in segments)


def _paragraph(choice: EvidenceChoice | BankChoice, posting: JobPosting, named: set[str]) -> dict[str, Any]:
    if isinstance(choice, BankChoice):
        paragraph = choice.paragraph
        own = user_text(
            paragraph.text, f"profile:{paragraph.key}", f"letter paragraph {paragraph.key}", posting
        )
        return {
            "own": own,
            "lead": None,
            "core": [],
            "skills": [],
            "ask": None,
            "cited": [],
            "also": False,
            "people": False,
        }
    # "The role centres on machine learning." only before an item that shows machine learning.
    before = bool(named)
    core = _core_names(choice, posting, named) if choice.central else []
    lead = ("more-core" if before else "core") if core else None
    years = bool(YEARS.search(choice.entry.requirement.text))  # "8+ years": the CV's dates answer it
    # "You ask for experience with Java." only of a line that requires it: a "good to have" line
    # is not an ask (a reviewer read it as misreading the posting), and its evidence speaks alone.
    asks = choice.entry.requirement.kind == "required" or choice.central
    skills = _line_skills(choice) if asks else []
    lead = lead or (
        "none" if years or not asks else "ask" if _quotable_ask(choice) else "skills" if skills else "none"
    )
    return {
        "own": None,
        "lead": lead,
        "core": core,
        "skills": skills,
        "ask": _ask(choice),
        "cited": choice.items,
        "people": people_line(choice.entry),
    }


MAX_MERGED = 4
"""Items in one paragraph when paragraphs without a lead run on into the one before."""


def body_paragraphs(choices: list[EvidenceChoice | BankChoice], posting: JobPosting) -> list[dict[str, Any]]:
    """The body paragraphs for the template. A paragraph without a lead (its line is a long sentence
    or a number of years) runs on into the paragraph before it, so that the letter does not read as
    a list of one-sentence paragraphs; items then say "At Pinterest" once for a run from one place."""
    named: set[str] = set()
    out: list[dict[str, Any]] = []
    for choice in choices:
        paragraph = _paragraph(choice, posting, named)
        before = out[-1] if out else None
        if (
            paragraph["lead"] == "none"
            and before is not None
            and before["own"] is None
            and before["lead"] == "none"  # never under a lead that the items would not show
            and before["people"] == paragraph["people"]  # mentoring apart from the technical work
            and len(before["cited"]) + len(paragraph["cited"]) <= MAX_MERGED
        ):
            before["cited"] = [*before["cited"], *paragraph["cited"]]
        else:
            out.append(paragraph)
    asked = False
    for paragraph in out:
        paragraph["also"] = asked
        asked = asked or paragraph["lead"] in ("ask", "skills")
        previous: ProfileItem | None = None
        items = []
        for cited in _by_place(_lead_first(paragraph)):
            items.append(_cited(cited, previous))
            previous = cited.item
        paragraph["cited"] = items
    return out


def _lead_first(paragraph: dict[str, Any]) -> list[Cited]:
    """A paragraph's items in the order it cites them: after a lead, those whose sentences name what
    the lead names first ("You ask for C++." then the C++ work); without one, the most relevant work."""
    cited: list[Cited] = paragraph["cited"]
    if paragraph["lead"] == "none":
        return sorted(cited, key=lambda one: -one.score)
    if paragraph["lead"] == "skills":
        names = [str(skill).lower() for skill in paragraph["skills"]]
        return sorted(cited, key=lambda one: not any(name in _written(one).lower() for name in names))
    return cited


def _by_place(cited: list[Cited]) -> list[Cited]:
    """The items of a paragraph, strongest first but those from one place together, so that the
    paragraph says "At Pinterest" once and does not go back and forth between employers."""
    first: dict[str, int] = {}
    for number, one in enumerate(cited):
        first.setdefault(one.item.where.text if one.item.where else one.item.id, number)
    return sorted(cited, key=lambda one: first[one.item.where.text if one.item.where else one.item.id])


def paragraph_pair(choice: EvidenceChoice | BankChoice, posting: JobPosting) -> dict[str, Any]:
    """The ``form`` template's view: the requirement line and the evidence as written."""
    unit = choice.entry.requirement
    if isinstance(choice, BankChoice):
        key = choice.paragraph.key
        own = user_text(choice.paragraph.text, f"profile:{key}", f"letter paragraph {key}", posting)
        evidence = [{"kind": "answer", "section": "", "text": own, "where": None}]
    else:
        evidence = [
            {
                "kind": c.item.kind,
                "section": c.item.section,
                "text": Traced(c.item.text, c.item.source),
                "where": Traced(c.item.where.text, c.item.where.source) if c.item.where else None,
            }
            for c in choice.items
        ]
    return {"requirement": Traced(unit.text, f"posting:{unit.id}"), "evidence": evidence}
