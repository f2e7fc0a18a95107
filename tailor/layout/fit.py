"""Fit a CV to N pages by dropping what matters least, never by shrinking it unreadable.

The selection hands over the CV the rules allow and its *drop units*, cheapest
first (a role only after all of its droppable bullets). Fitting then:

1. measures the CV with the theme's real layout (a pass takes ~10-40 ms);
2. if it is too long, finds by bisection the shortest prefix of drop units
   whose removal makes it fit (about log2(n) passes);
3. pulls back the most valuable dropped units that still fit, so that the last
   page ends well filled;
4. only when no rule allows dropping more, switches bullets to the shorter
   wordings the person wrote, then tightens spacing within the theme's bounds;
5. when even that overflows, fails naming the rules to relax.

Everything is deterministic: the same CV, units and measure give the same result.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Protocol

from tailor.errors import RulesError
from tailor.models.rules import ROLE_SECTIONS
from tailor.models.tailored import TailoredCV

__all__ = ["FitResult", "Measure", "fit_to_pages", "shortened", "without"]

SQUEEZE_STEPS = (0.25, 0.5, 0.75, 1.0)
MAX_PULL_BACK_TRIES = 4
FULL = 0.95
"""A last page this full has no room for another item: stop pulling back."""


class Layout(Protocol):
    @property
    def pages(self) -> int: ...

    @property
    def last_page_fill(self) -> float: ...


Measure = Callable[[TailoredCV, float], Layout]
"""Lays out a CV at a squeeze (0 = the theme's normal spacing) and reports pages and fill."""


class _Unit(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def role(self) -> str | None: ...


@dataclass(frozen=True)
class FitResult:
    """The CV that fits, how it was made to fit, and its measured layout."""

    cv: TailoredCV
    squeeze: float
    pages: int
    last_page_fill: float
    dropped: tuple[str, ...]
    """Ids of units removed for the page budget (roles and items), cheapest first."""
    shortened: tuple[str, ...]
    """Bullets switched to a shorter wording of the person's own."""


def without(cv: TailoredCV, removed: AbstractSet[str]) -> TailoredCV:
    """The CV with the given roles, bullets, projects and publications removed."""
    if not removed:
        return cv
    update: dict[str, object] = {}
    for section in ROLE_SECTIONS:
        roles = []
        for role in getattr(cv, section):
            if role.id in removed:
                continue
            bullets = tuple(b for b in role.bullets if b.id not in removed)
            roles.append(
                role if len(bullets) == len(role.bullets) else role.model_copy(update={"bullets": bullets})
            )
        update[section] = tuple(roles)
    update["projects"] = tuple(p for p in cv.projects if p.id not in removed)
    update["publications"] = tuple(p for p in cv.publications if p.key not in removed)
    trimmed = cv.model_copy(update=update)
    sections = tuple(s for s in cv.sections if s == "summary" or s not in update or update[s])
    return trimmed.model_copy(update={"sections": sections})


def shortened(cv: TailoredCV) -> tuple[TailoredCV, tuple[str, ...]]:
    """The CV with every bullet that has a shorter wording switched to it."""
    changed: list[str] = []
    update: dict[str, object] = {}
    for section in ROLE_SECTIONS:
        roles = []
        for role in getattr(cv, section):
            bullets = []
            for bullet in role.bullets:
                if bullet.shorter is None:
                    bullets.append(bullet)
                    continue
                name, text = bullet.shorter
                changed.append(bullet.id)
                bullets.append(
                    bullet.model_copy(update={"text": text, "variant": name or None, "shorter": None})
                )
            roles.append(role.model_copy(update={"bullets": tuple(bullets)}))
        update[section] = tuple(roles)
    return (cv.model_copy(update=update), tuple(changed)) if changed else (cv, ())


def _removed(units: Sequence[_Unit], count: int) -> frozenset[str]:
    return frozenset(unit.id for unit in units[:count])


class _Passes:
    """Layout passes at the theme's normal spacing, each removal set measured once."""

    def __init__(self, cv: TailoredCV, measure: Measure) -> None:
        self.cv, self.measure = cv, measure
        self.seen: dict[frozenset[str], Layout] = {}

    def __call__(self, removed: frozenset[str]) -> Layout:
        if removed not in self.seen:
            self.seen[removed] = self.measure(without(self.cv, set(removed)), 0.0)
        return self.seen[removed]


def _shortest_fitting_prefix(units: Sequence[_Unit], pages: int, passes: _Passes) -> int | None:
    """Smallest k such that dropping the k cheapest units fits (None: not even all of them).

    Dropping 0 units does not fit (checked by the caller); dropping all is assumed to fit
    and checked only when the search ends there.
    """
    low, high = 0, len(units)
    while high - low > 1:
        mid = (low + high) // 2
        if passes(_removed(units, mid)).pages <= pages:
            high = mid
        else:
            low = mid
    if passes(_removed(units, high)).pages > pages:
        return None
    return high


def _pull_back(
    units: Sequence[_Unit], count: int, pages: int, passes: _Passes
) -> tuple[frozenset[str], Layout]:
    """Re-add the most valuable dropped units that still fit (the unit at ``count - 1`` never does)."""
    removed = _removed(units, count)
    layout = passes(removed)
    tries = 0
    for unit in reversed(units[: count - 1]):
        if tries >= MAX_PULL_BACK_TRIES or (layout.pages == pages and layout.last_page_fill >= FULL):
            break
        if unit.role is not None and unit.role in removed:
            continue  # its role is gone; the bullet cannot come back alone
        tries += 1
        trial = removed - {unit.id}
        trial_layout = passes(trial)
        if trial_layout.pages <= pages:
            removed, layout = trial, trial_layout
    return removed, layout


def fit_to_pages(cv: TailoredCV, units: Sequence[_Unit], pages: int, measure: Measure) -> FitResult:
    """Make ``cv`` fit in ``pages`` pages (see the module docstring for the order of means).

    Raises:
        RulesError: Pins, per-role minimums and the latest role alone overflow the pages.
    """
    passes = _Passes(cv, measure)
    layout = passes(frozenset())
    if layout.pages <= pages:
        return FitResult(cv, 0.0, layout.pages, layout.last_page_fill, (), ())
    count = _shortest_fitting_prefix(units, pages, passes)
    if count is not None:
        removed, layout = _pull_back(units, count, pages, passes)
        order = tuple(unit.id for unit in units if unit.id in removed)
        return FitResult(without(cv, set(removed)), 0.0, layout.pages, layout.last_page_fill, order, ())
    everything = _removed(units, len(units))
    short, changed = shortened(without(cv, everything))
    for squeeze in (0.0, *SQUEEZE_STEPS):
        layout = measure(short, squeeze)
        if layout.pages <= pages:
            order = tuple(unit.id for unit in units)
            return FitResult(short, squeeze, layout.pages, layout.last_page_fill, order, changed)
    msg = (
        f"the CV cannot fit in {pages} page{'s' if pages > 1 else ''}: pinned items, the minimum of "
        f"bullets per role and the latest role alone take {layout.pages} pages at the tightest spacing"
    )
    raise RulesError(
        msg,
        hint="raise --pages, unpin items (rules.pin / pin: true), lower rules.min_bullets_per_role, "
        "or set rules.keep_latest_role: false",
    )
