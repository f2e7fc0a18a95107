"""Render a TailoredCV to PDF with reportlab platypus (real, selectable text in reading order).

:func:`render_pdf` writes the document; :func:`measure_pdf` runs the same layout
pass without writing anything, for the page-budget fitter. Both take a
``squeeze`` in [0, 1] that tightens the theme towards its ``fit`` bounds.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from tailor.models.tailored import TailoredCV
from tailor.models.theme import Theme
from tailor.render.fonts import FontFamily, check_glyphs, family_for
from tailor.render.pdf_blocks import DOT, esc
from tailor.render.pdf_measure import FlowableCache
from tailor.render.pdf_story import Story
from tailor.render.pdf_style import Metrics, metrics, paragraph_styles

__all__ = ["PdfLayout", "PdfMeasurer", "RenderOptions", "esc", "measure_pdf", "render_pdf"]


@dataclass(frozen=True)
class RenderOptions:
    """How to render: ``compress=False`` keeps PDF streams readable (tests)."""

    compress: bool = True


@dataclass(frozen=True)
class PdfLayout:
    """The outcome of a layout pass."""

    pages: int
    last_page_fill: float
    """Fraction (0..1) of the last page's text frame height that is used."""


def _drawn_texts(cv: TailoredCV) -> dict[str, str]:
    """Every string the PDF will draw, keyed by where it comes from (for glyph checks)."""
    data = cv.model_dump(mode="json", exclude={"document_date", "sections"})
    out: dict[str, str] = {}

    def walk(value: Any, path: str) -> None:
        if isinstance(value, str):
            out[path] = value
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in ("url", "id"):
                    walk(item, f"{path}.{key}" if path else key)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path}[{index}]")

    walk(data, "")
    return out


def _theme_texts(theme: Theme) -> dict[str, str]:
    texts = {f"theme sections.titles.{k}": v for k, v in theme.sections.titles.items()}
    texts.update({"theme bullet": theme.bullet, "theme present": theme.present})
    texts["theme header.separator"] = theme.header.separator
    return texts


def _prepare(
    cv: TailoredCV, theme: Theme, squeeze: float, measuring: FlowableCache | None = None
) -> tuple[Metrics, Story]:
    body, heading = family_for(theme.fonts.body), family_for(theme.fonts.heading_font)
    m = metrics(theme, squeeze)
    styles = paragraph_styles(theme, m, body, heading)
    return m, Story(cv, theme, m, (body, heading), styles, measuring)


