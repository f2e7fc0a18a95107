"""The posting's section rules (tailor/data/posting_sections.yaml): one test per shape.

Headings by role in several languages and markups, negative lists, generic headings read
line by line, lead-in lines that switch kind, boilerplate lines anywhere, the weight order,
and content sniffing (HTML saved as .txt).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tailor.posting import read_posting
from tailor.posting.classify import WEIGHTS, classify_heading, classify_line, is_generic_heading
from tailor.posting.infer import plain_title, role_from_file_name

RULES = Path(__file__).resolve().parents[2] / "tailor" / "data" / "posting_sections.yaml"


def test_every_rule_is_a_valid_pattern_string() -> None:
    # A pattern ending in ":" is a YAML mapping unless quoted: catch that trap for good.
    data = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    patterns = [*data["negative"], *data["generic"], *data["required_in_boilerplate"]]
    patterns += [p for rule in data["headings"] for p in rule["patterns"]]
    patterns += [p for group in ("lines", "boilerplate_lines") for ps in data[group].values() for p in ps]
    assert all(isinstance(p, str) for p in patterns)
    for pattern in patterns:
        re.compile(pattern)


def test_weights_are_ordered_by_kind() -> None:
    order = ["required", "preferred", "responsibilities", "other", "about", "benefits"]
    weights = [WEIGHTS[kind] for kind in order]  # type: ignore[index]
    assert weights == sorted(weights, reverse=True)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("We are looking for people who have:", "required"),
        ("What you bring", "required"),
        ("Must haves", "required"),
        ("Your profile", "required"),
        ("Profil recherché", "required"),
        ("Votre profil :", "required"),
        ("Wymagania", "required"),
        ("Dein Profil", "required"),
        ("You’ll love this role if:", "required"),
        ("Success in this role requires:", "required"),
        ("This role requires", "required"),
        ("Bonus points", "preferred"),
        ("Atouts", "preferred"),
        ("Mile widziane", "preferred"),
        ("Vos missions", "responsibilities"),
        ("Zakres obowiązków", "responsibilities"),
        ("Why Lime?", "benefits"),
        ("Pourquoi nous rejoindre ?", "benefits"),
        ("Why this team?", "about"),
        ("Salaire", "pay"),
        ("Hiring process", "logistics"),
        ("Our role won’t be for you if:", "other"),
    ],
)
def test_headings_by_role(heading: str, kind: str) -> None:
    assert classify_heading(heading)[0] == kind


def test_negative_headings_weigh_nothing() -> None:
    assert classify_heading("Our role won't be for you if:") == ("other", 0.0)


@pytest.mark.parametrize("heading", ["Job Description", "Description", "About the role", "The Opportunity"])
def test_generic_headings(heading: str) -> None:
    assert is_generic_heading(heading)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("5+ years of experience with Python", "required"),
        ("Experience with Kubeflow or Airflow", "required"),
        ("Strong communication skills", "required"),
        ("You have shipped ML systems to production", "required"),
        ("Worked with distributed filesystems (such as Lustre)", "required"),
        ("Vous maîtrisez Python", "required"),
        ("Znajomość SQL", "required"),
        ("Kafka experience is a plus", "preferred"),
        ("Build and maintain data pipelines", "responsibilities"),
        ("Team Leadership: Lead and mentor backend engineers", "responsibilities"),
        ("Analyser les besoins des clients", "responsibilities"),
        ("We are looking for a Senior Data Engineer to join our team", "responsibilities"),
        ("Olsson provides design services for desirable companies", None),
        ("We build software for dentists.", None),
    ],
)
def test_lines_by_what_they_ask(line: str, kind: str | None) -> None:
    assert classify_line(line) == kind


SHAPES = {
    "markdown": "# Data Engineer\n\n## About us\n\nAcme makes widgets.\n\n## {h}\n\n- Python\n- SQL\n",
    "bold": "Acme makes widgets.\n\n**{h}**\n\n- Python\n- SQL\n",
    "colon": "Acme makes widgets.\n\n{h}:\n\n- Python\n- SQL\n",
    "html-h3": "<div><p>Acme makes widgets.</p><h3>{h}</h3><ul><li>Python</li><li>SQL</li></ul></div>",
    "html-strong": (
        "<div><p>Acme makes widgets.</p><p><strong>{h}</strong></p><ul><li>Python</li><li>SQL</li></ul></div>"
    ),
    "html-p-b": "<div><p>Acme makes widgets.</p><p><b>{h}</b></p><ul><li>Python</li><li>SQL</li></ul></div>",
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_heading_shapes(tmp_path: Path, shape: str) -> None:
    path = tmp_path / "posting.txt"  # HTML saved as .txt is sniffed by its content
    path.write_text(SHAPES[shape].format(h="What you bring"), encoding="utf-8")
    units = read_posting(path).requirements
    assert [(u.text, u.kind) for u in units] == [("Python", "required"), ("SQL", "required")]


def test_a_generic_section_is_read_line_by_line(tmp_path: Path) -> None:
    text = (
        "## Job Description\n\nAcme is a maker of widgets for the whole world.\n\n"
        "- Experience with Kubeflow or Airflow\n- Build and run our data pipelines\n"
        "\n## Nice to have\n\n- Rust\n"
    )
    posting = read_posting("-", text=text)
    assert [(u.text, u.kind) for u in posting.requirements] == [
        ("Experience with Kubeflow or Airflow", "required"),
        ("Build and run our data pipelines", "responsibilities"),
        ("Rust", "preferred"),
    ]
    weights = {u.kind: u.weight for u in posting.requirements}
    assert weights["required"] > weights["preferred"]


def test_a_lead_in_line_switches_the_kind() -> None:
    lead_in = "It would be great if you have experience in some of these too:"
    text = f"## Requirements\n\n- Python\n\n{lead_in}\n\n- Rust\n"
    units = read_posting("-", text=text).requirements
    assert [(u.text, u.kind) for u in units] == [("Python", "required"), ("Rust", "preferred")]


def test_boilerplate_lines_weigh_nothing_wherever_they_stand() -> None:
    text = (
        "## Preferred experience\n\n- Go\n- The salary range for this position is $126,000 - $174,000.\n"
        "- Location: Remote, U.S.\n\n## Logistics\n\n"
        "Education requirements: We require at least a Bachelor's degree in a related field.\n"
    )
    units = read_posting("-", text=text).requirements
    assert [(u.text[:22], u.kind) for u in units] == [
        ("Go", "preferred"),
        ("Education requirements", "required"),
    ]


def test_html_in_a_txt_file_never_leaves_markup(tmp_path: Path) -> None:
    path = tmp_path / "posting.txt"
    path.write_text(
        '<div class="content-intro"><h2><strong>About Acme</strong></h2><p>Acme&rsquo;s mission.</p></div>'
        "<h2>You may be a good fit if you:</h2>"
        "<ul><li>Are highly proficient in Python&nbsp;&amp; Go</li></ul>",
        encoding="utf-8",
    )
    posting = read_posting(path)
    assert posting.company == "Acme"
    assert [u.text for u in posting.requirements] == ["Are highly proficient in Python & Go"]
    assert "<" not in posting.text
    assert "&nbsp;" not in posting.text


def test_stray_tags_and_emoji_in_markdown_are_dropped() -> None:
    posting = read_posting("-", text="## Requirements\n\n- Python<br> and SQL 🍒\n")
    assert [u.text for u in posting.requirements] == ["Python and SQL"]


@pytest.mark.parametrize(
    ("title", "plain"),
    [
        ("(Senior) Data Scientist (m/f/x) onsite or remote in Germany", "Senior Data Scientist"),
        ("AI Engineer H/F", "AI Engineer"),
        ("Stage FE - Data Scientist (H-F)", "Stage FE - Data Scientist"),
        ("Urgent: Remote AI Engineer", "AI Engineer"),
        (".NET Backend Engineer, 100% remote-friendly within Poland", ".NET Backend Engineer"),
        ("Software Engineer - MLOps.", "Software Engineer - MLOps"),
        ("Backend Developer (m/w/d) Req ID 123456", "Backend Developer"),
        ("Contract Manager", "Contract Manager"),
    ],
)
def test_titles_lose_job_board_noise(title: str, plain: str) -> None:
    assert plain_title(title) == plain


def test_a_trailing_place_that_is_the_location_is_dropped() -> None:
    assert plain_title("Data Engineer - Lyon", "Remote,Lyon, France") == "Data Engineer"
    assert (
        plain_title("Software Engineer - Perception", "Remote,Lyon, France")
        == "Software Engineer - Perception"
    )


@pytest.mark.parametrize(
    ("stem", "company", "role"),
    [
        (
            "51-anthropic-research-engineer-ml-reinforcement-learning",
            "Anthropic",
            "Research Engineer, ML Reinforcement Learning",
        ),
        ("56-anthropic-it-support-engineer", "Anthropic", "IT Support Engineer"),
        ("senior-software-engineer-backend-119733", None, "Senior Software Engineer, Backend"),
        ("posting", None, None),
    ],
)
def test_role_from_the_file_name(stem: str, company: str | None, role: str | None) -> None:
    assert role_from_file_name(stem, company) == role


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("At Prompt, we are on a mission to fix healthcare.", "Prompt"),
        ("Enter Sona: the next generation of workforce tools.", "Sona"),
        ("Our product helps dentists. Write to jobs@widgetco.com to apply.", "Widgetco"),
    ],
)
def test_company_from_what_the_text_says(text: str, company: str) -> None:
    assert read_posting("-", text=f"{text}\n\n## Requirements\n\n- Python\n").company == company
