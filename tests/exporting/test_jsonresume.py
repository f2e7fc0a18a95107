"""Export to JSON Resume: standard fields filled, tailor-only data under x-tailor, stable output."""

from __future__ import annotations

import json

from tailor.exporting import to_json_resume
from tailor.inputs.loading import load_profile
from tests.conftest import PROFILES


def test_standard_fields_for_other_tools() -> None:
    data = json.loads(to_json_resume(load_profile(PROFILES / "cuong-dao.yaml")))
    assert data["$schema"].endswith("/schema.json")
    assert data["basics"]["name"] == "Cuong (Erik) Dao"
    assert data["basics"]["location"] == {"city": "Stockholm", "region": "Sweden"}
    assert data["basics"]["profiles"][0] == {"network": "LinkedIn", "url": "https://example.com/linkedin"}
    work = data["work"][0]
    assert (work["name"], work["position"], work["startDate"]) == (
        "Spotify",
        "Machine Learning Engineer Intern",
        "2022-06",
    )
    assert "endDate" not in work  # current position
    assert (
        work["highlights"][1]
        == "Implemented a package to measure the inference speed of ranking models in Java and Scala Scio"
    )
    assert data["work"][1]["x-tailor"]["unit"] == "Division of Robotics, Perception and Learning"
    assert data["skills"][1] == {
        "name": "Programming Languages",
        "keywords": ["Python", "SQL", "Java", "Typescript"],
    }


def test_lead_ins_are_part_of_the_highlight_and_teaching_is_marked() -> None:
    data = json.loads(to_json_resume(load_profile(PROFILES / "eric-kim.yaml")))
    assert data["work"][0]["highlights"][0].startswith("Object detection lead. Served as the primary owner")
    teaching = [item for item in data["work"] if item.get("x-tailor", {}).get("section") == "teaching"]
    assert [item["position"] for item in teaching] == ["Teaching Assistant"]
    assert data["volunteer"][0]["organization"] == "Hackbright Academy"


def test_output_is_deterministic() -> None:
    profile = load_profile(PROFILES / "eric-kim.yaml")
    assert to_json_resume(profile) == to_json_resume(profile)
