from __future__ import annotations

import unicodedata

import pytest
from pydantic import ValidationError

from tailor.models.profile import Bullet, MasterProfile, Role, derive_id


def role(**kw: object) -> Role:
    return Role.model_validate({"title": "Engineer", "organisation": "Acme", **kw})


def test_text_is_nfc_normalised_and_control_characters_are_stripped() -> None:
    decomposed = unicodedata.normalize("NFD", "Cường Đào")
    profile = MasterProfile.model_validate({"person": {"name": f" {decomposed}\x07\u200b  Łódź "}})
    assert profile.person.name == "Cường Đào Łódź"
    assert unicodedata.is_normalized("NFC", profile.person.name)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2017", "2017"),
        (2017, "2017"),
        ("2017-01", "2017-01"),
        ("Jan 2017", "2017-01"),
        ("January 2017", "2017-01"),
        ("Sept. 2019", "2019-09"),
        ("05/2011", "2011-05"),
        ("2011/05", "2011-05"),
    ],
)
def test_dates_are_normalised(raw: object, expected: str) -> None:
    assert role(start=raw).start == expected


@pytest.mark.parametrize("word", ["present", "Present", "current", "now"])
def test_end_may_be_present(word: str) -> None:
    assert role(start="2020", end=word).end == "present"


def test_start_cannot_be_present() -> None:
    with pytest.raises(ValidationError, match="cannot be 'present'"):
        role(start="present")


@pytest.mark.parametrize(
    "url", ["https://example.com", "http://x.org/a", "mailto:a@example.com", "tel:+15550100"]
)
def test_allowed_link_schemes(url: str) -> None:
    profile = MasterProfile.model_validate({"person": {"name": "A", "links": [{"label": "l", "url": url}]}})
    assert profile.person.links[0].url == url


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "file:///etc/passwd", "example.com", "ftp://x.org", "https://"]
)
def test_other_link_schemes_are_rejected(url: str) -> None:
    with pytest.raises(ValidationError, match="not an allowed link"):
        MasterProfile.model_validate({"person": {"name": "A", "links": [{"label": "l", "url": url}]}})


def test_bullet_ids_are_derived_from_content_and_stable() -> None:
    first = Bullet.model_validate("Trained detection models.")
    again = Bullet.model_validate({"text": "Trained detection models."})
    assert first.id == again.id == derive_id("b", "Trained detection models.")
    assert first.id is not None
    assert first.id.startswith("b-trained-detection-models-")


def test_explicit_ids_win() -> None:
    assert Bullet.model_validate({"text": "x", "id": "my-bullet"}).id == "my-bullet"


def test_bullets_keep_user_written_variants() -> None:
    bullet = Bullet.model_validate({"text": "Long form.", "variants": {"short": "Short."}})
    assert bullet.variants == {"short": "Short."}
    assert bullet.text == "Long form."


def test_unknown_fields_are_rejected() -> None:
    with pytest.raises(ValidationError, match="extra"):
        MasterProfile.model_validate({"person": {"name": "A"}, "expereince": []})


def test_story_needs_some_content() -> None:
    with pytest.raises(ValidationError, match="at least one of situation"):
        MasterProfile.model_validate({"person": {"name": "A"}, "stories": [{"title": "Empty"}]})
