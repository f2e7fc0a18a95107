"""Time building the skills vocabulary and a first find() in a fresh process.

    python bench/bench_vocabulary.py

Target: building the default vocabulary plus a first find() over a 5,000-character
posting costs at most ~30 ms, since it runs on every `tailor build`. Importing
pydantic and PyYAML is not counted (the build pays for them elsewhere); importing
the vocabulary module itself is shown on its own line. Each run is a new process;
the best and the median of the runs are reported.

The posting is the start of the real postings in ../shared/jobs when they are
there, else the example posting repeated to 5,000 characters.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
JOBS = REPO.parent / "shared" / "jobs"
EXAMPLE = REPO / "profiles" / "postings" / "northwind-ml-engineer.md"
RUNS = 15
LENGTH = 5000
TARGET = 0.030

CHILD = """
import json, sys, time
import pydantic, yaml  # not counted
import tailor.errors, tailor.matching, tailor.models.fields  # imported by any build before
text = sys.stdin.read()
clock = time.perf_counter
t0 = clock()
from tailor.matching.vocabulary import load_vocabulary
t1 = clock()
vocab = load_vocabulary()
t2 = clock()
mentions = vocab.find(text)
t3 = clock()
vocab.find(text)
t4 = clock()
times = {"import": t1 - t0, "build": t2 - t1, "find": t3 - t2, "again": t4 - t3}
print(json.dumps({**times, "n": len(mentions)}))
"""


def posting() -> tuple[str, str]:
    """A posting of LENGTH characters, and where it comes from."""
    files = sorted(JOBS.glob("*.txt")) if JOBS.is_dir() else []
    if files:
        text = "\n\n".join(path.read_text(encoding="utf-8") for path in files)
        source = f"{JOBS} (first {LENGTH} characters)"
    else:
        text = EXAMPLE.read_text(encoding="utf-8")
        source = f"{EXAMPLE.name}, repeated"
    while len(text) < LENGTH:
        text += "\n\n" + text
    return text[:LENGTH], source


def main() -> int:
    text, source = posting()
    runs = []
    for _ in range(RUNS):
        out = subprocess.run(
            [sys.executable, "-c", CHILD], input=text, capture_output=True, text=True, check=True
        ).stdout
        runs.append(json.loads(out))
    print(f"posting: {source}; {runs[0]['n']} mentions; {RUNS} fresh processes")
    for label, key in [
        ("import tailor.matching.vocabulary", "import"),
        ("load_vocabulary()", "build"),
        ("first find()", "find"),
        ("second find()", "again"),
    ]:
        times = [run[key] for run in runs]
        best, median = min(times), statistics.median(times)
        print(f"{label:<36} best {best * 1000:6.1f} ms  median {median * 1000:6.1f} ms")
    totals = [run["build"] + run["find"] for run in runs]
    best, median = min(totals), statistics.median(totals)
    ok = median < TARGET
    print(
        f"{'build + first find':<36} best {best * 1000:6.1f} ms  median {median * 1000:6.1f} ms"
        f"  target {TARGET * 1000:.0f} ms  {'ok' if ok else 'SLOW'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
