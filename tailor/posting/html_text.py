"""Turn HTML into the Markdown-ish text the rest of the reader understands.

Uses the standard library's :class:`html.parser.HTMLParser`. Headings
``<h1>``-``<h6>`` become ``#`` headings, ``<li>`` becomes a ``- `` bullet
(indented two spaces per nesting level), a block or line whose only text is
bold becomes ``**text**`` (a candidate heading), and every other block becomes
its own line. Entities (``&nbsp;``, ``&amp;`` ...) are decoded. The bodies of
``<script type="application/ld+json">`` blocks are kept for
:mod:`tailor.posting.jsonld`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

__all__ = ["HtmlText", "html_to_text"]

_SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "nav"})
_BLOCK = frozenset(
    {
        "p", "div", "section", "article", "header", "footer", "main", "aside",
        "blockquote", "table", "tr", "dl", "dt", "dd", "form", "fieldset",
        "figure", "figcaption", "address", "pre", "hr", "body", "html",
    }
)  # fmt: skip
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_STRONG = frozenset({"strong", "b"})
_LISTS = frozenset({"ul", "ol"})
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class HtmlText:
    """The text of an HTML document and its JSON-LD script bodies."""

    text: str
    json_ld: tuple[str, ...] = ()


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.segments: list[tuple[str, bool]] = []
        self.strong = 0
        self.skip = 0
        self.lists = 0
        self.bullet: int | None = None
        self.heading: int | None = None
        self.json_ld: list[str] = []
        self.in_json_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.skip = 0
        if tag in _SKIP:
            kind = (dict(attrs).get("type") or "").strip().lower()
            if tag == "script" and kind == "application/ld+json":
                self.in_json_ld = True
                self.json_ld.append("")
            self.skip += 1
        elif not self.skip:
            self._open(tag)

    def _open(self, tag: str) -> None:
        if tag in _STRONG:
            self.strong += 1
        elif tag in _HEADINGS:
            self._flush()
            self.heading = _HEADINGS[tag]
        elif tag in _LISTS:
            self._flush()
            self.lists += 1
        elif tag == "li":
            self._flush()
            self.bullet = max(self.lists - 1, 0)
        elif tag in ("br", "tr"):
            self._flush()
        elif tag in ("td", "th"):
            self.segments.append((" ", False))
        elif tag in _BLOCK:
            self._flush()
            self._paragraph_break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(self.skip - 1, 0)
            self.in_json_ld = False
        elif not self.skip:
            self._close(tag)

    def _close(self, tag: str) -> None:
        if tag in _STRONG:
            self.strong = max(self.strong - 1, 0)
        elif tag in _HEADINGS:
            self._flush()
            self.heading = None
            self._paragraph_break()
        elif tag in _LISTS:
            self._flush()
            self.lists = max(self.lists - 1, 0)
            self._paragraph_break()
        elif tag == "li":
            self._flush()
            self.bullet = None
        elif tag in _BLOCK:
            self._flush()
            self._paragraph_break()

    def handle_data(self, data: str) -> None:
        if self.in_json_ld:
            self.json_ld[-1] += data
        elif not self.skip:
            self.segments.append((data, self.strong > 0))

    def _paragraph_break(self) -> None:
        if not self.lists and self.out and self.out[-1]:
            self.out.append("")

    def _flush(self) -> None:
        text = _WHITESPACE.sub(" ", "".join(s for s, _ in self.segments)).strip()
        bold = [strong for s, strong in self.segments if s.strip()]
        self.segments.clear()
        if not text:
            return
        if text.startswith("#"):
            text = "\\" + text  # a literal '#', not a Markdown heading
        if self.heading is not None:
            self.out.append("#" * self.heading + " " + text)
        elif self.bullet is not None:
            self.out.append("  " * self.bullet + "- " + text)
            self.bullet = None
        elif all(bold):
            self.out.append(f"**{text}**")
        else:
            self.out.append(text)

    def result(self) -> HtmlText:
        self._flush()
        return HtmlText("\n".join(self.out).strip("\n"), tuple(self.json_ld))


def html_to_text(markup: str) -> HtmlText:
    """Convert HTML to Markdown-ish text.

    Args:
        markup: An HTML document or fragment.

    Returns:
        The text (one line per block or list item) and the JSON-LD bodies.
    """
    converter = _Converter()
    converter.feed(markup)
    converter.close()
    return converter.result()
