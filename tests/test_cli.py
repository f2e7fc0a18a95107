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
    code, out, _ = run("build", ERIC, POSTING, "--out", str(tmp_path), "--date", "2026-11-21")
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
    assert set(data) == {"tailor", "posting", "fit", "fit_summary", "requirements", "items", "cv"}
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
