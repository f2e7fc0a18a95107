"""The core of the role can be set by the person (issue #21): `--focus` or front matter `focus:`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tailor.cli import cli
from tests.conftest import EXAMPLE_POSTING, PROFILES

ERIC = str(PROFILES / "eric-kim.yaml")


def _core(out: Path) -> list[dict[str, str]]:
    core: list[dict[str, str]] = json.loads((out / "match.json").read_text(encoding="utf-8"))["core"]
    return core


def test_focus_flag_replaces_the_core_and_the_summary_says_so(tmp_path: Path) -> None:
    args = ["build", ERIC, str(EXAMPLE_POSTING), "--docs", "cv", "--format", "pdf", "--date", "2026-01-01"]
    result = CliRunner().invoke(cli, [*args, "--out", str(tmp_path / "a"), "--focus", "recommender systems"])
    assert result.exit_code == 0, result.output
    assert [c["source"] for c in _core(tmp_path / "a")] == ["focus"]
    assert "(your --focus)" in result.stdout


def test_focus_in_front_matter_and_an_unknown_focus_is_named(tmp_path: Path) -> None:
    posting = tmp_path / "job.md"
    posting.write_text("---\nfocus: computer vision\n---\n" + EXAMPLE_POSTING.read_text(encoding="utf-8"))
    args = ["build", ERIC, str(posting), "--docs", "cv", "--format", "pdf", "--date", "2026-01-01"]
    assert CliRunner().invoke(cli, [*args, "--out", str(tmp_path / "a")]).exit_code == 0
    assert _core(tmp_path / "a")[0]["name"] == "Computer vision"
    result = CliRunner().invoke(cli, [*args, "--out", str(tmp_path / "b"), "--focus", "basket weaving"])
    assert result.exit_code == 0
    assert "focus 'basket weaving' names no skill tailor knows" in result.stderr
