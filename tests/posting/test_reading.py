"""Reading job postings: formats, front matter, inference, clean-up and sections.

All fixtures are small synthetic postings written for these tests. The real
development postings live outside the repository (their text belongs to the
employers); the last tests read them only when that folder exists.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tailor.errors import PostingError
from tailor.models.job import JobPosting
from tailor.posting import read_posting
from tailor.posting.classify import classify_heading
from tailor.posting.infer import plain_title

JOBS = Path(__file__).resolve().parents[3] / "shared" / "jobs"
REPO = Path(__file__).resolve().parents[2]

FRONT_MATTER = """\
---
company: Acme Widgets
role: Data Engineer
location: Lisbon, Portugal
contact: Jo Smith
url: https://example.com/jobs/42
---
# Senior Data Engineer

## About Acme Widgets

Acme Widgets is a maker of small widgets.

## Requirements

- Python and SQL
"""

AGGREGATOR = """\
# Staff Widget Engineer  \n\
### None  \n\
#### `\U0001f4b0 $1 - $2` `\U0001f30e remote,Berlin, Germany`  \n\

Intro paragraph about the widget team and what it builds every day.

## About Globex

Globex builds widgets.

## Qualifications

* Go and Rust
"""


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def section(posting: JobPosting, heading: str) -> tuple[str, float, tuple[str, ...]]:
    found = next(s for s in posting.sections if s.heading == heading)
    return found.kind, found.weight, found.lines


# --- front matter and precedence ------------------------------------------------------


def test_front_matter_values_and_body(tmp_path: Path) -> None:
    posting = read_posting(write(tmp_path, "job.md", FRONT_MATTER))
    assert (posting.company, posting.company_source) == ("Acme Widgets", "front matter")
    assert (posting.role, posting.role_source) == ("Data Engineer", "front matter")
    assert posting.location == "Lisbon, Portugal"
    assert posting.contact == "Jo Smith"
    assert posting.url == "https://example.com/jobs/42"
    assert "---" not in posting.text
    assert "company:" not in posting.text
    assert posting.text.startswith("About Acme Widgets")


@pytest.mark.parametrize(
    ("options", "front", "expected"),
    [
        ({"company": "Opt Co", "role": "Opt Role"}, True, ("Opt Co", "option", "Opt Role", "option")),
        ({}, True, ("Acme Widgets", "front matter", "Data Engineer", "front matter")),
        ({}, False, ("Acme Widgets", "inferred", "Senior Data Engineer", "inferred")),
        (
            {"company": "  ", "role": None},
            False,
            ("Acme Widgets", "inferred", "Senior Data Engineer", "inferred"),
        ),
    ],
    ids=["option", "front-matter", "inferred", "blank-option"],
)
def test_precedence(
    tmp_path: Path, options: dict[str, str | None], front: bool, expected: tuple[str, ...]
) -> None:
    content = FRONT_MATTER if front else FRONT_MATTER.split("---\n", 2)[2]
    posting = read_posting(write(tmp_path, "job.md", content), **options)
    assert (posting.company, posting.company_source, posting.role, posting.role_source) == expected


def test_missing_company_and_role(tmp_path: Path) -> None:
    posting = read_posting(write(tmp_path, "job.txt", "We need someone who knows SQL.\n"))
    assert (posting.company, posting.company_source) == (None, "missing")
    assert (posting.role, posting.role_source) == (None, "missing")
    assert [s.kind for s in posting.sections] == ["other"]


def test_unknown_front_matter_key(tmp_path: Path) -> None:
    path = write(tmp_path, "job.md", "---\ncompany: Acme\nsalary: 1\ntitle: x\n---\nBody text.\n")
    with pytest.raises(PostingError) as info:
        read_posting(path)
    message = str(info.value)
    assert str(path) in message
    assert "salary, title" in message
    assert "company, role, location, contact, url" in message


def test_invalid_front_matter_yaml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "job.md", "---\ncompany: Acme\nrole: [unclosed\n---\nBody text.\n")
    with pytest.raises(PostingError, match=r"job\.md:\d+: invalid YAML"):
        read_posting(path)


@pytest.mark.parametrize(
    ("content", "pattern"),
    [
        ("---\ncompany: Acme\nBody without a closing line.\n", "never closed"),
        ("---\n- a list\n---\nBody.\n", "key: value"),
        ("---\ncompany: [A, B]\n---\nBody.\n", "must be text"),
    ],
    ids=["unclosed", "not-a-mapping", "not-text"],
)
def test_bad_front_matter(tmp_path: Path, content: str, pattern: str) -> None:
    with pytest.raises(PostingError, match=pattern):
        read_posting(write(tmp_path, "job.md", content))


# --- standard input and formats --------------------------------------------------------


def test_stdin_text() -> None:
    posting = read_posting("-", text="---\nrole: Analyst\n---\nWe want **Excel** skills.\n")
    assert posting.source == "-"
    assert (posting.role, posting.role_source) == ("Analyst", "front matter")
    assert posting.text == "We want Excel skills."


def test_stdin_html_is_sniffed() -> None:
    posting = read_posting("-", text="<div><h2>Requirements</h2><ul><li>Kotlin</li></ul></div>")
    assert posting.text == "Requirements\n\n- Kotlin"
    assert section(posting, "Requirements") == ("required", 1.0, ("Kotlin",))


def test_stdin_without_text() -> None:
    with pytest.raises(PostingError, match="standard input"):
        read_posting("-")


def test_suffixless_file_is_sniffed(tmp_path: Path) -> None:
    html = write(tmp_path, "posting", "<p>Hello&nbsp;there</p>\n<ul><li>One</li></ul>")
    plain = write(tmp_path, "posting.job", "# Title\n\n- One <not a tag\n")
    assert read_posting(html).text == "Hello there\n\n- One"
    assert read_posting(plain).role == "Title"


@pytest.mark.parametrize(
    ("name", "data", "pattern"),
    [
        ("missing.txt", None, "no such file"),
        ("binary.txt", b"\x00\x01\x02 not text", "binary file"),
        ("empty.md", b"  \n\n", "holds no text"),
        ("broken.pdf", b"%PDF-1.4 garbage", "PDF"),
    ],
)
def test_unreadable_inputs(tmp_path: Path, name: str, data: bytes | None, pattern: str) -> None:
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    with pytest.raises(PostingError, match=pattern) as info:
        read_posting(path)
    assert str(path) in str(info.value)
    assert info.value.hint


def test_latin1_text_is_read_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Requirements\n- caf\xe9 and cr\xe8me\n".encode("latin-1"))
    job = read_posting(path)
    assert "café and crème" in job.text
    assert job.notes == (
        f"{path}: byte 18 is not UTF-8; read it as Windows-1252 (cp1252) text (save it as UTF-8 to be sure)",
    )


def test_pdf(tmp_path: Path) -> None:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    path = tmp_path / "job.pdf"
    pdf = canvas.Canvas(str(path))
    for y, line in [(800, "Requirements:"), (780, "- Haskell"), (760, "- OCaml")]:
        pdf.drawString(72, y, line)
    pdf.save()
    posting = read_posting(path)
    assert section(posting, "Requirements:") == ("required", 1.0, ("Haskell", "OCaml"))


def test_reading_text_does_not_import_pypdf(tmp_path: Path) -> None:
    path = write(tmp_path, "job.md", FRONT_MATTER)
    code = f"import sys; from tailor.posting import read_posting; read_posting({str(path)!r}); "
    code += "sys.exit(int('pypdf' in sys.modules))"
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)


# --- HTML and JSON-LD ------------------------------------------------------------------


def test_html_entities_and_bullets(tmp_path: Path) -> None:
    html = """<html><head><title>ignored</title><style>p {}</style></head><body>
    <h2><strong>About&nbsp;Initech</strong></h2>
    <p>R&amp;D&nbsp;team &mdash; small.<br>Second&#32;line</p>
    <p><strong>What you&rsquo;ll need:</strong></p>
    <ul class="x" data-stringify-type="unordered-list">
      <li><strong>Go:&nbsp;</strong>services</li>
      <li>Tools<ul><li>Terraform</li></ul></li>
    </ul>
    <script>var x = "<p>not text</p>";</script>
    </body></html>"""
    posting = read_posting(write(tmp_path, "job.html", html))
    assert posting.text == (
        "About Initech\n\nR&D team — small.\nSecond line\n\n"
        "What you’ll need:\n\n- Go: services\n- Tools\n  - Terraform"
    )
    assert (posting.company, posting.company_source) == ("Initech", "inferred")
    assert section(posting, "What you’ll need:") == ("required", 1.0, ("Go: services", "Tools", "Terraform"))


def test_json_ld(tmp_path: Path) -> None:
    html = """<html><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, {
      "@type": "JobPosting", "title": "Widget Analyst",
      "hiringOrganization": {"@type": "Organization", "name": "Umbrella &amp; Co"},
      "jobLocation": {"@type": "Place", "address": {"addressLocality": "Oslo", "addressCountry": "NO"}},
      "url": "https://example.com/j/1",
      "description": "&lt;h3&gt;Nice to have&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Julia&lt;/li&gt;&lt;/ul&gt;"
    }]}
    </script><script type="application/ld+json">{not json</script></head>
    <body><nav>Home | Jobs</nav><h1>Careers</h1><p>Cookie banner</p></body></html>"""
    posting = read_posting(write(tmp_path, "job.html", html))
    assert (posting.role, posting.role_source) == ("Widget Analyst", "inferred")
    assert (posting.company, posting.company_source) == ("Umbrella & Co", "inferred")
    assert posting.location == "Oslo, NO"
    assert posting.url == "https://example.com/j/1"
    assert posting.text == "Nice to have\n\n- Julia"
    assert section(posting, "Nice to have") == ("preferred", 0.6, ("Julia",))


def test_html_title_heading_becomes_role(tmp_path: Path) -> None:
    html = "<h1>Widget Tester</h1><p>Umbrella is a widget maker.</p>"
    posting = read_posting(write(tmp_path, "job.htm", html))
    assert (posting.role, posting.company) == ("Widget Tester", "Umbrella")
    assert posting.text == "Umbrella is a widget maker."


# --- Markdown clean-up -----------------------------------------------------------------


def test_markdown_noise(tmp_path: Path) -> None:
    content = (
        "## **Who you are.**\n\n"
        "We build **** widgets with `Rust` and **Go** **.** Done.\n\n"
        "\\- escaped dash bullet\n"
        "• round bullet\n\n"
        "\u2728\U0001f680\n\n"
        "**\U0001f9b8\U0001f3fb\u200d\u2640\ufe0f What you'll do:**\n\n"
        "  * [Ship](https://example.com) _fast_ things\n"
        "    * nested **bold** item\n"
        "* * *\n"
        "#LI-REMOTE\n"
    )
    posting = read_posting(write(tmp_path, "job.md", content))
    assert posting.text == (
        "Who you are.\n\n"
        "We build widgets with Rust and Go. Done.\n\n"
        "- escaped dash bullet\n- round bullet\n\n"
        "What you'll do:\n\n"
        "- Ship fast things\n  - nested bold item"
    )
    assert section(posting, "Who you are.") == (
        "required",
        1.0,
        ("We build widgets with Rust and Go. Done.", "escaped dash bullet", "round bullet"),
    )


def test_bold_heading_split_across_lines(tmp_path: Path) -> None:
    content = " **What We Are Looking For:  \n** We do not expect everything.\n\n  * Scala\n"
    posting = read_posting(write(tmp_path, "job.md", content))
    assert section(posting, "What We Are Looking For:") == (
        "required",
        1.0,
        ("We do not expect everything.", "Scala"),
    )


def test_long_bold_sentence_and_lowercase_fragment_are_not_headings(tmp_path: Path) -> None:
    long = "**" + "This is a hybrid role and we expect you in the office on most days of every week." + "**"
    content = f"## Requirements\n\n{long}\n\n**programming.**\n\n- Java\n"
    posting = read_posting(write(tmp_path, "job.md", content))
    assert [s.heading for s in posting.sections] == ["Requirements"]


@pytest.mark.parametrize(
    ("body", "lines"),
    [
        pytest.param(  # a scraper wrapped a bullet: the lower-case fragment is its end
            "- Python for data analysis\n\n**programming.**\n\n- Java\n\nNot a fragment.\n",
            ("Python for data analysis programming.", "Java", "Not a fragment."),
            id="wrapped-bullet",
        ),
        pytest.param(  # a scraper glued sentences together: they are split again
            "- SQL, Cypher or Pandas.A can-do attitude\n"
            "- Work with engineers (e.g. data engineering).Ideally with scientists\n"
            "- Node.JS and the U.S.A. market\n",
            (
                "SQL, Cypher or Pandas.",
                "A can-do attitude",
                "Work with engineers (e.g. data engineering).",
                "Ideally with scientists",
                "Node.JS and the U.S.A. market",
            ),
            id="glued-sentences",
        ),
    ],
)
def test_scraping_damage_is_repaired(tmp_path: Path, body: str, lines: tuple[str, ...]) -> None:
    posting = read_posting(write(tmp_path, "job.md", "## Requirements\n\n" + body))
    assert section(posting, "Requirements")[2] == lines


def test_duplicate_blocks_removed(tmp_path: Path) -> None:
    first = "Widgets are our whole life and we think about them from morning to night."
    second = "You will join a small team that ships a new widget to customers every week."
    content = (
        f"## Description\n\n{first}\n\n  \n\n{second}\n\n{first}\n\n{second}\n\n"
        "## Requirements\n\n- Rust\n- Monitoring with Grafana\n- Kafka\n\n"
        "## Requirements\n\n- Rust\n- Monitoring with Grafana\n- Kafka\n\n"
        "## Nice to have\n\n- Monitoring with Grafana\n- Flink\n"
    )
    posting = read_posting(write(tmp_path, "job.md", content))
    assert posting.text.count(first) == 1
    assert posting.text.count(second) == 1
    assert list(dict.fromkeys(s.heading for s in posting.sections)) == [
        "Description",
        "Requirements",
        "Nice to have",
    ]
    # A single bullet repeated under another heading is kept there.
    assert section(posting, "Nice to have")[2] == ("Monitoring with Grafana", "Flink")


def test_aggregator_header(tmp_path: Path) -> None:
    posting = read_posting(write(tmp_path, "job.txt", AGGREGATOR))
    assert (posting.role, posting.role_source) == ("Staff Widget Engineer", "inferred")
    assert (posting.company, posting.company_source) == ("Globex", "inferred")
    assert posting.location == "Remote, Berlin, Germany"
    assert "None" not in posting.text
    assert "$1" not in posting.text
    assert [(s.heading, s.kind) for s in posting.sections] == [
        ("", "about"),
        ("About Globex", "about"),
        ("Qualifications", "required"),
    ]


def test_company_from_sentence(tmp_path: Path) -> None:
    content = "# Analyst\n### None\n####  \n\nHooli (hooli.xyz) is one of the largest firms.\n"
    posting = read_posting(write(tmp_path, "job.md", content))
    assert (posting.company, posting.role, posting.location) == ("Hooli", "Analyst", None)


def test_company_sentence_only_in_about_text(tmp_path: Path) -> None:
    content = (
        "## Requirements\n\nPython is a must for this job.\n\n"
        "## Who we are\n\nVandelay is a latex importer.\n"
    )
    posting = read_posting(write(tmp_path, "job.md", content))
    assert posting.company == "Vandelay"


# --- sections --------------------------------------------------------------------------


def test_section_kinds(tmp_path: Path) -> None:
    content = (
        "Intro line about the company.\n\n"
        "MINIMUM QUALIFICATIONS\n\n- SQL\n\n"
        "Responsibilities :\n\nBuild things.\n\n"
        "Perks\n\n- Lunch\n\n"
        "**Candidates need not have:**\n\n- A degree\n\n"
        "### Compensation\n\n$1\n\n"
        "### Equal Opportunity\n\nWe welcome everyone.\n\n"
        "### Fun Facts\n\n- We like cats\n"
    )
    posting = read_posting(write(tmp_path, "job.txt", content))
    got = [(s.heading, s.kind, s.weight, s.lines) for s in posting.sections]
    assert got == [
        ("", "about", 0.2, ("Intro line about the company.",)),
        ("MINIMUM QUALIFICATIONS", "required", 1.0, ("SQL",)),
        ("Responsibilities:", "responsibilities", 0.5, ("Build things.",)),
        ("Perks", "benefits", 0.0, ("Lunch",)),
        ("Candidates need not have:", "other", 0.0, ("A degree",)),
        ("Compensation", "pay", 0.0, ("$1",)),
        ("Equal Opportunity", "legal", 0.0, ("We welcome everyone.",)),
        ("Fun Facts", "about", 0.2, ("We like cats",)),
    ]


def test_sub_heading_inherits_from_empty_parent(tmp_path: Path) -> None:
    content = "## Qualifications\n\n**Tooling**\n\n- Bazel\n"
    posting = read_posting(write(tmp_path, "job.md", content))
    assert section(posting, "Tooling") == ("required", 1.0, ("Bazel",))


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Requirements", "required"),
        ("Qualifications", "required"),
        ("What you’ll need", "required"),
        ("MINIMUM QUALIFICATIONS", "required"),
        ("You may be a good fit if you:", "required"),
        ("Must Haves", "required"),
        ("You Have:", "required"),
        ("Who you are.", "required"),
        ("Is this you?", "required"),
        ("What We Are Looking For:", "required"),
        ("Nice to have", "preferred"),
        ("Bonus Qualifications", "preferred"),
        ("Strong candidates may also:", "preferred"),
        ("Preferred Skills", "preferred"),
        ("What you'll do", "responsibilities"),
        ("Responsibilities", "responsibilities"),
        ("You Will:", "responsibilities"),
        ("About the role", "responsibilities"),
        ("Benefits & Perks", "benefits"),
        ("What we offer", "benefits"),
        ("Compensation", "pay"),
        ("Salary", "pay"),
        ("Logistics", "logistics"),
        ("Location", "logistics"),
        ("Visa sponsorship", "logistics"),
        ("Equal Opportunity Employer", "legal"),
        ("Accommodations", "legal"),
        ("About Initech", "about"),
        ("Who we are", "about"),
        ("Description", "about"),
        ("Candidates need not have", "other"),
        ("Fun facts", "other"),
    ],
)
def test_classify_heading(heading: str, kind: str) -> None:
    assert classify_heading(heading)[0] == kind


def test_negative_list_has_no_weight() -> None:
    assert classify_heading("Candidates need not have:") == ("other", 0.0)
    assert classify_heading("Something else") == ("other", 0.4)


# --- the real development postings (outside the repository) ----------------------------


def _dev_postings() -> list[Path]:
    if not JOBS.is_dir():
        return []
    return sorted(p for p in JOBS.iterdir() if p.suffix in (".txt", ".html"))


NO_COMPANY = {"20-lead-backend-engineer-111110"}
"""A recruiter's post for a client it never names (the aggregator's company line says None)."""

DEV_POSTINGS: list[object] = [*_dev_postings()] or [
    pytest.param(None, marks=pytest.mark.skip(reason=f"{JOBS} is not present")),
]


@pytest.mark.parametrize("path", DEV_POSTINGS, ids=lambda p: p.name if isinstance(p, Path) else "absent")
def test_dev_posting(path: Path) -> None:
    posting = read_posting(path)
    assert posting.text.strip()
    if path.stem in NO_COMPANY:
        assert posting.company is None
    else:
        assert posting.company
        assert posting.company_source == "inferred"
    assert posting.role
    assert posting.sections
    for noise in ("**", "`", "\\-", "&nbsp;", "&amp;", "<li", "\u2022"):
        assert noise not in posting.text, noise
    assert not any(line.startswith("#") and " " in line[:7] for line in posting.text.splitlines())


@pytest.mark.parametrize("path", DEV_POSTINGS, ids=lambda p: p.name if isinstance(p, Path) else "absent")
def test_dev_posting_has_no_repeated_paragraphs(path: Path) -> None:
    paragraphs = [line for line in read_posting(path).text.splitlines() if not line.lstrip().startswith("- ")]
    long = [line for line in paragraphs if len(line.split()) >= 12]
    assert len(long) == len(set(long))


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("As a Research Engineer on Alignment Science, you'll run experiments.", "Research Engineer"),
        ("As a Staff Machine Learning Engineer specializing in ranking, you will lead.", None),
        ("As a Senior Data Scientist at Acme, you will model churn.", "Senior Data Scientist"),
        ("As a team, we value kindness, and as an engineer you grow.", None),
    ],
)
def test_role_is_inferred_from_an_as_a_sentence(text: str, role: str | None) -> None:
    posting = read_posting("-", text=f"## About the role\n{text}\n## Requirements\n- Python\n")
    assert posting.role == role
    assert posting.role_source == ("inferred" if role else "missing")


@pytest.mark.parametrize(
    ("title", "plain"),
    [
        ("Data Scientist - Remote", "Data Scientist"),
        ("Senior Machine Learning Engineer (Remote)", "Senior Machine Learning Engineer"),
        ("Contract: Senior AI/ML Engineer (with search)", "Senior AI/ML Engineer (with search)"),
        ("Cloud ML Ops Engineer (Hybrid, 3 days)", "Cloud ML Ops Engineer"),
        ("Contract Manager", "Contract Manager"),
        ("Site Reliability Engineer", "Site Reliability Engineer"),
        ("Remote", "Remote"),
    ],
)
def test_inferred_titles_lose_work_arrangement_labels(title: str, plain: str) -> None:
    assert plain_title(title) == plain


def test_a_role_given_in_front_matter_is_kept_as_written(tmp_path: Path) -> None:
    content = "---\ncompany: Acme\nrole: Data Scientist - Remote\n---\nWe need Python.\n"
    assert read_posting(write(tmp_path, "job.md", content)).role == "Data Scientist - Remote"
