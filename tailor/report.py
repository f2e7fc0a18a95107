"""The match report: what ``tailor match --json`` prints and ``match.json`` holds.

The shape is documented in the README; later features extend it, never break it.
"""

from __future__ import annotations

from typing import Any

from tailor import __version__
from tailor.matching import Selection
from tailor.models.job import JobPosting
from tailor.models.tailored import TailoredCV

__all__ = ["document_order", "match_report"]


def document_order(cv: TailoredCV) -> list[str]:
    """Ids of every selected item in the order the CV shows them."""
    order: list[str] = []
    for section in cv.sections:
        if section == "summary" and cv.summary_id:
            order.append(cv.summary_id)
        elif section in ("experience", "teaching", "volunteering"):
            for role in getattr(cv, section):
                order.extend(b.id for b in role.bullets)
        elif section in ("projects", "publications"):
            order.extend(item.id for item in getattr(cv, section))
    return order


def match_report(posting: JobPosting, selection: Selection) -> dict[str, Any]:
    """The JSON-ready report: posting facts, every item's score, and the CV's order."""
    return {
        "tailor": __version__,
        "posting": {
            "source": posting.source,
            "company": posting.company,
            "role": posting.role,
            "location": posting.location,
            "company_source": posting.company_source,
            "role_source": posting.role_source,
        },
        "items": [
            {
                "id": item.id,
                "kind": item.kind,
                "section": item.section,
                "text": item.text,
                "score": item.score,
                "selected": item.selected,
                "matched": list(item.matched),
            }
            for item in selection.items
        ],
        "cv": {
            "date": selection.cv.document_date.isoformat(),
            "sections": list(selection.cv.sections),
            "order": document_order(selection.cv),
        },
    }
