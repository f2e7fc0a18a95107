"""Terminal tables for humans (rich is imported only when a table is printed)."""

from __future__ import annotations

from typing import Any

__all__ = ["print_ranking"]


def print_ranking(report: dict[str, Any], top: int) -> None:
    """Print the ranking of ``tailor match`` as a table."""
    from rich.console import Console
    from rich.table import Table

    posting = report["posting"]
    table = Table(
        title=f"{posting['role'] or 'role?'} at {posting['company'] or 'company?'}", title_justify="left"
    )
    for column, options in (
        ("score", {"justify": "right"}),
        ("sel", {}),
        ("kind", {}),
        ("id", {}),
        ("text", {"ratio": 3}),
        ("matched", {"ratio": 2}),
    ):
        table.add_column(column, **options)
    for item in report["items"][:top]:
        text = item["text"] if len(item["text"]) <= 90 else item["text"][:89] + "…"
        table.add_row(
            f"{item['score']:.2f}",
            "✓" if item["selected"] else "",
            item["kind"],
            item["id"],
            text,
            ", ".join(item["matched"][:5]),
        )
    Console().print(table)
