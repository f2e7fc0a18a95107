"""End-to-end document tests: snapshots, round trips, determinism, fonts and metadata."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from syrupy.assertion import SnapshotAssertion

from tailor.errors import RenderError
from tailor.loading import load_profile
from tailor.matching import select
from tailor.models.tailored import TailoredCV
from tailor.posting import read_posting
from tailor.render.docx import render_docx
from tailor.render.pdf import render_pdf
from tailor.resources import templates_dir
from tests.conftest import EXAMPLE_POSTING, EXAMPLE_PROFILES, FIXTURES, PROFILES, TODAY, shared_jobs
from tests.normalise import docx_text, docx_xml, pdf_plain_text, pdf_text
from tests.snapshot_ext import TextSnapshot

TEMPLATE = templates_dir() / "classic.docx"


def tailored(profile: Path, posting: Path = EXAMPLE_POSTING) -> TailoredCV:
    return select(load_profile(profile), read_posting(posting), today=TODAY).cv


def flat(text: str) -> str:
    return " ".join(text.split())


def assert_in_order(needles: list[str], haystack: str) -> None:
    position = 0
    for needle in needles:
        found = haystack.find(flat(needle), position)
        assert found >= 0, f"not found (in order): {needle!r}"
        position = found + len(flat(needle))


def pdftotext(data: bytes, tmp_path: Path) -> str | None:
    if not shutil.which("pdftotext"):
        return None
    path = tmp_path / "cv.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def snapshot_text(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(TextSnapshot)


@pytest.mark.parametrize("name", EXAMPLE_PROFILES)
def test_pdf_snapshot(name: str, snapshot_text: SnapshotAssertion) -> None:
    assert pdf_text(render_pdf(tailored(PROFILES / name))) == snapshot_text


@pytest.mark.parametrize("name", EXAMPLE_PROFILES)
def test_docx_snapshot(name: str, snapshot_text: SnapshotAssertion) -> None:
    assert docx_xml(render_docx(tailored(PROFILES / name), TEMPLATE)) == snapshot_text


@pytest.mark.parametrize("name", EXAMPLE_PROFILES)
def test_selected_bullets_round_trip_verbatim_and_in_order(name: str, tmp_path: Path) -> None:
    cv = tailored(PROFILES / name)
    bullets = [b.text for b in cv.selected_bullets()]
    assert bullets
    pdf = render_pdf(cv)
    assert_in_order(bullets, flat(pdf_plain_text(pdf)))
    poppler = pdftotext(pdf, tmp_path)
    if poppler is not None:
        assert_in_order(bullets, flat(poppler))
    assert_in_order(bullets, flat(docx_text(render_docx(cv, TEMPLATE))))


def test_same_input_gives_identical_bytes() -> None:
    first, second = tailored(PROFILES / "eric-kim.yaml"), tailored(PROFILES / "eric-kim.yaml")
    assert render_pdf(first) == render_pdf(second)
    assert render_docx(first, TEMPLATE) == render_docx(second, TEMPLATE)


def test_accented_names_render_with_embedded_fonts_and_extract_exactly(tmp_path: Path) -> None:
    pdf = render_pdf(tailored(FIXTURES / "accented.yaml"))
    assert "Cường Đào" in pdf_plain_text(pdf)
    assert "Łódź" in pdf_plain_text(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = "/FontFile2" in font["/FontDescriptor"]
    assert fonts
    assert all(fonts.values()), fonts
    if shutil.which("pdffonts"):
        path = tmp_path / "cv.pdf"
        path.write_bytes(pdf)
        listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        rows = listing.splitlines()[2:]
        assert rows
        assert all(row.split()[-5] == "yes" for row in rows), listing


def test_user_text_is_never_markup() -> None:
    cv = tailored(FIXTURES / "accented.yaml")
    needle = "Wrote a bullet containing <b>bold</b> & x<y literally."
    assert needle in flat(pdf_plain_text(render_pdf(cv)))
    assert needle in docx_text(render_docx(cv, TEMPLATE))


def test_pdf_metadata_and_links() -> None:
    cv = tailored(FIXTURES / "accented.yaml")
    reader = PdfReader(io.BytesIO(render_pdf(cv)))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == cv.title
    assert meta.author == "Cường Đào"
    assert meta.subject == "Senior Machine Learning Engineer, Perception"
    uris = {a.get_object()["/A"]["/URI"] for p in reader.pages for a in p.get("/Annots", [])}
    assert {"https://example.com/github", "mailto:cuong@example.com", "https://example.com/sehir"} <= uris


def test_characters_the_font_cannot_draw_fail_clearly() -> None:
    cv = tailored(FIXTURES / "accented.yaml")
    person = cv.person.model_copy(update={"name": "Cường 王"})
    with pytest.raises(RenderError, match=r"'王' \(U\+738B\) in person.name"):
        render_pdf(cv.model_copy(update={"person": person}))


@pytest.mark.parametrize("job", shared_jobs(), ids=lambda p: p.name[:12])
@pytest.mark.parametrize("name", EXAMPLE_PROFILES)
def test_every_example_profile_builds_for_every_real_posting(name: str, job: Path) -> None:
    cv = tailored(PROFILES / name, job)
    pdf = render_pdf(cv)
    assert_in_order([b.text for b in cv.selected_bullets()], flat(pdf_plain_text(pdf)))
