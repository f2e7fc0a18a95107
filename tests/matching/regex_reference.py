"""The first skills matcher, kept as a reference: one regex alternation per initial letter.

``tailor.matching.spellings`` replaced it with a faster token scan that must find
exactly the same mentions; tests compare the two on real and generated texts.
This is the matcher as it shipped, apart from taking a ready vocabulary.
"""

from __future__ import annotations

import re
from typing import Literal

from tailor.matching.vocabulary import SkillMention, Vocabulary

_SEPARATOR = r"[\s\-\u2010\u2011\u2012\u2013_]*"
_WORD_START = re.compile(r"(?<!\w)\S")
_SPLIT = re.compile(r"[\s\-\u2010\u2011\u2012\u2013_]+")

_Entry = tuple[str, bool, str | None]


def alias_key(text: str) -> str:
    return _SPLIT.sub("", text.casefold())


def _plural(word: str) -> str:
    if len(word) < 3 or not word.isalnum() or not word[-1].isalpha():
        return word
    lower = word.lower()
    if lower.endswith("ies") and len(word) >= 5:
        return f"{word[:-3]}(?:y|ies)"
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(word) >= 5:
        return f"{word[:-1]}(?:s|es)?"
    if lower.endswith(("s", "x", "ch", "sh")):
        return f"{word}(?:es)?"
    if lower.endswith("y") and lower[-2] not in "aeiou":
        return f"{word[:-1]}(?:y|ies)"
    return f"{word}s?"


def _pattern(text: str, cased: bool) -> str:
    chunks = [re.escape(chunk) for chunk in _SPLIT.split(text.strip()) if chunk]
    if not cased:
        chunks[-1] = _plural(chunks[-1])
    body = _SEPARATOR.join(chunks)
    if not cased:
        body = f"(?i:{body})"
    if len(alias_key(text)) <= 2:
        return rf"(?<![\w.&'\-]){body}(?![\w+#&'\-]|\.\w)"
    left = r"(?<![\w])" if text[0].isalnum() else r"(?<![\w.])"
    return rf"{left}{body}(?![\w+#]|\.\w)"


class RegexMatcher:
    """The reference matcher over the spellings of a vocabulary."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.skills = vocab.skills
        entries: list[_Entry] = []
        for term_id, term in [*vocab.families.items(), *vocab.skills.items()]:
            entries += [(text, cased, term_id) for text, cased in term.spellings()]
            entries += [(text, False, None) for text in term.exclude]
        entries.sort(key=lambda entry: (-len(entry[0]), entry[0], entry[1]))
        by_initial: dict[str, list[_Entry]] = {}
        for entry in entries:
            by_initial.setdefault(entry[0].strip()[0].lower(), []).append(entry)
        self._matchers = {
            initial: (
                re.compile("|".join(f"({_pattern(text, cased)})" for text, cased, _ in group)),
                [term_id for _, _, term_id in group],
            )
            for initial, group in by_initial.items()
        }

    def find(self, text: str) -> list[SkillMention]:
        mentions: list[SkillMention] = []
        end = 0
        for start in _WORD_START.finditer(text):
            pos = start.start()
            matcher = self._matchers.get(text[pos].lower())
            if pos < end or matcher is None:
                continue
            regex, targets = matcher
            match = regex.match(text, pos)
            if match is None or match.lastindex is None:
                continue
            end = match.end()
            term_id = targets[match.lastindex - 1]
            if term_id is not None:
                kind: Literal["skill", "family"] = "skill" if term_id in self.skills else "family"
                mentions.append(SkillMention(term_id, match.group(), pos, end, kind))
        return mentions
