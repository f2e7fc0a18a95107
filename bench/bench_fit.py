"""What fitting to the page budget adds to a build (run: python bench/bench_fit.py).

Target (issue #4): fitting a two-page profile into one page adds at most ~150 ms.
For each example profile and theme it times, in one warm process, the selection
alone and the selection plus fitting to one page; the difference is the fitter's
cost (its layout passes). Best and median of N runs are reported.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from pathlib import Path

from tailor.inputs.loading import load_profile
from tailor.inputs.rule_sources import effective_rules
from tailor.inputs.themes import load_theme
from tailor.layout import fit_to_pages
from tailor.matching import select
from tailor.posting import read_posting
from tailor.render.pdf import measure_pdf

REPO = Path(__file__).resolve().parent.parent
POSTING = REPO / "profiles" / "postings" / "northwind-ml-engineer.md"
TODAY = dt.date(2026, 11, 21)
RUNS = 9


def main() -> None:
    posting = read_posting(POSTING)
    print(f"{'profile':<20}{'theme':<10}{'unfitted pages':>15}", end="")
    print(f"{'fit best ms':>13}{'fit median ms':>15}{'passes':>8}")
    for path in sorted((REPO / "profiles").glob("*.yaml")):
        profile = load_profile(path)
        for name in ("classic", "modern", "compact"):
            theme = load_theme(name)
            rules = effective_rules(profile.rules, theme_order=theme.sections.order, flags={"pages": 1})
            selection = select(profile, posting, rules, today=TODAY)
            passes = 0

            def measure(cv, squeeze, theme=theme):  # type: ignore[no-untyped-def]
                nonlocal passes
                passes += 1
                return measure_pdf(cv, theme, squeeze=squeeze)

            before = measure_pdf(selection.cv, theme).pages
            times = []
            for _ in range(RUNS):
                passes = 0
                start = time.perf_counter()
                fit_to_pages(selection.cv, selection.units, 1, measure)
                times.append((time.perf_counter() - start) * 1000)
            print(
                f"{path.stem:<20}{name:<10}{before:>15}{min(times):>13.1f}"
                f"{statistics.median(times):>15.1f}{passes:>8}"
            )


if __name__ == "__main__":
    main()
