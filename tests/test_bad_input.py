"""The catalogue of bad input: each case through the CLI, with its exact message, exit 2, nothing written.

Profile cases are the files ``tests/fixtures/bad/*.yaml`` (each with its
``.expected.txt``); the other inputs live in ``tests/fixtures/bad/inputs/`` or,
when they are binary or large, are made by the case itself. Every case runs in
an empty folder holding only its inputs, which must be byte-for-byte the same
afterwards.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from tailor.cli import cli
from tests.conftest import EXAMPLE_POSTING, FIXTURES, PROFILES

BAD = FIXTURES / "bad"
INPUTS = BAD / "inputs"
PROFILE_CASES = sorted(BAD.glob("*.yaml"))
DATE = ("--date", "2026-11-21")


def tree(root: Path) -> dict[str, tuple[str, int]]:
    """Every file under ``root`` with its digest and modification time."""
    return {
        str(path.relative_to(root)): (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def invoke(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, args)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder as the working directory, with a good profile and posting in it."""
    monkeypatch.chdir(tmp_path)
    shutil.copyfile(PROFILES / "eric-kim.yaml", tmp_path / "me.yaml")
    shutil.copyfile(EXAMPLE_POSTING, tmp_path / "job.md")
    return tmp_path


def assert_refused(workdir: Path, args: list[str], expected: str) -> None:
    before = tree(workdir)
    code, out, err = invoke(args)
    assert err == f"error: {expected}\n"
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    assert tree(workdir) == before, "a refused build must not write or change any file"


@pytest.mark.parametrize("fixture", PROFILE_CASES, ids=lambda p: p.stem)
def test_bad_profile_is_refused_by_build(fixture: Path, workdir: Path) -> None:
    shutil.copyfile(fixture, workdir / fixture.name)
    expected = fixture.with_suffix(".expected.txt").read_text(encoding="utf-8").removesuffix("\n")
    assert_refused(workdir, ["build", fixture.name, "job.md", "--out", "out/app", *DATE], expected)


# --- other inputs -----------------------------------------------------------------------


def _copy(*names: str) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        for name in names:
            shutil.copyfile(INPUTS / name, folder / name)

    return setup


def _write(name: str, data: bytes) -> Callable[[Path], None]:
    def write(folder: Path) -> None:
        (folder / name).write_bytes(data)

    return write


def _docx(name: str, text: str) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        from docx import Document

        document = Document()
        document.add_paragraph(text)
        document.save(str(folder / name))

    return setup


def _glyph_profile(folder: Path) -> None:
    text = (folder / "me.yaml").read_text(encoding="utf-8")
    (folder / "me.yaml").write_text(text.replace("  name: ", "  name: 漢字 ", 1), encoding="utf-8")


def _existing_output(folder: Path) -> None:
    (folder / "out" / "app").mkdir(parents=True)
    (folder / "out" / "app" / "cv.pdf").write_bytes(b"%PDF-1.4 an older CV\n")


def _theme_with_a3_pages(folder: Path) -> None:
    from tailor.inputs.resources import templates_dir

    (folder / "mytheme").mkdir()
    text = (templates_dir() / "classic.yaml").read_text(encoding="utf-8")
    (folder / "mytheme" / "theme.yaml").write_text(text.replace("page_size: A4", "page_size: A3"), "utf-8")
    shutil.copyfile(templates_dir() / "classic.docx", folder / "mytheme" / "classic.docx")


def _nothing(folder: Path) -> None:
    return None


@dataclass(frozen=True)
class Case:
    setup: Callable[[Path], None]
    args: list[str]
    expected: str


