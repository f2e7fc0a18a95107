"""Which letter template a build uses, and the posting facts a letter cannot do without."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from tailor.errors import PostingError, TemplateError
from tailor.models.fields import MONTH_NAMES
from tailor.models.job import JobPosting


@dataclass(frozen=True)
class LetterTemplate:
    """A letter template's name (used in phrase sources), file and text."""

    name: str
    path: Path
    text: str


def letter_template(name_or_path: str | Path) -> LetterTemplate:
    """Load a built-in letter template by name (``standard``) or a template file.

    Raises:
        TemplateError: No such template, or it cannot be read.
    """
    from tailor.inputs.resources import templates_dir

    folder = templates_dir() / "letters"
    path = Path(name_or_path)
    if not path.is_file():
        builtin = folder / f"{name_or_path}.txt"
        if isinstance(name_or_path, str) and "/" not in name_or_path and builtin.is_file():
            path = builtin
        else:
            names = ", ".join(p.stem for p in sorted(folder.glob("*.txt")))
            msg = f"no letter template named {str(name_or_path)!r}"
            raise TemplateError(msg, hint=f"use one of {names}, or the path of your own template file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        msg = f"{path}: cannot read the letter template ({err})"
        raise TemplateError(msg) from err
    return LetterTemplate(path.stem, path, text)


def missing_letter_inputs(posting: JobPosting) -> tuple[str, str] | None:
    """Why a letter cannot be written for this posting (message, hint), or None if it can.

    A letter names the company and the role; without either there is no letter.
    """
    missing = [field for field in ("company", "role") if not getattr(posting, field)]
    if not missing:
        return None
    wanted = " and ".join(
        f"the {field} name" if field == "company" else "the role title" for field in missing
    )
    options = " and ".join(f'--{field} "..."' for field in missing)
    keys = ", ".join(f"`{field}:`" for field in missing)
    msg = f"the cover letter needs {wanted}, and the posting {posting.source} does not state it"
    hint = f"pass {options}, or add {keys} to the posting's front matter (a --- block at its top)"
    return msg, hint


def check_letter_inputs(posting: JobPosting) -> None:
    """A letter names the company and the role: refuse to write one without them.

    Raises:
        PostingError: Listing every missing value and how to supply it.
    """
    missing = missing_letter_inputs(posting)
    if missing is not None:
        msg, hint = missing
        raise PostingError(msg, hint=f"{hint}; or leave the letter out, e.g. --docs cv,answers,prep")


def long_date(day: dt.date) -> str:
    """``21 November 2026``."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
