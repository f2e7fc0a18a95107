"""PDF -> Markdown-flavoured text: pypdf text, page furniture removed, wrapped lines joined,
hyphenation at line ends repaired, and link annotations of the contact line restored."""

from __future__ import annotations

import io
import re
from collections import Counter

from tailor.errors import ImportSourceError
from tailor.importing.dates import find_range

__all__ = ["pdf_to_text", "repair_lines"]

_BULLET = re.compile(r"^\s*[•·▪‣◦●○■□➢➤►✓–-]\s+")
_FOOTER = re.compile(r"^(?:page\s+\d+(?:\s+of\s+\d+)?|\d{1,3}(?:\s*/\s*\d{1,3})?|.{1,60}\s[·|–-]\s\d{1,3})$", re.I)
_HYPHEN_END = re.compile(r"([A-Za-zÀ-ÿ]+)-$")
_WORD_START = re.compile(r"^([a-zà-ÿ]+)")
_FIELD_SEPARATOR = re.compile(r"\s[·|—]\s|\t")
_FULL = 0.82


def pdf_to_text(data: bytes, label: str) -> tuple[str, list[str]]:
    """Extract a PDF's text as one logical line per paragraph.

    Returns:
        The text, and notes about what was repaired or removed.

    Raises:
        ImportSourceError: The PDF cannot be read or holds no text.
    """
    from pypdf import PdfReader  # imported here: only PDF imports need it

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        links = _links(reader)
    except Exception as exc:  # pypdf raises many exception types on malformed files
        msg = f"{label}: the PDF cannot be read ({exc})"
        raise ImportSourceError(msg, hint="save the CV as .docx or .txt and import that instead") from exc
    lines = [line.strip() for page in pages for line in page.split("\n")]
    if not any(lines):
        msg = f"{label}: the PDF holds no extractable text (is it a scan?)"
        raise ImportSourceError(msg, hint="copy the CV's text into a .txt file and import that instead")
    logical, notes = repair_lines([line for line in lines if line])
    logical = _restore_contact_links(logical, links)
    return "\n\n".join(logical) + "\n", notes


def _links(reader: object) -> list[str]:
    """Link addresses on the first page, in drawing order."""
    pages = getattr(reader, "pages", [])
    if not pages:
        return []
    out = []
    for annot in pages[0].get("/Annots") or []:
        obj = annot.get_object()
        action = obj.get("/A") or {}
        uri = action.get("/URI") if hasattr(action, "get") else None
        if isinstance(uri, str):
            out.append(uri)
    return out


def repair_lines(lines: list[str]) -> tuple[list[str], list[str]]:
    """Drop page furniture, repair hyphenation and join wrapped lines into logical lines."""
    notes: list[str] = []
    lines = _drop_furniture(lines, notes)
    full = _full_width(lines)
    out: list[str] = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if out and _wraps(out[-1], line, following, full):
            out[-1] = _join(out[-1], line, " ".join(lines), notes)
        else:
            out.append(_BULLET.sub("- ", line))
    return out, notes


def _drop_furniture(lines: list[str], notes: list[str]) -> list[str]:
    """Repeated running heads and page numbers ("Eric Kim · 2", "Page 2 of 3")."""
    counts = Counter(lines)
    kept = []
    for line in lines:
        if _FOOTER.fullmatch(line) and not find_range(line) or (counts[line] > 2 and len(line) < 60):
            notes.append(f"removed page header/footer '{line}'")
            continue
        kept.append(line)
    return kept


def _full_width(lines: list[str]) -> int:
    lengths = sorted(len(line) for line in lines)
    return int(lengths[int(len(lengths) * 0.95) - 1 if len(lengths) > 1 else 0] * _FULL) if lengths else 0


def _wraps(previous: str, line: str, following: str, full: int) -> bool:
    """Whether ``line`` continues ``previous`` (which ran to the right margin)."""
    if _BULLET.match(line) or find_range(line) and len(line) < 60:
        return False
    if _FIELD_SEPARATOR.search(line) and find_range(following):
        return False  # an entry heading such as "Title · Company" before its dates
    letters = [ch for ch in line if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters) and len(line.split()) <= 5:
        return False
    return len(previous) >= full or previous.endswith("-") or line[:1].islower()


def _join(previous: str, line: str, everything: str, notes: list[str]) -> str:
    """Join a wrapped line; a hyphen at the line end stays only if the document uses that compound."""
    end = _HYPHEN_END.search(previous)
    start = _WORD_START.match(line)
    if not (end and start):
        return f"{previous} {line}"
    left, right = end.group(1), start.group(1)
    if f"{left}-{right}" in everything:
        return f"{previous}{line}"
    notes.append(f"joined '{left}-' and '{right}' at a line end into '{left}{right}'; check the word")
    return f"{previous[:-1]}{line}"


def _restore_contact_links(lines: list[str], links: list[str]) -> list[str]:
    """Put the first page's link addresses back on the contact line's bare words."""
    web = [url for url in links if url.lower().startswith(("http://", "https://"))]
    for index, line in enumerate(lines[:6]):
        parts = re.split(r"(\s+\|\s+|\s+·\s+)", line)
        if len(parts) < 3 or not web:
            continue
        for number in range(0, len(parts), 2):
            part = parts[number]
            if web and re.fullmatch(r"[A-Za-z][\w .-]{0,30}", part) and "@" not in part and not _is_place(part):
                parts[number] = f"[{part}]({web.pop(0)})"
        lines[index] = "".join(parts)
        break
    return lines


def _is_place(text: str) -> bool:
    from tailor.importing.words import is_location

    return is_location(text)
