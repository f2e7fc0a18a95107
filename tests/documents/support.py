"""Build every document for a profile and posting, and check where each word comes from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tailor.app.application_docs import DocumentSet, build_documents
from tailor.documents.letter import letter_template, long_date
from tailor.documents.phrases import PHRASES
from tailor.documents.questions import load_questions
from tailor.inputs.loading import load_profile
from tailor.inputs.themes import load_theme
from tailor.matching import select
from tailor.models.documents import Document
from tailor.models.job import JobPosting
from tailor.models.profile import MasterProfile
from tailor.posting import read_posting
from tailor.render.text import contact_items
from tests.conftest import TODAY

OUT = Path("out")
PLACEHOLDER = re.compile(r"\{\{|\}\}|\{%|%\}|\[(?:Company|Role|Name|Position|Title)[^\]]*\]|\bNone\b")
FOOTER = re.compile(r"^(?:.+ · )?page \d+ of \d+$")


@dataclass
class Built:
    profile: MasterProfile
    posting: JobPosting
    docs: DocumentSet


def build(profile: Path, posting: Path, theme: str = "classic", **overrides: Any) -> Built:
    loaded = load_profile(profile)
    job = read_posting(posting, company=overrides.get("company"), role=overrides.get("role"))
    selection = select(loaded, job, today=TODAY)
    chosen = load_theme(theme)
    docs = build_documents(
        loaded,
        job,
        selection,
        docs=overrides.get("docs", ("letter", "answers", "prep")),
        formats=("pdf", "docx"),
        theme=chosen,
        docx_template=Path(chosen.word_template),
        letter_template="standard",
        today=TODAY,
        out_dir=OUT,
    )
    return Built(loaded, job, docs)


def flat(text: str) -> str:
    return " ".join(text.split())


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def profile_sources(profile: MasterProfile) -> dict[str, str]:
    """``profile:<id>`` -> every string of that item (flattened), plus person fields and skills."""
    out: dict[str, str] = {}

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("id"), str):
                out[f"profile:{value['id']}"] = flat(" \n ".join(_strings(value)))
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(profile.model_dump(mode="json"))
    out["profile:person.name"] = profile.person.name
    out["profile:skills"] = flat(" \n ".join(_strings(profile.model_dump(mode="json")["skills"])))
    return out


def undone(text: str, rule: str | None) -> str:
    """The words before a letter's mechanical grammar (the rule says what it did)."""
    if rule is None:
        return text
    present = re.search(r"first-person present: ([^\s;]+) -> ([^\s;]+)", rule)
    if present and text.startswith(present.group(2)):
        text = present.group(1) + text[len(present.group(2)) :]
    if "'and' before the last item" in rule and text.startswith("and "):
        text = text[len("and ") :]  # "and ML serving systems." from "…, ML serving systems."
    return text


def quotes(text: str, source_text: str, rule: str | None) -> bool:
    """``text`` is the source's own words, up to the named case change."""
    text = undone(text, rule)
    if rule is not None and "'there' left out" in rule:
        # "my role was …" from "My role there was …": "there" put back after the first 2 or 3 words
        words = text.lower().split(" ")
        return any(" ".join([*words[:n], "there", *words[n:]]) in source_text.lower() for n in (2, 3))
    if rule is not None and "link labels dropped" in rule:
        # "... outfits (python)" from "... outfits (python, blog post)": the words, then each tool kept
        head, _, tools = text.lower().partition(" (")
        kept = [tool.strip() for tool in tools.rstrip(")").split(",") if tool.strip()]
        return head in source_text.lower() and all(tool in source_text.lower() for tool in kept)
    if rule is not None and ("lower" in rule or "first-person" in rule):
        return text.lower() in source_text.lower()
    return text in source_text


def check_sources(document: Document, built: Built) -> None:
    """Every segment is a profile string, a posting string, or a named fixed phrase."""
    profile = profile_sources(built.profile)
    posting = built.posting
    template = letter_template("standard").text.replace("**", "")
    questions = {q.id: q.text for t in load_questions().themes.values() for q in t.questions}
    headings = {s.heading for s in posting.sections}
    requirements = {r.id: r.text for r in posting.requirements}
    for segment in document.segments():
        text, source = flat(segment.text), segment.source
        if not text:
            continue
        kind, _, name = source.partition(":")
        if kind == "profile":
            assert quotes(text, profile[source], segment.rule), (source, text, segment.rule)
        elif kind == "posting" and name in ("company", "role", "contact", "why"):
            value = flat(getattr(posting, name) or "")
            assert text == value or (segment.rule and quotes(text, value, segment.rule)), (source, text)
        elif kind == "posting" and name == "section":
            assert segment.text in headings, text
        elif kind == "posting":
            assert quotes(text, flat(requirements[name]), segment.rule), (source, text)
        elif kind == "phrase" and name.startswith("standard/"):
            # Pieces from several places of the template run together ("." + " " + "At"):
            # every word is the template's own.
            words = set(re.findall(r"[\w’']+|[^\w\s]", flat(template)))
            assert set(re.findall(r"[\w’']+|[^\w\s]", text)) <= words, (source, text)
        elif kind == "phrase":
            assert text == flat(PHRASES[name]), (source, text)
        elif kind == "question":
            assert text == questions[name]
        else:
            assert source == "date", source
            assert text == long_date(TODAY), text


def header_lines(profile: MasterProfile) -> list[str]:
    person = profile.person
    items = [item.text for item in contact_items(person)]
    return [flat(s) for s in (person.name, person.headline or "", *items) if s]


def check_lines(lines: list[str], document: Document, profile: MasterProfile) -> int:
    """Every extracted line is part of the document's traced text, the header or the page footer."""
    body = flat(" ".join(block.text for block in document.blocks))
    # Word keeps a line break inside a paragraph as <w:br/>, which docx_text drops.
    unbroken = " ".join(block.text.replace("\n", "") for block in document.blocks)
    header = header_lines(profile)
    checked = 0
    for raw in lines:
        line = flat(re.sub(r"^[•–\-]\s+", "", raw.strip()))
        if not line or FOOTER.match(line):
            continue
        assert not PLACEHOLDER.search(line), line
        if line in body or line in unbroken:
            checked += 1
            continue
        parts = [part for part in re.split(r"\s*\|\s*|\s+·\s+", line) if part]
        assert all(any(part in h for h in header) for part in parts), f"untraced line: {line!r}"
        checked += 1
    return checked


def markdown_lines(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        line = re.sub(r"<!--.*?-->", "", line)
        line = re.sub(r"^\s*(#+|-)\s+", "", line)
        line = line.replace("**", "").strip().strip("*").replace("\\", "")
        out.append(line)
    return out
