"""A user's letter or Word template cannot hang a build or fill memory (issue #19, class 4): loops
over range(), repeated strings and output are bounded per render, and the build stops with exit 2."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_POSTING, PROFILES

TAILOR = [sys.executable, "-m", "tailor"]
ERIC = str(PROFILES / "eric-kim.yaml")

BODIES = {
    "nested-range": "{% for i in range(5000) %}{% for j in range(5000) %}{% endfor %}{% endfor %}x",
    "repeated-text": "{{ 'x' * 1000000000 }}",
    "huge-power": "{{ 10 ** 10000000 }}",
    "huge-output": "{% for i in range(9000) %}{{ name * 2000 }}{% endfor %}",
}
MESSAGES = {
    "nested-range": "range() calls make more than 10,000 items",
    "repeated-text": "repeats a text or list to more than 100,000 items",
    "huge-power": "raises a number to a power above 64",
    "huge-output": "writes more than 10,000,000 characters",
}


def _run(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    start = time.monotonic()
    done = subprocess.run(
        [*TAILOR, "build", ERIC, str(EXAMPLE_POSTING), "--out", "app", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    return done, time.monotonic() - start


@pytest.mark.parametrize("case", sorted(BODIES))
def test_a_runaway_letter_template_stops_with_a_message(tmp_path: Path, case: str) -> None:
    template = tmp_path / "mine.txt"
    template.write_text(f"--- greeting\n{BODIES[case]}\n", encoding="utf-8")
    done, seconds = _run(tmp_path, "--letter-template", str(template), "--docs", "letter")
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert MESSAGES[case] in done.stderr
    assert seconds < 15
    assert not (tmp_path / "app").exists()


@pytest.mark.parametrize("case", ["nested-range", "repeated-text"])
def test_a_runaway_word_template_stops_with_a_message(tmp_path: Path, case: str) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("{{ person.name }}")
    document.add_paragraph(BODIES[case])
    document.save(str(tmp_path / "mine.docx"))
    done, seconds = _run(tmp_path, "--template", str(tmp_path / "mine.docx"), "--format", "docx")
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert MESSAGES[case] in done.stderr
    assert seconds < 15
