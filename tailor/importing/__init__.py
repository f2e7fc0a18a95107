"""``tailor import``: a CV in Markdown, text, Word, PDF or JSON Resume -> a commented YAML profile.

Offline and heuristic. Readers turn each format into Markdown-flavoured text
(JSON Resume maps field by field); the parser splits it into sections, entries
and bullets; the draft validates every item as it is added; the writer emits YAML
with ``# check:`` comments and an ``unplaced:`` list, so nothing is dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

from tailor.errors import ImportSourceError

if TYPE_CHECKING:
    from tailor.importing.draft import Draft
    from tailor.importing.units import Unit

__all__ = ["FORMATS", "ImportResult", "import_cv", "sniff_format"]

FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".docx": "docx",
    ".pdf": "pdf",
    ".json": "json-resume",
}


@dataclass(frozen=True)
class ImportResult:
    """The profile as YAML text, and what the importer was unsure about."""

    yaml: str
    format: str
    checks: int
    unplaced: int
    counts: dict[str, int]
    unplaced_share: float = 0.0
    """Words under ``unplaced:`` as a share of the words read from the CV."""


def sniff_format(filename: str, data: bytes) -> str:
    """The format from the suffix, else from the first bytes."""
    suffix = PurePath(filename).suffix.lower()
    if suffix in FORMATS:
        return FORMATS[suffix]
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK"):
        return "docx"
    if data.lstrip()[:1] == b"{":
        return "json-resume"
    return "text"


def _decode(data: bytes, label: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as exc:
            msg = f"{label}: not UTF-8 text (byte {exc.start} cannot be decoded)"
            raise ImportSourceError(msg, hint="save the CV as UTF-8 text, .docx or .pdf") from exc


def import_cv(data: bytes, filename: str, name_hint: str) -> ImportResult:
    """Turn a CV into a YAML master profile.

    Args:
        data: The file's bytes.
        filename: Its name (the suffix picks the reader; also named in the YAML header).
        name_hint: The person's name to use if the CV does not state one.

    Returns:
        The YAML text (always a valid profile) and counts of checks and unplaced pieces.

    Raises:
        ImportSourceError: The file cannot be read as the format its name implies.
    """
    from tailor.importing.yaml_out import to_yaml

    fmt = sniff_format(filename, data)
    notes: list[str] = []
    draft: Draft
    text = ""
    if fmt == "json-resume":
        from tailor.importing.jsonresume import read_json_resume

        source = _decode(data, filename)
        draft = read_json_resume(source, filename, name_hint)
        _keep_every_value(draft, source)
    else:
        text = _text(fmt, data, filename, notes)
        from tailor.importing.front_matter import split_front_matter
        from tailor.importing.parse import parse_units
        from tailor.importing.units import read_units

        front = split_front_matter(text) if fmt == "markdown" else None
        units = read_units(front.body if front else text, notes)
        named = front.name if front else None
        origin = "the page settings at the top of the file" if named else "the file name"
        draft = parse_units(units, filename, named or name_hint, origin)
        for number, line in front.lines if front else []:
            draft.put_aside(f"line {number}: page settings or a site template tag, not CV text", line.strip())
        _keep_every_line(draft, units)
    draft.notes[:0] = notes
    draft.assign_ids()
    header = [
        f"Imported by `tailor import` from {PurePath(filename).name} ({fmt}).",
        "Review every `# check:` comment and the `unplaced:` list at the end, then run `tailor validate`.",
    ]
    checks = sum(len(v) for v in draft.comments.values())
    counts = {section: len(items) for section, items in draft.sections.items()}
    read = len(_decode(data, filename).split()) if fmt not in ("pdf", "docx") else len(text.split())
    unplaced = sum(len(piece.split()) for _, piece in draft.unplaced)
    share = min(1.0, unplaced / read) if read else 0.0
    return ImportResult(to_yaml(draft, header), fmt, checks, len(draft.unplaced), counts, share)


_GLUE = frozenset(
    {"at", "in", "of", "and", "to", "from", "the", "for", "with", "as", "since", "until", "till",
     "present", "current", "now", "today", "ongoing", "year", "years", "month", "months"}
)  # fmt: skip
"""Words a parser may drop when it splits a line into fields ("Engineer at Acme", "2019 to now"), and
a duration before a title ("2 years as Front-End Captain ... from 2014 to today") that the dates say."""


def _words(text: str) -> set[str]:
    import re

    return {word.lower() for word in re.findall(r"[^\W_]{2,}", text)}


def _keep_every_line(draft: Draft, units: list[Unit]) -> None:
    """The safety net: a line of the CV none of whose words reached the profile goes under
    ``unplaced:`` (headings aside), so that no text is lost whatever the parser made of it."""
    from tailor.importing.sections import classify_heading
    from tailor.importing.yaml_out import to_yaml

    kept = _words(to_yaml(draft, []).replace("\\n", " "))  # an escaped line break splits two words
    for unit in units:
        if unit.kind == "heading" or classify_heading(unit.plain.rstrip(":")) is not None:
            continue  # section headings are the profile's structure, not text to keep
        missing = _words(unit.plain) - kept - _GLUE
        if missing:
            draft.put_aside(f"line {unit.line} (not placed by the importer)", unit.plain)
            kept |= _words(unit.plain)


def _keep_every_value(draft: Draft, source: str) -> None:
    """The safety net for JSON Resume: a value none of whose words reached the profile (a field tailor
    has no place for, e.g. ``location.postalCode``) goes under ``unplaced:`` with its path."""
    import json

    from tailor.importing.yaml_out import to_yaml

    kept = _words(to_yaml(draft, []).replace("\\n", " "))  # an escaped line break splits two words

    def walk(value: object, path: str) -> None:
        nonlocal kept
        if isinstance(value, str):
            if _words(value) - kept - _GLUE:
                draft.put_aside(path, value)
                kept |= _words(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                if not path and (key.startswith("$") or key == "meta"):
                    continue  # the schema's address and the file's own metadata are not the CV
                walk(item, f"{path}.{key}" if path else str(key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path}[{index}]")

    walk(json.loads(source), "")


def _text(fmt: str, data: bytes, label: str, notes: list[str]) -> str:
    if fmt == "pdf":
        from tailor.importing.pdf_text import pdf_to_text

        text, pdf_notes = pdf_to_text(data, label)
        notes.extend(pdf_notes)
        return text
    if fmt == "docx":
        from tailor.importing.docx_text import docx_to_text

        return docx_to_text(data, label)
    return _decode(data, label)
