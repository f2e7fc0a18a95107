"""Messy CVs import without crashing; whatever is not recognised is listed, never lost."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from tailor.errors import ImportSourceError
from tailor.importing import import_cv
from tailor.importing.sections import split_sections
from tailor.importing.units import read_units
from tailor.inputs.loading import load_profile_text
from tests.conftest import FIXTURES
from tests.importing.conftest import roles_of, words

MESSY = FIXTURES / "import"


@pytest.mark.parametrize("name", sorted(p.name for p in MESSY.glob("*.txt")))
def test_messy_cv_imports_to_a_valid_profile_and_loses_no_word(name: str) -> None:
    source = (MESSY / name).read_text(encoding="utf-8")
    result = import_cv(source.encode(), name, "Fallback Name")
    load_profile_text(result.yaml, name)
    # Section headings become structure; "Jan2020" is written "Jan 2020".
    headings = " ".join(s.title for s in split_sections(read_units(source))[1:] if s.key != "unknown")
    spaced = re.sub(r"(?<=[A-Za-z]{3})(?=(?:19|20)\d\d)", " ", source)
    missing = words(spaced) - words(result.yaml) - words(headings)
    assert not missing, f"lost words: {sorted(missing)}"


def test_messy_cv_roles_separators_and_unplaced_sections() -> None:
    result = import_cv((MESSY / "messy.txt").read_bytes(), "messy.txt", "X")
    profile = load_profile_text(result.yaml)
    assert profile.person.name == "Jane Q. Public"
    assert (profile.person.email, profile.person.phone) == ("jane.public@example.org", "+44 20 7946 0958")
    assert profile.person.links[0].url == "https://linkedin.com/in/janeqpublic"
    assert [(r[1], r[2], r[3], r[4]) for r in roles_of(profile)] == [
        ("Acme Widgets Ltd", "Senior Developer", "2019-03", "present"),
        ("Beta Systems GmbH", "Developer", "2016", "2019"),
    ]
    assert (
        roles_of(profile)[0][5][1]
        == "Led migration of 40 services to Kubernetes;wrote the runbooks that on-call still uses"
    )
    assert "# check: 'Summer 2016' read as 2016" in result.yaml
    assert profile.unplaced == [
        "Available on request.",
        "Certifications ~ AWS Solutions Architect Associate (2021)",
    ]
    assert "# from section 'REFERENCES' (line 22)" in result.yaml


def test_damaged_extraction_repairs_hyphens_and_glued_words() -> None:
    result = import_cv((MESSY / "damaged-extraction.txt").read_bytes(), "cv.txt", "X")
    profile = load_profile_text(result.yaml)
    assert profile.person.name == "Maria González"
    assert profile.person.headline == "Data Engineer"
    bullets = roles_of(profile)[0][5]
    assert bullets[0].startswith("Designed the streaming ingestion platform")
    assert "# note: joined 'stream-' and 'ing' at a line end into 'streaming'; check the word" in result.yaml
    assert profile.experience[0].start == "2020-01"
    assert profile.education[0].institution == "Universidad Complutense de Madrid"


def _pdf(lines: list[str]) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, invariant=1)
    y = 800
    for line in lines:
        pdf.drawString(50, y, line)
        y -= 14
    pdf.save()
    return buffer.getvalue()


def test_pdf_with_hyphenated_and_wrapped_lines() -> None:
    data = _pdf(
        [
            "Ada Example",
            "EXPERIENCE",
            "Engineer | Widgets Inc.",
            "2019 - 2021",
            "• Built a distrib-",
            "uted cache serving one-",
            "to-one and one-to-one chats",
        ]
    )
    profile = load_profile_text(import_cv(data, "cv.pdf", "X").yaml)
    assert roles_of(profile) == [
        (
            "experience",
            "Widgets Inc.",
            "Engineer",
            "2019",
            "2021",
            ("Built a distributed cache serving one-to-one and one-to-one chats",),
        )
    ]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("cv.pdf", b"%PDF-1.4 garbage", "the PDF cannot be read"),
        ("cv.docx", b"PK\x03\x04 not a zip", "not a readable Word (.docx) document"),
        ("cv.json", b"{not json", "not valid JSON"),
        ("cv.json", b"[1, 2]", "must hold an object"),
    ],
)
def test_unreadable_files_raise_a_clean_error(name: str, data: bytes, message: str) -> None:
    with pytest.raises(ImportSourceError, match=re.escape(message)):
        import_cv(data, name, "X")


def test_empty_text_still_gives_a_valid_profile(tmp_path: Path) -> None:
    result = import_cv(b"", "empty.txt", "Ada Lovelace")
    assert load_profile_text(result.yaml).person.name == "Ada Lovelace"
