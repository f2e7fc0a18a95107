"""A profile's own section titles (``rules.titles``) head its CV in PDF and Word, and an imported
"Certificates & Awards" section keeps its name (issue #20: certificates were headed "Awards")."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import yaml
from click.testing import CliRunner
from docx import Document

from tailor.cli import cli
from tailor.importing import import_cv
from tests.conftest import ONE_ROLE_PROFILE

PROFILE = (
    ONE_ROLE_PROFILE
    + """\
awards:
  - title: Deep Learning Specialization
    issuer: Coursera
    start: 2016-11
    date: 2017-04
rules:
  titles:
    awards: Certificates
"""
)

POSTING = "---\ncompany: Initech\nrole: Data Analyst\n---\n# Data Analyst\n\n## Requirements\n- Python\n"


def test_the_profiles_title_heads_its_section_in_pdf_and_word(tmp_path: Path) -> None:
    (tmp_path / "jo.yaml").write_text(PROFILE, encoding="utf-8")
    (tmp_path / "job.md").write_text(POSTING, encoding="utf-8")
    out = tmp_path / "out"
    args = ["build", str(tmp_path / "jo.yaml"), str(tmp_path / "job.md"), "--out", str(out), "--docs", "cv"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    with pdfplumber.open(out / "cv.pdf") as pdf:
        text = (pdf.pages[0].extract_text() or "").upper()
    assert "CERTIFICATES" in text
    assert "AWARDS" not in text
    assert "NOV 2016 – APR 2017" in text
    words = " ".join(p.text for p in Document(str(out / "cv.docx")).paragraphs).upper()
    assert "CERTIFICATES" in words
    assert "AWARDS" not in words


def test_an_imported_certificates_section_keeps_its_name_and_an_awards_span_its_dates() -> None:
    text = (
        "# Jo Doe\n\n## Experience\n\n### Analyst, Acme Ltd (2020 - 2023)\n\n- Built a model\n\n"
        "## CERTIFICATES & AWARDS\n\n- P.R.C. Scholarship, Ministry of Education, Sep 2017 - Feb 2018\n"
    )
    result = import_cv(text.encode("utf-8"), "cv.md", "Jo Doe")
    profile = yaml.safe_load(result.yaml)
    assert profile["rules"]["titles"] == {"awards": "Certificates & Awards"}
    (award,) = profile["awards"]
    assert (award["start"], award["date"]) == ("Sep 2017", "Feb 2018")
