"""Helpers for import tests: roles and bullets in a comparable form, and the seeds."""

from __future__ import annotations

import re
from pathlib import Path

from tailor.models.profile import MasterProfile
from tailor.models.tailored import TailoredCV
from tests.conftest import REPO

SEEDS = REPO.parent / "shared" / "seeds"
ROLE_SECTIONS = ("experience", "teaching", "volunteering")

Role = tuple[str, str, str, str | None, str | None, tuple[str, ...]]


def roles_of(source: MasterProfile | TailoredCV) -> list[Role]:
    """(section, organisation, title, start, end, bullets) for every role, in order."""
    return [
        (
            section,
            role.organisation,
            role.title,
            role.start,
            role.end,
            tuple(f"{b.lead} {b.text}" if b.lead else b.text for b in role.bullets),
        )
        for section in ROLE_SECTIONS
        for role in getattr(source, section)
    ]


def words(text: str) -> set[str]:
    """Every word of a text, lower-cased (to check that an import lost nothing)."""
    return {w.lower() for w in re.findall(r"[^\W_]{2,}", text)}


def seed(prefix: str) -> Path | None:
    """The seed CV whose name starts with ``prefix`` (None outside this workplace)."""
    found = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    return found[0] if found else None
