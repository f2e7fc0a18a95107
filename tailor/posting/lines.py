"""Parse Markdown-ish posting text into typed lines, and render them back.

A posting arrives as loosely formatted Markdown (job boards), as HTML turned
into Markdown by :mod:`tailor.posting.html_text`, or as plain text from a
PDF. Every line becomes a :class:`Line`: a heading, a bullet (with its
nesting depth), a paragraph line, or a blank. Inline noise is cleaned on the
way (see :mod:`tailor.posting.inline`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from tailor.posting.headings import heading_text
from tailor.posting.inline import clean_inline, is_emoji_only

__all__ = ["Line", "LineKind", "parse_lines", "render_lines"]

LineKind = Literal["heading", "bullet", "para", "blank"]

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_BULLET = re.compile(r"^([ \t]*)(?:[-*+\u2022\u25cf\u25e6\u25aa\u2023\u00b7]|\\-|\d{1,2}[.)])[ \t]+(.*)$")
_RULE = re.compile(r"^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_TRACKING_TAG = re.compile(r"^#LI-[\w-]+$", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    """One line of the cleaned posting."""

    kind: LineKind
    text: str = ""
    level: int = 0
    """Heading level (1-6) for headings; nesting depth (0 = top) for bullets."""


BLANK = Line("blank")


def _fix_split_bold(raw: list[str]) -> list[str]:
    """Close a ``**`` left open at a line end when the next line opens with ``**``."""
    fixed = list(raw)
    for i in range(len(fixed) - 1):
        if fixed[i].count("**") % 2 == 1 and fixed[i + 1].lstrip().startswith("**"):
            fixed[i] = fixed[i].rstrip() + "**"
            fixed[i + 1] = fixed[i + 1].lstrip()[2:]
    return fixed


class _Depths:
    """Turn bullet indentation into nesting depths."""

    def __init__(self) -> None:
        self.stack: list[int] = []

    def depth(self, indent: int) -> int:
        while self.stack and indent < self.stack[-1]:
            self.stack.pop()
        if not self.stack or indent > self.stack[-1]:
            self.stack.append(indent)
        return len(self.stack) - 1

    def reset(self) -> None:
        self.stack.clear()


def _next_is_bullet(raw: list[str], index: int) -> bool:
    for later in raw[index + 1 :]:
        if later.strip():
            return bool(_BULLET.match(later))
    return False


def _parse_one(raw: list[str], index: int, depths: _Depths) -> Line:
    line = raw[index].replace("\t", "    ").rstrip()
    if not line.strip() or _RULE.match(line) or _TRACKING_TAG.match(line.strip()):
        return BLANK
    atx = _ATX.match(line)
    if atx:
        depths.reset()
        text = clean_inline(atx.group(2) or "")
        return Line("heading", text, len(atx.group(1))) if text else BLANK
    bullet = _BULLET.match(line)
    if bullet:
        text = clean_inline(bullet.group(2))
        level = depths.depth(len(bullet.group(1)))
        return Line("bullet", text, level) if text else BLANK
    if is_emoji_only(line):
        return BLANK
    title = heading_text(line, followed_by_list=_next_is_bullet(raw, index))
    if title is not None:
        depths.reset()
        return Line("heading", title, 4)
    if not line.startswith((" ", "\t")):
        depths.reset()
    text = clean_inline(line)
    return Line("para", text) if text else BLANK


def parse_lines(text: str) -> list[Line]:
    """Parse posting text into cleaned lines.

    Args:
        text: Markdown-ish text (``\\n`` line ends).

    Returns:
        The lines, with runs of blanks collapsed and no blanks at either end.
    """
    raw = _fix_split_bold(text.split("\n"))
    depths = _Depths()
    lines = [_parse_one(raw, i, depths) for i in range(len(raw))]
    return collapse_blanks(_split_run_together(_join_continuations(lines)))


_RUN_TOGETHER = re.compile(r"(?:(?<=[a-z]{3}[.!?])|(?<=[a-z]\)[.!?]))(?=[A-Z](?:[a-z]|\s))")


def _split_run_together(lines: list[Line]) -> list[Line]:
    """Split sentences a scraper glued together ("...or Pandas.A can-do attitude") into lines.

    Only a lower-case word (or a closing parenthesis after one) ending a sentence, straight
    followed by a capitalised word, counts: "Node.JS", "U.S.A." and "e.g.X" stay whole.
    """
    out: list[Line] = []
    for line in lines:
        if line.kind not in ("bullet", "para"):
            out.append(line)
            continue
        parts = [part.strip() for part in _RUN_TOGETHER.split(line.text)]
        out.extend(Line(line.kind, part, line.level) for part in parts if part)
    return out


def _join_continuations(lines: list[Line]) -> list[Line]:
    """Join a paragraph that starts in lower case onto the bullet just before it.

    Scraped postings wrap a long bullet onto a line of its own ("... Python for
    data analysis" / "programming."); such a fragment is the end of the bullet,
    not a line of its own.
    """
    out: list[Line] = []
    for line in lines:
        if line.kind == "para" and line.text[:1].islower():
            previous = next((i for i in range(len(out) - 1, -1, -1) if out[i].kind != "blank"), None)
            if previous is not None and out[previous].kind == "bullet":
                joined = out[previous]
                out[previous] = Line("bullet", f"{joined.text} {line.text}", joined.level)
                del out[previous + 1 :]
                continue
        out.append(line)
    return out


def collapse_blanks(lines: list[Line]) -> list[Line]:
    """Collapse runs of blank lines to one and trim blanks at both ends.

    Args:
        lines: Parsed lines.

    Returns:
        The same lines with redundant blanks removed.
    """
    out: list[Line] = []
    for line in lines:
        if line.kind == "blank" and (not out or out[-1].kind == "blank"):
            continue
        out.append(line)
    while out and out[-1].kind == "blank":
        out.pop()
    return out


def _between_bullets(lines: list[Line], index: int) -> bool:
    before = lines[index - 1] if index > 0 else BLANK
    after = lines[index + 1] if index + 1 < len(lines) else BLANK
    return before.kind == "bullet" and after.kind == "bullet"


def render_lines(lines: list[Line]) -> str:
    """Render lines as plain text: bullets as ``- ``, two spaces per level.

    Args:
        lines: Parsed (and de-duplicated) lines.

    Returns:
        The plain text, ending without a newline; a blank line precedes
        every heading but the first line, and blank lines between two
        bullets are dropped.
    """
    out: list[str] = []
    for index, line in enumerate(lines):
        if line.kind == "blank" and _between_bullets(lines, index):
            continue
        if line.kind == "heading" and out and out[-1]:
            out.append("")
        if line.kind == "bullet":
            out.append("  " * line.level + "- " + line.text)
        else:
            out.append(line.text)
    return "\n".join(out).strip("\n")
