"""The cover letter: a Jinja text template filled with the profile's and posting's own words.

What it says is chosen in :mod:`tailor.documents.letter_choice` (the person's own paragraphs
first, else prose from their bullets, strongest evidence for the core of the role first);
how a bullet becomes a first-person sentence is :mod:`tailor.documents.first_person`. This
module turns that choice into the template's variables, each a traced string, and renders
the template. The pipeline renders ever shorter sizes (:func:`letter_sizes`) until the letter
fits one page and 400 words.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tailor.documents.blocks import blocks_from_segments
from tailor.documents.first_person import reads_as_object
from tailor.documents.items import ProfileItem
from tailor.documents.letter_choice import (
    MOTIVATION_TAGS,
    BankChoice,
    Cited,
    EvidenceChoice,
    LetterChoice,
    LetterSize,
    choose_letter,
    letter_sizes,
)
from tailor.documents.template_text import Traced, TracedRun, render_traced, render_user_text
from tailor.errors import PostingError, TemplateError
from tailor.matching import Selection
from tailor.matching.core import BROAD
from tailor.models.documents import Block, Document
from tailor.models.fields import MONTH_NAMES
from tailor.models.job import JobPosting
from tailor.models.profile import LetterParagraph, MasterProfile

__all__ = [
    "MOTIVATION_TAGS",
    "LetterSize",
    "LetterTemplate",
    "check_letter_inputs",
    "letter_document",
    "letter_sizes",
    "letter_template",
    "long_date",
    "missing_letter_inputs",
]


@dataclass(frozen=True)
class LetterTemplate:
    """A letter template's name (used in phrase sources), file and text."""

    name: str
    path: Path
    text: str


def letter_template(name_or_path: str | Path) -> LetterTemplate:
    """Load a built-in letter template by name (``standard``) or a template file.

    Raises:
        TemplateError: No such template, or it cannot be read.
    """
    from tailor.inputs.resources import templates_dir

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


MAX_LEAD_SKILLS = 3
_YEARS = re.compile(r"\b\d+\s*(?:\+|-\s*\d+\+?)?\s*(?:years?|yrs)\b", re.IGNORECASE)
_LEGAL_SUFFIX = re.compile(r",?\s+(?:Inc|Ltd|LLC|GmbH|Corp|Co|S\.A|SAS|AG|plc)\.?$", re.IGNORECASE)


_JOB_TITLE = re.compile(
    r"\b(?:engineer|scientist|developer|researcher|manager|analyst|intern|lead|architect|consultant|"
    r"programmer|assistant|designer|director|head|specialist|officer|fellow|student|professor|"
    r"lecturer|postdoc|founder|owner|tutor|teacher)s?\b",
    re.IGNORECASE,
)
"""A role title that reads after "I am currently a …" ("ML model development" does not)."""
_VOWEL_SOUND = re.compile(r"^(?:[AEIOU]|[FHLMNRSX](?:\.|[A-Z]|$)|(?:MSc|MEng|MPhil|MA|MS|MBA)\b)")


def _an(text: str) -> bool:
    """Whether "an" goes before ``text`` ("an M.S.", "an Engineer", "a PhD", "a Software Engineer")."""
    return bool(_VOWEL_SOUND.match(text.strip()))


def _who(profile: MasterProfile) -> dict[str, Any] | None:
    """The person's latest job for the opening: "I am currently a Software Engineer at Pinterest"."""
    from tailor.matching.candidates import newest_first

    roles = newest_first(profile.experience)
    if not roles:
        return None
    role = roles[0]
    if not (role.start or role.end):
        return None  # undated roles: which one is the latest is unknown, so "Most recently" is not said
    organisation = _LEGAL_SUFFIX.sub("", role.organisation)
    rule = "legal suffix dropped" if organisation != role.organisation else None
    title = Traced(role.title, f"profile:{role.key}") if _JOB_TITLE.search(role.title) else None
    return {
        "title": title,
        "an": _an(role.title),
        "where": Traced(organisation, f"profile:{role.key}", rule),
        "present": (role.end or "").lower() == "present",
    }


