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
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tailor.errors import TailorError
from tailor.loading import load_profile_text
from tailor.posting import read_posting
from tailor.render.pdf import render_pdf
from tailor.tailoring import RuleOptions, tailor
from tailor.themes import load_theme
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
latin = st.text(st.characters(codec="latin-1", exclude_categories=("Cc",)), min_size=1, max_size=80)
text = st.one_of(
    latin,
    latin,
    pieces,
    pieces,
    st.text(min_size=0, max_size=60),
    st.integers(1, 5000).map(lambda n: ("lorem ipsum " * (n // 12 + 1))[:n]),
    st.integers(200, 5000).map(lambda n: "w" * n),
)


# Mostly non-empty (so that builds get as far as the PDF), sometimes anything at all.
field = st.one_of(text.filter(lambda s: s.strip()), text.filter(lambda s: s.strip()), text)


def profile_data(draw: Any) -> dict[str, Any]:
    roles = [
        {
            "title": draw(field),
            "organisation": draw(field),
            "start": "2020-01",
            "bullets": draw(st.lists(field, min_size=1, max_size=5)),
        }
        for _ in range(draw(st.integers(1, 3)))
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
        return
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
