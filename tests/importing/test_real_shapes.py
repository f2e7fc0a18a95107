"""CV shapes that real people write and the importer used to get wrong (issue #20).

Each case is a short CV in the shape a failure was found in: roles as list items, bulleted or
one-line education, "Title, Company", a bracketed organisation, a wrapped ALL-CAPS word, repeated
lines in a PDF, bullet symbols drawn apart from their text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
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


SITE_CV = """---
layout: archive
title: "Chaoran <ins>Liu</ins>"
permalink: /cv/
---

{% include base_path %}

Work experience
======
* Summer 2020 - Summer 2021: Research Intern
  * Jet Propulsion Laboratory
  * Supervisor: Leslie K. Tamppari

* Fall 2015: Senior Event Technician
  * Robsham Theatre Arts Center, Boston College
  * Supervisor: George Cooke
"""


def test_a_web_cvs_page_settings_are_not_its_name_and_are_kept_aside() -> None:
    profile = imported(SITE_CV)
    assert profile["person"]["name"] == "Chaoran Liu"  # title: with its markup, a person's name
    unplaced = " ".join(profile["unplaced"])
    assert "layout: archive" in unplaced
    assert "{% include base_path %}" in unplaced


def test_a_list_role_led_by_one_date_and_its_organisation_below() -> None:
    intern, technician = imported(SITE_CV)["experience"]
    assert (intern["title"], intern["organisation"]) == ("Research Intern", "Jet Propulsion Laboratory")
    assert (technician["title"], technician["organisation"], technician["start"]) == (
        "Senior Event Technician",
        "Robsham Theatre Arts Center, Boston College",
        "2015",
    )
    assert technician["bullets"] == ["Supervisor: George Cooke"]


def test_a_firm_named_with_a_plural_title_word_is_the_organisation() -> None:
    text = (
        "# Alex Bloom\n\n## Experience\n\n"
        "Fort Franklin / Connelly Partners | Jul 2010 - Jul 2011\n\nDesigner / Art Director\n"
    )
    (role,) = imported(text)["experience"]
    assert (role["title"], role["organisation"]) == (
        "Designer / Art Director",
        "Fort Franklin / Connelly Partners",
    )


def test_a_right_aligned_date_on_a_pdf_line_stays_on_that_line() -> None:
    from tailor.importing.pdf_lines import _group_chunks

    chunks = [
        (700.0, 72.0, 10.0, "Morf Studio", True),
        (700.0, 480.0, 10.0, "Jan 2016 – Dec 2016", False),
        (686.0, 72.0, 10.0, "Founder + Partner", False),
    ]
    lines = _group_chunks(chunks, 0)
    assert [line.text for line in lines] == ["Morf Studio | Jan 2016 – Dec 2016", "Founder + Partner"]


def test_html_pasted_into_a_word_paragraph_is_read_as_html() -> None:
    import io

    import docx

    document = docx.Document()
    document.add_heading("Jo Doe", 0)
    document.add_heading("Working Experience", 1)
    document.add_paragraph(
        '<div class="title-desc">\n<h3>Data Scientist</h3>\n'
        "<p>NTUC Link | Singapore</p>\n<p>Aug 2017 - Jul 2019</p>\n</div>"
    )
    document.add_paragraph("Built dashboards for merchants", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    profile: dict[str, Any] = yaml.safe_load(import_cv(buffer.getvalue(), "cv.docx", "Jo Doe").yaml)
    (role,) = profile["experience"]
    assert (role["title"], role["organisation"], role["start"]) == ("Data Scientist", "NTUC Link", "Aug 2017")
    assert role["bullets"] == ["Built dashboards for merchants"]


PDF_LIKE = """Jo Doe

EXPERIENCE

Data Science Intern

The SPARKS Foundation (Remote)

- Performed K-Means clustering

Robsham Theatre Arts Center, Boston College | 2015

Senior Event Technician

- Ran the lighting desk

Duke University | Aug 2014 – May 2019

Ph.D. Candidate

