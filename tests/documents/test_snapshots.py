"""Snapshots of the letter, answer sheet and prep sheet for every example profile and a few real postings."""

from __future__ import annotations

from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion

from tests.conftest import EXAMPLE_POSTING, EXAMPLE_PROFILES, PROFILES, SHARED_JOBS
from tests.documents.support import build
from tests.normalise import docx_outline, pdf_text
from tests.snapshot_ext import TextSnapshot

# Real postings (absent outside the development workplace): profile, file, and the
# company and role from SOURCES.md where the posting itself does not state them.
SHARED = [
    (
        "research-engineer.yaml",
        "11-anthropic-research-engineer-scientist-alignment-science.html",
        "Anthropic",
        "Research Engineer / Scientist, Alignment Science",
    ),
    ("data-scientist.yaml", "10-promptcloud-data-scientist-nlp.txt", None, None),
    ("eric-kim.yaml", "04-benchsci-senior-ml-engineer-knowledge-enrichment-graph.txt", None, None),
]


@pytest.fixture
def snapshot_text(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(TextSnapshot)


def normalised(files: dict[Path, bytes]) -> dict[str, str]:
    out = {}
    for path, data in sorted(files.items()):
        if path.suffix == ".pdf":
            out[path.name] = pdf_text(data)
        elif path.suffix == ".docx":
            out[path.name] = docx_outline(data)
        else:
            out[path.name] = data.decode()
    return out


@pytest.mark.parametrize("name", EXAMPLE_PROFILES)
def test_documents_snapshot(name: str, snapshot_text: SnapshotAssertion) -> None:
    files = normalised(build(PROFILES / name, EXAMPLE_POSTING).docs.files)
    assert sorted(files) == [
        "answers.docx",
        "answers.md",
        "answers.pdf",
        "letter.docx",
        "letter.pdf",
        "prep.md",
        "prep.pdf",
    ]
    for file_name, text in files.items():
        assert text == snapshot_text(name=file_name)


@pytest.mark.parametrize(
    ("name", "posting", "company", "role"), SHARED, ids=["anthropic", "promptcloud", "benchsci"]
)
def test_shared_posting_documents_snapshot(
    name: str, posting: str, company: str | None, role: str | None, snapshot_text: SnapshotAssertion
) -> None:
    path = SHARED_JOBS / posting
    if not path.is_file():
        pytest.skip("the shared job postings are not available")
    built = build(PROFILES / name, path, company=company, role=role)
    files = normalised(built.docs.files)
    for file_name in ("letter.pdf", "answers.md", "prep.md"):
        assert files[file_name] == snapshot_text(name=file_name)
    assert "pages: 1\n" in files["letter.pdf"]
