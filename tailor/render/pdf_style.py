"""Paragraph styles of the classic PDF theme (themes become data in a later issue)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tailor.render.fonts import FontFamily

__all__ = ["ClassicTheme", "paragraph_styles"]


@dataclass(frozen=True)
class ClassicTheme:
    """Measurements in points; colours as hex."""

    margin_x: float = 50.0
    margin_top: float = 40.0
    margin_bottom: float = 40.0
    body_size: float = 10.0
    leading: float = 12.8
    name_size: float = 24.0
    headline_size: float = 11.5
    heading_size: float = 10.5
    accent: str = "#1F3A5F"
    text: str = "#1A1A1A"
    muted: str = "#4A4A4A"
    link: str = "#1F3A5F"
    bullet: str = "\u2022"


def paragraph_styles(theme: ClassicTheme, fonts: FontFamily) -> dict[str, Any]:
    """Named reportlab ParagraphStyles for every element of the CV."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    text, muted, accent = HexColor(theme.text), HexColor(theme.muted), HexColor(theme.accent)
    body = ParagraphStyle(
        "body",
        fontName=fonts.regular,
        bulletFontName=fonts.regular,
        fontSize=theme.body_size,
        leading=theme.leading,
        textColor=text,
    )

    def derive(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=body, **kw)

    return {
        "body": body,
        "name": derive(
            "name",
            fontName=fonts.bold,
            fontSize=theme.name_size,
            leading=theme.name_size * 1.15,
            alignment=TA_CENTER,
            textColor=accent,
            spaceAfter=2,
        ),
        "headline": derive(
            "headline",
            fontSize=theme.headline_size,
            leading=theme.headline_size * 1.3,
            alignment=TA_CENTER,
            textColor=muted,
        ),
        "contact": derive("contact", fontSize=9.5, leading=12, alignment=TA_CENTER, textColor=muted),
        "heading": derive(
            "heading",
            fontName=fonts.bold,
            fontSize=theme.heading_size,
            leading=theme.heading_size * 1.2,
            textColor=accent,
            spaceBefore=9,
            spaceAfter=1,
        ),
        "entry": derive("entry", fontName=fonts.bold, fontSize=theme.body_size + 0.5),
        "meta": derive(
            "meta", fontName=fonts.italic, fontSize=theme.body_size - 0.5, textColor=muted, spaceAfter=1
        ),
        "bullet": derive("bullet", leftIndent=12, bulletIndent=2, spaceBefore=1.2),
        "item": derive("item", spaceBefore=2.5),
    }
