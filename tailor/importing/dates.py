"""Finding dates and date ranges in CV lines ("Jan 2017 – Present", "05/2011-08/2013", "2013 – 2016")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

__all__ = ["DateRange", "find_date", "find_range", "profile_date"]

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_YEAR = r"(?:19|20)\d{2}"
_DATE = (
    rf"(?:(?:{_MONTH}|{_SEASON}),?\s*{_YEAR}|\d{{1,2}}[/.]{_YEAR}|{_YEAR}[-/.](?:0?[1-9]|1[0-2])(?![\d])"
    rf"|{_YEAR}|'\d{{2}})"
)
_PRESENT = r"(?:present|current|now|today|ongoing|date)"
_SEP = r"\s*(?:–|—|‒|―|--|-|−|to|until|till|through|thru)\s*"
_RANGE = re.compile(
    rf"(?<![\w/.])(?P<start>{_DATE}){_SEP}(?P<end>{_DATE}|{_PRESENT})(?![\w/])"
    rf"|(?<![\w/.])(?:since|from)\s+(?P<since>{_DATE})(?![\w/])(?!{_SEP}(?:{_DATE}|{_PRESENT}))"
    rf"|(?<![\w/.])(?P<first>{_MONTH}){_SEP}(?P<last>{_MONTH}),?\s*(?P<year>{_YEAR})(?![\w/])",
    re.I,
)
_SINGLE = re.compile(rf"(?<![\w/.])(?P<date>{_DATE})(?![\w/])", re.I)
_PRESENT_RE = re.compile(_PRESENT, re.I)


@dataclass(frozen=True)
class DateRange:
    """A date range as written: ``start``/``end`` are the source words ("present" normalised)."""

    start: str | None
    end: str | None
    span: tuple[int, int]
    """Where the range is in the searched text."""

    def remove_from(self, text: str) -> str:
        """``text`` without the range (and without brackets or separators left around it)."""
        before, after = text[: self.span[0]], text[self.span[1] :]
        before = re.sub(r"[\s(\[,|·•–—-]+$", "", before)
        before = re.sub(
            r"\s+(?:from|since)$", "", before, flags=re.IGNORECASE
        )  # "... at Airbus from 2005 to 2014"
        after = re.sub(r"^[\s)\],|·•–—-]+", "", after)
        # what stood either side of the dates are separate fields ("Tech Lead | Jun 2021 -- Now | Remote")
        return f"{before} | {after}".strip() if before and after else (before or after).strip()


def find_range(text: str) -> DateRange | None:
    """The first date range in ``text`` (``since 2019`` counts as 2019 – present)."""
    match = _RANGE.search(text)
    if not match:
        return None
    if match.group("since"):
        return DateRange(match.group("since"), "present", match.span())
    if match.group("year"):  # "Aug-Dec 2022": both months in the one year
        year = match.group("year")
        return DateRange(f"{match.group('first')} {year}", f"{match.group('last')} {year}", match.span())
    end = match.group("end")
    end = "present" if _PRESENT_RE.fullmatch(end) else end
    return DateRange(match.group("start"), end, match.span())


def find_date(text: str) -> DateRange | None:
    """A range if there is one, else the last single date (start None, end the date)."""
    found = find_range(text)
    if found:
        return found
    matches = list(_SINGLE.finditer(text))
    if not matches:
        return None
    last = matches[-1]
    return DateRange(None, last.group("date"), last.span())


@cache
def _adapters() -> tuple[Any, Any]:
    from pydantic import TypeAdapter

    from tailor.models.fields import Date, EndDate

    return TypeAdapter(Date), TypeAdapter(EndDate)


def profile_date(value: str | None, *, end: bool = False) -> str | None:
    """``value`` as the profile will accept it (source wording kept), or None when it is not a date.

    Args:
        value: A date as written, e.g. "Jun 2022", "05/2011", "present".
        end: Whether this is an end date ("present" allowed).
    """
    from pydantic import ValidationError

    if value is None:
        return None
    value = re.sub(rf"^{_SEASON}\s*,?\s*(?={_YEAR}$)", "", value.strip(), flags=re.I)  # "Fall 2015": 2015
    if not re.fullmatch(r"\d{1,2}[./]\d{4}|\d{4}[./]\d{1,2}", value):  # "12.2014" stays one date
        value = " ".join(re.sub(r"(?<=[A-Za-z.])(?=\d{4})", " ", value.replace(",", " ")).split())
    try:
        _adapters()[1 if end else 0].validate_python(value)
    except ValidationError:
        return None
    return value
