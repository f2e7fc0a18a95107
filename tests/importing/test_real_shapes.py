"""CV shapes that real people write and the importer used to get wrong (issue #20).

Each case is a short CV in the shape a failure was found in: roles as list items, bulleted or
one-line education, "Title, Company", a bracketed organisation, a wrapped ALL-CAPS word, repeated
lines in a PDF, bullet symbols drawn apart from their text.
"""

from __future__ import annotations

from typing import Any

import yaml
from click.testing import CliRunner

from tailor.cli import cli
from tailor.importing import import_cv
from tailor.importing.pdf_text import PdfLine, repair_lines


def imported(text: str, name: str = "cv.md") -> dict[str, Any]:
    profile: dict[str, Any] = yaml.safe_load(import_cv(text.encode("utf-8"), name, "Jo Doe").yaml)
    return profile


LIST_ROLES = """# Jane Roe

jane@example.com

## Experience

* September 2023 - Now : Tutor : Cambridge Spark
* January 2020 - August 2023 : Data Scientist : Ocado Technology
    * Built demand forecasting models for 1,000 products
    * Led a team of three analysts

## Education

- PhD in Machine Learning, University of Edinburgh, 2015 - 2019
    - Thesis on Bayesian optimisation
- MEng Computing, Imperial College London, 2011 - 2015
"""


def test_roles_written_as_list_items_are_roles_with_their_nested_bullets() -> None:
    profile = imported(LIST_ROLES)
    (scientist,) = profile["experience"]
    assert (scientist["title"], scientist["organisation"]) == ("Data Scientist", "Ocado Technology")
    assert (scientist["start"], scientist["end"]) == ("January 2020", "August 2023")
    assert scientist["bullets"] == [
        "Built demand forecasting models for 1,000 products",
        "Led a team of three analysts",
    ]
    (tutor,) = profile["teaching"]
    assert (tutor["title"], tutor["organisation"], tutor["end"]) == ("Tutor", "Cambridge Spark", "present")


def test_a_bulleted_education_section_is_read_not_dropped() -> None:
    phd, meng = imported(LIST_ROLES)["education"]
    assert (phd["degree"], phd["field"], phd["institution"]) == (
        "PhD",
        "Machine Learning",
        "University of Edinburgh",
    )
    assert phd["details"] == ["Thesis on Bayesian optimisation"]
    assert meng["institution"] == "Imperial College London"
    assert (meng["start"], meng["end"]) == ("2011", "2015")


PLAIN = """JOHN SMITH
john@example.com

EXPERIENCE

Software Quality Specialist, Waymo
Jan 2021 - Present
- Wrote test plans for the perception stack

Software Engineer, Google
Mar 2018 - Dec 2020
- Built internal tools for Maps

Research Intern at Meta (FAIR)
Jun 2017 - Sep 2017
- Trained language models

Acme Corp — Senior Developer
2015 - 2018
- Maintained the billing system for the
MBTA
- Reduced costs

EDUCATION
BSc Computer Science, MIT, 2015
"""


def test_title_and_company_in_one_line_in_any_common_shape() -> None:
    roles = [(r["title"], r["organisation"]) for r in imported(PLAIN, "cv.txt")["experience"]]
    assert roles == [
        ("Software Quality Specialist", "Waymo"),
        ("Software Engineer", "Google"),
        ("Research Intern", "Meta (FAIR)"),
        ("Senior Developer", "Acme Corp"),
    ]


def test_an_all_caps_word_without_a_heading_word_does_not_start_a_section() -> None:
    profile = imported(PLAIN, "cv.txt")
    assert "Reduced costs" in profile["experience"][-1]["bullets"]
    assert not profile.get("unplaced")


def test_a_one_line_education_entry_gives_degree_institution_and_year() -> None:
    (entry,) = imported(PLAIN, "cv.txt")["education"]
    assert (entry["degree"], entry["institution"], entry["end"]) == ("BSc Computer Science", "MIT", "2015")


def test_pdf_lines_repeated_in_content_are_kept_and_running_heads_removed() -> None:
    lines = [PdfLine("Jo Doe · CV", 820, 9, page) for page in range(3)]
    for page in range(3):
        lines += [PdfLine("Senior Developer Boston, MA", 700 - 100 * page, 11, page)]
        lines += [PdfLine(f"- Shipped release {page}", 680 - 100 * page, 10, page)]
    text, notes = repair_lines(lines)
    assert text.count("Senior Developer Boston, MA") == 3
    assert "Jo Doe · CV" not in text
    assert notes == ["removed page header/footer 'Jo Doe · CV'"] * 3


def test_bullet_symbols_drawn_apart_from_their_text_mark_it_and_never_crash() -> None:
    lines = [PdfLine("Jo Doe", 800, 20, 0)]
    for i in range(5):
        lines += [PdfLine("\x7f", 700 - i * 30, 10, 0), PdfLine(f"Did thing {i} well", 700 - i * 30, 10, 0)]
    text, _ = repair_lines(lines)
    assert text == ["Jo Doe", *(f"- Did thing {i} well" for i in range(5))]


def test_validate_warns_when_a_profile_has_no_roles(tmp_path: Any) -> None:
    path = tmp_path / "thin.yaml"
    path.write_text("person: {name: Jo Doe}\nunplaced: [a lot of text the importer could not place]\n")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0
    assert "has no roles" in result.stderr
    assert "of the words in" in result.stderr
