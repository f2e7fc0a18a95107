"""Letters and answer sheets in Word: the body made once per template and kind gives the same bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tailor.render import document_docx
from tailor.themes import load_theme
from tests.conftest import EXAMPLE_POSTING, PROFILES
from tests.documents.support import build


@pytest.mark.parametrize("theme_name", ["classic", "modern"])
def test_a_reused_body_gives_the_same_bytes(theme_name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    theme = load_theme(theme_name)
    documents = build(PROFILES / "eric-kim.yaml", EXAMPLE_POSTING, theme_name).docs.documents
    template = Path(theme.word_template)
    made: list[bool] = []
    body = document_docx._body
    monkeypatch.setattr(
        document_docx, "_body", lambda tpl, letter, theme: made.append(letter) or body(tpl, letter, theme)
    )
    for name in ("letter", "answers"):
        document_docx._BODIES.clear()
        first = document_docx.render_document_docx(documents[name], template, theme=theme)
        again = document_docx.render_document_docx(documents[name], template, theme=theme)
        assert again == first
    assert made == [True, False]
