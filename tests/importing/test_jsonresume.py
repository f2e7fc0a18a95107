"""JSON Resume import: current and older keys; profile -> JSON Resume -> profile round trips."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tailor.exporting import to_json_resume
from tailor.importing import import_cv
from tailor.inputs.loading import load_profile, load_profile_text
from tailor.models.profile import MasterProfile
from tests.conftest import EXAMPLE_PROFILES, FIXTURES, PROFILES
from tests.importing.conftest import roles_of

CURRENT = {
    "basics": {
        "name": "Richard Hendriks",
        "label": "Programmer",
        "email": "richard@example.com",
        "url": "https://example.com/richard",
        "location": {"city": "Palo Alto", "region": "CA"},
        "profiles": [{"network": "GitHub", "username": "rh", "url": "https://example.com/rh"}],
        "summary": "Richard hails from Tulsa.",
    },
    "work": [
        {
            "name": "Pied Piper",
            "position": "CEO/President",
            "url": "https://piedpiper.example.com",
            "startDate": "2013-12-01",
            "summary": "Pied Piper is a multi-platform technology company.",
            "highlights": ["Build an algorithm for artist to detect if their music was violating copy right"],
        }
    ],
    "volunteer": [
        {"organization": "CoderDojo", "position": "Teacher", "startDate": "2012-01", "endDate": "2013-01"}
    ],
    "education": [
        {
            "institution": "University of Oklahoma",
            "area": "Information Technology",
            "studyType": "Bachelor",
            "startDate": "2011-06",
            "endDate": "2014-01",
            "score": "4.0",
            "courses": ["DB1101 - Basic SQL"],
        }
    ],
    "awards": [{"title": "Digital Compression Pioneer Award", "date": "2014-11-01", "awarder": "Techcrunch"}],
    "publications": [
        {
            "name": "Video compression for 3d media",
            "publisher": "Hooli",
            "releaseDate": "2014-10-01",
            "url": "https://example.com/paper",
        }
    ],
    "skills": [{"name": "Web Development", "level": "Master", "keywords": ["HTML", "CSS", "JavaScript"]}],
    "languages": [{"language": "English", "fluency": "Native speaker"}],
    "interests": [{"name": "Wildlife", "keywords": ["Ferrets", "Unicorns"]}],
    "references": [{"name": "Erlich Bachman", "reference": "It is my pleasure to recommend Richard."}],
    "projects": [
        {
            "name": "Miss Direction",
            "description": "A mapping engine that misguides you",
            "highlights": ["Won award at AIHacks 2016"],
            "url": "https://example.com/missdirection",
        }
    ],
}


def _import(data: dict[str, Any]) -> tuple[MasterProfile, str]:
    result = import_cv(json.dumps(data).encode(), "resume.json", "Name From File")
    return load_profile_text(result.yaml, "resume.json"), result.yaml


def test_current_keys() -> None:
    profile, text = _import(CURRENT)
    assert profile.person.name == "Richard Hendriks"
    assert profile.person.location == "Palo Alto, CA"
    assert [(link.label, link.url) for link in profile.person.links] == [
        ("Website", "https://example.com/richard"),
        ("GitHub", "https://example.com/rh"),
    ]
    role = profile.experience[0]
    assert (role.organisation, role.title, role.start, role.end) == (
        "Pied Piper",
        "CEO/President",
        "2013-12",
        "present",
    )
    assert role.bullets[0].text.startswith("Build an algorithm")
    assert profile.volunteering[0].organisation == "CoderDojo"
    assert profile.education[0].details[1].text == "GPA: 4.0"
    assert (profile.publications[0].venue, profile.publications[0].year) == ("Hooli", 2014)
    assert profile.skills[0].items == ["HTML", "CSS", "JavaScript"]
    assert profile.skills[1].items == ["English (Native speaker)"]
    assert profile.awards[0].issuer == "Techcrunch"
    # No field for these: kept for the user under `unplaced:`, never dropped.
    assert "https://piedpiper.example.com" in profile.unplaced
    assert "Wildlife, Ferrets, Unicorns" in profile.unplaced
    assert "# check: level 'Master' not kept" in text


def test_older_company_and_website_keys() -> None:
    old = {
        "basics": {"name": "Old Style", "website": "https://example.com/old", "location": "Berlin, Germany"},
        "work": [
            {
                "company": "Initech",
                "position": "Engineer",
                "website": "https://initech.example.com",
                "startDate": "2010-01-01",
                "endDate": "2012-06-30",
                "highlights": ["Fixed the printer"],
            }
        ],
        "publications": [
            {
                "name": "TPS reports",
                "publisher": "Initech",
                "releaseDate": "2011",
                "website": "https://example.com/tps",
            }
        ],
        "education": [{"institution": "State U", "gpa": "3.1"}],
    }
    profile, _ = _import(old)
    assert roles_of(profile) == [
        ("experience", "Initech", "Engineer", "2010-01", "2012-06", ("Fixed the printer",))
    ]
    assert profile.person.links[0].url == "https://example.com/old"
    assert profile.person.location == "Berlin, Germany"
    assert profile.publications[0].url == "https://example.com/tps"
    assert profile.education[0].details[0].text == "GPA: 3.1"
    assert "https://initech.example.com" in profile.unplaced


def test_bad_values_are_left_out_with_a_note() -> None:
    data = {"basics": {"name": "A B"}, "work": [{"name": "X", "position": "Y", "startDate": "someday"}]}
    profile, text = _import(data)
    assert profile.experience[0].start is None
    assert "# check: date not recognised: 'someday'" in text


@pytest.mark.parametrize("name", [*EXAMPLE_PROFILES, "accented"])
def test_round_trip_through_json_resume_is_exact(name: str) -> None:
    path = FIXTURES / "accented.yaml" if name == "accented" else PROFILES / name
    profile = load_profile(path)
    back, _ = _import(json.loads(to_json_resume(profile)))
    assert back.model_dump() == profile.model_dump()


def _standard_only(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _standard_only(v) for k, v in value.items() if k != "x-tailor"}
    if isinstance(value, list):
        return [_standard_only(v) for v in value]
    return value


@pytest.mark.parametrize("name", EXAMPLE_PROFILES)
def test_standard_fields_alone_keep_roles_bullets_dates_and_links(name: str) -> None:
    profile = load_profile(PROFILES / name)
    back, _ = _import(_standard_only(json.loads(to_json_resume(profile))))
    # JSON Resume says "current" by leaving endDate out, which needs a start date.
    expected = [
        (s, org, title, start, end if start or end != "present" else None, bullets)
        for s, org, title, start, end, bullets in roles_of(profile)
    ]
    # Teaching has no JSON Resume section; it comes back as work.
    assert sorted(roles_of(back)) == sorted(
        ("experience" if role[0] == "teaching" else role[0], *role[1:]) for role in expected
    )
    assert back.person.links == profile.person.links
    assert [(p.title, p.url, p.year) for p in back.publications] == [
        (p.title, p.url, p.year) for p in profile.publications
    ]
