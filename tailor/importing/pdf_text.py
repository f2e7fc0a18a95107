"""PDF -> Markdown-flavoured text: pypdf text, page furniture removed, wrapped lines joined,
hyphenation at line ends repaired, and link annotations of the contact line restored."""

from __future__ import annotations

import io
import itertools
import re

from tailor.errors import ImportSourceError
from tailor.importing.dates import find_range
from tailor.importing.hyphens import join_wrapped
from tailor.importing.pdf_lines import (
    PdfLine,
    page_lines,
)

__all__ = ["PdfLine", "pdf_to_text", "repair_lines"]


_BULLET = re.compile(r"^\s*[•·▪‣◦●○■□➢➤►✓–\x7f\uf0b7\uf0a7-]\s+")  # \x7f, \uf0b7: bullets in legacy fonts
_FOOTER = re.compile(
    r"^(?:page\s+\d+(?:\s+of\s+\d+)?|\d{1,3}(?:\s*/\s*\d{1,3})?"
    r"|.{1,60}\s[·|–-]\s(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?)$",
    re.I,
)
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
        lines = [line for number, page in enumerate(reader.pages) for line in page_lines(page, number)]
        links = _links(reader)
    except Exception as exc:  # pypdf raises many exception types on malformed files
        msg = f"{label}: the PDF cannot be read ({exc})"
        raise ImportSourceError(msg, hint="save the CV as .docx or .txt and import that instead") from exc
    if not lines:
        msg = f"{label}: the PDF holds no extractable text (is it a scan?)"
        raise ImportSourceError(msg, hint="copy the CV's text into a .txt file and import that instead")
    logical, notes = repair_lines(lines)
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


def _leading(lines: list[PdfLine]) -> dict[float, float]:
    """The distance between wrapped lines of each font size (the smallest seen in the document)."""
    gaps: dict[float, float] = {}
    for above, below in itertools.pairwise(lines):
        gap = above.y - below.y
        key = round(below.size, 1)
        if above.page == below.page and round(above.size, 1) == key and gap > 0:
            gaps[key] = min(gaps.get(key, gap), gap)
    return gaps


def repair_lines(lines: list[PdfLine]) -> tuple[list[str], list[str]]:
    """Drop page furniture, repair hyphenation and join wrapped lines into logical lines."""
    notes: list[str] = []
    lines = _drop_furniture(lines, notes)
    columns: dict[int, list[str]] = {}
    for line in lines:
        columns.setdefault(line.column, []).append(line.text)
    full = {column: _full_width(texts) for column, texts in columns.items()}  # a sidebar is narrow
    leading = _leading(lines)
    everything = " ".join(line.text for line in lines)
    out: list[str] = []
    for index, line in enumerate(lines):
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        close = _close(lines[index - 1], line, leading) if index else None
        width = full[lines[index - 1].column] if index else 0
        if out and _wraps(out[-1], line.text, following, width, close):
            out[-1] = join_wrapped(out[-1], line.text, everything, notes)
        else:
            out.append(_BULLET.sub("- ", line.text))
    return [_SPACE_COMMA.sub(r"\1", text) for text in out], notes


def _close(above: PdfLine, below: PdfLine, leading: dict[float, float]) -> bool | None:
    """Whether two lines sit at their font's line spacing (None: geometry does not tell)."""
    if below.bold_start and not above.bold_start:
        return False  # a bold start ("Skills:") starts a new paragraph, on the same page or the next
    if above.bold_all and not below.bold_start:
        return False  # a line all in bold (an organisation, a heading) is never wrapped into the next
    if above.page != below.page or not above.size or not below.size:
        return None
    if round(above.size, 1) != round(below.size, 1):
        return False  # a different font size starts a new paragraph
    usual = leading.get(round(below.size, 1))
    return above.y - below.y <= usual * 1.08 if usual else None


_GLYPH = re.compile(r"^[•·▪‣◦●○■□➢➤►✓–\x7f\uf0b7\uf0a7-]$")
"""A line that is only a bullet symbol (drawn apart from its text, e.g. in another font)."""


