"""Coverage of required and core lines (issue #21): of the posting lines that the profile has strong
CV evidence for (a bullet, project or publication), the share the fitted CV still covers.

    .venv/bin/python bench/coverage.py            # table per profile, then the total
    .venv/bin/python bench/coverage.py --detail   # every line left uncovered

Development postings are the labelled ones (bench/labels), read from ../shared/jobs.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
JOBS = REPO.parent / "shared" / "jobs"
PROFILES = ("cuong-dao", "data-scientist", "eric-kim", "research-engineer")
if TYPE_CHECKING:
    from tailor.models.tailored import TailoredCV

KINDS = frozenset({"bullet", "project", "publication"})


def cv_ids(cv: TailoredCV) -> set[str]:
    ids: set[str] = set()
    for section in ("experience", "teaching", "volunteering"):
        for role in getattr(cv, section):
            ids.update(b.id for b in role.bullets)
    ids.update(p.id for p in cv.projects)
    ids.update(p.key for p in cv.publications)
    return ids


def main(detail: bool) -> None:
    from tailor.app.tailoring import RuleOptions, tailor
    from tailor.inputs.loading import load_profile
    from tailor.inputs.themes import load_theme
    from tailor.posting import read_posting

    theme = load_theme("classic")
    postings = sorted(JOBS.glob("[01][0-9]-*"))[:14]
    total_have = total_covered = 0
    for name in PROFILES:
        profile = load_profile(REPO / "profiles" / f"{name}.yaml")
        have = covered = 0
        for path in postings:
            job = read_posting(path)
            done = tailor(profile, job, theme, today=dt.date(2026, 6, 1), options=RuleOptions())
            on_cv = cv_ids(done.selection.cv)
            core = {f"skill:{c.name}" for c in done.selection.core}
            for line in done.selection.requirements:
                strong = [
                    e for e in (line.more or line.evidence) if e.strength == "strong" and e.kind in KINDS
                ]
                is_core = any(core & set(e.reasons) for e in strong)
                if not strong or not (line.requirement.kind == "required" or is_core):
                    continue
                have += 1
                if any(e.item in on_cv for e in strong):
                    covered += 1
                elif detail:
                    print(f"{name} x {path.name[:40]}: {line.requirement.text[:70]!r} ({len(strong)} strong)")
        print(f"{name:20} {covered}/{have} = {covered / have:.1%}" if have else f"{name:20} -")
        total_have += have
        total_covered += covered
    print(f"{'all':20} {total_covered}/{total_have} = {total_covered / total_have:.1%}")


if __name__ == "__main__":
    main("--detail" in sys.argv)
