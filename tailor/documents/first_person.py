"""Mechanical grammar for a letter: a CV bullet's sentences as first-person sentences.

A bullet "Served as the primary owner of … (Caffe2, pytorch, C++)" reads in a letter as
"At Pinterest, I served as the primary owner of …". Only grammar changes, never a fact,
and every change is named so that match.json can show it:

- ``first-person``: a sentence led by a past-tense verb ("Served", "Led", "Co-authored",
  "Quantitatively determined") gets "I" before it and the verb in lower case;
- ``first-person present``: a present-tense verb ("Leads a guild") becomes "I lead a guild";
- ``tool list dropped`` (only when asked): a trailing parenthesised list of tools
  "(C++, jenkins, thrift)" is left out of the prose;
- ``quoted``: a sentence that does not start with a verb stays exactly as written;
- ``clause split``: "Owned X; designed Y" reads as two sentences, "I owned X. I designed Y.";
- ``clause left out`` / ``label sentence left out``: a clause in another tense after a semicolon
  ("Owned X; implement and experiment Y") or a sentence that is a CV label ("Duties include: …")
  is not written (the letter cites the rest of the bullet; the CV keeps it whole).

Sentences already in the first person ("I have mentored …") are kept as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

__all__ = ["Sentence", "first_person_sentences", "reads_as_object", "split_sentences"]

SentenceForm = Literal["verb", "own", "quoted"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_IRREGULAR_PAST = _words(
    """
    led built wrote ran made drove grew taught won held took gave brought set cut oversaw spoke
    began found kept sold met thought chose became got put saw rebuilt rewrote co-led spent sped
    stood drew flew fought understood upheld undertook overtook forecast broadcast sent shot
    """
)
_PRESENT = _words(
    """
    lead build write run make drive grow teach own manage develop design implement maintain
    create deliver support mentor coordinate oversee architect research analyze analyse improve
    optimize optimise train deploy launch scale establish define drive partner collaborate work
    serve help use apply contribute organize organise host present publish review test automate
    """
)
_NOT_VERBS = _words(
    """
    experienced advanced detailed skilled talented dedicated motivated seasoned based related
    need speed seed feed breed red bed shed hundred united limited supervised unsupervised
    distributed
    """
)
_ABBREVIATIONS = re.compile(r"(?:\b(?:e\.g|i\.e|etc|Inc|Ltd|Dr|Mr|Ms|Mrs|Prof|vs|approx|St|No)|\b[A-Z])\.$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u201c\"(])")
_TOOL_LIST = re.compile(r"\s*\(([^()]{1,80})\)\s*([.!]?)\s*$")
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_LEAD_IN_THEN_I = re.compile(r"^[^,.;:]{1,40}, I(?:\b|[’']\w+)")
"""A short lead-in and then the person: "Very recently, I’ve started …", "In 2021, I led …"."""
_CONNECTORS = frozenset({"so", "however", "but", "and", "then", "also", "thus", "therefore", "because"})
"""Words that tie a sentence to the one before it: out of its bullet, it does not stand alone."""
_PARTICIPLE_CLAUSE = re.compile(
    r"^\S+(?: \S+){0,6}, (?:the|a|an|this|that|it|its|these|those|our|my|we|they|he|she)\b", re.IGNORECASE
)
"""'Hosted on GitHub, the project features …': the verb's subject is not the person."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of a bullet, ready for a letter.

    ``text`` is the person's own words (a substring of the bullet, the first letter perhaps
    lowered), without its final full stop; ``form`` says how the letter writes it: ``verb``
    after "I ", ``own`` and ``quoted`` as they are. ``rule`` names the change, or is None.
    """

    text: str
    form: SentenceForm
    rule: str | None = None
    tools: str | None = None
    """A tool list the bullet gives after this sentence ("C++, Nvidia GPUs"), written in parentheses
    before the full stop: "… costs by 3-4x (C++, Nvidia GPUs).", not a sentence of its own."""


def split_sentences(text: str) -> list[str]:
    """The sentences of a text (abbreviations such as "e.g." and "Inc." do not end one)."""
    pieces = _SENTENCE_END.split(" ".join(text.split()))
    out: list[str] = []
    for piece in pieces:
        if out and _ABBREVIATIONS.search(out[-1]):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return [piece for piece in out if piece.strip()]


def _is_tool_list(inner: str) -> bool:
    parts = [part.strip() for part in inner.split(",")]
    if len(parts) > 6 or any(not part or len(part.split()) > 3 for part in parts):
        return False
    if len(parts) == 1:
        return len(parts[0].split()) <= 2 and not re.search(r"\d", parts[0])
    return True


def _lower_first(word: str) -> str:
    return word if len(word) > 1 and word[1].isupper() else word[:1].lower() + word[1:]


def _past(word: str) -> bool:
    lower = word.lower()
    if lower in _NOT_VERBS:
        return False
    return lower in _IRREGULAR_PAST or (lower.endswith("ed") and len(lower) > 4)


def _present(word: str) -> str | None:
    """The base form of a third-person verb ("Leads" -> "lead"), or None."""
    lower = word.lower()
    for ending in ("es", "s"):
        if lower.endswith(ending) and lower[: -len(ending)] in _PRESENT:
            return lower[: -len(ending)]
    return None


def _sentence(text: str, drop_tools: bool) -> Sentence | None:
    """One sentence in letter form (None for a sentence that is only a dropped tool list)."""
    rule = None
    text = text.strip()
    tools = _TOOL_LIST.search(text) if drop_tools else None
    if tools and _is_tool_list(tools.group(1)):
        text = text[: tools.start()].rstrip()
        rule = "tool list dropped"
    text, rule = _without_link_labels(text, rule)
    text = text.rstrip(".!").rstrip()
    if not text:
        return None
    words = _WORD.findall(text[:40])
    first = words[0] if words and text.startswith(words[0]) else ""
    if first in ("I", "My", "We", "Our"):
        return Sentence(text, "own", rule)
    if _LEAD_IN_THEN_I.match(text) and first.lower() not in _CONNECTORS:
        return Sentence(text, "own", rule)  # "Very recently, I've started …"
    if first and _past(first) and _PARTICIPLE_CLAUSE.match(text):
        return Sentence(text, "quoted", rule)
    if first and _past(first):
        return Sentence(_lower_first(text), "verb", _join(rule, "first-person"))
    if first and len(words) > 1 and first.lower().endswith("ly") and _past(words[1]):
        return Sentence(_lower_first(text), "verb", _join(rule, "first-person"))
    base = _present(first) if first else None
    if base is not None:
        rest = text[len(first) :]
        return Sentence(base + rest, "verb", _join(rule, f"first-person present: {first} -> {base}"))
    return Sentence(text, "quoted", rule)


_LINK_LABELS = frozenset(
    {"blog post", "blog", "paper", "pdf", "slides", "video", "demo", "code", "link", "website", "article"}
    | {"press", "talk", "poster", "preprint", "arxiv", "repo", "github", "project page", "site"}
)
"""Labels of links a CV carries in a tool list ("(python, blog post)"): a letter has no link there."""


def _without_link_labels(text: str, rule: str | None) -> tuple[str, str | None]:
    """The sentence without the link labels of its trailing tool list: "(python, blog post)" ->
    "(python)", and no parentheses when only labels were in them."""
    tools = _TOOL_LIST.search(text)
    if not tools or not _is_tool_list(tools.group(1)):
        return text, rule
    parts = [part.strip() for part in tools.group(1).split(",")]
    kept = [part for part in parts if part.lower() not in _LINK_LABELS]
    if len(kept) == len(parts):
        return text, rule
    head = text[: tools.start()].rstrip()
    text = f"{head} ({', '.join(kept)}){tools.group(2)}" if kept else head + tools.group(2)
    return text, _join(rule, "link labels dropped")


def _join(first: str | None, second: str) -> str:
    return f"{first}; {second}" if first else second


_LABEL = re.compile(r"^[A-Z][a-z]+(?: [a-z]+){0,3}:\s")
"""A CV label that leads a sentence: "Duties include: …", "Tools: …"."""


def _clauses(piece: str) -> list[tuple[str, str | None]]:
    """A sentence's clauses, each with what became of it: "Owned X; designed Y" is two sentences;
    a clause led by a verb in another tense ("…; implement and experiment …") is left out; any
    other clause ("…; communication practices (e.g., …)") stays part of the one before it."""
    parts = piece.split("; ")
    first_word = _WORD.match(parts[0])
    past = bool(first_word and _past(first_word.group()))
    out: list[tuple[str, str | None]] = [(parts[0], None)]
    for part in parts[1:]:
        word = _WORD.match(part)
        lead = word.group() if word and part.startswith(word.group()) else ""
        if past and lead and lead[0].islower() and _past(lead):
            out.append((part, "clause split"))
        elif past and lead and lead[0].islower() and (lead.lower() in _PRESENT or _present(lead)):
            head, rule = out[-1]
            out[-1] = (head, _join(rule, "clause left out"))
        else:
            head, rule = out[-1]
            out[-1] = (f"{head}; {part}", rule)
    return out


def first_person_sentences(text: str, *, drop_tools: bool = False) -> list[Sentence]:
    """A bullet's sentences in letter form, in order.

    Args:
        text: The bullet or project text.
        drop_tools: Leave out a trailing tool list "(C++, jenkins, thrift)": a letter reads as prose.
    """
    out: list[Sentence] = []
    for piece in split_sentences(text):
        alone = _TOOL_LIST.fullmatch(piece.strip())
        if alone and _is_tool_list(alone.group(1)) and out:
            if not drop_tools:
                out[-1] = replace(out[-1], tools=alone.group(1).strip())  # "(C++, jenkins, thrift)" alone
            continue
        if out and _LABEL.match(piece):
            out[-1] = replace(out[-1], rule=_join(out[-1].rule, "label sentence left out"))
            continue
        for clause, change in _clauses(piece):
            sentence = _sentence(clause, drop_tools)
            if sentence is None:
                continue
            if change == "clause split":
                sentence = replace(sentence, rule=_join(change, sentence.rule or ""))
            elif change is not None:
                sentence = replace(sentence, rule=_join(sentence.rule, change))
            out.append(sentence)
    return out


_OBJECT_LEAD = re.compile(
    r"^(?:experience|fluency|knowledge|familiarity|expertise|background|understanding|ability|"
    r"proficiency|track record|strong|solid|deep|excellent|demonstrated|proven|hands-on|working "
    r"knowledge|advanced|extensive|practical|prior|previous|good|great|exposure|comfort|"
    r"publications)\b",
    re.IGNORECASE,
)


def reads_as_object(line: str) -> bool:
    """Whether a posting line reads as the object of "You ask for …": it starts with a noun such as
    "Experience", "Fluency", "Strong Python skills" or a number ("Mentor junior engineers", "You have
    shipped …" and "Passionate about …" do not)."""
    words = _WORD.findall(line[:40])
    if not words or ". " in line.strip() or len(line) > 120:
        return False
    return bool(_OBJECT_LEAD.match(line.strip()))
