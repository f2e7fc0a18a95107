"""Scoring and selection: a pure function from (profile, posting, rules) to a TailoredCV."""

from tailor.matching.selection import Selection, select

__all__ = ["Selection", "select"]
