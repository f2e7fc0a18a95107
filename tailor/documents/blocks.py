"""Turn traced text (segments that may hold newlines and ``- `` list lines) into blocks.

Rules, the same for a letter template's output and for a profile answer:

- a blank line ends a paragraph;
- a line starting with ``- `` (after optional indentation) is a list item, nested
  by its indentation (two spaces a level, at most three levels);
- other consecutive lines form one paragraph, joined by line breaks, or continue
  the list item above them (joined by a space).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tailor.models.documents import Block, BlockKind, Segment

__all__ = ["blocks_from_segments", "lines_of", "traced"]

_BULLET = re.compile(r"^( *)[-*\u2022] +")
MAX_LEVEL = 2

Line = list[Segment]


def traced(text: str, source: str, *, bold: bool = False) -> Segment:
    """A segment (shorthand)."""
    return Segment(text=text, source=source, bold=bold)


def lines_of(segments: Iterable[Segment]) -> list[Line]:
    """Split segments at newlines into lines of segments (empty segments dropped)."""
    lines: list[Line] = [[]]
    for segment in segments:
        parts = segment.text.split("\n")
        for index, part in enumerate(parts):
            if index:
                lines.append([])
            if part:
                lines[-1].append(segment.model_copy(update={"text": part}))
    return lines


def _strip(line: Line) -> Line:
    """The line without outer whitespace (segments that become empty are dropped)."""
    out = [*line]
    while out and not out[0].text.strip():
        out.pop(0)
    while out and not out[-1].text.strip():
        out.pop()
    if not out:
        return out
    out[0] = out[0].model_copy(update={"text": out[0].text.lstrip()})
    out[-1] = out[-1].model_copy(update={"text": out[-1].text.rstrip()})
    return out


def _bullet_level(line: Line) -> tuple[int, Line] | None:
    """The list level and the line without its marker, when the line is a list item."""
    if not line:
        return None
    match = _BULLET.match(line[0].text)
    if match is None:
        return None
    level = min(len(match.group(1).replace("\t", "  ")) // 2, MAX_LEVEL)
    rest = line[0].text[match.end() :]
    head = [line[0].model_copy(update={"text": rest})] if rest else []
    return level, head + line[1:]


def _join(first: Line, second: Line, glue: str, source: str) -> Line:
    """Two lines as one; the glue (a space or a line break) is attributed to ``source``."""
    if not first:
        return second
    last = first[-1]
    joined = last.model_copy(update={"text": last.text + glue})
    return (
        [*first[:-1], joined, *second] if last.source == source else [*first, traced(glue, source), *second]
    )


def blocks_from_segments(segments: Iterable[Segment], *, paragraph: BlockKind = "paragraph") -> list[Block]:
    """Blocks from traced text: paragraphs (with line breaks) and nested list items.

    Args:
        segments: Traced text in reading order.
        paragraph: The kind given to non-list blocks.

    Returns:
        The blocks, with outer whitespace removed and no empty block.
    """
    blocks: list[tuple[BlockKind, int, Line]] = []
    open_block = False
    for raw in lines_of(segments):
        bullet = _bullet_level(_strip_left(raw))
        line = _strip(raw)
        if not line:
            open_block = False
        elif bullet is not None:
            level, rest = bullet
            blocks.append(("bullet", level, _strip(rest)))
            open_block = True
        elif open_block:
            kind, level, previous = blocks[-1]
            glue = " " if kind == "bullet" else "\n"
            blocks[-1] = (kind, level, _join(previous, line, glue, previous[-1].source))
        else:
            blocks.append((paragraph, 0, line))
            open_block = True
    return [Block(kind=kind, level=level, segments=tuple(line)) for kind, level, line in blocks if line]


def _strip_left(line: Line) -> Line:
    """The line without blank leading segments (indentation stays on the first text)."""
    out = [*line]
    while out and not out[0].text.strip():
        out.pop(0)
    return out
