"""A PDF page as lines: text runs grouped by baseline, with font size and boldness, columns apart."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from tailor.importing.dates import DateRange, find_date, find_range


@dataclass(frozen=True)
class PdfLine:
    """One printed line: its text, baseline height and font size (0 when unknown)."""

    text: str
    y: float = 0.0
    size: float = 0.0
    page: int = 0
    bold_start: bool = False
    """Whether the line starts in a bold font (a new skill group or lead-in)."""
    x: float = 0.0
    """Where the line starts across the page (a sidebar's lines start left of the main column's)."""
    bold_all: bool = False
    """Whether the whole line is bold (an organisation or heading line, never wrapped into the next)."""

    @property
    def column(self) -> int:
        """A coarse band of the page the line starts in (lines of one column share it)."""
        return int(self.x // 100)


def page_lines(page: Any, number: int) -> list[PdfLine]:
    """The page's lines with their height on the page, grouped from pypdf's text chunks."""
    chunks: list[_Chunk] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text:
            scale = abs(tm[3] * cm[3]) or 1.0
            name = str(font.get("/BaseFont", "")) if hasattr(font, "get") else ""
            bold = "bold" in name.lower() or "black" in name.lower()
            chunks.append((cm[5] + tm[5] * cm[3], cm[4] + tm[4] * cm[0], size * scale, text, bold))

    page.extract_text(visitor_text=visit)
    return _group_chunks(chunks, number)


_Chunk = tuple[float, float, float, str, bool]
_COLUMN_GAP = 6.0
"""A gap wider than this many font sizes between two runs on one baseline separates them."""
_AVERAGE_WIDTH = 0.55
"""A character's width as a share of the font size, to guess where a run ends (text has no widths)."""


def _group_chunks(chunks: list[_Chunk], page: int) -> list[PdfLine]:
    """Chunks on one baseline form a line; a chunk placed apart from the last gets a space."""
    lines: list[PdfLine] = []
    current, last_x, last_y, size, bold, start_x, all_bold = "", 0.0, 0.0, 0.0, False, 0.0, True

    def close_line() -> None:
        lines.append(PdfLine(" ".join(current.split()), last_y, size, page, bold, start_x, all_bold and bold))

    last_end = 0.0
    for y, x, chunk_size, text, chunk_bold in chunks:
        new_baseline = abs(y - last_y) > max(0.5, 0.25 * min(chunk_size, size or chunk_size))
        # a new baseline (a bullet symbol or superscript a little off its line's is not one), or a
        # jump far to the right on the same baseline: the next column, or a right-aligned date
        if current.strip() and (new_baseline or x - last_end > _COLUMN_GAP * chunk_size):
            close_line()
            current = ""
        if not current.strip():
            bold, start_x, all_bold = chunk_bold and bool(text.strip()), x, True
        if text.strip():
            all_bold = all_bold and chunk_bold
        apart = abs(x - last_x) > 0.5 and not current[-1:].isspace() and not text[:1].isspace()
        if current and apart:
            current += " "
        size = max(size, chunk_size) if current.strip() else chunk_size
        current += text.replace("\n", " ")
        last_x, last_y = x, y
        last_end = x + _AVERAGE_WIDTH * chunk_size * len(text)
    if current.strip():
        close_line()
    return _dates_beside(lines)


def _dates_beside(lines: list[PdfLine]) -> list[PdfLine]:
    """A right-aligned date or date range on the baseline of the line before it ("Morf Studio ...
    Jan 2016 - Dec 2016") belongs to that line: joined as "Morf Studio | Jan 2016 - Dec 2016", as a
    one-line heading reads, and not left to start an entry of its own below."""
    out: list[PdfLine] = []
    for line in lines:
        before = out[-1] if out else None
        beside = before is not None and before.page == line.page and abs(before.y - line.y) < 0.5
        found = (find_range(line.text) or find_date(line.text)) if beside else None
        if before is not None and found is not None and _whole(line.text, found):
            out[-1] = replace(before, text=f"{before.text} | {line.text}")
        else:
            out.append(line)
    return out


def _whole(text: str, found: DateRange) -> bool:
    """The date range is the whole text (give or take punctuation)."""
    span = found.span
    rest = (text[: span[0]] + text[span[1] :]).strip(" ,|-–—()")
    return not rest