def _degree(profile: MasterProfile) -> dict[str, Any] | None:
    """The highest degree, for the opening: "I hold an M.S. in Computer Science from the University of …"."""
    from tailor.matching.degrees import degree_level

    ranked = [
        (level, -order, entry)
        for order, entry in enumerate(profile.education)
        if entry.degree and (level := degree_level(entry.degree)) is not None
    ]
    if not ranked:
        return None
    entry = max(ranked, key=lambda triple: triple[:2])[2]
    source = f"profile:{entry.key}"
    return {
        "degree": Traced(entry.degree or "", source),
        "an": _an(entry.degree or ""),
        "field": Traced(entry.field, source) if entry.field else None,
        "institution": Traced(entry.institution, source),
        "the": _takes_the(entry.institution),
        "programme": bool(re.search(r"\bprogram", entry.degree or "", re.IGNORECASE)),
    }


def _takes_the(place: str) -> bool:
    """ "the University of California", "the Institute of ...": a name that reads with "the"."""
    return place.startswith(("University of", "Institute of"))


def _place(item: ProfileItem) -> Traced | None:
    """Where an item happened, as the letter names it ("Pinterest" for "Pinterest, Inc.")."""
    if item.where is None:
        return None
    text = item.where.text
    short = _LEGAL_SUFFIX.sub("", text) if item.kind == "bullet" else text
    rule = "legal suffix dropped" if short != text else None
    return Traced(short, item.where.source, rule)


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


def _line_skills(choice: EvidenceChoice) -> list[Traced]:
    """The line's skills that its items show themselves, as the posting spells them (at most three):
    a line that is a list ("Java, Python, C++") or an instruction is led by what it asks for."""
    from tailor.matching.vocabulary import load_vocabulary

    unit = choice.entry.requirement
    shown = {skill for cited in choice.items for skill in cited.shows_line}
    own = " ".join(cited.item.text for cited in choice.items).lower()
    seen: set[str] = set()
    out: list[Traced] = []
    vocabulary = load_vocabulary()
    for mention in vocabulary.find(unit.text):
        surface = mention.surface
        if mention.id not in shown or mention.id in seen or len(out) >= MAX_LEAD_SKILLS:
            continue
        # A name ("C++", "PyTorch", "AWS") the item's own words contain: not "Claude" for GPT,
        # not a common noun ("You also ask for dashboard.").
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

        named = set(load_vocabulary().ids(choice.entry.requirement.text))
        shown = {skill for cited in choice.items for skill in cited.shows_line}
        if not named <= shown:
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


def _core_names(choice: EvidenceChoice, posting: JobPosting, named: set[str]) -> list[Traced]:
    """The core skills a paragraph answers that no paragraph before it named, as the posting spells them."""
    from tailor.matching.vocabulary import load_vocabulary

    vocabulary = load_vocabulary()
    unit = choice.entry.requirement
    names: list[Traced] = []
    for core in choice.core:
        if core.id in named or core.id not in choice.items[0].shows_core or _too_broad(core, vocabulary):
            continue  # named before, not what the first item shows, or too broad to say anything
        for text, source in ((unit.text, f"posting:{unit.id}"), (posting.role or "", "posting:role")):
            mention = next((m for m in vocabulary.find(text) if m.id == core.id), None)
            if mention is not None:
                surface = mention.surface
                common = core.id in vocabulary.families or _sentence_case(vocabulary.name(core.id))
                lowered = " ".join(_lower_word(w) for w in surface.split(" ")) if common else surface
                if " " not in lowered and lowered.islower():
                    break  # "The role centres on database." reads as a machine's; the evidence speaks alone
                rule = "lower case" if lowered != surface else None
                names.append(Traced(lowered, source, rule))
                named.add(core.id)
                break
    return names


def _cited(cited: Cited, previous: ProfileItem | None) -> dict[str, Any]:
    item = cited.item
    place = _place(item)
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
        tools = Traced(s.tools, item.source) if s.tools else None
        sentences.append({"form": s.form, "text": Traced(text, item.source, rule), "tools": tools})
    return {
        "kind": item.kind,
        "section": item.section,
        "where": place,
        "the": place is not None and _takes_the(str(place)),
        "same_place": same,
        "text": Traced(item.text, item.source),
        "sentences": sentences,
    }


