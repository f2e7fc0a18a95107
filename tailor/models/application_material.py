"""The profile's application material: answers to common questions, interview stories, and the letter bank."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field, model_validator

from tailor.models.fields import Line, Model, Paragraph
from tailor.models.profile_entry import (
    ProfileEntry,
)


class Answer(ProfileEntry):
    """A reusable paragraph answering a common application question or requirement."""

    prompt: Line | None = Field(default=None, description="The question or requirement this answers.")
    text: Paragraph = Field(description="Your answer, in your own words ('- ' lines become bullets).")

    id_prefix: ClassVar[str] = "ans"

    def _id_source(self) -> str:
        return self.text


class Story(ProfileEntry):
    """An interview story in situation/task/action/result form."""

    title: Line
    themes: list[Line] = Field(
        default_factory=list,
        description="E.g. conflict, challenge, failure, leadership, strength, weakness, why-leaving.",
    )
    situation: Paragraph | None = None
    task: Paragraph | None = None
    action: Paragraph | None = None
    result: Paragraph | None = None

    id_prefix: ClassVar[str] = "st"

    def _id_source(self) -> str:
        return self.title

    @model_validator(mode="after")
    def _has_content(self) -> Story:
        if not any((self.situation, self.task, self.action, self.result)):
            msg = "a story needs at least one of situation, task, action or result"
            raise ValueError(msg)
        return self


class LetterParagraph(ProfileEntry):
    """A cover-letter paragraph in your own words; tailor picks those that answer the posting."""

    text: Paragraph = Field(
        description=(
            "The paragraph as you would write it. `{{ company }}` and `{{ role }}` are replaced "
            "by the posting's company and role."
        )
    )

    id_prefix: ClassVar[str] = "lp"

    def _id_source(self) -> str:
        return self.text


class LetterBank(Model):
    """Your own cover-letter material: tailor chooses from it for each posting."""

    opening: Paragraph | None = Field(
        default=None,
        description=(
            "Follows the template's first sentence (which names the role and company), "
            "e.g. what draws you to this kind of work."
        ),
    )
    paragraphs: list[LetterParagraph] = Field(
        default_factory=list,
        description=(
            "Body paragraphs, each tagged with the skills it shows; tailor picks the 2-3 that best "
            "answer the posting's core and required lines. Tag one `motivation` to close with it."
        ),
    )
    closing: Paragraph | None = Field(
        default=None, description="Replaces the template's closing sentence when given."
    )
