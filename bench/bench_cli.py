"""Measure `tailor --help` start-up and a full `tailor build` (run: python bench/bench_cli.py).

Targets (issue #2): --help under 0.3 s, a whole build under 1.5 s on the development machine.
Timings are wall-clock for a fresh process each run; the best of N is reported with the median.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TAILOR = [sys.executable, "-m", "tailor"]
RUNS = 7


def timed(args: list[str]) -> list[float]:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def report(label: str, times: list[float], target: float) -> bool:
    best, median = min(times), statistics.median(times)
    ok = median < target
    verdict = "ok" if ok else "SLOW"
    print(
        f"{label:<40} best {best * 1000:6.0f} ms  median {median * 1000:6.0f} ms"
        f"  target {target * 1000:.0f} ms  {verdict}"
    )
    return ok


def main() -> int:
    out = Path(tempfile.mkdtemp(prefix="tailor-bench-"))
    try:
        ok = report("tailor --help", timed([*TAILOR, "--help"]), 0.3)
        build = [
            *TAILOR,
            "build",
            str(REPO / "profiles" / "eric-kim.yaml"),
            str(REPO / "profiles" / "postings" / "northwind-ml-engineer.md"),
            "--out",
            str(out),
            "--force",
            "--date",
            "2026-11-21",
        ]
        ok &= report("tailor build (pdf+docx+match.json)", timed(build), 1.5)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
