"""Inputs that would exhaust memory or time are refused before they do (issue #19, class 2 and 4):
a YAML alias bomb, a device or pipe as a file, standard input that never ends, a 1 MB bullet and
YAML nested past any use. Each exits 2 with a located message and writes nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from tailor.cli import cli
from tests.conftest import EXAMPLE_POSTING, PROFILES

BOMB = "\n".join(
    [
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        *(f"{n}: &{n} [{','.join([f'*{p}'] * 9)}]" for p, n in zip("abcdefgh", "bcdefghi", strict=True)),
    ]
)
"""A 'billion laughs' document: 9^9 values from about 340 bytes."""


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    return result.exit_code, result.output + (result.stderr if result.stderr_bytes is not None else "")


def test_an_alias_bomb_profile_is_refused_with_its_line(tmp_path: Path) -> None:
    profile = tmp_path / "bomb.yaml"
    profile.write_text(BOMB, encoding="utf-8")
    code, out = run("validate", str(profile))
    assert code == 2
    assert "expands to more than" in out
    assert "bomb.yaml:" in out


@pytest.mark.parametrize("kind", ["theme", "rules", "front matter"])
def test_an_alias_bomb_anywhere_yaml_is_read_is_refused(tmp_path: Path, kind: str) -> None:
    out_dir = tmp_path / "out"
    args = ["build", str(PROFILES / "eric-kim.yaml"), str(EXAMPLE_POSTING), "--out", str(out_dir)]
    if kind == "theme":
        from tailor.inputs.themes import copy_theme

        copy_theme("classic", tmp_path / "theme")
        (tmp_path / "theme" / "theme.yaml").write_text(BOMB, encoding="utf-8")
        args += ["--theme", str(tmp_path / "theme")]
    elif kind == "rules":
        (tmp_path / "rules.yaml").write_text(BOMB, encoding="utf-8")
        args += ["--rules", str(tmp_path / "rules.yaml")]
    else:
        rules = "\n".join(f"  {line}" for line in BOMB.splitlines())
        posting = tmp_path / "job.md"
        posting.write_text(
            f"---\ncompany: Acme\nrole: Engineer\nrules:\n{rules}\n---\n- Python\n", encoding="utf-8"
        )
        args[2] = str(posting)
    code, out = run(*args)
    assert code == 2
    assert "expands to more than" in out
    assert not out_dir.exists()


def test_yaml_nested_past_any_use_is_refused(tmp_path: Path) -> None:
    profile = tmp_path / "deep.yaml"
    profile.write_text("person: {name: A}\nunplaced: " + "[" * 200 + "]" * 200 + "\n", encoding="utf-8")
    code, out = run("validate", str(profile))
    assert code == 2
    assert "nests deeper than" in out


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("which", ["profile", "posting", "import"])
def test_a_device_is_not_read_as_a_file(tmp_path: Path, which: str) -> None:
    if which == "import":
        args = ["import", "/dev/zero", "-o", str(tmp_path / "me.yaml")]
    else:
        profile = "/dev/zero" if which == "profile" else str(PROFILES / "eric-kim.yaml")
        posting = "/dev/zero" if which == "posting" else str(EXAMPLE_POSTING)
        args = ["build", profile, posting, "--out", str(tmp_path / "out")]
    code, out = run(*args)
    assert code == 2
    assert "not a regular file" in out
    assert not (tmp_path / "out").exists()


def test_standard_input_that_never_ends_is_cut_at_the_limit(tmp_path: Path) -> None:
    """/dev/zero piped in: read at most the limit, then refused (a real pipe, not a test buffer)."""
    argv = ["tailor", "build", str(PROFILES / "eric-kim.yaml"), "-", "--out", str(tmp_path / "out")]
    script = f"import sys; from tailor.cli import main; sys.argv = {argv!r}; main()"
    with Path("/dev/zero").open("rb") as zero:
        done = subprocess.run([sys.executable, "-c", script], stdin=zero, capture_output=True, timeout=60)
    assert done.returncode == 2
    assert b"standard input is larger than" in done.stderr
    assert not (tmp_path / "out").exists()


def test_a_megabyte_bullet_is_refused_before_layout(tmp_path: Path) -> None:
    data = yaml.safe_load((PROFILES / "eric-kim.yaml").read_text(encoding="utf-8"))
    data["experience"][0]["bullets"][0]["text"] = "word " * 200_000
    profile = tmp_path / "big.yaml"
    profile.write_text(yaml.safe_dump(data), encoding="utf-8")
    code, out = run("build", str(profile), str(EXAMPLE_POSTING), "--out", str(tmp_path / "out"))
    assert code == 2
    assert "experience[0].bullets[0].text" in out
    assert "at most 3,000" in out
    assert not (tmp_path / "out").exists()


_MEASURED = """
import resource, subprocess, sys, time
start = time.monotonic()
done = subprocess.run(sys.argv[1:], capture_output=True)
print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.monotonic() - start)
sys.stderr.write(done.stderr.decode("utf-8", "replace"))
"""
"""Runs one command and prints its exit code, peak memory (KB) and seconds (children of this process only)."""


def _bomb_docx(path: Path) -> None:
    """A 1.5 MB .docx whose one part inflates to 1.5 GB."""
    import zipfile

    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("word/document.xml", "w", force_zip64=True) as part:
            for _ in range(1500):
                part.write(chunk)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    (root / "bomb.yaml").write_text(BOMB, encoding="utf-8")
    _bomb_docx(root / "bomb.docx")
    data = yaml.safe_load((PROFILES / "eric-kim.yaml").read_text(encoding="utf-8"))
    data["experience"][0]["bullets"][0]["text"] = "word " * 200_000
    (root / "bullet.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    (root / "app").mkdir()
    (root / "app" / "application.json").symlink_to("/dev/zero")
    return root


ERIC, POSTING = str(PROFILES / "eric-kim.yaml"), str(EXAMPLE_POSTING)
HOSTILE = {
    "alias-bomb-profile": (["validate", "bomb.yaml"], "expands to more than"),
    "alias-bomb-rules": (
        ["build", ERIC, POSTING, "--rules", "bomb.yaml", "--out", "o"],
        "expands to more than",
    ),
    "dev-zero-profile": (["build", "/dev/zero", POSTING, "--out", "o"], "not a regular file"),
    "dev-zero-posting": (["build", ERIC, "/dev/zero", "--out", "o"], "not a regular file"),
    "dev-zero-manifest": (["rebuild", "app"], "not a regular file"),
    "dev-zero-import": (["import", "/dev/zero", "-o", "me.yaml"], "not a regular file"),
    "docx-bomb-import": (["import", "bomb.docx", "-o", "me.yaml"], "would inflate to 1,573 MB"),
    "docx-bomb-template": (
        ["build", ERIC, POSTING, "--template", "bomb.docx", "--out", "o"],
        "would inflate",
    ),
    "megabyte-bullet": (["build", "bullet.yaml", POSTING, "--out", "o"], "at most 3,000"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_input_ends_within_5_s_and_200_mb(hostile: Path, case: str) -> None:
    args, message = HOSTILE[case]
    done = subprocess.run(
        [sys.executable, "-c", _MEASURED, sys.executable, "-m", "tailor", *args],
        capture_output=True,
        text=True,
        cwd=hostile,
        timeout=120,
        check=False,
    )
    code, peak_kb, seconds = done.stdout.split()
    assert int(code) == 2, done.stderr
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert float(seconds) < 5, f"{case}: {float(seconds):.1f} s"
    assert int(peak_kb) < 200_000, f"{case}: {int(peak_kb) / 1000:.0f} MB"
