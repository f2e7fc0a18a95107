"""Every line of every document is fixed template text, a posting string or a profile string."""

from __future__ import annotations

import json

import pytest

from tests.conftest import EXAMPLE_POSTING, EXAMPLE_PROFILES, PROFILES
from tests.documents.support import OUT, PLACEHOLDER, build, check_lines, check_sources, markdown_lines
from tests.normalise import docx_text, pdf_plain_text


@pytest.mark.parametrize("name", EXAMPLE_PROFILES)
def test_every_line_of_every_document_is_traced(name: str) -> None:
    built = build(PROFILES / name, EXAMPLE_POSTING)
    files = built.docs.files
    for kind, document in built.docs.documents.items():
        check_sources(document, built)
        pdf = pdf_plain_text(files[OUT / f"{kind}.pdf"]).splitlines()
        assert check_lines(pdf, document, built.profile) > 3
        if kind != "prep":
            lines = docx_text(files[OUT / f"{kind}.docx"]).splitlines()
            assert check_lines(lines, document, built.profile) > 3
        if kind != "letter":
            lines = markdown_lines(files[OUT / f"{kind}.md"].decode())
            assert check_lines(lines, document, built.profile) > 3


@pytest.mark.parametrize("name", EXAMPLE_PROFILES)
def test_no_placeholder_or_template_syntax_in_any_output(name: str) -> None:
    built = build(PROFILES / name, EXAMPLE_POSTING)
    for path, data in built.docs.files.items():
        if path.suffix == ".md":
            text = data.decode()
        elif path.suffix == ".pdf":
            text = pdf_plain_text(data)
        else:
            text = docx_text(data)
        assert not PLACEHOLDER.search(text), (path, PLACEHOLDER.search(text))


def test_trace_lists_every_run_with_its_source() -> None:
    built = build(PROFILES / "research-engineer.yaml", EXAMPLE_POSTING)
    letter = built.docs.trace["letter"]
    assert json.loads(json.dumps(letter)) == letter
    sources = {entry["source"].partition(":")[0] for entry in letter}
    assert sources <= {"profile", "posting", "phrase", "date"}
    assert {"text": "Dear", "source": "phrase:standard/salutation"} in letter
    assert any(entry["source"].startswith("profile:") for entry in letter)
