"""Terminal tables for humans (rich is imported only when a table is printed)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tailor.report.match_md import COVERAGE_TITLES, readable_term

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["print_report"]

_STYLE = {"covered": "green", "dropped": "yellow", "missing": "red"}


def _ranking(console: Console, report: dict[str, Any], top: int) -> None:
    from rich.table import Table

    table = Table(title="Items, best first (✓ = on the CV)", title_justify="left")
    # Fixed narrow columns; the text gets what is left of the terminal, one line per item.
    wide = console.width >= 110
    fixed = [("score", 6), ("sel", 3), ("kind", 11)] + ([("id", 30)] if wide else [])
    extra = [("why", 34)] if wide else []
    borders = 3 * (len(fixed) + len(extra) + 1) + 1
    text_width = max(20, console.width - borders - sum(w for _, w in fixed + extra))
    for name, width in [*fixed, ("text", text_width), *extra]:
        table.add_column(name, width=width, no_wrap=True, overflow="ellipsis")
    for item in report["items"][:top]:
        cells = [f"{item['score']:.2f}", "✓" if item["selected"] else "", item["kind"]]
        cells += [item["id"]] if wide else []
        cells.append(" ".join(item["text"].split()))
        if wide:
            reqs = ",".join(reason["requirement"] for reason in item["reasons"][:3])
            terms = ", ".join(readable_term(t) for t in item["matched"][:3])
            near = item.get("closest_in_meaning")
            meaning = f" ≈{near['requirement']}" if near else ""
            cells.append(f"{reqs}{meaning} {terms}".strip())
        table.add_row(*cells)
    console.print(table)


def _requirements(console: Console, report: dict[str, Any], coverage: str) -> None:
    from rich.table import Table
    from rich.text import Text

    rows = [r for r in report["requirements"] if r["coverage"] == coverage]
    if not rows:
        console.print(Text(f"{COVERAGE_TITLES[coverage]}: none.", style=_STYLE[coverage]))
        return
    table = Table(
        title=f"{COVERAGE_TITLES[coverage]} ({len(rows)})", title_justify="left", title_style=_STYLE[coverage]
    )
    wide = console.width >= 110
    evidence_width = 34 if wide else 0
    text_width = max(20, console.width - 4 - 6 - 7 - evidence_width - (3 * (3 if wide else 2) + 1))
    table.add_column("id", width=4, no_wrap=True)
    table.add_column("weight", width=6, no_wrap=True)
    table.add_column("requirement", width=text_width, no_wrap=True, overflow="ellipsis")
    if wide:
        table.add_column("evidence", width=evidence_width, no_wrap=True, overflow="ellipsis")
    for req in rows:
        cells = [req["id"], f"{req['weight']:g}", " ".join(req["text"].split())]
        if wide:
            cells.append(", ".join(f"{e['item']} ({e['strength']})" for e in req["evidence"]) or "-")
        table.add_row(*cells)
    console.print(table)


def print_report(report: dict[str, Any], top: int) -> None:
    """Print ``tailor match``: fit, the ranking with reasons, and requirement coverage."""
    from rich.console import Console
    from rich.text import Text

    console = Console()
    posting = report["posting"]
    console.print(Text(f"{posting['role'] or 'role?'} at {posting['company'] or 'company?'}", style="bold"))
    console.print(Text(report["fit_summary"]))
    _ranking(console, report, top)
    for coverage in COVERAGE_TITLES:
        _requirements(console, report, coverage)
