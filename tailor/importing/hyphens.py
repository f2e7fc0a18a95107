"""Repairing words hyphenated at a line end ("stream-" + "ing" -> "streaming")."""

from __future__ import annotations

import re

__all__ = ["join_wrapped"]

_HYPHEN_END = re.compile(r"([A-Za-zÀ-ÿ]+)-$")
_WORD_START = re.compile(r"^([a-zà-ÿ]+)")


def join_wrapped(previous: str, line: str, everything: str, notes: list[str]) -> str:
    """Join a wrapped line to the one before it.

    A hyphen at the end of ``previous`` is kept only when the document writes that
    compound with a hyphen elsewhere ("on-par"); otherwise it was hyphenation and
    goes, with a note so the user can check the word.
    """
    end = _HYPHEN_END.search(previous)
    start = _WORD_START.match(line)
    if not (end and start):
        return f"{previous} {line}"
    left, right = end.group(1), start.group(1)
    if f"{left}-{right}" in everything:
        return f"{previous}{line}"
    notes.append(f"joined '{left}-' and '{right}' at a line end into '{left}{right}'; check the word")
    return f"{previous[:-1]}{line}"
