"""Remove repeated blocks: several postings repeat paragraphs or their whole body.

A run of lines is dropped when the same run already appeared earlier. Single
bullets and headings may legitimately repeat (the same skill under
"required" and "preferred"), so a lone line is only dropped when it is a
long paragraph.
"""

from __future__ import annotations

from tailor.posting.lines import Line, collapse_blanks

__all__ = ["drop_repeats"]

_MIN_RUN = 3
_MIN_WORDS = 12


def _key(line: Line) -> tuple[bool, str]:
    return line.kind == "heading", " ".join(line.text.casefold().split())


def _run_length(keys: list[tuple[bool, str]], start: int, earlier: list[int]) -> int:
    """Length of the longest run at ``start`` that repeats one beginning at an ``earlier`` index."""
    best = 0
    for first in earlier:
        length = 0
        while (
            start + length < len(keys)
            and first + length < start
            and keys[first + length] == keys[start + length]
        ):
            length += 1
        best = max(best, length)
    return best


def _worth_dropping(run: list[Line]) -> bool:
    words = sum(len(line.text.split()) for line in run)
    if len(run) >= _MIN_RUN:
        return True
    if len(run) == 2:
        return words >= _MIN_WORDS
    return len(run) == 1 and run[0].kind == "para" and words >= _MIN_WORDS


def drop_repeats(lines: list[Line]) -> list[Line]:
    """Drop runs of lines that repeat an earlier run.

    Args:
        lines: Parsed lines (blank lines included).

    Returns:
        The lines without the repeats; blank lines inside a dropped run go too.
    """
    positions = [i for i, line in enumerate(lines) if line.kind != "blank"]
    keys = [_key(lines[i]) for i in positions]
    seen: dict[tuple[bool, str], list[int]] = {}
    dropped: set[int] = set()
    index = 0
    while index < len(keys):
        length = _run_length(keys, index, seen.get(keys[index], []))
        run = [lines[positions[i]] for i in range(index, index + length)]
        drop = length > 0 and _worth_dropping(run)
        step = length if drop else 1
        if drop:
            dropped.update(range(positions[index], positions[index + step - 1] + 1))
        for i in range(index, index + step):
            seen.setdefault(keys[i], []).append(i)
        index += step
    return collapse_blanks([line for i, line in enumerate(lines) if i not in dropped])
