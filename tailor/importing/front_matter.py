"""A Markdown CV's YAML front matter (a static site's ``---`` block): not CV text.

Web CVs published with Jekyll, Eleventy or Hugo start with a block of page settings
(``layout: archive``, ``permalink: /cv/``). The importer must not read them as the person's name
or as roles; they go under ``unplaced:`` with their line numbers, and a ``title:``/``name:``/
``author:`` that is a person's name ("Chaoran <ins>Liu</ins>") is offered as the name.
"""

from __future__ import annotations

import re

__all__ = ["FrontMatter", "split_front_matter"]

_FENCE = re.compile(r"^(?:---|\+\+\+)\s*$")
_MAX_LINES = 80
_NAME_KEYS = ("name", "author", "title")
_TAG = re.compile(r"<[^>]+>")
_PERSON = re.compile(r"^[A-ZÀ-Þ][\w'’.-]*(?: [A-ZÀ-Þ][\w'’.-]*){1,3}$")
_NOT_A_NAME = re.compile(r"\b(?:cv|resume|résumé|curriculum|vitae|portfolio|home|about|online)\b", re.I)


class FrontMatter:
    """The front matter's lines (number, text) and the text with those lines blanked."""

    def __init__(self, lines: list[tuple[int, str]], body: str) -> None:
        self.lines = lines
        self.body = body

    @property
    def name(self) -> str | None:
        """A person's name given as ``name:``, ``author:`` or ``title:``, else None."""
        for key in _NAME_KEYS:
            for _, line in self.lines:
                found = re.match(rf"^{key}\s*:\s*(.+)$", line.strip(), re.I)
                if found is None:
                    continue
                value = " ".join(_TAG.sub("", found.group(1)).strip().strip("\"'").split())
                if _PERSON.match(value) and not _NOT_A_NAME.search(value):
                    return value
        return None


_TEMPLATE_TAG = re.compile(r"^\s*(?:\{%.*%\}|\{\{.*\}\})\s*$")
"""A line that is only a site template tag (``{% include base_path %}``)."""


def split_front_matter(text: str) -> FrontMatter:
    """Split off a leading ``---`` (or ``+++``) block and lines that are only template tags; the
    body keeps its line numbers (those lines are blanked)."""
    front = _leading_block(text)
    lines = front.body.split("\n")
    tags = [(number + 1, line) for number, line in enumerate(lines) if _TEMPLATE_TAG.match(line)]
    if not tags:
        return front
    for number, _ in tags:
        lines[number - 1] = ""
    return FrontMatter(sorted(front.lines + tags), "\n".join(lines))


def _leading_block(text: str) -> FrontMatter:
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        return FrontMatter([], text)
    for end in range(1, min(len(lines), _MAX_LINES)):
        if _FENCE.match(lines[end]):
            front = [(number + 1, lines[number]) for number in range(1, end) if lines[number].strip()]
            if not all(re.match(r"^\s*(?:[\w-]+\s*[:=]|- )", line) for _, line in front):
                return FrontMatter([], text)  # a horizontal rule over text, not settings
            body = "\n" * (end + 1) + "\n".join(lines[end + 1 :])
            return FrontMatter(front, body)
    return FrontMatter([], text)
