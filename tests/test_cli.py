from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tailor.cli import cli
from tests.conftest import EXAMPLE_POSTING, FIXTURES, PROFILES

ERIC = str(PROFILES / "eric-kim.yaml")
POSTING = str(EXAMPLE_POSTING)


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    assert cli.commands[command].help
    assert "Usage:" in out


def test_validate_ok() -> None:
    code, out, _ = run("validate", ERIC)
    assert code == 0
    assert out.startswith(f"{ERIC}: ok")


def test_validate_misspelt_key_exits_2_with_line_and_suggestion() -> None:
    code, out, err = run("validate", str(FIXTURES / "bad" / "misspelt_key.yaml"))
    assert code == 2
    assert out == ""
    assert "misspelt_key.yaml:3: expereince: unknown field `expereince`" in err
    assert "did you mean `experience`?" in err
    assert "Traceback" not in err


def test_build_writes_cv_docx_and_match_json(tmp_path: Path) -> None:
    code, out, _ = run("build", ERIC, POSTING, "--out", str(tmp_path), "--date", "2026-11-21", "--docs", "cv")
    assert code == 0, out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cv.docx", "cv.pdf", "match.json", "match.md"]
    report = json.loads((tmp_path / "match.json").read_text())
    assert report["posting"]["company"] == "Northwind Robotics"
    assert report["cv"]["order"]


