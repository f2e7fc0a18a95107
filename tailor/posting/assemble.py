"""Put the pieces together: text, company/role with their sources, sections.

Precedence for company and role: an explicit option, then the front matter,
then what the posting itself says (JSON-LD, the title block, the text), then
(for the role only) the file name, which the user is asked to confirm; else missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tailor.errors import PostingError
from tailor.models.job import FieldSource, JobPosting
from tailor.posting.dedupe import drop_repeats
from tailor.posting.header import split_header
from tailor.posting.infer import infer_company, infer_role, plain_title, role_from_file_name
from tailor.posting.jsonld import JobFacts
from tailor.posting.lines import parse_lines, render_lines
from tailor.posting.requirements import requirement_units
from tailor.posting.sections import build_sections

__all__ = ["Facts", "assemble"]


@dataclass(frozen=True)
class Facts:
    """Everything known about the posting apart from its body text."""

    label: str
    """How error messages name the input (a path or "standard input")."""
    source: str
    """The value for :attr:`JobPosting.source` (a path or "-")."""
    front: dict[str, str] = field(default_factory=dict)
    json_ld: JobFacts | None = None
    company: str | None = None
    role: str | None = None
    rules: dict[str, Any] = field(default_factory=dict)


def _pick(
    option: str | None, front: str | None, inferred: str | None, file_name: str | None = None
) -> tuple[str | None, FieldSource]:
    candidates: tuple[tuple[str | None, FieldSource], ...] = (
        (option, "option"),
        (front, "front matter"),
        (inferred, "inferred"),
        (file_name, "file name"),
    )
    for value, where in candidates:
        if value is not None and value.strip():
            return value.strip(), where
    return None, "missing"


def assemble(body: str, facts: Facts) -> JobPosting:
    """Clean the body text and build the :class:`JobPosting`.

    Args:
        body: The posting as Markdown-ish text (front matter removed, HTML
            already converted).
        facts: The options, front matter values and JSON-LD facts.

    Returns:
        The finished posting.

    Raises:
        PostingError: If no text is left after cleaning.
    """
    header = split_header(body)
    lines = drop_repeats(parse_lines(header.body))
    if not lines:
        msg = f"{facts.label}: the posting holds no text"
        raise PostingError(
            msg,
            hint="check that the file is the posting itself (not an empty page or a listing)",
        )
    ld = facts.json_ld or JobFacts()
    company, company_source = _pick(
        facts.company, facts.front.get("company"), ld.company or header.company or infer_company(lines)
    )
    location = facts.front.get("location") or ld.location or header.location
    file_role = None
    if facts.source != "-":
        file_role = role_from_file_name(Path(facts.source).stem, company)
    role, role_source = _pick(
        facts.role,
        facts.front.get("role"),
        plain_title(ld.title or header.title or infer_role(lines), location),
        file_role,
    )
    sections = build_sections(lines)
    return JobPosting(
        source=facts.source,
        text=render_lines(lines),
        company=company,
        role=role,
        location=location,
        contact=facts.front.get("contact"),
        why=facts.front.get("why"),
        focus=facts.front.get("focus"),
        url=facts.front.get("url") or ld.url,
        company_source=company_source,
        role_source=role_source,
        sections=sections,
        requirements=requirement_units(sections),
        rules=facts.rules,
    )
