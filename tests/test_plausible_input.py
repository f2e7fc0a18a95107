"""Plausible input that used to end in a traceback (issue #19, class 5): now a result or a located
message with exit code 2. Deeply nested YAML is in ``test_bounded_inputs.py``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_POSTING, PROFILES, REPO

TAILOR = [sys.executable, "-m", "tailor"]
ERIC = PROFILES / "eric-kim.yaml"
FONTS = REPO / "tailor" / "fonts" / "source-sans-3"


def run(
    *args: str, cwd: Path, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [*TAILOR, *args],
        input=stdin.decode("latin-1") if stdin is not None else None,
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


def test_non_utf8_bytes_on_standard_input_are_read_as_windows_1252(tmp_path: Path) -> None:
    posting = b"Requirements\n- Python and SQL for caf\xe9 analytics \x93quoted\x94\n"
    done = subprocess.run(
        [*TAILOR, "build", str(ERIC), "-", "--company", "Acme", "--role", "Analyst", "--out", "app"],
        input=posting,
        capture_output=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert b"Windows-1252" in done.stderr
    assert "café" in (tmp_path / "app" / "match.json").read_text(encoding="utf-8")


def test_a_300_character_company_builds_and_word_keeps_its_property_limit(tmp_path: Path) -> None:
    company = "Acme " * 60
    done = run("build", str(ERIC), str(EXAMPLE_POSTING), "--company", company, "--out", "app", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(tmp_path / "app" / "letter.docx") as docx:
        core = docx.read("docProps/core.xml").decode("utf-8")
    assert "…" in core


def _theme_with_fonts(tmp_path: Path, regular: str) -> Path:
    theme = tmp_path / "theme"
    subprocess.run([*TAILOR, "templates", "copy", "modern", str(theme)], check=True, capture_output=True)
    (theme / "f").mkdir()
    for face in ("Regular", "Bold", "Italic", "BoldItalic"):
        shutil.copyfile(FONTS / f"SourceSans3-{face}.ttf", theme / "f" / f"O'Brien-{face}.ttf")
    (theme / "f" / "notes.ttf").write_text("not a font\n", encoding="utf-8")
    faces = {
        "regular": regular,
        "bold": "f/O'Brien-Bold.ttf",
        "italic": "f/O'Brien-Italic.ttf",
        "bold_italic": "f/O'Brien-BoldItalic.ttf",
    }
    settings = (theme / "theme.yaml").read_text(encoding="utf-8")
    settings = settings.replace("  body: source-sans-3\n", f"  body: {json.dumps(faces)}\n")
    (theme / "theme.yaml").write_text(settings, encoding="utf-8")
    return theme


def test_a_font_file_named_with_an_apostrophe_is_used(tmp_path: Path) -> None:
    theme = _theme_with_fonts(tmp_path, "f/O'Brien-Regular.ttf")
    done = run("build", str(ERIC), str(EXAMPLE_POSTING), "--theme", str(theme), "--out", "app", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "app" / "cv.pdf").exists()


def test_a_theme_font_that_is_not_a_font_is_a_clear_error(tmp_path: Path) -> None:
    theme = _theme_with_fonts(tmp_path, "f/notes.ttf")
    done = run("build", str(ERIC), str(EXAMPLE_POSTING), "--theme", str(theme), "--out", "app", cwd=tmp_path)
    assert done.returncode == 2
    assert "notes.ttf: it is not a TrueType font" in done.stderr
    assert not (tmp_path / "app").exists()


def test_a_json_resume_with_a_javascript_link_imports_with_the_link_put_aside(tmp_path: Path) -> None:
    resume = {
        "basics": {"name": "Jo Doe", "url": "javascript:alert(1)"},
        "work": [
            {"name": "Acme", "position": "Engineer", "startDate": "2020-01", "highlights": ["Built it"]}
        ],
        "projects": [{"name": "Site", "description": "A site", "url": "javascript:void(0)"}],
    }
    (tmp_path / "jo.json").write_text(json.dumps(resume), encoding="utf-8")
    done = run("import", "jo.json", "--out", "jo.yaml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    profile = (tmp_path / "jo.yaml").read_text(encoding="utf-8")
    assert "not an https, http, mailto or tel link" in profile
    assert run("validate", "jo.yaml", cwd=tmp_path).returncode == 0


def test_a_nul_byte_in_a_profile_is_located(tmp_path: Path) -> None:
    text = ERIC.read_text(encoding="utf-8").replace("Kim", "K\x00im", 1)
    (tmp_path / "me.yaml").write_text(text, encoding="utf-8")
    done = run("validate", "me.yaml", cwd=tmp_path)
    assert done.returncode == 2
    line = text[: text.index("\x00")].count("\n") + 1
    assert f"me.yaml:{line}: holds the control character U+0000" in done.stderr


@pytest.mark.parametrize("value", ["99999999999999", "tomorrow"])
def test_an_unusable_source_date_epoch_is_a_clear_error(tmp_path: Path, value: str) -> None:
    done = run("build", str(ERIC), str(EXAMPLE_POSTING), cwd=tmp_path, env={"SOURCE_DATE_EPOCH": value})
    assert done.returncode == 2
    assert "SOURCE_DATE_EPOCH=" in done.stderr
    assert "pass --date" in done.stderr


def test_source_date_epoch_changes_no_byte_beyond_the_date_it_sets(tmp_path: Path) -> None:
    """PDFs are stamped with the document date, which application.json records: a folder built
    with SOURCE_DATE_EPOCH rebuilds without it."""
    args = ("build", str(ERIC), str(EXAMPLE_POSTING), "--format", "pdf", "--date", "2026-05-01")
    run(*args, "--out", "plain", cwd=tmp_path)
    run(*args, "--out", "epoch", cwd=tmp_path, env={"SOURCE_DATE_EPOCH": "1234567890"})
    for name in ("cv.pdf", "letter.pdf", "answers.pdf", "prep.pdf"):
        assert (tmp_path / "plain" / name).read_bytes() == (tmp_path / "epoch" / name).read_bytes(), name
    batch = ("batch", str(ERIC), str(EXAMPLE_POSTING), "--out-root", "apps", "-j", "1")
    assert run(*batch, cwd=tmp_path, env={"SOURCE_DATE_EPOCH": "1234567890"}).returncode == 0
    (folder,) = (tmp_path / "apps").iterdir()
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    done = subprocess.run(
        [*TAILOR, "rebuild", str(folder)], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
