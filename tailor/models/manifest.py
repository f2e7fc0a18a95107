"""``application.json`` as ``tailor rebuild`` accepts it: every field typed, every path constrained.

A rebuild reads files the manifest names, so the manifest is untrusted input: copies kept in the
folder must be plain file names (no ``/``, no ``..``), hashes must be SHA-256 hex, options are the
build's own (a letter template by name; a template file only as a hash-checked ``option_files``
record), and nothing unknown is accepted. ``tailor batch`` writes exactly this shape.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

__all__ = ["ApplicationManifest", "FileRecord"]

Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
PlainName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
"""A file directly in the application folder: no separators, no leading dot, no '..'."""
TemplateName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,59}$")]
ShortText = Annotated[str, StringConstraints(max_length=4096)]
Format = Literal["pdf", "docx"]
Doc = Literal["cv", "letter", "answers", "prep"]
_FORMATS: tuple[Format, ...] = ("pdf", "docx")
_DOCS: tuple[Doc, ...] = ("cv", "letter", "answers", "prep")


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FileRecord(_Record):
    """An input outside the folder: where it was, where it is relative to the folder, its hash."""

    path: ShortText
    relative: ShortText
    sha256: Sha256


class PostingRecord(_Record):
    file: PlainName
    name: ShortText
    original: ShortText
    sha256: Sha256
    company: ShortText | None = None
    role: ShortText | None = None


class RulesFileRecord(FileRecord):
    kept: PlainName = Field(alias="copy")
    """The copy's name in the folder (``copy`` in the JSON)."""


class RuleFlags(_Record):
    pages: int | None = Field(default=None, ge=1, le=20)
    max_bullets_per_role: int | None = Field(default=None, ge=0, le=100)
    pin: list[ShortText] = Field(default_factory=list, max_length=1000)
    exclude: list[ShortText] = Field(default_factory=list, max_length=1000)
    semantic: bool | None = None


class RulesRecord(_Record):
    file: RulesFileRecord | None
    flags: RuleFlags
    effective: dict[str, Any]
    """For people reading the folder; a rebuild merges the sources again."""


class ThemeRecord(_Record):
    builtin: bool
    files: list[FileRecord] = Field(max_length=100)
    name: ShortText
    relative: ShortText | None = None


class Inputs(_Record):
    profile: FileRecord
    posting: PostingRecord
    rules: RulesRecord
    theme: ThemeRecord
    docx_template: FileRecord | None


class Options(_Record):
    """The build options a rebuild repeats (the ``BuildRequest`` fields without their own record)."""

    formats: list[Format] = Field(default_factory=lambda: list(_FORMATS), max_length=2)
    docs: list[Doc] = Field(default_factory=lambda: list(_DOCS), max_length=4)
    letter_template: TemplateName | None = None
    """A built-in letter template by name; a template file is under ``option_files`` instead."""
    report: bool = True


class OptionFiles(_Record):
    letter_template: FileRecord | None = None


class OutputRecord(_Record):
    file: PlainName
    sha256: Sha256
    bytes: int = Field(ge=0)


class ApplicationManifest(_Record):
    """What ``application.json`` holds (see README, *Many applications*)."""

    format: Literal[1]
    tailor: Annotated[str, StringConstraints(max_length=40)]
    date: dt.date
    company: ShortText | None = None
    role: ShortText | None = None
    fit: float | None = None
    inputs: Inputs
    options: Options = Field(default_factory=Options)
    option_files: OptionFiles = Field(default_factory=OptionFiles)
    selection: dict[str, Any] = Field(default_factory=dict)
    skipped: dict[str, ShortText] = Field(default_factory=dict)
    outputs: list[OutputRecord] = Field(max_length=100)
