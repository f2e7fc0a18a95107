"""match.md: the coverage report as Markdown, written beside the documents.

It reads the JSON report (see :mod:`tailor.report.match_json`), so the Markdown, the
terminal tables and match.json always tell the same story.
"""

from __future__ import annotations

from typing import Any

__all__ = ["COVERAGE_TITLES", "match_markdown", "readable_term"]

COVERAGE_TITLES = {
    "covered": "Requirements the CV covers",
    "dropped": "Requirements the profile covers but this CV leaves out",
    "missing": "Requirements the profile does not cover",
}


def readable_term(term: str) -> str:
    """A matched term as a reader sees it: ``skill:PyTorch`` -> PyTorch, ``related:X`` -> related to X."""
    if term.startswith("related:"):
        return f"related to {term.removeprefix('related:')}"
    return term.removeprefix("skill:")


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _requirement_rows(report: dict[str, Any], coverage: str) -> list[str]:
    rows = []
    for req in report["requirements"]:
        if req["coverage"] != coverage:
            continue
        evidence = ", ".join(f"`{e['item']}` ({e['strength']})" for e in req["evidence"]) or "none"
        section = req["section"] or "(untitled)"
        rows.append(
            f"| {req['id']} | {_cell(section)} | {req['weight']:g} | {_cell(req['text'])} | {evidence} |"
        )
    return rows


def match_markdown(report: dict[str, Any]) -> str:
    """The coverage report in Markdown: fit, selected items with reasons, requirements by coverage."""
    posting = report["posting"]
    title = f"{posting['role'] or 'Role not named'} at {posting['company'] or 'company not named'}"
    lines = [f"# Match report: {_cell(title)}", "", report["fit_summary"], ""]
    if report.get("core"):
        core = ", ".join(c["name"] for c in report["core"])
        lines += [f"Core of the role (answered first in the letter): {core}.", ""]
    lines += ["## Selected items", "", "| score | item | text | why |", "|---:|---|---|---|"]
    for item in report["items"]:
        if not item["selected"]:
            continue
        why = ", ".join(reason["requirement"] for reason in item["reasons"][:4])
        terms = ", ".join(readable_term(term) for term in item["matched"][:4])
        why = f"{why}: {terms}" if why and terms else why or terms or "profile order"
        if near := item.get("closest_in_meaning"):
            why += f"; closest in meaning: {near['requirement']} ({near['similarity']:.2f})"
        lines.append(f"| {item['score']:.2f} | `{item['id']}` | {_cell(item['text'])} | {_cell(why)} |")
    for coverage, heading in COVERAGE_TITLES.items():
        rows = _requirement_rows(report, coverage)
        lines += ["", f"## {heading} ({len(rows)})", ""]
        if rows:
            lines += [
                "| id | posting section | weight | requirement | evidence |",
                "|---|---|---:|---|---|",
                *rows,
            ]
        else:
            lines.append("None.")
    return "\n".join(lines) + "\n"
