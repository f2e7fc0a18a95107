"""The small pieces of a CV's PDF story: escaped markup, paragraphs in the theme's styles,
links, muted text, bullets, title rows with their dates, and rules."""

from __future__ import annotations

import html
import unicodedata
from typing import Any

from tailor.models.tailored import TailoredCV
from tailor.models.theme import Theme
from tailor.render.fonts import FontFamily
from tailor.render.pdf_measure import FlowableCache, memo_paragraph, quiet_classes
from tailor.render.pdf_style import Metrics
from tailor.render.text import (
    format_range,
)

__all__ = ["DOT", "TIED_DOT", "StoryBlocks", "esc"]


DOT = " \u00b7 "
TIED_DOT = "\u00a0\u00b7\u00a0"
"""A separator that no line breaks at."""


def esc(text: str) -> str:
    """Escape user text (NFC) for reportlab's paragraph markup."""
    return html.escape(unicodedata.normalize("NFC", text), quote=True).replace("\n", "<br/>")


class StoryBlocks:
    """The pieces a CV's flowables are made of, for one theme and one set of metrics."""

    def __init__(
        self,
        cv: TailoredCV,
        theme: Theme,
        m: Metrics,
        fonts: tuple[FontFamily, FontFamily],
        styles: dict[str, Any],
        measuring: FlowableCache | None = None,
    ) -> None:
        self.cv, self.theme, self.m = cv, theme, m
        self.body, self.heading_font = fonts
        self.styles = styles
        self.measuring = measuring
        """Set for the passes of a fit: paragraphs reused across passes (drawing nothing until
        the drawing pass that renders the fitted CV)."""
        self.width = m.page[0] - m.left - m.right
        self.column = theme.date_column if theme.entry_layout == "date-column" else 0.0

    # --- small pieces -----------------------------------------------------------------

    def paragraph(self, markup: str, style: str, kw: dict[str, Any], bullet: str | None = None) -> Any:
        """A Paragraph of ``markup`` in a named style (``kw`` overrides some of its values)."""
        from reportlab.lib.styles import ParagraphStyle

        def make(cls: type[Any]) -> Any:
            chosen = self.styles[style]
            if kw:
                chosen = ParagraphStyle(f"{style}+", parent=chosen, **kw)
            return cls(markup, chosen, bulletText=bullet)

        if self.measuring is None:
            from reportlab.platypus import Paragraph

            return make(Paragraph)
        cls = memo_paragraph() if self.measuring.drawing else quiet_classes()[0]
        return self.measuring.get((markup, style, tuple(sorted(kw.items())), bullet), lambda: make(cls))

    def p(self, markup: str, style: str, **kw: Any) -> Any:
        return self.paragraph(markup, style, kw)

    def link(self, text: str, url: str | None) -> str:
        if not url:
            return esc(text)
        return f'<a href="{esc(url)}" color="{self.theme.colours.link}">{esc(text)}</a>'

    def muted(self, markup: str) -> str:
        return f"<font name='{self.body.regular}' color='{self.theme.colours.muted}'>{markup}</font>"

    def regular(self, markup: str) -> str:
        return f"<font name='{self.body.regular}'>{markup}</font>"

    def date(self, start: str | None, end: str | None) -> str:
        return format_range(start, end, self.theme.date_format, self.theme.present)

    def bullet(self, markup: str) -> Any:
        return self.paragraph(markup, "bullet", {}, self.theme.bullet)

    def lead_bullet(self, text: str, lead: str | None) -> Any:
        return self.bullet((f"<b>{esc(lead)}</b> " if lead else "") + esc(text))

    def row(self, left: str, right: Any, *, before: float) -> Any:
        """A date-column row: ``left`` in the narrow column, ``right`` beside it, baselines aligned."""
        from reportlab.platypus import Table, TableStyle

        right_style = right.style
        offset = max(right_style.fontSize - self.styles["date"].fontSize, 0) * 0.8
        quiet = self.measuring is not None and not self.measuring.drawing
        table_class = quiet_classes()[1] if quiet else Table
        table = table_class(
            [[self.p(left, "date"), right]],
            colWidths=[self.column, self.width - self.column],
            spaceBefore=before,
        )
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("FONTNAME", (0, 0), (-1, -1), self.body.regular),  # else Table sets Helvetica
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (0, 0), offset),
                ]
            )
        )
        return table

    # --- header and headings ----------------------------------------------------------

    def rule(self, thickness: float, *, before: float, after: float) -> Any:
        from reportlab.lib.colors import HexColor
        from reportlab.platypus import HRFlowable

        colour = self.theme.colours.rule or self.theme.colours.accent
        return HRFlowable(
            width="100%", thickness=thickness, color=HexColor(colour), spaceBefore=before, spaceAfter=after
        )
