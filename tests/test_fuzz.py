"""Fuzzing: profiles with arbitrary Unicode either build cleanly or fail with a clear error.

Every text field gets long words without spaces, right-to-left text, emoji, combining marks,
5,000-character bullets and more. A build must either succeed, with every selected bullet
recovered from the PDF and no character outside the page, or raise a TailorError (a message
for the user, exit code 2), never anything else.

CI runs 300 examples. A longer run:  TAILOR_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz.py
"""

from __future__ import annotations

import io
import os
import re
import unicodedata
from typing import Any

import pdfplumber
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tailor.app.tailoring import RuleOptions, tailor
from tailor.errors import TailorError
from tailor.inputs.loading import load_profile_text
from tailor.inputs.themes import load_theme
from tailor.posting import read_posting
from tailor.render.pdf import render_pdf
from tests.conftest import EXAMPLE_POSTING, TODAY

FOOTER = re.compile(r"page \d+ of \d+$")
EXAMPLES = int(os.environ.get("TAILOR_FUZZ_EXAMPLES", "300"))
POSTING = read_posting(EXAMPLE_POSTING)
THEME = load_theme("classic")

PIECES = [
    "Python",
    "machine learning",
    "Łódź",
    "Cường",
    "Αθήνα",
    "Москва",
    "שלום עולם",
    "مرحبا",
    "🚀",
    "e\u0301",
    "a\u0308\u0301",
    "x" * 120,
    "",
    "  ",
    "<b>",
    "&amp;",
    "{{ name }}",
]
pieces = st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map(" ".join)
latin = st.text(st.characters(codec="latin-1", exclude_categories=["Cc"]), min_size=1, max_size=80)
text = st.one_of(
    latin,
    latin,
    pieces,
    pieces,
    st.text(min_size=0, max_size=60),
    st.integers(1, 5000).map(lambda n: ("lorem ipsum " * (n // 12 + 1))[:n]),
    st.integers(200, 5000).map(lambda n: "w" * n),
)


DRAWN = [piece for piece in PIECES if piece.strip() and piece not in {"שלום עולם", "مرحبا", "🚀"}]
"""Pieces the bundled fonts draw (Hebrew, Arabic and emoji are refused with a located message)."""
drawable = st.one_of(
    st.text(st.characters(codec="latin-1", exclude_categories=["Cc"]), min_size=1, max_size=80),
    st.lists(st.sampled_from(DRAWN), min_size=1, max_size=8).map(" ".join),
    st.integers(1, 300).map(lambda n: ("lorem ipsum " * (n // 12 + 1))[:n]),
).filter(lambda s: s.strip())
# Mostly values a profile may hold (so that builds get as far as the PDF checks: measured with
# --hypothesis-show-statistics, event "reached the PDF checks"), one in thirty anything at all.
field = st.one_of(*[drawable] * 29, text)


def _numbered(value: str, number: str) -> str:
    """Two entries drawn alike would share an id (refused, rightly): number the ones with text."""
    return f"{value} {number}" if value.strip() else value


def profile_data(draw: Any) -> dict[str, Any]:
    roles = [
        {
            "title": _numbered(draw(field), str(r)),
            "organisation": draw(field),
            "start": "2020-01",
            "bullets": [
                _numbered(b, f"{r}.{n}") for n, b in enumerate(draw(st.lists(field, min_size=1, max_size=5)))
            ],
        }
        for r in range(draw(st.integers(1, 3)))
    ]
    return {
        "person": {"name": draw(field), "headline": draw(field)},
        "summaries": [{"text": draw(field)}],
        "experience": roles,
        "skills": [{"name": draw(field), "items": draw(st.lists(field, min_size=1, max_size=4))}],
    }


def squash(value: str) -> str:
    """Compare text without whitespace or soft hyphens (invisible, so never extracted)."""
    return "".join(unicodedata.normalize("NFC", value).replace("\u00ad", "").split())


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_arbitrary_unicode_builds_cleanly_or_fails_clearly(data: st.DataObject) -> None:
    raw = profile_data(data.draw)
    try:
        profile = load_profile_text(yaml.safe_dump(raw, allow_unicode=True), "fuzz.yaml")
        result = tailor(profile, POSTING, THEME, today=TODAY, options=RuleOptions(flags={"pages": 2}))
        pdf = render_pdf(result.selection.cv, THEME, squeeze=result.fit.squeeze)
    except TailorError as err:  # a clear, user-facing message (exit code 2 in the CLI)
        message = str(err).strip()
        assert message
        event(f"refused: {type(err).__name__}")
        return
    event("reached the PDF checks")
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        assert len(document.pages) <= 2
        extracted = ""
        for page in document.pages:
            for char in page.chars:
                inside = (
                    char["x0"] >= -0.5
                    and char["x1"] <= page.width + 0.5
                    and char["top"] >= -0.5
                    and char["bottom"] <= page.height + 0.5
                )
                assert inside, char["text"]
            lines = (page.extract_text() or "").splitlines()
            extracted += "".join(line for line in lines if not FOOTER.search(line))
    flat = squash(extracted)
    for role in result.selection.cv.experience:
        for bullet in role.bullets:
            assert squash(bullet.text) in flat


OUTCOMES = {"built": 0, "refused": 0}
"""How the full-build examples ended (to check by hand that most reach every writer)."""
FULL_EXAMPLES = int(os.environ.get("TAILOR_FUZZ_FULL_EXAMPLES", "30"))
CONTROLS = ["\x00", "\x07", "\x1b[31m", "\x7f", "\u0085", "\u2028", "\ufeff", "\r\n"]
"""Control characters and separators, as YAML escapes can make them."""
SURROGATES = ["\ud800", "\udfff"]
HOSTILE_PIECES = CONTROLS + SURROGATES
COVERED = ["Python", "machine learning", "Łódź", "Cường", "e\u0301", "x" * 120, "<b>", "&amp;", "{{ name }}"]
"""Pieces the bundled fonts draw, so that builds get past the glyph check to every writer."""
controls_field = st.lists(
    st.one_of(st.sampled_from(COVERED), st.sampled_from(COVERED), st.sampled_from(CONTROLS), latin),
    min_size=2,
    max_size=6,
).map(" ".join)
surrogate_field = st.lists(st.sampled_from(PIECES + HOSTILE_PIECES), min_size=1, max_size=6).map("".join)


@settings(max_examples=FULL_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_full_build_with_control_characters_writes_clean_files_or_fails_clearly(
    data: st.DataObject,
) -> None:
    """Through every writer: PDF and DOCX of the CV, letter, answer sheet and prep sheet, match.json,
    into a folder. Control characters (from YAML escapes) are refused with a located message or
    never reach a file."""
    import tempfile
    import zipfile
    from pathlib import Path

    from tailor.app.pipeline import BuildRequest, build
    from tailor.app.posting_input import PostingInput

    # One example in five may hold lone surrogates (which are refused); the others go further.
    hostile_field = (
        st.one_of(controls_field, surrogate_field) if data.draw(st.integers(0, 4)) == 0 else controls_field
    )
    raw = {
        "person": {"name": data.draw(hostile_field), "headline": data.draw(hostile_field)},
        "summaries": [{"text": data.draw(hostile_field)}],
        "experience": [
            {
                "title": data.draw(hostile_field),
                "organisation": data.draw(hostile_field),
                "start": "2020-01",
                "bullets": data.draw(st.lists(hostile_field, min_size=1, max_size=4)),
            }
        ],
        "skills": [
            {"name": data.draw(hostile_field), "items": data.draw(st.lists(hostile_field, min_size=1))}
        ],
    }
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        profile = folder / "fuzz.yaml"
        profile.write_text(yaml.safe_dump(raw, allow_unicode=False), encoding="utf-8")
        request = BuildRequest(
            profile,
            PostingInput(str(EXAMPLE_POSTING), company="Acme", role="Engineer"),
            TODAY,
            out=folder / "app",
        )
        try:
            result = build(request)
        except TailorError as err:
            message = str(err).strip()
            assert message
            assert not (folder / "app").exists()
            OUTCOMES["refused"] += 1
            event(f"refused: {type(err).__name__}")
            return
        OUTCOMES["built"] += 1
        event("built every file")
        for path in result.files:
            content = path.read_bytes()
            assert content
            if path.suffix in {".md", ".json"}:
                text = content.decode("utf-8")  # no lone surrogate could have been encoded
                assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text), path.name
            if path.suffix == ".docx":
                with zipfile.ZipFile(path) as package:
                    body = package.read("word/document.xml").decode("utf-8")
                assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", body), path.name


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(value=surrogate_field.filter(lambda v: re.search("[\ud800-\udfff]", v) is not None))
def test_a_lone_surrogate_anywhere_is_refused_with_its_field(value: str) -> None:
    raw = {
        "person": {"name": "Jo"},
        "experience": [
            {"title": "Engineer", "organisation": "Acme", "start": "2020-01", "bullets": ["Built it", value]}
        ],
    }
    try:
        load_profile_text(yaml.safe_dump(raw), "fuzz.yaml")
    except TailorError as err:
        message = str(err)
    else:
        message = ""
    assert "experience[0].bullets[1]" in message
    assert "half of a UTF-16 pair" in message
