"""Scoring at scale (issue #22): a ~300-item profile against a ~200-line posting.

The profile is the four example profiles' roles (their bullets marked with a copy number)
repeated until it holds about 300 items; the posting is several real development postings
joined. Prints the time of scoring alone (``score_candidates``) and of the whole match (score,
select, fit), median of 5 runs in this warm process.

    .venv/bin/python bench/bench_scale.py
"""

from __future__ import annotations

import copy
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
JOBS = ROOT.parent / "shared" / "jobs"
POSTINGS = ["01-zoox-staff-swe-perception.txt", "05-fetch-staff-ml-engineer-personalization.txt",
            "09-evenup-ml-engineer-document-ai-rag.txt", "19-senior-machine-learning-engineer-136253.txt",
            "27-lead-software-engineer-machine-learning.txt", "36-senior-ai-engineer.txt",
            "46-mlops-engineer-llm-serving-and-infrastructure-116810.txt"]  # fmt: skip
TARGET_ITEMS = 300


def large_profile(folder: Path) -> Path:
    data = yaml.safe_load((ROOT / "profiles" / "eric-kim.yaml").read_text(encoding="utf-8"))
    roles = [
        role
        for name in ("eric-kim", "cuong-dao", "research-engineer", "data-scientist")
        for role in yaml.safe_load((ROOT / "profiles" / f"{name}.yaml").read_text(encoding="utf-8")).get(
            "experience"
        )
        or []
    ]
    out, items, copy_number = [], 0, 0
    while items < TARGET_ITEMS:
        copy_number += 1
        for role in roles:
            clone = copy.deepcopy(role)
            clone["id"] = f"{role.get('id', 'role')}-{copy_number}"
            bullets: list[Any] = []
            for bullet in clone.get("bullets") or []:
                if isinstance(bullet, str):
                    bullets.append(f"{bullet} (copy {copy_number})")
                else:
                    bullet = dict(bullet)
                    bullet.pop("id", None)
                    bullet["text"] = f"{bullet['text']} (copy {copy_number})"
                    bullet.pop("variants", None)
                    bullets.append(bullet)
            clone["bullets"] = bullets
            items += len(bullets)
            out.append(clone)
    data["experience"] = out
    path = folder / "large.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def long_posting(folder: Path) -> Path:
    text = "\n\n".join((JOBS / name).read_text(encoding="utf-8") for name in POSTINGS)
    path = folder / "long.txt"
    path.write_text(
        "---\ncompany: Many Postings\nrole: Senior Machine Learning Engineer\n---\n" + text, encoding="utf-8"
    )
    return path


def main() -> int:
    from tailor.app.pipeline import match
    from tailor.app.posting_input import PostingInput
    from tailor.inputs.loading import load_profile
    from tailor.matching.candidates import candidates
    from tailor.matching.scoring import posting_units, score_candidates
    from tailor.matching.vocabulary import load_vocabulary
    from tailor.posting import read_posting

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        profile_path, posting_path = large_profile(folder), long_posting(folder)
        profile = load_profile(profile_path)
        posting = read_posting(str(posting_path))
        items = candidates(profile)
        vocabulary = load_vocabulary(profile.vocabulary)
        print(f"{len(items)} items x {len(posting_units(posting))} requirement lines")
        scoring, whole = [], []
        for _ in range(5):
            start = time.perf_counter()
            score_candidates(items, posting, vocabulary)
            scoring.append(time.perf_counter() - start)
            start = time.perf_counter()
            match(profile_path, PostingInput(str(posting_path)), today=dt.date(2026, 12, 1))
            whole.append(time.perf_counter() - start)
        print(f"scoring alone   median {1000 * statistics.median(scoring):6.0f} ms  (target <= 150)")
        print(f"match (whole)   median {1000 * statistics.median(whole):6.0f} ms  (target <= 400)")
        from tailor.report.match_json import report_json

        report = match(profile_path, PostingInput(str(posting_path)), today=dt.date(2026, 12, 1)).report
        writing = []
        for _ in range(5):
            start = time.perf_counter()
            size = len(report_json(report))
            writing.append(time.perf_counter() - start)
        print(f"match.json      median {1000 * statistics.median(writing):6.0f} ms  ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
