"""Shared fixtures: the fixed date, repository paths, a minimal and a full profile, one posting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tailor.inputs.loading import load_profile
from tailor.models.job import JobPosting
from tailor.models.profile import MasterProfile

REPO = Path(__file__).resolve().parent.parent
PROFILES = REPO / "profiles"
EXAMPLE_POSTING = PROFILES / "postings" / "northwind-ml-engineer.md"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED_JOBS = REPO.parent / "shared" / "jobs"
TODAY = dt.date(2026, 11, 21)
EXAMPLE_PROFILES = sorted(p.name for p in PROFILES.glob("*.yaml"))
ONE_ROLE_PROFILE = """\
person:
  name: Jo Doe
  email: jo@example.com
experience:
  - title: Data Analyst
    organisation: Acme Ltd
    start: 2022-01
    end: present
    bullets:
      - Built a forecasting model in Python for monthly sales
"""
"""A minimal valid profile (one dated role, one bullet) for tests that add one section to it."""


@pytest.fixture
def today() -> dt.date:
    return TODAY


@pytest.fixture
def minimal_profile() -> MasterProfile:
    return MasterProfile.model_validate({"person": {"name": "Ada Lovelace"}})


@pytest.fixture
def full_profile() -> MasterProfile:
    return load_profile(FIXTURES / "accented.yaml")


@pytest.fixture
def posting() -> JobPosting:
    from tailor.posting import read_posting

    return read_posting(EXAMPLE_POSTING)


def shared_jobs() -> list[Path]:
    """The real development postings beside the repository (absent outside this workplace)."""
    if not SHARED_JOBS.is_dir():
        return []
    return sorted(p for p in SHARED_JOBS.iterdir() if p.suffix in (".txt", ".html", ".md"))
