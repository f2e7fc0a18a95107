"""A neutral line splitter for labelling postings, independent of tailor's reader.

The reading benchmark (``bench/posting_reading.py``) compares tailor's reading of a posting
with labels a person gave each *line* of it. The lines to label must not come from tailor's
own parser (or the labels would inherit its mistakes), so this module splits a posting the
plain way: HTML by its block tags, Markdown/plain text by its line breaks, with list markers,
emphasis and entities removed. Each line gets a stable id: a hash of its normalised text, so
labels stay valid when the file is re-read and carry no employer text beyond a few words.

    python bench/posting_lines.py ../shared/jobs/05-*.txt   # print id and text per line
"""

from __future__ import annotations

import hashlib
import html
import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

_BLOCK_TAGS = frozenset(
    {"p", "div", "li", "ul", "ol", "br", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "table"}
)
_MARKER = re.compile(r"^\s*(?:#{1,6}\s*|[-*+\u2022\u25cf\u25e6\u25aa\u00b7]\s+|\\-\s*|\d{1,2}[.)]\s+)+")
_EMPHASIS = re.compile(r"\*\*|__|`|\\(?=[-*_#.()!])")
_NORMAL = re.compile(r"[^0-9a-z]+")
_HTML_HINT = re.compile(r"<(?:p|div|li|ul|h[1-6]|br)\b", re.IGNORECASE)


@dataclass(frozen=True)
class LabelLine:
    """One line to label: its id, its text and its position in the file."""

    id: str
    text: str
    index: int


class _Blocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data.replace("\n", " "))


def normalise(text: str) -> str:
    """Lower case letters and digits, single spaces: what two readings of a line share."""
    return _NORMAL.sub(" ", html.unescape(text).casefold()).strip()


def line_id(text: str) -> str:
    """A short stable id: the first three words and a hash of the normalised text."""
    norm = normalise(text)
    words = "-".join(norm.split()[:3]) or "x"
    return f"{words}-{hashlib.sha1(norm.encode()).hexdigest()[:6]}"


def raw_lines(content: str) -> list[str]:
    """The posting's lines, HTML split at block tags, markup and list markers removed."""
    if _HTML_HINT.search(content):
        parser = _Blocks()
        parser.feed(content)
        content = "".join(parser.parts)
    out = []
    for line in content.replace("\xa0", " ").split("\n"):
        text = _EMPHASIS.sub("", _MARKER.sub("", line)).strip()
        text = " ".join(text.split())
        if any(c.isalpha() for c in text):
            out.append(text)
    return out


def label_lines(path: Path) -> list[LabelLine]:
    """The distinct lines of a posting file, in order (a repeated line is listed once)."""
    seen: set[str] = set()
    lines = []
    for index, text in enumerate(raw_lines(path.read_text(encoding="utf-8"))):
        ident = line_id(text)
        if ident not in seen:
            seen.add(ident)
            lines.append(LabelLine(ident, text, index))
    return lines


def main(argv: list[str]) -> int:
    for name in argv:
        for line in label_lines(Path(name)):
            sys.stdout.write(f"{line.id}\t{line.text}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
