"""The creation time a PDF records: the document date, whatever the clock or environment says.

reportlab stamps ``/CreationDate`` and ``/ModDate`` from ``SOURCE_DATE_EPOCH`` when it is set (else
from a fixed 2000-01-01 under ``invariant=1``). A value inherited from the shell would change every
PDF without being an input tailor records, so a folder built with it would not rebuild without it.
While documents render, the variable is pinned to midnight UTC of the document date, which
``application.json`` records: the same inputs give the same bytes, and the date in the PDF's
properties is the date on the letter.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator

__all__ = ["pinned_to"]

_VARIABLE = "SOURCE_DATE_EPOCH"


@contextlib.contextmanager
def pinned_to(day: dt.date) -> Iterator[None]:
    """Render PDFs stamped with ``day`` (the previous value of the variable is restored after)."""
    epoch = int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())
    saved = os.environ.get(_VARIABLE)
    os.environ[_VARIABLE] = str(epoch)
    try:
        yield
    finally:
        if saved is None:
            del os.environ[_VARIABLE]
        else:
            os.environ[_VARIABLE] = saved