def test_build_default_folder_is_slugged_company_and_role(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    posting = tmp_path / "job.txt"
    posting.write_text("We need Python.\n", encoding="utf-8")
    code, _, _ = run(
        "build", ERIC, str(posting), "--company", "../../Evil/Co", "--role", "ML Eng", "--format", "pdf"
    )
    assert code == 0
    assert (tmp_path / "out" / "evil-co-ml-eng" / "cv.pdf").is_file()


def test_build_refuses_to_overwrite_a_different_file_without_force(tmp_path: Path) -> None:
    (tmp_path / "cv.pdf").write_bytes(b"my own file")
    code, _, err = run("build", ERIC, POSTING, "--out", str(tmp_path))
    assert code == 2
    assert "--force" in err
    assert (tmp_path / "cv.pdf").read_bytes() == b"my own file"
    assert not (tmp_path / "match.json").exists()  # nothing half-written
    code, _, _ = run("build", ERIC, POSTING, "--out", str(tmp_path), "--force")
    assert code == 0
    assert (tmp_path / "cv.pdf").read_bytes().startswith(b"%PDF")


def test_build_reads_the_posting_from_stdin(tmp_path: Path) -> None:
    text = EXAMPLE_POSTING.read_text(encoding="utf-8")
    code, out, _ = run("build", ERIC, "-", "--out", str(tmp_path), "--format", "pdf", stdin=text)
    assert code == 0, out
    assert (tmp_path / "cv.pdf").exists()


def test_build_says_what_it_inferred(tmp_path: Path) -> None:
    posting = tmp_path / "job.md"
    posting.write_text(
        "# Data Scientist  \n### Acme Corp  \n#### `🌎 Remote`  \n\nWe need Python and SQL.\n",
        encoding="utf-8",
    )
    code, _, err = run("build", ERIC, str(posting), "--out", str(tmp_path / "o"), "--format", "pdf")
    assert code == 0
    assert "inferred company" in err


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("build", ERIC, POSTING, "--out", str(tmp_path), "--format", "odt")
    assert code == 2
    assert "unknown format odt" in err


def test_match_json_shape() -> None:
    code, out, _ = run("match", ERIC, POSTING, "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {
        "tailor",
        "posting",
        "fit",
        "fit_summary",
        "core",
        "requirements",
        "items",
        "cv",
        "dropped",
    }
    assert all(set(core) == {"id", "name", "source"} for core in data["core"])
    assert 0 <= data["fit"] <= 1
    item = data["items"][0]
    assert set(item) == {
        "id",
        "kind",
        "section",
        "text",
        "score",
        "relevance",
        "prior",
        "core",
        "selected",
        "matched",
        "reasons",
    }
    assert item["reasons"]
    assert set(item["reasons"][0]) == {"requirement", "matched"}
    scores = [i["score"] for i in data["items"]]
    assert scores == sorted(scores, reverse=True)
    requirement = data["requirements"][0]
    assert set(requirement) == {"id", "section", "kind", "text", "weight", "coverage", "evidence"}
    ids = {i["id"] for i in data["items"]}
    for req in data["requirements"]:
        assert req["coverage"] in {"covered", "dropped", "missing"}
        assert (req["coverage"] == "missing") == (not req["evidence"])
        for evidence in req["evidence"]:
            assert evidence["item"] in ids
            assert evidence["strength"] in {"strong", "partial"}


def test_match_table_shows_fit_ranking_and_coverage() -> None:
    code, out, _ = run("match", ERIC, POSTING, "--top", "5")
    assert code == 0
    assert "score" in out
    assert "fit (" in out
    assert "Requirements the CV covers" in out
    assert "Requirements the profile does not cover" in out


def test_build_writes_match_md_with_coverage(tmp_path: Path) -> None:
    code, out, _ = run("build", ERIC, POSTING, "--out", str(tmp_path), "--date", "2026-11-21")
    assert code == 0, out
    text = (tmp_path / "match.md").read_text(encoding="utf-8")
    assert text.startswith("# Match report: ")
    for heading in ("## Selected items", "## Requirements the CV covers", "## Requirements the profile"):
        assert heading in text


def test_schema_prints_json_schema() -> None:
    code, out, _ = run("schema")
    assert code == 0
    assert json.loads(out)["title"] == "tailor master profile"


def test_missing_posting_file_exits_2(tmp_path: Path) -> None:
    code, _, err = run("build", ERIC, str(tmp_path / "nope.txt"), "--out", str(tmp_path))
    assert code == 2
    assert "nope.txt" in err


# --- themes and templates ------------------------------------------------------------


def test_templates_list_names_each_theme_with_a_description() -> None:
    code, out, _ = run("templates", "list")
    assert code == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == ["classic", "compact", "modern"]
    assert all(len(line.split(maxsplit=1)[1]) > 20 for line in lines)


def test_build_with_each_built_in_theme(tmp_path: Path) -> None:
    for theme in ("classic", "modern", "compact"):
        out = tmp_path / theme
        code, _, err = run(
            "build", ERIC, POSTING, "--out", str(out), "--theme", theme, "--date", "2026-11-21"
        )
        assert code == 0, err
        assert (out / "cv.pdf").stat().st_size > 10_000
        assert (out / "cv.docx").is_file()


def test_copied_and_edited_theme_builds_and_the_change_shows(tmp_path: Path) -> None:
    from collections import Counter

    import docx
    import pdfplumber

    folder = tmp_path / "mine"
    code, out, _ = run("templates", "copy", "classic", str(folder))
    assert code == 0
    assert "theme.yaml" in out
    theme_file = folder / "theme.yaml"
    text = theme_file.read_text(encoding="utf-8")
    text = text.replace('accent: "#1F3A5F"', 'accent: "#B0143C"')
    text = text.replace("sizes: {body: 10,", "sizes: {body: 11,")
    text = text.replace(
        "order: [summary, experience, projects, publications, education,",
        "order: [summary, education, experience, projects, publications,",
    )
    text = text.replace("titles: {}", "titles: {education: Studies}")
    theme_file.write_text(text, encoding="utf-8")
    code, _, err = run("build", ERIC, POSTING, "--out", str(tmp_path / "cv"), "--theme", str(folder))
    assert code == 0, err
    with pdfplumber.open(tmp_path / "cv" / "cv.pdf") as pdf:
        page = pdf.pages[0]
        lines = [line["text"] for line in page.extract_text_lines()]
        name = next(c for c in page.chars if c["text"] == "E")  # Eric Kim, in the accent colour
        sizes = Counter(round(c["size"], 1) for c in page.chars if c["top"] > 150)
    assert lines.index("STUDIES") < lines.index("EXPERIENCE")
    assert tuple(round(v, 3) for v in name["non_stroking_color"]) == (0.69, 0.078, 0.235)
    assert sizes.most_common(1)[0][0] == 11  # the body text
    headings = [
        p.text
        for p in docx.Document(str(tmp_path / "cv" / "cv.docx")).paragraphs
        if p.style is not None and p.style.name == "Heading 1"
    ]
    assert headings[:3] == ["Summary", "Studies", "Experience"]
    report = json.loads((tmp_path / "cv" / "match.json").read_text())
    assert report["cv"]["sections"][:3] == ["summary", "education", "experience"]


def test_profile_section_order_overrides_the_theme(tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_text(
        (PROFILES / "eric-kim.yaml").read_text(encoding="utf-8")
        + "\nrules:\n  sections: [skills, experience]\n",
        encoding="utf-8",
    )
    if "\nrules:" in (PROFILES / "eric-kim.yaml").read_text(encoding="utf-8"):
        pytest.skip("the example profile already has rules")
    code, _, err = run("build", str(profile), POSTING, "--out", str(tmp_path / "cv"), "--theme", "modern")
    assert code == 0, err
    report = json.loads((tmp_path / "cv" / "match.json").read_text())
    assert report["cv"]["sections"] == ["skills", "experience"]


def test_unknown_theme_exits_2(tmp_path: Path) -> None:
    code, _, err = run("build", ERIC, POSTING, "--out", str(tmp_path), "--theme", "fancy")
    assert code == 2
    assert "no theme named 'fancy'" in err
    assert not tmp_path.exists() or not any(tmp_path.iterdir())


def test_broken_user_word_template_exits_2_naming_the_tag(tmp_path: Path) -> None:
    import docx

    from tailor.inputs.resources import templates_dir

    document = docx.Document(str(templates_dir() / "modern.docx"))
    document.add_paragraph("Born in {{ person.birthplace }}")
    mine = tmp_path / "mine.docx"
    document.save(str(mine))
    code, _, err = run("build", ERIC, POSTING, "--out", str(tmp_path / "cv"), "--template", str(mine))
    assert code == 2
    assert "unknown variable" in err
    assert "{{ person.birthplace }}" in err
    assert "Traceback" not in err
    assert not (tmp_path / "cv").exists()


def test_user_word_template_is_used(tmp_path: Path) -> None:
    import docx

    from tailor.inputs.resources import templates_dir

    document = docx.Document(str(templates_dir() / "compact.docx"))
    document.add_paragraph("Applying to {{ meta.company }} on {{ meta.date }}")
    mine = tmp_path / "mine.docx"
    document.save(str(mine))
    code, _, err = run(
        "build", ERIC, POSTING, "--out", str(tmp_path / "cv"), "--template", str(mine), "--date", "2026-11-21"
    )
    assert code == 0, err
    texts = [p.text for p in docx.Document(str(tmp_path / "cv" / "cv.docx")).paragraphs]
    assert "Applying to Northwind Robotics on 2026-11-21" in texts


def test_preview_writes_png_pages(tmp_path: Path) -> None:
    import shutil

    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    code, out, err = run("preview", ERIC, POSTING, "--theme", "modern", "--out", str(tmp_path), "--dpi", "40")
    assert code == 0, err
    pngs = sorted(tmp_path.glob("modern-*.png"))
    assert pngs
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in pngs)
    assert str(pngs[0]) in out


def test_preview_without_pdftoppm_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    real_which = shutil.which
    monkeypatch.setattr(shutil, "which", lambda name: None if name == "pdftoppm" else real_which(name))
    code, _, err = run("preview", ERIC, POSTING, "--out", str(tmp_path))
    assert code == 2
    assert "pdftoppm" in err
    assert "apt-get install poppler-utils" in err


def test_watch_rebuilds_when_an_input_changes(tmp_path: Path) -> None:
    import datetime as dt

    from tailor.app.pipeline import BuildRequest, BuildResult
    from tailor.app.posting_input import PostingInput
    from tailor.app.watch import watch

    profile = tmp_path / "me.yaml"
    profile.write_text((PROFILES / "eric-kim.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    request = BuildRequest(
        profile, PostingInput(POSTING), dt.date(2026, 11, 21), out=tmp_path / "cv", formats=("pdf",)
    )
    outcomes: list[object] = []
    polls = 0

    def should_stop() -> bool:
        nonlocal polls
        polls += 1
        if polls == 3:
            text = profile.read_text(encoding="utf-8").replace('name: "Eric Kim"', 'name: "Erica Kim"', 1)
            profile.write_text(text, encoding="utf-8")
        if polls == 6:
            profile.write_text("person: {}\n", encoding="utf-8")
        return polls > 8

    watch(request, outcomes.append, interval=0.01, should_stop=should_stop)
    assert len(outcomes) == 3
    first, second, third = outcomes
    assert isinstance(first, BuildResult)
    assert isinstance(second, BuildResult)
    assert tmp_path / "cv" / "cv.pdf" in second.changed
    assert "person.name" in str(third)


def test_build_writes_every_document_by_default(tmp_path: Path) -> None:
    code, out, _ = run("build", ERIC, POSTING, "--out", str(tmp_path), "--date", "2026-11-21")
    assert code == 0, out
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "answers.docx",
        "answers.md",
        "answers.pdf",
        "cv.docx",
        "cv.pdf",
        "letter.docx",
        "letter.pdf",
        "match.json",
        "match.md",
        "prep.md",
        "prep.pdf",
    ]
    report = json.loads((tmp_path / "match.json").read_text())
    assert set(report["documents"]) == {"letter", "answers", "prep"}
    letter = report["documents"]["letter"]
    assert all({"text", "source"} <= set(entry) <= {"text", "source", "rule"} for entry in letter)
    # Mechanical grammar is traced with the rule applied ("At Pinterest, I served as ...").
    assert any("first-person" in entry.get("rule", "") for entry in letter)


def test_build_docs_chooses_documents(tmp_path: Path) -> None:
    code, out, _ = run(
        "build", ERIC, POSTING, "--out", str(tmp_path), "--date", "2026-11-21", "--docs", "cv,letter"
    )
    assert code == 0, out
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "cv.docx",
        "cv.pdf",
        "letter.docx",
        "letter.pdf",
        "match.json",
        "match.md",
    ]
    code, _, err = run("build", ERIC, POSTING, "--docs", "cv,memo")
    assert code == 2
    assert "unknown document memo" in err


