"""Fonts: the bundled OFL families and a theme's own TTF files, registered with reportlab once.

Also checks that every character of a CV can be drawn, so that a missing glyph
fails with a clear message instead of an empty box in the PDF.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from tailor.errors import RenderError, TemplateError
from tailor.models.theme import FontFiles, FontRef
from tailor.render.font_metrics import prebuilt_font

__all__ = [
    "FONT_DIR",
    "FontFamily",
    "bundled_files",
    "check_glyphs",
    "display_name",
    "family_for",
    "source_sans",
    "word_font_families",
]

FONT_DIR = Path(str(resources.files("tailor") / "fonts"))

# Bundled family -> (display name used in Word templates, file prefix). Both are SIL OFL 1.1.
_BUNDLED = {
    "source-sans-3": ("Source Sans 3", "SourceSans3"),
    "gentium-book-plus": ("Gentium Book Plus", "GentiumBookPlus"),
}
_FACES = ("regular", "bold", "italic", "bold_italic")
_SUFFIX = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bold_italic": "BoldItalic"}


@dataclass(frozen=True)
class FontFamily:
    """reportlab names of the registered faces, and the family's display name."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    display: str = ""


def bundled_files(family: str) -> FontFiles:
    """The four TTF paths of a bundled family."""
    _display, prefix = _BUNDLED[family]
    paths = {face: str(FONT_DIR / family / f"{prefix}-{_SUFFIX[face]}.ttf") for face in _FACES}
    return FontFiles(**paths)


def display_name(ref: FontRef) -> str:
    """The family name Word and LibreOffice know the font by."""
    if isinstance(ref, str):
        return _BUNDLED[ref][0]
    return _ttf_family_name(ref.regular)


@cache
def _ttf_family_name(path: str) -> str:
    from reportlab.pdfbase.ttfonts import TTFError, TTFontFile

    try:
        return str(TTFontFile(path).familyName)
    except (OSError, TTFError, ValueError, IndexError, KeyError) as err:  # any damage to the tables
        msg = f"cannot use the font file {path}: it is not a TrueType font ({type(err).__name__})"
        raise TemplateError(msg, hint="give the path of a TrueType (.ttf) file") from err


@cache
def _ttf(name: str, path: str) -> Any:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    font = prebuilt_font(name, path) if Path(path).parent.parent == FONT_DIR else None
    try:
        font = font or TTFont(name, path)
    except (OSError, TTFError) as err:
        msg = f"cannot use the font file {path}: {err}"
        raise TemplateError(msg, hint="give the path of a TrueType (.ttf) file") from err
    pdfmetrics.registerFont(font)
    return font


def _face_name(path: str) -> str:
    """A stable reportlab name for a TTF file: its stem plus a digest of its bytes."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", Path(path).stem)  # names go into reportlab's markup
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()[:6]
    return f"{stem}-{digest}"


@cache
def _register(paths: tuple[str, ...], display: str, *, bundled: bool) -> FontFamily:
    from reportlab.lib.fonts import addMapping

    names = {}
    for face, path in zip(_FACES, paths, strict=True):
        name = Path(path).stem if bundled else _face_name(path)
        _ttf(name, path)
        names[face] = name
    family = FontFamily(**names, display=display)
    addMapping(family.regular, 0, 0, family.regular)
    addMapping(family.regular, 1, 0, family.bold)
    addMapping(family.regular, 0, 1, family.italic)
    addMapping(family.regular, 1, 1, family.bold_italic)
    return family


def _paths(files: FontFiles) -> tuple[str, ...]:
    return tuple(getattr(files, face) for face in _FACES)


def family_for(ref: FontRef) -> FontFamily:
    """Register a bundled family (by name) or a theme's TTF files, once, and return the face names.

    Raises:
        TemplateError: A font file is missing or not a TrueType font.
    """
    if isinstance(ref, str):
        return _register(_paths(bundled_files(ref)), _BUNDLED[ref][0], bundled=True)
    for face in _FACES:
        if not Path(getattr(ref, face)).is_file():
            msg = f"font file not found: {getattr(ref, face)}"
            raise TemplateError(msg, hint="fix the path under `fonts:` in the theme")
    return _register(_paths(ref), display_name(ref), bundled=False)


def source_sans() -> FontFamily:
    """Source Sans 3 (SIL OFL 1.1, bundled in ``tailor/fonts``)."""
    return family_for("source-sans-3")


def check_glyphs(families: list[FontFamily], texts: dict[str, str]) -> None:
    """Fail clearly if a font cannot draw a character (reportlab would draw a box).

    Args:
        families: The registered families in use (all their faces are checked).
        texts: Field path -> text that will be drawn.

    Raises:
        RenderError: Lists each missing character with its code point and where it is used.
    """
    from reportlab.pdfbase import pdfmetrics

    faces = [
        pdfmetrics.getFont(name)
        for family in families
        for name in (family.regular, family.bold, family.italic)
    ]
    missing: dict[str, str] = {}
    seen: set[str] = set()
    for where, text in texts.items():
        new = set(text) - seen  # each distinct character is looked up once
        seen |= new
        for char in sorted(new, key=text.index):
            if not char.isspace() and any(ord(char) not in face.face.charToGlyph for face in faces):
                missing[char] = where
    if missing:
        listing = ", ".join(f"'{c}' (U+{ord(c):04X}) in {where}" for c, where in missing.items())
        names = " and ".join(dict.fromkeys(f.display or f.regular for f in families))
        msg = f"the font {names} cannot draw: {listing}"
        raise RenderError(
            msg,
            hint="replace these characters in your profile, or choose a theme whose font covers them",
        )


def word_font_families(theme: Any) -> dict[str, dict[str, str]]:
    """Family name as Word knows it -> face -> TTF path, for every font a Word file may name:
    the bundled families and the theme's own (embedded when the document uses them)."""
    families: dict[str, dict[str, str]] = {}
    for family in _BUNDLED:
        files = bundled_files(family)
        families[_BUNDLED[family][0]] = {face: getattr(files, face) for face in _FACES}
    if theme is not None:
        for ref in (theme.fonts.body, theme.fonts.heading_font):
            if isinstance(ref, FontFiles):
                families[display_name(ref)] = {face: getattr(ref, face) for face in _FACES}
    return families
