"""Application documents besides the CV: cover letter, answer sheet, interview prep sheet.

A :class:`Document` is a frozen value object, like the tailored CV: every decision is
made (which evidence, which story, in what order, with which fixed phrase), and a
renderer lays it out. Its text is a sequence of :class:`Segment` values, each with a
``source`` saying where the words come from:

- ``profile:<id>`` (or ``profile:person.name``): the person's own words;
- ``posting:<field>`` (``company``, ``role``, ``contact``) or ``posting:<requirement id>``;
- ``phrase:<template>/<name>``: a named fixed phrase of a template;
- ``question:<id>``: a question from tailor's question bank (``tailor/data/questions.yaml``);
- ``date``: the document date.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

from tailor.models.job import JobPosting
from tailor.models.profile import Person

__all__ = ["DOCUMENT_KINDS", "Block", "BlockKind", "Document", "DocumentKind", "Segment"]

DocumentKind = Literal["letter", "answers", "prep"]
DOCUMENT_KINDS: tuple[DocumentKind, ...] = ("letter", "answers", "prep")

BlockKind = Literal["title", "subtitle", "heading", "subheading", "paragraph", "bullet", "note", "label"]
"""How a block is laid out:

- ``title``/``subtitle``: the document's title lines under the person's header;
- ``heading``: a section (the posting's own heading on the answer sheet);
- ``subheading``: a requirement, a question or a story title;
- ``paragraph``: running text (``\\n`` inside a segment is a line break);
- ``bullet``: a list item, nested by ``level`` (0, 1, 2);
- ``note``: a muted, italic remark such as "no evidence in profile";
- ``label``: a short bold lead such as "Situation", followed by text in the same block.
"""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Segment(_Frozen):
    """A run of text and where it comes from."""

    text: str
    source: str
    bold: bool = False
    rule: str | None = None
    """The mechanical grammar applied to the source's words, if any (e.g. ``first-person``)."""


class Block(_Frozen):
    """One laid-out unit: a heading, a paragraph or a list item."""

    kind: BlockKind
    segments: tuple[Segment, ...]
    level: int = 0
    gap: bool = False
    """Extra space above (a new group, e.g. the next body paragraph of a letter)."""

    @property
    def text(self) -> str:
        """The block's plain text."""
        return "".join(segment.text for segment in self.segments)


class Document(_Frozen):
    """A finished document, ready for a renderer."""

    kind: DocumentKind
    person: Person
    title: str
    """Document metadata title (PDF/DOCX properties), e.g. 'Cover letter: Alex Morgan'."""
    company: str | None = None
    role: str | None = None
    document_date: dt.date
    blocks: tuple[Block, ...]

    @classmethod
    def for_posting(
        cls,
        kind: DocumentKind,
        heading: str,
        person: Person,
        posting: JobPosting,
        today: dt.date,
        blocks: list[Block],
    ) -> Document:
        """The document of ``kind`` for one posting, titled ``"<heading>: <name>"``."""
        return cls(
            kind=kind,
            person=person,
            title=f"{heading}: {person.name}",
            company=posting.company,
            role=posting.role,
            document_date=today,
            blocks=tuple(blocks),
        )

    def segments(self) -> list[Segment]:
        """Every segment in reading order."""
        return [segment for block in self.blocks for segment in block.segments]
