"""The match report: what ``tailor match --json`` prints and ``match.json`` holds.

The shape is documented in the README; later features extend it, never break it.
"""

from __future__ import annotations

import json
from typing import Any

from tailor import __version__
from tailor.matching import Selection
from tailor.matching.evidence import RequirementEvidence, fit_sentence
from tailor.models.job import JobPosting
from tailor.models.report import MatchReport
from tailor.models.rules import ROLE_SECTIONS
from tailor.models.tailored import TailoredCV

__all__ = ["checked", "coverage", "document_order", "match_report", "report_json"]


def document_order(cv: TailoredCV) -> list[str]:
    """Ids of every selected item in the order the CV shows them."""
    order: list[str] = []
    for section in cv.sections:
        if section == "summary" and cv.summary_id:
            order.append(cv.summary_id)
        elif section in ROLE_SECTIONS:
            for role in getattr(cv, section):
                order.extend(b.id for b in role.bullets)
        elif section in ("projects", "publications"):
            order.extend(item.id for item in getattr(cv, section))
    return order


def coverage(entry: RequirementEvidence, shown: set[str]) -> str:
    """``covered`` by the CV, ``dropped`` (the profile has evidence the CV leaves out), or ``missing``."""
    if not entry.evidence:
        return "missing"
    return "covered" if any(e.item in shown for e in entry.evidence) else "dropped"


def _shown(selection: Selection, order: list[str]) -> set[str]:
    """Ids the CV shows: its selected items, and its education entries (evidence for degree lines)."""
    cv = selection.cv
    return set(order) | ({e.key for e in cv.education} if "education" in cv.sections else set())


def _requirements(selection: Selection, shown: set[str]) -> list[dict[str, Any]]:
    return [
        {
            "id": entry.requirement.id,
            "section": entry.requirement.section,
            "kind": entry.requirement.kind,
            "text": entry.requirement.text,
            "weight": entry.requirement.weight,
            "coverage": coverage(entry, shown),
            "evidence": [
                {"item": e.item, "kind": e.kind, "strength": e.strength, "matched": list(e.reasons[:5])}
                for e in entry.evidence
            ],
        }
        for entry in selection.requirements
    ]


def match_report(
    posting: JobPosting, selection: Selection, layout: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The JSON-ready report: posting facts, fit, requirements, every item's score, the CV's order."""
    order = document_order(selection.cv)
    report = {
        "tailor": __version__,
        "posting": {
            "source": posting.source,
            "company": posting.company,
            "role": posting.role,
            "location": posting.location,
            "company_source": posting.company_source,
            "role_source": posting.role_source,
        },
        "fit": selection.fit,
        "fit_summary": fit_sentence(selection.fit, selection.requirements, selection.missing_domain),
        "core": [{"id": c.id, "name": c.name, "source": c.source} for c in selection.core],
        "requirements": _requirements(selection, _shown(selection, order)),
        "items": [
            {
                "id": item.id,
                "kind": item.kind,
                "section": item.section,
                "text": item.text,
                "score": item.score,
                "relevance": item.relevance,
                "prior": item.prior,
                "core": item.core,
                "selected": item.selected,
                "matched": list(item.matched),
                "reasons": [{"requirement": r.requirement, "matched": list(r.matched)} for r in item.reasons],
                **(
                    {"closest_in_meaning": {"requirement": item.closest, "similarity": item.similarity}}
                    if item.closest
                    else {}
                ),
            }
            for item in selection.items
        ],
        "cv": {
            "date": selection.cv.document_date.isoformat(),
            "sections": list(selection.cv.sections),
            "order": order,
            **(layout or {}),
            **({"capitalised": capitalised} if (capitalised := _capitalised(selection.cv)) else {}),
        },
        "dropped": [{"id": d.id, "reason": d.reason} for d in selection.dropped],
    }
    return checked(report)


def _capitalised(cv: TailoredCV) -> list[str]:
    """Ids of the bullets, roles (descriptions) and projects whose first letter the CV made a capital."""
    roles = [*cv.experience, *cv.teaching, *cv.volunteering]
    out = [role.id for role in roles if role.description_capitalised]
    out += [bullet.id for role in roles for bullet in role.bullets if bullet.capitalised]
    out += [project.id for project in cv.projects if project.capitalised]
    return out


SAMPLE = 3
"""Entries of each list that are checked: every entry of a list is made by the same code, so a few
show its shape; checking every one of a large profile's 300 items x 200 lines would cost ~40 ms."""


def checked(report: dict[str, Any]) -> dict[str, Any]:
    """``report`` itself, once its shape fits :class:`MatchReport` (the published shape of match.json):
    every key and type, in the first entries of each list.

    Raises:
        pydantic.ValidationError: A key is missing, unknown or of the wrong type: a bug in tailor.
    """
    MatchReport.model_validate(_sample(report))
    return report


def _sample(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _sample(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_sample(item) for item in value[:SAMPLE]]
    return value


INDENTED_UP_TO = 1_000_000
"""match.json is indented for people up to this size; a larger report (hundreds of items against
a long posting) is written compact: ``indent`` forces Python's slow encoder (262 ms for 5.4 MB
against 48 ms), and no one reads such a file without a tool."""


def report_json(report: dict[str, Any]) -> bytes:
    """match.json's bytes: indented when small, compact when large (see :data:`INDENTED_UP_TO`)."""
    compact = json.dumps(report, ensure_ascii=False, separators=(",", ":"))
    if len(compact) > INDENTED_UP_TO:
        return (compact + "\n").encode("utf-8")
    return (json.dumps(report, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
