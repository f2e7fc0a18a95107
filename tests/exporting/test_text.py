"""Export to plain text for application forms; tailor import reads it back."""

from __future__ import annotations

import pytest

from tailor.exporting import to_text
from tailor.importing import import_cv
from tailor.inputs.loading import load_profile, load_profile_text
from tests.conftest import PROFILES
from tests.importing.conftest import roles_of


def test_text_holds_every_role_and_bullet_and_spells_out_links() -> None:
    profile = load_profile(PROFILES / "eric-kim.yaml")
    text = to_text(profile)
    assert text.startswith("Eric Kim\nMachine-learning engineer\n")
    assert "GitHub: https://example.com/github/eric-kim" in text
    for role in [*profile.experience, *profile.teaching, *profile.volunteering]:
        assert f"{role.title} · {role.organisation}" in text
        for bullet in role.bullets:
            assert bullet.text in text
    assert "\n\n\n" not in text
    assert "*" not in text  # no markup
    assert "<" not in text


@pytest.mark.parametrize("name", ["eric-kim.yaml", "cuong-dao.yaml"])
def test_text_export_imports_back(name: str) -> None:
    profile = load_profile(PROFILES / name)
    back = load_profile_text(import_cv(to_text(profile).encode(), "cv.txt", "X").yaml)
    assert roles_of(back) == roles_of(profile)
