"""`tailor import` and `tailor export` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tailor.cli import cli
from tests.conftest import FIXTURES, PROFILES

MESSY = str(FIXTURES / "import" / "messy.txt")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_import_writes_a_profile_that_validates(tmp_path: Path) -> None:
    out = tmp_path / "profiles" / "jane.yaml"
    code, stdout, _ = run("import", MESSY, "-o", str(out))
    assert code == 0
    assert stdout.startswith(f"wrote {out} from {MESSY} (text): 2 summaries, 2 experience")
    assert "`unplaced:` pieces" in stdout
    code, stdout, _ = run("validate", str(out))
    assert code == 0, stdout
    assert sorted(p.name for p in out.parent.iterdir()) == ["jane.yaml"]  # no temporary files left


def test_import_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "me.yaml"
    out.write_text("person: {name: Me}\n", encoding="utf-8")
    code, stdout, stderr = run("import", MESSY, "-o", str(out))
    assert code == 2
    assert stdout == ""
    assert (
        stderr
        == f"error: {out} already exists\n  hint: pass --force to replace it, or choose another -o path\n"
    )
    assert out.read_text(encoding="utf-8") == "person: {name: Me}\n"
    code, _, _ = run("import", MESSY, "-o", str(out), "--force")
    assert code == 0
    assert "Acme Widgets Ltd" in out.read_text(encoding="utf-8")


def test_import_of_an_unreadable_file_exits_2_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "cv.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not a PDF")
    out = tmp_path / "out.yaml"
    code, _, stderr = run("import", str(bad), "-o", str(out))
    assert code == 2
    assert stderr.startswith(f"error: {bad}: the PDF cannot be read")
    assert "Traceback" not in stderr
    assert not out.exists()


def test_import_of_a_missing_file_exits_2(tmp_path: Path) -> None:
    code, _, stderr = run("import", str(tmp_path / "nope.docx"), "-o", str(tmp_path / "x.yaml"))
    assert code == 2
    assert "nope.docx: cannot be read" in stderr


def test_name_comes_from_the_output_file_when_the_cv_has_none(tmp_path: Path) -> None:
    source = tmp_path / "cv.md"
    source.write_text(
        "## Experience\n\nEngineer\n\nAcme Inc.\n\n2019 – 2020\n\n- Did things\n", encoding="utf-8"
    )
    out = tmp_path / "ada-lovelace.yaml"
    assert run("import", str(source), "-o", str(out))[0] == 0
    text = out.read_text(encoding="utf-8")
    assert 'name: "Ada Lovelace"' in text
    assert "# check: no name found in the CV; 'Ada Lovelace' was taken from the file name" in text


def test_export_json_resume_to_stdout_and_back(tmp_path: Path) -> None:
    code, stdout, _ = run("export", str(PROFILES / "eric-kim.yaml"), "--json-resume")
    assert code == 0
    assert json.loads(stdout)["basics"]["name"] == "Eric Kim"
    exported = tmp_path / "eric.json"
    exported.write_text(stdout, encoding="utf-8")
    out = tmp_path / "eric.yaml"
    assert run("import", str(exported), "-o", str(out))[0] == 0
    assert run("validate", str(out))[0] == 0


def test_export_text_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "cv.txt"
    code, stdout, _ = run("export", str(PROFILES / "cuong-dao.yaml"), "--text", "-o", str(out))
    assert code == 0
    assert stdout == f"wrote {out}\n"
    assert out.read_text(encoding="utf-8").startswith("Cuong (Erik) Dao\n")


def test_export_needs_a_format() -> None:
    code, _, stderr = run("export", str(PROFILES / "eric-kim.yaml"))
    assert code == 2
    assert "choose a format: --json-resume or --text" in stderr


def test_export_of_a_bad_profile_exits_2() -> None:
    code, _, stderr = run("export", str(FIXTURES / "bad" / "misspelt_key.yaml"), "--text")
    assert code == 2
    assert "did you mean `experience`?" in stderr
