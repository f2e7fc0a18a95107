"""Reusable annotated field types: cleaned text, URLs, dates and ids.

All text is NFC-normalised and stripped of control characters at load time,
so that later stages can compare, measure and render it safely.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
import unicodedata
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

__all__ = [
    "ALLOWED_URL_SCHEMES",
    "Date",
    "EndDate",
    "Id",
    "Line",
    "Model",
    "Paragraph",
    "Url",
    "clean_line",
    "clean_paragraph",
    "date_sort_key",
]

# Cc (control) characters and a few invisible format characters that only cause trouble.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0]+")

ALLOWED_URL_SCHEMES = ("http", "https", "mailto", "tel")

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""English month names, for dates shown in documents."""

MONTHS = {
    name: index
    for index, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
PRESENT_WORDS = {"present", "current", "now", "today", "ongoing"}


class Model(BaseModel):
    """Base of every input model: unknown keys are errors, values are checked on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, frozen=False)


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _normalise(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if found := _SURROGATE.search(value):  # from a YAML escape such as "\uD800": not a character
        code = f"U+{ord(found.group()):04X}"
        msg = f"holds {code}, half of a UTF-16 pair and not a character; remove the \\u escape that made it"
        raise ValueError(msg)
    value = unicodedata.normalize("NFC", value)
    return _CONTROL.sub(lambda m: "\n" if m.group() in "\r\u2028\u2029" else "", value)


def clean_line(value: Any) -> Any:
    """NFC, no control characters, whitespace collapsed to single spaces, stripped."""
    value = _normalise(value)
    if isinstance(value, str):
        value = " ".join(value.split())
    return value


def clean_paragraph(value: Any) -> Any:
    """Like :func:`clean_line` but keeps line breaks (for multi-paragraph answers)."""
    value = _normalise(value)
    if isinstance(value, str):
        lines = [_clean_indented(line) for line in value.replace("\r\n", "\n").split("\n")]
        value = textwrap.dedent(re.sub(r"\n{3,}", "\n\n", "\n".join(lines))).strip("\n").lstrip(" ")
    return value


def _clean_indented(line: str) -> str:
    """Keep a line's indentation (nested lists), collapse the spaces inside it."""
    body = line.lstrip(" \t")
    indent = line[: len(line) - len(body)].replace("\t", "  ")
    return (indent + _SPACES.sub(" ", body)).rstrip() if body else ""


def _not_empty(value: str) -> str:
    if not value:
        msg = "must not be empty"
        raise ValueError(msg)
    return value


def _check_url(value: str) -> str:
    scheme, sep, rest = value.partition(":")
    if not sep or scheme.lower() not in ALLOWED_URL_SCHEMES or not rest.strip("/"):
        msg = (
            f"'{value}' is not an allowed link; links must start with "
            "https://, http://, mailto: or tel: (e.g. https://example.com/me)"
        )
        raise ValueError(msg)
    if any(ch.isspace() for ch in value):
        msg = f"'{value}' contains spaces; write them as %20 or remove them"
        raise ValueError(msg)
    return value


def _parse_date(value: Any, *, allow_present: bool) -> Any:
    """Normalise a date to ``YYYY``, ``YYYY-MM`` or ``present``."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and 1900 <= value <= 2200:
        return f"{value:04d}"
    if isinstance(value, dt.date):
        return f"{value.year:04d}-{value.month:02d}"
    if not isinstance(value, str):
        return value
    text = clean_line(value).lower().rstrip(".")
    if text in PRESENT_WORDS:
        if allow_present:
            return "present"
        msg = "a start date cannot be 'present'; give a month and year such as 'Jan 2020'"
        raise ValueError(msg)
    parsed = _parse_date_text(text)
    if parsed is None:
        msg = (
            f"'{value}' is not a date tailor understands; write e.g. '2017', '2017-01', "
            f"'Jan 2017' or 'January 2017'{' or present' if allow_present else ''}"
        )
        raise ValueError(msg)
    return parsed


def _parse_date_text(text: str) -> str | None:
    if m := re.fullmatch(r"(\d{4})", text):
        return m.group(1)
    if m := re.fullmatch(r"(\d{4})[-/.](\d{1,2})(?:[-/.]\d{1,2})?", text):
        year, month = int(m.group(1)), int(m.group(2))
    elif m := re.fullmatch(r"(\d{1,2})[-/.](\d{4})", text):
        year, month = int(m.group(2)), int(m.group(1))
    elif m := re.fullmatch(r"([a-z]+)\.?,?\s+(\d{4})", text):
        if m.group(1) not in MONTHS:
            return None
        year, month = int(m.group(2)), MONTHS[m.group(1)]
    else:
        return None
    if not 1 <= month <= 12:
        return None
    return f"{year:04d}-{month:02d}"


def date_sort_key(value: str | None) -> tuple[int, int]:
    """Sort key for a normalised date: ``present`` sorts last, missing first."""
    if value is None:
        return (0, 0)
    if value == "present":
        return (9999, 12)
    year, _, month = value.partition("-")
    return (int(year), int(month or 0))


def _start(value: Any) -> Any:
    return _parse_date(value, allow_present=False)


def _end(value: Any) -> Any:
    return _parse_date(value, allow_present=True)


_DATE_DOC = "A date: '2017', '2017-01', 'Jan 2017' or 'January 2017'."

MAX_LINE_CHARS = 3_000
"""A bullet, title or other one-line value (the longest real bullets are ~600 characters)."""
MAX_PARAGRAPH_CHARS = 20_000
"""An answer, story part or letter paragraph."""


def _at_most(limit: int) -> Any:
    def check(value: str) -> str:
        if len(value) > limit:
            msg = (
                f"is {len(value):,} characters long; at most {limit:,} (a longer text takes the page "
                "layout minutes to set): split it, or keep the long version elsewhere"
            )
            raise ValueError(msg)
        return value

    return AfterValidator(check)


Line = Annotated[str, BeforeValidator(clean_line), AfterValidator(_not_empty), _at_most(MAX_LINE_CHARS)]
"""One line of text (whitespace collapsed)."""
Paragraph = Annotated[
    str, BeforeValidator(clean_paragraph), AfterValidator(_not_empty), _at_most(MAX_PARAGRAPH_CHARS)
]
"""Text that may span lines and paragraphs."""
Url = Annotated[
    str,
    BeforeValidator(clean_line),
    AfterValidator(_check_url),
    Field(description="A link starting with https://, http://, mailto: or tel:"),
]
Date = Annotated[
    str,
    BeforeValidator(_start),
    Field(description=_DATE_DOC, json_schema_extra={"type": ["string", "integer"]}),
]
EndDate = Annotated[
    str,
    BeforeValidator(_end),
    Field(description=_DATE_DOC + " Or 'present'.", json_schema_extra={"type": ["string", "integer"]}),
]
Id = Annotated[
    str,
    BeforeValidator(clean_line),
    Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
        description="A stable identifier: letters, digits, '.', '_' and '-'.",
    ),
]
