"""Importing tailor's own PDF and DOCX output gives back the roles and bullets it shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from tailor.app.pipeline import BuildRequest, build
from tailor.app.posting_input import PostingInput
from tailor.importing import import_cv
from tailor.inputs.loading import load_profile_text
from tests.conftest import EXAMPLE_POSTING, EXAMPLE_PROFILES, PROFILES, TODAY
from tests.importing.conftest import roles_of


@pytest.fixture(scope="module", params=EXAMPLE_PROFILES)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    out = tmp_path_factory.mktemp("built")
    # The public build path with its default (classic) theme and Word template.
    result = build(BuildRequest(PROFILES / request.param, PostingInput(str(EXAMPLE_POSTING)), TODAY, out=out))
    return out, result.outcome.selection.cv


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_own_document_round_trips_roles_and_bullets(built: tuple[Path, object], fmt: str) -> None:
    out, cv = built
    result = import_cv((out / f"cv.{fmt}").read_bytes(), f"cv.{fmt}", "X")
    imported = load_profile_text(result.yaml, f"cv.{fmt}")
    assert roles_of(imported) == roles_of(cv)  # type: ignore[arg-type]
    assert imported.person.name == cv.person.name  # type: ignore[attr-defined]


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_own_document_round_trips_contact_and_skills(built: tuple[Path, object], fmt: str) -> None:
    out, cv = built
    imported = load_profile_text(import_cv((out / f"cv.{fmt}").read_bytes(), f"cv.{fmt}", "X").yaml)
    assert imported.person.email == cv.person.email  # type: ignore[attr-defined]
    assert imported.person.links == cv.person.links  # type: ignore[attr-defined]
    assert [(g.name, g.items) for g in imported.skills] == [(g.name, g.items) for g in cv.skills]  # type: ignore[attr-defined]
