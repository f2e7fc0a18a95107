"""Resolved measurements and reportlab paragraph styles of a theme at a given squeeze.

``squeeze`` in [0, 1] interpolates from the theme's normal values (0) to the
tightest it allows (1, the bounds under ``fit:``): smaller type, tighter lines,
smaller gaps and margins. No text gets smaller than ``fit.min_font_size``
(text the theme already sets smaller, such as footers, keeps its size).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tailor.models.theme import Theme
from tailor.render.fonts import FontFamily

__all__ = ["Metrics", "metrics", "paragraph_styles"]

PAGE_SIZES = {"A4": (595.2756, 841.8898), "Letter": (612.0, 792.0)}


def _lerp(normal: float, tight: float, squeeze: float) -> float:
    return normal + (tight - normal) * squeeze


@dataclass(frozen=True)
class Metrics:
    """Every size and gap the layout uses, in points, after squeezing."""

    sizes: dict[str, float]
    line: float
    space: float
    """Scale applied to every vertical gap."""
    top: float
    bottom: float
    left: float
    right: float
    page: tuple[float, float]

    def leading(self, element: str) -> float:
        """Line height of an element's text."""
        return round(self.sizes[element] * self.line, 2)

    def gap(self, points: float) -> float:
        """A vertical gap of the theme, scaled by the squeeze."""
        return round(points * self.space, 2)


def metrics(theme: Theme, squeeze: float = 0.0) -> Metrics:
    """The theme's measurements at ``squeeze`` (clamped to [0, 1])."""
    squeeze = min(max(squeeze, 0.0), 1.0)
    fit = theme.fit
    factor = _lerp(theme.sizes.body, fit.min_font_size, squeeze) / theme.sizes.body
    sizes = {
        name: round(max(value * factor, min(value, fit.min_font_size)), 2)
        for name, value in theme.sizes.model_dump().items()
    }
    margins = {
        side: round(_lerp(value, min(value, fit.min_margin), squeeze), 2)
        for side, value in theme.margins.model_dump().items()
    }
    return Metrics(
        sizes=sizes,
        line=round(_lerp(theme.spacing.line, fit.min_line, squeeze), 3),
        space=_lerp(1.0, fit.min_space_scale, squeeze),
        page=PAGE_SIZES[theme.page_size],
        **margins,
    )


def paragraph_styles(theme: Theme, m: Metrics, body: FontFamily, heading: FontFamily) -> dict[str, Any]:
    """Named reportlab ParagraphStyles for every element of the CV."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.enums import TA_CENTER, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    colours = theme.colours
    text, muted, accent = HexColor(colours.text), HexColor(colours.muted), HexColor(colours.accent)
    align = TA_CENTER if theme.header.align == "center" else TA_LEFT
    spacing = theme.spacing
    base = ParagraphStyle(
        "base",
        fontName=body.regular,
        bulletFontName=body.regular,
        fontSize=m.sizes["body"],
        leading=m.leading("body"),
        textColor=text,
    )

    def derive(name: str, size: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, fontSize=m.sizes[size], leading=m.leading(size), **kw)

    indent = spacing.bullet_indent
    column = theme.date_column if theme.entry_layout == "date-column" else 0.0
    return {
        "body": derive("body", "body", leftIndent=column),
        "name": derive("name", "name", fontName=heading.bold, alignment=align, textColor=accent),
        "headline": derive("headline", "headline", alignment=align, textColor=muted),
        "contact": derive("contact", "contact", alignment=align, textColor=muted),
        "heading": derive(
            "heading",
            "heading",
            fontName=heading.bold,
            textColor=accent,
            spaceBefore=m.gap(spacing.section_before),
        ),
        "entry": derive("entry", "entry", fontName=body.bold),
        "meta": derive("meta", "meta", fontName=body.italic, textColor=muted, leftIndent=column),
        "date": derive("date", "meta", textColor=muted),
        "cell": derive("cell", "body"),
        "bullet": derive(
            "bullet",
            "body",
            leftIndent=column + indent,
            bulletIndent=column + indent * 0.25,
            spaceBefore=m.gap(spacing.bullet_before),
        ),
        "item": derive("item", "body", spaceBefore=m.gap(spacing.item_before), leftIndent=column),
        "footer": derive("footer", "footer", textColor=muted),
    }
