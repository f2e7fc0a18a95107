"""An application folder holds the old set of files or the new one, never a mix (issue #19, class 1).

A failed write (disk full, a file cannot be written, Ctrl-C) leaves the old folder as it was and says
so; a killed build or batch leaves a complete folder with its ``application.json``; builds racing into
one folder run one after another, and the second never overwrites without ``--force``.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import random
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tailor.errors import OutputError
from tailor.writing import folder_swap
from tailor.writing.files import write_folder
from tests.conftest import EXAMPLE_POSTING, PROFILES, REPO

JOBS = REPO.parent / "shared" / "jobs"
TAILOR = [sys.executable, "-m", "tailor"]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {entry.name: entry.read_bytes() for entry in sorted(folder.iterdir())}


def _old_and_new(tmp_path: Path) -> tuple[Path, dict[Path, bytes]]:
    folder = tmp_path / "acme-engineer"
    folder.mkdir()
    for n in range(8):
        (folder / f"file{n}.txt").write_text(f"old {n}\n", encoding="utf-8")
    return folder, {folder / f"file{n}.txt": f"new {n}\n".encode() for n in range(8)}


def test_a_failing_sixth_write_leaves_the_old_folder_and_says_so(tmp_path: Path) -> None:
    folder, files = _old_and_new(tmp_path)
    before = _snapshot(folder)
    calls = []

    def disk_full(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == 6:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        path.write_bytes(data)

    with pytest.raises(OutputError) as refused:
        folder_swap.replace_folder(folder, {p.name: d for p, d in files.items()}, write=disk_full)
    assert f"nothing in {folder} was changed" in str(refused.value)
    assert "free some disk space" in str(refused.value)
    assert _snapshot(folder) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["acme-engineer"]  # no scratch left


def test_ctrl_c_while_writing_leaves_the_old_folder_and_no_scratch(tmp_path: Path) -> None:
    folder, files = _old_and_new(tmp_path)
    before = _snapshot(folder)

    def interrupted(path: Path, data: bytes) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        folder_swap.replace_folder(folder, {p.name: d for p, d in files.items()}, write=interrupted)
    assert _snapshot(folder) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["acme-engineer"]


def test_other_files_in_the_folder_are_kept_and_identical_files_untouched(tmp_path: Path) -> None:
    folder, files = _old_and_new(tmp_path)
    (folder / "my-notes.txt").write_text("mine\n", encoding="utf-8")
    files[folder / "file0.txt"] = b"old 0\n"  # unchanged: not rewritten
    inode = (folder / "file0.txt").stat().st_ino
    changed = write_folder(folder, files, force=True)
    assert folder / "file0.txt" not in changed
    assert len(changed) == 7
    assert (folder / "my-notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert (folder / "file0.txt").stat().st_ino == inode
    assert (folder / "file7.txt").read_text(encoding="utf-8") == "new 7\n"


def test_without_force_nothing_is_replaced(tmp_path: Path) -> None:
    folder, files = _old_and_new(tmp_path)
    before = _snapshot(folder)
    with pytest.raises(OutputError, match="would overwrite"):
        write_folder(folder, files, force=False)
    assert _snapshot(folder) == before


@pytest.mark.parametrize("leftover", ["ready", "old"])
def test_a_swap_cut_short_by_a_kill_is_finished_or_undone_on_the_next_write(
    tmp_path: Path, leftover: str
) -> None:
    """Killed between the two renames (where the OS cannot exchange folders in one step)."""
    folder = tmp_path / "app"
    kept = tmp_path / f".app.tailor-{leftover}-x1"
    kept.mkdir()
    (kept / "cv.pdf").write_bytes(b"complete set")
    unfinished = tmp_path / ".app.tailor-new-x2"
    unfinished.mkdir()
    (unfinished / "cv.pdf").write_bytes(b"half")
    write_folder(folder, {folder / "match.json": b"{}"}, force=False)
    assert (folder / "cv.pdf").read_bytes() == b"complete set"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app"]


def test_a_folder_with_subfolders_is_written_file_by_file_not_swapped(tmp_path: Path) -> None:
    folder, files = _old_and_new(tmp_path)
    (folder / "drafts").mkdir()
    (folder / "drafts" / "a.txt").write_text("draft\n", encoding="utf-8")
    inode = folder.stat().st_ino
    write_folder(folder, files, force=True)
    assert folder.stat().st_ino == inode
    assert (folder / "drafts" / "a.txt").exists()
    assert (folder / "file3.txt").read_text(encoding="utf-8") == "new 3\n"


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (60_000, 60_000))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead


def test_a_real_disk_full_build_with_force_keeps_the_previous_application(tmp_path: Path) -> None:
    out = tmp_path / "app"
    build = [*TAILOR, "build", str(PROFILES / "eric-kim.yaml"), str(EXAMPLE_POSTING), "--out", str(out)]
    subprocess.run(build, check=True, capture_output=True, cwd=tmp_path)
    before = _snapshot(out)
    done = subprocess.run(
        [*build, "--force", "--date", "2026-02-02"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        preexec_fn=_limit_file_size,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert f"nothing in {out} was changed" in done.stderr
    assert _snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app"]


def _complete(folder: Path) -> bool:
    """Every file listed in application.json is there with its hash, and nothing else."""
    manifest = json.loads((folder / "application.json").read_text(encoding="utf-8"))
    listed = {o["file"]: o["sha256"] for o in manifest["outputs"]}
    listed["application.json"] = ""
    listed[manifest["inputs"]["posting"]["file"]] = ""
    present = {p.name for p in folder.iterdir()}
    hashes_ok = all(
        hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
        for name, digest in listed.items()
        if digest
    )
    return present == set(listed) and hashes_ok


def test_killing_a_batch_at_random_moments_never_leaves_a_mixed_folder(tmp_path: Path) -> None:
    """30 kills at random moments of a --force rebuild with a different date (different bytes)."""
    posting = tmp_path / "job.md"
    posting.write_bytes(EXAMPLE_POSTING.read_bytes())
    batch = [*TAILOR, "batch", str(PROFILES / "eric-kim.yaml"), str(posting), "--out-root", "out", "-j", "1"]
    subprocess.run([*batch, "--date", "2026-01-01"], check=True, capture_output=True, cwd=tmp_path)
    (folder,) = (tmp_path / "out").iterdir()
    rng = random.Random(19)
    dates = []
    for trial in range(30):
        date = f"2026-01-{2 + trial:02d}"
        proc = subprocess.Popen(
            [*batch, "--force", "--date", date],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        time.sleep(rng.uniform(0.2, 2.5))
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        assert folder.is_dir(), f"trial {trial}: the application folder is gone"
        assert _complete(folder), f"trial {trial}: {sorted(p.name for p in folder.iterdir())}"
        dates.append(json.loads((folder / "application.json").read_text(encoding="utf-8"))["date"])
    assert len(set(dates)) > 2, "no kill came after a swap: the delays are too short to test anything"
    subprocess.run([*batch, "--force"], check=True, capture_output=True, cwd=tmp_path)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [folder.name]  # leftovers cleaned


def test_four_builds_into_one_empty_folder_at_once_one_wins_and_none_overwrites(tmp_path: Path) -> None:
    postings = sorted(JOBS.glob("0[1-4]-*.txt"))
    out = tmp_path / "app"
    procs = [
        subprocess.Popen(
            [*TAILOR, "build", str(PROFILES / "eric-kim.yaml"), str(p), "--out", str(out), "--format", "pdf"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
        )
        for p in postings
    ]
    results = [(proc.wait(), proc.communicate()[1]) for proc in procs]
    winners = [postings[i] for i, (code, _) in enumerate(results) if code == 0]
    assert len(winners) == 1, results
    assert all("would overwrite" in err for code, err in results if code != 0)
    report = json.loads((out / "match.json").read_text(encoding="utf-8"))
    assert report["posting"]["source"].endswith(winners[0].name)


def test_sigterm_removes_the_scratch_folder_and_keeps_a_complete_folder(tmp_path: Path) -> None:
    posting = tmp_path / "job.md"
    posting.write_bytes(EXAMPLE_POSTING.read_bytes())
    batch = [*TAILOR, "batch", str(PROFILES / "eric-kim.yaml"), str(posting), "--out-root", "out", "-j", "1"]
    subprocess.run([*batch, "--date", "2026-01-01"], check=True, capture_output=True, cwd=tmp_path)
    (folder,) = (tmp_path / "out").iterdir()
    rng = random.Random(15)
    for trial in range(8):
        proc = subprocess.Popen(
            [*batch, "--force", "--date", f"2026-03-{1 + trial:02d}"],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.3, 2.0))
        proc.send_signal(signal.SIGTERM)
        proc.wait()
        assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [folder.name], f"trial {trial}"
        assert _complete(folder), f"trial {trial}"
