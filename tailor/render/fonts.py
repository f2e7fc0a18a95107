"""The bundled OFL font family, registered with reportlab on first use, and glyph checks."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from tailor.errors import RenderError

__all__ = ["FontFamily", "check_glyphs", "source_sans"]

_FONT_DIR = Path(str(resources.files("tailor") / "fonts"))


@dataclass(frozen=True)
class FontFamily:
    """reportlab names of the registered faces."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


@cache
def _ttf(name: str, path: Path) -> Any:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = TTFont(name, str(path))
    pdfmetrics.registerFont(font)
    return font


@cache
def source_sans() -> FontFamily:
    """Register Source Sans 3 (SIL OFL 1.1, bundled in ``tailor/fonts``) and return its names."""
    from reportlab.lib.fonts import addMapping

    folder = _FONT_DIR / "source-sans-3"
    faces = {
        "regular": ("SourceSans3", "SourceSans3-Regular.ttf"),
        "bold": ("SourceSans3-Bold", "SourceSans3-Bold.ttf"),
        "italic": ("SourceSans3-Italic", "SourceSans3-Italic.ttf"),
        "bold_italic": ("SourceSans3-BoldItalic", "SourceSans3-BoldItalic.ttf"),
    }
    for name, filename in faces.values():
        _ttf(name, folder / filename)
    family = FontFamily(**{key: name for key, (name, _) in faces.items()})
    addMapping(family.regular, 0, 0, family.regular)
    addMapping(family.regular, 1, 0, family.bold)
    addMapping(family.regular, 0, 1, family.italic)
    addMapping(family.regular, 1, 1, family.bold_italic)
    return family


def check_glyphs(family: FontFamily, texts: dict[str, str]) -> None:
    """Fail clearly if the font cannot draw a character (reportlab would draw a box).

    Args:
        family: The registered family (all faces are checked).
        texts: Field path -> text that will be drawn.

    Raises:
        RenderError: Lists each missing character with its code point and where it is used.
    """
    from reportlab.pdfbase import pdfmetrics

    faces = [pdfmetrics.getFont(name) for name in (family.regular, family.bold, family.italic)]
    missing: dict[str, str] = {}
    for where, text in texts.items():
        for char in text:
            if char.isspace() or char in missing:
                continue
            if any(ord(char) not in face.face.charToGlyph for face in faces):
                missing[char] = where
    if missing:
        listing = ", ".join(f"'{c}' (U+{ord(c):04X}) in {where}" for c, where in missing.items())
        msg = f"the font {family.regular} cannot draw: {listing}"
        raise RenderError(
            msg,
            hint="replace these characters in your profile, or choose a theme whose font covers them",
        )