def _doc(target: Any, cv: TailoredCV, m: Metrics, font: FontFamily, *, compress: bool = False) -> Any:
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    class _Doc(BaseDocTemplate):  # type: ignore[misc]
        """Records where the last flowable ended, for ``last_page_fill``."""

        bottom_y = 0.0

        def afterFlowable(self, flowable: Any) -> None:
            if self.frame is not None:
                self.bottom_y = self.frame._y

    width, height = m.page
    doc = _Doc(
        target,
        pagesize=m.page,
        leftMargin=m.left,
        rightMargin=m.right,
        topMargin=m.top,
        bottomMargin=m.bottom,
        title=cv.title,
        author=cv.person.name,
        subject=cv.role or "",
        creator="tailor",
        invariant=1,
        initialFontName=font.regular,
        pageCompression=1 if compress else 0,
    )
    frame = Frame(
        m.left,
        m.bottom,
        width - m.left - m.right,
        height - m.top - m.bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    return doc


def render_pdf(
    cv: TailoredCV,
    theme: Theme,
    *,
    squeeze: float = 0.0,
    options: RenderOptions | None = None,
    measured: PdfMeasurer | None = None,
) -> bytes:
    """Lay out and render the CV.

    Args:
        cv: The finished, selected CV.
        theme: How it looks.
        squeeze: 0 (the theme's normal layout) to 1 (its tightest allowed layout).
        options: Rendering options.
        measured: The measurer that fitted ``cv`` (in ``theme``, at ``squeeze``): its parsed
            paragraphs and line breaks are drawn instead of being made again. It must not
            measure anything afterwards.

    Returns:
        The PDF file's bytes (identical for identical input).

    Raises:
        RenderError: A font cannot draw a character of the CV.
        TemplateError: A font file of the theme is missing or unusable.
    """
    options = options or RenderOptions()
    cache = measured.drawing_pass(cv, squeeze) if measured is not None and measured.theme is theme else None
    m, story = _prepare(cv, theme, squeeze, cache)
    check_glyphs([story.body, story.heading_font], {**_drawn_texts(cv), **_theme_texts(theme)})
    buffer = io.BytesIO()
    doc = _doc(buffer, cv, m, story.body, compress=options.compress)
    doc.build(story.flowables(), canvasmaker=_footer_canvas(cv.person.name, story, m))
    return buffer.getvalue()


def measure_pdf(cv: TailoredCV, theme: Theme, *, squeeze: float = 0.0) -> PdfLayout:
    """Run the layout pass only: how many pages, and how full the last one is.

    Nothing is drawn or written and no glyphs are checked. To measure many
    variants of one CV, use a :class:`PdfMeasurer`, which reuses work between passes.
    """
    return PdfMeasurer(theme)(cv, squeeze)


class PdfMeasurer:
    """Measures CVs in one theme, sharing parsed paragraphs and line breaks between passes.

    Meant for one fit (the variants of one CV): it keeps every paragraph it met.
    """

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self._caches: dict[float, FlowableCache] = {}
        self._results: dict[tuple[str, float], PdfLayout] = {}

    def drawing_pass(self, cv: TailoredCV, squeeze: float) -> FlowableCache | None:
        """The paragraphs of a measured ``cv`` at ``squeeze``, set to draw (None if not measured)."""
        if (cv.model_dump_json(), squeeze) not in self._results:
            return None
        cache = self._caches[squeeze]
        cache.start_pass(drawing=True)
        return cache

    def __call__(self, cv: TailoredCV, squeeze: float = 0.0) -> PdfLayout:
        """The layout of ``cv`` at ``squeeze`` (the same as :func:`render_pdf` would draw)."""
        key = (cv.model_dump_json(), squeeze)
        if key not in self._results:
            self._results[key] = self._measure(cv, squeeze)
        return self._results[key]

    def _measure(self, cv: TailoredCV, squeeze: float) -> PdfLayout:
        from reportlab.pdfgen.canvas import Canvas

        class _NoSave(Canvas):  # type: ignore[misc]
            def save(self) -> None:
                """Skip font subsetting and serialising: only the layout is wanted."""

        cache = self._caches.setdefault(squeeze, FlowableCache())
        cache.start_pass()
        m, story = _prepare(cv, self.theme, squeeze, cache)
        doc = _doc(io.BytesIO(), cv, m, story.body)
        doc.build(story.flowables(), canvasmaker=_NoSave)
        frame_height = m.page[1] - m.top - m.bottom
        used = (m.page[1] - m.top) - doc.bottom_y
        return PdfLayout(pages=doc.page, last_page_fill=round(min(max(used / frame_height, 0.0), 1.0), 4))


def _footer_canvas(name: str, story: Story, m: Metrics) -> Any:
    """A canvas class that, once the page count is known, numbers multi-page CVs.

    Every page gets "page N of M"; later pages also carry the name.
    """
    from reportlab.pdfgen.canvas import Canvas

    style = story.styles["footer"]

    class _FooterCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                if total > 1:
                    self._draw_footer(total)
                super().showPage()
            super().save()

        def _draw_footer(self, total: int) -> None:
            number = self._pageNumber
            text = f"page {number} of {total}"
            named = f"{name}{DOT}{text}"
            width = m.page[0] - m.left - m.right  # the text frame: a very long name is left out
            if number > 1 and self.stringWidth(named, story.body.regular, style.fontSize) <= width:
                text = named
            self.saveState()
            self.setFont(story.body.regular, style.fontSize)
            self.setFillColor(style.textColor)
            self.drawCentredString(m.page[0] / 2, m.bottom * 0.45, text)
            self.restoreState()

    return _FooterCanvas
