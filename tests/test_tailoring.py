"""Selection under rules plus the page budget, end to end with the real layout."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from tailor.app.tailoring import PAGE_BUDGET, RuleOptions, Tailored, tailor
from tailor.errors import RulesError
from tailor.inputs.loading import load_profile
from tailor.inputs.themes import load_theme
from tailor.models.profile import MasterProfile
from tailor.posting import read_posting
from tailor.render.pdf import render_pdf
from tests.conftest import EXAMPLE_POSTING, EXAMPLE_PROFILES, PROFILES, SHARED_JOBS, TODAY

CLASSIC = load_theme("classic")


def run(
    profile: MasterProfile, posting: Path = EXAMPLE_POSTING, theme: str = "classic", **flags: object
) -> Tailored:
    return tailor(
        profile, read_posting(posting), load_theme(theme), today=TODAY, options=RuleOptions(flags=flags)
    )


def pdf_pages(result: Tailored, theme: str = "classic") -> int:
    data = render_pdf(result.selection.cv, load_theme(theme), squeeze=result.fit.squeeze)
    return len(PdfReader(io.BytesIO(data)).pages)


def assert_budget(result: Tailored, pages: int, theme: str = "classic") -> None:
    assert pdf_pages(result, theme) == result.fit.pages <= pages
    if any(d.reason == PAGE_BUDGET for d in result.selection.dropped):
        assert result.fit.pages == pages
        assert result.fit.last_page_fill >= 0.85


def postings() -> list[Path]:
    if not SHARED_JOBS.is_dir():
        return [EXAMPLE_POSTING]
    return sorted(p for p in SHARED_JOBS.iterdir() if p.stem[0].isdigit())


@pytest.mark.parametrize("pages", [1, 2])
@pytest.mark.parametrize("profile", EXAMPLE_PROFILES)
def test_every_profile_and_posting_fits_the_page_budget(profile: str, pages: int) -> None:
    loaded = load_profile(PROFILES / profile)
    for posting in postings():
        result = run(loaded, posting, pages=pages)
        assert_budget(result, pages)


@pytest.mark.parametrize("theme", ["modern", "compact"])
def test_other_themes_fit_too(theme: str) -> None:
    for profile in EXAMPLE_PROFILES:
        for pages in (1, 2):
            assert_budget(run(load_profile(PROFILES / profile), theme=theme, pages=pages), pages, theme)


def test_dropped_items_carry_reasons() -> None:
    result = run(load_profile(PROFILES / "eric-kim.yaml"), pages=1)
    reasons = {d.reason for d in result.selection.dropped}
    assert PAGE_BUDGET in reasons
    assert "rule: max bullets per role" in reasons
    shown = {b.id for role in result.selection.cv.experience for b in role.bullets}
    assert not shown & {d.id for d in result.selection.dropped}


def test_pins_stay_and_excludes_go_under_the_budget() -> None:
    profile = load_profile(PROFILES / "eric-kim.yaml")
    pinned = "pub-an-analysis-of-583b49"
    excluded = "b-served-as-the-68bc06"
    result = run(profile, pages=1, pin=[pinned], exclude=[excluded])
    cv = result.selection.cv
    assert pinned in {p.key for p in cv.publications}
    assert excluded not in {b.id for role in cv.experience for b in role.bullets}
    assert result.fit.pages == 1


def test_conflicting_rules_fail_with_both_named() -> None:
    profile = load_profile(PROFILES / "eric-kim.yaml")
    with pytest.raises(RulesError) as err:
        run(profile, min_bullets_per_role=5, max_bullets_per_role=3)
    assert "`min_bullets_per_role` (5) is above `max_bullets_per_role` (3)" in str(err.value)
    with pytest.raises(RulesError) as err:
        run(profile, pin=["b-served-as-the-68bc06"], exclude=["b-served-as-the-68bc06"])
    assert "both pinned and excluded" in str(err.value)
    with pytest.raises(RulesError) as err:
        run(profile, pin=["b-served-as-the-68bc07"])
    assert "did you mean `b-served-as-the-68bc06`?" in str(err.value)


def generated_profile(role_bullets: list[list[int]], pins: list[tuple[int, int]]) -> MasterProfile:
    words = ["built", "shipped", "designed", "measured", "improved", "trained", "deployed", "reviewed"]
    roles = []
    for r, lengths in enumerate(role_bullets):
        bullets = []
        for b, length in enumerate(lengths):
            text = f"Role {r} item {b}: " + " ".join(words[(r + b + i) % len(words)] for i in range(length))
            bullets.append({"text": text, "pin": (r, b) in pins})
        roles.append(
            {
                "title": f"Engineer {r}",
                "organisation": f"Company {r}",
                "start": f"{2020 - 2 * r}-01",
                "bullets": bullets,
            }
        )
    return MasterProfile.model_validate({"person": {"name": "Test Person"}, "experience": roles})


profiles = st.lists(st.lists(st.integers(35, 80), min_size=4, max_size=8), min_size=3, max_size=7)
"""Roles of bullets (their lengths in words): most overflow one page, so the fitter has work to do.
Measured with ``pytest tests/test_tailoring.py -k generated --hypothesis-show-statistics``: the
events below say in how many examples the fitter dropped, squeezed or shortened something."""


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(role_bullets=profiles, pages=st.integers(1, 2), data=st.data())
def test_generated_profiles_never_exceed_the_budget(
    role_bullets: list[list[int]], pages: int, data: st.DataObject
) -> None:
    cells = [(r, b) for r, lengths in enumerate(role_bullets) for b in range(len(lengths))]
    pins = data.draw(st.lists(st.sampled_from(cells), max_size=2, unique=True))
    profile = generated_profile(role_bullets, pins)
    try:
        first = run(profile, pages=pages, max_bullets_per_role=7, max_bullets_older_role=7)
    except RulesError:
        return  # pins and minimums alone overflow: reported, never silently spilled
    event("fitter acted" if first.fit.dropped or first.fit.squeeze or first.fit.shortened else "fitter idle")
    second = run(profile, pages=pages, max_bullets_per_role=7, max_bullets_older_role=7)
    assert first.selection.cv == second.selection.cv
    assert first.fit == second.fit
    assert pdf_pages(first) <= pages
    shown = {b.text.split(":")[0] for role in first.selection.cv.experience for b in role.bullets}
    for r, b in pins:
        assert f"Role {r} item {b}" in shown


def test_a_freelance_role_without_an_organisation_builds_everywhere(tmp_path: Path) -> None:
    profile = tmp_path / "freelancer.yaml"
    profile.write_text(
        "person:\n  name: Jo Freelancer\nexperience:\n"
        "  - title: Freelance Machine Learning Engineer\n    start: '2019'\n    end: present\n"
        "    bullets:\n      - Trained object detection models in PyTorch for retail clients.\n",
        encoding="utf-8",
    )
    from tailor.app.pipeline import BuildRequest, build
    from tailor.app.posting_input import PostingInput

    result = build(BuildRequest(profile, PostingInput(str(EXAMPLE_POSTING)), TODAY, out=tmp_path / "out"))
    assert {path.name for path in result.files} >= {"cv.pdf", "cv.docx", "letter.pdf", "answers.pdf"}
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "out" / "cv.pdf").pages)
    assert "Freelance Machine Learning Engineer" in text
