"""Warnings about a profile (not errors): what makes a poor CV and what the person can fix."""

from __future__ import annotations

from tailor.app.profile_warnings import thin_profile_warnings
from tailor.inputs.loading import load_profile
from tailor.models.profile import MasterProfile
from tests.conftest import PROFILES


def test_bullets_that_continue_a_story_are_named() -> None:
    """A blind CV reviewer: the data scientist's "However, it was highly successful as more people
    attended ..." reads on a CV without the sentence before it. The build names such items."""
    warnings = thin_profile_warnings(load_profile(PROFILES / "data-scientist.yaml"), "ds.yaml")
    (note,) = [w for w in warnings if "second half of a story" in w]
    assert "b-however-it-was-16283f" in note
    assert "b-one-of-such-6b155a" in note


def test_standalone_bullets_give_no_such_warning() -> None:
    profile = MasterProfile.model_validate(
        {
            "person": {"name": "Ada"},
            "experience": [
                {
                    "title": "Engineer",
                    "organisation": "Acme",
                    "start": "2020",
                    "bullets": ["IT support for 300 staff.", "Sold the idea of tests to the team."],
                }
            ],
        }
    )
    assert not [w for w in thin_profile_warnings(profile, "p.yaml") if "story" in w]
    for name in ("eric-kim.yaml", "cuong-dao.yaml", "research-engineer.yaml"):
        assert not [w for w in thin_profile_warnings(load_profile(PROFILES / name), name) if "story" in w]