- Modelled reinforcement learning in the brain
"""


def test_a_single_right_aligned_date_anchors_a_role_and_an_undated_first_role_stays() -> None:
    first, technician, candidate = imported(PDF_LIKE, "cv.txt")["experience"]
    assert (first["title"], first["bullets"]) == ("Data Science Intern", ["Performed K-Means clustering"])
    assert (technician["title"], technician["start"]) == ("Senior Event Technician", "2015")
    assert (candidate["title"], candidate["organisation"]) == ("Ph.D. Candidate", "Duke University")


def test_an_institution_wrapped_in_a_narrow_sidebar_is_one_line() -> None:
    lines = [
        PdfLine("EDUCATION", 700, 11),
        PdfLine("NYU Tandon School of", 686, 10),
        PdfLine("Engineering", 674, 10),
        PdfLine("Master of Science Machine Learning, 2025", 662, 10),
        PdfLine("Nanyang Technological", 640, 10),
        PdfLine("University", 628, 10),
        PdfLine("B.Eng. Chemical Engineering, Jul 2011", 616, 10),
        PdfLine("SKILLS", 590, 11),
        *(
            PdfLine(f"Python, SQL, Spark, Airflow, MLflow, Kubernetes, Terraform {n}", 576 - 12 * n, 10)
            for n in range(4)
        ),
    ]
    text, _ = repair_lines(lines)
    assert text[1:5] == [
        "NYU Tandon School of Engineering",
        "Master of Science Machine Learning, 2025",
        "Nanyang Technological University",
        "B.Eng. Chemical Engineering, Jul 2011",
    ]


NESTED_SKILLS = """# Luis Ezcurdia

## Experiences

### Skill Set

* Ruby, Elixir, Swift

### michelada.io
*(February 2019 - Present)*
**Staff Software Engineer**

  * Lead a development team remotely

### Apptegy
*(February 2018 - January 2019)*
**Senior Backend Engineer**

  * Build and design backend architecture for CMS system

## Education

