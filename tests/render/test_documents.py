"""End-to-end document tests for every theme: snapshots, round trips, determinism, fonts and metadata."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from syrupy.assertion import SnapshotAssertion

from tailor.errors import RenderError
from tailor.inputs.loading import load_profile
from tailor.inputs.themes import load_theme
from tailor.matching import select
from tailor.models.tailored import TailoredCV
from tailor.models.theme import Theme
from tailor.posting import read_posting
from tailor.render.docx import render_docx
from tailor.render.pdf import render_pdf
from tests.conftest import EXAMPLE_POSTING, EXAMPLE_PROFILES, FIXTURES, PROFILES, TODAY, shared_jobs
from tests.normalise import docx_outline, docx_text, pdf_plain_text, pdf_text
from tests.snapshot_ext import TextSnapshot

THEMES = ("classic", "modern", "compact")
PLACES = ("Cường Đào", "Łódź", "İstanbul", "Αθήνα", "Москва")


def tailored(profile: Path, theme: Theme, posting: Path = EXAMPLE_POSTING) -> TailoredCV:
    cv = select(load_profile(profile), read_posting(posting), today=TODAY).cv
    order = tuple(name for name in theme.sections.order if name in cv.sections)
    return cv.model_copy(update={"sections": order})


def template(theme: Theme) -> Path:
    return Path(theme.word_template)


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


@pytest.fixture(params=THEMES)
def theme(request: pytest.FixtureRequest) -> Theme:
    return load_theme(request.param)


@pytest.mark.parametrize("name", EXAMPLE_PROFILES)
def test_pdf_snapshot(theme: Theme, name: str, snapshot_text: SnapshotAssertion) -> None:
    assert pdf_text(render_pdf(tailored(PROFILES / name, theme), theme)) == snapshot_text


@pytest.mark.parametrize("name", EXAMPLE_PROFILES)
def test_docx_snapshot(theme: Theme, name: str, snapshot_text: SnapshotAssertion) -> None:
    cv = tailored(PROFILES / name, theme)
    assert docx_outline(render_docx(cv, template(theme), theme=theme)) == snapshot_text


def test_a_deliberate_style_change_is_a_one_line_snapshot_diff() -> None:
    """The Word snapshot is reviewable: changing one style (the heading colour) changes one line."""
    import difflib
    import zipfile

    theme = load_theme("classic")
    data = render_docx(tailored(PROFILES / "eric-kim.yaml", theme), template(theme), theme=theme)
    changed = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(changed, "w") as target:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "word/styles.xml":
                heading = part.index(b'w:styleId="Heading1"')
                colour = part.index(b'<w:color w:val="1F3A5F"', heading)
                part = part[:colour] + part[colour:].replace(b"1F3A5F", b"AA0000", 1)
            target.writestr(info, part)
    diff = [
        line
        for line in difflib.unified_diff(
            docx_outline(data).splitlines(), docx_outline(changed.getvalue()).splitlines(), n=0
        )
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert len(diff) == 2
    assert diff[0].startswith("-paragraph Heading1")
    assert "AA0000" in diff[1]


@pytest.mark.parametrize("name", EXAMPLE_PROFILES)
def test_selected_bullets_round_trip_verbatim_and_in_order(theme: Theme, name: str, tmp_path: Path) -> None:
    cv = tailored(PROFILES / name, theme)
    bullets = [b.text for b in cv.selected_bullets()]
    assert bullets
    pdf = render_pdf(cv, theme)
    assert_in_order(bullets, flat(pdf_plain_text(pdf)))
    poppler = pdftotext(pdf, tmp_path)
    if poppler is not None:
        assert_in_order(bullets, flat(poppler))
    assert_in_order(bullets, flat(docx_text(render_docx(cv, template(theme), theme=theme))))


def test_entries_read_in_one_flow(theme: Theme, tmp_path: Path) -> None:
    """Each role's title, its dates and its first bullet come out in that order (poppler too)."""
    cv = tailored(PROFILES / "eric-kim.yaml", theme)
    pdf = render_pdf(cv, theme)
    texts = [flat(pdf_plain_text(pdf))]
    poppler = pdftotext(pdf, tmp_path)
    if poppler is not None:
        texts.append(flat(poppler))
    for text in texts:
        for role in cv.experience:
            first = [role.title, role.bullets[0].text] if role.bullets else [role.title]
            assert_in_order(first, text)


