"""Render a document as Markdown (answer and prep sheets; letters too, for pasting into forms)."""

from __future__ import annotations

import re

from tailor.models.documents import Block, Document

__all__ = ["render_document_md"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
_PREFIX = {"title": "# ", "heading": "## ", "subheading": "### "}


def _escape(text: str) -> str:
    """Markdown-safe text: markup characters escaped, a leading list marker or number kept literal."""
    text = _SPECIAL.sub(r"\\\1", text)
    return re.sub(r"^(\s*)([-+]|\d+\.)(\s)", r"\1\\\2\3", text)


def _inline(block: Block) -> str:
    parts = []
    for segment in block.segments:
        lines = [_escape(line) for line in segment.text.split("\n")]
        text = "  \n".join(lines)
        parts.append(
            f"**{text.strip()}**" + (" " if text.endswith(" ") else "")
            if segment.bold and text.strip()
            else text
        )
    return "".join(parts)


def _line(block: Block) -> str:
    text = _inline(block)
    if block.kind in _PREFIX:
        return _PREFIX[block.kind] + text.replace("  \n", " ")
    if block.kind == "bullet":
        return "  " * block.level + "- " + text.replace("  \n", " ")
    if block.kind in ("note", "subtitle"):
        return f"*{text}*"
    return text


def render_document_md(document: Document) -> str:
    """The document as Markdown: headings, paragraphs and nested lists, one blank line between blocks."""
    person = document.person
    out: list[str] = [f"<!-- {_escape(person.name)} -->"]
    previous: Block | None = None
    for block in document.blocks:
        tight = block.kind == "bullet" and previous is not None and previous.kind == "bullet"
        out.append(("\n" if tight else "\n\n") + _line(block))
        previous = block
    return "".join(out).lstrip("\n") + "\n"
