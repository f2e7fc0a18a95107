"""What every profile entry shares: a stable id derived from its content, tags, skills and hidden tags."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Annotated, Any, ClassVar

from pydantic import Field, model_validator

from tailor.models.fields import Id, Line, Model

_Tags = Annotated[list[Line], Field(default_factory=list, description="Free-form labels for selection.")]
_Skills = Annotated[list[Line], Field(default_factory=list, description="Skills this item shows.")]


def derive_id(prefix: str, text: str) -> str:
    """A stable id from content: ``prefix-first-words-hash``, e.g. ``b-trained-new-3fa2c1``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)[:3]
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]
    return "-".join([prefix, *words, digest])


class ProfileEntry(Model):
    """A selectable item: has an id (explicit or derived), skills and tags."""

    id: Id | None = Field(default=None, description="Stable id; derived from the text when omitted.")
    skills: _Skills
    tags: _Tags

    id_prefix: ClassVar[str] = "item"

    def _id_source(self) -> str:
        raise NotImplementedError

    @model_validator(mode="after")
    def _derive_id(self) -> ProfileEntry:
        if self.id is None:
            object.__setattr__(self, "id", derive_id(self.id_prefix, self._id_source()))
        return self

    @property
    def key(self) -> str:
        """The item's id (always set after validation)."""
        assert self.id is not None
        return self.id


def text_to_mapping(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value
