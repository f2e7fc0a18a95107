"""Terminal tables for humans (rich is imported only when a table is printed)."""

from __future__ import annotations

from typing import Any

__all__ = ["print_ranking"]


def print_ranking(report: dict[str, Any], top: int) -> None:
    """Print the ranking of ``tailor match`` as a table."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    posting = report["posting"]
    title = f"{posting['role'] or 'role?'} at {posting['company'] or 'company?'}"
    table = Table(title=title, title_justify="left")
    # Fixed narrow columns; the text gets what is left of the terminal, one line per item.
    wide = console.width >= 110
    fixed = [("score", 6), ("sel", 3), ("kind", 11)] + ([("id", 30)] if wide else [])
    extra = [("matched", 28)] if wide else []
    borders = 3 * (len(fixed) + len(extra) + 1) + 1
    text_width = max(20, console.width - borders - sum(w for _, w in fixed + extra))
    for name, width in [*fixed, ("text", text_width), *extra]:
        table.add_column(name, width=width, no_wrap=True, overflow="ellipsis")
    for item in report["items"][:top]:
        cells = [f"{item['score']:.2f}", "✓" if item["selected"] else "", item["kind"]]
        cells += [item["id"]] if wide else []
        cells.append(" ".join(item["text"].split()))
        cells += [", ".join(item["matched"][:5])] if wide else []
        table.add_row(*cells)
    console.print(table)
