"""Flowables for layout passes that only measure, and what those passes can share.

The page-budget fitter lays the same CV out many times, each time with a few
items fewer. A measuring pass needs the layout (which line breaks, which page)
but never the drawing, and most paragraphs are the same from one pass to the
next. So in a measuring pass:

* paragraphs and tables draw nothing (the canvas is thrown away anyway);
* a paragraph is parsed once per fit and keeps its line breaks per width, so
  a later pass that meets the same text in the same style reuses them.

Line breaking depends only on the text, the style and the width, so the
measured layout is exactly the one :func:`~tailor.render.pdf.render_pdf` draws.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable
from functools import cache
from typing import Any

__all__ = ["FlowableCache", "memo_paragraph", "quiet_classes"]


@cache
def quiet_classes() -> tuple[type[Any], type[Any]]:
    """``(Paragraph, Table)`` subclasses that lay out like their parents but draw nothing.

    Built on first use so that importing this module does not import reportlab.
    """
    from reportlab.platypus import Table

    class QuietParagraph(memo_paragraph()):  # type: ignore[misc]
        """A paragraph that remembers its line breaks per width and draws nothing."""

        def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
            """Measuring only: nothing to draw."""

    class QuietTable(Table):  # type: ignore[misc]
        def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
            """Measuring only: nothing to draw."""

    return QuietParagraph, QuietTable


@cache
def memo_paragraph() -> type[Any]:
    """A Paragraph that remembers its line breaks per width (and draws like any paragraph)."""
    from reportlab.platypus import Paragraph

    class MemoParagraph(Paragraph):  # type: ignore[misc]
        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
            memo: dict[float, tuple[Any, float, list[float]]] = self.__dict__.setdefault("_memo", {})
            if availWidth in memo:
                self.blPara, self.height, widths = memo[availWidth]
                self._wrapWidths = list(widths)
                self.width = availWidth
                return self.width, self.height
            width, height = super().wrap(availWidth, availHeight)
            if hasattr(self, "blPara"):  # not set when the width is too small to hold anything
                memo[availWidth] = (self.blPara, self.height, list(self._wrapWidths))
            return width, height

    return MemoParagraph


class FlowableCache:
    """Paragraphs shared by the measuring passes of one fit, keyed by what makes them.

    A key that occurs twice in one CV gets two paragraphs (each occurrence is
    counted), so no flowable appears twice in one document.
    """

    def __init__(self) -> None:
        self._items: dict[Hashable, Any] = {}
        self._seen: Counter[Hashable] = Counter()
        self.drawing = False

    def start_pass(self, *, drawing: bool = False) -> None:
        """Begin a new layout pass: count occurrences afresh, forget last pass's page breaks.

        reportlab marks a flowable it moved to the next page ``_postponed`` and, meeting
        it postponed again, takes it as too large for any page; each pass starts clean.
        A ``drawing`` pass (the document itself, after the fit) gets paragraphs that draw.
        """
        self._seen.clear()
        paragraph = memo_paragraph() if drawing else quiet_classes()[0]
        for flowable in self._items.values():
            flowable.__dict__.pop("_postponed", None)
            flowable.__class__ = paragraph  # both lay out alike; only one of them draws
        self.drawing = drawing

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """The flowable for ``key`` in this pass, made by ``make`` the first time."""
        self._seen[key] += 1
        full = (key, self._seen[key])
        found = self._items.get(full)
        if found is None:
            found = self._items[full] = make()
        return found
