"""measure_pdf and squeeze: page counts, fill, bounds, keep rules and page numbers."""

from __future__ import annotations

import io
import re

import pdfplumber
import pytest

from tailor.inputs.loading import load_profile
from tailor.inputs.themes import load_theme
from tailor.matching import select
from tailor.models.tailored import TailoredCV
from tailor.models.theme import Theme
from tailor.posting import read_posting
from tailor.render.pdf import measure_pdf, render_pdf
from tailor.render.pdf_style import metrics
from tailor.render.text import SECTION_TITLES
from tests.conftest import EXAMPLE_POSTING, EXAMPLE_PROFILES, PROFILES, TODAY

THEMES = ("classic", "modern", "compact")


def tailored(name: str) -> TailoredCV:
    return select(load_profile(PROFILES / name), read_posting(EXAMPLE_POSTING), today=TODAY).cv


def page_lines(pdf: bytes) -> list[list[str]]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [[line["text"] for line in page.extract_text_lines()] for page in doc.pages]


@pytest.mark.parametrize("squeeze", [0.0, 0.5, 1.0])
@pytest.mark.parametrize("theme_name", THEMES)
def test_measure_agrees_with_render(theme_name: str, squeeze: float) -> None:
    theme = load_theme(theme_name)
    for name in EXAMPLE_PROFILES:
        cv = tailored(name)
        layout = measure_pdf(cv, theme, squeeze=squeeze)
        assert layout.pages == len(page_lines(render_pdf(cv, theme, squeeze=squeeze)))
        assert 0.0 < layout.last_page_fill <= 1.0


@pytest.mark.parametrize("theme_name", THEMES)
def test_squeeze_never_grows_the_document(theme_name: str) -> None:
    theme = load_theme(theme_name)
    cv = tailored("eric-kim.yaml")
    sizes = [measure_pdf(cv, theme, squeeze=s) for s in (0.0, 0.25, 0.5, 0.75, 1.0)]
    heights = [layout.pages + layout.last_page_fill for layout in sizes]
    assert heights == sorted(heights, reverse=True)
    assert heights[-1] < heights[0]


@pytest.mark.parametrize("theme_name", THEMES)
def test_full_squeeze_stops_at_the_theme_bounds(theme_name: str) -> None:
    theme = load_theme(theme_name)
    tight = metrics(theme, 1.0)
    assert tight.sizes["body"] == pytest.approx(theme.fit.min_font_size)
    assert all(size >= min(theme.fit.min_font_size, theme.sizes.footer) for size in tight.sizes.values())
    assert tight.line == pytest.approx(theme.fit.min_line)
    assert min(tight.left, tight.right, tight.top, tight.bottom) >= theme.fit.min_margin
    assert metrics(theme, 7.0) == tight  # clamped
    assert metrics(theme, 0.0).sizes["body"] == theme.sizes.body


def _with_margins(theme: Theme, bottom: float) -> Theme:
    return theme.model_copy(update={"margins": theme.margins.model_copy(update={"bottom": bottom})})


@pytest.mark.parametrize("theme_name", THEMES)
def test_headings_and_entry_titles_never_end_a_page(theme_name: str) -> None:
    """Shift the page breaks through many positions; no page ends with a heading or a title."""
    base = load_theme(theme_name)
    cv = tailored("eric-kim.yaml")
    headings = {base.section_title(s, SECTION_TITLES[s]).upper() for s in SECTION_TITLES}
    titles = {role.title for role in cv.experience}
    for bottom in range(40, 140, 10):
        lines = page_lines(render_pdf(cv, _with_margins(base, bottom)))
        for page in lines[:-1]:
            body = [line for line in page if not line.startswith("page ")]
            last = body[-1]
            assert last.upper() not in headings, (bottom, last)
            assert not any(last.startswith(title) for title in titles), (bottom, last)


@pytest.mark.parametrize("theme_name", THEMES)
def test_later_pages_carry_name_and_page_numbers(theme_name: str) -> None:
    theme = load_theme(theme_name)
    cv = tailored("eric-kim.yaml")
    pages = page_lines(render_pdf(cv, _with_margins(theme, 140)))
    total = len(pages)
    assert total > 1
    assert pages[0][-1] == f"page 1 of {total}"
    for number, page in enumerate(pages[1:], 2):
        assert page[-1] == f"{cv.person.name} \u00b7 page {number} of {total}"


def test_one_page_cv_has_no_page_number() -> None:
    theme = load_theme("compact")
    cv = tailored("cuong-dao.yaml")
    pages = page_lines(render_pdf(cv, theme))
    assert len(pages) == 1
    assert not any(line.startswith("page ") for line in pages[0])


@pytest.mark.parametrize("squeeze", [0.0, 0.5, 1.0])
@pytest.mark.parametrize("theme_name", THEMES)
def test_drawing_what_the_fit_measured_gives_the_bytes_of_a_fresh_render(
    theme_name: str, squeeze: float
) -> None:
    from tailor.layout.fit import without
    from tailor.render.pdf import PdfMeasurer

    theme = load_theme(theme_name)
    for name in EXAMPLE_PROFILES:
        cv = tailored(name)  # unfitted: often two pages
        measurer = PdfMeasurer(theme)
        shorter = without(cv, {bullet.id for bullet in cv.selected_bullets()[::2]})
        for variant in (cv, shorter, cv):  # passes leave the paragraphs they shared behind
            measurer(variant, squeeze)
        assert render_pdf(cv, theme, squeeze=squeeze, measured=measurer) == render_pdf(
            cv, theme, squeeze=squeeze
        )


def test_a_cv_the_measurer_never_saw_is_rendered_afresh() -> None:
    from tailor.render.pdf import PdfMeasurer

    theme = load_theme("classic")
    cv = tailored("eric-kim.yaml")
    measurer = PdfMeasurer(theme)
    measurer(cv, 0.0)
    assert measurer.drawing_pass(cv, 0.5) is None
    assert render_pdf(cv, theme, squeeze=0.5, measured=measurer) == render_pdf(cv, theme, squeeze=0.5)


@pytest.mark.parametrize("name", ["cuong-dao.yaml", "eric-kim.yaml"])
def test_inline_place_and_dates_never_break_inside(name: str) -> None:
    pages = page_lines(render_pdf(tailored(name), load_theme("compact")))
    lines = [line.replace("\u00a0", " ") for page in pages for line in page]
    dated = [line for line in lines if " \u2013 " in line]
    assert dated
    assert not [line for line in lines if line.startswith("\u00b7") or line.endswith("\u00b7")]
    assert all(re.search(r"(?:\w{3} )?\d{4} \u2013 (?:(?:\w{3} )?\d{4}|Present)$", line) for line in dated)
