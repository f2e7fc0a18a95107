"""tailor batch, rebuild and list: application folders, byte-identical rebuilds, one bad posting."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tailor.app.batch import BatchRequest, find_postings, run_batch
from tailor.app.bundle import MANIFEST, sha256
from tailor.app.rebuild import rebuild
from tailor.cli import cli
from tailor.errors import BundleError, ReproducibilityError
from tests.conftest import EXAMPLE_POSTING, PROFILES, TODAY, shared_jobs

ERIC = PROFILES / "eric-kim.yaml"


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def postings(tmp_path: Path) -> Path:
    folder = tmp_path / "postings"
    folder.mkdir()
    shutil.copyfile(EXAMPLE_POSTING, folder / "northwind.md")
    (folder / "acme.txt").write_text(
        "---\ncompany: Acme\nrole: Data Engineer\n---\nRequirements\n- Python and SQL\n- Airflow\n",
        encoding="utf-8",
    )
    (folder / "README.md").write_text("# notes, not a posting\n", encoding="utf-8")
    (folder / ".hidden.txt").write_text("not a posting\n", encoding="utf-8")
    return folder


def test_find_postings_skips_notes_and_hidden_files(postings: Path) -> None:
    assert [p.name for p in find_postings(postings)] == ["acme.txt", "northwind.md"]


def test_batch_builds_a_folder_per_posting_with_application_json(postings: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stdout, _ = invoke("batch", str(ERIC), "--postings", str(postings), "--out-root", str(out),
                             "--date", "2026-11-21", "--jobs", "2")  # fmt: skip
    assert code == 0
    assert "2 of 2 applications built" in stdout
    folder = out / "acme-data-engineer"
    names = {p.name for p in folder.iterdir()}
    assert {"application.json", "cv.docx", "cv.pdf", "match.json", "match.md", "posting.txt"} <= names
    assert names - {"application.json", "posting.txt"} == {
        entry["file"] for entry in json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["outputs"]
    }
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["date"] == "2026-11-21"
    assert manifest["company"] == "Acme"
    assert manifest["inputs"]["profile"]["sha256"] == sha256(ERIC.read_bytes())
    assert manifest["inputs"]["posting"]["name"] == "acme.txt"
    assert manifest["inputs"]["theme"]["name"] == "classic"
    assert manifest["options"]["formats"] == ["pdf", "docx"]
    assert manifest["selection"]["order"]
    for entry in manifest["outputs"]:
        assert sha256((folder / entry["file"]).read_bytes()) == entry["sha256"]
    report = json.loads((folder / "match.json").read_text(encoding="utf-8"))
    assert report["posting"]["source"] == "acme.txt"


def test_one_bad_posting_does_not_stop_the_others(postings: Path, tmp_path: Path) -> None:
    (postings / "empty.txt").write_text("\n", encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, stderr = invoke("batch", str(ERIC), "--postings", str(postings), "--out-root", str(out),
                                  "--date", "2026-11-21")  # fmt: skip
    assert code == 1
    assert "2 of 3 applications built" in stdout
    assert f"error: {postings / 'empty.txt'}: the posting holds no text" in stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "acme-data-engineer",
        "northwind-robotics-senior-machine-learning-engineer-perception",
    ]


def test_a_bad_profile_stops_the_batch_before_it_starts(postings: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("person: {}\n", encoding="utf-8")
    code, _, stderr = invoke(
        "batch", str(bad), "--postings", str(postings), "--out-root", str(tmp_path / "o")
    )
    assert code == 2
    assert "person.name: is required but missing" in stderr
    assert not (tmp_path / "o").exists()


def test_same_company_and_role_get_numbered_folders(tmp_path: Path) -> None:
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    shutil.copyfile(EXAMPLE_POSTING, first)
    shutil.copyfile(EXAMPLE_POSTING, second)
    apps = run_batch(BatchRequest.of(ERIC, (first, second), TODAY, out_root=tmp_path / "out", jobs=1))
    assert [app.folder.name for app in apps if app.folder] == [
        "northwind-robotics-senior-machine-learning-engineer-perception",
        "northwind-robotics-senior-machine-learning-engineer-perception-2",
    ]


def test_rebuild_gives_identical_bytes_and_restores_a_deleted_file(postings: Path, tmp_path: Path) -> None:
    request = BatchRequest.of(ERIC, tuple(find_postings(postings)), TODAY, out_root=tmp_path / "out", jobs=1)
    (app, _) = run_batch(request)
    assert app.folder is not None
    before = {p.name: p.read_bytes() for p in app.folder.iterdir()}
    (app.folder / "cv.pdf").unlink()
    (postings / "acme.txt").unlink()  # the copy in the folder is what counts
    code, stdout, _ = invoke("rebuild", str(app.folder))
    assert code == 0, stdout
    assert "files rebuilt byte-identical" in stdout
    assert {p.name: p.read_bytes() for p in app.folder.iterdir()} == before


def test_rebuild_refuses_a_changed_profile(postings: Path, tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    shutil.copyfile(ERIC, profile)
    request = BatchRequest.of(profile, (postings / "acme.txt",), TODAY, out_root=tmp_path / "out", jobs=1)
    (app,) = run_batch(request)
    assert app.folder is not None
    profile.write_text(profile.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    with pytest.raises(BundleError, match="changed since this application was built"):
        rebuild(app.folder)
    code, _, stderr = invoke("rebuild", str(app.folder))
    assert code == 2
    assert "hint: restore the version with SHA-256" in stderr


def test_rebuild_reports_outputs_that_differ(postings: Path, tmp_path: Path) -> None:
    request = BatchRequest.of(ERIC, (postings / "acme.txt",), TODAY, out_root=tmp_path / "out", jobs=1)
    (app,) = run_batch(request)
    assert app.folder is not None
    manifest = json.loads((app.folder / MANIFEST).read_text(encoding="utf-8"))
    manifest["outputs"][0]["sha256"] = "0" * 64
    (app.folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ReproducibilityError, match="rebuilding gives different "):
        rebuild(app.folder)


def test_rebuild_without_application_json_is_a_clear_error(tmp_path: Path) -> None:
    code, _, stderr = invoke("rebuild", str(tmp_path))
    assert code == 2
    assert (
        stderr
        == f"error: {tmp_path}: no application.json here\n  hint: pass a folder made by `tailor batch`\n"
    )


def test_list_shows_date_company_role_and_fit(postings: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(BatchRequest.of(ERIC, tuple(find_postings(postings)), TODAY, out_root=out, jobs=1))
    code, stdout, _ = invoke("list", str(out))
    assert code == 0
    assert "2 applications in" in stdout
    assert "2026-11-21" in stdout
    assert "Acme" in stdout


@pytest.mark.skipif(not shared_jobs(), reason="the development postings are not beside the repository")
def test_batch_of_the_real_postings_in_parallel_rebuilds_identically(tmp_path: Path) -> None:
    jobs = tuple(shared_jobs())
    # The CV only: with every document, posting 11 (no role title) has no cover letter and posting 03's
    # prep sheet quotes an emoji the font cannot draw (both refused, as they should be, by those documents).
    apps = run_batch(BatchRequest.of(ERIC, jobs, TODAY, out_root=tmp_path / "out", jobs=2, docs=("cv",)))
    assert all(app.ok for app in apps), [app.error for app in apps if not app.ok]
    assert len({app.folder for app in apps}) == len(jobs)
    folder = apps[-1].folder
    assert folder is not None
    result = rebuild(folder, out=tmp_path / "again")
    for name in result.identical:
        assert (tmp_path / "again" / name).read_bytes() == (folder / name).read_bytes()


def test_batch_reads_each_posting_once(
    postings: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tailor.posting

    reads: list[str] = []
    read_posting = tailor.posting.read_posting

    def recorded(source: Any, **kw: Any) -> Any:
        reads.append(str(source))
        return read_posting(source, **kw)

    monkeypatch.setattr(tailor.posting, "read_posting", recorded)
    found = find_postings(postings)
    apps = run_batch(BatchRequest.of(ERIC, tuple(found), TODAY, out_root=tmp_path / "out", jobs=1))
    assert all(app.ok for app in apps)
    assert sorted(reads) == sorted(map(str, found))