BUILD = ["build", "me.yaml"]
OUT = ["--out", "out/app", *DATE]
TEMPLATE_HINT = (
    "hint: fix the tag in the template, or remake a theme's own with `tailor templates build-docx DIR`"
)
CASES: dict[str, Case] = {
    "posting_missing": Case(
        _nothing,
        [*BUILD, "nowhere.txt", *OUT],
        "nowhere.txt: no such file\n"
        "  hint: check the path, or pass '-' to read the posting from standard input",
    ),
    "posting_empty": Case(
        _copy("blank_posting.txt"),
        [*BUILD, "blank_posting.txt", *OUT],
        "blank_posting.txt: the posting holds no text\n"
        "  hint: check that the file is the posting itself (not an empty page or a listing)",
    ),
    "posting_binary": Case(
        _write("job.txt", bytes(range(256)) * 40),
        [*BUILD, "job.txt", *OUT],
        "job.txt: this is a binary file, not the text of a posting\n"
        "  hint: save the posting as text (.txt), HTML (.html) or PDF (.pdf)",
    ),
    "posting_20_mb": Case(
        _write("huge.txt", b"Requirements\n- Python and SQL\n" * 700_000),
        [*BUILD, "huge.txt", *OUT],
        "huge.txt: 21.0 MB is too large for a job posting (at most 2 MB)\n"
        "  hint: save only the posting's own text, e.g. copy it into a .txt file",
    ),
    "posting_unknown_front_matter": Case(
        _copy("front_matter_unknown.txt"),
        [*BUILD, "front_matter_unknown.txt", *OUT],
        "front_matter_unknown.txt: unknown front matter key: salary\n"
        "  hint: allowed keys: company, role, location, contact, url, why, focus, rules",
    ),
    "posting_unclosed_front_matter": Case(
        _copy("front_matter_unclosed.txt"),
        [*BUILD, "front_matter_unclosed.txt", *OUT],
        "front_matter_unclosed.txt:1: front matter opens with '---' but is never closed\n"
        "  hint: end the front matter with a line holding only '---', or remove the opening '---'",
    ),
    "rules_pin_naming_no_id": Case(
        _copy("pin_unknown.rules.yaml"),
        [*BUILD, "job.md", "--rules", "pin_unknown.rules.yaml", *OUT],
        "the selection rules contradict each other:\n"
        "  - `pin` names `no-such-id`, which is no id in the profile\n"
        "  hint: see `tailor schema` or the README's rules section for every rule",
    ),
    "rules_flag_pin_naming_no_id": Case(
        _nothing,
        [*BUILD, "job.md", "--pin", "nope", *OUT],
        "the selection rules contradict each other:\n"
        "  - `pin` names `nope`, which is no id in the profile\n"
        "  hint: see `tailor schema` or the README's rules section for every rule",
    ),
    "rules_misspelt": Case(
        _copy("misspelt.rules.yaml"),
        [*BUILD, "job.md", "--rules", "misspelt.rules.yaml", *OUT],
        "misspelt.rules.yaml: 1 problem\n"
        "  misspelt.rules.yaml:2: max_bullets_per_rol: unknown field `max_bullets_per_rol`\n"
        "      hint: did you mean `max_bullets_per_role`?",
    ),
    "rules_malformed_yaml": Case(
        _copy("broken.rules.yaml"),
        [*BUILD, "job.md", "--rules", "broken.rules.yaml", *OUT],
        "broken.rules.yaml: 1 problem\n"
        "  broken.rules.yaml:2: is not valid YAML: expected ',' or ']', but got '<stream end>'"
        " (while parsing a flow sequence on line 1)\n"
        "      hint: a quote or bracket opened there is never closed",
    ),
    "theme_missing": Case(
        _nothing,
        [*BUILD, "job.md", "--theme", "nosuch", *OUT],
        "no theme named 'nosuch'\n"
        "  hint: use one of classic, compact, modern, or a folder made by `tailor templates copy`",
    ),
    "theme_invalid": Case(
        _theme_with_a3_pages,
        [*BUILD, "job.md", "--theme", "mytheme", *OUT],
        "mytheme/theme.yaml: 1 problem in the theme\n"
        "  mytheme/theme.yaml:5: page_size: must be one of 'A4' or 'Letter', got 'A3'",
    ),
    "theme_malformed_yaml": Case(
        _copy("yaml_error.theme.yaml"),
        [*BUILD, "job.md", "--theme", "yaml_error.theme.yaml", *OUT],
        "yaml_error.theme.yaml: 1 problem in the theme\n"
        "  yaml_error.theme.yaml:2: is not valid YAML: expected ',' or ']', but got '<stream end>'"
        " (while parsing a flow sequence on line 1)\n"
        "      hint: a quote or bracket opened there is never closed",
    ),
    "word_template_syntax_error": Case(
        _docx("mine.docx", "Dear {{ person.name }"),
        [*BUILD, "job.md", "--template", "mine.docx", *OUT],
        f"mine.docx: template syntax error: unexpected '}}' in 'Dear {{{{ person.name }}'\n  {TEMPLATE_HINT}",
    ),
    "word_template_escapes_sandbox": Case(
        _docx("mine.docx", "{{ ''.__class__.__mro__ }}"),
        [*BUILD, "job.md", "--template", "mine.docx", *OUT],
        "mine.docx: unsafe code in the template: access to attribute '__class__' of 'str' object is unsafe."
        " in \"{{ ''.__class__.__mro__ }}\"\n"
        "  hint: Word templates run in a sandbox: they may read the values tailor gives them"
        " (person, sections, meta) but not Python internals; remove the tag",
    ),
    "word_template_not_a_docx": Case(
        _write("mine.docx", b"not a zip file\n"),
        [*BUILD, "job.md", "--template", "mine.docx", *OUT],
        "mine.docx: not a readable Word (.docx) document (Package not found at 'mine.docx')",
    ),
    "output_folder_unwritable": Case(
        _write("out", b"a file where the output folder should go\n"),
        [*BUILD, "job.md", "--out", "out/app", *DATE],
        "cannot write into out: out is a file, not a folder\n  hint: move that file away, or pass --out DIR",
    ),
    "output_exists_without_force": Case(
        _existing_output,
        [*BUILD, "job.md", *OUT],
        "would overwrite existing files with different content: out/app/cv.pdf\n"
        "  hint: pass --force to replace them, or --out DIR to write elsewhere",
    ),
    "font_missing_a_glyph": Case(
        _glyph_profile,
        [*BUILD, "job.md", *OUT],
        "the font Gentium Book Plus cannot draw: '漢' (U+6F22) in person.name, '字' (U+5B57) in person.name\n"
        "  hint: replace these characters in your profile, or choose a theme whose font covers them",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_is_refused(name: str, workdir: Path) -> None:
    case = CASES[name]
    case.setup(workdir)
    assert_refused(workdir, case.args, case.expected)


def test_the_catalogue_has_at_least_25_cases() -> None:
    assert len(PROFILE_CASES) + len(CASES) >= 25


# --- input that is odd but usable: built, with a note ---------------------------------------


@pytest.mark.parametrize(
    ("posting", "note"),
    [
        (
            "cp1252_posting.txt",
            "cp1252_posting.txt: byte 16 is not UTF-8; read it as Windows-1252 (cp1252) text"
            " (save it as UTF-8 to be sure)",
        ),
        (
            "latin1_posting.txt",
            "latin1_posting.txt: byte 17 is not UTF-8; read it as Windows-1252 (cp1252) text"
            " (save it as UTF-8 to be sure)",
        ),
        (
            "no_sections.txt",
            "no_sections.txt: no sections recognised (such as Requirements or Responsibilities);"
            " every line counts the same (add headings to the posting to weigh them)",
        ),
    ],
)
def test_odd_posting_is_built_with_a_note(posting: str, note: str, workdir: Path) -> None:
    _copy(posting)(workdir)
    code, _, err = invoke([*BUILD, posting, *OUT])
    assert code == 0, err
    assert f"note: {note}\n" in err
    assert (workdir / "out" / "app" / "cv.pdf").is_file()


def test_cp1252_posting_text_is_decoded(workdir: Path) -> None:
    from tailor.posting import read_posting

    job = read_posting(INPUTS / "cp1252_posting.txt")
    assert job.company == "Café Müller"
    assert "Python – and “SQL”" in job.text


def test_company_like_a_path_stays_inside_the_output_folder(workdir: Path) -> None:
    code, _, err = invoke([*BUILD, "job.md", "--company", "../../etc", "--role", "x/../../y", *DATE])
    assert code == 0, err
    written = {path.relative_to(workdir).as_posix() for path in workdir.rglob("*") if path.is_file()}
    written -= {"me.yaml", "job.md"}
    assert "out/etc-x-y/cv.pdf" in written
    assert all(name.startswith("out/etc-x-y/") for name in written), written
