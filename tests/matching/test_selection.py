from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tailor.matching import select
from tailor.models.job import JobPosting
from tailor.models.profile import MasterProfile
from tailor.models.rules import Rules

TODAY = dt.date(2026, 11, 21)
POSTING = JobPosting(source="test", text="We need PyTorch and computer vision experience. Python, C++.")


def profile(**extra: Any) -> MasterProfile:
    return MasterProfile.model_validate(
        {
            "person": {"name": "Ada"},
            "experience": [
                {
                    "id": "old",
                    "title": "Analyst",
                    "organisation": "Old Co",
                    "start": "2010",
                    "end": "2012",
                    "bullets": ["Wrote reports in Excel."],
                },
                {
                    "id": "new",
                    "title": "Engineer",
                    "organisation": "New Co",
                    "start": "2020",
                    "end": "present",
                    "bullets": [
                        {"id": "excel", "text": "Maintained spreadsheets."},
                        {"id": "cv", "text": "Built computer vision models in PyTorch."},
                        {"id": "cpp", "text": "Optimised C++ inference."},
                        {"id": "docs", "text": "Wrote documentation."},
                    ],
                },
            ],
            "skills": [{"name": "Tools", "items": ["Excel", "Python", "C++"]}],
            **extra,
        }
    )


def test_roles_are_reverse_chronological_and_bullets_ordered_by_score() -> None:
    cv = select(profile(), POSTING, today=TODAY).cv
    assert [r.id for r in cv.experience] == ["new", "old"]
    assert [b.id for b in cv.experience[0].bullets][:2] == ["cv", "cpp"]


def test_an_older_role_goes_only_after_the_extra_bullets_of_newer_roles() -> None:
    units = select(profile(), POSTING, today=TODAY).units
    order = [u.id for u in units]
    # "Wrote reports in Excel." matches nothing, yet the whole Old Co role is worth more on the
    # page than New Co's weakest bullets: a gap in the career costs more than a fourth bullet.
    assert order.index("old") > order.index("docs")
    assert order.index("old") > order.index("excel")


def test_cap_on_bullets_per_role() -> None:
    cv = select(profile(), POSTING, Rules(max_bullets_per_role=2), today=TODAY).cv
    assert [b.id for b in cv.experience[0].bullets] == ["cv", "cpp"]


def test_pinned_items_are_always_in_and_excluded_never() -> None:
    rules = Rules(max_bullets_per_role=1, pin=["docs"], exclude=["cv"])
    cv = select(profile(), POSTING, rules, today=TODAY).cv
    assert [b.id for b in cv.experience[0].bullets] == ["docs"]


def test_posting_matched_skills_come_first() -> None:
    cv = select(profile(), POSTING, today=TODAY).cv
    assert cv.skills[0].items == ["Python", "C++", "Excel"]


def test_skill_groups_naming_more_of_the_posting_come_first_unless_written_order_is_asked() -> None:
    groups = [
        {"name": "Office", "items": ["Excel", "Word"]},
        {"name": "Languages", "items": ["Python", "C++"]},
        {"name": "Vision", "items": ["OpenCV", "PyTorch"]},
    ]
    cv = select(profile(skills=groups), POSTING, today=TODAY).cv
    assert [g.name for g in cv.skills] == ["Languages", "Vision", "Office"]  # 2, 1, 0 named; ties kept
    written = select(profile(skills=groups), POSTING, Rules(skill_group_order="written"), today=TODAY).cv
    assert [g.name for g in written.skills] == ["Office", "Languages", "Vision"]


def test_items_are_sorted_by_score_with_reasons() -> None:
    items = select(profile(), POSTING, today=TODAY).items
    scores = [i.score for i in items]
    assert scores == sorted(scores, reverse=True)
    top = items[0]
    assert top.id == "cv"
    assert "pytorch" in top.matched
    assert top.selected


def test_empty_sections_are_left_out() -> None:
    cv = select(profile(), POSTING, today=TODAY).cv
    assert cv.sections == ("experience", "skills")


@settings(max_examples=40, deadline=None)
@given(
    cap=st.integers(min_value=1, max_value=5),
    words=st.lists(
        st.sampled_from(["pytorch", "excel", "c++", "documentation", "vision", "reports"]), max_size=6
    ),
)
def test_selection_respects_cap_and_is_deterministic(cap: int, words: list[str]) -> None:
    posting = JobPosting(source="test", text=" ".join(words))
    first = select(profile(), posting, Rules(max_bullets_per_role=cap), today=TODAY)
    again = select(profile(), posting, Rules(max_bullets_per_role=cap), today=TODAY)
    assert first == again
    assert all(len(role.bullets) <= cap for role in first.cv.experience)


def test_an_undated_role_stays_where_it_was_written_among_dated_roles() -> None:
    from tailor.matching.candidates import newest_first
    from tailor.models.profile import Role

    def role(title: str, start: str | None = None, end: str | None = None) -> Role:
        return Role.model_validate({"title": title, "organisation": "Acme", "start": start, "end": end})

    written = [
        role("Red team (dates to fix)"),
        role("Developer", "2023-01", "2025-10"),
        role("Intern", "2019"),
    ]
    # written under the developer role, it stays under it
    later = [written[2], written[1], written[0]]
    assert [r.title for r in newest_first(later)] == ["Developer", "Red team (dates to fix)", "Intern"]
    assert [r.title for r in newest_first(written)] == ["Red team (dates to fix)", "Developer", "Intern"]


def test_bullets_can_keep_the_order_they_were_written_in() -> None:
    bullets = ["Ran the theatre's lighting desk", "Trained computer vision models in PyTorch"]
    me = MasterProfile.model_validate(
        {
            "person": {"name": "Ada"},
            "experience": [
                {"title": "Engineer", "organisation": "Acme", "start": "2020", "bullets": bullets}
            ],
        }
    )
    by_relevance = select(me, POSTING, today=TODAY).cv.experience[0].bullets
    written = select(me, POSTING, Rules(bullet_order="written"), today=TODAY).cv.experience[0].bullets
    assert [b.text for b in by_relevance] == bullets[::-1]
    assert [b.text for b in written] == bullets