def _drop_furniture(lines: list[PdfLine], notes: list[str]) -> list[PdfLine]:
    """Running heads and page numbers ("Eric Kim · 2", "Page 2 of 3"), and bullet symbols put back.

    A line is a running head or foot only when the same text stands at the same height on at least
    half the pages (and two): a title line repeated in three roles, or an organisation named twice,
    is content. A bullet symbol on a line of its own is joined to the line it marks.
    """
    pages = len({line.page for line in lines})
    seen: dict[tuple[str, int], set[int]] = {}
    for line in lines:
        seen.setdefault((line.text, round(line.y / 3)), set()).add(line.page)
    repeated = max(2, (pages + 1) // 2)
    kept: list[PdfLine] = []
    pending_bullet = False
    for line in lines:
        text = line.text
        if _GLYPH.match(text):
            pending_bullet = True
            continue
        furniture = pages >= 2 and len(seen[(text, round(line.y / 3))]) >= repeated
        if (_FOOTER.fullmatch(text) and not find_range(text)) or furniture:
            notes.append(f"removed page header/footer '{text}'")
            continue
        if pending_bullet and not _BULLET.match(text):
            line = PdfLine(f"- {text}", line.y, line.size, line.page, line.bold_start, line.x, line.bold_all)
        pending_bullet = False
        kept.append(line)
    return kept


def _full_width(lines: list[str]) -> int:
    lengths = sorted(len(line) for line in lines)
    return int(lengths[int(len(lengths) * 0.95) - 1 if len(lengths) > 1 else 0] * _FULL) if lengths else 0


def _wraps(previous: str, line: str, following: str, full: int, close: bool | None) -> bool:
    """Whether ``line`` continues ``previous``.

    Only a line that ran to the right margin (or ended in a hyphen) can wrap; headings,
    bullets, dates and entry headings never continue one; when the page geometry is
    known, the two lines must also sit at the font's line spacing.
    """
    if (
        _LONE_ORG_WORD.match(line)
        and not previous.endswith((".", ",", ":", ")"))
        and not _BULLET.match(previous)
    ):
        from tailor.importing.sections import classify_heading

        return classify_heading(previous) is None  # "Nanyang Technological" over "University"
    if close and _BULLET.match(previous) and _ONE_WORD.match(line) and not previous.endswith((".", ";", ":")):
        return True  # "- M.A. ...: Computational Cognitive" over "Neuroscience": the bullet wrapped
    if find_range(line) and _ENDS_IN_MONTH.search(previous) and not find_range(previous):
        return close is not False  # "... NASA (research) Jul" over "2016-Aug 2018": the range wrapped
    if _BULLET.match(line) or (find_range(line) and len(line) < 60) or _is_caps_heading(previous):
        return False
    if _is_caps_heading(line) or (_FIELD_SEPARATOR.search(line) and find_range(following)):
        return False
    if len(previous) < full and not previous.endswith("-") and not _OPEN_END.search(previous):
        return False
    return close is not False


_ENDS_IN_MONTH = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$", re.IGNORECASE
)
_ONE_WORD = re.compile(r"^[A-Za-z][\w’'-]*[.,;)]?$")
_SPACE_COMMA = re.compile(r"(?<=\w) ([,.])(?=\s|$)")
"""A space before a comma or full stop where a bold run or a link ends ("Software Engineer , Apollo",
"my Google Scholar page ."): not the person's."""
_LONE_ORG_WORD = re.compile(r"^(?:University|College|Institute|School|Academy|Polytechnic)$", re.IGNORECASE)
"""A line that is only the last word of an institution's name: a narrow column wrapped it."""
_OPEN_END = re.compile(r"\s(?:of|and|for|in|the|at|&)$", re.IGNORECASE)
"""A line that cannot end a name or sentence ("NYU Tandon School of"): a narrow column wrapped it."""


def _is_caps_heading(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and len(line.split()) <= 5


def _restore_contact_links(lines: list[str], links: list[str]) -> list[str]:
    """Put the first page's link addresses back on the contact line's bare words: a word that names
    a link's site ("LinkedIn" -> linkedin.com, "Google Scholar" -> scholar.google.com) gets that
    link; a generic word ("Homepage", "Website", "Blog", "Portfolio") gets a link no site word
    took. Any other word keeps no link: a place or a name never gets someone's URL by position."""
    web = [url for url in links if url.lower().startswith(("http://", "https://"))]
    for index, line in enumerate(lines[:6]):
        parts = re.split(r"(\s+\|\s+|\s+·\s+)", line)
        if len(parts) < 3 or not web:
            continue
        words = {number: parts[number] for number in range(0, len(parts), 2)}
        bare = {n: w for n, w in words.items() if re.fullmatch(r"[A-Za-z][\w .-]{0,30}", w) and "@" not in w}
        if not bare:
            continue
        free = list(web)
        for number, word in bare.items():
            url = next((u for u in free if _names_site(word, u)), None)
            if url is not None:
                parts[number] = f"[{word}]({url})"
                free.remove(url)
        unsited = [u for u in free if not any(site in _host(u) for site in _SITES)]
        for number, word in bare.items():
            if unsited and parts[number] == word and word.strip().lower() in _GENERIC_LINK_WORDS:
                parts[number] = f"[{word}]({unsited.pop(0)})"
        lines[index] = "".join(parts)
        break
    return lines


_SITES = ("linkedin", "github", "gitlab", "scholar.google", "twitter", "x.com", "medium", "kaggle", "orcid")
_GENERIC_LINK_WORDS = frozenset(
    {
        "homepage",
        "home page",
        "website",
        "web",
        "site",
        "personal site",
        "personal website",
        "blog",
        "portfolio",
    }
)


def _host(url: str) -> str:
    return re.sub(r"^https?://(?:www\.)?", "", url.lower()).split("/", 1)[0]


def _names_site(word: str, url: str) -> bool:
    """Whether ``word`` names the site of ``url`` (or its page: example.com/linkedin): "LinkedIn",
    "GitHub", "Google Scholar", "Twitter"."""
    key = re.sub(r"[^a-z]", "", word.lower())
    if len(key) < 2 or word.strip().lower() in _GENERIC_LINK_WORDS:
        return False
    address = re.sub(r"[^a-z]", "", re.sub(r"^https?://(?:www\.)?", "", url.lower()))
    if key in ("googlescholar", "scholar"):
        return "scholar" in address
    return key in address
