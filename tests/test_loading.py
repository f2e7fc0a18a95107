from __future__ import annotations

from pathlib import Path

import pytest

from tailor.errors import ProfileError
from tailor.inputs.loading import load_profile, load_profile_text, parse_yaml
from tests.conftest import EXAMPLE_PROFILES, FIXTURES, PROFILES

BAD = sorted((FIXTURES / "bad").glob("*.yaml"))


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_bad_profile_reports_expected_problems(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(path.parent)
    with pytest.raises(ProfileError) as caught:
        load_profile(Path(path.name))
    expected = path.with_suffix(".expected.txt").read_text(encoding="utf-8")
    assert str(caught.value) + "\n" == expected


def test_misspelt_top_level_key_suggests_the_right_one() -> None:
    with pytest.raises(ProfileError) as caught:
        load_profile_text("person:\n  name: A\nexpereince: []\n", "me.yaml")
    (problem,) = caught.value.problems
    assert problem.line == 3
    assert problem.hint == "did you mean `experience`?"


def test_every_problem_is_reported_at_once() -> None:
    text = "person:\n  nam: A\nskils: []\nprojects:\n  - name: X\n"
    with pytest.raises(ProfileError) as caught:
        load_profile_text(text, "me.yaml")
    paths = [p.path for p in caught.value.problems]
    assert paths == ["person.name", "person.nam", "skils", "projects[0].text"]


def test_unreadable_file_is_a_profile_error(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="cannot read"):
        load_profile(tmp_path / "missing.yaml")


def test_non_utf8_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("person:\n  name: Łódź\n".encode("utf-16"))
    with pytest.raises(ProfileError, match="UTF-8"):
        load_profile(path)


@pytest.mark.parametrize("name", EXAMPLE_PROFILES)
def test_example_profiles_load(name: str) -> None:
    profile = load_profile(PROFILES / name)
    assert profile.person.name
    assert profile.experience


def test_json_profiles_load_too() -> None:
    profile = load_profile_text('{"person": {"name": "Ada"}}', "me.json")
    assert profile.person.name == "Ada"


def test_parsing_the_same_text_again_gives_a_fresh_copy() -> None:
    text = "person:\n  name: Ada\n  links: [{label: Site, url: 'https://example.com'}]\n"
    data, lines = parse_yaml(text, "a.yaml")
    data["person"]["links"].clear()
    lines.clear()
    again, again_lines = parse_yaml(text, "b.yaml")
    assert again == {"person": {"name": "Ada", "links": [{"label": "Site", "url": "https://example.com"}]}}
    assert again_lines[("person", "name")] == 2