- B.S. Computer Science, UNAM, 2010
"""


def test_a_skills_heading_inside_experience_does_not_swallow_the_roles_after_it() -> None:
    profile = imported(NESTED_SKILLS)
    staff, senior = profile["experience"]  # "Experiences" (plural) names the section too
    assert (staff["title"], staff["organisation"], staff["end"]) == (
        "Staff Software Engineer",
        "michelada.io",
        "present",
    )
    assert senior["bullets"] == ["Build and design backend architecture for CMS system"]
    assert any("Ruby" in item for group in profile["skills"] for item in group["items"])


def test_contact_links_go_to_the_words_that_name_their_sites_never_by_position() -> None:
    from tailor.importing.pdf_text import _restore_contact_links

    links = ["mailto:jane@example.com", "https://github.com/jane", "https://www.linkedin.com/in/jane",
             "https://jane.dev", "https://scholar.google.com/citations?user=x"]  # fmt: skip
    line = "Jane Doe | Remote | LinkedIn | GitHub | Google Scholar | Homepage"
    restored = _restore_contact_links([line], links)[0]
    assert restored == (
        "Jane Doe | Remote | [LinkedIn](https://www.linkedin.com/in/jane) | [GitHub](https://github.com/jane)"
        " | [Google Scholar](https://scholar.google.com/citations?user=x) | [Homepage](https://jane.dev)"
    )
    # A word that names no site keeps no link, even when a link is left over.
    assert _restore_contact_links(
        ["Phone | Boston | LinkedIn"], ["https://jane.dev", "https://linkedin.com/in/j"]
    ) == ["Phone | Boston | [LinkedIn](https://linkedin.com/in/j)"]


def _word_cv(section: str, fill: Callable[[Any], None]) -> dict[str, Any]:
    """A Word CV for Jo Doe with one section that ``fill`` writes into the document, imported."""
    import io

    import docx

    document = docx.Document()
    document.add_heading("Jo Doe", level=1)
    document.add_heading(section, level=2)
    fill(document)
    buffer = io.BytesIO()
    document.save(buffer)
    profile: dict[str, Any] = yaml.safe_load(import_cv(buffer.getvalue(), "cv.docx", "Jo Doe").yaml)
    return profile


def _entry_lines(document: Any) -> None:
    """An entry as one paragraph of lines split by line breaks (pandoc's hard breaks)."""
    paragraph = document.add_paragraph()
    paragraph.add_run("NTUC ENTERPRISE").bold = True
    paragraph.add_run().add_break()
    paragraph.add_run("Data Scientist, Data Science")
    paragraph.add_run().add_break()
    paragraph.add_run("Jul 2018 - Present")
    document.add_paragraph("Built recommendation engines for product classes", style="List Bullet")


def test_a_line_break_in_a_word_paragraph_separates_an_entry_s_lines() -> None:
    (role,) = _word_cv("Experience", _entry_lines)["experience"]
    # the organisation has its own line, so ", Data Science" stays in the title, as written
    assert (role["title"], role["organisation"]) == ("Data Scientist, Data Science", "NTUC ENTERPRISE")
    assert (role["start"], role["end"]) == ("Jul 2018", "present")


LONE_DATES = """Jo Doe

Experience

Web Developer at Thing Trunk Studio

Fall 2015 - Winter 2019

I worked on Book of Demons and designed its website.

Intern at Orange Labs

Winter 2014

I worked on the PUMA research project.
"""


def test_a_date_alone_on_its_line_dates_the_entry_above_it() -> None:
    roles = imported(LONE_DATES, "cv.txt")["experience"]
    assert [(r["title"], r["organisation"], r.get("start")) for r in roles] == [
        ("Web Developer", "Thing Trunk Studio", "2015"),
        ("Intern", "Orange Labs", "2014"),
    ]
    assert roles[1]["bullets"] == ["I worked on the PUMA research project."]


FREELANCE = """Jo Doe

Experience

Wikot | Oct 2015 - Aug 2016

Intern

- Created web applications using Codeigniter.

Freelance | Oct 2014 - Present

Web Developer

- Created several web pages using Laravel.
"""


def test_a_bare_freelance_is_where_someone_worked_not_the_job() -> None:
    roles = imported(FREELANCE, "cv.txt")["experience"]
    assert [(r["title"], r["organisation"]) for r in roles] == [
        ("Intern", "Wikot"),
        ("Web Developer", "Freelance"),
    ]


LIST_ITEMS_IN_ONE_YEAR = """# Jo Doe

## Work Experience
- **Software Engineer**, Apollo GraphQL (backend/infra) Aug-Dec 2022
- **Software Engineer Intern**, ServiceNow (fullstack) May-Sept 2021
- **Research Intern**, Meta (FAIR) Jun 2019-Aug 2020
- **Analyst**, Acme Corp (Remote) 2018-2019
"""


def test_roles_as_list_items_with_months_in_one_year_and_a_bracketed_team_or_place() -> None:
    roles = imported(LIST_ITEMS_IN_ONE_YEAR)["experience"]
    found = [
        (r["title"], r["organisation"], r.get("unit"), r.get("location"), r["start"], r["end"]) for r in roles
    ]
    assert found == [
        ("Software Engineer", "Apollo GraphQL", "backend/infra", None, "Aug 2022", "Dec 2022"),
        ("Software Engineer Intern", "ServiceNow", "fullstack", None, "May 2021", "Sept 2021"),
        ("Research Intern", "Meta (FAIR)", None, None, "Jun 2019", "Aug 2020"),  # a name in brackets stays
        ("Analyst", "Acme Corp", None, "Remote", "2018", "2019"),
    ]


@pytest.mark.parametrize(
    ("printed", "logical"),
    [
        (  # a date range wrapped after its month; a space before a comma where a bold run ended
            [
                ("- Software Engineer , Apollo GraphQL Aug-Dec 2022", 700),
                ("- Planetary Sciences Intern , NASA Jul", 686),
                ("2016-Aug 2018", 672),
            ],
            [
                "- Software Engineer, Apollo GraphQL Aug-Dec 2022",
                "- Planetary Sciences Intern, NASA Jul 2016-Aug 2018",
            ],
        ),
        (  # a bullet wrapped before its last word; the next paragraph, a line further down, stays apart
            [
                ("- M.A. Psychology & Neuroscience: Computational Cognitive", 700),
                ("Neuroscience", 686),
                ("Boston University", 660),
            ],
            ["- M.A. Psychology & Neuroscience: Computational Cognitive Neuroscience", "Boston University"],
        ),
    ],
)
def test_pdf_lines_wrapped_inside_a_field_are_joined(
    printed: list[tuple[str, float]], logical: list[str]
) -> None:
    assert repair_lines([PdfLine(text, y, 10) for text, y in printed])[0] == logical


def test_a_cv_titled_resume_is_not_a_person_called_resume() -> None:
    profile = imported(
        "# Resume\n\n## Experience\n\n### Data Scientist\n#### Covance: 4/2019 - Present\n- Built models.\n"
    )
    # the name hint (from the output file's name), marked to check
    assert profile["person"]["name"] == "Jo Doe"
    assert "Resume" in profile["unplaced"]


def test_education_laid_out_institution_first_gives_each_degree_its_institution() -> None:
    text = (
        "Jo Doe\n\nEDUCATION\n\nDuke University\n\n- Ph.D. Psychology\n\n- M.A. Psychology\n\n"
        "Boston University\n\n- B.A. Neurobiology\n"
    )
    found = [(e["institution"], e["degree"]) for e in imported(text, "cv.txt")["education"]]
    assert found == [
        ("Duke University", "Ph.D. Psychology"),
        ("Duke University", "M.A. Psychology"),
        ("Boston University", "B.A. Neurobiology"),
    ]


TABLES = """# Jo Doe

<style>
.contact a { margin-left: 20px; }
</style>

## Experience

Time | Company | Position
---------- | ----------- | -----------
2014.07 - 2015.06 | **ZTT** | *Technologist*

## Certificates

| Certificate | Institute | Date |
| ------------- |:--------------| -----:|
| Deep Learning Specialization (5 courses) | Coursera | Apr 2017 |

## Skills

| Category | Skills |
| --- | --- |
| Data ETL | SQL, Spark, Airflow |
"""


def test_markdown_tables_are_rows_of_fields_and_a_style_sheet_is_not_text() -> None:
    profile = imported(TABLES)
    (role,) = profile["experience"]
    assert (role["title"], role["organisation"], role["start"]) == ("Technologist", "ZTT", "2014.07")
    (award,) = profile["awards"]
    assert (award["title"], award["issuer"], award["date"]) == (
        "Deep Learning Specialization (5 courses)",
        "Coursera",
        "Apr 2017",
    )
    assert profile["skills"] == [{"name": "Data ETL", "items": ["SQL", "Spark", "Airflow"]}]
    assert "margin" not in yaml.safe_dump(profile)  # the page's CSS is not the person's text


def test_a_word_table_of_data_is_read_row_by_row() -> None:
    def table(document: Any) -> None:
        rows = [("Category", "Skills"), ("Data ETL", "SQL, Spark"), ("Modelling", "R, Python")]
        for row, (name, items) in zip(document.add_table(rows=3, cols=2).rows, rows, strict=True):
            row.cells[0].text, row.cells[1].text = name, items

    profile = _word_cv("Skills", table)
    assert profile["skills"] == [
        {"name": "Data ETL", "items": ["SQL", "Spark"]},
        {"name": "Modelling", "items": ["R", "Python"]},
    ]


def test_an_emoji_before_a_place_is_decoration_not_text() -> None:
    profile = imported(
        "# Jo Doe\n\n## Experience\n\n### Data Scientist\nMunich Re | 📍Singapore | 2019 - Present\n"
    )
    (role,) = profile["experience"]
    assert "📍" not in yaml.safe_dump(profile, allow_unicode=True)
    assert role["organisation"] == "Munich Re"


FREELANCE_AFTER_TITLE_AT = """# Jo Doe

## Experience

### Intern at Orange Labs
*Winter 2014*
I worked on the PUMA research project.

### Freelance Designer & Web Developer
*2008 - Present*
I designed and coded websites.
"""


def test_a_role_without_an_organisation_keeps_none_rather_than_borrowing_the_role_above() -> None:
    intern, freelance = imported(FREELANCE_AFTER_TITLE_AT)["experience"]
    assert (intern["title"], intern["organisation"]) == ("Intern", "Orange Labs")
    assert freelance["title"] == "Freelance Designer & Web Developer"
    assert "organisation" not in freelance  # freelance work has none; 'Orange Labs' was the intern's
    assert (freelance["start"], freelance["end"]) == ("2008", "present")


NESTED_WITHOUT_HEADINGS = """JO DOE

jo@example.com | Seattle WA

SENIOR TECHNOLOGIST WITH 15+ YEARS OF EXPERIENCE

F5 Networks, Seattle WA – 2004-Present

Senior Product Management Engineer – 2015-Present

-   Developed a new cloud orchestration team

Network Support Engineer – 2004

-   Served as single point of contact for customers

MICROS Systems, Seattle WA – 2001-2004

Implementation Specialist – 2001-2004

-   Installed point-of-sale systems
"""


def test_roles_nested_under_their_employer_s_line_in_a_cv_without_section_headings() -> None:
    profile = imported(NESTED_WITHOUT_HEADINGS, "cv.txt")
    found = [(r["title"], r["organisation"], r.get("location"), r["start"]) for r in profile["experience"]]
    assert found == [
        ("Senior Product Management Engineer", "F5 Networks", "Seattle WA", "2015"),
        ("Network Support Engineer", "F5 Networks", "Seattle WA", "2004"),
        ("Implementation Specialist", "MICROS Systems", "Seattle WA", "2001"),
    ]
    # the employer's own dates are kept for the person to see
    assert "F5 Networks, Seattle WA – 2004-Present" in profile["unplaced"]


def test_a_duration_before_a_title_and_from_to_dates_are_read() -> None:
    text = (
        "Jo Doe\n\nEXPERIENCE\n\n* 2 years as Front-End Captain at Synthesio from 2014 to today\n\n"
        "* 9 years as Enthusiast Developer at Airbus Defence & Space From 2005 to 2014\n"
    )
    roles = imported(text, "cv.txt")["experience"]
    found = [(r["title"], r["organisation"], r["start"], r["end"]) for r in roles]
    assert found == [
        ("Front-End Captain", "Synthesio", "2014", "present"),
        ("Enthusiast Developer", "Airbus Defence & Space", "2005", "2014"),
    ]


def test_a_list_of_degrees_with_years_and_no_institutions_is_education() -> None:
    text = (
        "Jo Doe\n\nEducation\n\n"
        "     * M.Com (Statistics and Investments) | 2022\n"
        "       Analytics, Data Modeling, Econometrics, Hypothesis Testing,\n"
        "       Time Series Analysis\n"
        "     * Bachelor of Commerce (Accounting & Finance) | 2018\n"
        "     * IPCE, Chartered Accountant (Cost and Financial Management, Audit) (Exempted) | 2017\n"
        "     * High-School | 2013\n\n"
        "Experience\n\nAnalyst\n   Acme Ltd | 2023\n     * Built a model\n"
    )
    education = imported(text, "cv.txt")["education"]
    assert [(e["degree"], e.get("institution"), e["end"]) for e in education] == [
        ("M.Com (Statistics and Investments)", None, "2022"),
        ("Bachelor of Commerce (Accounting & Finance)", None, "2018"),
        ("Chartered Accountant (Cost and Financial Management, Audit) (Exempted)", None, "2017"),
        ("High-School", None, "2013"),
    ]
    assert education[0]["details"] == [
        "Analytics, Data Modeling, Econometrics, Hypothesis Testing, Time Series Analysis"
    ]
    assert education[2]["field"] == "IPCE"


def test_an_organisation_repeated_under_a_title_that_names_it_is_not_a_description() -> None:
    text = (
        "Kyle Oliver\n\nExperience\n\nFull Stack Developer - SlashDB\nSlashDB | May 2021 – Feb 2022\n"
        "• Worked as a full stack developer on a Python Pyramid application.\n"
    )
    (role,) = imported(text, "cv.txt")["experience"]
    assert (role["title"], role["organisation"]) == ("Full Stack Developer", "SlashDB")
    assert "description" not in role


def test_a_sidebar_education_names_each_institution_over_its_degrees() -> None:
    text = (
        "Jo Doe\n\nEDUCATION\n\nNYU Tandon School of Engineering\n\n"
        "Master of Science Machine Learning, 2025\n\nUC Santa Barbara\n\n"
        "BA Philosophy, BS Mathematics, 2014\n\nBachelors Chemistry, The University of Cincinnati\n"
    )
    found = [(e["institution"], e["degree"]) for e in imported(text, "cv.txt")["education"]]
    assert found == [
        ("NYU Tandon School of Engineering", "Master of Science Machine Learning"),
        ("UC Santa Barbara", "BA Philosophy, BS Mathematics"),
        ("The University of Cincinnati", "Bachelors Chemistry"),
    ]


def test_a_short_plain_first_sentence_is_not_made_a_bold_lead() -> None:
    text = (
        "# Jo Doe\n\n## Experience\n\n### Firmware Test Engineer, Acme (2021 - 2023)\n\n"
        "- Flash memory reliability test framework. Cut manual verification by 60%\n"
        "- **Serving.** Cut inference cost 3x\n"
    )
    plain, bold = imported(text)["experience"][0]["bullets"]
    assert plain == "Flash memory reliability test framework. Cut manual verification by 60%"
    assert bold == {"text": "Cut inference cost 3x", "lead": "Serving."}
