"""``tailor list``: the application folders under an output folder, with date, company, role and fit.

A folder made by ``tailor batch`` is described by its ``application.json``; one
made by ``tailor build`` by its ``match.json``. Other folders are skipped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tailor.errors import OutputError

__all__ = ["Listed", "list_applications"]


@dataclass(frozen=True)
class Listed:
    """One application folder."""

    folder: Path
    date: str | None
    company: str | None
    role: str | None
    fit: float | None
    bundle: bool
    """Whether it has an application.json (and so can be rebuilt)."""


def _read(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    return data if isinstance(data, dict) else None


def _describe(folder: Path) -> Listed | None:
    manifest = _read(folder / "application.json")
    if manifest is not None:
        return Listed(
            folder,
            manifest.get("date"),
            manifest.get("company"),
            manifest.get("role"),
            manifest.get("fit"),
            True,
        )
    report = _read(folder / "match.json")
    if report is None:
        return None
    posting, cv = report.get("posting") or {}, report.get("cv") or {}
    return Listed(
        folder, cv.get("date"), posting.get("company"), posting.get("role"), report.get("fit"), False
    )


def list_applications(root: Path) -> list[Listed]:
    """Every application folder directly under ``root``, newest first, then by folder name.

    Raises:
        OutputError: ``root`` is not a folder.
    """
    if not root.is_dir():
        msg = f"{root}: not a folder"
        raise OutputError(msg, hint="pass the folder the applications were written to (default: out/)")
    found = [_describe(folder) for folder in sorted(root.iterdir()) if folder.is_dir()]
    rows = [row for row in found if row is not None]
    rows.sort(key=lambda row: row.folder.name)
    rows.sort(key=lambda row: row.date or "", reverse=True)
    return rows
