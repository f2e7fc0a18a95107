"""The small pieces of the importer: dates, headings, entry headers, lead-ins, skills lists."""

from __future__ import annotations

import pytest

from tailor.importing.bullets import split_lead
from tailor.importing.dates import find_range, profile_date
from tailor.importing.header_fields import parse_header
from tailor.importing.lists import split_items
from tailor.importing.sections import classify_heading
from tailor.importing.units import Unit, read_units


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Jan 2017 – Present", "Jan 2017", "present"),
        ("2013 – 2016", "2013", "2016"),
        ("05/2011-08/2013", "05/2011", "08/2013"),
        ("Jun 2022 – Present", "Jun 2022", "present"),
        ("(September 2014 to June 2016)", "September 2014", "June 2016"),
        ("since 2019", "2019", "present"),
        ("2017-01 — 2018-03", "2017-01", "2018-03"),
    ],
)
def test_finds_date_ranges(text: str, start: str, end: str) -> None:
    found = find_range(text)
    assert found is not None
    assert (found.start, found.end) == (start, end)


@pytest.mark.parametrize("text", ["x86_64", "+44 (0) 20 7946 0000", "3-4x faster", "Python 3.11"])
def test_no_date_range_in_ordinary_text(text: str) -> None:
    assert find_range(text) is None


def test_profile_date_keeps_the_wording_and_reads_a_season_as_its_year() -> None:
    assert profile_date("Jan2020") == "Jan 2020"
    assert profile_date("Summer 2016") == "2016"  # the role's check comment keeps "Summer 2016"
    assert profile_date("12.2014") == "12.2014"
    assert profile_date("present", end=True) == "present"


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("EXPERIENCE", "experience"),
        ("Work History", "experience"),
        ("Professional Experience", "experience"),
        ("TECHNICAL SKILLS", "skills"),
        ("Key Skills", "skills"),
        ("Academic Papers", "publications"),
        ("Teaching Experience", "teaching"),
        ("Volunteer Work", "volunteering"),
        ("Honors & Awards", "awards"),
        ("ADDITIONAL PROJECTS", "projects"),
        ("Interests", "interests"),
        ("Education", "education"),
        ("Spotify", None),
    ],
)
def test_classifies_section_headings(heading: str, key: str | None) -> None:
    assert classify_heading(heading) == key


def test_setext_and_bold_headings_and_wrapped_bullets() -> None:
    units = read_units(
        "Experience\n==========\n\n**Skills**\n\n- one bullet that goes on\n  and wraps\n\\- escaped\n"
    )
    assert [(u.kind, u.plain) for u in units] == [
        ("heading", "Experience"),
        ("text", "Skills"),
        ("bullet", "one bullet that goes on and wraps"),
        ("bullet", "escaped"),
    ]


@pytest.mark.parametrize(
    ("lines", "title", "organisation", "unit", "location"),
    [
        (["Software Engineer", "January 2017 – Present", "Pinterest, Inc.", "Advanced Technologies Group"],
         "Software Engineer", "Pinterest, Inc.", "Advanced Technologies Group", None),
        (["Research Engineer · KTH Royal Institute of Technology, Division of Robotics",
          "Jul 2021 – Mar 2022 · Stockholm, Sweden"],
         "Research Engineer", "KTH Royal Institute of Technology", "Division of Robotics",
         "Stockholm, Sweden"),
        (["Senior Developer @ Acme Ltd -- 03/2019-Present"], "Senior Developer", "Acme Ltd", None, None),
        (["Spotify | Stockholm, Sweden", "Machine Learning Engineer Intern", "Jun 2022 – Present"],
         "Machine Learning Engineer Intern", "Spotify", None, "Stockholm, Sweden"),
    ],
)  # fmt: skip
def test_entry_header_fields_in_any_order(
    lines: list[str], title: str, organisation: str, unit: str | None, location: str | None
) -> None:
    fields = parse_header([Unit("text", line, number) for number, line in enumerate(lines, start=1)])
    assert (
        fields.title,
        "; ".join(fields.organisations),
        "; ".join(fields.units) or None,
        fields.location,
    ) == (
        title,
        organisation,
        unit,
        location,
    )
    assert fields.dates is not None


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("Object detection lead. Served as the primary owner.", "Object detection lead."),
        ("“Lens your Look”. Implemented and launched a feature.", "“Lens your Look”."),
        ("Led the development of an open-source tool: OpenCount. Utilized vision.", None),
        ("Quantitatively determined statistically significant effects. This work led to a paper.", None),
        ("e.g. this. Not a lead", None),
    ],
)
def test_lead_in_is_a_short_first_sentence(text: str, lead: str | None) -> None:
    assert split_lead(text)[0] == lead


def test_skill_items_split_outside_brackets() -> None:
    assert split_items("Amazon AWS (EC2, S3), Google Cloud (GCS, Dataflow); Git.") == [
        "Amazon AWS (EC2, S3)",
        "Google Cloud (GCS, Dataflow)",
        "Git",
    ]
