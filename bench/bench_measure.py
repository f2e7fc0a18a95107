"""How long one measure_pdf layout pass takes, per theme and example profile.

Target: a few tens of milliseconds per pass (the page-budget fitter runs many).

    .venv/bin/python bench/bench_measure.py
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from pathlib import Path

from tailor.inputs.loading import load_profile
from tailor.inputs.themes import load_theme
from tailor.matching import select
from tailor.posting import read_posting
from tailor.render.pdf import measure_pdf, render_pdf

ROOT = Path(__file__).resolve().parent.parent
POSTING = ROOT / "profiles" / "postings" / "northwind-ml-engineer.md"


def main() -> None:
    posting = read_posting(POSTING)
    for theme_name in ("classic", "modern", "compact"):
        theme = load_theme(theme_name)
        for profile in sorted((ROOT / "profiles").glob("*.yaml")):
            cv = select(load_profile(profile), posting, today=dt.date(2026, 11, 21)).cv
            render_pdf(cv, theme)  # warm-up: fonts registered once per process
            times = []
            for squeeze in (0.0, 0.5, 1.0) * 5:
                start = time.perf_counter()
                layout = measure_pdf(cv, theme, squeeze=squeeze)
                times.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            render_pdf(cv, theme)
            render_ms = (time.perf_counter() - start) * 1000
            print(
                f"{theme_name:8} {profile.stem:18} measure median {statistics.median(times):5.1f} ms "
                f"max {max(times):5.1f} ms  render {render_ms:5.1f} ms  ({layout.pages} pages at squeeze 1)"
            )


if __name__ == "__main__":
    main()
