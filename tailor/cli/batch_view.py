"""What ``tailor batch`` and ``tailor list`` show: a progress bar, error lines and tables (rich).

rich is imported only when one of these is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

    from tailor.app.batch import Application
    from tailor.app.listing import Listed

__all__ = ["BatchProgress", "print_applications", "print_listing"]


class BatchProgress:
    """A progress bar on standard error, with each failed posting's error printed above it."""

    def __init__(self) -> None:
        self._progress: Progress | None = None
        self._task: Any = None

    def start(self, total: int) -> None:
        """Show the bar for ``total`` applications (rich is imported now, not before)."""
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.console = Console(stderr=True)
        self._progress = Progress(
            TextColumn("building"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.description}"),
            console=self.console,
            transient=True,
        )
        self._progress.start()
        self._task = self._progress.add_task("", total=total)

    def done(self, app: Application) -> None:
        """Advance the bar; print the error line of a failed application, and notes."""
        from rich.markup import escape

        if self._progress is None:
            return
        if app.error is not None:
            named = app.error if str(app.posting) in app.error else f"{app.posting}: {app.error}"
            self._progress.console.print(f"[red]error[/red]: {escape(named)}", soft_wrap=True)
        for note in app.notes:
            self._progress.console.print(f"note: {escape(str(app.posting))}: {escape(note)}", soft_wrap=True)
        self._progress.update(self._task, advance=1, description=escape(app.posting.name))

    def stop(self) -> None:
        """Remove the bar."""
        if self._progress is not None:
            self._progress.stop()


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(title: str) -> Any:
    from rich import box
    from rich.table import Table

    return Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)


def _left_out(app: Application) -> str:
    """``no letter (no role in posting); `` before the missing requirements, when one was left out."""
    if not app.skipped:
        return ""
    lacking = [name for name, value in (("company", app.company), ("role", app.role)) if not value]
    why = f"no {' or '.join(lacking)} in posting" if lacking else "see notes"
    return f"no {', '.join(app.skipped)} ({why}); "


def print_applications(apps: Sequence[Application], console: Console | None = None) -> None:
    """The closing table: company, role, fit, pages, top missing requirements, folder (or the error)."""
    from rich.console import Console
    from rich.text import Text

    console = console or Console()
    built = sum(1 for app in apps if app.ok)
    roots = {str(app.folder.parent) for app in apps if app.folder is not None}
    where = f" in {roots.pop()}/" if len(roots) == 1 else ""
    table = _table(f"{built} of {len(apps)} applications built{where}")
    # One line per application: fixed narrow columns, the missing requirements get what is left.
    fixed = {"company": 10, "role": 18, "fit": 5, "pages": 6}
    longest = max((len(app.folder.name) for app in apps if app.folder), default=6)
    folder = min(longest, max(console.width // 4, 14))
    rest = max(console.width - sum(fixed.values()) - folder - 2 * (len(fixed) + 1), 12)
    for name, width in fixed.items():
        right = name in ("fit", "pages")
        table.add_column(
            name, width=width, no_wrap=True, overflow="ellipsis", justify="right" if right else "left"
        )
    table.add_column("top missing requirements", width=rest, no_wrap=True, overflow="ellipsis")
    table.add_column("folder", width=folder, no_wrap=True, overflow="ellipsis")
    for app in apps:
        if app.ok:
            table.add_row(
                app.company or "?",
                app.role or "?",
                f"{app.fit:.0%}" if app.fit is not None else "-",
                str(app.pages or "-"),
                _left_out(app) + ("; ".join(_cut(text, 40) for text in app.missing) or "-"),
                app.folder.name if app.folder else "",
            )
        else:
            first = (app.error or "").splitlines()[0]
            table.add_row(Text(app.posting.name, style="red"), "", "", "", Text(first, style="red"), "")
    console.print(table)


def print_listing(rows: Sequence[Listed], root: Path, console: Console | None = None) -> None:
    """``tailor list``: one row per application folder, newest first."""
    from rich.console import Console

    console = console or Console()
    if not rows:
        console.print(f"no applications in {root}")
        return
    table = _table(f"{len(rows)} applications in {root}/")
    fixed = {"date": 11, "company": 14, "role": 24, "fit": 5}
    for name, width in fixed.items():
        right = name == "fit"
        table.add_column(
            name, width=width, no_wrap=True, overflow="ellipsis", justify="right" if right else "left"
        )
    rest = max(console.width - sum(fixed.values()) - 2 * len(fixed) - 1, 12)
    table.add_column("folder", width=rest, no_wrap=True, overflow="ellipsis")
    for row in rows:
        fit = f"{row.fit:.0%}" if row.fit is not None else "-"
        table.add_row(row.date or "-", row.company or "?", row.role or "?", fit, row.folder.name)
    console.print(table)