def _user_text(text: str, source: str, where: str, posting: JobPosting) -> TracedRun:
    values = {
        "company": Traced(posting.company or "", "posting:company"),
        "role": Traced(posting.role or "", "posting:role"),
    }
    segments = render_user_text(text.strip(), source, where, values)
    return TracedRun(Traced(s.text, s.source) for s in segments)


def _paragraph(choice: EvidenceChoice | BankChoice, posting: JobPosting, named: set[str]) -> dict[str, Any]:
    if isinstance(choice, BankChoice):
        paragraph = choice.paragraph
        own = _user_text(
            paragraph.text, f"profile:{paragraph.key}", f"letter paragraph {paragraph.key}", posting
        )
        return {"own": own, "lead": None, "core": [], "skills": [], "ask": None, "cited": [], "also": False}
    # "The role centres on machine learning." only before an item that shows machine learning.
    before = bool(named)
    core = _core_names(choice, posting, named) if choice.central else []
    lead = ("more-core" if before else "core") if core else None
    years = bool(_YEARS.search(choice.entry.requirement.text))  # "8+ years": the CV's dates answer it
    skills = _line_skills(choice)
    lead = lead or ("none" if years else "ask" if _quotable_ask(choice) else "skills" if skills else "none")
    return {
        "own": None,
        "lead": lead,
        "core": core,
        "skills": skills,
        "ask": _ask(choice),
        "cited": choice.items,
    }


MAX_MERGED = 4
"""Items in one paragraph when paragraphs without a lead run on into the one before."""


def _paragraphs(choices: list[EvidenceChoice | BankChoice], posting: JobPosting) -> list[dict[str, Any]]:
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
        for cited in paragraph["cited"]:
            items.append(_cited(cited, previous))
            previous = cited.item
        paragraph["cited"] = items
    return out


def _pair(choice: EvidenceChoice | BankChoice, posting: JobPosting) -> dict[str, Any]:
    """The ``form`` template's view: the requirement line and the evidence as written."""
    unit = choice.entry.requirement
    if isinstance(choice, BankChoice):
        key = choice.paragraph.key
        own = _user_text(choice.paragraph.text, f"profile:{key}", f"letter paragraph {key}", posting)
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


def _motivation(choice: LetterChoice, posting: JobPosting) -> TracedRun | None:
    if posting.why:
        return TracedRun([Traced(posting.why, "posting:why")])
    chosen = choice.motivation
    if isinstance(chosen, LetterParagraph):
        return _user_text(chosen.text, f"profile:{chosen.key}", f"letter paragraph {chosen.key}", posting)
    if isinstance(chosen, ProfileItem):
        return TracedRun([Traced(chosen.text, chosen.source)])
    return None


def _context(
    profile: MasterProfile, posting: JobPosting, selection: Selection, today: dt.date, size: LetterSize
) -> dict[str, Any]:
    choice = choose_letter(profile, posting, selection, size)
    cv = selection.cv
    bank = profile.letter
    summary = cv.summary if choice.summary and cv.summary and cv.summary_id else None
    return {
        "date": Traced(long_date(today), "date"),
        "name": Traced(profile.person.name, "profile:person.name"),
        "company": Traced(posting.company or "", "posting:company"),
        "role": Traced(posting.role or "", "posting:role"),
        "contact": Traced(posting.contact, "posting:contact") if posting.contact else None,
        "summary": Traced(summary, f"profile:{cv.summary_id}") if summary else None,
        "who": _who(profile),
        "degree": _degree(profile),
        "opening": _user_text(bank.opening, "profile:letter.opening", "letter opening", posting)
        if bank.opening
        else None,
        "paragraphs": _paragraphs(choice.body, posting),
        "pairs": [_pair(one, posting) for one in choice.body],
        "motivation": _motivation(choice, posting),
        "closing": _user_text(bank.closing, "profile:letter.closing", "letter closing", posting)
        if bank.closing
        else None,
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
