"""Letters and answer sheets in Word: a body made once, or prebuilt, gives the same bytes."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tailor.inputs.themes import load_theme
from tailor.models.documents import Document
from tailor.models.theme import Theme
from tailor.render import document_docx
from tests.conftest import EXAMPLE_POSTING, PROFILES
from tests.documents.support import build


def _documents(theme_name: str) -> dict[str, Document]:
    return build(PROFILES / "eric-kim.yaml", EXAMPLE_POSTING, theme_name).docs.documents


def _render(document: Document, template: Path, theme: Theme) -> bytes:
    return document_docx.render_document_docx(document, template, theme=theme)


@pytest.mark.parametrize("theme_name", ["classic", "compact", "modern"])
def test_prebuilt_bodies_give_the_bytes_of_freshly_made_ones(
    theme_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    theme = load_theme(theme_name)
    template = Path(theme.word_template)
    documents = _documents(theme_name)
    document_docx._BODIES.clear()
    prebuilt = {name: _render(documents[name], template, theme) for name in ("letter", "answers")}
    assert not document_docx._BODIES, "the built-in themes' bodies should come prebuilt"
    monkeypatch.setattr(document_docx, "_prebuilt_bodies", dict)
    for name, data in prebuilt.items():
        assert _render(documents[name], template, theme) == data


def test_a_body_is_made_once_per_template_and_kind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    theme = load_theme("classic")
    template = tmp_path / "mine.docx"
    shutil.copyfile(theme.word_template, template)
    documents = _documents("classic")
    monkeypatch.setattr(document_docx, "_prebuilt_bodies", dict)
    made: list[bool] = []
    body = document_docx._body

    def recorded(tpl: Any, letter: Any, theme: Any) -> Any:
        made.append(letter)
        return body(tpl, letter, theme)

    monkeypatch.setattr(document_docx, "_body", recorded)
    document_docx._BODIES.clear()
    for name in ("letter", "answers"):
        first = _render(documents[name], template, theme)
        assert _render(documents[name], template, theme) == first
    assert made == [True, False]
