"""The speed budget of issue #8, measured against `python -c pass` in the same run.

Run: python bench/bench_budget.py [--runs N]

* `tailor --help` at most 2x `python -c "import click"`;
* a full `tailor build` of the CV and cover letter (PDF + DOCX, with match.json/.md) at most 0.5 s;
* `tailor batch` of 50 postings at most 60 ms per application with 2 workers;
* peak memory (the largest process) at most 150 MB;
* issue #22: a cold CV-only PDF build at most 0.75x the one measured when the issue was filed, the
  full bundle at most 400 ms, a batch of 100 postings with the default bundle at most 50 ms per
  application, and a warm rebuild after a profile edit (what ``--watch`` does) at most 100 ms;
  RenderCV's ratio is skipped with a note where RenderCV is not installed.

Each figure is wall-clock for fresh processes; the median of N runs is compared
with the target, and the baselines are printed so that the figures can be read
on a faster or slower machine. Not a test: timings belong here, not in pytest.

tailor's modules are compiled to bytecode first, as pip does when it installs a
wheel: an editable install run with PYTHONDONTWRITEBYTECODE=1 would otherwise
compile every tailor module again in every process (~70 ms), which no installed
tailor does.
"""

from __future__ import annotations

import argparse
import compileall
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PROFILE = REPO / "profiles" / "eric-kim.yaml"
EXAMPLE = REPO / "profiles" / "postings" / "northwind-ml-engineer.md"
SHARED = REPO.parent / "shared" / "jobs"
TAILOR = [sys.executable, "-m", "tailor"]
BATCH_SIZE = 50
DOCS = ["--docs", "cv,letter"]