def test_same_input_gives_identical_bytes(theme: Theme) -> None:
    first, second = (tailored(PROFILES / "eric-kim.yaml", theme) for _ in range(2))
    assert render_pdf(first, theme) == render_pdf(second, theme)
    assert render_docx(first, template(theme), theme=theme) == render_docx(
        second, template(theme), theme=theme
    )


def test_names_and_places_in_five_scripts_extract_exactly(theme: Theme, tmp_path: Path) -> None:
    cv = tailored(FIXTURES / "places.yaml", theme)
    pdf = render_pdf(cv, theme)
    extracted = pdf_plain_text(pdf)
    poppler = pdftotext(pdf, tmp_path)
    for word in PLACES:
        assert word in extracted, word
        if poppler is not None:
            assert word in poppler, word
    assert all(word in docx_text(render_docx(cv, template(theme), theme=theme)) for word in PLACES)


def test_fonts_are_embedded(theme: Theme, tmp_path: Path) -> None:
    pdf = render_pdf(tailored(FIXTURES / "accented.yaml", theme), theme)
    reader = PdfReader(io.BytesIO(pdf))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():  # type: ignore[index]
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


def test_user_text_is_never_markup(theme: Theme) -> None:
    cv = tailored(FIXTURES / "accented.yaml", theme)
    needle = "Wrote a bullet containing <b>bold</b> & x<y literally."
    assert needle in flat(pdf_plain_text(render_pdf(cv, theme)))
    assert needle in docx_text(render_docx(cv, template(theme), theme=theme))


def test_pdf_metadata_and_links(theme: Theme) -> None:
    cv = tailored(FIXTURES / "accented.yaml", theme)
    reader = PdfReader(io.BytesIO(render_pdf(cv, theme)))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == cv.title
    assert meta.author == "Cường Đào"
    assert meta.subject == "Senior Machine Learning Engineer, Perception"
    uris = {a.get_object()["/A"]["/URI"] for p in reader.pages for a in p.get("/Annots", [])}
    assert {"https://example.com/github", "mailto:cuong@example.com", "https://example.com/sehir"} <= uris


def test_characters_the_font_cannot_draw_fail_clearly(theme: Theme) -> None:
    cv = tailored(FIXTURES / "accented.yaml", theme)
    person = cv.person.model_copy(update={"name": "Cường 王"})
    with pytest.raises(RenderError, match=r"cannot draw: '王' \(U\+738B\) in person.name"):
        render_pdf(cv.model_copy(update={"person": person}), theme)


def test_decomposed_input_is_drawn_composed() -> None:
    theme = load_theme("classic")
    cv = tailored(FIXTURES / "places.yaml", theme)
    person = cv.person.model_copy(update={"name": "Łódz\u0301"})  # z + combining acute
    assert "Łódź" in pdf_plain_text(render_pdf(cv.model_copy(update={"person": person}), theme))


@pytest.mark.parametrize("job", shared_jobs(), ids=lambda p: p.name[:12])
@pytest.mark.parametrize("name", EXAMPLE_PROFILES)
def test_every_example_profile_builds_for_every_real_posting(name: str, job: Path) -> None:
    theme = load_theme("classic")
    cv = tailored(PROFILES / name, theme, job)
    pdf = render_pdf(cv, theme)
    assert_in_order([b.text for b in cv.selected_bullets()], flat(pdf_plain_text(pdf)))
