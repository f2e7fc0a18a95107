"""Fitting a CV to a page budget: drop order, pull-back, variants, squeeze, conflicts."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import pytest

from tailor.errors import RulesError
from tailor.layout import fit_to_pages, shortened, without
from tailor.matching.selection import DropUnit
from tailor.models.profile import Person
from tailor.models.tailored import TailoredBullet, TailoredCV, TailoredProject, TailoredRole

LINES_PER_PAGE = 10


@dataclass(frozen=True)
class FakeLayout:
    pages: int
    last_page_fill: float


def lines(cv: TailoredCV) -> int:
    """One line per role header, bullet (two when long) and project."""
    total = 0
    for role in cv.experience:
        total += 1 + sum(2 if len(b.text) > 40 else 1 for b in role.bullets)
    return total + len(cv.projects)


def measure(cv: TailoredCV, squeeze: float) -> FakeLayout:
    capacity = LINES_PER_PAGE + round(4 * squeeze)
    used = lines(cv)
    pages = max(1, math.ceil(used / capacity))
    return FakeLayout(pages, (used - (pages - 1) * capacity) / capacity)


def bullet(n: int, long: bool = False, shorter: str | None = None) -> TailoredBullet:
    text = f"bullet {n} " + ("x" * 40 if long else "")
    return TailoredBullet(id=f"b{n}", text=text, shorter=("short", shorter) if shorter else None)


def cv_with(roles: list[list[TailoredBullet]], projects: int = 0) -> TailoredCV:
    return TailoredCV(
        person=Person(name="Test Person"),
        document_date=dt.date(2026, 11, 21),
        sections=("experience", "projects") if projects else ("experience",),
        experience=tuple(
            TailoredRole(id=f"r{i}", title="Engineer", organisation="Acme", bullets=tuple(bs))
            for i, bs in enumerate(roles)
        ),
        projects=tuple(TailoredProject(id=f"p{i}", name=f"P{i}", text="t") for i in range(projects)),
    )


def test_cv_that_fits_is_left_alone() -> None:
    cv = cv_with([[bullet(1), bullet(2)]])
    result = fit_to_pages(cv, [DropUnit("b2", "bullet", 0.1, "r0")], 1, measure)
    assert result.cv == cv
    assert result.dropped == ()


def test_drops_cheapest_units_first_until_it_fits() -> None:
    cv = cv_with([[bullet(n) for n in range(1, 13)]])  # 13 lines
    units = [DropUnit(f"b{n}", "bullet", n / 10, "r0") for n in range(12, 1, -1)]
    units.sort(key=lambda u: u.value)
    result = fit_to_pages(cv, units, 1, measure)
    assert result.pages == 1
    assert result.dropped == ("b2", "b3", "b4")
    assert [b.id for b in result.cv.experience[0].bullets] == ["b1", *(f"b{n}" for n in range(5, 13))]


def test_pulls_back_valuable_small_items_that_still_fit() -> None:
    # A long bullet must go; a cheaper short one dropped before it comes back.
    cv = cv_with(
        [[bullet(1), bullet(2), bullet(3, long=True)] + [bullet(n) for n in range(4, 11)]]
    )  # 12 lines
    units = [DropUnit("b2", "bullet", 0.1, "r0"), DropUnit("b3", "bullet", 0.2, "r0")]
    result = fit_to_pages(cv, units, 1, measure)
    assert result.dropped == ("b3",)
    assert result.pages == 1
    assert result.last_page_fill == 1.0


def test_a_role_goes_only_after_its_bullets_and_whole() -> None:
    cv = cv_with([[bullet(n) for n in range(1, 9)], [bullet(9), bullet(10), bullet(11)]])  # 9 + 4 lines
    units = [
        DropUnit("b10", "bullet", 0.1, "r1"),
        DropUnit("b11", "bullet", 0.2, "r1"),
        DropUnit("r1", "role", 0.3),
    ]
    result = fit_to_pages(cv, units, 1, measure)
    assert [r.id for r in result.cv.experience] == ["r0"]
    assert result.pages == 1


def test_switches_to_short_variants_then_squeezes_when_nothing_may_be_dropped() -> None:
    cv = cv_with([[bullet(n, long=True, shorter=f"short {n}") for n in range(1, 7)]])  # 13 lines
    result = fit_to_pages(cv, [], 1, measure)
    assert result.shortened == tuple(f"b{n}" for n in range(1, 7))
    assert result.squeeze == 0.0
    assert result.cv.experience[0].bullets[0].text == "short 1"
    assert result.cv.experience[0].bullets[0].variant == "short"


def test_squeezes_within_bounds_before_giving_up() -> None:
    cv = cv_with([[bullet(n) for n in range(1, 13)]])  # 13 lines, fits at squeeze 0.75 (13 lines)
    result = fit_to_pages(cv, [], 1, measure)
    assert result.squeeze == 0.75
    assert result.pages == 1


def test_pins_and_minimums_that_overflow_fail_with_what_to_relax() -> None:
    cv = cv_with([[bullet(n) for n in range(1, 20)]])
    with pytest.raises(RulesError) as err:
        fit_to_pages(cv, [], 1, measure)
    assert "cannot fit in 1 page" in str(err.value)
    assert "--pages" in (err.value.hint or "")


def test_without_and_shortened_leave_other_items_alone() -> None:
    cv = cv_with([[bullet(1), bullet(2, shorter="s")]], projects=2)
    trimmed = without(cv, {"b1", "p0"})
    assert [b.id for b in trimmed.experience[0].bullets] == ["b2"]
    assert [p.id for p in trimmed.projects] == ["p1"]
    assert without(cv, {"p0", "p1"}).sections == ("experience",)
    short, changed = shortened(cv)
    assert changed == ("b2",)
    assert short.experience[0].bullets[1].text == "s"