def timed(args: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def line(label: str, times: list[float], note: str = "") -> float:
    median = statistics.median(times)
    print(f"{label:<44} best {min(times) * 1000:7.0f} ms  median {median * 1000:7.0f} ms  {note}")
    return median


def verdict(ok: bool) -> str:
    return "ok" if ok else "OVER BUDGET"


def postings(folder: Path) -> list[Path]:
    """50 posting files: the development postings (when present) and the example, each a distinct role."""
    sources = sorted(p for p in SHARED.glob("*") if p.suffix in (".txt", ".html")) if SHARED.is_dir() else []
    sources = sources or [EXAMPLE]
    made = []
    for index in range(BATCH_SIZE):
        source = sources[index % len(sources)]
        target = folder / f"{index:02d}-{source.name}"
        shutil.copyfile(source, target)
        made.append(target)
    return made


CV_ONLY_AT_ISSUE_START = 0.34
"""Issue #22's cold CV-only PDF build when it was filed: ~260 ms importing and ~80 ms of work."""


def speed_rows(work: Path, runs: int) -> bool:
    """Issue #22's rows: cold CV-only build, full bundle, default-bundle batch of 100, watch rebuild."""
    ok = True
    if shutil.which("rendercv") is None:
        print(f"{'RenderCV ratio':<44} skipped: RenderCV is not installed here (no network to install it)")
    cv_only = [*TAILOR, "build", str(PROFILE), str(EXAMPLE), "--out", str(work / "cv"), "--force",
               "--date", "2026-11-21", "--docs", "cv", "--format", "pdf"]  # fmt: skip
    cold = line("tailor build, CV PDF only (cold)", timed(cv_only, runs), "")
    ok &= cold <= 0.75 * CV_ONLY_AT_ISSUE_START
    print(f"{'':<44} {cold / CV_ONLY_AT_ISSUE_START:.2f}x the issue's start (<= 0.75x) "
          f"{verdict(cold <= 0.75 * CV_ONLY_AT_ISSUE_START)}")  # fmt: skip
    bundle = [*TAILOR, "build", str(PROFILE), str(EXAMPLE), "--out", str(work / "all"), "--force",
              "--date", "2026-11-21"]  # fmt: skip
    full = line("tailor build, full bundle (cold)", timed(bundle, runs), "")
    ok &= full <= 0.4
    print(f"{'':<44} target 400 ms {verdict(full <= 0.4)}")
    folder = work / "hundred"
    folder.mkdir()
    for index, source in enumerate(sorted((work / "postings").iterdir()) * 2):  # the 50, twice
        shutil.copyfile(source, folder / f"{index:03d}-{source.name[3:]}")
    start = time.perf_counter()
    batch = [*TAILOR, "batch", str(PROFILE), "--postings", str(folder), "--out-root", str(work / "b100"),
             "--jobs", "2", "--date", "2026-11-21"]  # fmt: skip
    subprocess.run(batch, capture_output=True)
    per_app = (time.perf_counter() - start) / (2 * BATCH_SIZE)
    ok &= per_app <= 0.050
    print(f"{'tailor batch, 100 postings, default bundle':<44} {per_app * 1000:7.0f} ms per application "
          f"(<= 50) {verdict(per_app <= 0.050)}")  # fmt: skip
    rebuild = watch_rebuild(work)
    ok &= rebuild <= 0.1
    print(f"{'watch: profile edit -> new CV PDF (warm)':<44} {rebuild * 1000:7.0f} ms  (<= 100, "
          f"{rebuild / cold:.2f}x the cold build) {verdict(rebuild <= 0.1)}")  # fmt: skip
    return ok


def watch_rebuild(work: Path) -> float:
    """What ``build --watch`` does after an edit: a warm process rebuilds the CV PDF (median of 5)."""
    import datetime as dt

    from tailor.app.pipeline import BuildRequest, build
    from tailor.app.posting_input import PostingInput

    profile = work / "edited.yaml"
    text = PROFILE.read_text(encoding="utf-8")
    request = BuildRequest(profile, PostingInput(str(EXAMPLE)), dt.date(2026, 11, 21), out=work / "watch",
                           force=True, formats=("pdf",), docs=("cv",))  # fmt: skip
    profile.write_text(text, encoding="utf-8")
    build(request)
    times = []
    for edit in range(5):
        profile.write_text(f"{text}\n# edit {edit}\n", encoding="utf-8")
        start = time.perf_counter()
        build(request)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    compileall.compile_dir(REPO / "tailor", quiet=1)
    work = Path(tempfile.mkdtemp(prefix="tailor-budget-"))
    ok = True
    try:
        line("python -c pass (baseline)", timed([sys.executable, "-c", "pass"], runs))
        click = line('python -c "import click"', timed([sys.executable, "-c", "import click"], runs))
        help_time = statistics.median(timed([*TAILOR, "--help"], runs))
        ok &= help_time <= 2 * click
        ratio = f"{help_time / click:.2f}x import click (<= 2x) {verdict(help_time <= 2 * click)}"
        line("tailor --help", [help_time], ratio)
        build = [*TAILOR, "build", str(PROFILE), str(EXAMPLE), "--out", str(work / "one"), "--force",
                 "--date", "2026-11-21", *DOCS]  # fmt: skip
        build_time = line("tailor build (CV + letter, PDF + DOCX)", timed(build, runs), "")
        ok &= build_time <= 0.5
        print(f"{'':<44} target 500 ms {verdict(build_time <= 0.5)}")
        folder = work / "postings"
        folder.mkdir()
        postings(folder)
        batch_times = []
        for run in range(max(2, runs // 3)):
            out = work / f"batch-{run}"
            start = time.perf_counter()
            batch = [*TAILOR, "batch", str(PROFILE), "--postings", str(folder), "--out-root", str(out),
                     "--jobs", "2", "--date", "2026-11-21", *DOCS]  # fmt: skip
            done = subprocess.run(batch, capture_output=True, text=True)  # exit 1: some posting failed
            built = done.stdout.splitlines()[0] if done.stdout else done.stderr
            batch_times.append(time.perf_counter() - start)
        print(f"  ({built.strip()})")
        per_app = statistics.median(batch_times) / BATCH_SIZE
        ok &= per_app <= 0.060
        line(f"tailor batch, {BATCH_SIZE} postings, 2 workers", batch_times,
             f"{per_app * 1000:.0f} ms per application (<= 60) {verdict(per_app <= 0.060)}")  # fmt: skip
        ok &= speed_rows(work, runs)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
        ok &= peak <= 150
        print(f"{'peak memory, largest process':<44} {peak:7.0f} MB  (<= 150) {verdict(peak <= 150)}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
