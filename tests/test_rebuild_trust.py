"""``tailor rebuild`` trusts nothing in ``application.json`` (issue #19, class 3).

A tampered manifest that points a kept copy or an option at another file, or that is malformed in
any field, is refused with exit 2 and a message naming the field; no file whose hash does not match
is used, and no file's content is ever printed or copied into the folder.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tailor.app.batch import BatchRequest, run_batch
from tailor.app.bundle import MANIFEST, sha256
from tailor.cli import cli
from tests.conftest import PROFILES, TODAY

SECRET = b"root:x:0:0:secret-line-that-must-never-leak\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("app")
    posting = root / "acme.txt"
    posting.write_text(
        "---\ncompany: Acme\nrole: Data Engineer\n---\nRequirements\n- Python and SQL\n- Airflow\n",
        encoding="utf-8",
    )
    (app,) = run_batch(
        BatchRequest.of(PROFILES / "eric-kim.yaml", (posting,), TODAY, out_root=root / "out", jobs=1)
    )
    assert app.folder is not None
    return app.folder


@pytest.fixture
def folder(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "app"
    shutil.copytree(built, copy)
    return copy


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_bytes(SECRET)
    return path


def _tamper(folder: Path, change: Any) -> None:
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    change(manifest)
    (folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


def _files(folder: Path) -> dict[str, bytes]:
    """The folder's own files (a planted symlink is named, not followed)."""
    return {p.name: b"-> link" if p.is_symlink() else p.read_bytes() for p in folder.iterdir()}


def _refused(folder: Path, *extra: str) -> str:
    before = _files(folder)
    result = CliRunner().invoke(cli, ["rebuild", str(folder), *extra])
    out = result.output + result.stderr
    assert result.exit_code == 2, out
    assert result.exception is None or isinstance(result.exception, SystemExit), out
    assert "secret-line" not in out
    after = _files(folder)
    assert after == before
    assert not any(SECRET in data for data in after.values())
    return out


def test_a_kept_posting_pointing_outside_the_folder_is_refused(folder: Path, secret: Path) -> None:
    def change(m: dict[str, Any]) -> None:
        m["inputs"]["posting"]["file"] = str(secret)
        m["inputs"]["posting"]["sha256"] = sha256(SECRET)

    _tamper(folder, change)
    assert "inputs.posting.file" in _refused(folder)


def test_a_kept_posting_that_is_a_symlink_is_refused(folder: Path, secret: Path) -> None:
    (folder / "posting.txt").unlink()
    (folder / "posting.txt").symlink_to(secret)
    _tamper(folder, lambda m: m["inputs"]["posting"].update(sha256=sha256(SECRET)))
    assert "the posting kept in the folder is missing or changed" in _refused(folder)


def test_a_letter_template_path_in_the_options_is_refused(folder: Path, secret: Path) -> None:
    _tamper(folder, lambda m: m["options"].update(letter_template=str(secret)))
    assert "options.letter_template" in _refused(folder)


def test_a_letter_template_file_whose_hash_differs_is_not_used(folder: Path, secret: Path) -> None:
    record = {"path": str(secret), "relative": str(secret), "sha256": "0" * 64}
    _tamper(folder, lambda m: m["option_files"].update(letter_template=record))
    assert "changed since this application was built" in _refused(folder)


def test_an_output_name_with_a_path_is_refused(folder: Path) -> None:
    _tamper(folder, lambda m: m["outputs"][0].update(file="../../cv.pdf"))
    assert "outputs.0.file" in _refused(folder)


def test_a_profile_recorded_elsewhere_with_another_hash_is_not_read_into_anything(
    folder: Path, secret: Path
) -> None:
    def change(m: dict[str, Any]) -> None:
        m["inputs"]["profile"].update(path=str(secret), relative=str(secret))

    _tamper(folder, change)
    assert "changed since this application was built" in _refused(folder)


@pytest.mark.parametrize(
    "change",
    [
        lambda m: m.pop("inputs"),
        lambda m: m.update(date="yesterday"),
        lambda m: m.update(outputs="cv.pdf"),
        lambda m: m["inputs"].update(profile=None),
        lambda m: m["inputs"]["profile"].update(sha256=12),
        lambda m: m["inputs"]["rules"].update(flags={"pages": "many"}),
        lambda m: m["inputs"]["theme"].update(files=[{"path": 1}]),
        lambda m: m["options"].update(formats=["exe"]),
        lambda m: m["options"].update(unknown=True),
        lambda m: m.update(selection=[]),
    ],
    ids=[
        "no-inputs",
        "bad-date",
        "outputs-a-string",
        "profile-null",
        "hash-a-number",
        "pages-a-word",
        "theme-file-bad",
        "unknown-format",
        "unknown-option",
        "selection-a-list",
    ],
)
def test_a_malformed_manifest_is_a_located_error(folder: Path, change: Any) -> None:
    _tamper(folder, change)
    out = _refused(folder)
    assert f"{MANIFEST}: " in out
    assert "Traceback" not in out


def test_a_manifest_nested_past_any_use_is_refused(folder: Path) -> None:
    (folder / MANIFEST).write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert "cannot be read as JSON" in _refused(folder)


def test_list_shows_a_tampered_folder_without_its_wrong_fields(folder: Path) -> None:
    _tamper(folder, lambda m: m.update(fit="high", company=["A"], date={"y": 1}))
    (folder.parent / "deep").mkdir()
    (folder.parent / "deep" / MANIFEST).write_text("[" * 100_000, encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", str(folder.parent)])
    assert result.exit_code == 0, result.output
    assert folder.name in result.output
