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


MAX_JSON_BYTES = 50_000_000
"""Larger than any match.json of a real profile; a folder whose JSON is larger is not listed."""


def _read(path: Path) -> dict[str, Any] | None:
    from tailor.inputs.bounded import InputRefused, read_limited

    try:
        data = json.loads(read_limited(path, MAX_JSON_BYTES, "report").decode("utf-8"))
    except (OSError, InputRefused, UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def _text(value: Any) -> str | None:
    return value[:200] if isinstance(value, str) else None


def _fit(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _describe(folder: Path) -> Listed | None:
    """What a folder's application.json (or else match.json) says; values of the wrong type are left out."""
    manifest = _read(folder / "application.json")
    if manifest is not None:
        return _listed(folder, manifest, manifest, manifest, from_manifest=True)
    report = _read(folder / "match.json")
    if report is None:
        return None
    posting, cv = report.get("posting"), report.get("cv")
    posting = posting if isinstance(posting, dict) else {}
    cv = cv if isinstance(cv, dict) else {}
    return _listed(folder, cv, posting, report, from_manifest=False)


def _listed(
    folder: Path, dated: dict[str, Any], named: dict[str, Any], fitted: dict[str, Any], *, from_manifest: bool
) -> Listed:
    """A row from the records that hold the date, the company and role, and the fit."""
    company, role = _text(named.get("company")), _text(named.get("role"))
    return Listed(folder, _text(dated.get("date")), company, role, _fit(fitted.get("fit")), from_manifest)


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
