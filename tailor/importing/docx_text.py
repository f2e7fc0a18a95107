"""Word (.docx) -> Markdown-flavoured text, using paragraph styles, numbering, bold runs and links."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from tailor.errors import ImportSourceError

__all__ = ["docx_to_text"]

_HEADING = re.compile(r"^heading\s*(\d)$", re.I)


def docx_to_text(data: bytes, label: str) -> str:
    """Every paragraph (tables included, in reading order) as one Markdown line.

    Raises:
        ImportSourceError: The file is not a readable Word document.
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    from tailor.inputs.bounded import InputRefused, check_zip

    try:
        check_zip(data, "Word document")
    except InputRefused as err:
        msg = f"{label}: {err.message}"
        raise ImportSourceError(msg, hint=err.hint) from err
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        msg = f"{label}: not a readable Word (.docx) document ({exc})"
        raise ImportSourceError(
            msg, hint="open it in Word and save it again as .docx, or export it as PDF"
        ) from exc
    blocks = list(_blocks(document))
    shift = _heading_shift([block for block in blocks if not isinstance(block, list)])
    lines = [
        line
        for block in blocks
        if (line := _table(block) if isinstance(block, list) else _line(block, shift))
    ]
    if not lines:
        msg = f"{label}: the document holds no text"
        raise ImportSourceError(msg)
    return "\n\n".join(lines) + "\n"


def _blocks(document: Any) -> Iterator[Any]:
    """The body's paragraphs in reading order; a table of data (one line of text a cell, such as
    certificates or skills by category) as its rows of cell texts, a layout table's cells as their
    paragraphs."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(block, document)
        elif tag == "tbl":
            table = Table(block, document)
            rows = [_unique(row.cells) for row in table.rows]
            if all(_one_line(cell) for row in rows for cell in row) and max(map(len, rows), default=0) > 1:
                yield [[" ".join(cell.text.split()) for cell in row] for row in rows]
            else:
                for row in rows:
                    for cell in row:
                        yield from cell.paragraphs


def _unique(cells: Any) -> list[Any]:
    """A row's cells, a merged cell once (python-docx gives it for every column it spans)."""
    out: list[Any] = []
    for cell in cells:
        if not out or cell._tc is not out[-1]._tc:
            out.append(cell)
    return out


def _one_line(cell: Any) -> bool:
    texts = [p for p in cell.paragraphs if p.text.strip()]
    return len(texts) <= 1 and not any("list" in _style(p).lower() for p in texts)


def _table(rows: list[list[str]]) -> str:
    """A data table as a Markdown table: its first row the header, then one line a row."""
    lines = ["| " + " | ".join(cell.replace("|", "/") for cell in row) + " |" for row in rows]
    rule = "|" + "|".join(" --- " for _ in rows[0]) + "|"
    return "\n".join([lines[0], rule, *lines[1:]])


def _style(paragraph: Any) -> str:
    return (paragraph.style.name if paragraph.style is not None else "") or ""


def _heading_shift(paragraphs: list[Any]) -> int:
    """How many levels Word's headings sit above Markdown's: 0 when "Heading 1" is the person's name
    (used once, first, no Title style: pandoc's and many people's layout), else 1 ("Heading 1" is a
    section such as Experience, below a Title or a plain name)."""
    styles = [_style(p) for p in paragraphs if p.text.strip()]
    headings = [s for s in styles if _HEADING.match(s) or s == "Title"]
    ones = [s for s in styles if (m := _HEADING.match(s)) and m.group(1) == "1"]
    if "Title" not in styles and len(ones) == 1 and headings and _HEADING.match(headings[0]):
        first = _HEADING.match(headings[0])
        return 0 if first is not None and first.group(1) == "1" else 1
    return 1


def _prefix(paragraph: Any, shift: int = 1) -> str:
    style = _style(paragraph)
    if style == "Title":
        return "# "
    if heading := _HEADING.match(style):
        return "#" * min(int(heading.group(1)) + shift, 6) + " "
    numbering = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
    if numbering is not None or "list" in style.lower():
        level = numbering.ilvl.val if numbering is not None and numbering.ilvl is not None else 0
        named = re.search(r"(\d)$", style) if "list" in style.lower() else None  # "List Bullet 2"
        depth = int(level or 0) or (int(named.group(1)) - 1 if named else 0)
        return "  " * depth + "- "
    return ""


def _is_bold(run: Any) -> bool:
    style = run.style.name if run.style is not None else ""
    return bool(run.bold) or style in ("Strong", "Bold")


def _line(paragraph: Any, shift: int = 1) -> str:
    from docx.text.hyperlink import Hyperlink

    pieces: list[tuple[str, bool]] = []
    for item in paragraph.iter_inner_content():
        if isinstance(item, Hyperlink):
            text = _escape(item.text)
            address = item.address or ""
            bold = any(_is_bold(run) for run in item.runs)
            pieces.append((f"[{text}]({address.replace(' ', '%20')})" if address else text, bold))
        else:
            pieces.append((_escape(item.text), _is_bold(item)))
    text = _bold_lead(pieces).replace("\t", "  |  ").replace("\u00a0", " ")
    if _HTML_LINE.search(text):
        # HTML pasted as a block (a web CV's styled entry): its lines stay lines, so the tags
        # can be read as in Markdown ("<h3>Title</h3>" a heading, "<p>Company</p>" a line).
        return "\n".join(line.strip() for line in text.split("\n") if line.strip()) + "\n"
    prefix = _prefix(paragraph, shift)
    # A line break inside a plain paragraph (an entry's "Company / Title / Dates" lines) stays a line
    # break, as in Markdown; inside a heading or a list item it is only wrapping.
    glue = " " if prefix else "  \n"
    text = glue.join(part.strip() for part in text.split("\n") if part.strip())
    return prefix + text if text else ""


_HTML_LINE = re.compile(
    r"^\s*</?(?:div|p|h[1-6]|img|span|section|ul|li)\b[^>]*>", re.IGNORECASE | re.MULTILINE
)


def _bold_lead(pieces: list[tuple[str, bool]]) -> str:
    """Leading bold runs become ``**lead**`` (the rest stays plain)."""
    lead = ""
    index = 0
    while index < len(pieces) and (pieces[index][1] or not pieces[index][0].strip()):
        lead += pieces[index][0]
        index += 1
    rest = "".join(text for text, _ in pieces[index:])
    if lead.strip() and rest.strip():
        between = "\n" if "\n" in lead[len(lead.rstrip()) :] else " "  # a break after the bold lead stays
        return f"**{lead.strip()}**{between}{rest.strip()}"
    return lead + rest


def _escape(text: str) -> str:
    return text.replace("*", "\\*").replace("[", "\\[").replace("]", "\\]")
