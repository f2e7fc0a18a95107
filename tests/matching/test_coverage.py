"""Coverage-aware selection (issue #21): every required line, and every line of the role's core, that
the profile has strong CV evidence for keeps that evidence on the fitted CV, on every example
profile x development posting. ``bench/coverage.py`` prints the same figure."""

from __future__ import annotations

import pytest

from tailor.app.tailoring import RuleOptions, tailor
from tailor.inputs.loading import load_profile
from tailor.inputs.themes import load_theme
from tailor.models.tailored import TailoredCV
from tailor.posting import read_posting
from tests.conftest import PROFILES, REPO, TODAY

JOBS = REPO.parent / "shared" / "jobs"
DEVELOPMENT = sorted(JOBS.glob("[01][0-9]-*"))[:14]
KINDS = frozenset({"bullet", "project", "publication"})


def _on_cv(cv: TailoredCV) -> set[str]:
    ids = {
        b.id
        for section in ("experience", "teaching", "volunteering")
        for r in getattr(cv, section)
        for b in r.bullets
    }
    return ids | {p.id for p in cv.projects} | {p.key for p in cv.publications}


@pytest.mark.skipif(not DEVELOPMENT, reason="needs ../shared/jobs")
@pytest.mark.parametrize("name", ["cuong-dao", "data-scientist", "eric-kim", "research-engineer"])
def test_required_and_core_lines_with_strong_evidence_stay_covered(name: str) -> None:
    profile = load_profile(PROFILES / f"{name}.yaml")
    theme = load_theme("classic")
    uncovered = []
    for path in DEVELOPMENT:
        done = tailor(profile, read_posting(path), theme, today=TODAY, options=RuleOptions())
        on_cv = _on_cv(done.selection.cv)
        core = {f"skill:{c.name}" for c in done.selection.core}
        for line in done.selection.requirements:
            strong = [e for e in (line.more or line.evidence) if e.strength == "strong" and e.kind in KINDS]
            asked = line.requirement.kind == "required" or any(core & set(e.reasons) for e in strong)
            if strong and asked and not any(e.item in on_cv for e in strong):
                uncovered.append(f"{path.name}: {line.requirement.text[:60]}")
    assert uncovered == []
