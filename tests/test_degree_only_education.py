"""A degree with no institution (a school-leaving certificate, a degree whose name says it all) is a
valid profile entry and builds in every document (issue #20: imports of such CVs used to lose it)."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner
from pydantic import ValidationError

from tailor.cli import cli
from tailor.models.profile import Education
from tests.conftest import ONE_ROLE_PROFILE

PROFILE = (
    ONE_ROLE_PROFILE
    + """\
education:
  - degree: M.Com
    field: Statistics and Investments
    end: "2022"
"""
)

POSTING = """\
---
company: Initech
role: Data Analyst
---
# Data Analyst

## Requirements
- Python and forecasting
- A degree in statistics
"""


def test_an_entry_needs_an_institution_or_a_degree() -> None:
    assert Education.model_validate({"degree": "M.Com"}).institution is None
    with pytest.raises(ValidationError, match="an institution or a degree"):
        Education.model_validate({"field": "Statistics"})


def test_a_degree_without_an_institution_builds_cv_letter_and_word(tmp_path: Path) -> None:
    (tmp_path / "jo.yaml").write_text(PROFILE, encoding="utf-8")
    (tmp_path / "job.md").write_text(POSTING, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        ["build", str(tmp_path / "jo.yaml"), str(tmp_path / "job.md"), "--out", str(out)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert (out / "cv.pdf").exists()
    assert (out / "cv.docx").exists()
    with pdfplumber.open(out / "letter.pdf") as pdf:
        letter = " ".join((page.extract_text() or "").replace("\n", " ") for page in pdf.pages)
    assert "hold an M.Com in Statistics and Investments." in letter
    assert "None" not in letter
    assert " from ." not in letter
