"""Split cleaned posting lines into :class:`PostingSection` objects.

Each heading starts a section; its lines are the bullet and paragraph lines under it (bullet
markers removed). How a section is weighed depends on its heading:

* a heading tailor knows ("Requirements", "Nice to have", "Benefits", "Votre profil") gives
  every line its kind; a lead-in line inside it that is itself a heading of another kind
  ("It would be great if you have experience in some of these areas too:") starts a
  sub-section of that kind;
* a heading that names the whole posting ("Job Description", "About the role"), and the
  text before the first heading, are read line by line: a line that asks something of the
  candidate is a requirement, a duty a responsibility, anything else context ("about");
* an unknown heading is read line by line too; when most of its lines ask something, a line
  that matches no rule stays an "other" line (weighted, in case it is a list of tools),
  otherwise it is context (a "Why Lime?" list of perks, a "Client's Stack" list);
* a negative heading ("Candidates need not have") weighs nothing;
* wherever it stands, a line that is plainly pay, logistics or legal text (a salary sentence
  under "Preferred experience") weighs nothing, and a line under a logistics heading that
  states a requirement ("Education requirements: ...") is one.

A section split line by line becomes several sections with the same heading, one per run of
lines of one kind, so the model stays one kind per section.
"""

from __future__ import annotations

from tailor.models.job import PostingSection, SectionKind
from tailor.posting.classify import (
    WEIGHTS,
    boilerplate_kind,
    classify_heading,
    classify_line,
    is_generic_heading,
    is_negative_heading,
    states_requirement,
)
from tailor.posting.lines import Line

__all__ = ["build_sections"]

_LEAD_IN_MAX = 160
_LINE_KINDS: dict[str, tuple[SectionKind, float]] = {
    "negative": ("other", 0.0),
    "preferred": ("preferred", WEIGHTS["preferred"]),
    "required": ("required", WEIGHTS["required"]),
    "responsibilities": ("responsibilities", WEIGHTS["responsibilities"]),
}


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


_ASKING: frozenset[SectionKind] = frozenset({"required", "preferred", "responsibilities", "other"})
_CONTEXT: frozenset[SectionKind] = frozenset({"logistics", "legal", "about"})


def _corrected(kind: SectionKind, weight: float, line: str) -> tuple[SectionKind, float]:
    """A line's own words overrule its section for plain boilerplate and stated requirements."""
    if kind in _ASKING and weight > 0:
        found = boilerplate_kind(line)
        if found is not None:
            return found, WEIGHTS[found]
    if kind in _CONTEXT and states_requirement(line):
        return "required", WEIGHTS["required"]
    return kind, weight


def _runs(heading: str, kinds: list[tuple[SectionKind, float]], lines: list[str]) -> list[PostingSection]:
    """One section per run of consecutive lines of the same kind and weight."""
    out: list[PostingSection] = []
    for (section_kind, section_weight), line in zip(kinds, lines, strict=True):
        kind, weight = _corrected(section_kind, section_weight, line)
        if out and (out[-1].kind, out[-1].weight) == (kind, weight):
            last = out[-1]
            out[-1] = last.model_copy(update={"lines": (*last.lines, line)})
        else:
            out.append(PostingSection(heading=heading, kind=kind, weight=weight, lines=(line,)))
    return out


def _by_line(
    heading: str, lines: list[str], default: tuple[SectionKind, float], *, unknown: bool = False
) -> list[PostingSection]:
    """Classify each line on its own words; lines that ask nothing take ``default``.

    Under an unknown heading (``unknown``), lines that ask nothing are context unless most
    lines of the section ask something.
    """
    found = [classify_line(line) for line in lines]
    if unknown:
        asking = sum(1 for kind in found if kind in ("preferred", "required", "responsibilities"))
        if 2 * asking < len(lines):
            default = ("about", WEIGHTS["about"])
    kinds = [_LINE_KINDS[kind] if kind is not None else default for kind in found]
    return _runs(heading, kinds, lines)


def _lead_in_kind(line: str, current: SectionKind) -> tuple[SectionKind, float] | None:
    """The kind a lead-in line ("Nice to have:") switches to, if it names one."""
    if not line.rstrip().endswith(":") or len(line) > _LEAD_IN_MAX:
        return None
    if is_negative_heading(line):
        return "other", 0.0
    kind, weight = classify_heading(line)
    if kind in ("other", "about", current):
        return None
    return kind, weight


def _known(heading: str, kind: SectionKind, weight: float, lines: list[str]) -> list[PostingSection]:
    """A section under a known heading, split where a lead-in line names another kind."""
    kinds = []
    current = (kind, weight)
    for line in lines:
        switch = _lead_in_kind(line, current[0])
        if switch is not None:
            current = switch
        kinds.append(current)
    return (
        _runs(heading, kinds, lines) if lines else [PostingSection(heading=heading, kind=kind, weight=weight)]
    )


def _section(heading: str, lines: list[str], parent: PostingSection | None) -> list[PostingSection]:
    if is_negative_heading(heading):
        return [PostingSection(heading=heading, kind="other", weight=0.0, lines=tuple(lines))]
    if is_generic_heading(heading) and lines:
        return _by_line(heading, lines, ("about", WEIGHTS["about"]))
    kind, weight = _kind_for(heading, parent)
    if kind == "other" and weight > 0 and lines:
        return _by_line(heading, lines, ("other", weight), unknown=True)
    return _known(heading, kind, weight, lines)


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
                default: SectionKind = "about" if has_headings else "other"
                sections.extend(_by_line("", body, (default, WEIGHTS[default])))
        else:
            sections.extend(_section(heading, body, sections[-1] if sections else None))
        heading, body = line.text, []
    return tuple(sections)
