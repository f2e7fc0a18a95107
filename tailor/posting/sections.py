"""Split cleaned posting lines into :class:`PostingSection` objects.

Each heading starts a section; its lines are the bullet and paragraph lines
under it (bullet markers removed). Text before the first heading forms an
untitled "about" section (usually the company blurb); a posting without any
heading is one untitled "other" section.
"""

from __future__ import annotations

from tailor.models.job import PostingSection, SectionKind
from tailor.posting.classify import WEIGHTS, classify_heading
from tailor.posting.lines import Line

__all__ = ["build_sections"]


def _kind_for(heading: str, parent: PostingSection | None) -> tuple[SectionKind, float]:
    """Classify a heading; an unrecognised sub-heading of an empty section inherits its kind."""
    kind, weight = classify_heading(heading)
    if (
        kind == "other"
        and weight == WEIGHTS["other"]
        and parent is not None
        and parent.heading
        and not parent.lines
    ):
        return parent.kind, parent.weight
    return kind, weight


def _preamble(lines: list[str], has_headings: bool) -> PostingSection:
    kind: SectionKind = "about" if has_headings else "other"
    return PostingSection(heading="", kind=kind, weight=WEIGHTS[kind], lines=tuple(lines))


def build_sections(lines: list[Line]) -> tuple[PostingSection, ...]:
    """Group lines into sections under their headings.

    Args:
        lines: Cleaned, de-duplicated lines.

    Returns:
        The sections in posting order; a section may have no lines when a
        sub-heading follows its heading directly.
    """
    has_headings = any(line.kind == "heading" for line in lines)
    sections: list[PostingSection] = []
    heading: str | None = None
    body: list[str] = []
    for line in [*lines, Line("heading", "")]:
        if line.kind in ("bullet", "para"):
            body.append(line.text)
            continue
        if line.kind != "heading":
            continue
        if heading is None:
            if body:
                sections.append(_preamble(body, has_headings))
        else:
            kind, weight = _kind_for(heading, sections[-1] if sections else None)
            sections.append(PostingSection(heading=heading, kind=kind, weight=weight, lines=tuple(body)))
        heading, body = line.text, []
    return tuple(sections)
