"""Rules from the command line, a rules file and the posting's front matter."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import EXAMPLE_POSTING
from tests.test_cli import ERIC, POSTING, run


def build(tmp_path: Path, *args: str, posting: str = POSTING) -> tuple[int, str, str, dict]:  # type: ignore[type-arg]
    out = tmp_path / "out"
    code, stdout, stderr = run("build", ERIC, posting, "--out", str(out), "--date", "2026-11-21", *args)
    report = json.loads((out / "match.json").read_text()) if (out / "match.json").exists() else {}
    return code, stdout, stderr, report


def test_pages_flag_sets_the_budget_and_reports_drops(tmp_path: Path) -> None:
    code, out, err, report = build(tmp_path, "--pages", "1")
    assert code == 0, err
    assert report["cv"]["pages"] == 1
    assert report["cv"]["last_page_fill"] >= 0.85
    reasons = {d["reason"] for d in report["dropped"]}
    assert "page budget" in reasons
    assert "left out" in out
    assert "page budget" in out
    code, _, err, report = build(tmp_path / "two", "--pages", "2")
    assert code == 0, err
    assert report["cv"]["pages"] == 2


def test_rules_file_overrides_the_profile(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("max_bullets_per_role: 2\npages: 2\n", encoding="utf-8")
    code, _, err, report = build(tmp_path, "--rules", str(rules))
    assert code == 0, err
    assert report["cv"]["pages"] <= 2
    assert any(d["reason"] == "rule: max bullets per role" for d in report["dropped"])


def test_bad_rules_file_names_file_line_and_rule(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("pages: 1\nmax_bulets_per_role: 2\n", encoding="utf-8")
    code, _, err, report = build(tmp_path, "--rules", str(rules))
    assert code == 2
    assert f"{rules}:2: max_bulets_per_role: unknown field" in err
    assert "max_bullets_per_role" in err
    assert "Traceback" not in err
    assert report == {}


def test_conflicting_rules_exit_2_naming_them(tmp_path: Path) -> None:
    code, _, err, report = build(
        tmp_path, "--pin", "b-served-as-the-68bc06", "--exclude", "b-served-as-the-68bc06"
    )
    assert code == 2
    assert "both pinned and excluded" in err
    assert report == {}


def test_posting_front_matter_rules_apply(tmp_path: Path) -> None:
    text = EXAMPLE_POSTING.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    posting = tmp_path / "posting.md"
    posting.write_text("---\nrules:\n  pages: 2\n  max_projects: 1\n" + text[4:], encoding="utf-8")
    code, _, err, report = build(tmp_path, posting=str(posting))
    assert code == 0, err
    assert report["cv"]["pages"] <= 2
    assert sum(1 for i in report["cv"]["order"] if i.startswith("p-")) <= 1


def test_bad_front_matter_rules_are_reported(tmp_path: Path) -> None:
    text = EXAMPLE_POSTING.read_text(encoding="utf-8")
    posting = tmp_path / "posting.md"
    posting.write_text("---\nrules:\n  pages: zero\n" + text[4:], encoding="utf-8")
    code, _, err, _ = build(tmp_path, posting=str(posting))
    assert code == 2
    assert "front matter rules" in err
    assert "pages" in err
