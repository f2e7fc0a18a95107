"""Select under the rules, then fit to the page budget with the theme's real layout.

This is the heart of ``tailor match`` and ``tailor build``: the selection
knows nothing of pages and the fitter nothing of scores; here the two meet,
and the result records every item dropped and why.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tailor.inputs.rule_sources import effective_rules, load_rules_file
from tailor.layout import FitResult, fit_to_pages
from tailor.matching import Selection, select
from tailor.matching.selection import Dropped
from tailor.models.job import JobPosting
from tailor.models.profile import MasterProfile
from tailor.models.rules import Rules
from tailor.models.theme import Theme
from tailor.report.match_json import document_order

__all__ = ["RuleOptions", "Tailored", "tailor"]

PAGE_BUDGET = "page budget"


@dataclass(frozen=True)
class RuleOptions:
    """Rules given for one run: a rules file and command-line flags (``pages``, ``pin``, ...)."""

    file: Path | None = None
    flags: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Tailored:
    """The fitted selection and how the page budget was met."""

    selection: Selection
    fit: FitResult
    rules: Rules
    """The effective rules, from every source."""
    measured: Any = None
    """The PdfMeasurer of the fit: rendering the fitted CV can draw what it measured."""


def _page_budget_drops(selection: Selection, fitted: FitResult) -> list[Dropped]:
    bullets_of = {role.id: [b.id for b in role.bullets] for role in _roles(selection)}
    dropped: list[Dropped] = []
    for unit_id in fitted.dropped:
        ids = [unit_id, *bullets_of.get(unit_id, [])]
        dropped.extend(Dropped(i, PAGE_BUDGET) for i in ids if i not in {d.id for d in dropped})
    return dropped


def _roles(selection: Selection) -> list[Any]:
    cv = selection.cv
    return [*cv.experience, *cv.teaching, *cv.volunteering]


def _with_fit(selection: Selection, fitted: FitResult) -> Selection:
    shown = set(document_order(fitted.cv))
    items = tuple(
        item.model_copy(update={"selected": False}) if item.selected and item.id not in shown else item
        for item in selection.items
    )
    dropped = (*selection.dropped, *_page_budget_drops(selection, fitted))
    return dataclasses.replace(selection, cv=fitted.cv, items=items, dropped=dropped)


def tailor(
    profile: MasterProfile, job: JobPosting, theme: Theme, *, today: dt.date, options: RuleOptions
) -> Tailored:
    """Select the profile's items for the posting and fit them to the page budget.

    Raises:
        ProfileError: A rules source is invalid.
        RulesError: The rules contradict each other or cannot fit the pages.
    """
    from tailor.render.pdf import PdfMeasurer

    rules = effective_rules(
        profile.rules,
        theme_order=theme.sections.order,
        posting_rules=job.rules,
        posting_source=job.source,
        file_rules=load_rules_file(options.file) if options.file else None,
        flags=options.flags,
    )
    selection = select(profile, job, rules, today=today)
    measurer = PdfMeasurer(theme)
    fitted = fit_to_pages(selection.cv, selection.units, selection.pages, measurer)
    return Tailored(_with_fit(selection, fitted), fitted, rules, measurer)