@pytest.mark.parametrize(
    ("command", "files"),
    [
        ("letter", ["letter.docx", "letter.pdf"]),
        ("answers", ["answers.docx", "answers.md", "answers.pdf"]),
        ("prep", ["prep.md", "prep.pdf"]),
    ],
)
def test_single_document_commands(tmp_path: Path, command: str, files: list[str]) -> None:
    code, out, _ = run(command, ERIC, POSTING, "--out", str(tmp_path), "--date", "2026-11-21")
    assert code == 0, out
    assert sorted(p.name for p in tmp_path.iterdir()) == files


def test_letter_without_company_is_an_error_listing_what_to_supply(tmp_path: Path) -> None:
    code, _, err = run("letter", ERIC, "-", "--out", str(tmp_path), stdin="We need Python and SQL.\n")
    assert code == 2
    assert "error: the cover letter needs the company name and the role title" in err
    assert 'pass --company "..." and --role "...", or add `company:`, `role:`' in err
    assert "to the posting's front matter" in err
    assert "Traceback" not in err
    assert not tmp_path.exists() or not any(tmp_path.iterdir())


def test_build_without_a_role_writes_everything_but_the_letter(tmp_path: Path) -> None:
    posting = "## Requirements\n\n- Computer vision with PyTorch\n- C++\n"
    code, out, err = run("build", ERIC, "-", "--out", str(tmp_path), "--date", "2026-11-21", stdin=posting)
    assert code == 0, err
    names = sorted(p.name for p in tmp_path.iterdir())
    assert {"cv.pdf", "cv.docx", "answers.md", "prep.md", "match.json"} <= set(names)
    assert not [n for n in names if n.startswith("letter")]
    assert "warning: no letter written: the cover letter needs the company name and the role title" in err
    assert '--role "..."' in err
    assert "tailored for this posting" in out
    report = json.loads((tmp_path / "match.json").read_text(encoding="utf-8"))
    assert set(report["skipped"]) == {"letter"}


def test_why_file_becomes_the_letters_motivation(tmp_path: Path) -> None:
    why = tmp_path / "why.txt"
    why.write_text("Northwind's delivery robots are why I moved into perception.\n", encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run(
        "build", str(PROFILES / "eric-kim.yaml"), str(EXAMPLE_POSTING), "--out", str(out), "--why", str(why)
    )
    assert code == 0, err
    report = json.loads((out / "match.json").read_text())
    letter = report["documents"]["letter"]
    why_text = "Northwind's delivery robots are why I moved into perception."
    assert {"text": why_text, "source": "posting:why"} in letter


def test_an_empty_why_file_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    why = tmp_path / "why.txt"
    why.write_text("  \n", encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run(
        "build", str(PROFILES / "eric-kim.yaml"), str(EXAMPLE_POSTING), "--out", str(out), "--why", str(why)
    )
    assert code == 2
    assert "why.txt" in err
    assert "empty" in err
    assert not out.exists()
