"""Finding known spellings in a text: dictionaries of normalised spellings and one scan over the text.

A spelling is split into chunks at separators (spaces, hyphens, dashes, underscores);
it matches the chunks in order with any separators, or none, between them ("scikit
learn", "scikit-learn", "scikitlearn"). A case-insensitive spelling also matches
plural or singular forms of its last word ("GNNs", "ontology"/"ontologies"); a
case-sensitive one matches only its exact characters. Where several spellings match
at one place, the first in the order given wins (longest first), and the scan
goes on after it, so mentions never overlap.

Boundaries: a match starts where no word character precedes it (nor a dot, if the
spelling starts with a symbol) and ends where no word character, ``+`` or ``#``
follows, nor a dot and a word character ("Node.js"). Short forms (two characters
or fewer once separators are removed: "C", "R", "Go") must stand alone: not next
to ``&``, ``'`` or a hyphen either ("R&D", "C-suite", "go-to"), nor after a dot.

This is what a regex alternation of every spelling would do, without compiling
one: the text is squashed once (case-folded as ``re.IGNORECASE`` does, separators
removed), each candidate window between a word start and a word end is looked up
in a dict, and windows grow only while they are the start of some spelling.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate
from typing import NamedTuple

__all__ = ["SpellingIndex", "alias_key", "fold", "word_forms"]

_SEPARATORS = r"\s\-\u2010\u2011\u2012\u2013_"
_SPLIT = re.compile(f"[{_SEPARATORS}]+")
# Where a match may start: no word character before it, and not a space or separator.
_START = re.compile(rf"(?<!\w)[^{_SEPARATORS}]")
# Where a match may end: after a non-separator, before no word character, + or #, nor ".x".
_END = re.compile(rf"(?<=[^{_SEPARATORS}])(?![\w+#]|\.\w)")
# Characters that ``re.IGNORECASE`` treats as one letter beyond plain lowercasing.
_EQUIVALENT_GROUPS = (
    "i\u0131 s\u017f \u00b5\u03bc \u0345\u03b9\u1fbe \u0390\u1fd3 \u03b0\u1fe3 \u03b2\u03d0 \u03b5\u03f5"
    " \u03b8\u03d1 \u03ba\u03f0 \u03c0\u03d6 \u03c1\u03f1 \u03c2\u03c3 \u03c6\u03d5 \u0432\u1c80"
    " \u0434\u1c81 \u043e\u1c82 \u0441\u1c83 \u0442\u1c84\u1c85 \u044a\u1c86 \u0463\u1c87"
    " \u1c88\ua64b \u1e61\u1e9b \ufb05\ufb06"
)
_CANONICAL = {char: min(group) for group in _EQUIVALENT_GROUPS.split() for char in group}


class _FoldTable(dict[int, str]):
    """``str.translate`` table: each character to the one letter it matches regardless of case."""

    def __missing__(self, code: int) -> str:
        lower = chr(code).lower()[:1]  # simple lowercase: "İ" is "i", not "i" + a combining dot
        folded = self[code] = _CANONICAL.get(lower, lower)
        return folded


_FOLD = _FoldTable()


def alias_key(text: str) -> str:
    """The form under which two spellings count as the same alias."""
    return "".join(_chunks(text.casefold()))


def fold(text: str) -> str:
    """``text`` with each character case-folded as ``re.IGNORECASE`` compares it; same length."""
    return text.lower() if text.isascii() else text.translate(_FOLD)


def word_forms(word: str) -> tuple[str, ...]:
    """Singular and plural forms of a last word: model(s), library/libraries, systems/system."""
    if len(word) < 3 or not word.isalnum() or not word[-1].isalpha():
        return (word,)
    lower = word.lower()
    if lower.endswith("ies") and len(word) >= 5:
        return (f"{word[:-3]}y", f"{word[:-3]}ies")
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(word) >= 5:
        return (word[:-1], f"{word[:-1]}s", f"{word[:-1]}es")
    if lower.endswith(("s", "x", "ch", "sh")):
        return (word, f"{word}es")
    if lower.endswith("y") and lower[-2] not in "aeiou":
        return (word, f"{word[:-1]}ies")
    return (word, f"{word}s")


def _folded_forms(word: str) -> tuple[str, ...]:
    """``word_forms`` of ``word``, folded."""
    if word.isascii():
        return word_forms(word.lower())
    return tuple(fold(form) for form in word_forms(word))


# (rank, term_id, spelling): the lowest rank matching at a place wins; term_id None is an exclusion.
_Target = tuple[int, str | None, str]


class _Rules(NamedTuple):
    """What a match of one spelling must satisfy beyond its squashed form."""

    initial: str
    """The first character, lowercased: a text must start with it, lowercased."""
    bounds: frozenset[int]
    """Offsets in the squashed spelling where the text may have separators (between chunks)."""
    short: bool
    """Two characters or fewer: must stand alone."""
    symbol_first: bool
    """Starts with a symbol (".NET"): must not follow a dot either."""


def _rules(spelling: str) -> _Rules:
    chunks = _chunks(spelling.strip())
    bounds = frozenset(accumulate(map(len, chunks[:-1])))
    return _Rules(
        spelling.strip()[0].lower(), bounds, len(alias_key(spelling)) <= 2, not spelling[0].isalnum()
    )


def _chunks(spelling: str) -> list[str]:
    """The parts of a spelling between separators."""
    if spelling.isascii():  # str.split() splits where \s matches
        return spelling.replace("-", " ").replace("_", " ").split()
    return list(filter(None, _SPLIT.split(spelling)))


def _squash(text: str) -> str:
    """``text`` without separators."""
    return text if text.isalnum() else _SPLIT.sub("", text)


class _Text:
    """A text prepared for a scan: case-folded, and where a match may end."""

    __slots__ = ("ends", "folded", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)
        self.ends = [match.start() for match in _END.finditer(text)]

    def gaps(self, start: int, end: int) -> set[int]:
        """Offsets in the squashed ``text[start:end]`` where it had runs of separators."""
        text = self.text
        return {len(_squash(text[start : match.start()])) for match in _SPLIT.finditer(text, start, end)}


class SpellingIndex:
    """Spellings by squashed form, and a scan that finds them in a text."""

    def __init__(self, entries: Iterable[tuple[str, bool, str | None]]) -> None:
        """Index spellings.

        Args:
            entries: (spelling, case_sensitive, term_id) in order of preference, the
                most preferred first; a term_id of None marks an exclusion.
        """
        self._folded: dict[str, tuple[_Target, ...]] = {}
        self._cased: dict[str, tuple[_Target, ...]] = {}
        # Squashed, folded starts of spellings that a window of text may equal on its way
        # to the whole: a text has a word end inside a spelling only between chunks or
        # before a symbol.
        self._prefixes: set[str] = set()
        self._cased_folded: set[str] = set()
        self._initials: set[str] = set()  # first characters, lowercased: where a scan need look
        self._rules: dict[str, _Rules] = {}  # worked out for the spellings that texts bring up
        for rank, (text, cased, term_id) in enumerate(entries):
            spelling, target = text.strip(), (rank, term_id, text)
            self._initials.add(spelling[0].lower())
            # One word is the common case: no chunks to join, no prefixes but the whole.
            raw_stem, stem, word = ("", "", spelling) if spelling.isalnum() else self._split(spelling)
            if cased:
                self._cased_folded.add(stem + fold(word))
                self._prefixes.add(stem + fold(word))
                key = raw_stem + word
                self._cased[key] = (*self._cased.get(key, ()), target)
            else:
                for form in _folded_forms(word):  # the word itself among them
                    key = stem + form
                    self._folded[key] = (*self._folded.get(key, ()), target)
                    self._prefixes.add(key)

    def _split(self, spelling: str) -> tuple[str, str, str]:
        """The chunks but the last, as written and folded, and the last; notes where a text may cut it."""
        chunks = _chunks(spelling)
        folded = list(map(str.lower if spelling.isascii() else fold, chunks))
        self._prefixes.update(accumulate(folded[:-1]))
        squashed = "".join(folded)
        if not squashed.isalnum():
            self._prefixes.update(squashed[:i] for i, char in enumerate(squashed) if i and not char.isalnum())
        return "".join(chunks[:-1]), "".join(folded[:-1]), chunks[-1]

    def scan(self, text: str) -> list[tuple[int, int, str]]:
        """Every (start, end, term_id) found in ``text``, in order, never overlapping."""
        prepared = _Text(text)
        found: list[tuple[int, int, str]] = []
        last = 0
        for match in _START.finditer(text):
            start = match.start()
            if start < last or text[start].lower() not in self._initials:
                continue
            best = self._best_at(prepared, start)
            if best is not None:
                (_, term_id, _), last = best
                if term_id is not None:
                    found.append((start, last, term_id))
        return found

    def _best_at(self, prepared: _Text, start: int) -> tuple[_Target, int] | None:
        """The most preferred spelling matching at ``start``, and where it ends."""
        best: tuple[_Target, int] | None = None
        ends = prepared.ends
        for index in range(bisect_right(ends, start), len(ends)):
            end = ends[index]
            key = _squash(prepared.folded[start:end])
            if key not in self._prefixes:
                break
            targets = self._folded.get(key, ())
            if key in self._cased_folded:
                targets += self._cased.get(_squash(prepared.text[start:end]), ())
            for target in targets:
                if (best is None or target[0] < best[0][0]) and self._fits(target[2], prepared, start, end):
                    best = (target, end)
        return best

    def _fits(self, spelling: str, prepared: _Text, start: int, end: int) -> bool:
        """Whether ``spelling``, whose squashed form is found at ``start:end``, matches there.

        Checks what the candidate starts and ends and the squashed form leave open.
        """
        rules = self._rules.get(spelling)
        if rules is None:
            rules = self._rules[spelling] = _rules(spelling)
        text = prepared.text
        if rules.initial != text[start].lower() or not prepared.gaps(start, end) <= rules.bounds:
            return False
        before = text[start - 1] if start else " "
        if rules.short:
            # Short forms stand alone: not in "R&D", "C-suite", "go-to", "rock'n'roll", "x.C".
            return before not in ".&'-" and (end == len(text) or text[end] not in "&'-")
        return not (rules.symbol_first and before == ".")
